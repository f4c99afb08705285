"""Assemble blocks: join body lines into paragraphs from layout evidence, and place
headings, lists, tables and captions in reading order."""
from __future__ import annotations

import re

from ..model import Heading, ListBlock, Paragraph, Table
from ..text import is_ideograph, is_terminated, join_wrapped
from .core import BODY, CAPTION, HEADING, LIST, TABLE, Draft, Line, Layout, cleaning_pass
from .grammar import _word_spans
from .levels import heading_levels

# A short line ending in these was cut before an unbreakable token (a long number or
# Latin word): the paragraph goes on. A short line ending in anything else ends it.
SHORT_LINE_CONTINUES = "，,、（(《“‘—"
NO_LINE_START = "，。、；：！？”’）》」』"
NO_LINE_END = "“‘（(《「『"
_UNBREAKABLE = re.compile(r"[(\[]?[A-Za-z0-9][A-Za-z0-9.,%+\-/]*[。，；、”）)]?")
_SHI_START = re.compile(r"^([二三四五六七八九十])是")
_SHI_PREV = {c: p + "是" for p, c in zip("一二三四五六七八九", "二三四五六七八九十")}
_ENUM_START = re.compile(r"^[（(]?(\d{1,2})[）)]")


def continues(layout: Layout, prev: Line, line: Line, text_so_far: str, first: bool = False) -> bool:
    """Does `line` continue the paragraph whose last line is `prev`?

    Evidence, not blank lines: a line that fills the column was wrapped by the layout; a
    short line ending a sentence ends its paragraph; a new indented line or a numbered
    item after a finished sentence starts a new one.
    """
    if line.starts_paragraph or line.run_in:
        return False
    if prev.joins_next:  # an article number alone on its line
        return True
    ends = is_terminated(prev.text)
    if layout.soft:
        return not ends
    if not layout.full(prev, first):
        if ends:
            return False
        if prev.text[-1:] in SHORT_LINE_CONTINUES:
            return True
        # Line-breaking rules (no comma or closing quote may start a line) push the last
        # character over with the mark and leave the line short ("……人才475" + "名，……",
        # "……稳步推" + "进，……"): a character then a no-start mark, or a word running
        # across the join, says the paragraph goes on.
        if line.text[1:2] and line.text[1] in NO_LINE_START and not prev.text[-1:] in NO_LINE_START:
            return True
        if is_ideograph(prev.text[-1:] or " ") and is_ideograph(line.text[:1] or " ") \
                and _word_spans(prev.text, line.text):
            return True
        # Cut short because the next token (a number, a Latin word) did not fit.
        token = _UNBREAKABLE.match(line.text)
        return bool(token) and layout.full(Line(0, prev.raw.strip() + " " + token.group(), "", False), first)
    if not ends:
        return True
    if line.indent:
        return False
    if line.text.startswith("——"):
        # "——……。" items of a dash-led enumeration, each a paragraph.
        return False
    m = _SHI_START.match(line.text)
    if m and text_so_far.startswith(_SHI_PREV.get(m.group(1), "\0")):
        # "二是……" after a paragraph that opened with "一是……": its sibling, not its tail.
        return False
    m = _ENUM_START.match(line.text)
    if m:  # "（3）" at a line start continues an inline "（1）…（2）…" sequence
        n = int(m.group(1))
        return n > 1 and bool(re.search(rf"[（(]{n - 1}[）)]", text_so_far))
    return True


def _quotes(text: str) -> int:
    """Curly quotation marks are measured one cell wide but set full width in Chinese
    type: the cells a line's width misses."""
    return sum(text.count(q) for q in "“”‘’")


def _indent_dropped(draft: Draft, prev: Line, i: int, first: bool) -> bool:
    """Does line i open a paragraph whose indent the extractor dropped (pypdf, pdfminer)?
    After a full line that ends a sentence, a line short of the column by just the
    two-character indent (a justified middle line fills it) that goes on unfinished and
    was not left short by line breaking (a character pushed over with two no-start marks,
    or kept with the quotation it opens, a token too long to fit: see continues) is a
    first line. After a full line ending in a colon too ("……五个方面工作：" / "一是……").
    Only a line of full-width characters: with digits or Latin its width says less
    (quotation marks are counted full width)."""
    if draft.layout.soft or not draft.layout.full(prev, first) \
            or not (is_terminated(prev.text) or prev.text[-1:] in "：:"):
        return False
    return short_by_indent(draft, i)


def short_by_indent(draft: Draft, i: int) -> bool:
    """Is line i short of the column by just the two-character indent of a first line
    whose indent the extractor dropped, going on unfinished, and not left short by line
    breaking (see _indent_dropped)?"""
    layout, line = draft.layout, draft.lines[i]
    if (layout.soft or line.indent or is_terminated(line.text) or re.search(r"[\x00-\x7f]", line.text)
            or not layout.column - 5 <= line.width + _quotes(line.text) <= layout.column - 3):
        return False
    k = draft.next_content(i)
    if k is None or draft.lines[k].kind != BODY:
        return False
    nxt = draft.lines[k]
    # A character pushed over with the mark after it leaves a line one character short,
    # not two; with two marks after it ("……”，"), two. (A word run across the join says
    # nothing here: Chinese breaks between any two characters.)
    if nxt.text[:1] in NO_LINE_START or (nxt.text[1:2] and nxt.text[1] in NO_LINE_START
                                         and nxt.text[2:3] and nxt.text[2] in NO_LINE_START):
        return False
    # A character then an opening mark ("办“2+2”", "区“桥头堡”"): line breaking keeps the
    # character with the quotation it opens onto and leaves the line above short.
    if nxt.text[1:2] and nxt.text[1] in NO_LINE_END:
        return False
    token = _UNBREAKABLE.match(nxt.text)
    return not (token and layout.full(Line(0, line.raw.strip() + " " + token.group(), "", False)))


def closed(layout: Layout, prev: Line, first: bool = False) -> bool:
    """Can nothing continue a paragraph ending with `prev`?"""
    ends = is_terminated(prev.text)
    return ends if layout.soft else ends and not layout.full(prev, first)


@cleaning_pass("join_paragraphs")
def join_paragraphs(draft: Draft) -> None:
    """Join wrapped lines into paragraphs; floats (tables, captions) wait for an open one."""
    layout = draft.layout
    levels = heading_levels(draft)
    blocks = draft.doc.blocks
    cur: dict | None = None
    pending: list = []

    def close():
        nonlocal cur
        if cur:
            blocks.append(Paragraph(cur["text"], cur["no"]))
            if cur["run_in"]:
                blocks[-1].lead = -1  # resolved to a length after spacing is tidied
        cur = None
        blocks.extend(pending)
        pending.clear()

    for idx, line in enumerate(draft.lines):
        if line.kind == BODY:
            if cur and continues(layout, cur["last"], line, cur["text"], cur["last"] is cur["first"]) \
                    and not _indent_dropped(draft, cur["last"], idx, cur["last"] is cur["first"]):
                cur["text"] = join_wrapped(cur["text"], line.text)
                cur["last"] = line
                continue
            close()
            cur = {"text": line.text, "no": line.no, "first": line, "last": line,
                   "run_in": bool(line.run_in)}
        elif line.kind == HEADING:
            close()
            blocks.append(Heading(levels.get(line.heading.kind, 1), _heading_text(line.heading), line.no))
        elif line.kind == LIST and line.items is not None:
            close()
            blocks.append(ListBlock(list(line.items), True, line.no))
        elif line.kind in (TABLE, CAPTION):
            if line.kind == TABLE and line.rows is None:
                continue
            block = Table(line.rows, line.no) if line.kind == TABLE else Paragraph(line.text, line.no)
            if cur and closed(layout, cur["last"], cur["last"] is cur["first"]):
                close()
            (pending if cur else blocks).append(block)
    close()
    draft.note("join_paragraphs", f"{sum(isinstance(b, Paragraph) for b in blocks)} paragraph(s), "
                                  f"{sum(isinstance(b, Heading) for b in blocks)} heading(s)")


def _heading_text(h) -> str:
    number, title = h.number, h.title
    if not number:
        return title
    if h.kind in ("ar1", "ar2", "ar3", "part", "chapter", "section") and not number.endswith("、"):
        return f"{number} {title}"
    return number + title

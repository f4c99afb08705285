"""Page furniture that text alone cannot tell from a heading: a journal name or the
title printed once or twice in a short document's page header. The evidence is where it
stands: at a page boundary, inside a running sentence, or repeating the masthead."""
from __future__ import annotations

import re

from ..text import is_terminated, squash
from .core import BLANK, BODY, DROPPED, Draft, cleaning_pass
from .furniture import _PUNCT


_NAME_SHAPE = re.compile(r"^[^\s\d，。；：、！？,.;:()（）《》“”\"'—-]{2,12}$")


def _page_edge_name(draft: Draft, i: int) -> bool:
    """Is line i name-shaped (2-12 characters, no digits, spaces or punctuation) and not
    numbered, i.e. shaped like a periodical's name rather than text?"""
    from .grammar import _numbered
    line = draft.lines[i]
    return (line.kind == BODY and "\t" not in line.raw and bool(_NAME_SHAPE.match(line.text))
            and _numbered(line.text) is None)


@cleaning_pass("strip_page_edge_names")
def strip_page_edge_names(draft: Draft) -> None:
    """A journal name printed once in the header of a short document's later page. Its
    text alone is a one-line heading's, so the evidence is its place at a page boundary
    (a dropped folio): a line that repeats furniture already dropped (the masthead's
    name); the last line before the folio (a heading never ends a page: it is kept with
    its text, and a paragraph's last line ends in punctuation); or the first line after
    it when the sentence of the page before runs on past it (no heading cuts a sentence).
    A name-shaped line that repeats the dropped masthead goes wherever it stands, and so
    does one that stands inside a running sentence (see _inside_sentence) and, after it,
    every other printing of that line, and a line reprinting one of the title block's
    lines inside a sentence or set apart as a text block of its own."""
    lines = draft.lines
    late = _late_title(draft)
    if late:
        # The title set across page 1, which the extractor read after the first column:
        # back to the top, where lift_front_matter finds it (not furniture: nothing removed).
        top = _top(draft)
        moved = [lines[k] for k in late]
        del lines[late[0]:late[-1] + 1]
        lines[top:top] = moved
        draft.note("strip_page_edge_names", f"line {moved[0].no}: {' / '.join(ln.text for ln in moved)!r} "
                                            f"stands inside a sentence of page 1 under an untitled top: the "
                                            f"title, read after a column; moved to the top")
    # The masthead's name (a running header may be the title, or a line of it).
    dropped = {squash(r.text) for r in draft.doc.removed if r.reason.startswith("banner")}
    # Nothing above the first finished sentence: a title wraps into short lines there.
    first_end = next((k for k, ln in enumerate(lines) if ln.kind == BODY and is_terminated(ln.text)), len(lines))
    # The title block (first lines): a page header may reprint the title.
    head = [squash(lines[k].text) for k in [k for k, ln in enumerate(lines[:first_end]) if ln.kind == BODY][:4]]
    top = set(head)
    # A title set on two lines is reprinted on one in a running header.
    title_reprints = top | {a + b for a, b in zip(head, head[1:])}
    n = 0
    # Anywhere: extractors that read columns one after another leave a page's header
    # between two columns, far from its folio; the masthead's name is known by then.
    for i, line in enumerate(lines):
        # (a title line may have punctuation when it reprints two title lines as one:
        # "政务信息参考（第17期）：2026年……报告" matches no sentence by chance)
        if (i > first_end and line.kind == BODY and "\t" not in line.raw and 6 <= len(line.text) <= 40
                and ((not _PUNCT.search(line.text) and squash(line.text) in top)
                     or squash(line.text) in title_reprints - top) and (_runs_across(draft, i) or _set_apart(draft, i))):
            reason, why = (("running header (title inside a sentence)", "reprints the title inside a sentence")
                           if _runs_across(draft, i) else
                           ("running header (title reprinted)", "reprints the title as a text block of its own"))
        elif not _page_edge_name(draft, i):
            continue
        elif dropped and squash(line.text) in dropped:
            reason, why = "running header (repeats the masthead)", "repeats dropped furniture"
        elif i > first_end and _inside_sentence(draft, i):
            reason, why = "running header (inside a sentence)", "stands inside a running sentence"
        else:
            continue
        draft.remove(line.text, reason, line.no)
        line.kind = DROPPED
        draft.note("strip_page_edge_names", f"line {line.no}: {line.text!r} {why}")
        n += 1
        if reason == "running header (inside a sentence)":
            # Known furniture from here on: its other printings go wherever they stand
            # (one between two paragraphs reads like a heading).
            dropped.add(squash(line.text))
    for f, folio in enumerate(lines):
        if folio.page_start and folio.kind == BODY and _page_edge_name(draft, f) and _page_runs_on(draft, f):
            # A form feed opens the page with the name: a header over the page's first
            # line, which goes on with the paragraph of the page before.
            draft.remove(folio.text, "running header (page edge)", folio.no)
            folio.kind = DROPPED
            draft.note("strip_page_edge_names", f"line {folio.no}: {folio.text!r} heads a page whose first "
                                                f"line runs on from the page before")
            n += 1
            continue
        if folio.kind != DROPPED or not folio.folio:
            continue
        before, after = draft.prev_content(f), draft.next_content(f)
        for i, side in ((before, "before"), (after, "after")):
            if (i is not None and i > first_end and lines[i].kind == BODY and len(lines[i].text) >= 6
                    and squash(lines[i].text) in title_reprints):
                # The title (or its two lines as one) next to a folio, far from the top:
                # a running header that reprints it.
                draft.remove(lines[i].text, "running header (page edge)", lines[i].no)
                lines[i].kind = DROPPED
                draft.note("strip_page_edge_names", f"line {lines[i].no}: {lines[i].text!r} reprints the title "
                                                    f"at a page boundary")
                n += 1
                continue
            if i is None or not _page_edge_name(draft, i):
                continue
            line = lines[i]
            if _cuts_word(draft, i):
                why = "stands inside a word cut across the page break"
            elif _reads_as_text(draft, i):
                continue
            elif squash(line.text) in dropped:
                why = "repeats dropped furniture"
            elif side == "before" and _ends_page(draft, i):
                why = "ends its page"
            elif side == "after" and _splices_sentence(draft, f, i):
                why = "cuts a sentence across the page break"
            elif side == "after" and _page_runs_on(draft, i):
                why = "heads a page whose first line runs on from the page before"
            elif side == "after" and _splices_points(draft, f, i):
                why = "stands between two points of one list across the page break"
            else:
                continue
            draft.remove(line.text, "running header (page edge)", line.no)
            line.kind = DROPPED
            draft.note("strip_page_edge_names", f"line {line.no}: {line.text!r} at a page boundary {why}")
            n += 1
    if n:
        draft.note("strip_page_edge_names", f"dropped {n} name line(s) at page boundaries")


def _top(draft: Draft) -> int:
    """Where the body starts: the first body line (after the dropped masthead)."""
    return next(k for k, ln in enumerate(draft.lines) if ln.kind == BODY)


def _late_title(draft: Draft) -> list[int]:
    """The title of page 1 that the extractor read after the first column (pdfminer on a
    3-column page): one or two title-like lines (no sentence punctuation; a second line
    may open with "：") set apart as a text block of their own, inside a sentence (the line
    before is full and unfinished), before page 1 ends (where it ends must be known), under a top that opens with running
    text (a sentence, a salutation ending in "：") or a numbered heading instead of a title
    (under a column banner, if any). Page 1 has no running header (a masthead, if any, is dropped by now). [] if none."""
    from .grammar import _numbered
    lines, layout = draft.lines, draft.layout
    if layout.soft or not any(ln.kind == BODY for ln in lines):
        return []
    # (the top line, or the line under a column banner: "调查报告" / "三、……")
    top = _top(draft)
    firsts = [top] + ([draft.next_content(top)] if len(lines[top].text) <= 6 else [])
    if not any(k is not None and (re.search(r"[，。；：,;:]", lines[k].text) or _numbered(lines[k].text))
               for k in firsts):
        return []
    for i in range(1, len(lines) - 2):
        ln = lines[i]
        if ln.folio or ln.page_start:
            return []
        if not (ln.kind == BODY and lines[i - 1].kind == BLANK):
            continue
        block = [i] if lines[i + 1].kind == BLANK else [i, i + 1] if lines[i + 2].kind == BLANK else []
        p, n = draft.prev_content(i), draft.next_content(block[-1]) if block else None
        # (the text around it runs on consecutive lines: in a layout with a blank line after
        # every line, every line stands apart)
        if (block and p is not None and n is not None and p >= 1 and lines[p - 1].kind == BODY
                and n + 1 < len(lines) and lines[n + 1].kind == BODY
                and lines[p].kind == BODY and layout.full(lines[p])
                and not is_terminated(lines[p].text) and lines[p].text[-1] not in "：:"
                and all(lines[k].kind == BODY and 4 <= len(lines[k].text) <= 40
                        and not re.search(r"[，。；！？,;!?]", lines[k].text) and not _numbered(lines[k].text)
                        for k in block)
                and (len(block) == 1 or lines[block[1]].text[:1] in "：:")
                # (and page 1 is known to end later: a form feed or a dropped folio)
                and any(ln.folio or ln.page_start for ln in lines[n:])):
            return block
    return []


def _set_apart(draft: Draft, i: int) -> bool:
    """Is line i a text block of its own, with blank lines above and below it (as
    pdftotext prints a page's header between two columns' text)?"""
    lines = draft.lines
    return 0 < i < len(lines) - 1 and lines[i - 1].kind == BLANK and lines[i + 1].kind == BLANK


def _ends_page(draft: Draft, i: int) -> bool:
    """Line i is the last of its page and stands after finished or running text: the line
    before it is body text (a heading over nothing cannot end a page)."""
    p = draft.prev_content(i)
    return p is not None and draft.lines[p].kind == BODY


def _splices_sentence(draft: Draft, folio: int, i: int) -> bool:
    """The body line before the folio is unfinished and the line after line i goes on."""
    p, nxt = draft.prev_content(folio), draft.next_content(i)
    if p is None or nxt is None or draft.lines[p].kind != BODY:
        return False
    return not is_terminated(draft.lines[p].text) and draft.lines[p].text[-1] not in "：:"


_POINT = re.compile(r"^([一二三四五六七八九十])是")


def _page_runs_on(draft: Draft, i: int) -> bool:
    """Line i opens a page (a form feed or a dropped folio above it) between a full last
    line of the page before and a line as wide as the column, not indented and not
    numbered, in a text whose paragraphs open short by their indent: that line is no
    paragraph's first line but the page before's paragraph going on (a full last line
    ending in "。" may run on), so no heading stands over it — line i is the page's header."""
    from .grammar import ARTICLE, _numbered
    lines, layout = draft.lines, draft.layout
    p, n = draft.prev_content(i), draft.next_content(i)
    if layout.soft or p is None or n is None or lines[p].kind != BODY or _reads_as_text(draft, i):
        return False
    nxt = lines[n]
    return (layout.full(lines[p]) and not nxt.indent and nxt.width >= layout.column - 2
            and _numbered(nxt.text) is None and not ARTICLE.match(nxt.text) and _indents_paragraphs(draft))


def _cuts_word(draft: Draft, i: int) -> bool:
    """Line i, clearly short of the column, stands between a full unfinished line and a
    line that finish a word together ("……人力资源社" / name / folio / "会保障……"): the word
    runs across it, so it is no text of the sentence; what a word across its own ends
    would say is chance ("经济要参" + "会保障" reads "参会")."""
    from .grammar import _word_spans
    lines, layout = draft.lines, draft.layout
    p, n = draft.prev_content(i), draft.next_content(i)
    if layout.soft or p is None or n is None or lines[p].kind != BODY or lines[n].kind != BODY:
        return False
    return (layout.full(lines[p]) and not is_terminated(lines[p].text) and lines[i].width <= layout.column - 8
            and _word_spans(lines[p].text, lines[n].text))


def _indents_paragraphs(draft: Draft) -> bool:
    """Do the text's paragraphs open indented, or short by the indent where the extractor
    dropped it? Judged on the lines under a clearly short line (a paragraph's last line or
    a heading; a middle line is justified to the column): most of them are first lines."""
    lines, layout = draft.lines, draft.layout
    firsts = []
    for k, ln in enumerate(lines):
        if ln.kind == BODY and ln.width <= layout.column - 6:
            n = draft.next_content(k)
            if n is not None and len(lines[n].text) >= 4 and not is_terminated(lines[n].text):
                firsts.append(lines[n].indent or lines[n].width <= layout.column - 3)
    return len(firsts) >= 3 and sum(firsts) >= 0.6 * len(firsts)


def _splices_points(draft: Draft, folio: int, i: int) -> bool:
    """The line after line i opens a report's next point ("四是……") and the page before
    the folio holds the point before it ("三是……"): no heading stands between two points
    of one list, so line i is the next page's header."""
    from .reading_order import cn_number
    nxt = draft.next_content(i)
    m = _POINT.match(draft.lines[nxt].text) if nxt is not None else None
    if not m or cn_number(m.group(1)) < 2:
        return False
    before = "一二三四五六七八九十"[cn_number(m.group(1)) - 2] + "是"
    return any(ln.kind == BODY and ln.text.startswith(before) for ln in draft.lines[max(0, folio - 60):folio])


def _inside_sentence(draft: Draft, i: int) -> bool:
    """Line i is short, between a full line whose sentence is unfinished and a line that
    goes on with it: running text has no short line there (a middle line of a paragraph
    is justified to the column), so it is a header that an extractor reading columns one
    after another left between them ("……城镇化率达到" / name / "67.4%。……"). It is at
    least four characters short (line breaking leaves one), and no word runs across it."""
    from .grammar import ARTICLE, _numbered, _word_spans
    lines, layout = draft.lines, draft.layout
    p, n = draft.prev_content(i), draft.next_content(i)
    if layout.soft or p is None or n is None or lines[p].kind != BODY:
        return False
    prev, line, nxt = lines[p], lines[i], lines[n]
    # A line that opens a text block (a blank line above it, its text right under it)
    # is a heading at the top of a column an extractor read out of turn: the column
    # order pass puts it back (a header stands apart from the text under it).
    if lines[i - 1].kind == BLANK and n == i + 1:
        return False
    # Short even for a paragraph's first line (its two-character indent) and not under
    # a numbered line (a heading, whose wrap or first paragraph line may follow).
    # The line before is full, or was left short by the token that opens the next one
    # (a number cannot be broken: "……城镇化率达到" / "67.4%。"). A person's name may
    # be a byline that layout analysis put mid-page: not furniture.
    token = re.match(r"[\dA-Za-z.%]+", nxt.text)
    prev_full = layout.full(prev) or (token is not None and layout.full(
        type(prev)(0, prev.raw.strip() + token.group(), "", False)))
    return (prev_full and not is_terminated(prev.text) and prev.text[-1] not in "：:"
            and _numbered(prev.text) is None and not _wraps_numbered(draft, p)
            and not line.indent and not _person_name(line.text)
            and line.width <= layout.column - 8
            and _numbered(nxt.text) is None and not ARTICLE.match(nxt.text)
            # A line set apart as a text block of its own (blank lines around it) with a
            # word cut around it ("……航空航" / name / "天、……") interrupts the sentence,
            # whatever a word across its own ends would say ("经济要参" + "天" reads
            # "参天" by chance).
            and ((lines[i - 1].kind == BLANK and lines[i + 1].kind == BLANK and _word_spans(prev.text, nxt.text))
                 or (not _word_spans(line.text, nxt.text) and not _word_spans(prev.text, line.text))))


def _wraps_numbered(draft: Draft, p: int) -> bool:
    """Is line p, unpunctuated, the wrap of a numbered line without punctuation one or two
    lines above it ("一、1996年我国地震活动" / "情况和1997年及未来几年" / "地震趋势")? A heading
    wrapped over three lines of a narrow column ends on a short line there: no header."""
    from .grammar import PUNCTUATED, _numbered
    k = p
    for _ in range(2):
        if PUNCTUATED.search(draft.lines[k].text):
            return False
        k = draft.prev_content(k)
        if k is None or draft.lines[k].kind != BODY:
            return False
        if _numbered(draft.lines[k].text) is not None:
            return not PUNCTUATED.search(draft.lines[k].text)
    return False


def _person_name(text: str) -> bool:
    """A person's name: two or three characters, or a transliteration with "·" (a
    four-character line is as often a periodical's name)."""
    from .authors import _names
    names = _names(text)
    return bool(names) and len(names) == 1 and (len(names[0]) <= 3 or "·" in names[0])


def _runs_across(draft: Draft, i: int) -> bool:
    """The body line before line i is a full line of running text (not a heading) whose
    sentence is unfinished, and the line after it is not numbered: line i interrupts a
    sentence."""
    from .grammar import ARTICLE, _numbered
    p, n = draft.prev_content(i), draft.next_content(i)
    if p is None or n is None or draft.lines[p].kind != BODY:
        return False
    prev, nxt = draft.lines[p].text, draft.lines[n].text
    return (draft.layout.full(draft.lines[p]) and not is_terminated(prev) and prev[-1] not in "：:"
            and _numbered(prev) is None and _numbered(nxt) is None and not ARTICLE.match(nxt))


def _reads_as_text(draft: Draft, i: int) -> bool:
    """Could line i be a line of the running text? In a narrow column a line of text is
    short and unpunctuated too: it is text when it is not clearly shorter than the
    column (four characters) or a word runs across its start or end ("……技" / "术合同")."""
    from .grammar import _word_spans
    lines, layout = draft.lines, draft.layout
    if not layout.soft and lines[i].width > layout.column - 8:
        return True
    p, n = draft.prev_content(i), draft.next_content(i)
    return ((p is not None and lines[p].kind == BODY and _word_spans(lines[p].text, lines[i].text))
            or (n is not None and _word_spans(lines[i].text, lines[n].text)))

"""Where a title starts and ends: its lines (one, or wrapped over two or three), what may
follow it, a title straight over the body, a document's name, and a banner over it."""
from __future__ import annotations

import re

from ..text import is_terminated
from .core import BODY, LIFTED, Draft, Line
from .grammar import _numbered as numbered
from .subtitles import _subtitle_start, _year_note


_ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零〇两\d]{1,6}条")


# Structural particles that attach to the word before them: a line opening with one
# continues the line above.
PARTICLE_STARTS = "的之"


def _ends_title_block(draft: Draft, i: int, byline_at) -> bool:
    """What may follow a title: a subtitle, an author line, a lifted field (abstract,
    keywords), or the numbered start of the body (第一章, 一、, 第一条)."""
    ln = draft.lines[i]
    return (ln.kind == LIFTED or _subtitle_start(ln.text, draft, i) or bool(byline_at(i))
            or bool(numbered(ln.text)) or bool(_ARTICLE.match(ln.text)))


def _title_lines(draft: Draft, start: int, titleish, byline_at) -> tuple[list[int], int | None]:
    """Title lines from `start`: one title-like line, or a title wrapped over two or three
    (each later line no wider than the first, as a centred title wraps), followed by what
    may follow a title. A title line straight over the body needs more evidence: longer
    than a column banner and without a comma (a deck or first sentence has one)."""
    lines = draft.lines
    if not titleish(lines[start]) or byline_at(start):
        return [], None
    cand = [start]
    nxt = draft.next_content(start, kinds=(BODY, LIFTED))

    def cut_word(k: int) -> bool:
        # A word runs from the title line above into line k ("……的若" / "干意见"): the
        # title goes on, whatever k looks like on its own (a three-character name).
        # So does a line opening with a structural particle (的, 之), which no name, subtitle
        # or sentence starts with: "……适用法律若干问题" / "的规定".
        # And so does a title line left open on a structural particle ("……若干措施的" /
        # "通知"): a title does not end on 的 (a word of its own, jieba), so the short line
        # under it (which alone would pass for a two-character name) finishes it.
        from .grammar import _ends_open, _word_spans
        return lines[k].kind == BODY and titleish(lines[k]) and (
            _word_spans(lines[cand[-1]].text, lines[k].text) or lines[k].text[:1] in PARTICLE_STARTS
            or (lines[cand[-1]].text.endswith(tuple(PARTICLE_STARTS)) and _ends_open(lines[cand[-1]].text)))

    while nxt is not None and len(cand) < 3 and (not _ends_title_block(draft, nxt, byline_at) or cut_word(nxt)
                                                 or _year_note(lines[nxt].text)):
        ln = lines[nxt]
        after_ln = draft.next_content(nxt, kinds=(BODY, LIFTED))
        # A centred title wraps only where its line is full: each line before the last is
        # about as wide as the first, none wider.
        # A line that opens with a colon cannot start anything: it finishes the line above
        # (a newsletter's "刊名（第 N 期）" over "：正题"), whatever its width.
        colon_tail = ln.text[:1] in "：:" and titleish(ln) and len(cand) == 1
        # A two-line title (main line and second line, each centred) may have the wider
        # line second: the subtitle or byline right under it says the title ends there.
        # (Not a dated line: that is a speech's subtitle whose dash the extractor lost.)
        second_line = (len(cand) == 1 and titleish(ln) and after_ln is not None and not re.match(r"\d", ln.text)
                       and (_subtitle_start(lines[after_ln].text, draft, after_ln) or bool(byline_at(after_ln))))
        if not (colon_tail or cut_word(nxt) or second_line or _year_note(ln.text)) \
                and not (titleish(ln) and ln.width <= lines[cand[0]].width + 1
                         and lines[cand[0]].width >= 8
                         and lines[cand[-1]].width >= lines[cand[0]].width - 2):
            break
        cand.append(nxt)
        nxt = after_ln
    if nxt is None:
        return [], None
    if _ends_title_block(draft, nxt, byline_at):
        return cand, nxt
    # The lines taken for the title's wrap may be body text of another column printed
    # under a title set across the page (wider than the column): the title is then the
    # fewer lines over it.
    wide = lines[start].width > draft.layout.column + 1
    for n in range(len(cand), 0 if wide else len(cand) - 1, -1):
        if _title_over_body(draft, cand[:n], cand[n] if n < len(cand) else nxt):
            return cand[:n], None
    return [], None


def _title_over_body(draft: Draft, cand: list[int], nxt: int) -> bool:
    """Are the lines `cand` a title straight over the body line `nxt` (no subtitle or byline
    between)?"""
    lines = draft.lines
    start = cand[0]
    text = "".join(lines[k].text for k in cand)
    head = lines[start]
    # A line exactly as wide as the body column is the first line of a paragraph.
    as_wide = draft.layout.full(head, first=True) and head.width <= draft.layout.column + 1
    # ... unless a line opening with "：" finishes it: no line of running text starts with
    # a colon (line breaking forbids it), only a title broken by hand.
    if len(cand) > 1 and lines[cand[1]].text[:1] in "：:":
        as_wide = False
    # ... or a short last line without a full stop ends it: a paragraph ends on one.
    if len(cand) > 1 and not draft.layout.full(lines[cand[-1]], first=True):
        as_wide = False
    # A title of two or three lines set in larger type than the body (its first line
    # clearly short of the column) may have a comma inside ("……标准的，可要求" /
    # "……十倍赔偿"): a case's holding used as its title, over the case's own name.
    # (or set across a page of narrower columns: its first line wider than the column)
    display = (len(cand) > 1 and not draft.layout.soft
               and (head.width <= draft.layout.column - 8 or head.width > draft.layout.column + 4)
               and not re.search(r"[，,]$", lines[cand[-1]].text))
    return bool((len(text) > 8 or _document_name(text)) and (display or ("，" not in text and "," not in text))
                and lines[nxt].kind == BODY
                and (_body_like(lines[nxt], head) or (display and _plain_over_body(draft, nxt))
                     or _narrow_column_under(draft, head, nxt)) and not as_wide)


# The kinds of official documents (党政机关公文处理工作条例 art. 8, and the forms of rules:
# 条例 / 规定 / 办法 ...): a document's name ends in one, a column banner ("专题研究") does not.
_DOCUMENT_KINDS = ("报告", "意见", "通知", "通报", "决定", "决议", "公报", "公告", "通告", "请示",
                   "批复", "议案", "纪要", "命令", "条例", "规定", "办法", "细则", "规划", "纲要", "方案")


def _document_name(text: str) -> bool:
    """A short unpunctuated line naming a kind of document ("政府工作报告", "实施方案"): a
    title however short (a title straight over the body otherwise needs more than the eight
    characters of a column banner)."""
    return 4 <= len(text) <= 8 and text.endswith(_DOCUMENT_KINDS) and bool(re.fullmatch(r"[\u4e00-\u9fff]+", text))


def _narrow_column_under(draft: Draft, head: Line, i: int) -> bool:
    """Line i opens a column of running text much narrower than the title line over it (a
    title set across a 3-column page): as wide as the column, 0.6 of the title's width or
    less, its sentence punctuated within the next line (a narrow line may hold none)."""
    k = draft.next_content(i)
    ln = draft.lines[i]
    return (not draft.layout.soft and draft.layout.full(ln, first=True) and ln.width <= 0.6 * head.width
            and k is not None and bool(re.search(r"[，。；：,;:]", ln.text + draft.lines[k].text)))


def _plain_over_body(draft: Draft, i: int) -> bool:
    """A short unpunctuated line (a heading, a case's name) with body text under it."""
    from .grammar import _short_plain
    k = draft.next_content(i)
    return _short_plain(draft.lines[i].text) and k is not None and draft.lines[k].kind == BODY


def _body_like(ln: Line, title: Line) -> bool:
    """Does the line below a title look like the body: wider than the title, or a sentence?"""
    # A line ending in a colon opens the body ("各位代表：") or introduces what follows.
    return (ln.width > title.width + 1 or bool(re.search(r"[，。；,;]", ln.text)) or is_terminated(ln.text)
            or ln.text[-1] in "：:")


def _banner_over_title(draft: Draft, first: int, titleish) -> int | None:
    """A section banner ("专题研究") over the title at the top of page 1: a short
    unpunctuated line over a longer title-like line, not the first half of a wrapped one
    (no word runs across the two)."""
    from .grammar import _word_spans
    ln = draft.lines[first]
    nxt = draft.next_content(first)
    # (a numbered line is no banner: "第一章 总则" that layout analysis put above the title)
    if nxt is None or not (2 <= len(ln.text) <= 6) or re.search(r"[，。；：、！？,.;:\d]", ln.text) or numbered(ln.text):
        return None
    title = draft.lines[nxt]
    # (nor is a document's name over a sentence: "政府工作报告" over the body is its title)
    if _document_name(ln.text) and re.search(r"[，。；,;]", title.text):
        return None
    if titleish(title) and len(title.text) > len(ln.text) + 2 and not _word_spans(ln.text, title.text):
        return first
    return None

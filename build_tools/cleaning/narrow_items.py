"""Numbered lines in a narrow column (a 3-column page: 11-13 characters a line), where a
short heading fills its line by chance and the first line of a run-in paragraph ends at a
word by chance: which of them is a heading is told by the line under it — a first line
(indented, or short by the indent the extractor dropped), an item, or a line of running text."""
from __future__ import annotations

import re

from ..text import is_terminated
from .core import BODY, Draft
from .grammar import ARTICLE, PUNCTUATED, _numbered


def _over_running_line(draft: Draft, i: int, k: int) -> bool:
    """Is the numbered line i, exactly as wide as an indented first line (the column less
    two characters, give or take one), over a line k that is no first line — as wide as
    the column (a first line is short by its indent, kept or dropped), not indented, not
    numbered — with a clause mark in it (at its end too), going on unfinished
    ("（三）从事内容创作" / "生产传播的公司，设立总" / ……), or one or two such lines later?
    Then line i is a run-in paragraph's first line that happens to end at a word: a
    paragraph under a heading opens with a first line, and a heading's wrap has no clause
    in it. (A wrap ending the heading with 。 — "化，打造物流分拨中心。" — is left to the
    rules of closed heads.)"""
    from .paragraphs import NO_LINE_END
    lines, layout = draft.lines, draft.layout
    # (a line whose next opens with a bracket or quotation kept with what follows it is
    # left shorter still: "（二）内地西藏初中班" / "（校）学生毕业后，……")
    slack = 7 if lines[k].text[:1] in NO_LINE_END else 5
    if layout.soft or not layout.column - slack <= lines[i].width <= layout.column - 3:
        return False
    # (the clause may start a line later: "（十八）支持有条件的自" / "贸试验区研究和探索赋予国际" /
    # "铁路运单物权凭证功能，将铁", or two: every line of the chain is as wide as the column)
    for _ in range(3):
        nxt = lines[k]
        if (nxt.kind != BODY or nxt.indent or nxt.width < layout.column - 2 or is_terminated(nxt.text)
                or _numbered(nxt.text) is not None or ARTICLE.match(nxt.text)):
            return False
        if re.search(r"[，、；：。！？,;:]", nxt.text):
            return True
        k = draft.next_content(k)
        if k is None:
            return False
    return False


def _over_item(draft: Draft, i: int, kind: str) -> bool:
    """Is the line under the "一、" line i an item numbered one level down ("（一）", "1.")
    or a paragraph's first line (indented, or short by the indent the extractor dropped)?
    Then line i, however full, with a comma or not, ends there: a sentence that ran on
    would go on in the next line, not open an item or a paragraph ("一、逐年扩招，分步实施"
    / "（一）……" in a 13-character column; "三、加强领导，明确职责" / "内地西藏中学和西藏班办")."""
    from .paragraphs import short_by_indent
    k = draft.next_content(i)
    # (a heading has two parts at most, joined by one comma: a line of more clauses is a
    # sentence, whatever an extractor's column order put under it)
    if kind != "cn" or k is None or draft.lines[k].kind != BODY or len(re.findall(r"[，,]", draft.lines[i].text)) > 1:
        return False
    under = _numbered(draft.lines[k].text)
    return (under is not None and under[0] in ("cn_paren", "ar1")) or draft.lines[k].indent or short_by_indent(draft, k)


def _opens_block(draft: Draft, k: int) -> bool:
    """Does line k open a paragraph or an item: numbered, indented, or short of the
    column by just the indent the extractor dropped (paragraphs.short_by_indent)?"""
    from .paragraphs import short_by_indent
    line = draft.lines[k]
    return _numbered(line.text) is not None or line.indent or short_by_indent(draft, k)


def _middle_of_three(draft: Draft, head: str, k: int) -> bool:
    """Is line k, unindented and unpunctuated under the numbered line `head`, the middle of
    a heading wrapped over three lines: a short unpunctuated line under it ends the heading,
    over a paragraph's first line or an item ("一、1996年我国地震活动" / "情况和1997年及未来几年"
    / "地震趋势" / "1996年，在全球地震")? (No word need run across: the column cut the
    heading at a word's end by chance.)"""
    from .grammar import MAX_HEADING
    lines = draft.lines
    n = draft.next_content(k)
    if draft.layout.soft or lines[k].indent or n is None or lines[n].kind != BODY:
        return False
    end = lines[n].text
    m = draft.next_content(n)
    return (not PUNCTUATED.search(end) and _numbered(end) is None and lines[n].width <= 0.6 * draft.layout.column
            and len(head) + len(lines[k].text) + len(end) <= MAX_HEADING
            and m is not None and lines[m].kind == BODY
            # (a first line with digits: its width says less, short_by_indent declines it)
            and (_opens_block(draft, m) or lines[m].width <= draft.layout.column - 3))

"""Undo side-by-side columns: `pdftotext -layout` prints a 2- or 3-column page as lines
that hold a piece of every column, separated by runs of spaces at the same positions."""
from __future__ import annotations

import re
from collections import Counter

from .core import BLANK, BODY, DROPPED, Draft, Line, cleaning_pass, measure_layout

_GAP = re.compile(r"\S( {2,})(?=\S)")
_SEGMENT = re.compile(r"\S(?:.*?\S)?(?= {2,}|$)")
TOLERANCE = 4      # -layout places a column's lines within a few cells of its left edge


def _starts(raw: str) -> list[int]:
    return [m.end(1) for m in _GAP.finditer(raw)]


def column_edges(lines: list[Line]) -> list[int]:
    """Left edges of the 2nd, 3rd ... columns: positions where text resumes after a gap on
    a good share of the lines (a gap inside one column's text lands anywhere)."""
    body = [ln for ln in lines if ln.kind == BODY and "\t" not in ln.raw]
    if len(body) < 20:
        return []
    hits = Counter()
    for ln in body:
        for p in set(_starts(ln.raw)):
            hits[p] += 1
    edges: list[int] = []
    for p, _ in hits.most_common():
        if p < 12 or any(abs(p - e) <= 2 * TOLERANCE for e in edges):
            continue
        near = sum(c for q, c in hits.items() if abs(q - p) <= TOLERANCE)
        if near >= 0.2 * len(body):
            edges.append(p)
    return sorted(edges)


@cleaning_pass("split_layout_columns")
def split_layout_columns(draft: Draft) -> None:
    """Read side-by-side columns column by column: between two page boundaries (dropped
    folios and issue lines) the pieces of the first column come first, then the second's.
    A line that crosses a column edge (a title or a header over the columns) stays where it
    is and closes the region above it."""
    edges = column_edges(draft.lines)
    if not edges:
        return
    out: list[Line] = []
    region: list[list[Line]] = [[] for _ in range(len(edges) + 1)]

    def flush():
        for col in region:
            out.extend(col)
            col.clear()

    n_split, last_col = 0, 0
    page = max(len(ln.raw.rstrip()) for ln in draft.lines if ln.kind == BODY)
    title_block = False
    for ln in draft.lines:
        if ln.kind == BLANK:
            region[last_col].append(ln)
            continue
        if ln.kind != BODY or "\t" in ln.raw:   # page furniture already dropped, table rows
            flush()
            out.append(ln)
            continue
        segments = [(m.start(), m.group()) for m in _SEGMENT.finditer(ln.raw)]
        spans = [(s, s + len(t)) for s, t in segments]
        crossing = len(segments) == 1 and any(a < e - TOLERANCE and b > e + TOLERANCE for a, b in spans
                                              for e in edges)
        # Above the columns of page 1, before any line of them: a line in one piece at the
        # left margin (a banner), centred on the page (a title), or under such a line and
        # not at a later column's edge stays where it is; otherwise it is a column's line.
        above = (len(segments) == 1 and not n_split and not any(x.kind == BODY for col in region for x in col)
                 and (spans[0][0] <= TOLERANCE or abs(sum(spans[0]) / 2 - page / 2) <= 0.1 * page
                      or (title_block and not any(abs(spans[0][0] - e) <= TOLERANCE for e in edges))))
        title_block = above
        if crossing or above:
            flush()
            out.append(ln)
            continue
        n_split += len(segments) > 1
        for start, text in segments:
            col = sum(1 for e in edges if start >= e - TOLERANCE)
            left = edges[col - 1] if col else 0
            indent = start - left >= 2
            region[col].append(Line(ln.no, (" " if indent else "") + text, text, indent))
            last_col = col
    flush()
    draft.lines = out
    measure_layout(draft)
    draft.note("split_layout_columns", f"{len(edges) + 1} side-by-side columns (edges at {edges}); "
                                       f"{n_split} line(s) split and read column by column")


def _section_start(text: str) -> bool:
    from .structure import ARTICLE, _numbered
    return bool(_numbered(text) or ARTICLE.match(text))


_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_NUMBERED = re.compile(r"^第([零〇一二两三四五六七八九十百\d]{1,6})([章条])")


def cn_number(s: str) -> int:
    """"一百二十三" -> 123, "十五" -> 15, "23" -> 23."""
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch == "百":
            total += (cur or 1) * 100
            cur = 0
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = _DIGIT.get(ch, 0)
    return total + cur


def _first_number(lines, idx, kind: str | None = None) -> tuple[str, int] | None:
    """The first chapter or article number opening a paragraph (after a finished line):
    a citation wrapped to a line start ("……刑法" / "第三百三十八条规定") is not one."""
    from ..text import is_terminated
    prev = None
    for i in idx:
        m = _NUMBERED.match(lines[i].text)
        if m and kind in (None, m.group(2)) and (prev is None or is_terminated(prev)):
            return m.group(2), cn_number(m.group(1))
        prev = lines[i].text
    return None


@cleaning_pass("reorder_page_columns")
def reorder_page_columns(draft: Draft) -> None:
    """Put back a right column that an extractor read before the left one (pdftotext and
    pdfminer do when the left column starts lower, under a heading's top margin). On one
    page, between folios: when the first text block (up to a blank line) carries later
    article or chapter numbers than a block after it that opens a section, the first
    block goes after the others."""
    lines = draft.lines
    bounds = [i for i, ln in enumerate(lines) if ln.kind == DROPPED and ln.folio]
    moved = 0
    start = 0
    for end in bounds:
        body = [i for i in range(start, end) if lines[i].kind == BODY]
        start_region = start
        start = end + 1
        if len(body) < 6:
            continue
        first = body[0]
        blank = next((i for i in range(first, end) if lines[i].kind == BLANK), None)
        if blank is None:
            continue
        block = [i for i in body if i < blank]
        rest = [i for i in body if i > blank]
        if not rest or not block or not any(_section_start(lines[i].text) for i in rest):
            continue
        # Evidence: the numbering goes backwards (第八条 read before 第一条). (A word cut
        # across the page's last line and the first block was tried: too often by chance.)
        a = _first_number(lines, block)
        b = _first_number(lines, rest, a[0]) if a else None
        if not (a and b and b[1] < a[1]):
            moved += _move_cut_block(draft, start_region, end)
            continue
        span = range(block[0], blank + 1)
        head = lines[start_region:block[0]]
        lines[start_region:end] = head + lines[blank + 1:end] + [lines[i] for i in span]
        moved += 1
        draft.note("reorder_page_columns", f"line {lines[end - len(span)].no}: a column read "
                                           f"before the one on its left moved after it")
    if moved:
        measure_layout(draft)


def _move_cut_block(draft: Draft, start: int, end: int) -> int:
    """Another evidence of a column read out of turn: a text block (up to a blank line)
    whose last full line breaks off mid-sentence right before a block opening with a
    numbered heading — no heading cuts a sentence —, on a page whose own last line also
    breaks off: the block is the column that continues the page's last line. It moves
    to the end of the page. Returns 1 if it moved one."""
    from ..text import is_terminated
    lines, layout = draft.lines, draft.layout
    if layout.soft:
        return 0
    blocks, cur = [], []
    for i in range(start, end):
        if lines[i].kind == BODY:
            cur.append(i)
        elif lines[i].kind == BLANK and cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    if len(blocks) < 3:
        return 0

    def breaks_off(i: int) -> bool:
        # Nearly full (a number too long to break may have gone to the next line) and
        # unfinished: a sentence that goes on elsewhere.
        t = lines[i].text
        return (lines[i].width >= layout.column - 10 and not is_terminated(t) and t[-1] not in "：:"
                and not _section_start(t))

    page_last = blocks[-1][-1]
    if not breaks_off(page_last):
        return 0
    for k in range(1, len(blocks) - 1):
        x, after = blocks[k], blocks[k + 1]
        # (the block's first line a full line of text, not a heading, so that it can go on)
        if breaks_off(x[-1]) and _section_start(lines[after[0]].text) and layout.full(lines[x[0]]):
            span = list(range(x[0], after[0]))          # the block and the blank after it
            moved = [lines[i] for i in span]
            keep = [lines[i] for i in range(x[0], end) if i not in set(span)]
            lines[x[0]:end] = keep + moved
            draft.note("reorder_page_columns", f"line {moved[0].no}: a block breaking off before a "
                                               f"heading continues the page's last line; moved after it")
            return 1
    return 0

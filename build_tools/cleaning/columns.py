"""Undo side-by-side columns: `pdftotext -layout` prints a 2- or 3-column page as lines
that hold a piece of every column, separated by runs of spaces at the same positions."""
from __future__ import annotations

import re
from collections import Counter

from .core import BLANK, BODY, DROPPED, Draft, Line, cleaning_pass, measure_layout
from .grammar import _ends_open

_GAP = re.compile(r"\S( {2,})(?=\S)")
_SEGMENT = re.compile(r"\S+(?: \S+)*")     # a run of text; two spaces or more end it
TOLERANCE = 4      # -layout places a column's lines within a few cells of its left edge


def _starts(raw: str) -> list[int]:
    """Where text resumes after a gap, and where a line that opens with a run of spaces
    starts: a later column's line where the earlier columns have nothing on that row (a
    left column that ended early, or opens lower under a heading's margin)."""
    lead = len(raw) - len(raw.lstrip(" "))
    return [m.end(1) for m in _GAP.finditer(raw)] + ([lead] if lead >= 12 and raw.strip() else [])


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


def _page_edges(lines: list[Line]) -> list[list[int]]:
    """Column edges for each line: those of its page (pages end at a form feed or a dropped
    folio; -layout places columns afresh on every page, and a page whose left column holds
    Latin letters or digits starts the right one a few cells further left), or the
    document's when the page does not tell (too short, or mostly one wide block)."""
    whole = column_edges(lines)
    out: list[list[int]] = []
    start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or (i > start and (lines[i].page_start or (lines[i].kind == DROPPED and lines[i].folio))):
            page = lines[start:i]
            enough = sum(1 for ln in page if ln.kind == BODY and "\t" not in ln.raw) >= 20
            edges = (column_edges(page) if enough else []) or _snap_edges(page, whole)
            out.extend([edges] * len(page))
            start = i
    return out


def _snap_edges(page: list[Line], edges: list[int]) -> list[int]:
    """The document's column edges moved to where a short page (too few lines to find its
    own) resumes text after a gap most often near each of them: -layout may place a
    page's right column a few cells further left or right than on the other pages."""
    hits = Counter(p for ln in page if ln.kind == BODY and "\t" not in ln.raw for p in set(_starts(ln.raw)))
    out = []
    for e in edges:
        near = [(c, -abs(p - e), p) for p, c in hits.items() if abs(p - e) <= 2 * TOLERANCE]
        best = max(near, default=None)
        out.append(best[2] if best and best[0] >= 3 and abs(best[2] - e) > TOLERANCE else e)
    # (the columns keep their order, and their edges stay apart)
    return out if all(b - a > 2 * TOLERANCE for a, b in zip([0] + out, out)) else edges


def _display_centred(start: int, text: str, page: int) -> bool:
    """Is a title-like line (no sentence punctuation) centred on the page in display type?
    -layout gives each glyph one cell whatever its size, so a title set up to twice the
    body's width starts left of where its cells would centre it: between (page - 2n) / 2
    and (page - n) / 2 for n glyphs ("政府工作报告（节选）" at cell 16 of a 58-cell page)."""
    n = len(text)
    return (not re.search(r"[，。；：！？,.;:!?]", text) and n >= 4
            and (page - 2 * n) / 2 - TOLERANCE <= start <= (page - n) / 2 + TOLERANCE)


@cleaning_pass("split_layout_columns")
def split_layout_columns(draft: Draft) -> None:
    """Read side-by-side columns column by column: between two page boundaries (dropped
    folios and issue lines) the pieces of the first column come first, then the second's.
    A line that crosses a column edge (a title or a header over the columns) stays where it
    is and closes the region above it. Each page has its own column edges."""
    per_line = _page_edges(draft.lines)
    if not any(per_line):
        return
    out: list[Line] = []
    edges: list[int] = []
    region: list[list[Line]] = [[]]

    def flush():
        for col in region:
            out.extend(col)
            col.clear()

    n_split, last_col = 0, 0
    page = max(len(ln.raw.rstrip()) for ln in draft.lines if ln.kind == BODY)
    title_block = False
    for ln, line_edges in zip(draft.lines, per_line):
        if line_edges != edges:
            flush()
            edges, last_col = line_edges, 0
            region = [[] for _ in range(len(edges) + 1)]
        if ln.kind == BLANK:
            region[last_col].append(ln)
            continue
        if ln.kind != BODY or "\t" in ln.raw or not edges:   # dropped furniture, table rows, 1 column
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
                      or _display_centred(spans[0][0], segments[0][1], page)
                      or (title_block and not any(abs(spans[0][0] - e) <= TOLERANCE for e in edges))))
        title_block = above
        if crossing or above:
            flush()
            out.append(ln)
            continue
        n_split += len(segments) > 1
        for start, text in segments:
            col = sum(1 for e in edges if start >= e - TOLERANCE)
            above_it = region[0][-1] if region[0] else (out[-1] if out else None)
            if (col == 1 and len(segments) == 1 and start < edges[0] and len(text) <= 12 and above_it is not None
                    and above_it.kind == BODY and _ends_open(above_it.text.strip())):
                # A short piece left of the second column's edge under a line of the first
                # column (or one across the page) left open on a function word finishes that
                # line ("……工作方案的" / "通知").
                col = 0
            left = edges[col - 1] if col else 0
            indent = start - left >= 2
            region[col].append(Line(ln.no, (" " if indent else "") + text, text, indent, page_start=ln.page_start))
            last_col = col
    flush()
    draft.lines = out
    measure_layout(draft)
    shapes = sorted({(len(e) + 1, tuple(e)) for e in per_line if e})
    draft.note("split_layout_columns", f"{'; '.join(f'{n} side-by-side columns (edges at {list(e)})' for n, e in shapes)}; "
                                       f"{n_split} line(s) split and read column by column")

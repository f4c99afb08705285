"""The PDF reader's last passes: lines in reading order become blocks. A paragraph starts
where a line is indented from its column's left edge, where the gap above it is wider
than the line step, after a short line that ends a sentence, or where the type changes."""
from __future__ import annotations

import re
from collections import Counter

from ..cleaning.fields import _match_label
from ..model import Heading, ListBlock, Paragraph, Table
from ..text import is_terminated, join_wrapped
from .pdf_layout import PdfLine
from .pdf_passes import BODY, HEADING, TABLE, PdfDraft


_ITEM = re.compile(r"^(?:(\d{1,2})[.．、](?!\d)|[（(](\d{1,2})[）)])\s*")


def _edges(d: PdfDraft) -> dict[tuple[int, int], tuple[float, float]]:
    """Each column's left and right edge: where most of its lines start and end."""
    xs: dict[tuple[int, int], tuple[Counter, Counter]] = {}
    for ln in d.order:
        if ln.kind == BODY:
            left, right = xs.setdefault((ln.page, ln.col), (Counter(), Counter()))
            left[round(ln.x0)] += 1
            right[round(ln.x1)] += 1
    return {k: (min(x for x, n in l.items() if n == max(l.values())),
                max(r)) for k, (l, r) in xs.items()}


def _hang(ln: PdfLine) -> float | None:
    """Where the text after a leading list number starts: a hanging indent's x."""
    m = _ITEM.match(ln.text)
    if not m:
        return None
    ink = [c for c in ln.chars if c.text.strip()]
    return ink[len(m.group(0).replace(" ", ""))].x0 if len(ink) > len(m.group(0).replace(" ", "")) else None


def _starts(d: PdfDraft, prev: PdfLine | None, ln: PdfLine, nxt: PdfLine | None, edges,
            hang: float | None) -> bool:
    if prev is None or prev.kind != BODY:
        return True
    size = d.body_size
    left, right = edges[(ln.page, ln.col)]
    p_left, p_right = edges[(prev.page, prev.col)]
    if _ITEM.match(ln.text) and (h := _hang(ln)) and left + 0.3 * ln.size < ln.x0 < h - 0.3 * ln.size:
        return True     # a number hung out in the margin of its item's text: a list item
    # Lines of a block are set at one pitch: any extra space above a line opens a block.
    if prev.page == ln.page and prev.col == ln.col and ln.y - prev.y > (d.pitch + 0.2 * size) * ln.size / size:
        return True
    if hang is not None and abs(ln.x0 - hang) < 0.3 * ln.size and not _ITEM.match(ln.text):
        return False    # the hanging indent of a list item's wrapped text
    # A first-line indent: in from the column's edge and from the line below (the lines
    # of a narrower box, an abstract, are in from the edge too, all of them).
    below = nxt is not None and nxt.kind == BODY and (nxt.page, nxt.col) == (ln.page, ln.col) \
        and 0 < nxt.y - ln.y < 2 * d.pitch
    if 0.8 * ln.size < ln.x0 - left < 5 * ln.size and (not below or ln.x0 - nxt.x0 > 0.8 * ln.size):
        return True
    if abs(ln.size - prev.size) > 0.06 * size or _match_label(ln.text):
        return True
    # A short line that ends a sentence ends its paragraph, unless the next line's first
    # word would not have fitted in the room left (then the line was wrapped).
    room = p_right - prev.x1
    ends = is_terminated(prev.text) or prev.text.endswith(("：", ":"))    # or leads in to a list
    return room > 1.5 * prev.size and ends and room > _first_word(ln) + 0.3 * ln.size


def _first_word(ln: PdfLine) -> float:
    """Width of what could not be broken at the start of a line: opening brackets, then
    a run of Latin letters and digits or one character, then the punctuation that may
    not start a line."""
    chars, k = ln.chars, 0
    while k < len(chars) - 1 and chars[k].text in "（《“‘([【〔":
        k += 1
    k += 1
    if chars[k - 1].text.isascii() and chars[k - 1].text.isalnum():
        while k < len(chars) and chars[k].text.isascii() and (chars[k].text.isalnum() or chars[k].text in ".,%"):
            k += 1
    while k < len(chars) and chars[k].text in "，。、；：？！）》”’%)]】〕":
        k += 1
    return (chars[k].x0 if k < len(chars) else chars[k - 1].x1) - chars[0].x0


def make_blocks(d: PdfDraft) -> None:
    """Headings, tables and paragraphs in reading order."""
    edges = _edges(d)
    blocks = d.doc.blocks
    prev: PdfLine | None = None
    hang = None           # x of a list item's hanging indent
    open_bottom = False   # the last table part was cut by a column or page end
    for k, ln in enumerate(d.order):
        nxt = d.order[k + 1] if k + 1 < len(d.order) else None
        if ln.kind == HEADING:
            if ln.heading is not None:
                level, _ = ln.heading
                blocks.append(Heading(level, ln.text, ln.page))
            else:
                blocks[-1].text = join_wrapped(blocks[-1].text, ln.text)
        elif ln.kind == TABLE:
            if ln.table is not None:
                rows, open_top, _ = d.tables[ln.table]
                rows = [list(r) for r in rows]
                last = blocks[-1] if blocks else None
                # A table the page or column broke continues with the same columns; the
                # row cut by the break is one row.
                if isinstance(last, Table) and prev is not None and prev.kind == TABLE \
                        and len(last.rows[0]) == len(rows[0]):
                    if open_top or open_bottom:
                        last.rows[-1] = [join_wrapped(a, b) for a, b in zip(last.rows[-1], rows.pop(0))]
                    last.rows += rows
                else:
                    last = Table(rows, ln.page)
                    blocks.append(last)
                open_bottom = d.tables[ln.table][2]
        elif ln.kind == BODY:
            if _starts(d, prev, ln, nxt, edges, hang):
                blocks.append(Paragraph(ln.text, ln.page))
                hang = _hang(ln)
            else:
                blocks[-1].text = join_wrapped(blocks[-1].text, ln.text)
        prev = ln
    d.note("make_blocks", f"{sum(isinstance(b, Paragraph) for b in blocks)} paragraph(s)")


def find_lists(d: PdfDraft) -> None:
    """Runs of two or more short paragraphs numbered 1, 2, 3 … are an ordered list (the
    numbers, generated by the layout, are removed and reported)."""
    blocks, out, i = d.doc.blocks, [], 0
    while i < len(blocks):
        j, items = i, []
        while j < len(blocks) and isinstance(blocks[j], Paragraph) and len(blocks[j].text) <= 100 \
                and (m := _ITEM.match(blocks[j].text)) and int(m.group(1) or m.group(2)) == len(items) + 1:
            items.append((m.group(0), blocks[j]))
            j += 1
        if len(items) >= 2:
            for marker, p in items:
                d.remove(marker, "list marker", p.line)
            out.append(ListBlock([p.text[len(marker):] for marker, p in items], True, items[0][1].line))
            i = j
        else:
            out.append(blocks[i])
            i += 1
    d.doc.blocks = out

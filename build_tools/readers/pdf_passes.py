"""The PDF reader's passes, in order: each finds one kind of thing from the layout (type
size and weight, position on the page, position across pages) and records what it
removed with its page. They work on PdfDraft; pdf.py turns the result into a Document.
Thresholds are in units of the document's own body type, never absolute points."""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from ..cleaning.authors import _names as author_names
from ..cleaning.furniture import _NAMED_FOLIO, _PAGE_NUMBER
from ..model import Document, Footnote, Removal
from ..text import join_wrapped
from .pdf_layout import Char, PdfLine, PdfPage

BODY, FURNITURE, FOOTNOTE, FRONT, HEADING, TABLE = "body", "furniture", "footnote", "front", "heading", "table"


@dataclass
class PdfDraft:
    path: str
    pages: list[PdfPage]
    doc: Document
    body_size: float = 0.0
    pitch: float = 0.0
    order: list[PdfLine] = field(default_factory=list)      # reading order (find_columns)
    refs: list[tuple[int, str]] = field(default_factory=list)
    tables: list[tuple[list[list[str]], bool, bool]] = field(default_factory=list)   # rows, open top, open bottom

    def remove(self, text: str, reason: str, page: int) -> None:
        if text.strip():
            self.doc.removed.append(Removal(text.strip(), reason, 0, page))

    def note(self, name: str, message: str) -> None:
        self.doc.changes.append((f"pdf.{name}", message))

    def lines(self, kind: str | None = BODY):
        return [ln for p in self.pages for ln in p.lines if kind is None or ln.kind == kind]


def measure_type(d: PdfDraft) -> None:
    """Body type: the size most characters are set in; pitch: its usual baseline step."""
    sizes = Counter(round(c.size, 1) for ln in d.lines(None) for c in ln.chars if c.text.strip())
    d.body_size = sizes.most_common(1)[0][0]
    steps = []
    for p in d.pages:
        body = [ln for ln in p.lines if abs(ln.size - d.body_size) < 0.05 * d.body_size]
        for a, b in zip(body, body[1:]):
            if 0 < b.y - a.y < 3 * d.body_size and abs(a.x0 - b.x0) < 4 * d.body_size:
                steps.append(round(b.y - a.y, 1))
    d.pitch = statistics.median(steps) if steps else 1.5 * d.body_size
    d.note("measure_type", f"body type {d.body_size:.1f} pt, line pitch {d.pitch:.1f} pt")


_FOLIO = re.compile(r"^[\W_第页pP]{0,4}\s*(\d{1,4})\s*[\W_页]{0,4}$")


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _is_folio(line: PdfLine) -> bool:
    m = _FOLIO.match(line.text)
    return bool(m) and line.text.replace(" ", "") != m.group(1) + "." and \
        (m.group(1) == str(line.page) or len(line.text) <= 8)


def strip_page_furniture(d: PdfDraft) -> None:
    """Running headers, footers and folios: the top and bottom lines of a page, in body
    type or smaller, that are a page number, that repeat (digits aside) at the same place
    on other pages, or that stand apart from the text by more than two line steps."""
    edges: dict[str, Counter] = {"top": Counter(), "bottom": Counter()}
    for p in d.pages:
        ys = sorted(p.lines, key=lambda ln: ln.y)
        for side, line in (("top", ys[0]), ("bottom", ys[-1])) if ys else ():
            edges[side][(_shape(line.text), round(line.y / 3))] += 1
    removed = 0
    for p in d.pages:
        for side in ("top", "bottom"):
            for outermost in (True, False):       # a header and a folio may share an edge
                live = sorted((ln for ln in p.lines if ln.kind == BODY), key=lambda ln: ln.y)
                if len(live) < 2:
                    break
                line = live[0] if side == "top" else live[-1]
                # The edge row: a footer may print a name left and the folio right of it.
                row = [ln for ln in live if abs(ln.y - line.y) < 0.5 * d.pitch]
                rest = [ln for ln in live if abs(ln.y - line.y) >= 0.5 * d.pitch]
                if not rest or any(ln.size > d.body_size * 1.05 for ln in row):
                    break
                nxt = rest[0] if side == "top" else rest[-1]
                # Set apart from the text: by two line steps, or by more than one for a
                # line in smaller type (a one-page document's header repeats nowhere).
                gap = abs(line.y - nxt.y)
                small = all(ln.size < 0.97 * d.body_size for ln in row)
                apart = gap > 2.2 * d.pitch or small and gap > 1.4 * d.pitch
                # Inside the folio only repetition counts, and a footnote is no footer.
                apart = apart and outermost and not (side == "bottom" and (_MARK.match(line.text) or _raised_mark(line)))
                reasons = []
                for ln in row:
                    repeated = edges[side][(_shape(ln.text), round(ln.y / 3))] >= 2
                    if (_is_folio(ln) or _PAGE_NUMBER.match(ln.text)) and (apart or repeated):
                        reasons.append("page number")
                    elif apart and _NAMED_FOLIO.match(ln.text):   # "刊名  第 3 页 共 8 页"
                        reasons.append("running footer (with page number)")
                    elif repeated and len(d.pages) > 1 or apart and small:
                        reasons.append("running header" if side == "top" else "running footer")
                    else:
                        reasons.append(None)
                if reasons[row.index(line)] is None or (len(row) > 1 and None in reasons):
                    break
                for ln, reason in zip(row, reasons):
                    ln.kind = FURNITURE
                    d.remove(ln.text, reason, p.number)
                    removed += 1
    if removed:
        d.note("strip_page_furniture", f"removed {removed} header/footer/folio line(s)")


def _grid(rules):
    xs, ys = [], []
    for x0, t, x1, b in rules:
        (xs if x1 - x0 < b - t else ys).append((x0 + x1) / 2 if x1 - x0 < b - t else (t + b) / 2)

    def merge(vals):
        out = []
        for v in sorted(vals):
            if not out or v - out[-1] > 2:
                out.append(v)
        return out
    return merge(xs), merge(ys)


def _clusters(rules):
    """Connected groups of ruling lines (touching within 2 pt): one per ruled table."""
    groups: list[list] = []
    for r in sorted(rules, key=lambda r: (r[1], r[0])):
        hit = [g for g in groups if any(r[0] <= s[2] + 2 and s[0] <= r[2] + 2 and r[1] <= s[3] + 2
                                        and s[1] <= r[3] + 2 for s in g)]
        merged = [r] + [s for g in hit for s in g]
        groups = [g for g in groups if g not in hit] + [merged]
    return groups


def find_tables(d: PdfDraft) -> None:
    """Ruled tables: a grid of ruling lines; each character goes to the cell it sits in.
    A table broken by a column or page end has no rule on its open side: its vertical
    rules run on, and the row cut there continues in the next part (see make_blocks)."""
    found = 0
    for p in d.pages:
        for group in _clusters(p.rules):
            xs, ys = _grid(group)
            top, bottom = min(r[1] for r in group), max(r[3] for r in group)
            if len(xs) < 2 or len(ys) < 1 or bottom - top < 4:
                continue
            open_top, open_bottom = ys[0] - top > 2, bottom - ys[-1] > 2
            ys = ([top] if open_top else []) + ys + ([bottom] if open_bottom else [])
            rows = [["" for _ in xs[1:]] for _ in ys[1:]]
            inside = sorted((ln for ln in p.lines if ln.kind == BODY and xs[0] - 2 <= ln.x0
                             and ln.x1 <= xs[-1] + 2 and top <= ln.y <= bottom), key=lambda ln: (ln.y, ln.x0))
            if not inside or not rows:
                continue
            for ln in inside:
                r = next(i for i in range(len(ys) - 1) if ln.y <= ys[i + 1] or i == len(ys) - 2)
                cells: dict[int, list[Char]] = {}
                for c in ln.chars:
                    mid = (c.x0 + c.x1) / 2
                    k = next((i for i in range(len(xs) - 1) if mid <= xs[i + 1]), len(xs) - 2)
                    cells.setdefault(k, []).append(c)
                for k, chars in cells.items():
                    rows[r][k] = join_wrapped(rows[r][k], "".join(c.text for c in chars).strip())
                ln.kind = TABLE
            inside[0].table = len(d.tables)
            for ln in inside:
                ln.table_box = (xs[0], top, xs[-1], bottom)
            d.tables.append((rows, open_top, open_bottom))
            found += 1
    if found:
        d.note("find_tables", f"{found} ruled table part(s)")


# A footnote's own mark: ①, [1], "1." / "1 " (a bare number glued to the text is a date
# or a count wrapped to the line start, unless it is raised: see _raised_mark).
_MARK = re.compile(r"^\s*(\[\d{1,3}\]|[\u2460-\u2473]|\d{1,3}(?:[.．)]|(?=\s))|\*)\s*")
_CALL = re.compile(r"^(\d{1,3}|[\u2460-\u2473]|\*)$")


def _calls(d: PdfDraft, p: PdfPage) -> list[tuple[PdfLine, int, int, str]]:
    """Raised, smaller runs of digits/circled numbers in the page's text: footnote calls."""
    out = []
    for ln in p.lines:
        if ln.kind not in (BODY, TABLE):
            continue
        size, i = ln.size, 0
        while i < len(ln.chars):
            j = i
            while j < len(ln.chars) and ln.chars[j].size < 0.85 * size and ln.chars[j].y < ln.y - 0.12 * size:
                j += 1
            if j > i and _CALL.match("".join(c.text for c in ln.chars[i:j]).strip()):
                out.append((ln, i, j, "".join(c.text for c in ln.chars[i:j]).strip()))
            i = max(j, i + 1)
    return out


def _symbol(printed: str) -> str:
    return printed.rstrip(".．)").strip("[]")


def _raised_mark(ln: PdfLine):
    """A footnote mark set as a superscript number at the start of the note."""
    k = 0
    while k < len(ln.chars) and ln.chars[k].text.isdigit() and ln.chars[k].y < ln.y - 0.12 * ln.size:
        k += 1
    return re.match(rf"^(\d{{{k}}})\s*", ln.text) if 0 < k <= 3 else None


def lift_footnotes(d: PdfDraft) -> None:
    """Footnotes: lines in small type below all the text of a page, each starting at a
    mark; raised small marks in the text become references to them."""
    from ..cleaning.footnotes import sentinel
    notes: list[tuple[int, Footnote]] = []       # (page, footnote)
    calls = {p.number: {c[3] for c in _calls(d, p)} for p in d.pages}
    for p in d.pages:
        # A line opens a footnote when its mark is one the text calls on this page or the
        # one before (a note can be pushed over); a page without calls trusts the marks.
        expected = calls[p.number] | calls.get(p.number - 1, set())
        text = [ln for ln in p.lines if ln.kind in (BODY, TABLE) and ln.size >= d.body_size * 0.93]
        if not text:
            continue
        floor = max(ln.y for ln in text)
        zone = sorted((ln for ln in p.lines if ln.kind == BODY and ln.y > floor
                       and ln.size < d.body_size * 0.93), key=lambda ln: (ln.y, ln.x0))
        for ln in zone:
            m = _MARK.match(ln.text) or _raised_mark(ln)
            ln.kind = FOOTNOTE
            printed = m.group(1).strip() if m else ""
            mark = _symbol(printed)
            if m and ln.text[m.end():] and (mark in expected or not expected):
                fn = Footnote("", ln.text[m.end():].strip(), source_mark=printed, line=p.number)
                notes.append((p.number, fn))
            elif notes:
                notes[-1][1].text = join_wrapped(notes[-1][1].text, ln.text)
            else:
                d.remove(ln.text, "footnote text without a mark", p.number)
    used: set[int] = set()
    resolved = 0
    for p in d.pages:
        for ln, i, j, mark in reversed(_calls(d, p)):
            k = next((k for k, (page, fn) in enumerate(notes)
                      if k not in used and page >= p.number and _symbol(fn.source_mark) == mark), None)
            if k is None:
                continue
            used.add(k)
            d.refs.append((k, mark))
            ln.chars[i:j] = [Char(sentinel(len(d.refs) - 1), ln.chars[i].x0, ln.chars[j - 1].x1,
                                  ln.y, ln.size, False)]
            resolved += 1
    d.doc.footnotes = [fn for _, fn in notes]
    if notes:
        d.note("lift_footnotes", f"{len(notes)} footnote(s) at page feet, {resolved} call(s) resolved")


def _authors(text: str) -> list[str] | None:
    """Names from a byline: a short centred line under the title, no sentence in it."""
    names = author_names(text)
    if names is None and len(text) <= 30 and re.fullmatch(r"[\w·]+(?:[ \u3000]+[\w·]+)*", text) \
            and not re.search(r"\d", text):
        names = text.split()
    return names


def find_title(d: PdfDraft) -> None:
    """The title: the largest type on page 1, if clearly larger than the body; what is
    above it is a banner; a larger-than-body line below it is the subtitle, a centred
    line of names the authors."""
    first = sorted((ln for ln in d.pages[0].lines if ln.kind == BODY), key=lambda ln: ln.y)
    if not first:
        return
    big = max(ln.size for ln in first)
    if big < 1.3 * d.body_size:
        d.note("find_title", "no type on page 1 is larger than the headings: no title")
        return
    idx = [i for i, ln in enumerate(first) if abs(ln.size - big) < 0.02 * big]
    run = [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1 and first[i].y - first[run[-1]].y < 2 * big:
            run.append(i)
    # A title is set once: type of its size elsewhere is a heading style. Above it there
    # is at most a short banner.
    others = sum(1 for ln in d.lines() if abs(ln.size - big) < 0.02 * big) - len(run)
    if others or run[0] > 3:
        d.note("find_title", f"the largest type on page 1 ({big:.1f} pt) is used again or not at "
                             "the top: a heading style, no title")
        return
    for ln in first[:run[0]]:
        ln.kind = FURNITURE
        d.remove(ln.text, "banner above the title", 1)
    title = ""
    for i in run:
        first[i].kind = FRONT
        title = join_wrapped(title, first[i].text)
    d.doc.title = title
    left, right = min(ln.x0 for ln in first), max(ln.x1 for ln in first)
    for ln in first[run[-1] + 1:run[-1] + 4]:
        # Centred: the same room on both sides, and room there is.
        room_left, room_right = ln.x0 - left, right - ln.x1
        centred = abs(room_left - room_right) < 2.5 * d.body_size and min(room_left, room_right) > 0.5 * d.body_size
        if centred and not d.doc.authors and (names := _authors(ln.text)):
            d.doc.authors = names
            ln.kind = FRONT
            for sep in re.findall(r"[\s、，,；;]+", ln.text):
                d.remove(sep, "author separator", 1)
        elif not ln.bold and ln.size < big and not d.doc.authors and \
                (ln.size > 1.15 * d.body_size or centred and ln.size >= 0.95 * d.body_size):
            # Larger type under the title, or a centred line of body type ("（……通过）").
            d.doc.subtitle = join_wrapped(d.doc.subtitle or "", ln.text)
            ln.kind = FRONT
        else:
            break
    d.note("find_title", f"title in {big:.1f} pt type" + (", subtitle" if d.doc.subtitle else "")
           + (f", {len(d.doc.authors)} author(s)" if d.doc.authors else ""))


def _gutters(lines: list[PdfLine], size: float) -> list[tuple[float, float]]:
    """Vertical white strips, at least a character wide, that hardly any line crosses
    and that at least three lines end before and three start after."""
    if len(lines) < 6:
        return []
    left, right = int(min(ln.x0 for ln in lines)), int(max(ln.x1 for ln in lines)) + 1
    # Full-width lines (title, abstract) cross any gutter; of the others, one in ten may.
    narrow = [ln for ln in lines if ln.x1 - ln.x0 < 0.62 * (right - left)]
    allowed = max(1, len(narrow) // 10)
    crossing = [0] * (right - left + 2)        # lines crossing each x, by a difference array
    for ln in narrow:
        crossing[int(ln.x0) - left + 1] += 1
        crossing[int(ln.x1) - left] -= 1
    for k in range(1, len(crossing)):
        crossing[k] += crossing[k - 1]
    out, start = [], None
    for k, n in enumerate(crossing[:-1] + [allowed + 1]):
        if n <= allowed and start is None:
            start = k
        elif n > allowed and start is not None:
            # The strip proper: where the fewest lines cross it.
            low = min(crossing[start:k])
            run = [j for j in range(start, k) if crossing[j] == low]
            g0, g1 = left + run[0], left + run[-1] + 1
            if g1 - g0 >= 0.8 * size and sum(1 for ln in narrow if ln.x1 <= g0 + 1) >= 3 \
                    and sum(1 for ln in narrow if ln.x0 >= g1 - 1) >= 3:
                out.append((g0, g1))
            start = None
    return out


def find_columns(d: PdfDraft) -> None:
    """Columns from the x-extents of narrow lines; reading order: page by page, bands
    split by full-width lines, each band column by column."""
    order: list[PdfLine] = []
    multi = 0
    last_gutters: list[tuple[float, float]] = []
    for p in d.pages:
        lines = [ln for ln in p.lines if ln.kind in (BODY, HEADING, TABLE)]
        # A table counts as one box: its cell lines must not look like columns.
        boxes = [ln for ln in lines if ln.kind != TABLE]
        tables = {}
        for ln in lines:
            if ln.kind == TABLE:
                tables.setdefault(ln.table_box, []).append(ln)
        gutters = _gutters(boxes, d.body_size)
        # A page with too few lines to show its columns (a short last page) keeps the
        # grid of the page before if no line of its own crosses it.
        if not gutters and last_gutters and not any(ln.x0 < (a + b) / 2 < ln.x1 for ln in boxes
                                                     for a, b in last_gutters):
            gutters = last_gutters
        last_gutters = gutters or last_gutters
        multi += bool(gutters)
        edges = [-1e9] + [(a + b) / 2 for a, b in gutters] + [1e9]

        def column(x0: float, x1: float) -> int:
            for k in range(len(edges) - 1):
                if edges[k] <= x0 and x1 <= edges[k + 1]:
                    return k
            return -1
        units = [(ln.y, ln.y, column(ln.x0, ln.x1), [ln]) for ln in boxes]
        units += [(box[1], box[3], column(box[0], box[2]), sorted(t, key=lambda ln: ln.y))
                  for box, t in tables.items()]
        units.sort(key=lambda u: u[0])
        band: list = []

        def flush():
            for u in sorted(band, key=lambda u: (u[2], u[0])):
                for ln in u[3]:
                    ln.col = u[2]
                    order.append(ln)
            band.clear()
        for u in units:
            if u[2] == -1:
                flush()
                for ln in u[3]:
                    ln.col = -1
                    order.append(ln)
            else:
                band.append(u)
        flush()
    d.order = order
    d.note("find_columns", f"{multi} of {len(d.pages)} page(s) set in more than one column")


def find_headings(d: PdfDraft) -> None:
    """Headings: short runs of lines in larger or bold type; levels by type size."""
    def style(ln: PdfLine):
        return (round(ln.size, 1), ln.bold)
    cands = [ln for ln in d.order if ln.kind == BODY and (ln.size > 1.06 * d.body_size or ln.bold)]
    runs: list[list[PdfLine]] = []
    for ln in cands:
        prev = runs[-1][-1] if runs else None
        if prev and style(prev) == style(ln) and prev.page == ln.page and prev.col == ln.col \
                and 0 < ln.y - prev.y < 1.8 * ln.size and d.order.index(ln) == d.order.index(prev) + 1:
            runs[-1].append(ln)
        else:
            runs.append([ln])
    runs = [r for r in runs if sum(len(ln.text) for ln in r) <= 80]
    styles = sorted({style(r[0]) for r in runs}, key=lambda s: (-s[0], not s[1]))
    for r in runs:
        level = min(styles.index(style(r[0])) + 1, 3)
        for ln in r:
            ln.kind = HEADING
        r[0].heading = (level, len(r))
    if runs:
        d.note("find_headings", f"{len(runs)} heading(s) in {len(styles)} style(s)")

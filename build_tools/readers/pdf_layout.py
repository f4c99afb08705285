"""PDF -> pages of text lines with their type and position, through pypdfium2 (PDFium).

PDFium gives each character's code point, origin, box, font size and font; lines are
runs of characters on one baseline (a raised, smaller footnote call stays on its line).
Coordinates are turned top-down (y grows down the page), in PDF points.
A PDF that cannot be opened, is encrypted, truncated or has no text layer is a
SourceError naming the file: the editor is told what to do, not shown a traceback."""
from __future__ import annotations

import ctypes
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..reading import SourceError

_BOLD_NAME = re.compile(r"bold|heavy|black|semibold|demi|medium", re.IGNORECASE)


@dataclass
class Char:
    text: str
    x0: float
    x1: float
    y: float        # baseline, top-down
    size: float
    bold: bool


@dataclass
class PdfLine:
    page: int
    chars: list[Char]
    kind: str = "body"          # body / furniture / footnote / title / heading / table / ...
    col: int = 0                # column index on its page (see pdf_passes.find_columns)
    # What passes found, for the passes after them:
    baseline: float | None = None     # the line's baseline, when its first character's is off
    heading: tuple[int, int] | None = None   # (level, lines it spans), on a heading's first line
    table: int | None = None          # index into the document's tables, on a table's first line
    table_box: tuple | None = None    # (x0, top, x1, bottom) of the ruled table the line is in

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars).strip()

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @property
    def y(self) -> float:
        return self.baseline if self.baseline else self.chars[0].y

    @property
    def size(self) -> float:
        """The line's type size: the size most of its characters have (a raised call or
        a bold run-in does not decide it)."""
        sizes: dict[float, int] = {}
        for c in self.chars:
            if c.text.strip():
                sizes[round(c.size, 1)] = sizes.get(round(c.size, 1), 0) + 1
        return max(sizes, key=lambda k: (sizes[k], k)) if sizes else 0.0   # ties: the main type

    @property
    def bold(self) -> bool:
        ink = [c for c in self.chars if c.text.strip()]
        return bool(ink) and sum(c.bold for c in ink) > 0.6 * len(ink)


@dataclass
class PdfPage:
    number: int          # 1-based
    width: float
    height: float
    lines: list[PdfLine]
    rules: list[tuple[float, float, float, float]]   # thin path objects (x0, top, x1, bottom)
    images: int = 0


def _open(path: Path, data: bytes):
    import pypdfium2 as pdfium
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise SourceError(path, "not a PDF file (it does not start with %PDF)")
    if b"%%EOF" not in data[-2048:]:
        raise SourceError(path, "the PDF is truncated (no end-of-file marker): download it again")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise SourceError(path, "the PDF is encrypted (password-protected): save an unprotected "
                                    "copy first") from None
        raise SourceError(path, f"the PDF cannot be read: it is damaged ({e})") from None


def _lines(textpage, number: int, height: float) -> list[PdfLine]:
    import pypdfium2.raw as R
    x, y = ctypes.c_double(), ctypes.c_double()
    buf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    matrix = R.FS_MATRIX()
    fonts: dict[bytes, bool] = {}
    lines: list[PdfLine] = []
    cur: list[Char] = []
    for i in range(R.FPDFText_CountChars(textpage)):
        if R.FPDFText_IsGenerated(textpage, i):
            continue
        code = R.FPDFText_GetUnicode(textpage, i)
        text = chr(code) if code else ""
        if text in "\r\n":
            continue
        if text == "\x02":        # PDFium's mark for a hyphen that ends a line: it was printed
            text = "-"
        R.FPDFText_GetCharOrigin(textpage, i, x, y)
        box = [ctypes.c_double() for _ in range(4)]
        R.FPDFText_GetCharBox(textpage, i, *box)
        # The font size is in text space; the page may scale it (WeasyPrint draws at
        # 0.75): sizes must be in the same points as positions.
        R.FPDFText_GetMatrix(textpage, i, matrix)
        size = R.FPDFText_GetFontSize(textpage, i) * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        R.FPDFText_GetFontInfo(textpage, i, buf, 256, flags)
        name = buf.value
        if name not in fonts:
            fonts[name] = bool(_BOLD_NAME.search(name.decode("latin-1"))) or bool(flags.value & (1 << 18))
        bold = fonts[name] or R.FPDFText_GetFontWeight(textpage, i) >= 600
        # A full-width character advances one em whatever its glyph's ink (a "。" has
        # ink on its left only): where a line ends must not depend on its last glyph.
        wide = text and unicodedata.east_asian_width(text) in "WF"
        c = Char(text, x.value, x.value + size if wide else max(box[1].value, x.value + (size * 0.3 if text.isspace() else 0)),
                 height - y.value, size, bold)
        if cur:
            prev = cur[-1]
            same = abs(c.y - _baseline(cur)) < 0.6 * max(c.size, prev.size) and c.x0 >= prev.x0 - 1
            if not same:
                lines.append(PdfLine(number, cur))
                cur = []
        cur.append(c)
    if cur:
        lines.append(PdfLine(number, cur))
    for ln in lines:
        ln.baseline = _baseline(ln.chars)
    return _stray_calls(_join_fragments([ln for ln in lines if ln.text]))


_CALL_TEXT = re.compile(r"^(\d{1,3}|[\u2460-\u2473])$")


def _stray_calls(lines: list[PdfLine]) -> list[PdfLine]:
    """A footnote call the layout pushed onto a line of its own (small digits alone)
    belongs, raised, at the end of the line above it."""
    out: list[PdfLine] = []
    for ln in lines:
        above = [o for o in out if o.y < ln.y and o.x0 - 1 <= ln.x0 <= o.x1 and ln.y - o.y < 2.5 * o.size]
        host = max(above, key=lambda o: o.y, default=None)
        if host and _CALL_TEXT.match(ln.text) and ln.size < 0.8 * host.size:
            for c in ln.chars:
                c.y = host.y - 0.3 * host.size
            host.chars = host.chars + ln.chars
        else:
            out.append(ln)
    return out


def _join_fragments(lines: list[PdfLine]) -> list[PdfLine]:
    """Pieces of one line drawn out of order (a list number drawn after its item's text)
    sit on the same baseline and touch: make them one line, in x order."""
    out: list[PdfLine] = []
    rows: dict[int, list[PdfLine]] = {}     # by baseline, to the point
    for ln in lines:
        size, y = ln.size, round(ln.y)
        near = [o for k in (y - 1, y, y + 1) for o in rows.get(k, ())]
        host = next((o for o in near if abs(o.y - ln.y) < 0.3 * size
                     and (-0.5 * size <= ln.chars[0].x0 - o.x1 < 0.8 * size
                          or -0.5 * size <= o.chars[0].x0 - ln.x1 < 0.8 * size)), None)
        if host is None:
            out.append(ln)
            rows.setdefault(y, []).append(ln)
        else:
            host.chars = sorted(host.chars + ln.chars, key=lambda c: c.x0)
    return out


def _baseline(chars: list[Char]) -> float:
    """The baseline of the line's main type (the largest characters: not a raised call)."""
    big = max(c.size for c in chars)
    return max(c.y for c in chars if c.size >= big - 0.01)


def read_pages(path, max_bytes: int | None = None) -> list[PdfPage]:
    """Every page's lines and ruling lines. Errors name the file."""
    import pypdfium2.raw as R
    path = Path(path)
    try:
        size = path.stat().st_size
        if max_bytes and size > max_bytes:
            raise SourceError(path, f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit "
                                    "for one source (max_source_mb of the briefing plugin in mkdocs.yml)")
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(path, f"cannot read: {e.strerror}") from None
    pdf = _open(path, data)
    pages = []
    try:
        for n in range(len(pdf)):
            page = pdf[n]
            width, height = page.get_size()
            lines = _lines(page.get_textpage(), n + 1, height)
            rules, images = [], 0
            for obj in page.get_objects():
                if obj.type == R.FPDF_PAGEOBJ_IMAGE:
                    images += 1
                elif obj.type == R.FPDF_PAGEOBJ_PATH:
                    x0, b, x1, t = obj.get_bounds()
                    if min(x1 - x0, t - b) < 2.5 and max(x1 - x0, t - b) > 4:
                        rules.append((x0, height - t, x1, height - b))
            pages.append(PdfPage(n + 1, width, height, lines, rules, images))
    finally:
        pdf.close()
    if not pages:
        raise SourceError(path, "the PDF has no pages")
    if sum(len(p.lines) for p in pages) == 0:
        scanned = " (its pages are images: a scan)" if any(p.images for p in pages) else ""
        raise SourceError(path, f"the PDF has no text layer{scanned}: it needs OCR first "
                                "(for example `ocrmypdf in.pdf out.pdf`), then add the OCR'd PDF")
    return pages

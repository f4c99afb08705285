"""Readers: bytes -> text. Encoding detection, line endings, NFC, control characters and
look-alike code points. Bad input stops here with an error that names the file and line."""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .model import Removal


class SourceError(Exception):
    """An input the build cannot use. str() is 'path:line: message' for editors and CI."""

    def __init__(self, path, message: str, line: int | None = None):
        self.path, self.message, self.line = str(path), message, line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


@dataclass
class SourceText:
    path: str
    text: str
    encoding: str
    removed: list[Removal] = field(default_factory=list)
    changes: list[tuple[str, str]] = field(default_factory=list)
    # Line numbers (1-based) of the lines that open a page: the line after a form feed,
    # which pdftotext and pdfminer print between pages. Layout evidence for the cleaner.
    page_starts: tuple[int, ...] = ()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
UTF8_REPLACED = "utf-8 (invalid bytes replaced)"
# Encodings we accept without a BOM, most specific first for Chinese text.
_CANDIDATES = ("gb18030", "big5", "utf_16_le", "utf_16_be")


@lru_cache(maxsize=1)
def lookalike_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x2F00, 0x2FD6):  # Kangxi Radicals: Unicode gives <compat> mappings
        decomp = unicodedata.decomposition(chr(cp)).split()
        if decomp and decomp[0] == "<compat>":
            table[cp] = chr(int(decomp[1], 16))
    path = Path(__file__).with_name("data") / "lookalikes.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            src, dst = line.split("\t")[:2]
            table[ord(src)] = dst
    return table


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, path) -> tuple[str, str]:
    if not data.strip():
        raise SourceError(path, "empty file: there is no text to clean")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name), name + " (BOM)"
            except UnicodeDecodeError as e:
                raise SourceError(path, f"not valid {name} despite its byte-order mark: {e.reason}",
                                  _line_of(data, e.start)) from None
    # UTF-16 without a BOM: every other byte is NUL for CJK-free stretches; for CJK text
    # look at whether the decode is clean and mostly CJK.
    if b"\x00" in data:
        for name in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text) and _plausible_script(text):
                return text, name
        raise SourceError(path, "binary file (contains NUL bytes): expected a text file",
                          _line_of(data, data.index(b"\x00")))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    # UTF-8 with a few stray bytes (a bad copy, a truncated character) is UTF-8: GB18030
    # decodes almost any bytes, and would turn the whole file into mojibake without a word.
    # A real GB18030/Big5 text has next to no valid multi-byte UTF-8 sequences.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    valid = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    if valid >= 20 * bad:
        return text, UTF8_REPLACED
    best = _detect(data)
    if best:
        return best
    raise SourceError(path, "cannot decode: not UTF-8, UTF-16, GB18030/GBK or Big5 "
                            "(first bad byte here)", _line_of(data, first_bad))


def _looks_like_text(text: str) -> bool:
    """Few control, unassigned or private-use characters (a stray one is dropped later)."""
    if not text:
        return False
    # Each distinct character is looked up once (an article has a few thousand characters
    # but only several hundred distinct ones).
    bad = sum(n for c, n in Counter(text).items()
              if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\n\r\t\f")
    return bad <= 3 or bad / len(text) < 0.01


def _plausible_script(text: str) -> bool:
    """A BOM-less UTF-16 guess must read as ASCII and CJK, not as random Latin Extended."""
    from .text import is_cjk
    ok = sum(1 for c in text if c.isascii() or is_cjk(c) or c in "\u201c\u201d\u2018\u2019\u2014\u2026")
    return ok / len(text) >= 0.9


def _detect(data: bytes) -> tuple[str, str] | None:
    """GB18030 vs Big5: decode with both and let charset-normalizer judge which reads as
    language; fall back to the first clean decode."""
    clean = []
    for name in _CANDIDATES[:2]:
        try:
            clean.append((name, data.decode(name)))
        except UnicodeDecodeError:
            pass
    if len(clean) == 1:
        return clean[0][1], clean[0][0]
    if not clean:
        return None
    from charset_normalizer import from_bytes
    match = from_bytes(data, cp_isolation=[n for n, _ in clean]).best()
    if match is not None:
        name = "big5" if "big5" in match.encoding else "gb18030"
        return dict(clean)[name], name
    return clean[0][1], clean[0][0]


# Unicode category Cc (U+0000-001F, U+007F-009F) less \t \n \f, the zero-width
# characters and soft hyphen, and the bidirectional controls (marks, embeddings, overrides,
# isolates): invisible, and able to make a title read differently from its text.
_DROPPED = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u200b\u200c\u200d\u2060\ufeff\u00ad"
                      "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
INVISIBLE = _DROPPED   # sources.py and the glossary refuse these in metadata
WARNING = "read.warning"   # a change the build reports as a warning (report.py)


def normalize(raw: str, path) -> SourceText:
    """Line endings, NFC, look-alike code points, control and zero-width characters."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    nfc = unicodedata.normalize("NFC", text)
    changes = []
    if nfc != text:
        changes.append(("read.nfc", "normalized to Unicode NFC"))
    table = lookalike_table()
    mapped = nfc.translate(table)
    n_mapped = sum(1 for a, b in zip(nfc, mapped) if a != b) if mapped != nfc else 0
    if n_mapped:
        changes.append(("read.lookalikes", f"mapped {n_mapped} look-alike radical code points "
                                           "to ordinary characters"))
    # Control characters (other than line feed, tab and form feed) and zero-width ones are
    # dropped and recorded with their line; a form feed (page break) is a line break to the
    # cleaner. Regexes rather than a loop over every character.
    removed: list[Removal] = []
    line, last = 1, 0
    for m in _DROPPED.finditer(mapped):
        line += mapped.count("\n", last, m.start()) + mapped.count("\f", last, m.start())
        last = m.start()
        removed.append(Removal(m.group(), "control or zero-width character", line))
    if removed:
        changes.append(("read.control", f"dropped {len(removed)} control/zero-width characters"))
        codes = sorted({f"U+{ord(r.text):04X}" for r in removed})
        changes.append((WARNING, f"line {removed[0].line}: dropped {len(removed)} invisible control, "
                                 f"zero-width or bidi character(s) ({', '.join(codes[:6])})"))
        mapped = _DROPPED.sub("", mapped)
    page_starts = _page_starts(mapped)
    result = mapped.replace("\f", "\n")
    if not result.strip():
        raise SourceError(path, "no text left after removing control characters")
    return SourceText(str(path), result, "", removed, changes, page_starts)


def _page_starts(text: str) -> tuple[int, ...]:
    """The lines that follow a form feed (the form feed itself becomes a line break)."""
    if "\f" not in text:
        return ()
    starts, line = [], 1
    for m in re.finditer(r"[\n\f]", text):
        line += 1
        if m.group() == "\f":
            starts.append(line)
    return tuple(starts)


MAX_SOURCE_BYTES = 10 * 1024 * 1024   # a long journal article is well under 1 MB


def read_source(path, max_bytes: int = MAX_SOURCE_BYTES) -> SourceText:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(path, f"file is {size / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit "
                                    "for one source (max_source_mb of the briefing plugin in mkdocs.yml): is it really one article?")
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(path, f"cannot read: {e.strerror}") from None
    text, encoding = decode(data, path)
    if not _looks_like_text(text):
        raise SourceError(path, "binary file: too many control characters for a text source")
    source = normalize(text, path)
    source.encoding = encoding
    if encoding not in ("utf-8",):
        source.changes.insert(0, ("read.encoding", f"decoded as {encoding}"))
    if encoding == UTF8_REPLACED:
        lines = [n for n, ln in enumerate(source.text.split("\n"), 1) if "\ufffd" in ln]
        source.changes.insert(0, (WARNING, f"line {lines[0] if lines else 1}: not valid UTF-8 "
                                           f"({text.count(chr(0xFFFD))} byte sequence(s) shown as \ufffd, "
                                           f"lines {', '.join(map(str, lines[:5]))})"))
    return source

"""Character classes and the two text operations every pass shares: joining wrapped
lines and tidying the spaces a PDF extractor leaves between CJK characters."""
from __future__ import annotations

import re
import unicodedata

# Ideographs, kana, hangul, and CJK / full-width punctuation.
_CJK_RANGES = (
    (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3040, 0x30FF), (0x3100, 0x312F),
    (0x3190, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6),
    (0x20000, 0x2FA1F), (0x2460, 0x24FF), (0x2010, 0x2027),
)
# Quotes and dashes in 0x2010-0x2027 count as CJK only when the text around them is.

SENTENCE_END = "。！？!?；;….．"
CLOSERS = "”’」』）)》〉】]"
# A line ending in one of these cannot end a paragraph.
CONTINUES = "，,、：:（(《〈“‘「『—-–/"
CLAUSE_PUNCT = "，。；！？,;!?"


def is_cjk(ch: str) -> bool:
    cp = ord(ch)
    if 0x2010 <= cp <= 0x2027:
        return False
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


def is_ideograph(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x2FA1F


class _CharWidths(dict):
    """Character -> display width, filled on first sight: the layout pass measures every
    line of every source, and a dict lookup per character (in C, through map) is several
    times cheaper than asking unicodedata each time."""

    def __missing__(self, ch: str) -> int:
        w = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return w


_WIDTHS = _CharWidths()


def width(s: str) -> int:
    """Display width: full-width and wide characters count 2, the rest 1."""
    if s.isascii():
        return len(s)
    return sum(map(_WIDTHS.__getitem__, s))


def is_terminated(s: str) -> bool:
    """Does the text end a sentence (allowing closing quotes/brackets and note marks)?"""
    s = strip_trailing_marks(s.rstrip())
    while s and s[-1] in CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in SENTENCE_END


_TRAILING_MARK = re.compile(r"(\^?[\u2460-\u2473]|\ue000[^\ue001]*\ue001|\s)+$")


def strip_trailing_marks(s: str) -> str:
    # Most lines end in none of these: skip the regex, which tries every position.
    last = s[-1:]
    if not last or not (last.isspace() or "\u2460" <= last <= "\u2473" or last == "\ue001"):
        return s
    return _TRAILING_MARK.sub("", s)


def join_wrapped(a: str, b: str) -> str:
    """Join two pieces of one wrapped line: no space between CJK, one between Latin words."""
    a, b = a.rstrip(), b.lstrip()
    if not a or not b:
        return a + b
    if a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    if a[-1] in ",;.:)" and b[0].isascii() and b[0].isalpha():
        return f"{a} {b}"
    return a + b


_NOTE_SENTINEL = re.compile("\ue000[^\ue001]*\ue001")
_SPACE_RUN = re.compile(r"[ \t\u3000\u00a0\u2002-\u200a\u202f\u205f]+")


def tidy_spacing(s: str) -> str:
    """Remove spaces next to CJK characters or CJK punctuation; fold other runs to one.

    "20世纪 50年代" -> "20世纪50年代"; "技 术 进 口" -> "技术进口"; "K. O'Neil" stays.
    """
    s = _SPACE_RUN.sub(" ", s).strip()
    if " " not in s:
        return s
    # Footnote references (\ue000N\ue001, see cleaning/footnotes.py) are transparent here:
    # the k-th space of s is judged by its neighbours as the k-th space of bare. Only the
    # spaces are visited; the text between them is copied in slices.
    bare = _NOTE_SENTINEL.sub("", s)
    out = []
    start = 0   # s[start:] not yet copied
    pos = -1    # the current space in bare
    i = s.find(" ")
    while i >= 0:
        pos = bare.index(" ", pos + 1)
        # a space may end bare (before a footnote reference that ends s): no neighbour there
        if (pos > 0 and is_cjk(bare[pos - 1])) or (pos + 1 < len(bare) and is_cjk(bare[pos + 1])):
            out.append(s[start:i])
            start = i + 1
        i = s.find(" ", i + 1)
    out.append(s[start:])
    return "".join(out)


_WHITESPACE = re.compile(r"\s+")


def squash(s: str) -> str:
    """Text with all whitespace removed: the form used to compare or match text."""
    return _WHITESPACE.sub("", s)

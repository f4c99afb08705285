"""The grammar of a line that the structure passes read: numbering kinds (第X章, 一、,
（一）, 1.), a law's article numbers, where a line may start a section, and whether a
word runs across a line break (jieba)."""
from __future__ import annotations

import re

from ..text import is_terminated
from .core import BODY, Draft

CN_NUM = "一二三四五六七八九十"
# Numbering kinds, outermost first; levels are assigned from the kinds a document uses.
HEADING_PATTERNS = [
    ("part", re.compile(rf"^(第[{CN_NUM}百零〇\d]{{1,3}}[编篇部](?:分)?)\s*(.*)$")),
    ("chapter", re.compile(rf"^(第[{CN_NUM}百零〇\d]{{1,3}}章)\s*(.*)$")),
    ("section", re.compile(rf"^(第[{CN_NUM}百零〇\d]{{1,3}}节)\s*(.*)$")),
    ("cn", re.compile(rf"^([{CN_NUM}]{{1,3}}、)\s*(.*)$")),
    ("cn_paren", re.compile(rf"^([（(][{CN_NUM}]{{1,3}}[）)])\s*(.*)$")),
    ("ar3", re.compile(r"^(\d{1,2}[.．]\d{1,2}[.．]\d{1,2})(?![.．\d])\s*(.*)$")),
    ("ar2", re.compile(r"^(\d{1,2}[.．]\d{1,2})(?![.．\d%])\s*(.*)$")),
    ("ar1", re.compile(r"^(\d{1,2}(?:[、．.](?!\d))?)(?:\s+|(?<=[、．.]))(?=[\u4e00-\u9fff])(.*)$")),
]
KIND_RANK = ["part", "chapter", "section", "cn", "cn_paren", "ar1", "ar2", "ar3"]
# A law's article number ("第十二条") opens a paragraph; it is never a heading.
# A clause or sentence mark: a heading (or its wrap) has none but the comma between its two
# parts, a line with one is running text.
PUNCTUATED = re.compile(r"[，。；：！？,;:!?]")
ARTICLE = re.compile(rf"^第[{CN_NUM}百千零〇两\d]{{1,6}}条(?=\s|$|[\u4e00-\u9fff])")
MAX_HEADING = 40
# Function words that leave a phrase open: a line ending in one is cut mid-phrase.
OPEN_ENDINGS = "和与及的之或并对在为把从向"


def _prev_closes(draft: Draft, i: int) -> bool:
    """Is line i at a point where a new section may start (after a finished paragraph)?"""
    p = draft.prev_content(i)
    if p is None:
        return True
    prev = draft.lines[p]
    if prev.kind != BODY:
        return True
    return is_terminated(prev.text) or _closed_by_note(draft, p)


def _closed_by_note(draft: Draft, p: int) -> bool:
    """Does line p finish a paragraph with a bracketed note after its last sentence
    ("……可获得性。（财政部、人民银行负责）", "……。（负责部门：商务部）")? Policy documents close an
    item so, naming who carries it out; the note may wrap over several lines of a narrow
    column (up to six). The
    sentence before the "（" is finished, so the paragraph is."""
    text = draft.lines[p].text.rstrip()
    if not text.endswith(("）", ")")):
        return False
    k, seen = p, 0
    while seen < 5:
        opening = max(text.rfind("（"), text.rfind("("))
        if opening > 0:
            before = text[:opening].rstrip()
            return is_terminated(before) and before[-1] not in "）)"
        k = draft.prev_content(k)
        if k is None or draft.lines[k].kind != BODY:
            return False
        if opening == 0:        # the note opens its line: the line above ends the sentence
            return is_terminated(draft.lines[k].text) and draft.lines[k].text.rstrip()[-1] not in "）)"
        text = draft.lines[k].text.rstrip() + text
        seen += 1
    return False


def _word_spans(left: str, right: str) -> bool:
    """Does a word run across the join of left and right ("…与服" + "务出口…")?"""
    from ..enrich.segment import cut
    a, b = left[-4:], right[:4]
    pos = 0
    for tok in cut(a + b, hmm=False):
        if pos < len(a) < pos + len(tok):
            return True
        pos += len(tok)
    return False


def _ends_open(text: str) -> bool:
    """Does the text end on a function word left open ("……时期和", "……工作的")? Only when
    that character is a word of its own (jieba): "政策取向" and "方向" end on a whole
    word whose last character merely is one ("向")."""
    from ..enrich.segment import cut
    if text[-1:] not in OPEN_ENDINGS:
        return False
    toks = cut(text[-6:], hmm=False)
    return not toks or len(toks[-1]) == 1


_CONJUNCTIONS = {"和", "与", "及", "以及", "并", "或"}


def _opens_with_conjunction(text: str) -> bool:
    """Does the line open with a conjunction as a word of its own (jieba: "和" in
    "和“十四五”", not "与此同时" or "及时")?"""
    from ..enrich.segment import cut
    words = cut(text[:6], hmm=False)
    return bool(words) and words[0] in _CONJUNCTIONS


def _numbered(text: str):
    for kind, rx in HEADING_PATTERNS:
        m = rx.match(text)
        if m:
            return kind, m.group(1), m.group(2)
    return None


def _short_plain(text: str) -> bool:
    """A short line without punctuation (an entry of a list of names, or a heading)."""
    return 2 <= len(text) <= 30 and not re.search(r"[，。；！？,;!?：:]", text)

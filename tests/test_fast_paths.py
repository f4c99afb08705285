"""The hot per-source helpers were rewritten for speed (regexes and lookups instead of loops
over every character); each must agree with the plain loop it replaced, kept here as the
reference."""
from __future__ import annotations

import random
import unicodedata

from conftest import ROOT, SEEDS
from hypothesis import example, given, settings
from hypothesis import strategies as st

from build_tools.enrich.glossary import Matcher, Term, load_glossary
from build_tools.reading import SourceError, lookalike_table, normalize
from build_tools.text import (_NOTE_SENTINEL, _SPACE_RUN, _TRAILING_MARK, is_cjk, strip_trailing_marks,
                              tidy_spacing, width)


def _scan(matcher: Matcher, text: str, blocked=frozenset()):
    """Longest match by trying every length at every offset."""
    first = {f[0] for f in matcher.by_form}
    out, i, n = [], 0, len(text)
    while i < n:
        if text[i] in first:
            for length in matcher.lengths:
                form = text[i:i + length]
                t = matcher.by_form.get(form)
                if t and len(form) == length and not any(i < b < i + length for b in blocked):
                    out.append((i, i + length, t))
                    i += length
                    break
            else:
                i += 1
            continue
        i += 1
    return out


def _tidy_spacing(s: str) -> str:
    s = _SPACE_RUN.sub(" ", s).strip()
    if " " not in s:
        return s
    bare = _NOTE_SENTINEL.sub("", s)
    out, pos = [], 0
    for ch in s:
        if ch == " ":
            while bare[pos] != " ":
                pos += 1
            # a space may open bare (after a footnote reference that opens s): no neighbour
            # on its left (bare[-1] would be the last character's)
            if (pos > 0 and is_cjk(bare[pos - 1])) or is_cjk(bare[pos + 1]):
                pos += 1
                continue
            pos += 1
        out.append(ch)
    return "".join(out)


def _normalize_tail(mapped: str):
    """The per-character loop that dropped control characters and counted their lines."""
    removed, out, line = [], [], 1
    for ch in mapped:
        if ch in "\n\f":
            line += 1
            out.append("\n")
        elif ch == "\t":
            out.append(ch)
        elif unicodedata.category(ch) == "Cc" or ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
            removed.append((ch, line))
        else:
            out.append(ch)
    return "".join(out), removed


def _seed_lines() -> list[str]:
    return [ln for p in SEEDS for ln in p.read_text(encoding="utf-8").split("\n")]


def test_matcher_agrees_with_the_scan_on_the_seeds():
    m = Matcher(load_glossary(ROOT / "seeds" / "glossary.yml"))
    rng = random.Random(1)
    for line in _seed_lines():
        assert m.find(line) == _scan(m, line)
        blocked = {rng.randrange(len(line) + 1) for _ in range(3)}
        assert m.find(line, blocked) == _scan(m, line, blocked)


def _term(zh, aliases=()):
    return Term(zh=zh, en=zh, kind="concept", def_zh="d", def_en="d", aliases=list(aliases))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="产业链安全友岸外包化.*+(", max_size=30), st.sets(st.integers(0, 30), max_size=4))
def test_matcher_agrees_with_the_scan(text, blocked):
    m = Matcher([_term("产业链"), _term("产业链安全"), _term("友岸外包", ["友岸化", "友岸"]), _term("外包"),
                 _term("a.*"), _term("(+")])
    assert m.find(text, blocked) == _scan(m, text, blocked)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="技术进口ab K.O'1２ \u3000\t\u00a0，“”\ue000\ue001①", max_size=30))
@example("\ue000\ue001 1，")   # a space after a reference that opens the text
def test_tidy_spacing_agrees_with_the_loop(s):
    try:
        expected = _tidy_spacing(s)
    except IndexError:   # a space inside a note sentinel: nothing the cleaner produces
        return
    assert tidy_spacing(s) == expected


def test_tidy_spacing_agrees_with_the_loop_on_the_seeds():
    for line in _seed_lines():
        assert tidy_spacing(line) == _tidy_spacing(line)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="文a \n\f\t\x00\x0b\x1f\x7f\x85\u200b\u00ad\ufeff\u2028⼀", max_size=40))
def test_normalize_agrees_with_the_loop(raw):
    try:
        got = normalize(raw, "x")
    except SourceError:   # nothing left
        return
    text = raw.replace("\u2028", "\n")
    out, removed = _normalize_tail(unicodedata.normalize("NFC", text).translate(lookalike_table()))
    assert got.text == out
    assert [(r.text, r.line) for r in got.removed] == removed


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_width_and_trailing_marks_agree_with_their_definitions(s):
    assert width(s) == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
    assert strip_trailing_marks(s) == _TRAILING_MARK.sub("", s)

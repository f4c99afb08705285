"""Chinese word segmentation with jieba, taught the glossary's terms (so 友岸外包 is one
token) — for the search index, keyword extraction and sentence similarity.

Per-article work (summaries, key figures, heading joins) segments with `cut`: the words of
`jieba.lcut`, computed mostly by jieba-rs (rjieba), several times faster than jieba's
pure-Python dictionary search (which was the largest cost of enriching an article).
jieba-rs ships the same dictionary and finds the same best path through it, but differs
from jieba in two places, so `cut` does those itself: which characters form a Han block
(jieba-rs also takes in CJK extensions), and the HMM pass over runs of unknown single
characters (jieba-rs keeps "1006-1568" or "U.S" whole where jieba's HMM splits them).
tests/test_segment.py checks `cut` against `jieba.lcut`. `jieba()`, the Python library,
stays for keyword extraction and the search index."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z][A-Za-z0-9\-]+|\d+(?:\.\d+)?%?")


# Every word taught, in order; each segmenter applies the ones it has not seen yet.
_taught: list[str] = []
_taught_set: set[str] = set()
_loaded = False
_jieba_applied = 0


def jieba():
    """jieba, loaded on first use (a build whose documents are all cached never needs it)."""
    global _loaded, _jieba_applied
    import jieba as _jieba
    if not _loaded:
        _jieba.setLogLevel(60)
        _jieba.initialize()
        _loaded = True
    while _jieba_applied < len(_taught):
        w = _taught[_jieba_applied]
        _jieba.add_word(w, freq=max(2000, _jieba.get_FREQ(w) or 0), tag="n")
        _jieba_applied += 1
    return _jieba


def teach(words) -> None:
    """Add words (glossary terms and aliases) to the dictionary, once each."""
    for w in words:
        if w not in _taught_set:
            _taught_set.add(w)
            _taught.append(w)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    path = Path(__file__).parent.parent / "data" / "stopwords.txt"
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#"))


def tokens(text: str) -> list[str]:
    """Content words: jieba words of two or more CJK characters, Latin words, numbers."""
    stop = stopwords()
    return [t for t in cut(text) if _WORD.fullmatch(t) and t not in stop]


def user_dictionary(words) -> str:
    """jieba's user-dictionary format: one 'word frequency tag' per line."""
    return "".join(f"{w} 3000 n\n" for w in sorted(set(words)) if " " not in w)


# --- jieba.lcut, by way of jieba-rs -------------------------------------------------------

# jieba's Han blocks (jieba.re_han_default): only these go through the dictionary.
_BLOCK = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")
# A word jieba-rs never looks up (it is not made of block characters): its frequency makes
# jieba-rs's dictionary total equal jieba's. The total weighs paths of different numbers of
# words against each other, so the two must agree exactly.
_BALANCE = "〈total〉"
_rs = None
_rs_applied = 0
_rs_balance = 0


def _dict_freqs(words: list[str]) -> dict[str, int]:
    """Frequencies of a few words in jieba's dict.txt (the dictionary jieba-rs embeds)."""
    import importlib.util
    path = os.path.join(os.path.dirname(importlib.util.find_spec("jieba").origin), "dict.txt")
    with open(path, "rb") as f:
        data = b"\n" + f.read()
    out = {}
    for w in words:
        start = data.find(b"\n" + w.encode("utf-8") + b" ")
        if start >= 0:
            line = data[start + 1:data.find(b"\n", start + 1)]
            out[w] = int(line.split(b" ")[1])
    return out


def _segmenter():
    """jieba-rs with the taught words, as jieba.add_word would add them. jieba adds a word's
    frequency to the total even when the word was in the dictionary, jieba-rs only the
    change; and jieba counts dict.txt's one duplicate line (B超 3) twice."""
    global _rs, _rs_applied, _rs_balance
    if _rs is None:
        import rjieba
        _rs = rjieba.Jieba()
        _rs_balance = 3
    if _rs_applied < len(_taught):
        new = _taught[_rs_applied:]
        known = _dict_freqs([w for w in new if w and _rs.has_word(w)])
        for w in new:
            freq = max(2000, known.get(w, 0))
            if w:
                _rs.add_word(w, freq, "n")
                _rs_balance += known.get(w, 0)
            else:
                _rs_balance += freq   # jieba counts even an empty word
        _rs.add_word(_BALANCE, _rs_balance, "x")
        _rs_applied = len(_taught)
    return _rs


def cut(text: str, hmm: bool = True) -> list[str]:
    """The words of jieba.lcut(text, HMM=hmm), taught words included."""
    rs = _segmenter()
    out: list[str] = []
    for k, part in enumerate(_BLOCK.split(text)):
        if not part:
            continue
        if k % 2 == 0:
            # Outside blocks jieba yields each character alone, except a \r\n pair.
            out += re.findall(r"\r\n|[\s\S]", part) if "\r\n" in part else part
        elif hmm:
            out += _cut_block_hmm(rs, part)
        else:
            out += rs.cut(part, False)
    return out


def _cut_block_hmm(rs, block: str) -> list[str]:
    """jieba's __cut_DAG: dictionary words on the best path are words; runs of single
    characters between them that are not a dictionary word go to the HMM. The path comes
    from jieba-rs without HMM, which merges runs of single Latin letters and digits into
    one token: a Latin token that is not a dictionary word is such a run. (dict.txt has no
    all-Latin words, and a taught one, at frequency 2000 or more, always outscores being
    spelled in single letters, so a Latin token that is a word is one step of the path.)"""
    out: list[str] = []
    buf = ""
    for w in rs.cut(block, False):
        if len(w) == 1 or (w.isascii() and w.isalnum() and not rs.has_word(w)):
            buf += w
            continue
        if buf:
            out += _unknown_run(rs, buf)
            buf = ""
        out.append(w)
    if buf:
        out += _unknown_run(rs, buf)
    return out


def _unknown_run(rs, buf: str) -> list[str]:
    if len(buf) == 1:
        return [buf]
    if rs.has_word(buf):
        return list(buf)
    return _hmm(buf)


def _hmm(buf: str) -> list[str]:
    """jieba.finalseg.cut: Viterbi over B/M/E/S for Han runs; other runs split into Latin
    words and numbers (jieba's re_skip) and what lies between."""
    from jieba import finalseg
    out: list[str] = []
    for k, part in enumerate(finalseg.re_han.split(buf)):
        if not part:
            continue
        if k % 2:
            words = _viterbi_words(part)
            if finalseg.Force_Split_Words:   # words jieba.del_word forbids (none of ours)
                words = [c for w in words for c in (w if w in finalseg.Force_Split_Words else [w])]
            out += words
        else:
            out += [x for x in finalseg.re_skip.split(part) if x]
    return out


def _viterbi_words(run: str) -> list[str]:
    """finalseg's Viterbi and word assembly, with the same sums in the same order and the
    same tie-breaks (max over (probability, state letter)), unrolled over the four states
    with back-pointers instead of copied paths."""
    from jieba.finalseg import MIN_FLOAT, emit_P, start_P, trans_P
    eB, eE, eM, eS = emit_P["B"], emit_P["E"], emit_P["M"], emit_P["S"]
    tBE, tBM = trans_P["B"]["E"], trans_P["B"]["M"]
    tEB, tES = trans_P["E"]["B"], trans_P["E"]["S"]
    tMM, tME = trans_P["M"]["M"], trans_P["M"]["E"]
    tSB, tSS = trans_P["S"]["B"], trans_P["S"]["S"]
    c = run[0]
    vB = start_P["B"] + eB.get(c, MIN_FLOAT)
    vM = start_P["M"] + eM.get(c, MIN_FLOAT)
    vE = start_P["E"] + eE.get(c, MIN_FLOAT)
    vS = start_P["S"] + eS.get(c, MIN_FLOAT)
    back = []   # per position after the first: the best previous state of B, M, E, S
    for c in run[1:]:
        # B after E or S; M after M or B; E after B or M; S after S or E. On a tie the
        # later letter wins, as in max() over (probability, letter) tuples.
        em = eB.get(c, MIN_FLOAT)
        a, b = vE + tEB + em, vS + tSB + em
        nB, pB = (b, "S") if b >= a else (a, "E")
        em = eM.get(c, MIN_FLOAT)
        a, b = vM + tMM + em, vB + tBM + em
        nM, pM = (a, "M") if a >= b else (b, "B")
        em = eE.get(c, MIN_FLOAT)
        a, b = vB + tBE + em, vM + tME + em
        nE, pE = (b, "M") if b >= a else (a, "B")
        em = eS.get(c, MIN_FLOAT)
        a, b = vS + tSS + em, vE + tES + em
        nS, pS = (a, "S") if a >= b else (b, "E")
        back.append({"B": pB, "M": pM, "E": pE, "S": pS})
        vB, vM, vE, vS = nB, nM, nE, nS
    state = "S" if vS >= vE else "E"
    states = [state]
    for pointers in reversed(back):
        state = pointers[state]
        states.append(state)
    states.reverse()
    # finalseg.__cut: B opens a word, E closes it, S is a word alone; an unclosed tail is
    # one word.
    words, begin, nexti = [], 0, 0
    for i, state in enumerate(states):
        if state == "B":
            begin = i
        elif state == "E":
            words.append(run[begin:i + 1])
            nexti = i + 1
        elif state == "S":
            words.append(run[i])
            nexti = i + 1
    if nexti < len(run):
        words.append(run[nexti:])
    return words

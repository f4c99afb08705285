"""Chinese word segmentation with jieba, taught the glossary's terms (so 友岸外包 is one
token) — for the search index, keyword extraction and sentence similarity."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z][A-Za-z0-9\-]+|\d+(?:\.\d+)?%?")


_taught: set[str] = set()
_pending: list[str] = []
_loaded = False


def jieba():
    """jieba, loaded on first use (a build whose documents are all cached never needs it)."""
    global _loaded
    import jieba as _jieba
    if not _loaded:
        _jieba.setLogLevel(60)
        _jieba.initialize()
        _loaded = True
    while _pending:
        w = _pending.pop()
        _jieba.add_word(w, freq=max(2000, _jieba.get_FREQ(w) or 0), tag="n")
    return _jieba


def teach(words) -> None:
    """Add words (glossary terms and aliases) to jieba's dictionary, once each."""
    for w in words:
        if w not in _taught:
            _taught.add(w)
            _pending.append(w)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    path = Path(__file__).parent.parent / "data" / "stopwords.txt"
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#"))


def tokens(text: str) -> list[str]:
    """Content words: jieba words of two or more CJK characters, Latin words, numbers."""
    stop = stopwords()
    return [t for t in jieba().lcut(text) if _WORD.fullmatch(t) and t not in stop]


def user_dictionary(words) -> str:
    """jieba's user-dictionary format: one 'word frequency tag' per line."""
    return "".join(f"{w} 3000 n\n" for w in sorted(set(words)) if " " not in w)

"""The words of a text as the search index holds them, and as the browser cuts a query.

Han runs are cut by jieba (enrich/segment.py: the glossary is its user dictionary); other
text is NFKC-folded, lower-cased and split into runs of letters and digits; English words
lose one suffix by the rules below. The browser applies the same rules (they are written
into the index's meta file), so an English query is stemmed exactly as the pages were."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..memo import PersistentMemo

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
WORD = re.compile(r"[a-z0-9]+")
# (suffix, replacement, shortest stem kept): the first that applies, once, to words of
# letters only. Light on purpose: the same in both places matters more than linguistics.
STEM_RULES = (("sses", "ss", 2), ("ies", "y", 2), ("ss", "ss", 1), ("us", "us", 1), ("is", "is", 1),
              ("s", "", 3), ("ing", "", 3), ("ed", "", 3), ("ly", "", 3))


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    if not word.isalpha():
        return word
    for suffix, repl, keep in STEM_RULES:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            return word[: len(word) - len(suffix)] + repl
    return word


# Letters and digits, and the symbols NFKC turns into letters or digits (℃, Ⅳ, ㎏, ⒈).
_ALNUM = re.compile(r"[^\W_]|[\u20a8\u2100-\u218f\u2460-\u24ff\u3200-\u33ff\U0001f100-\U0001f1ff]")


def latin_words(text: str) -> list[str]:
    if not _ALNUM.search(text):   # punctuation and spaces between Han runs: most calls
        return []
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return [stem(w) for w in WORD.findall(text.lower())]


class Words:
    """The words of texts; jieba's cuts are kept across builds in a cache file, keyed by
    the text and by the words taught to the segmenter (the glossary's terms): a term added
    to the glossary is one word in the next build, cache or not."""

    def __init__(self, path: Path | None = None, taught=()):
        from ..fingerprint import fingerprint
        self.memo = PersistentMemo(path)
        self.taught = sorted(set(taught))
        self.stamp = fingerprint(*self.taught)[:16] + "\0"

    def prefetch(self, texts, least: int = 2000) -> None:
        """Cut, in a process per core, the texts not cut before — when there are at least
        `least` of them (a cold build of a large corpus): jieba is most of its cost."""
        import os
        missing = [t for t in dict.fromkeys(texts) if not self.memo.has(self.stamp + t)]
        workers = os.cpu_count() or 1
        if len(missing) < least or workers < 2:
            return
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(workers, initializer=_taught, initargs=(self.taught,)) as pool:
            for text, words in zip(missing, pool.map(self._words, missing, chunksize=256)):
                self.memo.put(self.stamp + text, words)

    def __call__(self, text: str) -> list[str]:
        return self.memo.through(self.stamp + text, self._words, text)

    @staticmethod
    def _words(text: str) -> list[str]:
        from ..enrich.segment import cut
        words: list[str] = []
        pos = 0
        for m in HAN.finditer(text):
            words += latin_words(text[pos:m.start()])
            words += [w for w in cut(m.group()) if w.strip()]
            pos = m.end()
        return words + latin_words(text[pos:])

    def save(self) -> None:
        self.memo.save()


def _taught(words) -> None:
    """A pool worker cuts with the glossary as jieba's user dictionary, as the build does."""
    from ..enrich.segment import teach
    teach(words)


def converted_record(record: dict, convert) -> dict:
    """A Simplified search record's words as the 繁體中文 edition's index holds them: cut as
    the Simplified text is (the glossary is jieba's dictionary in Simplified), then each
    word converted — the same words, written the other way."""
    units = [[anchor, " ".join(dict.fromkeys(convert(words).split()))] for anchor, words in record["units"]]
    return {k: v for k, v in record.items() if k != "key"} | {"units": units}


def converted_words(words: Words, convert):
    """The words of a Simplified text as the 繁體中文 edition's index holds them (as
    converted_record; `convert` keeps its results: editions.KeptConversions)."""
    return lambda text: [convert(w) for w in words(text)]

"""Candidate glossary terms an editor may add, real terms first: named laws and programmes
(《…》, …法案/计划/战略/倡议), quoted expressions, and multi-word noun phrases that recur
across sources — never function words, generic nouns, units or numbers (stop lists:
build_tools/data/term_stop.yml). Ranked, with counts and an example."""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .corpus import searchable_texts
from .segment import jieba

_STOP = Path(__file__).parent.parent / "data" / "term_stop.yml"
_QUOTED = re.compile(r"[“「]([^“”「」《》]{2,14})[”」]")
_TITLE = re.compile(r"《([^《》]{2,30})》")
_NAMED = re.compile(r"(?:法案|法|计划|战略|倡议|协定|框架|条例|指令|伙伴关系|联盟|规划|议程)$")
_NUMERIC = re.compile(r"[\d０-９%％.]|^[一二两三四五六七八九十百千万亿几数]+[个种项类大次年]?")
_NOMINAL = ("n", "vn", "nz", "ns", "nt", "eng", "an", "l")


@dataclass
class Candidate:
    term: str
    count: int
    sources: int
    why: str
    example: str


@lru_cache(maxsize=1)
def _stop() -> tuple[frozenset, frozenset]:
    data = yaml.safe_load(_STOP.read_text(encoding="utf-8"))
    return frozenset(data["function"] + data["units"]), frozenset(data["generic"])


def _plain(phrase: str, words: list[str]) -> bool:
    """True for what is not a term: a stop word, a number or unit, or generic words only."""
    stop, generic = _stop()
    if phrase in stop or phrase in generic or _NUMERIC.search(phrase) or len(phrase) < 2:
        return True
    return all(w in stop or w in generic or len(w) == 1 for w in words)


def _phrases(text: str):
    """(phrase, words) for each run of two to four nouns in the text."""
    import jieba.posseg as posseg
    jieba()
    run: list[str] = []
    for w in list(posseg.cut(text)) + [None]:
        if w is not None and w.flag.startswith(_NOMINAL) and len(w.word) >= 2:
            run.append(w.word)
            continue
        for size in (4, 3, 2):
            for i in range(0, len(run) - size + 1):
                words = run[i:i + size]
                yield "".join(words), words
        run = []


def candidates(articles, terms, limit: int = 40) -> list[Candidate]:
    known = {f for t in terms for f in t.forms}
    count: Counter = Counter()
    where: dict[str, set] = defaultdict(set)
    why: dict[str, set] = defaultdict(set)
    example: dict[str, str] = {}

    known_forms = re.compile("|".join(map(re.escape, sorted(known, key=len, reverse=True)))) if known else None

    def note(phrase: str, reason: str, slug: str, text: str, words=None) -> None:
        phrase = phrase.strip()
        if phrase in known or any(phrase in k for k in known) or _plain(phrase, words or [phrase]):
            return
        if known_forms and reason == "phrase" and known_forms.search(phrase):
            # a known term with generic words around it ("中国产业链", "供应链风险") is not new
            rest = [w for w in (words or []) if not known_forms.fullmatch(w)]
            if _plain("".join(rest) or "-", rest) or len(rest) == len(words or []) and \
                    _plain(known_forms.sub("", phrase) or "-", [known_forms.sub("", phrase)]):
                return
        count[phrase] += 1
        where[phrase].add(slug)
        why[phrase].add("named" if reason != "phrase" and _NAMED.search(phrase) else reason)
        example.setdefault(phrase, text)

    for a in articles:
        for _, text in searchable_texts(a.doc):
            slug = a.source.slug
            for m in _TITLE.finditer(text):
                note(m.group(1), "named", slug, text)
            for m in _QUOTED.finditer(text):
                note(m.group(1), "quoted", slug, text)
            for phrase, words in _phrases(text):
                if _NAMED.search(phrase) and len(phrase) >= 4:
                    note(phrase, "named", slug, text, words)
                else:
                    note(phrase, "phrase", slug, text, words)

    def score(w: str) -> float:
        # recurrence across sources counts most, then how often; an author's quotes and a
        # named law or programme mark a term even when it is used once
        return (3 * (len(where[w]) - 1) + math.log1p(count[w]) + (3 if "named" in why[w] else 0)
                + (2.5 if "quoted" in why[w] else 0) + min(len(w), 8) / 8)
    keep = [w for w in count if count[w] >= 2 or why[w] & {"named", "quoted"}]
    # a phrase inside a longer candidate that is used as often is the same term
    keep = [w for w in keep if not any(w != o and w in o and count[o] >= count[w] for o in keep)]
    ranked = sorted(keep, key=lambda w: (-score(w), w))
    out = []
    for w in ranked[:limit]:
        ex = example[w]
        i = ex.find(w)
        out.append(Candidate(w, count[w], len(where[w]), "+".join(sorted(why[w])),
                             ex[max(0, i - 20): i + len(w) + 20]))
    return out

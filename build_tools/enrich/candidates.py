"""Candidate glossary terms an editor may add: quoted “…” expressions, frequent words and
jieba TF-IDF keywords that are not yet in the glossary, ranked, with counts and examples."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .corpus import searchable_texts
from .segment import jieba, stopwords, tokens

_QUOTED = re.compile(r"[“「《]([^“”「」《》]{2,14})[”」》]")


@dataclass
class Candidate:
    term: str
    count: int
    sources: int
    why: str
    example: str


def candidates(articles, terms, limit: int = 40) -> list[Candidate]:
    known = {f for t in terms for f in t.forms}
    count: Counter = Counter()
    where: dict[str, set] = defaultdict(set)
    why: dict[str, set] = defaultdict(set)
    example: dict[str, str] = {}
    from jieba import analyse
    for a in articles:
        texts = [t for _, t in searchable_texts(a.doc)]
        whole = "\n".join(texts)
        found = [(m.group(1), "quoted") for m in _QUOTED.finditer(whole)]
        found += [(w, "frequent") for w, n in Counter(tokens(whole)).items() if n >= 3 and len(w) >= 3]
        jieba()
        found += [(w, "keyword") for w in analyse.extract_tags(whole, topK=15)]
        for word, reason in found:
            if word in known or word in stopwords() or any(word in k for k in known) or word.isdigit():
                continue
            n = whole.count(word)
            if n == 0:
                continue
            count[word] = count.get(word, 0) + (n if a.source.slug not in where[word] else 0)
            where[word].add(a.source.slug)
            why[word].add(reason)
            if word not in example:
                example[word] = next((t for t in texts if word in t), "")
    # Rank by how distinctive a word is (jieba's IDF: common words score low), how often and
    # how widely it is used, and whether an author set it off in quotes.
    idf = analyse.default_tfidf.idf_freq
    median = analyse.default_tfidf.median_idf

    def score(w: str) -> float:
        return (idf.get(w, median * 1.2) * (1 + count[w]) ** 0.5 * len(where[w]) ** 0.5
                + (8 if "quoted" in why[w] else 0))
    ranked = sorted(count, key=lambda w: (-score(w), w))
    out = []
    for w in ranked[:limit]:
        ex = example[w]
        i = ex.find(w)
        out.append(Candidate(w, count[w], len(where[w]), "+".join(sorted(why[w])),
                             ex[max(0, i - 20): i + len(w) + 20]))
    return out

"""Extractive summaries and key points: TextRank over jieba tokens, with a position prior
(openings of the article, of sections and of paragraphs weigh more), no near-duplicate
sentences, sentences kept verbatim and in document order."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..model import Document, Heading, Paragraph
from .segment import tokens

_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$")


@dataclass
class Sentence:
    text: str
    block: int         # index of its paragraph in doc.blocks
    section: int       # index of its top-level heading in doc.blocks, -1 before any
    first_in_block: bool
    words: frozenset[str]


def sentences(doc: Document) -> list[Sentence]:
    top = min((b.level for b in doc.blocks if isinstance(b, Heading)), default=1)
    out, section = [], -1
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Heading) and b.level == top:
            section = i
        if not isinstance(b, Paragraph):
            continue
        for n, m in enumerate(_SENTENCE.finditer(b.text)):
            text = m.group().strip()
            if len(text) >= 8:
                out.append(Sentence(text, i, section, n == 0, frozenset(tokens(text))))
    return out


def _similarity(a: frozenset, b: frozenset) -> float:
    common = len(a & b)
    if not common or len(a) < 2 or len(b) < 2:
        return 0.0
    return common / (math.log(len(a)) + math.log(len(b)))


def textrank(sents: list[Sentence], damping: float = 0.85, iterations: int = 60) -> list[float]:
    n = len(sents)
    if n == 0:
        return []
    prior = []
    for k, s in enumerate(sents):
        w = 1.0 + (1.0 if s.first_in_block else 0.0) + (1.5 if k < 3 else 0.0) + (0.5 if k >= n - 3 else 0.0)
        if 12 <= len(s.text) <= 120:
            w += 0.5
        prior.append(w)
    total = sum(prior)
    prior = [p / total for p in prior]
    weights = [[_similarity(sents[i].words, sents[j].words) if i != j else 0.0 for j in range(n)]
               for i in range(n)]
    out_sum = [sum(row) or 1.0 for row in weights]
    score = prior[:]
    for _ in range(iterations):
        new = [(1 - damping) * prior[i] + damping * sum(weights[j][i] / out_sum[j] * score[j]
                                                         for j in range(n) if weights[j][i])
               for i in range(n)]
        if max(abs(a - b) for a, b in zip(new, score)) < 1e-9:
            score = new
            break
        score = new
    return score


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def pick(sents: list[Sentence], scores: list[float], k: int) -> list[Sentence]:
    """The k best sentences, skipping near-duplicates of ones already taken; long sentences
    are discounted, since a reader skims a summary."""
    def weight(i: int) -> float:
        return scores[i] / (1 + max(0, len(sents[i].text) - 80) / 60)
    chosen: list[int] = []
    for i in sorted(range(len(sents)), key=lambda i: (-weight(i), i)):
        s = sents[i]
        if not 12 <= len(s.text) <= 160:
            continue
        if any(_jaccard(s.words, sents[j].words) > 0.5 for j in chosen):
            continue
        chosen.append(i)
        if len(chosen) == k:
            break
    return [sents[i] for i in sorted(chosen)]


def summarize(doc: Document) -> tuple[list[Sentence], list[tuple[int, Sentence]]]:
    """(summary sentences, [(section heading index, its most central sentence)])."""
    sents = sentences(doc)
    scores = textrank(sents)
    k = 3 if len(sents) < 40 else 4 if len(sents) < 120 else 5
    summary = pick(sents, scores, k)
    points = []
    for section in sorted({s.section for s in sents if s.section >= 0}):
        idx = [i for i, s in enumerate(sents) if s.section == section]
        best = pick([sents[i] for i in idx], [scores[i] for i in idx], 1)
        if best:
            points.append((section, best[0]))
    return summary, points

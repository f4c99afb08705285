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
    words: dict[str, frozenset[str]] = {}   # a sentence repeated is segmented once
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Heading) and b.level == top:
            section = i
        if not isinstance(b, Paragraph):
            continue
        for n, m in enumerate(_SENTENCE.finditer(b.text)):
            text = m.group().strip()
            if len(text) >= 8:
                if text not in words:
                    words[text] = frozenset(tokens(text))
                out.append(Sentence(text, i, section, n == 0, words[text]))
    return out


def _similarity(a: frozenset, b: frozenset) -> float:
    common = len(a & b)
    if not common or len(a) < 2 or len(b) < 2:
        return 0.0
    return common / (math.log(len(a)) + math.log(len(b)))


GRAPH_LIMIT = 1500   # sentences in the graph: its matrices are n x n (1500: 18 MB)


def _prior(sents: list[Sentence]) -> list[float]:
    n = len(sents)
    return [1.0 + (1.0 if s.first_in_block else 0.0) + (1.5 if k < 3 else 0.0)
            + (0.5 if k >= n - 3 else 0.0) + (0.5 if 12 <= len(s.text) <= 120 else 0.0)
            for k, s in enumerate(sents)]


def textrank(sents: list[Sentence], damping: float = 0.85, iterations: int = 60) -> list[float]:
    """PageRank over the sentence graph (edges: shared words, normalized by the logs of the
    sentence lengths), personalized by position: openings of the article, of paragraphs,
    and the conclusion weigh more.

    Memory stays bounded whatever the source: a sentence that occurs many times is one node
    (its prior the sum of its occurrences'; each occurrence gets the node's score), and
    past GRAPH_LIMIT distinct sentences only those with the highest prior are ranked (the
    rest score 0). Only words shared by two nodes make the incidence matrix."""
    import numpy as np
    if not sents:
        return []
    node_of: dict[str, int] = {}
    nodes: list[int] = []                      # index of each node's first occurrence
    weight_of: list[float] = []
    for k, (s, p) in enumerate(zip(sents, _prior(sents))):
        j = node_of.setdefault(s.text, len(nodes))
        if j == len(nodes):
            nodes.append(k)
            weight_of.append(0.0)
        weight_of[j] += p
    ranked = sorted(range(len(nodes)), key=lambda j: (-weight_of[j], j))[:GRAPH_LIMIT]
    ranked.sort()
    n = len(ranked)
    prior = np.array([weight_of[j] for j in ranked])
    prior /= prior.sum()
    words = [sents[nodes[j]].words for j in ranked]
    seen: dict[str, int] = {}
    for w in (w for ws in words for w in ws):
        seen[w] = seen.get(w, 0) + 1
    vocab = {w: i for i, w in enumerate(sorted(w for w, c in seen.items() if c > 1))}
    incidence = np.zeros((n, max(1, len(vocab))), dtype=np.float32)
    for i, ws in enumerate(words):
        incidence[i, [vocab[w] for w in ws if w in vocab]] = 1.0
    common = incidence @ incidence.T
    sizes = np.array([len(ws) for ws in words], dtype=np.float64)
    logs = np.log(np.maximum(sizes, 1.0))
    denom = logs[:, None] + logs[None, :]
    weights = np.where((denom > 0) & (sizes[:, None] >= 2) & (sizes[None, :] >= 2), common / np.maximum(denom, 1e-9), 0.0)
    np.fill_diagonal(weights, 0.0)
    out_sum = weights.sum(axis=1)
    out_sum[out_sum == 0] = 1.0
    transition = weights / out_sum[:, None]
    score = prior.copy()
    for _ in range(iterations):
        new = (1 - damping) * prior + damping * (transition.T @ score)
        if np.abs(new - score).max() < 1e-9:
            score = new
            break
        score = new
    by_node = dict(zip(ranked, score.tolist()))
    return [by_node.get(node_of[s.text], 0.0) for s in sents]


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


def summarize(doc: Document) -> tuple[list[Sentence], list[tuple[int, Sentence]], list[Sentence]]:
    """(summary sentences, [(section heading index, its most central sentence)], all
    sentences)."""
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
    return summary, points, sents

"""Extractive summaries and key points: TextRank over jieba tokens, with a position prior,
over the sentences a reader can take on their own — complete (sentence-final punctuation,
balanced brackets and quotes) and not opening with a word that points back to unseen text
(the openers are data: build_tools/data/openers.yml). The summary is spread over
the article's top-level sections, one sentence per paragraph at most, in document order;
key points are one complete statement per top-level section."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Document, Heading, Paragraph
from .segment import tokens

_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$")
_FINAL = re.compile(r"[。！？!?][”’」』）)]*$")
# "1.1", "（2）", "(3)", "2." and the like before the sentence proper.
_ENUMERATOR = re.compile(r"^(?:\d+(?:\.\d+)+\s*|[（(]\s*[\d一二三四五六七八九十]+\s*[)）]\s*|\d+[.、]\s*)")
_CROSS_REFERENCE = re.compile(r"[见如]([图表]\s*\d|下文|上文|前文|后文)|上述|前述|下述|如下")
_PAIRS = ("（）", "()", "“”", "《》", "「」", "『』", "【】", "[]")
_DATA = Path(__file__).parent.parent / "data" / "openers.yml"


@lru_cache(maxsize=1)
def _opener() -> re.Pattern:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    words = sorted(set(data["connectives"]) | set(data["pronouns"]), key=len, reverse=True)
    demo = "|".join(map(re.escape, data["demonstratives"]))
    cls = "|".join(map(re.escape, sorted(data["classifiers"], key=len, reverse=True)))
    keep = "|".join(map(re.escape, data["self_reference"]))
    return re.compile(rf"^(?!(?:{keep}))(?:{'|'.join(map(re.escape, words))}|(?:{demo})一?(?:{cls})|{data['ordinal']})")


def dangling(sentence: str) -> bool:
    """True when the sentence opens with a connective, pronoun or demonstrative + classifier
    whose referent is in text before it."""
    if re.match(r"^[（(]\s*(?:[2-9]|[二三四五六七八九十])\s*[)）]", sentence):
        return True    # a later item of an enumeration ("（3）…") continues a list
    return bool(_opener().match(_ENUMERATOR.sub("", sentence).lstrip("　 ")))


def complete(sentence: str) -> bool:
    """A full sentence: ends with sentence-final punctuation, brackets and quotes balanced,
    does not introduce a list (…：) and does not start inside another sentence."""
    if not _FINAL.search(sentence) or re.search(r"[：:]\s*[。]?$", sentence):
        return False
    if sentence[0] in "，、；：,;:）)”’」』》】" or sentence[0].isdigit() and not _ENUMERATOR.match(sentence):
        return False
    return all(sentence.count(a) == sentence.count(b) for a, b in _PAIRS)


def self_contained(sentence: str) -> bool:
    return complete(sentence) and not dangling(sentence) and not _CROSS_REFERENCE.search(sentence)


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


def _weight(s: Sentence, score: float) -> float:
    """Long sentences are discounted, since a reader skims a summary."""
    return score / (1 + max(0, len(s.text) - 80) / 60) * (1 + 0.3 * math.log1p(len(s.words)) / 3)


def _eligible(s: Sentence) -> bool:
    return 12 <= len(s.text) <= 160 and self_contained(s.text)


def pick(sents: list[Sentence], scores: list[float], k: int, taken: list[Sentence] = ()) -> list[Sentence]:
    """The k best self-contained sentences, at most one per paragraph, skipping
    near-duplicates of ones already taken."""
    chosen = list(taken)
    for i in sorted(range(len(sents)), key=lambda i: (-_weight(sents[i], scores[i]), i)):
        s = sents[i]
        if len(chosen) - len(taken) == k:
            break
        if not _eligible(s) or any(c.block == s.block or _jaccard(s.words, c.words) > 0.5 for c in chosen):
            continue
        chosen.append(s)
    return chosen[len(taken):]


def _leads(doc: Document, section: int, most: int = 180) -> Sentence | None:
    """A section written as run-in leads ("提早布局产业结构调整，积极引导产业转型升级。……"):
    its point is the leads themselves, joined into one statement, when they fit."""
    top = doc.blocks[section].level
    leads, first = [], -1
    for i in range(section + 1, len(doc.blocks)):
        b = doc.blocks[i]
        if isinstance(b, Heading) and b.level <= top:
            break
        if isinstance(b, Paragraph) and b.lead:
            leads.append(_ENUMERATOR.sub("", b.text[:b.lead].strip()).rstrip("。；;"))
            first = i if first < 0 else first
    text = "；".join(leads) + "。"
    if len(leads) < 2 or len(text) > most or not all(self_contained(x + "。") for x in leads):
        return None
    return Sentence(text, first, section, True, frozenset(tokens(text)))


def summarize(doc: Document) -> tuple[list[Sentence], list[tuple[int, Sentence]], list[Sentence]]:
    """(summary sentences, [(section heading index, its most central sentence)], all
    sentences)."""
    sents = sentences(doc)
    scores = textrank(sents)
    k = 3 if len(sents) < 40 else 4 if len(sents) < 120 else 5
    by_section: dict[int, list[int]] = {}
    for i, s in enumerate(sents):
        by_section.setdefault(s.section, []).append(i)
    points, best = [], {}
    for section, idx in by_section.items():
        # a section's point shares words with its heading, which states what it is about
        heading = frozenset(tokens(doc.blocks[section].text)) if section >= 0 else frozenset()
        boost = [1 + 2 * len(sents[i].words & heading) / len(heading) if heading else 1 for i in idx]
        top = pick([sents[i] for i in idx], [scores[i] * b for i, b in zip(idx, boost)], 1)
        if top:
            best[section] = top[0]
            if section >= 0:
                points.append((section, top[0]))
    points = [(section, _leads(doc, section) or point) for section, point in points]
    # One sentence from each of the k sections whose best sentence scores highest (the
    # opening counts as a section), then the rest of the corpus fills up to k.
    order = {id(s): i for i, s in enumerate(sents)}
    ranked = sorted(best.values(), key=lambda s: (-_weight(s, scores[order[id(s)]]), order[id(s)]))
    summary = ranked[:k]
    summary += pick(sents, scores, k - len(summary), summary)
    summary.sort(key=lambda s: order[id(s)])
    return summary, points, sents

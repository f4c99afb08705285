"""Enrich every article of the corpus: anchors, summary, key points, key figures, glossary
marks and counts, tags, and related articles (which need the whole corpus)."""
from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Heading, ListBlock, Paragraph, Table
from .figures import KeyFigure, key_figures
from .glossary import Matcher, Term
from .segment import teach
from .summary import summarize


class Bag(NamedTuple):
    """An article's content words and their counts, for similarity. Compact: as a Counter,
    an article's thousand-odd words took 55 KB of memory, half of a loaded corpus (every
    build loads every cached article)."""
    words: str = ""       # newline-separated, in the order first met
    counts: bytes = b""   # array("I")

    @classmethod
    def of(cls, counter: Counter) -> "Bag":
        return cls("\n".join(counter), array("I", counter.values()).tobytes())

    def items(self):
        return zip(self.words.split("\n"), array("I", self.counts)) if self.words else iter(())


class Mark(NamedTuple):
    """A glossary term's occurrence. A tuple: an article has hundreds, and every build loads
    every cached article's: a named tuple unpickles in about half the time of a dataclass."""
    start: int
    end: int
    zh: str         # the glossary term, by name (cached documents do not carry the glossary)
    link: bool      # the first occurrence on the page links to the glossary entry


@dataclass
class Enriched:
    anchors: dict[int, str] = field(default_factory=dict)        # block index -> anchor id
    summary: list[tuple[str, str]] = field(default_factory=list)  # (sentence, anchor), automatic
    editor_summary: str = ""
    # what the summary a reader sees first is: "editor" (sidecar), "machine" (sidecar, written
    # by `briefing summarize`), "author" (the source's own abstract), "extract" (automatic)
    summary_source: str = "extract"
    key_points: list[tuple[str, str, str]] = field(default_factory=list)  # (section, point, anchor)
    figures: list[KeyFigure] = field(default_factory=list)
    marks: dict[int, list[Mark]] = field(default_factory=dict)   # block index -> marks
    term_counts: Counter = field(default_factory=Counter)        # zh -> occurrences
    first_anchor: dict[str, str] = field(default_factory=dict)   # zh -> anchor of first use
    tags: list[str] = field(default_factory=list)
    related: list[tuple[object, float, list[Term]]] = field(default_factory=list)
    bag: Bag = Bag()                                              # content words, for similarity
    source_key: str = ""    # the content address of source + sidecar + glossary + code


def anchor_for(text: str, taken: set[str], prefix: str = "p-") -> str:
    """A stable anchor from the paragraph's (or heading's) own text: edits elsewhere do not
    move it."""
    base = prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def searchable_texts(doc) -> list[tuple[int, str]]:
    """(block index, text) of everything a reader reads as prose; -1 is the abstract."""
    out = [(-1, doc.abstract)] if doc.abstract else []
    for i, b in enumerate(doc.blocks):
        if isinstance(b, (Paragraph, Heading)):
            out.append((i, b.text))
        elif isinstance(b, ListBlock):
            out += [(i, t) for t in b.items]
        elif isinstance(b, Table):
            out += [(i, c) for row in b.rows for c in row]
    return out


def editor_figures(doc, rows: list[dict]) -> list[KeyFigure]:
    """The sidecar's key figures, each linked to the first paragraph that states its value."""
    out = []
    for r in rows:
        value = str(r["value"])
        block = next((i for i, b in enumerate(doc.blocks) if isinstance(b, Paragraph) and value in b.text), -1)
        out.append(KeyFigure(value, r.get("unit", ""), str(r.get("year", "")), r["what"], "", block,
                             "editor", r.get("qualifier", ""), str(r.get("to", ""))))
    return out


def enrich_article(article, matcher: Matcher) -> Enriched:
    doc, meta = article.doc, article.source.meta
    e = Enriched()
    taken: set[str] = set()
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Paragraph):
            e.anchors[i] = anchor_for(b.text, taken)
    summary, points, sents = summarize(doc)
    bag = Counter()
    for s in sents:
        bag.update(s.words)
    e.bag = Bag.of(bag)
    e.editor_summary = meta.get("summary_zh", "")
    e.summary_source = ("machine" if meta.get("summary_zh_provenance", "").startswith("machine") else "editor") \
        if e.editor_summary else "author" if doc.abstract else "extract"
    e.summary = [(s.text, e.anchors[s.block]) for s in summary]
    if meta.get("key_points_zh"):
        e.key_points = [("", p, "") for p in meta["key_points_zh"]]
    else:
        e.key_points = [(doc.blocks[sec].text, s.text, e.anchors[s.block]) for sec, s in points]
    e.figures = editor_figures(doc, meta["key_figures"]) if meta.get("key_figures") else key_figures(doc)
    # Glossary: count every occurrence in prose; mark them in paragraphs and the abstract,
    # linking the first on the page (as encyclopedias link a term once: a link per section
    # repeated the definition tooltips on long articles' pages dozens of times).
    linked: set[str] = set()
    for i, text in searchable_texts(doc):
        block = doc.blocks[i] if i >= 0 else None
        blocked = {n.offset for n in block.notes} if isinstance(block, Paragraph) else set()
        found = matcher.find(text, blocked)
        for start, end, term in found:
            e.term_counts[term.zh] += 1
            if term.zh not in e.first_anchor and (i == -1 or i in e.anchors):
                e.first_anchor[term.zh] = e.anchors.get(i, "abstract")
        if i == -1 or isinstance(block, Paragraph):
            marks = []
            for start, end, term in found:
                marks.append(Mark(start, end, term.zh, term.zh not in linked))
                linked.add(term.zh)
            e.marks[i] = marks
    tag_votes = Counter()
    by_zh = {t.zh: t for t in matcher.by_form.values()}
    for zh, n in e.term_counts.items():
        if n >= 2:
            for tag in by_zh[zh].tags:
                tag_votes[tag] += n
    tags = list(meta.get("tags", []))
    tags += [t for t, _ in tag_votes.most_common() if t not in tags]
    e.tags = tags[:8]
    return e


COLUMNS = 8192   # vocabulary words of the TF-IDF matrix made dense at a time (relate)
ROWS = 1024      # articles scored at a time (relate)
KEPT_BYTES = 2**30   # the dense TF-IDF blocks are kept when together no larger


def relate(articles, k: int = 3) -> None:
    """Related articles by shared glossary terms (weighted by rarity) and text similarity
    (TF-IDF cosine over jieba tokens); the shared terms are the reason shown. Matrix products
    keep this fast for thousands of articles."""
    import numpy as np
    n = len(articles)
    if n < 2:
        return
    term_ids = {z: i for i, z in enumerate(sorted({z for a in articles for z in a.enriched.term_counts}))}
    # The matrices are filled by index arrays (a Python step per article, not per word).
    rows = [i for i, a in enumerate(articles) for _ in a.enriched.term_counts]
    cols = [term_ids[z] for a in articles for z in a.enriched.term_counts]
    terms = np.zeros((n, max(1, len(term_ids))), dtype=np.float32)
    terms[rows, cols] = 1.0
    uses = np.zeros(terms.shape, dtype=np.int64)    # term occurrences, for the reasons shown
    uses[rows, cols] = [c for a in articles for c in a.enriched.term_counts.values()]
    term_idf = np.log((1 + n) / np.maximum(terms.sum(axis=0), 1.0)) + 0.2
    weighted, terms = terms * term_idf, terms.astype(np.float64)   # the product in float64, as before
    # Every (article, word, count) of the corpus as arrays: one Python step per word to
    # number it, the rest by numpy (a word is in an article's bag once, so its document
    # frequency is how often its number occurs).
    bags = [a.enriched.bag for a in articles]
    numbers: dict[str, int] = {}
    ids = np.fromiter((numbers.setdefault(w, len(numbers)) for b in bags if b.words for w in b.words.split("\n")),
                      dtype=np.intp)
    counts = np.frombuffer(b"".join(b.counts for b in bags if b.words), dtype=np.uint32)
    rows = np.repeat(np.arange(n, dtype=np.intp), [len(b.counts) // 4 if b.words else 0 for b in bags])
    df = np.bincount(ids, minlength=len(numbers))
    kept_words = sorted(w for w, k in numbers.items() if df[k] >= 2 and w)
    column = np.full(len(numbers), -1, dtype=np.intp)   # word number -> its column, or -1
    column[[numbers[w] for w in kept_words]] = np.arange(len(kept_words), dtype=np.intp)
    idf = np.log((1 + n) / (1 + df[[numbers[w] for w in kept_words]].astype(np.float64)))
    vocab = kept_words
    cols = column[ids]
    keep = cols >= 0
    rows, cols = rows[keep], cols[keep]
    weights = counts[keep].astype(np.float64) * idf[cols]
    # The n x V TF-IDF matrix is made dense COLUMNS words at a time: a corpus of real
    # articles has a vocabulary of 10^5 words (at 10,000 articles, 4 GB dense); the cosine
    # is the sum of the blocks' products. Scores are made ROWS articles at a time and each
    # article's best chosen at once, so no n x n matrix is held: at 10,000 articles two of
    # them were 1.2 GB of fresh memory, and on a virtual machine first touching memory
    # costs more than the products (relate 4-14 s, mostly system time). When the dense
    # blocks together are too large to keep, they are made again for each of four row
    # blocks.
    starts = range(0, max(1, len(vocab)), COLUMNS)

    def block(c: int, norms=None):
        lo = starts[c]
        sel = (cols >= lo) & (cols < lo + COLUMNS)
        out = np.zeros((n, max(1, min(COLUMNS, len(vocab) - lo))), dtype=np.float32)
        out[rows[sel], cols[sel] - lo] = weights[sel]
        if norms is not None:
            out /= norms
        return out
    squares = np.zeros(n, dtype=np.float32)
    kept = n * max(1, len(vocab)) * 4 <= KEPT_BYTES
    blocks = []
    for c in range(len(starts)):
        tfidf = block(c)
        squares += np.einsum("ij,ij->i", tfidf, tfidf)
        if kept:
            blocks.append(tfidf)
    del tfidf
    norms = np.maximum(np.sqrt(squares), 1e-9)[:, None]
    for tfidf in blocks:
        tfidf /= norms
    step = ROWS if kept else max(ROWS, -(-n // 4))
    chosen = []
    slugs = [a.source.slug for a in articles]
    # one buffer each, used again for every row block: a fresh array of this size is
    # memory the system maps and zeroes again each time
    scores, similars, ranks = (np.empty((min(step, n), n), dtype=t) for t in (np.float64, np.float32, np.float64))
    for r0 in range(0, n, step):
        r1 = min(n, r0 + step)
        score, similar, rank = scores[:r1 - r0], similars[:r1 - r0], ranks[:r1 - r0]
        np.matmul(weighted[r0:r1], terms.T, out=score)
        for c in range(len(starts)):
            tfidf = blocks[c] if kept else block(c, norms)
            np.matmul(tfidf[r0:r1], tfidf.T, out=similar)
            similar *= 10
            score += similar      # shared terms + 10 x cosine
            del tfidf
        score[np.arange(r1 - r0), np.arange(r0, r1)] = -np.inf
        # the k best by (score, then slug): every article scoring at least the k-th best
        # score is a candidate (ties included), and only those are sorted
        if n > k:
            rank[...] = score
            rank.partition(n - k, axis=1)
            kth = rank[:, n - k]
        else:
            kth = np.full(r1 - r0, -np.inf)
        at, j = np.nonzero(score >= kth[:, None])
        ends = np.searchsorted(at, np.arange(1, r1 - r0 + 1))
        for i, (lo, hi) in enumerate(zip([0, *ends[:-1]], ends), start=r0):
            row = score[i - r0]
            best = sorted(j[lo:hi].tolist(), key=lambda o: (-row[o], slugs[o]))[:k]
            chosen += [(i, o, float(row[o])) for o in best if row[o] > 0]
    del scores, similars, ranks, blocks, terms, weighted
    # Each pair's shared terms, most used by both first (the fewer uses of the two), then by
    # name: a stable sort of the term columns, which are in name order.
    by_zh = {t.zh: t for a in articles for t in a.terms}
    names = sorted(term_ids, key=term_ids.__getitem__)
    pairs = np.array([(i, j) for i, j, _ in chosen], dtype=np.intp).reshape(-1, 2)
    both = np.minimum(uses[pairs[:, 0]], uses[pairs[:, 1]])
    best = np.argsort(-both, axis=1, kind="stable")[:, :6]
    for a in articles:
        a.enriched.related = []
    for (i, j, value), top, common in zip(chosen, best.tolist(), both):
        shown = [by_zh[names[c]] for c in top if common[c] > 0]
        articles[i].enriched.related.append((articles[j], value, shown))


def enrich_corpus(articles, terms: list[Term]) -> None:
    """Per-article enrichment where not already done (load_articles does it, cached and in
    parallel), then what needs the whole corpus: related articles."""
    teach(f for t in terms for f in t.forms)
    matcher = Matcher(terms)
    for a in articles:
        a.terms = terms
        if a.enriched is None:
            a.enriched = enrich_article(a, matcher)
    relate(articles)

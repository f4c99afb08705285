"""The search postings kept between builds: a page changed in place is spliced into its
words' postings, and the index files then written are the ones a full build writes, the
rest left as they are (KEPT) being those the previous build wrote."""
from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from build_tools.enrich.segment import stopwords
from build_tools.render.page_cache import KEPT
from build_tools.search.index import index_files
from build_tools.search.postings import Postings, length_class, splice

STOP = stopwords()
VOCAB = ["产业链", "供应链", "友岸外包", "的", "半导体", "关税", "trade", "chain", "出口管制", "韧性"] + \
        [f"词{i}" for i in range(40)]


def _record(rng: random.Random, n_units: int) -> dict:
    units = [[f"p{u}", " ".join(sorted(set(rng.sample(VOCAB, rng.randint(1, 12)))))] for u in range(n_units)]
    return {"title": f"t{rng.random():.3f}", "tags": [], "units": units}


def _corpus(seed: int, pages: int) -> dict[str, dict]:
    rng = random.Random(seed)
    return {f"articles/a{k:03d}.md": _record(rng, rng.randint(1, 6)) for k in range(pages)}


def _decode(data: bytes) -> list[tuple[int, int]]:
    values, v, shift = [], 0, 0
    for b in data:
        v |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            values.append(v)
            v, shift = 0, 0
    pairs, page, unit = [], -1, 0
    for a, b in zip(values[0::2], values[1::2]):
        page, unit = (page + a, b) if a else (page, unit + b)
        pairs.append((page, unit))
    return pairs


def _encoded(pairs: list[tuple[int, int]]) -> bytes:
    """Postings made page by page, each spliced into the empty postings' end."""
    data = b""
    for d in sorted({d for d, _ in pairs}):
        data = splice(data, d, sorted(c for p, c in pairs if p == d))
    return data


@given(st.lists(st.tuples(st.integers(0, 300), st.integers(0, 2000)), max_size=60, unique=True),
       st.integers(0, 300), st.lists(st.integers(0, 2000), max_size=5, unique=True))
def test_splicing_a_page_gives_the_postings_encoded_anew(pairs, page, codes):
    pairs.sort()
    before = _encoded(pairs)
    assert _decode(before) == pairs
    after = splice(before, page, sorted(codes))
    expected = sorted([p for p in pairs if p[0] != page] + [(page, c) for c in codes])
    assert _decode(after) == expected
    assert after == _encoded(expected)


def test_postings_built_at_once_are_the_spliced_ones():
    corpus = _corpus(3, 40)
    built = Postings.build(corpus, STOP)
    assert all(_decode(data) for w, (count, data) in built.words.items() if w not in STOP)
    word = "产业链"
    pairs = [(d, 4 * u + length_class(len(words.split()))) for d, rel in enumerate(sorted(corpus))
             for u, (_, words) in enumerate(corpus[rel]["units"]) if word in words.split()]
    assert _decode(built.words[word][1]) == pairs
    assert built.words[word][1] == _encoded(pairs)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 70), st.integers(0, 6))
def test_an_updated_index_writes_what_a_full_build_writes(seed, pages, changes):
    old = _corpus(seed, pages)
    rng = random.Random(seed + 1)
    new = dict(old)
    for rel in rng.sample(sorted(old), min(changes, pages)):
        new[rel] = _record(rng, rng.randint(1, 6))
    before = Postings.build(old, STOP)
    old_files = index_files(old, before)
    updated = Postings.build(old, STOP)
    updated.shards = before.shards
    changed = updated.update(new, old, STOP, most=len(new))
    assert changed is not None
    full = Postings.build(new, STOP)
    assert (updated.words, updated.units, updated.rels) == (full.words, full.units, full.rels)
    files = index_files(new, updated, changed)
    expected = index_files(new, Postings.build(new, STOP))
    assert files.keys() == expected.keys()
    for path, text in files.items():
        assert (old_files[path] if text is KEPT else text) == expected[path], path
    if changes == 0:
        assert all(text is KEPT for path, text in files.items() if path != "search/meta.js")


def test_a_page_added_or_many_changed_is_not_spliced():
    old = _corpus(1, 30)
    postings = Postings.build(old, STOP)
    added = dict(old, **{"articles/zzz.md": _record(random.Random(2), 3)})
    assert postings.update(added, old, STOP, most=30) is None
    many = {rel: _record(random.Random(k), 2) for k, rel in enumerate(old)}
    assert postings.update(many, old, STOP, most=3) is None
    assert postings.words == Postings.build(old, STOP).words   # left as it was


def test_a_term_page_ranks_as_a_title_only_by_its_names():
    """The browser adds a title's weight to unit 0 (briefing-search.js): a term page's unit
    0 holds the term's names; its definition is a unit like any paragraph, so a phrase whose
    words a definition holds apart does not rank it above an article's paragraph."""
    from pathlib import Path

    from build_tools.enrich.glossary import Term
    from build_tools.render.view import View
    from build_tools.search.records import term_record
    term = Term(zh="产业集群", en="industrial cluster", kind="concept", def_zh="研究技术和资金集中的地区", def_en="d")
    units = term_record(term, View("zh-Hans", Path(".")), lambda t: t.split())["units"]
    assert units[0] == ["", "cluster industrial 产业集群"]   # distinct words, sorted
    assert "研究技术和资金集中的地区" in units[1][1].split()

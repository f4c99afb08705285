"""The build: sources -> documents -> Markdown pages in docs/.

All pages are computed in memory first; only if every source reads and cleans does anything
get written, and then only files whose content changed (so `mkdocs serve` does not churn and
a failed build leaves the previous pages intact). Generated files live in their own places
in docs/ (see Settings.generated) and are not in git."""
from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from pathlib import Path

from .config import Settings
from .model import Article
from .page_writer import BuildResult, PageWriter
from .reading import SourceError
from .enrich.corpus import enrich_corpus
from .enrich.glossary import GlossaryError, Term, load_glossary
from .editions import EDITIONS, KeptConversions, converter_id, handwritten, tag_names
from .render.cite import citation
from .render.article_page import article_page
from .render.edition_view import hant_corpus
from .render.page_cache import KEPT, PageCache, page_key
from .enrich.segment import stopwords
from .search.index import index_files
from .search.postings import Postings
from .search.record_store import Records
from .search.records import (VERSION as SEARCH_VERSION, article_units, markdown_record, term_record, unit_texts,
                             with_words)
from .search.tokens import Words, converted_record, converted_words
from .render.glossary_pages import glossary_index, term_key, term_page, term_uses
from .render.print_doc import print_documents
from .render.pdf import render_pdfs
from .render.site_pages import article_index, definitions_script, description_of, home_page, tag_pages, title_of
from .render.feed import FILE as FEED_FILE, atom_feed, newest
from .render.names import authors_of
from .render.redirects import load_redirects, redirect_pages
from .render.view import View
from .translations import LiveUnits
from .sources import discover


class BuildError(Exception):
    """One or more inputs are bad; str() lists each as 'file:line: message'."""

    def __init__(self, errors: list[SourceError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def load_terms(settings: Settings) -> list[Term]:
    try:
        return load_glossary(settings.glossary)
    except GlossaryError as e:
        raise BuildError(e.errors) from None
    except SourceError as e:
        raise BuildError([e]) from None


def load_articles(settings: Settings, progress=None, terms: list[Term] | None = None,
                  cleaned: set | None = None) -> list[Article]:
    """Every source read, cleaned and enriched per article (cached, in parallel); raises
    BuildError listing every bad input. `cleaned`: receives the paths of those not cached."""
    from .pipeline_cache import process_sources
    from .memo import PersistentMemo
    parsed = PersistentMemo(settings.cache / "sidecars.pickle")
    sources, errors = discover(settings.seeds, parsed)
    parsed.save()
    if not sources and not errors:
        raise BuildError([SourceError(settings.seeds, "no sources (*.txt) found")])
    if terms is None:
        terms = load_terms(settings)
    results, more = process_sources(settings, sources, terms, progress, cleaned)
    errors += more
    if errors:
        raise BuildError(errors)
    return [Article(src, doc, terms, enriched) for src, (doc, enriched) in zip(sources, results)]


def edition_pages(settings: Settings, articles: list[Article], terms: list[Term], view: View,
                  words: Words, cache: PageCache, shared: dict[str, bytes],
                  records_of=None) -> tuple[dict[str, str], dict]:
    """One edition's pages below its docs folder, from its view of the articles; an article
    whose page in docs/ carries the same key is kept (KEPT), not rendered again.
    `records_of(article)`: the article's search record, when the edition's words are not cut
    from its own text (zh-Hant: the Simplified cuts, converted); `shared`: the hand-written
    files (editions.handwritten)."""
    site_name = view.site_name
    pages = {"index.md": home_page(articles, terms, site_name, view),
             "glossary/index.md": glossary_index(terms, view),
             "glossary/definitions.js": definitions_script(terms)}
    fixed = f"{SEARCH_VERSION}\0{converter_id(settings)}\0{view.base_url}\0{view.directory_urls}\0{view.pdf}"
    pages.update(article_index(articles, view, cache.has_page))
    pages.update(tag_pages(articles, view, cache.has_page))
    search, raw = Records(cache.records), {}
    for a in articles:
        rel = f"articles/{a.source.slug}.md"
        key = page_key(a, view, [title_of(o, view) for o, _, _ in a.enriched.related], fixed)
        if cache.has(rel, key):
            pages[rel], search[rel] = KEPT, KEPT
        else:
            pages[rel] = article_page(a, view, key)
            if records_of:
                search[rel] = dict(records_of(a), key=key)
            else:
                raw[rel] = dict(article_units(a, view), key=key)
        bib, ris = f"articles/{a.source.slug}.bib", f"articles/{a.source.slug}.ris"
        if pages[rel] is KEPT and cache.exists(bib) and cache.exists(ris):   # made with the page
            pages[bib] = pages[ris] = KEPT
        else:
            _, pages[bib], pages[ris] = citation(a, view)
    if raw:
        words.prefetch(t for r in raw.values() for t in unit_texts(r))
    for rel, r in raw.items():
        search[rel] = with_words(r, words)
    by_zh = {t.zh: t for t in terms}
    users: dict[str, list[tuple[Article, int]]] = {}   # term -> (article, its uses), in corpus order
    for a in articles:
        for zh, n in a.enriched.term_counts.items():
            if n:
                users.setdefault(zh, []).append((a, n))
    for t in terms:
        rel = f"glossary/{t.slug}.md"
        uses = term_uses(t, users.get(t.zh, []), settings.term_page_articles)
        key = term_key(t, uses, by_zh, view, fixed)
        pages[rel] = KEPT if cache.has_page(rel, key) else term_page(t, uses, by_zh, view, key)
        search[rel] = term_record(t, view, words)
    for rel, data in shared.items():   # the guide: Chinese in every edition
        if rel.endswith(".md") and rel not in pages:
            search[rel] = markdown_record(data.decode("utf-8"), words, view)
    pages.update(search.files())
    return pages, search


def edition_views(settings: Settings, articles: list[Article], pdf: bool = False) -> dict[str, tuple[View, list]]:
    """Each edition's view and its articles as that edition shows them (render/view.py,
    render/edition_view.py)."""
    base = settings.site_url.rstrip("/") + "/" if settings.site_url else ""
    where = dict(root=settings.root, tag_names=tag_names(settings), directory_urls=settings.directory_urls, pdf=pdf)
    to_hant = KeptConversions(settings)
    return {
        "zh-Hans": (View("zh-Hans", base_url=base, site_name=settings.site_name, **where), articles),
        "zh-Hant": (View("zh-Hant", base_url=base and base + "zh-Hant/", site_name=to_hant(settings.site_name),
                         convert=to_hant, **where), hant_corpus(articles, to_hant)),
        "en": (View("en", base_url=base and base + "en/", site_name=settings.site_name_en,
                    units=LiveUnits(articles), **where), articles),
    }


def render_pages(settings: Settings, articles: list[Article], terms: list[Term], emit,
                 pdf: bool = False, clock=lambda stage: None, reuse: bool = True, untrusted=frozenset()) -> None:
    """Every edition's pages (and PDFs, if asked), each edition's handed to `emit` ({path
    below docs/: text, bytes or KEPT}: PageWriter.add) as soon as it is made, so that one
    edition's pages and search records are in memory at a time (zh-Hant's records are the
    zh-Hans ones converted: those are kept until then); `reuse`: keep the article pages in
    docs/ whose inputs did not change; `untrusted`: PageWriter.untrusted."""
    views = edition_views(settings, articles, pdf)
    words = Words(settings.cache / "search-words.pickle", [f for t in terms for f in t.forms])
    hant = views["zh-Hant"][0]
    hant_words = converted_words(words, hant.convert)
    records: dict[str, dict] = {}

    def hant_record(a):
        record = converted_record(records["zh-Hans"][f"articles/{a.source.slug}.md"], hant.convert)
        return record | {"title": title_of(a, hant), "tags": [hant.tag(t) for t in a.enriched.tags]}
    shared = handwritten(settings)
    for ed in EDITIONS:
        view, shown = views[ed.code]
        cache = PageCache(settings.docs / ed.prefix, reuse, untrusted if untrusted is None else
                          {rel[len(ed.prefix):] for rel in untrusted if rel.startswith(ed.prefix)})
        ed_words = hant_words if ed.code == "zh-Hant" else words
        records_of = hant_record if ed.code == "zh-Hant" else None
        made, records[ed.code] = edition_pages(settings, shown, terms, view, ed_words, cache, shared, records_of)
        pages = {ed.prefix + rel: text for rel, text in made.items()}
        del made
        if ed.prefix:
            for rel, data in shared.items():
                pages[ed.prefix + rel] = view.han(data.decode("utf-8")) if rel.endswith(".md") else data
        clock("render 3 editions (pages, search records)")
        pages.update((ed.prefix + path, text) for path, text in _index(settings, ed, records[ed.code], cache).items())
        del cache
        if ed.code != "zh-Hans":
            records.clear()   # zh-Hant was the last to need the zh-Hans records
        clock("search index, 3 editions")
        emit(pages)
        del pages
        clock("write changed pages")
    words.save()
    hant.convert.save()
    emit(_redirects(settings, articles, views))
    emit(_feeds(settings, views))
    clock("render 3 editions (pages, search records)")
    if pdf:
        emit(render_pdfs(settings, print_documents(settings, views)))
        clock("PDF")


def _index(settings: Settings, ed, records: Records, cache: PageCache) -> dict:
    """An edition's search index files: its postings brought up to date from the previous
    build's (search/postings.py) when they are of the records in docs/ and few pages
    changed, else made anew; files holding no changed word or page are KEPT."""
    stop = stopwords()
    state = settings.cache / f"search-postings-{ed.code}.pickle"
    before = cache.records
    postings = Postings.load(state, before.digest) if before.digest else None
    changed = postings and postings.update(records, before, stop, most=max(8, len(records) // 20),
                                           maybe=records.made_anew())
    if changed is None:
        postings = Postings.build(records, stop)
    files = index_files(records, postings, changed)
    folder = settings.docs / ed.prefix
    if changed and any(f is KEPT and not (folder / path).is_file() for path, f in files.items()):
        files = index_files(records, postings)   # docs/ lost some of them: all written
    postings.of = records.digest
    postings.save(state)
    return files


def _feeds(settings: Settings, views: dict) -> dict[str, str]:
    """Each edition's Atom feed of its newest articles (render/feed.py)."""
    pages = {}
    limit = settings.feed_entries
    for ed in EDITIONS:
        view, articles = views[ed.code]
        entries = [{"slug": a.source.slug, "title": title_of(a, view), "summary": description_of(a, view),
                    "date": a.source.meta.get("date"), "authors": [x.shown for x in authors_of(a, view)]}
                   for a in newest(articles)[:limit]]
        base = settings.site_url.rstrip("/") + "/" + ed.prefix if settings.site_url else ""
        pages[ed.prefix + FEED_FILE] = atom_feed(entries, view.site_name, ed.code, base,
                                                 settings.directory_urls, limit)
    return pages


def _redirects(settings: Settings, articles: list[Article], views: dict) -> dict[str, str]:
    """Every edition's redirect pages from old article addresses (render/redirects.py)."""
    found, errors = load_redirects(settings.seeds, [a.source for a in articles])
    if errors:
        raise BuildError(errors)
    pages = {}
    for ed in EDITIONS:
        base = settings.site_url.rstrip("/") + "/" + ed.prefix if settings.site_url else ""
        text = views[ed.code][0].ui["moved"]
        for rel, page in redirect_pages(found, ed.code, text, base, settings.directory_urls).items():
            pages[ed.prefix + rel] = page
    return pages


class Stopwatch:
    """Wall and CPU time per stage (CPU of this process and of its finished children, such
    as the process pool) and the peak memory of one process so far, for `briefing site
    --timings` and the benchmarks."""

    def __init__(self):
        self.stages: dict[str, dict[str, float]] = {}
        self._last = self._now()

    @staticmethod
    def _now() -> tuple[float, float, float]:
        import resource
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return (time.perf_counter(), me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                max(me.ru_maxrss, kids.ru_maxrss) / 1024)

    def __call__(self, stage: str) -> None:
        """The time since the last call, added to the stage's (a stage may come back: each
        edition is rendered, indexed and written in turn)."""
        now = self._now()
        was = self.stages.get(stage, {"wall": 0.0, "cpu": 0.0})
        self.stages[stage] = {"wall": was["wall"] + now[0] - self._last[0], "cpu": was["cpu"] + now[1] - self._last[1],
                              "peak_mb": now[2]}
        self._last = now

    def add(self, stage: str, wall: float, cpu: float, peak_mb: float) -> None:
        """A stage measured elsewhere (an edition's MkDocs process)."""
        self.stages[stage] = {"wall": wall, "cpu": cpu, "peak_mb": peak_mb}


def build(settings: Settings, pdf: bool = False, progress=None, clock: Stopwatch | None = None,
          reuse: bool = True) -> BuildResult:
    from .lock import project_lock
    try:
        with project_lock(settings.cache):
            return _build(settings, pdf, progress, clock or Stopwatch(), reuse)
    except SourceError as e:   # met while rendering: tags.yml, a PO file
        raise BuildError([e]) from None


@contextmanager
def _long_lived():
    """`keep()` moves what exists so far (the corpus, then its related lists: millions of
    objects, all alive until the build ends) out of the cyclic collector's generations;
    otherwise each full collection walks them again: a third of a one-changed build at
    10,000 sources (57.6 -> 34.8-36.8 s). The collector also runs less often while the build
    runs (a young generation of 100,000 objects, not 700): a build makes millions of objects
    that live until its pages are written (pages, records, lists), and each collection
    walked those made so far again (render 11.7 -> 7.5 s, loading 7.7 -> 6.5 s at 10,000
    sources, peak memory the same). Both are put back at the end, so that the next build in
    the same process (`mkdocs serve`) can collect this one's cycles (related lists point
    both ways)."""
    was = gc.get_threshold()
    gc.set_threshold(100_000, 50, 50)
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()
        gc.set_threshold(*was)


def _build(settings: Settings, pdf: bool, progress, clock: Stopwatch, reuse: bool) -> BuildResult:
    with _long_lived() as keep:
        return _build_stages(settings, pdf, progress, clock, reuse, keep)


def _build_stages(settings: Settings, pdf: bool, progress, clock: Stopwatch, reuse: bool, keep) -> BuildResult:
    terms = load_terms(settings)
    clock("read glossary")
    cleaned: set = set()
    articles = load_articles(settings, progress, terms, cleaned)
    keep()
    clock("read + clean + enrich per source")
    enrich_corpus(articles, terms)
    keep()
    clock("enrich corpus (related articles)")
    writer = PageWriter(settings.docs, settings.generated, settings.cache / "staging")
    try:
        render_pages(settings, articles, terms, writer.add, pdf, clock, reuse, writer.untrusted)
        result = writer.commit()
    finally:
        writer.discard()
    result.kept_articles = sum(f"{ed.prefix}articles/{a.source.slug}.md" in writer.kept
                               for a in articles for ed in EDITIONS)
    clock("write changed pages")
    result.articles, result.cleaned = articles, cleaned
    return result

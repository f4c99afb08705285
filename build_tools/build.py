"""The build: sources -> documents -> Markdown pages in docs/.

All pages are computed in memory first; only if every source reads and cleans does anything
get written, and then only files whose content changed (so `mkdocs serve` does not churn and
a failed build leaves the previous pages intact). Generated files live in their own places
in docs/ (see Settings.generated) and are not in git."""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .model import Article
from .reading import SourceError
from .enrich.corpus import enrich_corpus
from .enrich.glossary import GlossaryError, Term, load_glossary
from .editions import EDITIONS, converter, converter_id, handwritten, tag_names
from .render.cite import citation
from .render.article_page import article_page, heading_ids
from .render.page_cache import KEPT, Kept, PageCache, page_key
from .search.index import index_files
from .search.records import INDEX_FILE as SEARCH_FILE, VERSION as SEARCH_VERSION, article_record, markdown_record, term_record
from .search.tokens import Words
from .render.glossary_pages import glossary_index, term_page
from .render.pdf import print_documents, render_pdfs
from .render.site_pages import article_index, description_of, home_page, tag_pages, title_of
from .render.feed import FILE as FEED_FILE, atom_feed, newest
from .render.names import authors_of
from .render.redirects import load_redirects, redirect_pages
from .render.view import View, ui_strings
from .translations import units
from .sources import discover


class BuildError(Exception):
    """One or more inputs are bad; str() lists each as 'file:line: message'."""

    def __init__(self, errors: list[SourceError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass
class BuildResult:
    articles: list[Article]
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept: int = 0           # not rendered again: what they are made from did not change
    deleted: list[str] = field(default_factory=list)


def load_terms(settings: Settings) -> list[Term]:
    try:
        return load_glossary(settings.glossary)
    except GlossaryError as e:
        raise BuildError(e.errors) from None
    except SourceError as e:
        raise BuildError([e]) from None


def load_articles(settings: Settings, progress=None, terms: list[Term] | None = None) -> list[Article]:
    """Every source read, cleaned and enriched per article (cached, in parallel); raises
    BuildError listing every bad input."""
    from .pipeline_cache import process_sources
    sources, errors = discover(settings.seeds)
    if not sources and not errors:
        raise BuildError([SourceError(settings.seeds, "no sources (*.txt) found")])
    if terms is None:
        terms = load_terms(settings)
    results, more = process_sources(settings, sources, terms, progress)
    errors += more
    if errors:
        raise BuildError(errors)
    return [Article(src, doc, terms, enriched) for src, (doc, enriched) in zip(sources, results)]


def edition_pages(settings: Settings, articles: list[Article], terms: list[Term], view: View,
                  words: Words, cache: PageCache, keys: dict[str, str]) -> dict[str, str]:
    """One edition's pages below its docs folder; an article whose page in docs/ carries
    the same key is kept (KEPT), not rendered again. `keys` receives each article page's key."""
    site_name = settings.site_name_en if view.english else settings.site_name
    pages = {"index.md": home_page(articles, terms, site_name, view),
             "glossary/index.md": glossary_index(terms, view)}
    pages.update(article_index(articles, view))
    pages.update(tag_pages(articles, view))
    fixed = f"{SEARCH_VERSION}\0{converter_id(settings)}\0{view.base_url}\0{view.directory_urls}"
    search = {}
    for a in articles:
        rel = f"articles/{a.source.slug}.md"
        keys[rel] = page_key(a, view, [title_of(o, view) for o, _, _ in a.enriched.related], fixed)
        if cache.has(rel, keys[rel]):
            pages[rel], search[rel] = KEPT, cache.search[rel]
        else:
            pages[rel] = article_page(a, view, keys[rel])
            search[rel] = dict(article_record(a, view, words, heading_ids(a.doc)), key=keys[rel])
        _, bib, ris = citation(a, view)
        pages[f"articles/{a.source.slug}.bib"], pages[f"articles/{a.source.slug}.ris"] = bib, ris
    by_zh = {t.zh: t for t in terms}
    users: dict[str, list[Article]] = {}
    for a in articles:
        for zh in a.enriched.term_counts:
            users.setdefault(zh, []).append(a)
    for t in terms:
        rel = f"glossary/{t.slug}.md"
        pages[rel] = term_page(t, users.get(t.zh, []), by_zh, view)
        search[rel] = term_record(t, view, words)
    for rel, data in handwritten(settings).items():   # the guide: Chinese in every edition
        if rel.endswith(".md") and rel not in pages:
            search[rel] = markdown_record(data.decode("utf-8"), words)
    pages[SEARCH_FILE] = json.dumps(search, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return pages


def render_pages(settings: Settings, articles: list[Article], terms: list[Term],
                 pdf: bool = False, clock=lambda stage: None, reuse: bool = True) -> dict[str, str | bytes | Kept]:
    """Every edition's pages (and PDFs, if asked), keyed by path below docs/; `reuse`: keep
    the article pages in docs/ whose inputs did not change."""
    base = settings.site_url.rstrip("/") + "/" if settings.site_url else ""
    where = dict(directory_urls=settings.directory_urls, pdf=pdf)
    zh_view = View("zh-Hans", settings.root, tag_names(settings), base_url=base, site_name=settings.site_name, **where)
    english = View("en", settings.root, tag_names(settings), base_url=base and base + "en/",
                   site_name=settings.site_name_en,
                   units={a.source.stem: {u.text for u in units(a.doc)} for a in articles}, **where)
    words = Words(settings.cache / "search-words.pickle", [f for t in terms for f in t.forms])
    zh_cache, keys = PageCache(settings.docs, reuse), {}
    zh = edition_pages(settings, articles, terms, zh_view, words, zh_cache, keys)
    en = edition_pages(settings, articles, terms, english, words, PageCache(settings.docs / "en", reuse), {})
    words.save()
    to_hant, hant = converter(settings), PageCache(settings.docs / "zh-Hant", reuse)
    pages: dict[str, str | bytes | Kept] = dict(zh)
    shared = handwritten(settings)
    # An article's own absolute address (in its citation) is the only one a page holds.
    own = (base + "articles/", base + "zh-Hant/articles/") if base else None
    for rel, text in zh.items():
        if text is KEPT:   # the Simplified page is current: its conversion may be too
            text = KEPT if hant.has(rel, keys[rel]) else zh_cache.read(rel)
        if text is not KEPT:
            text = to_hant(text)
            if own and rel.startswith("articles/"):
                text = text.replace(*own)
        pages["zh-Hant/" + rel] = text
    for rel, text in en.items():
        pages["en/" + rel] = text
    pages.update(_redirects(settings, articles))
    pages.update(_feeds(settings, articles, {"zh-Hans": zh_view, "en": english}, to_hant))
    for rel, data in shared.items():
        pages["zh-Hant/" + rel] = to_hant(data.decode("utf-8")) if rel.endswith(".md") else data
        pages["en/" + rel] = data
    clock("render 3 editions (pages, search records)")
    for prefix in ("", "zh-Hant/", "en/"):
        records = json.loads(pages[prefix + SEARCH_FILE])
        pages.update((prefix + path, text) for path, text in index_files(records).items())
    clock("search index, 3 editions")
    if pdf:
        pages.update(render_pdfs(settings, print_documents(settings, articles, {"zh-Hans": zh_view, "en": english})))
        clock("PDF")
    return pages


def _feeds(settings: Settings, articles: list[Article], views: dict[str, View], to_hant) -> dict[str, str]:
    """Each edition's Atom feed of its newest articles (render/feed.py)."""
    pages = {}
    limit = settings.feed_entries
    for ed in EDITIONS:
        view = views["en" if ed.code == "en" else "zh-Hans"]
        conv = to_hant if ed.code == "zh-Hant" else (lambda t: t)
        entries = [{"slug": a.source.slug, "title": conv(title_of(a, view)), "summary": conv(description_of(a, view)),
                    "date": a.source.meta.get("date"), "authors": [conv(x.shown) for x in authors_of(a, view)]}
                   for a in newest(articles)[:limit]]
        base = settings.site_url.rstrip("/") + "/" + ed.prefix if settings.site_url else ""
        pages[ed.prefix + FEED_FILE] = atom_feed(entries, conv(view.site_name), ed.code, base,
                                                 settings.directory_urls, limit)
    return pages


def _redirects(settings: Settings, articles: list[Article]) -> dict[str, str]:
    """Every edition's redirect pages from old article addresses (render/redirects.py)."""
    found, errors = load_redirects(settings.seeds, [a.source for a in articles])
    if errors:
        raise BuildError(errors)
    pages, ui = {}, ui_strings()
    for ed in EDITIONS:
        base = settings.site_url.rstrip("/") + "/" + ed.prefix if settings.site_url else ""
        text = ui["zh-Hans" if ed.code == "zh-Hant" else ed.code]["moved"]
        for rel, page in redirect_pages(found, ed.code, text, base, settings.directory_urls).items():
            pages[ed.prefix + rel] = converter(settings)(page) if ed.code == "zh-Hant" else page
    return pages


def write_pages(docs: Path, generated: tuple[str, ...], pages: dict[str, str | bytes | Kept]) -> BuildResult:
    """Write the pages whose bytes differ from the file's (each replaced whole: written
    under a temporary name, then renamed), remove generated files no page is left for.
    Tens of thousands of files: plain os calls, a file read only when its size matches."""
    result = BuildResult([])
    made: set[str] = set()
    for rel, content in sorted(pages.items()):
        if content is KEPT:
            result.kept += 1
            continue
        path = os.path.join(docs, rel)
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            if os.stat(path).st_size == len(data):
                with open(path, "rb") as fh:
                    if fh.read() == data:
                        result.unchanged += 1
                        continue
        except FileNotFoundError:
            pass
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        tmp = os.path.join(folder, f".tmp-{os.getpid()}-{os.path.basename(path)}")
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        result.written.append(rel)
    for root in generated:
        base = os.path.join(docs, root)
        gone = []
        for folder, _, names in os.walk(base, topdown=False):   # nothing when not a folder
            prefix = os.path.relpath(folder, docs).replace(os.sep, "/") + "/"
            for name in names:
                if prefix + name not in pages:
                    os.unlink(os.path.join(folder, name))
                    gone.append(prefix + name)
            if folder != base and not os.listdir(folder):   # left empty
                os.rmdir(folder)
        result.deleted += sorted(gone)
    return result


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
        now = self._now()
        self.stages[stage] = {"wall": now[0] - self._last[0], "cpu": now[1] - self._last[1], "peak_mb": now[2]}
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


def _build(settings: Settings, pdf: bool, progress, clock: Stopwatch, reuse: bool) -> BuildResult:
    terms = load_terms(settings)
    clock("read glossary")
    articles = load_articles(settings, progress, terms)
    clock("read + clean + enrich per source")
    enrich_corpus(articles, terms)
    clock("enrich corpus (related articles)")
    pages = render_pages(settings, articles, terms, pdf, clock, reuse)
    result = write_pages(settings.docs, settings.generated, pages)
    clock("write changed pages")
    result.articles = articles
    return result

"""The build: sources -> documents -> Markdown pages in docs/.

All pages are computed in memory first; only if every source reads and cleans does anything
get written, and then only files whose content changed (so `mkdocs serve` does not churn and
a failed build leaves the previous pages intact). Generated files live in their own places
in docs/ (see Settings.generated) and are not in git."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .model import Document, Heading, Paragraph
from .reading import SourceError
from .enrich.corpus import enrich_corpus
from .enrich.glossary import GlossaryError, Term, load_glossary
from .editions import converter, handwritten, tag_names
from .render.article_page import article_page
from .render.glossary_pages import glossary_index, term_page
from .render.pdf import print_documents, render_pdfs
from .render.site_pages import article_index, home_page, tags_page
from .render.view import View
from .translations import units
from .sources import Source, discover


class BuildError(Exception):
    """One or more inputs are bad; str() lists each as 'file:line: message'."""

    def __init__(self, errors: list[SourceError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass
class Article:
    source: Source
    doc: Document
    terms: list = field(default_factory=list)
    enriched: object = None

    @property
    def title(self) -> str:
        meta = self.source.meta
        if self.doc.title:
            return self.doc.title
        if meta.get("title_zh"):
            return meta["title_zh"]
        return next((b.text for b in self.doc.blocks if isinstance(b, Heading)), self.source.stem)

    @property
    def description(self) -> str:
        meta = self.source.meta
        if meta.get("summary_zh"):
            return meta["summary_zh"]
        if self.enriched and self.enriched.summary:
            return "".join(s for s, _ in self.enriched.summary[:2])
        if self.doc.abstract:
            text = self.doc.abstract
        else:
            text = next((b.text for b in self.doc.blocks if isinstance(b, Paragraph)), "")
        return text if len(text) <= 120 else text[:118] + "……"


@dataclass
class BuildResult:
    articles: list[Article]
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
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


def edition_pages(settings: Settings, articles: list[Article], terms: list[Term], view: View) -> dict[str, str]:
    site_name = settings.extra.get("site_name_en", "Briefing") if view.english else settings.site_name
    pages = {"index.md": home_page(articles, terms, site_name, view),
             "tags.md": tags_page(view),
             "glossary/index.md": glossary_index(terms, view)}
    pages.update(article_index(articles, view))
    # Past a corpus size, each article's search entry keeps its apparatus and first part of
    # the body only, so the index stays small enough to load on a phone.
    limit = int(settings.extra.get("search_full_text_articles", 300))
    view.search_body_chars = 2000 if len(articles) > limit else None
    for a in articles:
        pages[f"articles/{a.source.slug}.md"] = article_page(a, view)
    by_zh = {t.zh: t for t in terms}
    for t in terms:
        pages[f"glossary/{t.slug}.md"] = term_page(t, articles, by_zh, view)
    return pages


def render_pages(settings: Settings, articles: list[Article], terms: list[Term],
                 pdf: bool = False) -> dict[str, str | bytes]:
    """Every edition's pages (and PDFs, if asked), keyed by path below docs/."""
    zh_view = View("zh-Hans", settings.root, pdf=pdf)
    english = View("en", settings.root, tag_names(settings), pdf=pdf,
                   units={a.source.stem: {u.text for u in units(a.doc)} for a in articles})
    zh = edition_pages(settings, articles, terms, zh_view)
    en = edition_pages(settings, articles, terms, english)
    to_hant = converter(settings)
    pages: dict[str, str | bytes] = dict(zh)
    shared = handwritten(settings)
    for rel, text in zh.items():
        pages["zh-Hant/" + rel] = to_hant(text)
    for rel, text in en.items():
        pages["en/" + rel] = text
    for rel, data in shared.items():
        pages["zh-Hant/" + rel] = to_hant(data.decode("utf-8")) if rel.endswith(".md") else data
        pages["en/" + rel] = data
    if pdf:
        pages.update(render_pdfs(settings, print_documents(settings, articles, {"zh-Hans": zh_view, "en": english})))
    return pages


def write_pages(docs: Path, generated: tuple[str, ...], pages: dict[str, str | bytes]) -> BuildResult:
    result = BuildResult([])
    for rel, content in sorted(pages.items()):
        path = docs / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        if path.exists() and path.read_bytes() == data:
            result.unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        result.written.append(rel)
    for root in generated:
        base = docs / root
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                rel = path.relative_to(docs).as_posix()
                if path.is_file() and rel not in pages:
                    path.unlink()
                    result.deleted.append(rel)
            for path in sorted(base.rglob("*"), reverse=True):   # folders left empty
                if path.is_dir() and not any(path.iterdir()):
                    path.rmdir()
    return result


def build(settings: Settings, pdf: bool = False, progress=None) -> BuildResult:
    terms = load_terms(settings)
    articles = load_articles(settings, progress, terms)
    enrich_corpus(articles, terms)
    pages = render_pages(settings, articles, terms, pdf)
    result = write_pages(settings.docs, settings.generated, pages)
    result.articles = articles
    return result

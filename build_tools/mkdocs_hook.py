"""MkDocs hook: `mkdocs build` and `mkdocs serve` regenerate the pages of every edition from
seeds/ first (unless BRIEFING_PREBUILT=1, as `make site` sets after one `briefing build`),
serving watches seeds/, and each edition gets its search dictionary and index, its
converted names, per-page language links and tag chips. Article and glossary pages are
HTML in Markdown files (render/html_doc.py): the hook hands them to MkDocs as they are."""
from __future__ import annotations

import hashlib
import html
import logging
import os
import posixpath
import re
from pathlib import Path

import jieba
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

from build_tools.build import BuildError, build, load_terms
from build_tools.config import load_settings
from build_tools.editions import EDITIONS, converter
from build_tools.render.html_doc import PAGE_FORMAT_KEY
from build_tools.render.pdf import pdf_status
from build_tools.enrich.segment import user_dictionary
from build_tools.memo import PersistentMemo
from build_tools.search_index import SearchIndex

log = logging.getLogger("mkdocs.hooks.briefing")


def _write_if_changed(path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return str(path)


class _CachedJieba:
    """Stands in for jieba inside Material's search plugin: the same segmentation, but each
    text is segmented once and the result kept across builds (.cache/briefing)."""

    def __init__(self, real, path: Path):
        self.real, self.memo = real, PersistentMemo(path)
        self.user_dicts: list = []   # loaded on the first text not in the cache: loading takes a second

    def cut(self, text, *args, **kwargs):
        key = text if isinstance(text, str) else text.decode("utf-8")
        words = self.memo.get(key)
        if words is None:
            while self.user_dicts:
                self.real.load_userdict(self.user_dicts.pop(0))
            words = list(self.real.cut(text, *args, **kwargs))
            self.memo.put(key, words)
        return iter(words)

    def load_userdict(self, path) -> None:
        self.user_dicts.append(path)

    def __getattr__(self, name):
        return getattr(self.real, name)

    def save(self) -> None:
        self.memo.save()


_segmenter: _CachedJieba | None = None


def _save_segmentation_cache() -> None:
    if _segmenter is not None:
        _segmenter.save()


@event_priority(100)
def on_config(config, **kwargs):
    """Runs before the search plugin reads its settings."""
    global _segmenter
    settings = load_settings(config.config_file_path)
    try:
        terms = load_terms(settings)
    except BuildError as e:
        raise PluginError(f"briefing: bad glossary:\n{e}") from None
    forms = user_dictionary(f for t in terms for f in t.forms)
    here = next(e for e in EDITIONS if e.code == settings.edition)
    if config.site_url and here.prefix and not config.site_url.endswith(here.prefix):
        config.site_url = config.site_url.rstrip("/") + "/" + here.prefix   # each edition below the root
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if settings.edition == "zh-Hant":
        to_hant = converter(settings)
        config.site_name = to_hant(config.site_name)
        if config.site_description:
            config.site_description = to_hant(config.site_description)
        config.nav = [{to_hant(k): v for k, v in item.items()} if isinstance(item, dict) else item
                      for item in (config.nav or [])]
        # jieba's dictionary is Simplified and splits Traditional text badly (製造業 ->
        # 製/造/業): give this edition's index the dictionary converted with the same profile.
        source = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
        name = f"jieba-dict.{settings.opencc_profile}.txt"
        target = settings.cache / name
        if not target.exists():
            with open(source, encoding="utf-8") as fh:
                _write_if_changed(target, to_hant(fh.read()))
        if search is not None:
            search.config.jieba_dict = str(target)
        forms = to_hant(forms)
    if search is not None:
        search.config.jieba_dict_user = _write_if_changed(
            settings.cache / f"jieba-user.{settings.edition}.txt", forms)
        # Segmentation results are cached across builds, per dictionary.
        import material.plugins.search.plugin as search_module
        if getattr(search_module, "jieba", None) is not None:
            real = getattr(search_module.jieba, "real", search_module.jieba)
            stamp = hashlib.sha256((forms + str(search.config.jieba_dict)).encode()).hexdigest()[:12]
            _segmenter = _CachedJieba(real, settings.cache / f"segmentation.{settings.edition}.{stamp}.pickle")
            search_module.jieba = _segmenter
    return config


@event_priority(100)
def on_pre_build(config, **kwargs):
    if os.environ.get("BRIEFING_PREBUILT") == "1":
        return
    settings = load_settings(config.config_file_path)
    # PDFs take a while: a plain `mkdocs build`/`serve` makes them only with BRIEFING_PDF=1
    # (`make site` builds them, through `briefing build`).
    try:
        result = build(settings, pdf=os.environ.get("BRIEFING_PDF") == "1" and pdf_status()[0])
    except BuildError as e:
        raise PluginError(f"briefing: bad input, nothing was changed:\n{e}") from None
    if result.written or result.deleted:
        print(f"briefing: {len(result.written)} page(s) written, {len(result.deleted)} removed")


# Pages written as HTML (render/html_doc.py): Python-Markdown is skipped, their links to
# other files (relative, to .md or other files in docs/) are resolved as MkDocs resolves
# Markdown links, and the table of contents comes from their front matter.
_html_pages: dict[str, str] = {}
_RELATIVE_HREF = re.compile(r'href="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^"#]+)(#[^"]*)?"')


_search = SearchIndex()   # Material's entries and ours (search_index.py)
_files = None             # this build's files, for the tag chips


def on_files(files, config, **kwargs):
    global _files
    _files = files
    _search.load(config.docs_dir, files)
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    if _search.has(page.file.src_uri):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    if page.meta.get(PAGE_FORMAT_KEY):
        _html_pages[page.file.src_uri] = markdown
        return ""
    return markdown


def _toc(rows) -> list[dict]:
    """Nested toc tokens from [level, id, title] rows, as the toc extension nests them."""
    root: list[dict] = []
    stack: list[dict] = []
    for level, anchor, title in rows:
        token = {"level": level, "id": anchor, "name": title, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def on_page_content(content, page, config, files, **kwargs):
    body = _html_pages.pop(page.file.src_uri, None)
    if body is None:
        return content
    base = posixpath.dirname(page.file.src_uri)

    def resolve(m: re.Match) -> str:
        href = m.group(1)
        target = posixpath.normpath(posixpath.join(base, html.unescape(href) if "&" in href else href))
        found = files.src_uris.get(target)   # already normal: no PurePath per link (100,000s of them)
        if found is None:
            log.warning(f"Doc file '{page.file.src_uri}' contains a link '{m.group(1)}', "
                        f"but the target '{target}' is not found among documentation files.")
            return m.group(0)
        return f'href="{html.escape(found.url_relative_to(page.file))}{m.group(2) or ""}"'
    page.toc = get_toc(_toc(page.meta.get("briefing_toc") or []))
    return _RELATIVE_HREF.sub(resolve, body)


def on_page_context(context, page, config, nav, **kwargs):
    """Links to this page in every edition (the language switch)."""
    _search.built.add(page.url)
    edition = (config.extra.get("briefing") or {}).get("edition", "zh-Hans")
    here = next(e for e in EDITIONS if e.code == edition)
    depth = page.url.count("/")   # "articles/x/" and "articles/x.html" alike
    up_to_root = "../" * len([p for p in here.prefix.split("/") if p])
    links = []   # (hreflang for search engines: theme/sitemap.xml)
    for ed in EDITIONS:
        href = "../" * depth + up_to_root + ed.prefix + page.url
        links.append({"lang": ed.code, "name": ed.name, "href": href or "./"})
    context["edition_links"] = links
    # The tag chips above an article's title (Material's partials/tags.html), each linked
    # to its tag page.
    pages = page.meta.get("briefing_tags") or []
    if pages and _files is not None:
        found = [_files.get_file_from_path(p) for p in pages]
        context["tags"] = [{"name": name, "url": f.url} for name, f in zip(page.meta.get("tags", []), found) if f]
    return context


def on_post_page(output, page, config, **kwargs):
    """The search dialog gets a name (render/a11y.py)."""
    from build_tools.render.a11y import name_search_dialog
    from build_tools.render.view import ui_strings
    edition = (config.extra.get("briefing") or {}).get("edition", "zh-Hans")
    return name_search_dialog(output, ui_strings()["en" if edition == "en" else "zh-Hans"]["search_dialog"])


def on_serve(server, config, builder, **kwargs):
    settings = load_settings(config.config_file_path)
    server.watch(str(settings.seeds))
    translations = settings.root / "translations"
    if translations.exists():
        server.watch(str(translations))
    return server


# Material's search worker splits a Chinese query into index terms but never tries a term
# that ends at the query's last character (`o<t.length`), so 產業鏈 is searched as 產業*.
_QUERY_SPLIT_BUG = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
_QUERY_SPLIT_FIX = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


_dirty = False


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a --dirty build may leave navigation and links stale. Not here:
    navigation lists fixed index pages only, and a page is rewritten whenever anything it
    shows changes (site_build.py). In strict mode that warning alone would stop the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def on_startup(command, dirty, **kwargs):
    global _dirty
    _dirty = dirty
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())


@event_priority(-50)   # after the search plugin has written its index, before the offline plugin reads it
def on_post_build(config, **kwargs):
    _save_segmentation_cache()
    settings = load_settings(config.config_file_path)
    urls = "dirs" if config.use_directory_urls else "files"   # `make offline` has its own
    _search.write(config.site_dir, settings.cache / f"search-material.{settings.edition}.{urls}.json", _dirty)
    workers = Path(config.site_dir) / "assets" / "javascripts" / "workers"
    for worker in sorted(workers.glob("search.*.min.js")):
        code = worker.read_text(encoding="utf-8")
        if _QUERY_SPLIT_BUG in code:
            worker.write_text(code.replace(_QUERY_SPLIT_BUG, _QUERY_SPLIT_FIX), encoding="utf-8")
        elif _QUERY_SPLIT_FIX not in code:
            log.warning("briefing: Material's search worker changed; Chinese query fix not applied")

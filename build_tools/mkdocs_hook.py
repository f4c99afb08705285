"""MkDocs hook: `mkdocs build` and `mkdocs serve` regenerate the pages of every edition from
seeds/ first (unless BRIEFING_PREBUILT=1, as `make site` sets after one `briefing build`),
serving watches seeds/, and each edition gets its converted names, per-page language
links and tag chips (its search index is written by `briefing build`: build_tools/search/). Article and glossary pages are
HTML in Markdown files (render/html_doc.py): the hook hands them to MkDocs as they are."""
from __future__ import annotations

import html
import logging
import os
import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

from build_tools.build import BuildError, build
from build_tools.config import load_settings
from build_tools.editions import EDITIONS, converter
from build_tools.render.html_doc import PAGE_FORMAT_KEY
from build_tools.render.pdf import pdf_status

log = logging.getLogger("mkdocs.hooks.briefing")


@event_priority(100)
def on_config(config, **kwargs):
    settings = load_settings(config.config_file_path)
    here = next(e for e in EDITIONS if e.code == settings.edition)
    if config.site_url and here.prefix and not config.site_url.endswith(here.prefix):
        config.site_url = config.site_url.rstrip("/") + "/" + here.prefix   # each edition below the root
    if settings.edition == "zh-Hant":
        to_hant = converter(settings)
        config.site_name = to_hant(config.site_name)
        if config.site_description:
            config.site_description = to_hant(config.site_description)
        config.nav = [{to_hant(k): v for k, v in item.items()} if isinstance(item, dict) else item
                      for item in (config.nav or [])]
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


_files = None   # this build's files, for the tag chips


def on_files(files, config, **kwargs):
    global _files
    _files = files
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
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
    """Links to this page in every edition, relative and (with site_url) absolute."""
    edition = (config.extra.get("briefing") or {}).get("edition", "zh-Hans")
    here = next(e for e in EDITIONS if e.code == edition)
    depth = page.url.count("/")   # "articles/x/" and "articles/x.html" alike
    up_to_root = "../" * len([p for p in here.prefix.split("/") if p])
    root_url = ""
    if config.site_url:
        root_url = config.site_url[: len(config.site_url) - len(here.prefix)] if here.prefix and \
            config.site_url.endswith(here.prefix) else config.site_url
    links = []
    for ed in EDITIONS:
        href = "../" * depth + up_to_root + ed.prefix + page.url
        links.append({"lang": ed.code, "name": ed.name, "href": href or "./",
                      "absolute": root_url + ed.prefix + page.url if root_url else ""})
    context["edition_links"] = links
    # The tag chips above an article's title (Material's partials/tags.html), each linked
    # to its tag page.
    pages = page.meta.get("briefing_tags") or []
    if pages and _files is not None:
        found = [_files.get_file_from_path(p) for p in pages]
        context["tags"] = [{"name": name, "url": f.url} for name, f in zip(page.meta.get("tags", []), found) if f]
    return context


def on_serve(server, config, builder, **kwargs):
    settings = load_settings(config.config_file_path)
    server.watch(str(settings.seeds))
    translations = settings.root / "translations"
    if translations.exists():
        server.watch(str(translations))
    return server


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a --dirty build may leave navigation and links stale. Not here:
    navigation lists fixed index pages only, and a page is rewritten whenever anything it
    shows changes (site_build.py). In strict mode that warning alone would stop the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def on_startup(command, dirty, **kwargs):
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())

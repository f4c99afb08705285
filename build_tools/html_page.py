"""Pages written as HTML (render/html_doc.py) handed to MkDocs as rendered pages.

Their file is Markdown (front matter + HTML); Python-Markdown is not run on them (it was
half the build on these long pages). Instead the page's render() is this module's: the
HTML is the page's content, links to other documentation files are resolved as MkDocs
resolves Markdown links (a missing target is a warning, so strict mode fails), the table
of contents comes from the front matter (`briefing_toc`), and the ids on the page and its
#fragment links are recorded where MkDocs' anchor validation reads them
(`present_anchor_ids`, `links_to_anchors`; `validation: anchors:` decides the level).
Replacing render() on a Page depends on MkDocs 1.6 (host.py checks the version)."""
from __future__ import annotations

import html
import posixpath
import re
import types

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.toc import get_toc

log = get_plugin_logger("briefing")

# A start tag with an id or an href. Source text is escaped (`<` and, in attributes, `"`
# and `>`), so these only ever match markup the writer made.
_TAG = re.compile(r'<[a-zA-Z][^<>]*?\s(?:id|href)="[^<>]*>')
_ID = re.compile(r'\sid="([^"]*)"')
_HREF = re.compile(r'(\shref=")([^"]*)"')
_EXTERNAL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|/")


def render_html_page(page) -> None:
    """Make this page render as the HTML its Markdown file holds."""
    page.render = types.MethodType(_render, page)


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


def _render(page, config, files) -> None:
    base = posixpath.dirname(page.file.src_uri)
    ids: set[str] = set()
    anchors: dict = {}   # target File -> {anchor: link as written}

    def unescape(s: str) -> str:
        return html.unescape(s) if "&" in s else s

    def resolve(m: re.Match) -> str:
        href = m.group(2)
        path, hash_, fragment = href.partition("#")
        if _EXTERNAL.match(href):
            return m.group(0)
        if not path:   # on this page
            if fragment:
                anchors.setdefault(page.file, {}).setdefault(unescape(fragment), unescape(href))
            return m.group(0)
        target = posixpath.normpath(posixpath.join(base, unescape(path)))
        found = files.src_uris.get(target)   # already normal: no PurePath per link (100,000s of them)
        if found is None:
            log.warning(f"Doc file '{page.file.src_uri}' contains a link '{path}', "
                        f"but the target '{target}' is not found among documentation files.")
            return m.group(0)
        if fragment:
            anchors.setdefault(found, {}).setdefault(unescape(fragment), unescape(href))
        return f'{m.group(1)}{html.escape(found.url_relative_to(page.file))}{hash_}{fragment}"'

    def tag(m: re.Match) -> str:
        text = m.group(0)
        for anchor in _ID.findall(text):
            ids.add(unescape(anchor))
        return _HREF.sub(resolve, text) if 'href="' in text else text

    page.content = _TAG.sub(tag, page.markdown)
    page.toc = get_toc(_toc(page.meta.get("briefing_toc") or []))
    page.present_anchor_ids = ids
    page.links_to_anchors = anchors

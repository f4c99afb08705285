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
import weakref
from functools import lru_cache

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.toc import get_toc

log = get_plugin_logger("briefing")

# A start tag with an id or an href. Source text is escaped (`<` and, in attributes, `"`
# and `>`), so these only ever match markup the writer made.
_TAG = re.compile(r'<[a-zA-Z][^<>]*?\s(?:id|href)="[^<>]*>')
_ID = re.compile(r'\sid="([^"]*)"')
_HREF = re.compile(r'(\shref=")([^"]*)"')
_EXTERNAL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|/")


@lru_cache(maxsize=None)
def _parts(url: str) -> tuple[str, ...]:
    """A URL's normalized path segments (mkdocs.utils.get_relative_url's)."""
    path = posixpath.normpath(url if url.startswith("/") else "/" + url)[1:]
    return tuple(path.split("/")) if path else ()


def _relative_url(url: str, other: str) -> str:
    """mkdocs.utils.get_relative_url(url, other), with the segments of each URL computed
    once per build (a page holds hundreds of links, a site hundreds of thousands)."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    here, there = _parts(other), _parts(url)
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    rel = "/".join(("..",) * (len(here) - common) + there[common:]) or "."
    return rel + "/" if url.endswith("/") else rel


_targets: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # Files -> {(folder, link): File}


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
    targets = _targets.setdefault(files, {})
    urls: dict = {}      # target File -> its URL from this page
    missing = object()

    def unescape(s: str) -> str:
        return html.unescape(s) if "&" in s else s

    def resolve(m: re.Match) -> str:
        href = m.group(2)
        path, hash_, fragment = href.partition("#")
        if _EXTERNAL.match(href):
            return m.group(0)
        if not path or path.startswith("?"):   # on this page (?q=: a search on it, glossary_pages.py)
            if fragment:
                anchors.setdefault(page.file, {}).setdefault(unescape(fragment), unescape(href))
            return m.group(0)
        found = targets.get((base, path), missing)
        if found is missing:   # pages of one folder share their links: resolved once per build
            target = posixpath.normpath(posixpath.join(base, unescape(path)))
            found = targets[(base, path)] = files.src_uris.get(target)   # already normal: no PurePath per link
        if found is None:
            target = posixpath.normpath(posixpath.join(base, unescape(path)))
            if target.startswith("../"):   # a URL out of this edition (another edition's page): as written
                return m.group(0)
            log.warning(f"Doc file '{page.file.src_uri}' contains a link '{path}', "
                        f"but the target '{target}' is not found among documentation files.")
            return m.group(0)
        if fragment:
            anchors.setdefault(found, {}).setdefault(unescape(fragment), unescape(href))
        url = urls.get(found)
        if url is None:
            url = urls[found] = html.escape(_relative_url(found.url, page.file.url))
        return f'{m.group(1)}{url}{hash_}{fragment}"'

    def tag(m: re.Match) -> str:
        text = m.group(0)
        for anchor in _ID.findall(text):
            ids.add(unescape(anchor))
        return _HREF.sub(resolve, text) if 'href="' in text else text

    page.content = _TAG.sub(tag, page.markdown)
    page.toc = get_toc(_toc(page.meta.get("briefing_toc") or []))
    page.present_anchor_ids = ids
    page.links_to_anchors = anchors


# Where whitespace is the content: left as it is.
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"[ \t]*\n[ \t\n]*")


def compact(html_text: str) -> str:
    """A built page without the indentation and blank lines of Material's templates (a
    sixth of an article page's chrome): each run of whitespace holding a line break becomes
    one line break, which the browser shows as the same single space (or nothing, between
    blocks); <pre>, <textarea>, <script> and <style> are left as they are."""
    parts = _VERBATIM.split(html_text)
    out = []
    # split() gives text, then (whole match, tag name) per match
    for k in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[k]))
        if k + 1 < len(parts):
            out.append(parts[k + 1])
    return "".join(out)

"""An Atom feed per edition (feed.xml at the edition's root): the newest articles, each
with its title, summary, date, authors, language and address.

Deterministic: an entry's date is its sidecar's `date`; without one, SOURCE_DATE_EPOCH
(the reproducible-builds convention), else the Unix epoch — never the clock. Links are
absolute when the site has an address (site_url), else relative to the feed, which Atom
resolves against the feed's own address. Written with ElementTree: text is escaped by
construction."""
from __future__ import annotations

import os
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

ATOM = "http://www.w3.org/2005/Atom"
FILE = "feed.xml"
LIMIT = 20


def _stamp(d) -> str:
    if d is not None:
        return f"{d.isoformat()}T00:00:00Z"
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def newest(articles) -> list:
    """Dated articles first, newest first; then the rest by address."""
    return sorted(articles, key=lambda a: (a.source.meta.get("date") is None,
                                           -(a.source.meta["date"].toordinal() if a.source.meta.get("date") else 0),
                                           a.source.slug))


def article_href(slug: str, directory_urls: bool) -> str:
    return f"articles/{slug}/" if directory_urls else f"articles/{slug}.html"


def atom_feed(entries: list[dict], title: str, lang: str, base_url: str, directory_urls: bool,
              limit: int = LIMIT) -> str:
    """entries: dicts of slug, title, summary, date, authors (shown text, in the edition's
    language); `base_url`: the edition's absolute address with a trailing slash, or ""."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el
    shown = entries[:limit]
    home = base_url or "./"
    sub(feed, "title", title)
    sub(feed, "id", base_url + FILE if base_url else uuid.uuid5(uuid.NAMESPACE_URL, f"briefing:{lang}:{title}").urn)
    sub(feed, "updated", max((_stamp(e["date"]) for e in shown), default=_stamp(None)))
    sub(feed, "link", href=home, rel="alternate", type="text/html")
    if base_url:
        sub(feed, "link", href=base_url + FILE, rel="self", type="application/atom+xml")
    sub(feed, "generator", "briefing")
    for e in shown:
        href = base_url + article_href(e["slug"], directory_urls)
        entry = sub(feed, "entry")
        sub(entry, "title", e["title"])
        sub(entry, "id", href if base_url else uuid.uuid5(uuid.NAMESPACE_URL, f"briefing:{e['slug']}").urn)
        sub(entry, "link", href=href, rel="alternate", type="text/html", hreflang=lang)
        sub(entry, "updated", _stamp(e["date"]))
        if e["date"] is not None:
            sub(entry, "published", _stamp(e["date"]))
        for name in e["authors"] or [title]:   # Atom wants an author: the briefing itself if none
            sub(sub(entry, "author"), "name", name)
        sub(entry, "summary", e["summary"])
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"

"""An unchanged article is not rendered again. Each article page carries in its front
matter a key of everything it is made from: the source's content address (source, sidecar,
glossary, code version), the edition, its related articles as shown, the tag names, its
translations, the Traditional converter's settings and the search settings. A build that
finds the page already in docs/ with the same key keeps it, and its search entries,
instead of rendering it again; the page writer then leaves the file alone."""
from __future__ import annotations

import os
from pathlib import Path

from ..fingerprint import fingerprint

KEY = "briefing_key"


class Kept:
    """Stands for a page left as it is in docs/."""

    def __repr__(self) -> str:
        return "KEPT"


KEPT = Kept()


def page_key(article, view, related_titles: list, settings_part: str) -> str:
    """'' when the article has no content address (it was not built through the cache)."""
    e = article.enriched
    if not e.source_key:
        return ""
    related = [[o.source.slug, title, [t.zh for t in shared]] for (o, _, shared), title
               in zip(e.related, related_titles)]
    catalog = view.catalog_bytes(article.source.stem) if view.english else b""
    # what every page of the edition shares, made once (the tag names written out again
    # for each of 30,000 pages were most of the keys' cost)
    shared = view.memo.get(("page key", settings_part))
    if shared is None:
        shared = view.memo[("page key", settings_part)] = fingerprint(
            view.code, view.pdf, settings_part, sorted(view.tag_names.items()))
    return fingerprint(e.source_key, shared, related, catalog)


class PageCache:
    """The pages one edition has in docs/ (below `folder`), and their search records."""

    def __init__(self, folder: Path, reuse: bool = True, untrusted=frozenset()):
        """`untrusted`: pages (below `folder`) whose record may not be of them (a commit cut
        short: page_writer.py); None: every page."""
        from ..search.record_store import RecordStore, shard_of   # it stands on KEPT, above
        self.folder, self.reuse, self.untrusted = folder, reuse, untrusted
        self.records = RecordStore(folder, reuse)
        self._shard_of = shard_of
        self._listed: dict[str, set[str]] = {}      # folder below `folder` -> its file names

    def has(self, rel: str, key: str) -> bool:
        """The page is in docs/ with this key, and so is its search record. The records'
        keys are committed after the pages and shards (page_writer.py), so a key is its
        page's: the page is only looked for (at 10,000 articles, reading each page's head
        was 2 s of every build)."""
        if not key or self.records.keys.get(rel) != key:
            return False
        if self.untrusted is None or self._shard_of(rel) in self.untrusted:
            if not self.records.intact(rel):
                return False
        if self.untrusted is None or rel in self.untrusted:
            return self.has_page(rel, key)
        return self._listed_file(rel)

    def _listed_file(self, rel: str) -> bool:
        """`rel` is in its folder's listing (one listing per folder, not a stat per file)."""
        folder, _, name = rel.rpartition("/")
        if folder not in self._listed:
            try:
                self._listed[folder] = set(os.listdir(self.folder / folder))
            except OSError:
                self._listed[folder] = set()
        return name in self._listed[folder]

    def has_page(self, rel: str, key: str) -> bool:
        """A page with no search entries of its own (or entries made again cheaply: a
        glossary entry's) is in docs/ with this key."""
        if not self.reuse or not key:
            return False
        try:
            with open(self.folder / rel, encoding="utf-8") as fh:
                return fh.read(200).startswith(f'---\n{KEY}: "{key}"\n')
        except (OSError, UnicodeDecodeError):
            return False

    def exists(self, rel: str) -> bool:
        """A file made with a page (its BibTeX, its RIS) is in docs/: listed, as the page
        was (PageCache.has), unless the build is told not to trust what is there."""
        if not self.reuse:
            return False
        if self.untrusted is None or rel in self.untrusted:
            return (self.folder / rel).is_file()
        return self._listed_file(rel)

    def read(self, rel: str) -> str:
        return (self.folder / rel).read_text(encoding="utf-8")

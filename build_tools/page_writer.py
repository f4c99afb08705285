"""Writing the generated pages into docs/, as they are made and all at once.

A build makes tens of thousands of pages (three editions of every article, their search
index): held in memory until the end they were most of a large build's peak memory. So
each edition's pages are handed over as soon as they are made: compared with the file in
docs/ and, if changed, written to a staging folder. Only `commit()` — called once every
page is made — moves them into docs/ (a rename each, so every file is replaced whole) and
removes the generated files no page is left for: a build that fails on the way leaves
docs/ as it was, as before."""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .render.page_cache import KEPT
from .search.record_store import KEYS


@dataclass
class BuildResult:
    articles: list
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept: int = 0           # not rendered again: what they are made from did not change
    kept_articles: int = 0  # of which article pages
    deleted: list[str] = field(default_factory=list)
    cleaned: set = field(default_factory=set)   # sources read this build, not from the cache


def move_into(staged: str | Path, target: str | Path, rels: list[str]) -> None:
    """Each file `rels` below `staged` to the same place below `target`, by a rename (so
    every file is replaced whole)."""
    made: set[str] = set()
    for rel in rels:
        path = os.path.join(target, rel)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        try:
            os.replace(os.path.join(staged, rel), path)
        except OSError:   # staging on another file system: copied, then renamed there
            tmp = os.path.join(folder, f".tmp-{os.getpid()}-{os.path.basename(path)}")
            shutil.copyfile(os.path.join(staged, rel), tmp)
            os.replace(tmp, path)


class PageWriter:
    """`add(pages)` any number of times ({path below docs/: text, bytes or KEPT}, each path
    once), then `commit()`; `discard()` drops what is staged (always safe to call)."""

    def __init__(self, docs: Path, generated: tuple[str, ...], staging: Path):
        self.docs, self.generated, self.staging = str(docs), generated, str(staging)
        shutil.rmtree(self.staging, ignore_errors=True)   # left by a build that was killed
        # The pages a commit cut short may have moved, or not (its journal): their search
        # records cannot vouch for them (render/page_cache.py) until a commit completes.
        self.journal = self.staging + ".journal"
        try:
            with open(self.journal, encoding="utf-8") as fh:
                self.untrusted = frozenset(json.load(fh))
        except FileNotFoundError:
            self.untrusted = frozenset()
        except (OSError, ValueError):   # the journal itself cut short: trust nothing
            self.untrusted = None
        self.paths: set[str] = set()
        self.kept: set[str] = set()
        self.staged: list[str] = []
        self.unchanged = 0
        self._folders: set[str] = set()

    def add(self, pages: dict) -> None:
        for rel, content in pages.items():
            if rel in self.paths:
                raise ValueError(f"page {rel} made twice")
            self.paths.add(rel)
            if content is KEPT:
                self.kept.add(rel)
                continue
            data = content.encode("utf-8") if isinstance(content, str) else content
            if self._same(os.path.join(self.docs, rel), data):
                self.unchanged += 1
                continue
            self._write(os.path.join(self.staging, rel), data)
            self.staged.append(rel)

    @staticmethod
    def _same(path: str, data: bytes) -> bool:
        """A file read only when its size matches."""
        try:
            if os.stat(path).st_size != len(data):
                return False
            with open(path, "rb") as fh:
                return fh.read() == data
        except FileNotFoundError:
            return False

    def _write(self, path: str, data: bytes) -> None:
        folder = os.path.dirname(path)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        with open(path, "wb") as fh:
            fh.write(data)

    def commit(self) -> BuildResult:
        result = BuildResult([], unchanged=self.unchanged, kept=len(self.kept))
        # Each edition's search records' keys last: a key vouches for its page and record
        # in docs/ (render/page_cache.py), so it must not arrive before they do.
        os.makedirs(os.path.dirname(self.journal), exist_ok=True)
        with open(self.journal, "w", encoding="utf-8") as fh:
            json.dump(sorted(set(self.staged) | (self.untrusted or set())), fh)
        move_into(self.staging, self.docs, sorted(self.staged, key=lambda rel: (rel.endswith(KEYS), rel)))
        result.written = sorted(self.staged)
        for root in self.generated:
            base = os.path.join(self.docs, root)
            gone = []
            for folder, _, names in os.walk(base, topdown=False):   # nothing when not a folder
                prefix = os.path.relpath(folder, self.docs).replace(os.sep, "/") + "/"
                for name in names:
                    if prefix + name not in self.paths:
                        os.unlink(os.path.join(folder, name))
                        gone.append(prefix + name)
                if folder != base and not os.listdir(folder):   # left empty
                    os.rmdir(folder)
            result.deleted += sorted(gone)
        os.unlink(self.journal)
        self.discard()
        return result

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staged = []

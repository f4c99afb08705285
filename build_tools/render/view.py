"""What an edition shows of the shared documents: its interface strings, its language, and
for English the translations (PO catalogs), with a status for every unit of text."""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

import yaml

from ..translations import load_catalog, lookup, po_path


@lru_cache(maxsize=1)
def ui_strings() -> dict:
    return yaml.safe_load((Path(__file__).parent.parent / "data" / "ui.yml").read_text("utf-8"))


def _converted(value, convert):
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [_converted(v, convert) for v in value]
    if isinstance(value, dict):
        return {k: _converted(v, convert) for k, v in value.items()}
    return value


@dataclass
class View:
    code: str                       # zh-Hans, zh-Hant or en
    root: Path
    tag_names: dict[str, str] = field(default_factory=dict)
    units: dict[str, set[str]] = field(default_factory=dict)   # stem -> current source units
    pdf: bool = False               # are briefing PDFs built (and so linked)?
    base_url: str = ""              # the edition's absolute address ("" without site_url)
    directory_urls: bool = True
    site_name: str = ""
    # zh-Hant: the OpenCC converter (editions.Converter) its Chinese is written with; its
    # articles are converted views of the model (edition_view.py), its labels converted here.
    convert: Callable[[str], str] | None = None
    # What this edition works out for an article more than once a build ((what, stem) ->
    # value): its authors (names.authors_of: every list page it is on), whether it is
    # translated (article_page.links_to_original: its page, its record, its term pages).
    memo: dict = field(default_factory=dict)
    _catalogs: dict = field(default_factory=dict)
    _ui: dict | None = None
    _po_files: set | None = None

    def _has_catalog(self, stem: str) -> bool:
        # one listing of translations/en/, not a stat per article (10,000 of them a build)
        if self._po_files is None:
            folder = po_path(self.root, "en", "x").parent
            self._po_files = set(os.listdir(folder)) if folder.is_dir() else set()
        return f"{stem}.po" in self._po_files

    @property
    def ui(self) -> dict:
        if self._ui is None:
            self._ui = _converted(ui_strings()["zh-Hans"], self.convert) if self.convert else ui_strings()[self.code]
        return self._ui

    def han(self, text: str) -> str:
        """Chinese text from the model (a glossary term, a tag) as this edition writes it."""
        return self.convert(text) if self.convert and text else text

    @property
    def english(self) -> bool:
        return self.code == "en"

    def tag(self, name: str) -> str:
        return self.tag_names.get(name, name) if self.english else self.han(name)

    def catalog(self, stem: str) -> dict:
        if stem not in self._catalogs:
            self._catalogs[stem] = load_catalog(po_path(self.root, "en", stem)) if self._has_catalog(stem) else {}
        return self._catalogs[stem]

    def catalog_bytes(self, stem: str) -> bytes:
        return po_path(self.root, "en", stem).read_bytes() if self._has_catalog(stem) else b""

    def text(self, stem: str, source: str) -> tuple[str, str]:
        """(text to show, status): ok, missing or stale (the source changed since the
        translation; its old entry is fuzzy or no longer matches any paragraph)."""
        if not self.english or not source:
            return source, "ok"
        catalog = self.catalog(stem)
        found = lookup(catalog, source)
        if found:
            return found, "ok"
        if source in catalog:          # present but fuzzy: marked stale by a translator tool
            return source, "stale"
        if not catalog:                # no translation at all: nothing can have gone stale
            return source, "missing"
        live = self.units.get(stem, set())
        orphans = [k for k, e in catalog.items() if e.msgstr and k not in live]
        close = difflib.get_close_matches(source, orphans, n=1, cutoff=0.6) if orphans else []
        return source, "stale" if close else "missing"

"""Translations as gettext PO files, one per source and language:
translations/<lang>/<source stem>.po, msgid = the cleaned source text of one unit (title,
heading, paragraph, list item, table cell, footnote ...), msgstr = its translation.

PO is what translators' tools (Poedit, Weblate) read. A unit whose source text changes no
longer matches its msgid: the old entry is kept, marked fuzzy (stale) by `briefing
translate --update`, and the page says the translation is missing or stale. Provenance is a
translator comment on each entry: "provenance: human|machine; model: …; date: YYYY-MM-DD"."""
from __future__ import annotations

from collections.abc import Mapping

import re
from dataclasses import dataclass
from pathlib import Path


import polib

from .model import Document, Heading, ListBlock, Paragraph, Table
from .reading import INVISIBLE, SourceError


@dataclass(frozen=True)
class Unit:
    kind: str      # title, subtitle, abstract, keyword, heading, paragraph, item, cell, footnote
    text: str
    where: str     # a human-readable location, written as an extracted comment


def units(doc: Document) -> list[Unit]:
    """The translatable units of a document, in reading order."""
    out: list[Unit] = []
    for kind in ("title", "subtitle", "abstract"):
        if getattr(doc, kind):
            out.append(Unit(kind, getattr(doc, kind), kind))
    out += [Unit("keyword", k, "keywords") for k in doc.keywords]
    # a group author's name (a person's is written in pinyin: render/names.py), and the
    # bibliographic fields written in Chinese (affiliations, funding notes)
    from .render.names import is_person
    out += [Unit("author", a, "authors") for a in doc.authors if not is_person(a)]
    out += [Unit("metadata", v, k) for k, v in doc.metadata.items() if _HAN.search(v)]
    for n, b in enumerate(doc.blocks, 1):
        if isinstance(b, Heading):
            out.append(Unit("heading", b.text, f"block {n}, line {b.line}"))
        elif isinstance(b, Paragraph):
            out.append(Unit("paragraph", b.text, f"block {n}, line {b.line}"))
        elif isinstance(b, ListBlock):
            out += [Unit("item", t, f"block {n}, item {i}") for i, t in enumerate(b.items, 1)]
        elif isinstance(b, Table):
            out += [Unit("cell", c, f"block {n}, row {r}") for r, row in enumerate(b.rows, 1)
                    for c in row if c.strip()]
    out += [Unit("footnote", f.text, f"footnote {f.mark}") for f in doc.footnotes]
    seen, unique = set(), []
    for u in out:
        if u.text not in seen:
            seen.add(u.text)
            unique.append(u)
    return unique


_HAN = re.compile(r"[\u4e00-\u9fff]")


def po_path(root: Path, lang: str, stem: str) -> Path:
    return root / "translations" / lang / f"{stem}.po"


def load_catalog(path: Path) -> dict[str, polib.POEntry]:
    """msgid -> entry; a PO file polib cannot parse is a SourceError naming its line."""
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
        catalog = polib.pofile(text, wrapwidth=0)
    except UnicodeDecodeError as e:
        raise SourceError(path, f"not UTF-8 text ({e.reason})") from None
    except (OSError, ValueError) as e:   # polib's syntax errors: "... (line N)"
        m = re.search(r"line (\d+)", str(e))
        message = re.sub(r"\s*\(line \d+\)", "", str(e)).replace(" po file None", " PO file")
        raise SourceError(path, f"broken PO file: {message}", int(m.group(1)) if m else None) from None
    entries = {}
    for e in catalog:
        if not e.obsolete:
            if INVISIBLE.search(e.msgstr):
                raise SourceError(path, f"the translation of {e.msgid[:30]!r} contains an invisible "
                                        "control character", e.linenum)
            entries[e.msgid] = e
    return entries


def orphan_catalogs(root: Path, stems: set[str]) -> list[Path]:
    """PO files in translations/<lang>/ for no current source."""
    folder = root / "translations"
    return sorted(p for p in folder.glob("*/*.po") if p.stem not in stems) if folder.is_dir() else []


def lookup(catalog: dict[str, polib.POEntry], text: str) -> str | None:
    """The translation of text, or None if missing or stale (fuzzy)."""
    e = catalog.get(text)
    if e is None or not e.msgstr or "fuzzy" in e.flags:
        return None
    return e.msgstr


def template(doc: Document, stem: str, lang: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Project-Id-Version": f"briefing {stem}", "Language": lang,
                   "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit"}
    for u in units(doc):
        po.append(polib.POEntry(msgid=u.text, msgstr="", comment=f"{u.kind}: {u.where}"))
    return po


class LiveUnits(Mapping):
    """Stem -> the texts of its document's units now, computed for a stem when asked for
    (only a page with a missing translation asks: render/view.py)."""

    def __init__(self, articles):
        self._docs = {a.source.stem: a.doc for a in articles}
        self._made: dict[str, set[str]] = {}

    def __getitem__(self, stem: str) -> set[str]:
        if stem not in self._made:
            self._made[stem] = {u.text for u in units(self._docs[stem])}
        return self._made[stem]

    def __iter__(self):
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)

"""The document model: plain dataclasses that every stage after cleaning reads.

Nothing downstream re-parses text: headings, paragraphs, tables, lists and footnotes
are explicit, and footnote references are (offset, mark) pairs, not markup in the text.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .enrich.glossary import Term
    from .sources import Source


@dataclass
class Removal:
    """A string the cleaner dropped, why, and the 1-based source line it came from (for
    a PDF: the 1-based page, and line 0)."""
    text: str
    reason: str
    line: int
    page: int = 0


@dataclass
class NoteRef:
    """A footnote reference at character `offset` of the owning block's text; `source` is
    the mark as printed ("^①"), which the source reuses on every page."""
    offset: int
    mark: str
    source: str = ""


@dataclass
class Heading:
    level: int
    text: str
    line: int = 0
    type: str = "heading"


@dataclass
class Paragraph:
    text: str
    line: int = 0
    notes: list[NoteRef] = field(default_factory=list)
    # Length of a run-in lead sentence ("提早布局……。当前……") shown in bold; 0 if none.
    lead: int = 0
    type: str = "paragraph"


@dataclass
class Table:
    rows: list[list[str]]
    line: int = 0
    type: str = "table"


@dataclass
class ListBlock:
    items: list[str]
    ordered: bool = True
    line: int = 0
    type: str = "list"


Block = Heading | Paragraph | Table | ListBlock


@dataclass
class Footnote:
    mark: str          # unique per document: "1", "2", ...
    text: str
    source_mark: str = ""   # as printed in the source ("①", "^②"), which restarts per page
    line: int = 0


@dataclass
class Document:
    source: str = ""
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    abstract: str | None = None
    keywords: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    # What each cleaning pass changed, in order: (pass name, explanation).
    changes: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON shape printed by `briefing clean --format json`."""
        def block(b: Block) -> dict:
            d = asdict(b)
            out = {"type": d.pop("type")}
            out.update(d)
            if isinstance(b, Paragraph):
                if not b.notes:
                    out.pop("notes")
                if not b.lead:
                    out.pop("lead")
            return out
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "abstract": self.abstract,
            "keywords": list(self.keywords),
            "metadata": dict(self.metadata),
            "blocks": [block(b) for b in self.blocks],
            "footnotes": [asdict(f) for f in self.footnotes],
            "removed": [{k: v for k, v in asdict(r).items() if k != "page" or v} for r in self.removed],
        }

    @classmethod
    def from_dict(cls, d: dict, source: str = "") -> "Document":
        kinds = {"heading": Heading, "paragraph": Paragraph, "table": Table, "list": ListBlock}
        blocks = []
        for raw in d.get("blocks", []):
            raw = dict(raw)
            kind = kinds[raw.pop("type")]
            if kind is Paragraph:
                raw["notes"] = [NoteRef(**n) for n in raw.get("notes", [])]
            blocks.append(kind(**raw))
        return cls(
            source=source,
            title=d.get("title"), subtitle=d.get("subtitle"),
            authors=list(d.get("authors", [])), abstract=d.get("abstract"),
            keywords=list(d.get("keywords", [])), metadata=dict(d.get("metadata", {})),
            blocks=blocks,
            footnotes=[Footnote(**f) for f in d.get("footnotes", [])],
            removed=[Removal(**r) for r in d.get("removed", [])],
        )


@dataclass
class Article:
    """One source through the pipeline: where it came from, its cleaned document, the
    glossary it was matched against and what enrichment found (enrich/corpus.py)."""
    source: Source
    doc: Document
    terms: list = field(default_factory=list)
    enriched: object = None
    # For an edition's view of an article (render/edition_view.py), the article it shows:
    # what identifies its parts (heading anchors) comes from there.
    view_of: "Article | None" = None

    @cached_property
    def term_index(self) -> dict[str, Term]:
        return {t.zh: t for t in self.terms}

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

"""The 繁體中文 view of the corpus, from the model: each article as a copy whose every text a
page shows is converted with OpenCC (editions.Converter) — document, sidecar fields shown,
enrichment (summary, key points, figures) — so that the same writer renders all three
editions and nothing converts rendered HTML.

What identifies things stays as it is in the model: slugs, anchors (from the Simplified
text: the language switch keeps a page's #fragment), glossary keys (term names are
converted where shown: View.han), tag keys (View.tag converts the name shown). Offsets into
a text (glossary marks, footnote references, a bold lead) are carried over: when a
conversion changes a text's length, it is converted piece by piece between those offsets."""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from ..enrich.corpus import Enriched
from ..model import Article, Document, Heading, ListBlock, Paragraph, Table

# Sidecar keys that are not shown as Chinese text (addresses, dates, tags as keys, English).
_KEEP_META = ("url", "date", "tags", "doi", "slug")


def _with_cuts(convert, text: str, cuts) -> tuple[str, callable]:
    """(converted text, old offset -> new offset)."""
    whole = convert(text)
    if len(whole) == len(text):
        return whole, lambda k: k
    points = sorted({0, len(text), *(c for c in cuts if 0 < c < len(text))})
    pieces = [convert(text[a:b]) for a, b in zip(points, points[1:])]
    moved, pos = {}, 0
    for point, piece in zip(points, pieces + [""]):
        moved[point] = pos
        pos += len(piece)
    return "".join(pieces), moved.__getitem__


def _meta(meta: dict, convert) -> dict:
    out = {}
    for k, v in meta.items():
        if k in _KEEP_META or k.endswith("_en"):
            out[k] = v
        elif isinstance(v, str):
            out[k] = convert(v)
        elif isinstance(v, list) and all(isinstance(x, str) for x in v):
            out[k] = [convert(x) for x in v]
        else:
            out[k] = v
    return out


def _moved(m, at):
    """A glossary mark at its offsets in the converted text."""
    start, end = at(m.start), at(m.end)
    return m._replace(start=start, end=end) if hasattr(m, "_replace") else dataclasses.replace(m, start=start, end=end)


def _paragraph(b: Paragraph, marks: list, convert):
    cuts = [n.offset for n in b.notes] + [b.lead] + [p for m in marks for p in (m.start, m.end)]
    text, at = _with_cuts(convert, b.text, cuts)
    notes = [dataclasses.replace(n, offset=at(n.offset)) for n in b.notes]
    para = dataclasses.replace(b, text=text, notes=notes, lead=at(b.lead) if b.lead else 0)
    return para, [_moved(m, at) for m in marks]


class _Body:
    """An article's body (blocks, their glossary marks, footnotes) converted when first
    asked for: the pages an incremental build keeps never ask."""

    def __init__(self, article: Article, convert):
        self.article, self.convert, self.made = article, convert, None

    def __call__(self) -> tuple[list, dict, list]:
        if self.made is None:
            doc, e, c = self.article.doc, self.article.enriched, self.convert
            blocks, marks = [], {}
            for i, b in enumerate(doc.blocks):
                if isinstance(b, Paragraph):
                    para, m = _paragraph(b, e.marks.get(i, []), c)
                    blocks.append(para)
                    if i in e.marks:
                        marks[i] = m
                elif isinstance(b, Heading):
                    blocks.append(dataclasses.replace(b, text=c(b.text)))
                elif isinstance(b, ListBlock):
                    blocks.append(dataclasses.replace(b, items=[c(t) for t in b.items]))
                elif isinstance(b, Table):
                    blocks.append(dataclasses.replace(b, rows=[[c(x) for x in row] for row in b.rows]))
            for i, m in e.marks.items():
                marks.setdefault(i, m)   # marks of blocks other than paragraphs (and the abstract's)
            self.made = blocks, marks, [dataclasses.replace(f, text=c(f.text)) for f in doc.footnotes]
        return self.made


class _Apparatus:
    """An article's abstract (with its glossary marks) and enrichment texts (summary, key
    points, figures) converted when first asked for: an incremental build's kept pages
    only ask for titles, authors and tags (1.4 s of every build at 10,000 articles when
    made at once)."""

    def __init__(self, article: Article, convert):
        self.article, self.convert, self.made = article, convert, None

    def __call__(self) -> dict:
        if self.made is None:
            doc, e, c = self.article.doc, self.article.enriched, self.convert
            abstract, abstract_marks = doc.abstract, None
            if abstract:
                cuts = [p for m in e.marks.get(-1, []) for p in (m.start, m.end)]
                abstract, at = _with_cuts(c, abstract, cuts)
                if -1 in e.marks:
                    abstract_marks = [_moved(m, at) for m in e.marks[-1]]
            figures = [dataclasses.replace(f, value=c(f.value), unit=c(f.unit), year=c(f.year), what=c(f.what),
                                           phrase=c(f.phrase), to=c(f.to)) for f in e.figures]
            self.made = dict(abstract=abstract, abstract_marks=abstract_marks, figures=figures,
                             summary=[(c(s), a) for s, a in e.summary], editor_summary=c(e.editor_summary),
                             key_points=[(c(s), c(p), a) for s, p, a in e.key_points])
        return self.made


def _later(name: str) -> property:
    """A field read from the object's converted parts, `_parts()` (the dataclass's
    __init__ sets it: ignored)."""
    return property(lambda self: self._parts()[name], lambda self, value: None)


class _ConvertedDocument(Document):
    """A document whose head is converted and whose body and abstract are converted when
    first read."""

    def __init__(self, body: _Body, apparatus: _Apparatus, **head):
        self._body, self._parts = body, apparatus
        super().__init__(**head)

    blocks = property(lambda self: self._body()[0], lambda self, value: None)
    footnotes = property(lambda self: self._body()[2], lambda self, value: None)
    abstract = _later("abstract")


class _ConvertedEnriched(Enriched):
    """Enrichment whose texts (LATER) are converted when first read."""
    LATER = ("summary", "editor_summary", "key_points", "figures")

    def __init__(self, apparatus: _Apparatus, **fields):
        self._parts = apparatus
        super().__init__(**fields)


for _field in _ConvertedEnriched.LATER:
    setattr(_ConvertedEnriched, _field, _later(_field))


class _Marks(Mapping):
    """Block index -> glossary marks at their offsets in the converted texts (the body's
    and the abstract's, index -1, when first read)."""

    def __init__(self, original: dict, body: _Body, apparatus: _Apparatus):
        self._original, self._body, self._apparatus = original, body, apparatus

    def __getitem__(self, i):
        if i == -1 and (abstract := self._apparatus()["abstract_marks"]) is not None:
            return abstract
        return self._body()[1][i]

    def __iter__(self):
        return iter(self._original)

    def __len__(self) -> int:
        return len(self._original)


def hant_article(article: Article, convert) -> Article:
    """The article as the 繁體中文 edition shows it (`related` still points at the
    Simplified articles: hant_corpus maps them)."""
    doc, e = article.doc, article.enriched
    c = convert
    body, apparatus = _Body(article, c), _Apparatus(article, c)
    new_doc = _ConvertedDocument(
        body, apparatus, source=doc.source, title=c(doc.title) if doc.title else doc.title,
        subtitle=c(doc.subtitle) if doc.subtitle else doc.subtitle,
        authors=[c(a) for a in doc.authors], keywords=[c(k) for k in doc.keywords],
        metadata={k: c(v) for k, v in doc.metadata.items()}, removed=doc.removed, changes=doc.changes)
    later = (*_ConvertedEnriched.LATER, "marks")
    enriched = _ConvertedEnriched(apparatus, marks=_Marks(e.marks, body, apparatus),
                                  **{f.name: getattr(e, f.name) for f in dataclasses.fields(e) if f.name not in later})
    source = dataclasses.replace(article.source, meta=_meta(article.source.meta, c))
    return Article(source, new_doc, article.terms, enriched, view_of=article)


def hant_corpus(articles: list[Article], convert) -> list[Article]:
    """Every article's 繁體中文 view, related articles pointing at each other's views."""
    views = [hant_article(a, convert) for a in articles]
    by_slug = {v.source.slug: v for v in views}
    for v in views:
        v.enriched.related = [(by_slug.get(o.source.slug, o), score, shared)
                              for o, score, shared in v.enriched.related]
    return views


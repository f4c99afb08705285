"""One search record per generated page and edition, from the document model: the title
and tags a result shows, and its units — the title, the rest of the page top (apparatus,
keywords, terms), then every heading, paragraph, footnote and the bibliographic table, each
with the anchor the result links to (lists and tables go with the paragraph or heading
before them) — each unit holding its distinct words (tokens.py), sorted, so a record is
deterministic."""
from __future__ import annotations

from ..model import Heading, ListBlock, Paragraph, Table

VERSION = "units-3"   # part of each article page's key: records of another shape are not kept


def _unit(words, texts) -> str:
    return " ".join(sorted({w for t in texts if t for w in words(t)}))


def with_words(raw: dict, words) -> dict:
    """A record of units as texts (article_units) with each unit's words instead."""
    return raw | {"units": [[anchor, _unit(words, texts)] for anchor, texts in raw["units"]]}


def unit_texts(raw: dict):
    return (t for _, texts in raw["units"] for t in texts if t)


def article_units(article, view) -> dict:
    """The record with each unit's texts (its words are cut in bulk: Words.prefetch)."""
    from ..render.article_page import heading_ids, links_to_original
    from ..render.site_pages import title_of
    ids = heading_ids(article)
    # The English page of an untranslated article links to the full text in the Simplified
    # edition: its units are found there ("^": the anchor is on that edition's page).
    there = "^" if links_to_original(article, view) else ""
    doc, e, meta, stem = article.doc, article.enriched, article.source.meta, article.source.stem
    # The English page shows the original beside its translation: both are searched there.
    both = (lambda t: [view.text(stem, t)[0], t]) if view.english else (lambda t: [t])
    title = title_of(article, view)
    points = meta.get("key_points_en" if view.english else "key_points_zh") or [p for _, p, _ in e.key_points]
    # The title is a unit of its own (the browser ranks a page whose title holds the query
    # first); the rest of the page top is one bag of many texts, which holds the words of
    # many a phrase apart: it ranks as a long paragraph does.
    head = [title, *both(doc.subtitle or "")]
    top = [" ".join(doc.authors), *both(doc.abstract or ""),
           *(x for k in doc.keywords for x in both(k)),
           meta.get("summary_en" if view.english else "summary_zh", ""), " ".join(s for s, _ in e.summary),
           " ".join(points), " ".join(f"{f.value}{f.unit} {f.what}" for f in e.figures),
           " ".join(f"{t.zh} {t.en}" for t in article.terms if e.term_counts.get(t.zh)),
           " ".join(view.tag(t) for t in e.tags)]
    units: list[list] = [["", head], ["", top]]
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Heading):
            units.append([there + ids[i], both(b.text)])
        elif isinstance(b, Paragraph):
            units.append([there + e.anchors[i] if i in e.anchors else units[-1][0], both(b.text)])
        elif isinstance(b, ListBlock):
            units[-1][1] += [x for t in b.items for x in both(t)]
        elif isinstance(b, Table):
            units[-1][1] += [x for row in b.rows for c in row if c.strip() for x in both(c)]
    for f in doc.footnotes:
        units.append([f"{there}fn:{f.mark}", both(f.text)])
    if doc.metadata:
        units.append(["bibliographic", [f"{k} {v}" for k, v in doc.metadata.items()]])
    return {"title": title, "tags": [view.tag(t) for t in e.tags], "units": units}


def term_record(term, view, words) -> dict:
    first, second = (term.en, term.zh) if view.english else (term.zh, term.en)
    rest = [term.pinyin, " ".join(term.aliases), " ".join(term.en_alt), term.def_zh, term.def_en]
    return {"title": view.han(f"{first} · {second}"), "tags": [view.ui.get("glossary", "")],
            "units": [["", _unit(words, [first, second])], ["", _unit(words, rest)]]}   # as article_units


def markdown_record(text: str, words, view) -> dict:
    """A hand-written page (docs/guide/…): its title (from its first heading), then its text."""
    if text.startswith("---\n") and "\n---\n" in text[4:]:
        text = text[text.index("\n---\n", 4) + 5:]
    title = next((line.lstrip("#").strip() for line in text.splitlines() if line.startswith("# ")), "")
    return {"title": view.han(title), "tags": [], "units": [["", _unit(words, [title])], ["", _unit(words, [text])]]}

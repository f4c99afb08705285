"""What the search index holds for the generated article and glossary pages, taken from
the document model rather than from the built HTML: the title, the apparatus a reader
searches for (abstract, summaries, key points, key figures, keywords, glossary terms,
tags), the headings, and the body text — all of it in a small corpus; past
the plugin's `search_full_text_articles` articles, what finds an article (title, the
start of its summary, headings, keywords, terms, tags): Material's search builds its index
in the reader's browser, and that time grows with the index (benchmarks/README.md).

Chinese is segmented here, once, into jieba's words, joined by U+200B as Material's
search plugin joins them (its `separator` splits on U+200B); the segmentation of each text
is cached across builds. The briefing plugin (plugin.py) adds these entries to Material's index
and keeps Material from parsing these pages again."""
from __future__ import annotations

import html
import re
from pathlib import Path

from ..memo import PersistentMemo
from ..model import Heading, ListBlock, Paragraph, Table

INDEX_FILE = ".search.json"   # per edition, in its docs_dir; MkDocs leaves dot files out of the site
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


class Segmenter:
    """Han runs split into words, joined by U+200B; results kept in a cache file, keyed by
    the text and by the words taught to the segmenter (the glossary's terms): a term added
    to the glossary is one word in the next build, cache or not."""

    def __init__(self, path: Path | None = None, taught=()):
        import hashlib
        self.memo = PersistentMemo(path)
        self.stamp = hashlib.sha256("\n".join(sorted(set(taught))).encode("utf-8")).hexdigest()[:16] + "\0"

    def __call__(self, text: str) -> str:
        key = self.stamp + text
        out = self.memo.get(key)
        if out is None:
            from ..enrich.segment import cut
            out = _HAN.sub(lambda m: "\u200b" + "\u200b".join(cut(m.group())) + "\u200b", text).strip("\u200b")
            self.memo.put(key, out)
        return out

    def save(self) -> None:
        self.memo.save()


def _join(segment, parts) -> str:
    return html.escape(segment(" ".join(p for p in parts if p)), quote=False)


def _section_texts(doc, heading_ids: dict[int, str], translate):
    """[(anchor, heading, [texts])] in document order; text before the first heading goes
    with the 'full text' heading."""
    sections: list[tuple[str, str, list[str]]] = [("full-text", "", [])]
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Heading):
            sections.append((heading_ids[i], translate(b.text), []))
        elif isinstance(b, Paragraph):
            sections[-1][2].append(translate(b.text))
        elif isinstance(b, ListBlock):
            sections[-1][2].extend(translate(t) for t in b.items)
        elif isinstance(b, Table):
            sections[-1][2].extend(translate(c) for row in b.rows for c in row if c.strip())
    return sections


def article_entries(article, view, segment, heading_ids: dict[int, str], lead_chars: int | None) -> dict:
    """The index entries of one article page. In full (lead_chars None): the page with its
    apparatus, then every section with its text. In a large corpus, one entry: the title,
    the first `lead_chars` characters of the summary (the editor's, else the author's
    abstract, else the automatic one), the headings, keywords and glossary terms — what
    finds an article among thousands, in an index a phone builds in about a second."""
    from .site_pages import title_of
    doc, e, meta, stem = article.doc, article.enriched, article.source.meta, article.source.stem
    translate = (lambda t: view.text(stem, t)[0]) if view.english else (lambda t: t)
    editor = meta.get("summary_en" if view.english else "summary_zh", "")
    auto = " ".join(s for s, _ in e.summary)
    terms = " ".join(t.en if view.english else t.zh for t in article.terms if e.term_counts.get(t.zh))
    keywords = " ".join(translate(k) for k in doc.keywords)
    title = html.escape(segment(title_of(article, view)), quote=False)
    tags = [html.escape(view.tag(t)) for t in e.tags]   # Material shows them as HTML, like titles
    if lead_chars is not None:
        lead = (editor or translate(doc.abstract or "") or auto)[:lead_chars]
        headings = " ".join(translate(b.text) for b in doc.blocks if isinstance(b, Heading))
        return {"tags": tags, "entries": [["", title, _join(segment, [lead, headings, keywords, terms])]]}
    points = meta.get("key_points_en" if view.english else "key_points_zh") or [p for _, p, _ in e.key_points]
    apparatus = [translate(doc.subtitle or ""), " ".join(doc.authors), translate(doc.abstract or ""), keywords,
                 editor, "" if doc.abstract or editor else auto, " ".join(points),
                 " ".join(f"{f.shown}{f.unit} {f.what}" for f in e.figures), terms]
    entries = [["", title, _join(segment, apparatus)]]
    for anchor, head, texts in _section_texts(doc, heading_ids, translate):
        if head or texts:
            entries.append([anchor, html.escape(segment(head or view.ui["body"]), quote=False),
                            _join(segment, texts)])
    return {"tags": tags, "entries": entries}


def term_entries(term, view, segment) -> dict:
    first, second = (term.en, term.zh) if view.english else (term.zh, term.en)
    text = [second, term.pinyin, " ".join(term.aliases), " ".join(term.en_alt),
            term.def_en if view.english else term.def_zh, term.def_zh if view.english else term.def_en]
    return {"tags": [], "entries": [["", html.escape(segment(f"{first} · {second}"), quote=False),
                                     _join(segment, text)]]}

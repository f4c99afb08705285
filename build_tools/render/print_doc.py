"""Print HTML for briefing PDFs, per edition, from the edition's view (build.edition_views)
through the same HTML writer as the web pages (html_doc.py; no Markdown detour): one
document per article (title block, summary, key points and key figures together, the full
text, footnotes, and the glossary terms it uses — tooltips do not print), and a briefing
pack (cover, contents with page numbers, overview of every article, the articles, the
glossary)."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from ..model import Heading, ListBlock, Paragraph, Table
from .html_doc import Html, Footnotes, esc, inline_html, items, join, paragraph, table
from .names import authors_of
from .site_pages import source_parts, title_of
from .view import View

EDITION_NAMES = {"zh-Hans": "简体中文版", "zh-Hant": "繁體中文版", "en": "English edition"}
PACK = "briefing-pack.pdf"   # each edition's pack, in that edition's pdf/ folder
_CSS = Markup((Path(__file__).parent.parent / "data" / "print.css").read_text(encoding="utf-8"))


def _box(title: str, body) -> Markup:
    return Html('<div class="box">\n<h2>{}</h2>\n{}\n</div>').format(title, body)


def _body(article, view: View, notes: Footnotes) -> list[Markup]:
    doc, stem = article.doc, article.source.stem
    text = lambda s: view.text(stem, s)[0]   # noqa: E731
    out = []
    for b in doc.blocks:
        if isinstance(b, Heading):
            out.append(Html("<h{0}>{1}</h{0}>").format(b.level + 1, text(b.text)))
        elif isinstance(b, Paragraph):
            translated, status = view.text(stem, b.text)
            if view.english and status == "ok":
                out.append(paragraph(esc(translated) + join(notes.ref(n) for n in b.notes)))
            else:
                out.append(paragraph(inline_html(b.text, b.notes, b.lead, notes.ref)))
        elif isinstance(b, ListBlock):
            out.append(items([esc(text(t)) for t in b.items], ordered=True))
        elif isinstance(b, Table) and b.rows:
            rows = [[esc(text(c)) if c.strip() else esc(c) for c in row] for row in b.rows]
            out.append(table(rows[0], rows[1:]))
    return out


def _glossary(terms, view: View) -> Markup:
    return Html('<dl class="glossary-list">{}</dl>').format(join(
        Html("<dt>{} · {} <i>{}</i></dt><dd>{}</dd>").format(
            view.han(t.zh), t.en, t.pinyin, t.def_en if view.english else view.han(t.def_zh)) for t in terms))


def article_body(article, view: View, n: int) -> Markup:
    """One article as HTML, for its own PDF or inside a pack (ids prefixed a{n}-)."""
    doc, e, ui, meta, stem = article.doc, article.enriched, view.ui, article.source.meta, article.source.stem
    text = lambda s: view.text(stem, s)[0]   # noqa: E731
    head = [edition_mark(view.code) if n == 1 else Markup(),
            Html('<div class="title-block"><h1 id="a{}">{}</h1>').format(n, title_of(article, view))]
    if doc.subtitle:
        head.append(Html('<p class="subtitle">{}</p>').format(text(doc.subtitle)))
    head.append(Html('<p class="meta">{}</p></div>').format(join(source_parts(article, view), " · ")))
    boxes = []
    if doc.abstract:
        boxes.append(_box(ui["author_abstract"], paragraph(esc(text(doc.abstract)))))
    editor = meta.get("summary_en" if view.english else "summary_zh")
    summary = [paragraph(esc(editor))] if editor else [paragraph(esc(s)) for s, _ in e.summary]
    boxes.append(_box(ui["summary"], join(summary, "\n")))
    points = meta.get("key_points_en" if view.english else "key_points_zh") or [p for _, p, _ in e.key_points]
    if points:
        boxes.append(_box(ui["key_points"], items([esc(p) for p in points])))
    if e.figures:
        from .article_page import figure_cells
        boxes.append(_box(ui["key_figures"], table([esc(h) for h in ui["figure_columns"]],
                                                   [figure_cells(f, view) for f in e.figures])))
    notes = Footnotes(doc.footnotes, f"a{n}-", ui["footnote_back"])
    body = [Html('<div class="apparatus">\n{}\n</div>').format(join(boxes, "\n")), *_body(article, view, notes)]
    body.append(notes.section([(f.mark, esc(text(f.text))) for f in doc.footnotes]))
    used = [t for t in article.terms if e.term_counts.get(t.zh)]
    if used:
        body.append(Html("<h2>{}</h2>\n{}").format(ui["glossary"], _glossary(used, view)))
    body.append(_citation(article, view))
    return join(head) + join(body, "\n")


def _citation(article, view: View) -> Markup:
    """How to cite, as on the page (cite.py): the GB/T 7714 reference, the access-date
    rule and the BibTeX and RIS records."""
    from .cite import gbt7714, page_address, bibtex, ris, work_of
    ui = view.ui
    w = work_of(article, view, page_address(view, article.source.slug), view.site_name)
    records = join(Html('<p class="record-name">{}</p><pre class="record">{}</pre>').format(name, text)
                   for name, text in (("BibTeX", bibtex(w, article.source.slug)), ("RIS", ris(w).replace("\r", ""))))
    rule = Html("<p>{}</p>").format(ui["cite_rule"]) if w.url else ""   # no address: no access date
    return Html('<div class="citation"><h2>{}</h2><p><strong>{}</strong> {}</p>{}{}</div>').format(
        ui["cite"], ui["cite_gbt"], gbt7714(w, ui["access_date"]), rule, records)


def document(title: str, view: View, body: Markup, author: str = "", created: str = "") -> str:
    metas = Html('<meta name="author" content="{}">').format(author) if author else Markup()
    if created:
        metas += Html('<meta name="dcterms.created" content="{0}"><meta name="dcterms.modified" content="{0}">').format(
            created)
    return str(Html('<!doctype html><html lang="{}"><head><meta charset="utf-8"><title>{}</title>'
                      "{}<style>{}</style></head><body>{}</body></html>").format(view.code, title, metas, _CSS, body))


def edition_mark(edition: str) -> Markup:
    """Names the edition in the page margin (CSS string-set); goes inside the first section."""
    return Html('<div class="edition-name">{}</div>').format(EDITION_NAMES[edition])


def pack_body(articles, view: View, date_text: str) -> Markup:
    ui = view.ui
    out = [Html('<section class="cover">{0}<h1>{1}</h1><p class="edition">{2}</p><p class="date">{3}</p>'
                  "</section>").format(edition_mark(view.code), view.site_name, EDITION_NAMES[view.code], date_text)]
    toc = join(Html('<li><a href="#a{}">{}</a></li>').format(n, title_of(a, view)) for n, a in enumerate(articles, 1))
    out.append(Html('<section class="toc"><h2>{}</h2><ul>{}</ul></section>').format(ui["articles"], toc))
    overview = []
    for a in articles:
        editor = a.source.meta.get("summary_en" if view.english else "summary_zh")
        summary = editor or "".join(s for s, _ in a.enriched.summary)
        overview.append(Html("<h3>{}</h3><p>{}</p>").format(title_of(a, view), summary))
    out.append(Html('<section class="overview"><h2>{}</h2>{}</section>').format(ui["summary"], join(overview)))
    for n, a in enumerate(articles, 1):
        out.append(Html('<section class="article">{}</section>').format(article_body(a, view, n)))
    terms = sorted({t.zh: t for a in articles for t in a.terms if a.enriched.term_counts.get(t.zh)}.values(),
                   key=lambda t: t.en.lower() if view.english else t.slug)
    out.append(Html('<section class="article"><h1>{}</h1>{}</section>').format(ui["glossary"], _glossary(terms, view)))
    return join(out)


def print_documents(settings, views: dict) -> dict[str, str]:
    """Print HTML for every PDF of every edition, keyed by its path below docs/; `views`:
    build.edition_views."""
    from ..editions import EDITIONS
    out = {}
    for ed in EDITIONS:
        view, articles = views[ed.code]
        dates = [a.source.meta["date"] for a in articles if a.source.meta.get("date")]
        date_text = max(dates).isoformat() if dates else ""
        for a in articles:
            created = a.source.meta["date"].isoformat() if a.source.meta.get("date") else ""
            authors = view.ui["separator"].join(x.shown for x in authors_of(a, view))
            out[f"{ed.prefix}pdf/{a.source.slug}.pdf"] = document(title_of(a, view), view, article_body(a, view, 1),
                                                                  authors, created)
        out[f"{ed.prefix}pdf/{PACK}"] = document(view.site_name, view, pack_body(articles, view, date_text),
                                                 created=date_text)
    return out

"""Print HTML for briefing PDFs, per edition: one document per article (title block,
summary, key points and key figures together, the full text, footnotes, and the glossary
terms it uses — tooltips do not print), and a briefing pack (cover, contents with page
numbers, overview of every article, the articles, the glossary)."""
from __future__ import annotations

import html
import re
from pathlib import Path

import markdown

from ..model import Heading, ListBlock, Paragraph, Table
from .markdown_doc import escape, inline, table_markdown
from .site_pages import source_parts, title_of
from .view import View

EDITION_NAMES = {"zh-Hans": "简体中文版", "zh-Hant": "繁体中文版", "en": "English edition"}
_CSS = (Path(__file__).parent.parent / "data" / "print.css").read_text(encoding="utf-8")


def _md(text: str, prefix: str) -> str:
    """Markdown to HTML; footnote ids prefixed so that articles in a pack do not collide."""
    out = markdown.markdown(text, extensions=["footnotes", "tables", "attr_list", "md_in_html"])
    return re.sub(r'(id="|href="#)(fn|fnref):', rf"\1{prefix}-\2:", out)


def _meta_line(article, view: View) -> str:
    return " · ".join(source_parts(article, view))


def article_body(article, view: View, n: int, edition: str = "") -> str:
    """One article as HTML (a <section>), for its own PDF or inside a pack."""
    doc, e, ui, meta, stem = article.doc, article.enriched, view.ui, article.source.meta, article.source.stem
    text = lambda s: view.text(stem, s)[0]   # noqa: E731
    parts = [edition_mark(edition or view.code) if n == 1 else "", f'<div class="title-block"><h1 id="a{n}">{html.escape(title_of(article, view))}</h1>']
    if doc.subtitle:
        parts.append(f'<p class="subtitle">{html.escape(text(doc.subtitle))}</p>')
    parts.append(f'<p class="meta">{_meta_line(article, view)}</p></div>')
    boxes = []
    if doc.abstract:
        boxes.append((ui["author_abstract"], escape(text(doc.abstract))))
    editor = meta.get("summary_en" if view.english else "summary_zh")
    summary = escape(editor) if editor else "\n\n".join(escape(s) for s, _ in e.summary)
    boxes.append((ui["summary"], summary))
    points = meta.get("key_points_en" if view.english else "key_points_zh") or [p for _, p, _ in e.key_points]
    if points:
        boxes.append((ui["key_points"], "\n".join(f"- {escape(p)}" for p in points)))
    if e.figures:
        from .article_page import figure_cells
        rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in figure_cells(f, view)) + "</tr>" for f in e.figures)
        head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in ui["figure_columns"])
        boxes.append((ui["key_figures"], f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"))
    apparatus = "".join(f'<div class="box" markdown="1">\n\n## {escape(t)}\n\n{b}\n\n</div>\n' for t, b in boxes)
    body = [f'<div class="apparatus" markdown="1">\n{apparatus}\n</div>']
    for b in doc.blocks:
        if isinstance(b, Heading):
            body.append("#" * (b.level + 1) + " " + escape(text(b.text)))
        elif isinstance(b, Paragraph):
            translated, status = view.text(stem, b.text)
            if view.english and status == "ok":
                body.append(escape(translated) + "".join(f"[^{x.mark}]" for x in b.notes))
            else:
                body.append(inline(b.text, b.notes, b.lead))
        elif isinstance(b, ListBlock):
            body.append("\n".join(f"{i}. {escape(text(t))}" for i, t in enumerate(b.items, 1)))
        elif isinstance(b, Table):
            body.append(table_markdown([[text(c) if c.strip() else c for c in row] for row in b.rows]))
    body += [f"[^{f.mark}]: {escape(text(f.text))}" for f in doc.footnotes]
    used = [t for t in article.terms if e.term_counts.get(t.zh)]
    if used:
        items = "".join(f"<dt>{html.escape(t.zh)} · {html.escape(t.en)} <i>{html.escape(t.pinyin)}</i></dt>"
                        f"<dd>{html.escape(t.def_en if view.english else t.def_zh)}</dd>" for t in used)
        body.append(f'## {escape(ui["glossary"])}\n\n<dl class="glossary-list">{items}</dl>')
    body.append(_citation(article, view))
    return "".join(parts) + _md("\n\n".join(body), f"a{n}")


def _citation(article, view: View) -> str:
    """How to cite, as on the page (cite.py): the GB/T 7714 reference, the access-date
    rule and the BibTeX and RIS records."""
    from .cite import gbt7714, page_address, bibtex, ris, work_of
    ui = view.ui
    w = work_of(article, view, page_address(view, article.source.slug), view.site_name)
    records = "".join(f'<p class="record-name">{name}</p><pre class="record">{html.escape(text)}</pre>'
                      for name, text in (("BibTeX", bibtex(w, article.source.slug)), ("RIS", ris(w).replace("\r", ""))))
    return (f'<div class="citation"><h2>{html.escape(ui["cite"])}</h2>'
            f'<p><strong>{html.escape(ui["cite_gbt"])}</strong> {html.escape(gbt7714(w, ui["access_date"]))}</p>'
            f'<p>{html.escape(ui["cite_rule"])}</p>{records}</div>')


def document(title: str, view: View, body: str, author: str = "", created: str = "") -> str:
    lang = view.code
    metas = f'<meta name="author" content="{html.escape(author, quote=True)}">' if author else ""
    if created:
        metas += f'<meta name="dcterms.created" content="{created}"><meta name="dcterms.modified" content="{created}">'
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"{metas}<style>{_CSS}</style></head><body>{body}</body></html>")


def edition_mark(edition: str) -> str:
    """Names the edition in the page margin (CSS string-set); goes inside the first section."""
    return f'<div class="edition-name">{EDITION_NAMES[edition]}</div>'


def pack_body(articles, view: View, site_name: str, date_text: str, edition: str = "") -> str:
    """`edition`: the one the PDF is for (zh-Hant is the zh-Hans view converted afterwards)."""
    edition = edition or view.code
    ui = view.ui
    out = [f'<section class="cover">{edition_mark(edition)}<h1>{html.escape(site_name)}</h1>'
           f'<p class="edition">{EDITION_NAMES[edition]}</p><p class="date">{html.escape(date_text)}</p></section>']
    toc = "".join(f'<li><a href="#a{n}">{html.escape(title_of(a, view))}</a></li>' for n, a in enumerate(articles, 1))
    out.append(f'<section class="toc"><h2>{html.escape(ui["articles"])}</h2><ul>{toc}</ul></section>')
    overview = []
    for a in articles:
        editor = a.source.meta.get("summary_en" if view.english else "summary_zh")
        summary = editor or "".join(s for s, _ in a.enriched.summary)
        overview.append(f"<h3>{html.escape(title_of(a, view))}</h3><p>{html.escape(summary)}</p>")
    out.append(f'<section class="overview"><h2>{html.escape(ui["summary"])}</h2>{"".join(overview)}</section>')
    for n, a in enumerate(articles, 1):
        out.append(f'<section class="article">{article_body(a, view, n, edition)}</section>')
    terms = sorted({t.zh: t for a in articles for t in a.terms if a.enriched.term_counts.get(t.zh)}.values(),
                   key=lambda t: t.en.lower() if view.english else t.slug)
    items = "".join(f"<dt>{html.escape(t.zh)} · {html.escape(t.en)} <i>{html.escape(t.pinyin)}</i></dt>"
                    f"<dd>{html.escape(t.def_en if view.english else t.def_zh)}</dd>" for t in terms)
    out.append(f'<section class="article"><h1>{html.escape(ui["glossary"])}</h1><dl class="glossary-list">{items}</dl></section>')
    return "".join(out)

"""One article page for an edition: title and source, the briefing apparatus (abstract,
summary, key points, key figures, related articles), then the full text. The English page
sets each paragraph beside its Chinese original (shown with the parallel-view switch)."""
from __future__ import annotations

import html

from ..model import Heading, ListBlock, Paragraph, Table
from .markdown_doc import block_markdown, escape, inline, table_markdown
from .site_pages import admonition, description_of, front_matter, source_line, status_badge, term_span, title_of
from .view import View

GLOSSARY = "../glossary/"   # relative to articles/<slug>.md; MkDocs turns .md links into URLs


def _apparatus(article, view: View) -> list[str]:
    doc, e, ui, meta = article.doc, article.enriched, view.ui, article.source.meta
    stem = article.source.stem
    out = []
    if doc.abstract:
        text, status = view.text(stem, doc.abstract)
        marks = e.marks.get(-1, []) if status == "ok" and not view.english else []
        body = inline(text, spans=[term_span(m, GLOSSARY) for m in marks]) + status_badge(status, view)
        if doc.keywords:
            body += f"\n\n**{ui['keywords']}{ui['colon'].strip()}** " + " · ".join(
                escape(view.text(stem, k)[0]) for k in doc.keywords)
        out.append(admonition("abstract", ui["author_abstract"], body))
    extract = "\n\n".join(f"{escape(s)} [↩](#{a})" for s, a in e.summary)
    editor = meta.get("summary_en" if view.english else "summary_zh")
    if editor:
        out.append(admonition("summary", ui["summary"], escape(editor)))
        out.append(admonition("quote", ui["extract"], extract, collapsed=True))
    elif extract:
        out.append(admonition("summary", ui["auto_summary"], extract))
    points = meta.get("key_points_en" if view.english else "key_points_zh")
    if points:
        items = [f"- {escape(p)}" for p in points]
    else:
        items = []
        for section, point, anchor in e.key_points:
            head = escape(view.text(stem, section)[0]) if section else ""
            items.append(f"- **{head}{ui['colon'].strip()}** {escape(point)} [↩](#{anchor})" if head
                         else f"- {escape(point)} [↩](#{anchor})")
    if items:
        out.append(admonition("tip", ui["key_points"], "\n".join(items)))
    if e.figures:
        units = ui.get("units", {})
        rows = [[f"[{escape(f.value)}](#{e.anchors[f.block]})", escape(units.get(f.unit, f.unit)),
                 escape(f.year), escape(f.what), escape(f.phrase)] for f in e.figures]
        head = ui["figure_columns"]
        md = ["| " + " | ".join(head) + " |", "| ---: | --- | --- | --- | --- |"]
        md += ["| " + " | ".join(c or " " for c in r) + " |" for r in rows]
        out.append(admonition("note", ui["key_figures"], "\n".join(md)))
    if e.related:
        items = []
        for other, _, shared in e.related:
            names = [t.en if view.english else t.zh for t in shared]
            why = ui["separator"].join(escape(n) for n in names) or ui["similar_text"]
            items.append(f"- [{escape(title_of(other, view))}]({other.source.slug}.md){ui['colon']}"
                         f"{ui['shared_terms']} {why}")
        out.append(admonition("info", ui["related"], "\n".join(items)))
    return out


def _paragraph_zh(article, i: int, b: Paragraph, notes: bool = True) -> str:
    e = article.enriched
    spans = [term_span(m, GLOSSARY) for m in e.marks.get(i, [])]
    return inline(b.text, b.notes if notes else [], b.lead, spans=spans)


def _block_en(article, view: View, i: int, b) -> str:
    stem = article.source.stem
    if isinstance(b, Heading):
        text, status = view.text(stem, b.text)
        return "#" * (b.level + 1) + " " + escape(text) + status_badge(status, view)
    if isinstance(b, ListBlock):
        return "\n".join(f"{n}. {escape(view.text(stem, t)[0])}" for n, t in enumerate(b.items, 1))
    if isinstance(b, Table):
        return table_markdown([[view.text(stem, c)[0] if c.strip() else c for c in row] for row in b.rows])
    text, status = view.text(stem, b.text)
    anchor = article.enriched.anchors[i]
    if status == "ok":
        # footnote references go at the end of the translated paragraph, in order
        en = escape(text) + "".join(f"[^{n.mark}]" for n in b.notes)
    else:
        en = _paragraph_zh(article, i, b) + status_badge(status, view)
    # The Chinese column carries no footnote references: the English side has them.
    zh = _paragraph_zh(article, i, b, notes=False) if status == "ok" else ""
    return (f'<div class="parallel" id="{anchor}" markdown>\n<div class="zh" lang="zh-Hans" markdown>\n\n'
            f'{zh}\n\n</div>\n<div class="en" lang="en" markdown>\n\n{en}\n\n</div>\n</div>')


def article_page(article, view: View) -> str:
    doc, e, ui = article.doc, article.enriched, view.ui
    title = title_of(article, view)
    meta = {"title": title, "description": description_of(article, view)}
    if e.tags:
        meta["tags"] = [view.tag(t) for t in e.tags]
    out = [front_matter(meta), f"# {escape(title)}"]
    if doc.subtitle:
        sub = view.text(article.source.stem, doc.subtitle)[0]
        out.append(f'<p class="briefing-subtitle">{html.escape(sub)}</p>')
    out.append(source_line(article, view))
    if view.pdf:
        out.append(f"[{ui['download_pdf']}](../pdf/{article.source.slug}.pdf){{ .md-button }}")
    if view.english and not any(view.text(article.source.stem, b.text)[1] == "ok"
                                for b in doc.blocks if isinstance(b, Paragraph)):
        out.append(admonition("warning", ui["missing"], ui["no_translation"]))
    out += _apparatus(article, view)
    out.append(f"## {ui['body']}")
    if view.english:
        out.append('<div class="parallel-switch"><input type="checkbox" id="parallel-toggle" class="parallel-toggle">'
                   f'<label for="parallel-toggle" class="parallel-label">{html.escape(ui["parallel"])}</label></div>')
    body_start = len(out)
    for i, b in enumerate(doc.blocks):
        if view.english:
            out.append(_block_en(article, view, i, b))
        elif isinstance(b, Paragraph):
            out.append(_paragraph_zh(article, i, b) + f"\n{{: #{e.anchors[i]} }}")
        else:
            out.append(block_markdown(b, heading_offset=1))
    if view.search_body_chars is not None:
        _exclude_from_search(out, body_start, view.search_body_chars)
    if doc.metadata:
        labels = ui["meta_labels"]
        rows = [f"| {escape(labels.get(k, k))} | {escape(v)} |" for k, v in doc.metadata.items()]
        head = ui["bib_columns"]
        out.append(f"## {ui['bibliographic']}\n\n| {head[0]} | {head[1]} |\n| --- | --- |\n" + "\n".join(rows))
    used = [t for t in article.terms if e.term_counts.get(t.zh)]
    if used:  # tooltips do not print: the printed page lists its terms at the end
        items = "".join(f"<dt>{html.escape(t.en if view.english else t.zh)} · "
                        f"{html.escape(t.zh if view.english else t.en)}</dt>"
                        f"<dd>{html.escape(t.def_en if view.english else t.def_zh)}</dd>" for t in used)
        out.append(f'<div class="print-only"><h2>{html.escape(ui["glossary"])}</h2><dl>{items}</dl></div>')
    for f in doc.footnotes:
        out.append(f"[^{f.mark}]: {escape(view.text(article.source.stem, f.text)[0])}")
    return "\n\n".join(p for p in out if p) + "\n"


def _exclude_from_search(out: list[str], start: int, budget: int) -> None:
    """Wrap the body past `budget` characters in a block Material's search leaves out."""
    used, cut = 0, None
    for k in range(start, len(out)):
        used += len(out[k])
        if used > budget:
            cut = k + 1
            break
    if cut is not None and cut < len(out):
        rest = "\n\n".join(out[cut:])
        del out[cut:]
        out.append(f'<div data-search-exclude markdown="1">\n\n{rest}\n\n</div>')

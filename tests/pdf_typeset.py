"""Typeset a document (the JSON shape of `briefing clean --format json`) as a journal-style
PDF with the real WeasyPrint, so that the PDF reader can be scored against the document it
came from. Layouts vary the evidence the reader has to use: 1-3 columns, running headers,
folio styles, first-line indents or paragraph gaps, footnotes at the page foot, tables.

    typeset(doc, Layout(columns=2, header="国际展望 2024年第4期", folio="— {} —")) -> PDF bytes
    expected(doc, layout, pages) -> the document the reader should give back
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

FOLIOS = ("— {} —", "· {} ·", "第 {} 页", "{}")


@dataclass
class Layout:
    columns: int = 2
    header: str | None = "国际经济评论 2024年第4期"
    folio: str | None = "— {} —"
    indent: bool = True          # first-line indent; False: a gap between paragraphs
    body_pt: float = 10
    page: str = "A4"


_MARK = re.compile(r"\[\^(\d+)\]")


def _inline(text: str, notes: dict[str, str]) -> str:
    """Escape source text; a [^N] reference becomes a WeasyPrint footnote."""
    out, last = [], 0
    for m in _MARK.finditer(text):
        out.append(html.escape(text[last:m.start()]))
        if m.group(1) in notes:
            out.append(f'<span class="fn">{html.escape(notes[m.group(1)])}</span>')
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def html_of(doc: dict, layout: Layout) -> str:
    notes = {f["mark"]: f["text"] for f in doc.get("footnotes", [])}
    e = html.escape
    margin = []
    if layout.header:
        margin.append(f'@top-center {{ content: "{e(layout.header)}"; font-size: 8pt; '
                      'border-bottom: 0.5pt solid #444; vertical-align: bottom; padding-bottom: 2pt }')
    if layout.folio:
        before, _, after = layout.folio.partition("{}")
        margin.append(f'@bottom-center {{ content: "{before}" counter(page) "{after}"; font-size: 8pt }}')
    para = "text-indent: 2em; margin: 0" if layout.indent else "text-indent: 0; margin: 0 0 0.7em"
    css = f"""
@page {{ size: {layout.page}; margin: 22mm 18mm 24mm; {' '.join(margin)} }}
html {{ font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: {layout.body_pt}pt;
       line-height: 1.55; text-align: justify; overflow-wrap: anywhere }}
h1 {{ font-size: 2.1em; text-align: center; margin: 0 0 0.4em; line-height: 1.3 }}
.subtitle {{ font-size: 1.3em; text-align: center; margin: 0 0 0.5em }}
.authors {{ font-size: 1.1em; text-align: center; margin: 0 0 1em }}
.front {{ font-size: 0.9em; margin: 0 1.5em 1.2em; text-indent: 0 }}
.front p {{ text-indent: 0; margin: 0 0 0.3em }}
.body {{ columns: {layout.columns}; column-gap: 7mm }}
h2 {{ font-size: 1.35em; font-weight: bold; margin: 0.8em 0 0.4em; line-height: 1.35; text-align: left }}
h3 {{ font-size: 1.12em; font-weight: bold; margin: 0.6em 0 0.3em; line-height: 1.35; text-align: left }}
p {{ {para} }}
ol {{ margin: 0.3em 0; padding-left: 2em }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.85em; margin: 0.6em 0; text-align: left }}
td {{ border: 0.5pt solid #333; padding: 2pt; vertical-align: top }}
.fn {{ float: footnote; font-size: 0.75em; text-indent: 0; line-height: 1.4; text-align: left }}
::footnote-call {{ content: counter(footnote); vertical-align: super; font-size: 0.6em; line-height: 0 }}
::footnote-marker {{ content: counter(footnote) ". " }}
"""
    parts = [f"<!doctype html><html lang='zh-Hans'><head><meta charset='utf-8'><style>{css}</style></head><body>"]
    if doc.get("title"):
        parts.append(f"<h1>{e(doc['title'])}</h1>")
    if doc.get("subtitle"):
        parts.append(f"<p class='subtitle'>{e(doc['subtitle'])}</p>")
    if doc.get("authors"):
        parts.append(f"<p class='authors'>{e('　'.join(doc['authors']))}</p>")
    front = []
    if doc.get("abstract"):
        front.append(f"<p>摘要：{e(doc['abstract'])}</p>")
    if doc.get("keywords"):
        front.append(f"<p>关键词：{e('；'.join(doc['keywords']))}</p>")
    if front:
        parts.append(f"<div class='front'>{''.join(front)}</div>")
    parts.append("<div class='body'>")
    for b in doc.get("blocks", []):
        kind = b["type"]
        if kind == "heading":
            tag = "h2" if b["level"] == 1 else "h3"
            parts.append(f"<{tag}>{_inline(b['text'], notes)}</{tag}>")
        elif kind == "paragraph":
            parts.append(f"<p>{_inline(b['text'], notes)}</p>")
        elif kind == "list":
            parts.append("<ol>" + "".join(f"<li>{_inline(t, notes)}</li>" for t in b["items"]) + "</ol>")
        elif kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{_inline(c, notes)}</td>" for c in row) + "</tr>"
                           for row in b["rows"])
            parts.append(f"<table>{rows}</table>")
    parts.append("</div></body></html>")
    return "".join(parts)


def typeset(doc: dict, layout: Layout) -> bytes:
    from weasyprint import HTML
    return HTML(string=html_of(doc, layout)).write_pdf()


def expected(doc: dict, layout: Layout, pages: int) -> dict:
    """The document the reader should give back: the source document, with the page
    furniture the layout added listed as removed (what tests/scoring.py checks for leaks)."""
    gold = {k: v for k, v in doc.items() if k != "removed"}
    gold["metadata"] = {}
    removed = []
    for n in range(1, pages + 1):
        if layout.header:
            removed.append({"text": layout.header, "reason": "running header", "line": n})
        if layout.folio:
            removed.append({"text": layout.folio.format(n), "reason": "page number", "line": n})
    gold["removed"] = removed
    return gold

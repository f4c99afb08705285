"""Typeset a document (the JSON shape of `briefing clean --format json`) as a journal-like
PDF with WeasyPrint, in one of several layouts, and say which page furniture it printed.

The furniture list is the gold `removed` of the typeset document: what a cleaner must drop
(mastheads, running headers and footers, folios, section banners). Layouts vary the things
that broke the cleaner on unseen documents: 1/2/3 columns, running headers of several
styles, page-1 mastheads and banners, folio styles, abstract boxes, title blocks with
subtitles and author lines.

    from benchmarks.corpus.typeset import Layout, typeset
    pdf_bytes, furniture = typeset(doc, Layout(columns=2, header="journal", folio="dash"))
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Folio styles: CSS content for the page counter, and the text each page prints.
FOLIOS = {
    "dash": ('"— " counter(page) " —"', "— {n} —"),
    "dot": ('"· " counter(page) " ·"', "· {n} ·"),
    "cn": ('"第 " counter(page) " 页"', "第 {n} 页"),
    "plain": ("counter(page)", "{n}"),
    "of": ('"第 " counter(page) " 页 共 " counter(pages) " 页"', "第 {n} 页 共 {m} 页"),
    "none": (None, None),
}


@dataclass(frozen=True)
class Layout:
    columns: int = 1
    # Running header on pages after the first: "journal" ("刊名 YYYY年第N期" on every page),
    # "alternate" (journal name on even pages, the title on odd ones), "issue" ("第 N 期"
    # alone), "none"; styles the corpus does not use (build.py --new-furniture): "total"
    # ("刊名  YYYY年第N期（总第T期）"), "footer" (the journal name in the footer, left of
    # the folio, on every page).
    header: str = "journal"
    folio: str = "dash"
    # Page-1 top: "masthead" (journal name line + "YYYY年第N期" line), "banner" (a section
    # banner such as "专题研究"), "both", "none"; not in the corpus: "dated" (journal name
    # line + "第N期  YYYY年M月D日" line, a newsletter's).
    top: str = "masthead"
    journal: str = "法治研究通讯"
    year: int = 2023
    issue: int = 3
    banner: str = "专题研究"
    first_folio: int = 1      # a journal article starts mid-issue
    page: str = "185mm 260mm"
    font_size: str = "10.5pt"
    abstract_box: bool = True

    @property
    def issue_line(self) -> str:
        return f"{self.year}年第{self.issue}期"

    @property
    def total_line(self) -> str:
        return f"{self.issue_line}（总第{(self.year - 2000) * 12 + self.issue}期）"

    @property
    def dated_line(self) -> str:
        return f"第{self.issue}期  {self.year}年{self.issue}月{8 + self.issue}日"


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def _css_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_MARK = re.compile(r"\[\^(\d+)\]")


def _with_footnotes(text: str, notes: dict) -> str:
    """A paragraph whose [^k] markers become a circled mark in the text and the note's
    text floated to the foot of the page, after the same mark (as journals print them)."""
    out, pos = [], 0
    for m in _MARK.finditer(text):
        sym = CIRCLED[int(m.group(1)) - 1]
        out += [_e(text[pos:m.start()]), sym,
                f"<span class='fn'>{sym}{_e(notes.get(m.group(1), ''))}</span>"]
        pos = m.end()
    out.append(_e(text[pos:]))
    return "".join(out)


def _html(doc: dict, lay: Layout) -> str:
    folio_css = FOLIOS[lay.folio][0]
    header = {
        "journal": f"@top-center {{ content: {_css_string(lay.journal + '  ' + lay.issue_line)}; }}",
        "issue": f"@top-right {{ content: {_css_string(f'第 {lay.issue} 期')}; }}",
        "total": f"@top-center {{ content: {_css_string(lay.journal + '  ' + lay.total_line)}; }}",
        "footer": f"@bottom-left {{ content: {_css_string(lay.journal)}; font-size: 8pt; }}",
        "none": "",
    }.get(lay.header, "")
    alt = ""
    if lay.header == "alternate":
        alt = (f"@page :left {{ @top-left {{ content: {_css_string(lay.journal)}; }} }}\n"
               f"@page :right {{ @top-right {{ content: {_css_string(doc.get('title') or lay.journal)}; }} }}")
    footer = (f"@bottom-{'right' if lay.header == 'footer' else 'center'} {{ content: {folio_css}; }}"
              if folio_css else "")
    css = f"""
    @page {{ size: {lay.page}; margin: 22mm 18mm 20mm 18mm;
             @top-center {{ font-size: 8pt; }} {header} {footer} }}
    {alt}
    @page :first {{ counter-increment: page {lay.first_folio}; @top-center {{ content: none; }} @top-left {{ content: none; }}
                    @top-right {{ content: none; }} }}
    @page {{ @top-left {{ font-size: 8pt; }} @top-right {{ font-size: 8pt; }}
             @bottom-center {{ font-size: 8pt; }} }}
    html {{ font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: {lay.font_size};
            line-height: 1.45; }}
    .masthead {{ font-family: "Noto Sans CJK SC"; font-size: 9pt; border-bottom: 1px solid #000;
                 margin-bottom: 6mm; }}
    .banner {{ font-family: "Noto Sans CJK SC"; font-weight: bold; font-size: 11pt; margin-bottom: 4mm; }}
    h1 {{ font-family: "Noto Sans CJK SC"; font-size: 18pt; text-align: center; margin: 0 0 3mm;
          line-height: 1.35; }}
    .subtitle {{ text-align: center; font-size: 11pt; margin: 0 0 3mm; }}
    .authors {{ text-align: center; font-family: "Noto Sans CJK SC"; margin: 0 0 5mm; }}
    .abstract {{ border: 1px solid #000; padding: 2mm 3mm; font-size: 9pt; margin: 0 0 5mm; }}
    .body {{ column-count: {lay.columns}; column-gap: 9mm; text-align: justify; }}
    h2, h3, h4 {{ font-family: "Noto Sans CJK SC"; font-size: 11pt; margin: 3mm 0 1mm; }}
    h3 {{ font-size: 10.5pt; }} h4 {{ font-size: 10.5pt; font-weight: normal; }}
    p {{ text-indent: 2em; margin: 0; }}
    ol {{ margin: 0; padding-left: 2em; }}
    .fn {{ float: footnote; font-size: 8pt; text-indent: 0; }}
    ::footnote-call {{ content: ""; }} ::footnote-marker {{ content: ""; }}
    @page {{ @footnote {{ border-top: 0.5pt solid #000; margin-top: 3mm; }} }}
    .keywords {{ margin-top: 1mm; }}
    """
    out = ["<!DOCTYPE html><html lang='zh-Hans'><head><meta charset='utf-8'><style>", css, "</style></head><body>"]
    if lay.top in ("masthead", "both", "dated"):
        second = lay.dated_line if lay.top == "dated" else lay.issue_line
        out.append(f"<div class='masthead'><div>{_e(lay.journal)}</div><div>{_e(second)}</div></div>")
    if lay.top in ("banner", "both"):
        out.append(f"<div class='banner'>{_e(lay.banner)}</div>")
    if doc.get("title_lines"):     # a newsletter's "刊名（第 N 期）" over "：正题"
        out.append("<h1>" + "<br>".join(_e(t) for t in doc["title_lines"]) + "</h1>")
    elif doc.get("title"):
        out.append(f"<h1>{_e(doc['title'])}</h1>")
    if doc.get("subtitle"):
        out.append(f"<div class='subtitle'>{_e(doc['subtitle'])}</div>")
    if doc.get("authors"):
        out.append(f"<div class='authors'>{_e('  '.join(doc['authors']))}</div>")
    if doc.get("abstract") and lay.abstract_box:
        kw = ""
        if doc.get("keywords"):
            kw = f"<div class='keywords'>关键词：{_e('；'.join(doc['keywords']))}</div>"
        out.append(f"<div class='abstract'>摘要：{_e(doc['abstract'])}{kw}</div>")
    out.append("<div class='body'>")
    notes = {f["mark"]: f["text"] for f in doc.get("footnotes", [])}
    for b in doc.get("blocks", []):
        kind = b.get("type")
        if kind == "heading":
            tag = f"h{min(4, b.get('level', 1) + 1)}"
            out.append(f"<{tag}>{_e(b['text'])}</{tag}>")
        elif kind == "list":
            out.append("<ol>" + "".join(f"<li>{_e(i)}</li>" for i in b["items"]) + "</ol>")
        elif kind == "table":
            out.append("<table>" + "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>"
                                           for row in b["rows"]) + "</table>")
        else:
            out.append(f"<p>{_with_footnotes(b.get('text', ''), notes)}</p>")
    out.append("</div></body></html>")
    return "\n".join(out)


def typeset(doc: dict, lay: Layout) -> tuple[bytes, list[dict]]:
    """PDF bytes and the furniture printed: [{"text", "reason"}] (one entry per printing)."""
    from weasyprint import HTML
    rendered = HTML(string=_html(doc, lay)).render()
    pages = len(rendered.pages)
    furniture: list[dict] = []
    if lay.top in ("masthead", "both"):
        furniture += [{"text": lay.journal, "reason": "banner (masthead)"},
                      {"text": lay.issue_line, "reason": "banner (masthead)"}]
    if lay.top == "dated":
        furniture += [{"text": lay.journal, "reason": "banner (masthead)"},
                      {"text": lay.dated_line, "reason": "banner (masthead)"}]
    if lay.top in ("banner", "both"):
        furniture.append({"text": lay.banner, "reason": "banner (section)"})
    for n in range(lay.first_folio, lay.first_folio + pages):
        later = n > lay.first_folio
        if later and lay.header == "journal":
            furniture.append({"text": lay.journal + lay.issue_line, "reason": "running header"})
        elif later and lay.header == "issue":
            furniture.append({"text": f"第 {lay.issue} 期", "reason": "running header"})
        elif later and lay.header == "total":
            furniture.append({"text": lay.journal + lay.total_line, "reason": "running header"})
        elif lay.header == "footer":
            furniture.append({"text": lay.journal, "reason": "running footer"})
        elif later and lay.header == "alternate":  # page 1 is a right page
            left = (n - lay.first_folio) % 2 == 1
            furniture.append({"text": lay.journal if left else (doc.get("title") or lay.journal),
                              "reason": "running header"})
        if FOLIOS[lay.folio][1]:
            furniture.append({"text": FOLIOS[lay.folio][1].format(n=n, m=pages), "reason": "page number"})
    return rendered.write_pdf(), furniture

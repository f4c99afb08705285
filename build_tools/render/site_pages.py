"""Site pages as Markdown files: one per article (briefing apparatus, then the full text),
the article list and the home page. Source text goes through escape()/inline() (Markdown)
or html.escape (inside HTML)."""
from __future__ import annotations

import html
from collections import Counter

import yaml

from ..model import Heading, Paragraph
from .markdown_doc import block_markdown, escape, inline

META_LABELS = {
    "author_bios": "作者简介", "clc": "中图分类号", "document_code": "文献标识码",
    "article_number": "文章编号", "doi": "DOI", "funding": "基金项目", "received": "收稿日期",
}


def front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def indent(md: str) -> str:
    return "\n".join(("    " + ln) if ln else "" for ln in md.split("\n"))


def admonition(kind: str, title: str, body: str) -> str:
    return f'!!! {kind} "{title}"\n\n{indent(body)}'


def term_span(mark, glossary_prefix: str) -> tuple[int, int, str, str]:
    t = mark.term
    tip = html.escape(f"{t.en} — {t.def_en}", quote=True)
    if mark.link:
        return (mark.start, mark.end, f'<a class="glossary-term" href="{glossary_prefix}{t.slug}/" title="{tip}">',
                "</a>")
    return mark.start, mark.end, f'<abbr class="glossary-term" title="{tip}" tabindex="0">', "</abbr>"


def source_line(article) -> str:
    doc, meta = article.doc, article.source.meta
    parts = []
    authors = doc.authors or meta.get("authors") or []
    if authors:
        parts.append(html.escape("作者：" + "、".join(authors)))
    if meta.get("publication"):
        parts.append(html.escape("来源：" + meta["publication"]))
    if meta.get("date"):
        parts.append(html.escape("日期：" + meta["date"].isoformat()))
    if meta.get("url"):
        parts.append(f'<a href="{html.escape(meta["url"], quote=True)}" rel="nofollow noopener">原文链接</a>')
    if not parts:
        parts.append(html.escape(f"来源文件：{article.source.path.name}"))
    return '<p class="briefing-source">' + " · ".join(parts) + "</p>"


def _apparatus(article) -> list[str]:
    doc, e = article.doc, article.enriched
    out = []
    if doc.abstract:
        body = inline(doc.abstract, spans=[term_span(m, "../../glossary/") for m in e.marks.get(-1, [])])
        if doc.keywords:
            body += "\n\n**关键词：** " + " · ".join(escape(k) for k in doc.keywords)
        out.append(admonition("abstract", "作者摘要", body))
    extract = "\n\n".join(f"{escape(s)} [↩](#{a})" for s, a in e.summary)
    if e.editor_summary:
        # The editor's summary leads; the verbatim extract stays one click away.
        out.append(admonition("summary", "内容提要", escape(e.editor_summary)))
        out.append(f'??? quote "原文摘句（自动摘要）"\n\n{indent(extract)}')
    else:
        out.append(admonition("summary", "内容提要（自动摘要，原文摘句）", extract))
    if e.key_points:
        items = []
        for section, point, anchor in e.key_points:
            head = f"**{escape(section)}**：" if section else ""
            items.append(f"- {head}{escape(point)}" + (f" [↩](#{anchor})" if anchor else ""))
        out.append(admonition("tip", "要点", "\n".join(items)))
    if e.figures:
        rows = ["| 数值 | 单位 | 年份 | 指标 | 原文 |", "| ---: | --- | --- | --- | --- |"]
        for f in e.figures:
            rows.append(f"| [{escape(f.value)}](#{e.anchors[f.block]}) | {escape(f.unit)} | "
                        f"{escape(f.year)} | {escape(f.what)} | {escape(f.phrase)} |")
        out.append(admonition("note", "关键数据", "\n".join(rows)))
    if e.related:
        items = []
        for other, _, shared in e.related:
            why = "、".join(escape(t.zh) for t in shared) or "文本相近"
            items.append(f"- [{escape(other.title)}](../{other.source.slug}/)：共同术语 {why}")
        out.append(admonition("info", "相关文章", "\n".join(items)))
    return out


def article_page(article) -> str:
    doc, e = article.doc, article.enriched
    meta = {"title": article.title, "description": article.description}
    if e.tags:
        meta["tags"] = e.tags
    out = [front_matter(meta), f"# {escape(article.title)}"]
    if doc.subtitle:
        out.append(f'<p class="briefing-subtitle">{html.escape(doc.subtitle)}</p>')
    out.append(source_line(article))
    out += _apparatus(article)
    out.append("## 正文" if not any(isinstance(b, Heading) for b in doc.blocks[:1]) else "")
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Paragraph):
            spans = [term_span(m, "../../glossary/") for m in e.marks.get(i, [])]
            out.append(inline(b.text, b.notes, b.lead, spans=spans) + f"\n{{: #{e.anchors[i]} }}")
        else:
            out.append(block_markdown(b, heading_offset=1))
    if doc.metadata:
        rows = [f"| {escape(META_LABELS.get(k, k))} | {escape(v)} |" for k, v in doc.metadata.items()]
        out.append("## 文献信息\n\n| 项目 | 内容 |\n| --- | --- |\n" + "\n".join(rows))
    out += [f"[^{f.mark}]: {escape(f.text)}" for f in doc.footnotes]
    return "\n\n".join(p for p in out if p) + "\n"


def article_index(articles) -> str:
    lines = []
    for a in articles:
        line = f"- [{escape(a.title)}]({a.source.slug}.md)"
        if a.doc.authors:
            line += " · " + escape("、".join(a.doc.authors))
        lines.append(line)
    return front_matter({"title": "文章"}) + "\n# 文章\n\n" + "\n".join(lines) + "\n"


def home_page(articles, terms, site_name: str) -> str:
    out = [front_matter({"title": site_name, "hide": ["navigation", "toc"]}), f"# {escape(site_name)}"]
    out.append(f"本简报收录 {len(articles)} 篇研究文章，每篇附内容提要、要点、关键数据、术语与相关文章。")
    dated = sorted(articles, key=lambda a: (a.source.meta.get("date") is None,
                                            -(a.source.meta["date"].toordinal() if a.source.meta.get("date") else 0)))
    for a in dated:
        out.append(f"## [{escape(a.title)}](articles/{a.source.slug}.md)")
        out.append(source_line(a))
        out.append(escape(a.description))
        if a.enriched.tags:
            out.append("标签：" + " · ".join(f"`{escape(t)}`" for t in a.enriched.tags))
    totals = Counter()
    for a in articles:
        totals.update(a.enriched.term_counts)
    by_zh = {t.zh: t for t in terms}
    top = [f"[{escape(z)}](glossary/{by_zh[z].slug}.md)（{escape(by_zh[z].en)}，{n}）"
           for z, n in sorted(totals.items(), key=lambda x: (-x[1], x[0]))[:20]]
    if top:
        out.append("## 高频术语\n\n" + " · ".join(top))
    return "\n\n".join(out) + "\n"

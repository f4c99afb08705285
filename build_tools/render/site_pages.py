"""Site pages as Markdown files: one per article, and the home page. Every piece of
source text goes through escape()/inline() (Markdown) or html.escape (inside HTML)."""
from __future__ import annotations

import html

import yaml

from ..model import Heading
from .markdown_doc import block_markdown, escape, inline


def front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def _source_line(article) -> str:
    doc, meta = article.doc, article.source.meta
    parts = []
    authors = doc.authors or meta.get("authors") or []
    if authors:
        parts.append("作者：" + "、".join(authors))
    if meta.get("publication"):
        parts.append("来源：" + meta["publication"])
    if meta.get("date"):
        parts.append("日期：" + meta["date"].isoformat())
    if meta.get("url"):
        url = html.escape(meta["url"], quote=True)
        parts.append(f'<a href="{url}" rel="nofollow noopener">原文链接</a>')
        return '<p class="briefing-source">' + " · ".join(
            html.escape(p) if not p.startswith("<a ") else p for p in parts) + "</p>"
    if not parts:
        parts.append(f"来源文件：{article.source.path.name}")
    return '<p class="briefing-source">' + " · ".join(html.escape(p) for p in parts) + "</p>"


def article_page(article) -> str:
    doc = article.doc
    out = [front_matter({"title": article.title, "description": article.description})]
    out.append(f"# {escape(article.title)}")
    if doc.subtitle:
        out.append(f'<p class="briefing-subtitle">{html.escape(doc.subtitle)}</p>')
    out.append(_source_line(article))
    if doc.abstract:
        out.append('!!! abstract "摘要"\n\n    ' + inline(doc.abstract))
    if doc.keywords:
        out.append("**关键词：** " + " · ".join(escape(k) for k in doc.keywords))
    for b in doc.blocks:
        out.append(block_markdown(b, heading_offset=1))
    if doc.metadata:
        rows = [f"| {escape(_META_LABELS.get(k, k))} | {escape(v)} |" for k, v in doc.metadata.items()]
        out.append("## 文献信息\n\n| 项目 | 内容 |\n| --- | --- |\n" + "\n".join(rows))
    out += [f"[^{f.mark}]: {escape(f.text)}" for f in doc.footnotes]
    return "\n\n".join(out) + "\n"


_META_LABELS = {
    "author_bios": "作者简介", "clc": "中图分类号", "document_code": "文献标识码",
    "article_number": "文章编号", "doi": "DOI", "funding": "基金项目", "received": "收稿日期",
}


def home_page(articles, site_name: str) -> str:
    out = [front_matter({"title": site_name}), f"# {escape(site_name)}"]
    out.append(f"共 {len(articles)} 篇文章。")
    for a in articles:
        out.append(f"## [{escape(a.title)}](articles/{a.source.slug}.md)")
        if a.doc.authors:
            out.append(escape("、".join(a.doc.authors)))
        out.append(inline(a.description))
    return "\n\n".join(out) + "\n"


def first_heading(doc) -> str | None:
    return next((b.text for b in doc.blocks if isinstance(b, Heading)), None)


def article_index(articles) -> str:
    out = [front_matter({"title": "文章"}), "# 文章"]
    for a in articles:
        line = f"- [{escape(a.title)}]({a.source.slug}.md)"
        if a.doc.authors:
            line += " · " + escape("、".join(a.doc.authors))
        out.append(line)
    return "\n\n".join(out[:2]) + "\n\n" + "\n".join(out[2:]) + "\n"

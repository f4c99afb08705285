"""Glossary pages: an index grouped by kind and sorted by pinyin, and one page per term
with its definitions, related terms and backlinks to every article that uses it."""
from __future__ import annotations

from .markdown_doc import escape
from .site_pages import front_matter

KIND_NAMES = {"concept": "概念", "policy": "政策", "law": "法律法规", "agreement": "协定",
              "organization": "机构与组织", "programme": "计划与项目", "place": "国家与地区",
              "person": "人物", "slogan": "提法与口号"}


def glossary_index(terms) -> str:
    out = [front_matter({"title": "术语表"}), "# 术语表",
           f"共 {len(terms)} 条术语，按类别分组、按拼音排序。正文中的术语可悬停（或轻点）查看英文与释义。"]
    for kind, name in KIND_NAMES.items():
        group = sorted((t for t in terms if t.kind == kind), key=lambda t: (t.slug, t.zh))
        if not group:
            continue
        out.append(f"## {name}")
        out.append("\n".join(f"- [{escape(t.zh)}]({t.slug}.md) *{escape(t.pinyin)}* — "
                             f"**{escape(t.en)}**：{escape(t.def_zh)}" for t in group))
    return "\n\n".join(out) + "\n"


def term_page(term, articles, by_zh) -> str:
    out = [front_matter({"title": f"{term.zh} · {term.en}", "description": term.def_en}),
           f"# {escape(term.zh)}",
           f"**{escape(term.en)}**" + (f"（又译：{escape('; '.join(term.en_alt))}）" if term.en_alt else "")
           + f" · *{escape(term.pinyin)}* · {KIND_NAMES[term.kind]}",
           escape(term.def_zh), escape(term.def_en)]
    if term.aliases:
        out.append("别称：" + "、".join(escape(a) for a in term.aliases))
    related = [by_zh[r] for r in term.related if r in by_zh]
    if related:
        out.append("相关术语：" + " · ".join(f"[{escape(r.zh)}]({r.slug}.md)" for r in related))
    uses = [(a, a.enriched.term_counts[term.zh]) for a in articles if a.enriched.term_counts.get(term.zh)]
    out.append("## 出现于")
    if uses:
        rows = ["| 文章 | 次数 | 首次出现 |", "| --- | ---: | --- |"]
        for a, n in uses:
            anchor = a.enriched.first_anchor.get(term.zh, "")
            first = f"[查看](../articles/{a.source.slug}.md#{anchor})" if anchor else ""
            rows.append(f"| [{escape(a.title)}](../articles/{a.source.slug}.md) | {n} | {first} |")
        out.append("\n".join(rows))
    else:
        out.append("目前没有文章使用这一术语。")
    return "\n\n".join(out) + "\n"

"""Glossary pages for an edition: an index grouped by kind (sorted by pinyin in Chinese,
alphabetically in English) and one page per term with backlinks to every article using it."""
from __future__ import annotations

from .markdown_doc import escape
from .site_pages import front_matter, title_of
from .view import View


def _name(term, view: View) -> tuple[str, str]:
    return (term.en, term.zh) if view.english else (term.zh, term.en)


def glossary_index(terms, view: View) -> str:
    ui = view.ui
    out = [front_matter({"title": ui["glossary"]}), f"# {ui['glossary']}", ui["glossary_intro"].format(n=len(terms))]
    for kind, name in ui["kinds"].items():
        key = (lambda t: t.en.lower()) if view.english else (lambda t: (t.slug, t.zh))
        group = sorted((t for t in terms if t.kind == kind), key=key)
        if not group:
            continue
        lines = []
        for t in group:
            first, second = _name(t, view)
            definition = t.def_en if view.english else t.def_zh
            lines.append(f"- [{escape(first)}]({t.slug}.md) **{escape(second)}** *{escape(t.pinyin)}*"
                         f"{ui['colon']}{escape(definition)}")
        out.append(f"## {name}\n\n" + "\n".join(lines))
    return "\n\n".join(out) + "\n"


def term_page(term, articles, by_zh, view: View) -> str:
    ui = view.ui
    first, second = _name(term, view)
    defs = [term.def_en, term.def_zh] if view.english else [term.def_zh, term.def_en]
    alt = f" ({ui['also_rendered']}: {escape('; '.join(term.en_alt))})" if term.en_alt else ""
    out = [front_matter({"title": f"{first} · {second}", "description": term.def_en}),
           f"# {escape(first)}",
           f"**{escape(second)}**{alt} · *{escape(term.pinyin)}* · {ui['kinds'][term.kind]}",
           escape(defs[0]), escape(defs[1])]
    if term.aliases:
        out.append(ui["aliases"] + ui["colon"] + ui["separator"].join(escape(a) for a in term.aliases))
    related = [by_zh[r] for r in term.related if r in by_zh]
    if related:
        out.append(ui["related_terms"] + ui["colon"] + " · ".join(
            f"[{escape(_name(r, view)[0])}]({r.slug}.md)" for r in related))
    out.append(f"## {ui['used_in']}")
    uses = [(a, a.enriched.term_counts[term.zh]) for a in articles if a.enriched.term_counts.get(term.zh)]
    if uses:
        head = ui["used_columns"]
        rows = [f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | ---: | --- |"]
        for a, n in uses:
            anchor = a.enriched.first_anchor.get(term.zh, "")
            link = f"[{ui['see']}](../articles/{a.source.slug}.md#{anchor})" if anchor else ""
            rows.append(f"| [{escape(title_of(a, view))}](../articles/{a.source.slug}.md) | {n} | {link} |")
        out.append("\n".join(rows))
    else:
        out.append(ui["unused"])
    return "\n\n".join(out) + "\n"

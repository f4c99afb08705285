"""Glossary pages for an edition: an index grouped by kind (sorted by pinyin in Chinese,
alphabetically in English) and one page per term with backlinks to the articles that use it
most (the plugin's term_page_articles), then how many more there are and a search for the
rest: a term page must not grow with the corpus (a common term's page listed every article:
2.7 MB at 10,000 sources). Why this and not pagination into numbered pages: the rows of every term's pages
together would still grow with corpus x terms (480 MB of the site at 10,000 x 3), and a
reader comes to a term page for its definition and the articles that discuss it most, as
an encyclopedia's "what links here" or a search engine's first page; the long tail is what
search (which indexes each article's terms) and the tag pages are for."""
from __future__ import annotations

from dataclasses import asdict
from urllib.parse import quote

from markupsafe import Markup

from ..fingerprint import fingerprint
from .html_doc import Html, NL, PAGE_FORMAT_KEY, esc, heading, items, join, link, paragraph, table, toc_entry
from .page_cache import KEY
from .site_pages import front_matter, html_page, title_of
from .view import View


def _name(term, view: View) -> tuple[str, str]:
    return (term.en, term.zh) if view.english else (view.han(term.zh), term.en)


def glossary_index(terms, view: View) -> str:
    ui = view.ui
    out = [heading(1, ui["glossary"], "title", ui=ui), paragraph(esc(ui["glossary_intro"].format(n=len(terms))))]
    toc = []
    for kind, name in ui["kinds"].items():
        key = (lambda t: t.en.lower()) if view.english else (lambda t: (t.slug, t.zh))
        group = sorted((t for t in terms if t.kind == kind), key=key)
        if not group:
            continue
        rows = []
        for t in group:
            first, second = _name(t, view)
            definition = t.def_en if view.english else view.han(t.def_zh)
            other = "zh-Hans" if view.english else "en"   # the other language, marked as such
            rows.append(link(f"{t.slug}.md", first) + Html(
                ' <strong lang="{}">{}</strong> <em lang="zh-Latn-pinyin">{}</em>{}{}').format(
                    other, second, t.pinyin, ui["colon"], definition))
        out += [heading(2, name, f"kind-{kind}", ui=ui), items(rows)]
        toc.append(toc_entry(2, f"kind-{kind}", name))
    return html_page(ui["glossary"], out, toc=toc)


def term_uses(term, uses, shown: int) -> tuple[list[tuple[object, int]], int]:
    """The articles a term's page lists, at most `shown` (the plugin's term_page_articles),
    those that mention it most (ties in corpus order), and how many use it in all. `uses`:
    (article, times it uses the term) of every article that does, in corpus order."""
    import heapq
    # nlargest is sorted(..., reverse=True)[:shown], stable (ties in corpus order), without
    # sorting the thousands of articles a common term has
    return heapq.nlargest(shown, uses, key=lambda u: u[1]), len(uses)


def _first_use(article, view: View) -> str:
    """The page a term's first use is on when it is not the article's page in this edition
    (an untranslated article's full text, on its Simplified page: article_page.py); a
    term page is as deep below the edition as an article page."""
    from .article_page import links_to_original, original_pages
    return original_pages(article, view)[0][2] if links_to_original(article, view) else ""


def term_key(term, uses, by_zh, view: View, fixed: str) -> str:
    """Everything a term's page is made from (page_cache.py): kept when none of it changed
    (a change to an article it does not list changes at most the count). `uses`: term_uses."""
    shown, total = uses
    rows = [[a.source.slug, title_of(a, view), n, a.enriched.first_anchor.get(term.zh, ""), _first_use(a, view)]
            for a, n in shown]
    related = [[by_zh[r].slug, _name(by_zh[r], view)[0]] for r in term.related if r in by_zh]
    return fingerprint(asdict(term), view.code, fixed, related, rows, total, code=True)


def term_page(term, uses, by_zh, view: View, key: str = "") -> str:
    """Written as HTML (html_doc.py says why). `uses`: term_uses; `key`: what the page is
    made from (term_key)."""
    ui = view.ui
    first, second = _name(term, view)
    defs = [term.def_en, term.def_zh] if view.english else [view.han(term.def_zh), term.def_en]
    alt = Html(" ({}: {})").format(ui["also_rendered"], "; ".join(term.en_alt)) if term.en_alt else Markup()
    out = [heading(1, first, "title", ui=ui),
           paragraph(Html("<strong>{}</strong>{} · <em>{}</em> · {}").format(second, alt, term.pinyin,
                                                                               ui["kinds"][term.kind])),
           paragraph(esc(defs[0])), paragraph(esc(defs[1]))]
    if term.aliases:
        out.append(paragraph(esc(ui["aliases"] + ui["colon"] + ui["separator"].join(view.han(x) for x in term.aliases))))
    related = [by_zh[r] for r in term.related if r in by_zh]
    if related:
        out.append(paragraph(esc(ui["related_terms"] + ui["colon"]) + join(
            (link(f"{r.slug}.md", _name(r, view)[0]) for r in related), " · ")))
    out.append(heading(2, ui["used_in"], "used-in", ui=ui))
    uses, total = uses
    if uses:
        rows = []
        for a, n in uses:
            anchor = a.enriched.first_anchor.get(term.zh, "")
            target = f"../articles/{a.source.slug}.md"
            rows.append([link(target, esc(title_of(a, view))), str(n),
                         link(f"{_first_use(a, view) or target}#{anchor}", esc(ui["see"])) if anchor else ""])
        out.append(table([esc(h) for h in ui["used_columns"]], rows, ["", "right", ""]))
        if total > len(uses):   # the search box opens with the term (?q=, briefing-search.js)
            out.append(paragraph(Html('{} <a href="?q={}">{}</a>').format(
                ui["used_more"].format(shown=len(uses), total=total, more=total - len(uses)),
                quote(first, safe=""), ui["used_search"].format(term=first)), "used-more"))
    else:
        out.append(paragraph(esc(ui["unused"])))
    meta = {KEY: key} if key else {}
    meta |= {"title": f"{first} · {second}", "description": term.def_en, PAGE_FORMAT_KEY: True,
            "briefing_toc": [toc_entry(1, "title", first), toc_entry(2, "used-in", ui["used_in"])]}
    return front_matter(meta) + str(join(out, NL)) + "\n"

"""Site pages for one edition: the article lists, the home page and the tags pages, and what
they share with the article pages (article_page.py) — all written as HTML by html_doc's
Markup helpers, so source text is escaped by construction."""
from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections import Counter

from markupsafe import Markup

from ..fingerprint import fingerprint
from .html_doc import Html, NL, PAGE_FORMAT_KEY, esc, heading, items, join, link, paragraph, toc_entry, tooltip, url
from .names import authors_html, authors_of
from .page_cache import KEPT, KEY
from .view import View


def front_matter(meta: dict) -> str:
    """YAML front matter, written as JSON (valid YAML, and much faster to write)."""
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()) + "\n---\n"


def term_span(mark, t, prefix: str) -> tuple[int, int, str, str]:
    """A glossary term in running text (HTML): its first use on the page links to its entry
    (to the .md file, which the plugin resolves for directory and file URLs alike); later
    ones are marked once per paragraph (article_page.py). Each has the English rendering as
    its title (printed after the first use: briefing.css); the definitions are not on the
    page but in one file per edition (glossary/definitions.js, definitions_script), which
    briefing-terms.js loads when a reader points at, taps or tabs to a term and puts into its
    title: a definition on every first use was 9 KB of a mean article page, 250 MB of the
    site at 10,000 sources x 3 editions."""
    return (mark.start, mark.end, *_term_markup(t, mark.link, prefix))


_TERM_MARKUP: dict = {}


def _term_markup(t, link: bool, prefix: str) -> tuple[Markup, Markup]:
    """The same for every use of a term (made once per build, not once per use)."""
    key = (t.slug, t.en, link, prefix)
    if key not in _TERM_MARKUP:
        if link:
            _TERM_MARKUP[key] = (Html('<a class="glossary-term" href="{}{}.md" title="{}">').format(
                prefix, t.slug, tooltip(t.en)), Markup("</a>"))
        else:
            _TERM_MARKUP[key] = (Html('<abbr class="glossary-term" title="{}" tabindex="0">').format(tooltip(t.en)),
                                 Markup("</abbr>"))
    return _TERM_MARKUP[key]


def definitions_script(terms) -> str:
    """glossary/definitions.js: each term's tooltip, keyed by its title on the pages (the
    English rendering, as tooltip() leaves it in the attribute), for briefing-terms.js. A
    script (not JSON fetched), so the offline copy shows definitions from file:// too. Two
    terms rendered alike in English share the key: their tooltips are joined."""
    tips: dict[str, list[str]] = {}
    for t in terms:
        tip = f"{t.en} — {t.def_en}".replace("<", "&lt;")   # as tooltip() writes titles
        tips.setdefault(t.en.replace("<", "&lt;"), []).append(tip)
    data = {k: " / ".join(v) for k, v in sorted(tips.items())}
    # U+2028/9 are valid in JS strings; "<" needs nothing here (not inside HTML)
    return "__briefingTerms(" + json.dumps(data, ensure_ascii=False, sort_keys=True) + ");\n"


def title_of(article, view: View) -> str:
    meta = article.source.meta
    if view.english:
        if meta.get("title_en"):
            return meta["title_en"]
        text, status = view.text(article.source.stem, article.title)
        return text
    return article.title


def description_of(article, view: View) -> str:
    if view.english:
        return article.source.meta.get("summary_en") or title_of(article, view)
    return article.description


# What a search engine shows of a page's description (about 80 Chinese characters, 160
# Latin ones); the page carries it twice (description, og:description), and a whole summary
# there was 2 KB of every English page, 20 MB of the site at 10,000 sources.
HEAD_DESCRIPTION = {False: 100, True: 200}   # view.english -> characters
_SENTENCE_END = re.compile(r"[。！？；!?]|[.;](?=\s)")


def head_description(article, view: View) -> str:
    """The page's <meta name="description">: whole sentences of its description up to the
    limit; a first sentence longer than that cut at a word and marked with an ellipsis."""
    return shortened(description_of(article, view), HEAD_DESCRIPTION[view.english])


def shortened(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    # (one character past the limit: "." ends a sentence only before a space)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit + 1) if m.end() <= limit]
    if ends:
        return text[:ends[-1]].rstrip()
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,，、;；:：") + "…"


def source_parts(article, view: View) -> list[Markup]:
    """Authors, publication, date and a link to the original, as HTML, each when known
    (nothing when none is: a file name is not a source)."""
    from .lang import span
    meta, ui = article.source.meta, view.ui
    parts = []
    colon = ui["colon"]
    authors = authors_html(article, view)
    if authors:
        parts.append(esc(ui["authors"] + colon) + authors)
    publication = (meta.get("publication_en") if view.english else None) or meta.get("publication")
    if publication:
        lang = "en" if view.english and meta.get("publication_en") else "zh-Hans"
        parts.append(esc(ui["source"] + colon) + span(publication, lang, view))
    if meta.get("date"):
        parts.append(esc(ui["date"] + colon + meta.get("date_text", meta["date"].isoformat())))
    if meta.get("url"):
        parts.append(Html('<a href="{}" rel="nofollow noopener">{}</a>').format(url(meta["url"]), ui["original"]))
    return parts


def source_line(article, view: View) -> Markup:
    parts = source_parts(article, view)
    return Html('<p class="briefing-source">{}</p>').format(join(parts, " · ")) if parts else Markup()


def status_badge(status: str, view: View) -> Markup:
    if status == "ok":
        return Markup()
    return Html(' <span class="translation-{}" title="{}">⚠ {}</span>').format(status, tooltip(view.ui[status]),
                                                                                view.ui[status])


PAGE_SIZE = 100   # articles per page of the article list
HOME_LIMIT = 20   # newest articles on the home page


def _entry_key(article, view: View) -> str:
    """What an article's entry in a list shows (address, title, authors), made once per
    edition: an article is in the full list and in each of its tags' lists."""
    key = ("list entry", article.source.stem)
    if key not in view.memo:
        view.memo[key] = fingerprint(article.source.slug, title_of(article, view),
                                     [x.shown for x in authors_of(article, view)], length=16)
    return view.memo[key]


def article_list(articles, view: View, first: str, label: str, kept=None) -> dict[str, str]:
    """A list of articles, paginated (`first` is the first page's path below docs/, the
    others are numbered after it), so no page grows with the corpus. Written as HTML
    (html_doc.py): a page of a hundred links was a second of Python-Markdown per edition."""
    folder, stem = posixpath.split(first[:-3])
    to_articles = posixpath.relpath("articles", folder or ".")
    pages = {}
    chunks = [articles[i:i + PAGE_SIZE] for i in range(0, len(articles), PAGE_SIZE)] or [[]]
    more = "page-{n}.md" if stem == "index" else stem + "-{n}.md"
    names = [stem + ".md"] + [more.format(n=n) for n in range(2, len(chunks) + 1)]
    for n, (name, chunk) in enumerate(zip(names, chunks)):
        rel = posixpath.join(folder, name)
        key = ""
        if kept:   # `kept(rel, key)`: the page is in docs/ as it would be written (page_cache.py)
            key = fingerprint(view.code, label, names, n, [_entry_key(a, view) for a in chunk], code=True)
            if kept(rel, key):
                pages[rel] = KEPT
                continue
        rows = []
        for a in chunk:
            row = link(f"{to_articles}/{a.source.slug}.md", title_of(a, view))
            authors = authors_html(a, view)
            if authors:
                row += " · " + authors
            rows.append(row)
        nav = []
        if n > 0:
            nav.append(link(names[n - 1], f"← {n}"))
        if n + 1 < len(chunks):
            nav.append(link(names[n + 1], f"{n + 2} →"))
        title = label + (f" ({n + 1}/{len(chunks)})" if len(chunks) > 1 else "")
        # Lists are left out of search: they repeat the titles the articles' own entries hold.
        meta = {KEY: key} if key else {}
        meta |= {"title": title, "search": {"exclude": True}, PAGE_FORMAT_KEY: True,
                "briefing_toc": [toc_entry(1, "title", title)]}
        body = [heading(1, title, "title", ui=view.ui), items(rows)] + ([paragraph(" · ".join(nav))] if nav else [])
        pages[rel] = front_matter(meta) + str(join(body, NL)) + "\n"
    return pages


def article_index(articles, view: View, kept=None) -> dict[str, str]:
    return article_list(articles, view, "articles/index.md", view.ui["articles"], kept)


def tag_slug(name: str, view: View) -> str:
    """The same in every edition (the language switch keeps the path): from the tag's
    English name (seeds/tags.yml), else from a hash of its name."""
    slug = re.sub(r"[^a-z0-9]+", "-", view.tag_names.get(name, "").lower()).strip("-")
    return slug or "t-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def tag_pages(articles, view: View, kept=None) -> dict[str, str]:
    """The tags index (each tag with its number of articles) and one paginated list of
    articles per tag. Ours rather than Material's tags plugin: a tag page is rewritten
    exactly when its list changes, which incremental builds rely on."""
    by_tag: dict[str, list] = {}
    for a in articles:
        for t in a.enriched.tags:
            by_tag.setdefault(t, []).append(a)
    ui = view.ui
    order = sorted(by_tag, key=lambda t: (-len(by_tag[t]), tag_slug(t, view)))
    rows = [link(f"{tag_slug(t, view)}.md", view.tag(t)) + f" ({len(by_tag[t])})" for t in order]
    pages = {"tags/index.md": html_page(ui["tags"], [heading(1, ui["tags"], "title", ui=ui), items(rows)])}
    for t in order:
        pages.update(article_list(by_tag[t], view, f"tags/{tag_slug(t, view)}.md",
                                  ui["tags_label"] + ui["colon"] + view.tag(t), kept))
    return pages


def html_page(title: str, body: list, meta: dict | None = None, toc: list | None = None) -> str:
    """A page file whose body is HTML from this writer (html_doc.py), with its table of
    contents in the front matter."""
    meta = {"title": title, **(meta or {}), PAGE_FORMAT_KEY: True,
            "briefing_toc": [toc_entry(1, "title", title)] + (toc or [])}
    return front_matter(meta) + str(join((b for b in body if b), NL)) + "\n"


def home_page(articles, terms, site_name: str, view: View) -> str:
    ui = view.ui
    out = [heading(1, site_name, "title", ui=ui), paragraph(esc(ui["home_intro"].format(n=len(articles))))]
    if view.pdf:
        out.append(paragraph(link("pdf/briefing-pack.pdf", ui["download_pack"], "md-button md-button--primary")))
    dated = sorted(articles, key=lambda a: (a.source.meta.get("date") is None,
                                            -(a.source.meta["date"].toordinal() if a.source.meta.get("date") else 0)))
    toc = []
    for a in dated[:HOME_LIMIT]:
        anchor = "a-" + a.source.slug
        out.append(heading(2, link(f"articles/{a.source.slug}.md", title_of(a, view)), anchor, ui=view.ui))
        toc.append(toc_entry(2, anchor, title_of(a, view)))
        out.append(source_line(a, view))
        out.append(paragraph(esc(description_of(a, view))))
        if a.enriched.tags:
            out.append(paragraph(esc(ui["tags_label"] + ui["colon"]) + join(
                (link(f"tags/{tag_slug(t, view)}.md", view.tag(t)) for t in a.enriched.tags), " · ")))
    if len(dated) > HOME_LIMIT:
        out.append(paragraph(link("articles/index.md", f"{ui['articles']} →")))
    totals = Counter()
    for a in articles:
        totals.update(a.enriched.term_counts)
    by_zh = {t.zh: t for t in terms}
    top = []
    for z, n in sorted(totals.items(), key=lambda x: (-x[1], x[0]))[:20]:
        t = by_zh[z]
        first, second = (t.en, t.zh) if view.english else (view.han(t.zh), t.en)
        other = "zh-Hans" if view.english else "en"
        top.append(link(f"glossary/{t.slug}.md", first) + Html(' (<span lang="{}">{}</span>, {})').format(other, second, n))
    if top:
        out += [heading(2, ui["frequent_terms"], "frequent-terms", ui=ui), paragraph(join(top, " · "))]
        toc.append(toc_entry(2, "frequent-terms", ui["frequent_terms"]))
    return html_page(site_name, out, {"hide": ["navigation", "toc"]}, toc)

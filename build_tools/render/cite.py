"""How to cite an article: a GB/T 7714-2015 reference in the edition's language, and BibTeX
and RIS records (for Zotero, EndNote, JabRef …), from the sidecar's authors, publication,
date and URL and the page's own address.

GB/T 7714-2015 as applied here: at most three authors, then ", 等" / ", et al."; romanized
Chinese names with the surname in capitals (HAO Yubiao); the type code [J] for an article
in a publication, [EB] for one known only from this briefing; /OL and the access date when
the reference gives an address. The access date is the day the reader looked at the page:
the reference shows a placeholder for it, and the page says so (a build never writes
today's date: builds are reproducible)."""
from __future__ import annotations

from markupsafe import Markup

from dataclasses import dataclass

from .names import authors_of
from .site_pages import title_of

MAX_AUTHORS = 3


@dataclass
class Work:
    authors: list             # names.Author
    title: str
    publication: str
    year: str
    date: str                 # YYYY-MM-DD or ""
    url: str                  # where the reference points: the original, else this page
    page: str                 # this page's absolute address, or ""
    doi: str
    lang: str                 # zh or en
    site_name: str


def work_of(article, view, page_url: str, site_name: str) -> Work:
    meta = article.source.meta
    publication = (meta.get("publication_en") if view.english else None) or meta.get("publication") or ""
    d = meta.get("date")
    return Work(authors_of(article, view), title_of(article, view), publication,
                str(d.year) if d else "", meta.get("date_text", ""), meta.get("url") or page_url,
                page_url, article.doc.metadata.get("doi", ""), "en" if view.english else "zh", site_name)


def _gbt_name(a) -> str:
    if a.family and a.lang == "en":
        return f"{a.family.upper()} {a.given}".strip()
    return a.shown


def gbt7714(w: Work, access_placeholder: str) -> str:
    """The reference as plain text."""
    names = [_gbt_name(a) for a in w.authors[:MAX_AUTHORS]]
    if len(w.authors) > MAX_AUTHORS:
        names.append("et al." if w.lang == "en" else "等")
    who = ", ".join(names) or ("Anon" if w.lang == "en" else "佚名")
    online = "/OL" if w.url else ""
    if w.publication:
        ref = f"{who}. {w.title}[J{online}]. {w.publication}" + (f", {w.year}" if w.year else "")
    else:
        ref = f"{who}. {w.title}[EB{online}]. {w.site_name}" + (f", {w.year}" if w.year else "")
        if w.date and len(w.date) == 10:
            ref += f"({w.date})"
    if w.url:
        ref += f"[{access_placeholder}]. {w.url}"
    if w.doi:
        ref += f". DOI: {w.doi}"
    return ref + "."


def _bib(value: str) -> str:
    out = value.replace("\\", "\\textbackslash{}")
    for c in "{}%&$#_":
        out = out.replace(c, "\\" + c)
    return out.replace("~", "\\textasciitilde{}").replace("^", "\\textasciicircum{}")


def bibtex(w: Work, key: str) -> str:
    kind = "article" if w.publication else "misc"
    # "Family, Given" for people; a group's name in braces, so BibTeX does not split it
    authors = " and ".join(f"{_bib(a.family)}, {_bib(a.given)}" if a.family and a.lang == "en"
                           else "{" + _bib(a.shown) + "}" for a in w.authors)
    fields = [("author", authors), ("title", "{" + _bib(w.title) + "}")]
    fields.append(("journal", _bib(w.publication)) if w.publication else ("howpublished", _bib(w.site_name)))
    if w.year:
        fields.append(("year", w.year))
    if w.date and len(w.date) == 10:
        fields.append(("date", w.date))
    if w.doi:
        fields.append(("doi", _bib(w.doi)))
    if w.url:
        fields.append(("url", w.url.replace("}", "%7D").replace("{", "%7B")))
    if w.page and w.page != w.url:
        fields.append(("note", _bib(w.page)))
    fields.append(("langid", "english" if w.lang == "en" else "chinese"))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields if v)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def ris(w: Work) -> str:
    lines = [("TY", "JOUR" if w.publication else "ELEC")]
    for a in w.authors:
        lines.append(("AU", f"{a.family}, {a.given}" if a.family and a.lang == "en" else a.shown))
    lines.append(("TI", w.title))
    if w.publication:
        lines.append(("JO", w.publication))
    if w.year:
        lines.append(("PY", w.year))
    if w.date and len(w.date) == 10:
        lines.append(("DA", w.date.replace("-", "/")))
    if w.doi:
        lines.append(("DO", w.doi))
    if w.url:
        lines.append(("UR", w.url))
    if w.page and w.page != w.url:
        lines.append(("N1", w.page))
    lines.append(("LA", "en" if w.lang == "en" else "zh"))
    # RIS: tag, two spaces, hyphen, space; one field per line (line breaks in values folded)
    return "".join(f"{k}  - {' '.join(v.split())}\r\n" for k, v in lines) + "ER  - \r\n"


def page_address(view, slug: str) -> str:
    """The article page's absolute address in this view's edition, or "" without site_url."""
    from .feed import article_href
    return view.base_url + article_href(slug, view.directory_urls) if view.base_url else ""


def citation(article, view) -> tuple[Markup, str, str]:
    """(HTML section for the page, BibTeX file, RIS file). Text escaped by construction."""
    from .html_doc import Html, NL, heading, join, link, paragraph
    from .lang import marked
    ui, slug = view.ui, article.source.slug
    w = work_of(article, view, page_address(view, slug), view.site_name)
    bib, ris_text = bibtex(w, slug), ris(w)
    ref = gbt7714(w, ui["access_date"])
    code = Html('<details class="quote"><summary>{}</summary>\n<pre><code>{}</code></pre>\n</details>')
    html = join([
        heading(2, ui["cite"], "cite", ui=ui),
        Html("<p><strong>{}</strong></p>").format(ui["cite_gbt"]),
        Html('<div class="briefing-reference"><p>{}</p></div>').format(marked(ref, view)),
        paragraph(ui["cite_rule"]) if w.url else Markup(),   # no address (no site_url): no access date to fill in
        code.format("BibTeX", marked(bib, view)),
        code.format("RIS", marked(ris_text, view)),
        paragraph(link(f"{slug}.bib", ui["download_bibtex"]) + " · " + link(f"{slug}.ris", ui["download_ris"])),
    ], NL)
    return html, bib, ris_text

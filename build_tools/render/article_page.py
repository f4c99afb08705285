"""One article page for an edition: title and source, the briefing apparatus (abstract,
summary, key points, key figures, related articles), then the full text — written as HTML
(html_doc.py says why). The English page sets each paragraph beside its Chinese original
(shown with the parallel-view switch)."""
from __future__ import annotations

import re

from ..editions import EDITIONS
from ..enrich.corpus import anchor_for
from ..model import Heading, ListBlock, Paragraph, Table
from markupsafe import Markup

from .html_doc import (Html, NL, PAGE_FORMAT_KEY, Footnotes, admonition, esc, heading, inline_html, items, join, link,
                       paragraph, table, toc_entry)
from .amounts import english_amount, english_measure
from .cite import citation
from .lang import marked, span
from .page_cache import KEY
from .site_pages import front_matter, head_description, source_line, status_badge, tag_slug, term_span, title_of
from .view import View

GLOSSARY = "../glossary/"   # relative to articles/<slug>.md; the plugin resolves .md links


def _abstract(article, view: View) -> str:
    doc, e, ui, stem = article.doc, article.enriched, view.ui, article.source.stem
    text, status = view.text(stem, doc.abstract)
    marks = e.marks.get(-1, []) if status == "ok" and not view.english else []
    # "abstract": where the glossary links a term first used in the abstract (enrich/corpus.py)
    body = paragraph(inline_html(text, spans=_terms(article, marks, set())) + status_badge(status, view), "abstract")
    if doc.keywords:
        body += Html("\n<p><strong>{}</strong> {}</p>").format(
            ui["keywords"] + ui["colon"].strip(), join((marked(view.text(stem, k)[0], view) for k in doc.keywords), " · "))
    return admonition("abstract", ui["author_abstract"], body)


def _back(anchor: str, at: str = "") -> Markup:
    return Html(' <a href="{}#{}">↩</a>').format(at, anchor) if anchor else Markup()


def links_to_original(article, view: View) -> bool:
    """Is this an English page of an article none of whose paragraphs is translated?"""
    if not view.english:
        return False
    stem = article.source.stem
    key = ("untranslated", stem)
    if key not in view.memo:
        view.memo[key] = not any(view.text(stem, b.text)[1] == "ok" for b in article.doc.blocks if isinstance(b, Paragraph))
    return view.memo[key]


def original_pages(article, view: View) -> list[tuple[str, str]]:
    """(code, name, link) of the article's page in each Chinese edition, linked from its English page."""
    slug = article.source.slug
    up, tail = ("../../../", f"articles/{slug}/") if view.directory_urls else ("../../", f"articles/{slug}.html")
    return [(ed.code, ed.name, up + ed.prefix + tail) for ed in EDITIONS if ed.code != "en"]


def _original_links(article, view: View) -> Markup:
    return join((Html('<a href="{}" hreflang="{}" lang="{}">{}</a>').format(href, code, code, name)
                 for code, name, href in original_pages(article, view)), " · ")


def _apparatus(article, view: View, at: str = "") -> list[str]:
    """`at`: the page the body's anchors are on ("" for this page). On the English page of
    an untranslated article (`at` set) what would be shown in Chinese is left to the page
    its notice links to: the abstract (unless translated), the automatic extract and key
    points, sentences of the body (a fifth of that page's bytes, repeated from another)."""
    doc, e, ui, meta = article.doc, article.enriched, view.ui, article.source.meta
    stem = article.source.stem
    elsewhere = bool(at)
    shown = doc.abstract and not (elsewhere and view.text(stem, doc.abstract)[1] != "ok")
    out = [_abstract(article, view)] if shown else []
    extract = "" if elsewhere else join((paragraph(_extract_sentence(article, view, s, a) + _back(a, at))
                                         for s, a in e.summary), "\n")
    editor = meta.get("summary_en" if view.english else "summary_zh")
    if editor:
        machine = not view.english and e.summary_source == "machine"
        title = ui["machine_summary"].format(provenance=meta["summary_zh_provenance"]) if machine else ui["summary"]
        out.append(admonition("summary", title, paragraph(esc(editor))))
        out.append(admonition("quote", ui["extract"], extract, collapsed=True))
    elif doc.abstract and extract:   # the author's abstract, shown above, is the summary
        out.append(admonition("quote", ui["extract"], extract, collapsed=True))
    elif extract:
        out.append(admonition("summary", ui["auto_summary"], extract))
    points = meta.get("key_points_en" if view.english else "key_points_zh")
    if points:
        rows = [esc(p) for p in points]
    else:
        rows = []
        for section, point, anchor in ([] if elsewhere else e.key_points):
            head = view.text(stem, section)[0] if section else ""
            lead = Html("<strong>{}</strong> ").format(head + ui["colon"].strip()) if head else Markup()
            rows.append(lead + _extract_sentence(article, view, point, anchor) + _back(anchor, at))
    if rows:
        machine = points and not view.english and meta.get("key_points_zh_provenance", "").startswith("machine")
        out.append(admonition("tip", ui["machine_key_points" if machine else "key_points"], items(rows)))
    if e.figures:
        cells = [[link(at + "#" + e.anchors[f.block], c[0]) if f.block in e.anchors else c[0]] + c[1:]
                 for f, c in ((f, figure_cells(f, view)) for f in e.figures)]
        out.append(admonition("note", ui["key_figures"],
                              table([esc(h) for h in ui["figure_columns"]], cells, ["right"], merge_last=True)))
    if e.related:
        rows = []
        for other, _, shared in e.related:
            names = [t.en if view.english else view.han(t.zh) for t in shared]
            why = esc(ui["separator"].join(names)) or esc(ui["similar_text"])
            rows.append(link(f"{other.source.slug}.md", esc(title_of(other, view)))
                        + esc(ui["colon"] + ui["shared_terms"]) + " " + why)
        out.append(admonition("info", ui["related"], items(rows)))
    return out


_ZH_SENTENCE = re.compile(r"[^。！？]+[。！？]?[”」』）)]*")
_EN_SENTENCE = re.compile(r"\S.*?(?:[.!?][\"”’')\]]*(?=\s+[A-Z\"“‘(\d])|$)", re.S)


def _extract_sentence(article, view: View, sentence: str, anchor: str) -> Markup:
    """A sentence of the automatic extract, as HTML. In English: the sentence at the same
    place in its paragraph's translation, when the translation has as many sentences as
    the original; else the original, marked as Chinese."""
    if not view.english:
        return esc(sentence)
    e, stem = article.enriched, article.source.stem
    block = next((i for i, a in e.anchors.items() if a == anchor), None)
    source = article.doc.blocks[block].text if block is not None else ""
    translated, status = view.text(stem, source)
    if status == "ok" and source:
        zh = [m.group() for m in _ZH_SENTENCE.finditer(source) if m.group().strip()]
        en = [m.group().strip() for m in _EN_SENTENCE.finditer(translated)]
        at = next((k for k, z in enumerate(zh) if sentence.strip("，。；！？ ") in z), None)
        if at is not None and len(zh) == len(en):
            return esc(en[at])
    return marked(sentence, view)


def figure_cells(f, view: View) -> list[Markup]:
    """One key figure's cells (HTML): the value as printed with its qualifier (f.shown); in
    English, the amount in English number formatting and the measure in English words where
    known (amounts.py); Chinese left is marked."""
    if not view.english:
        return [esc(f.shown), esc(f.unit), esc(f.year), esc(f.what), esc(f.phrase)]
    amount = english_amount(f.value, f.unit) if not f.to else ""   # a change (A → B) as printed
    value = esc(f.shown.replace(f.value, amount, 1)) if amount else esc(f.shown) + " " + marked(f.unit, view)
    what = english_measure(f.what)
    return [value, esc(f.year), esc(what) if what else span(f.what, "zh-Hans", view), span(f.phrase, "zh-Hans", view)]


def _translated(view: View, stem: str, text: str) -> Markup:
    """A unit's translation where there is one; else the original, marked as Chinese."""
    shown, status = view.text(stem, text)
    return marked(shown, view) if status == "ok" else marked(text, view) + status_badge(status, view)


def _terms(article, marks, seen: set) -> list:
    """Glossary spans of a paragraph: links, and each other term's first use in its section
    (`seen`: the terms marked since the section began). Encyclopedias mark a term once
    per section; once per paragraph was a fifth of a Chinese article page's bytes."""
    spans = []
    for m in marks:
        if m.link or m.zh not in seen:
            spans.append(term_span(m, article.term_index[m.zh], GLOSSARY))
            seen.add(m.zh)
    return spans


def section_terms(article) -> dict[int, list]:
    """Block index -> the glossary spans of each paragraph of the body: a section runs from
    one top-level heading to the next."""
    seen: set = set()
    out = {}
    for i, b in enumerate(article.doc.blocks):
        if isinstance(b, Heading) and b.level <= 1:
            seen = set()
        elif isinstance(b, Paragraph):
            out[i] = _terms(article, article.enriched.marks.get(i, []), seen)
    return out


def _paragraph_zh(b: Paragraph, notes: Footnotes | None, spans: list) -> str:
    return inline_html(b.text, b.notes if notes else [], b.lead, notes.ref if notes else None, spans)


def _cells(rows: list[list[str]], translate, view: View) -> str:
    rows = [[marked(translate(c), view) if c.strip() else "" for c in row] for row in rows]
    return table(rows[0], rows[1:]) if rows else ""


def heading_ids(article) -> dict[int, str]:
    """Block index -> id of each heading: from its text, so edits elsewhere do not move it
    (the page and its search entries both use these); from the Simplified text in every
    edition, so that switching edition keeps a #fragment."""
    doc = (article.view_of or article).doc
    taken: set[str] = set()
    return {i: anchor_for(b.text, taken, "h-") for i, b in enumerate(doc.blocks) if isinstance(b, Heading)}


def _block(article, view: View, i: int, b, notes: Footnotes, ids: dict[int, str], toc: list,
           english: bool, terms: dict[int, list]) -> str:
    """One block of the body; `english`: set beside a translation (the English edition of
    a page that has translations); `terms`: section_terms."""
    stem, e = article.source.stem, article.enriched
    translate = (lambda t: view.text(stem, t)[0]) if english else (lambda t: t)
    if isinstance(b, Heading):
        text, status = view.text(stem, b.text) if english else (b.text, "ok")
        anchor = ids[i]
        toc.append(toc_entry(b.level + 1, anchor, text))
        return heading(b.level + 1, text, anchor, status_badge(status, view), ui=view.ui)
    if isinstance(b, ListBlock):
        return items([marked(translate(t), view) for t in b.items], ordered=True)
    if isinstance(b, Table):
        return _cells(b.rows, translate, view)
    if not english:
        return paragraph(_paragraph_zh(b, notes, terms[i]), e.anchors[i])
    text, status = view.text(stem, b.text)
    if status == "ok":
        # footnote references go at the end of the translated paragraph, in order
        en = marked(text, view) + join(notes.ref(n) for n in b.notes)
        zh = paragraph(_paragraph_zh(b, None, terms[i]))   # the English side has the notes
    else:
        en = _paragraph_zh(b, notes, terms[i]) + status_badge(status, view)
        zh = Markup()
    return Html('<div class="parallel" id="{}">\n<div class="zh" lang="zh-Hans">\n{}\n</div>\n'
                  '<div class="en" lang="en">\n{}\n</div>\n</div>').format(e.anchors[i], zh, paragraph(en))


def article_page(article, view: View, key: str = "") -> str:
    """`key`: what the page is made from (page_cache.py), first in its front matter."""
    doc, e, ui, stem = article.doc, article.enriched, view.ui, article.source.stem
    title = title_of(article, view)
    notes, ids = Footnotes(doc.footnotes, back=ui["footnote_back"]), heading_ids(article)
    toc: list = []
    out = [heading(1, title, "title", ui=ui)]
    if doc.subtitle:
        out.append(Html('<p class="briefing-subtitle">{}</p>').format(marked(view.text(stem, doc.subtitle)[0], view)))
    out.append(source_line(article, view))
    if view.pdf:
        out.append(paragraph(link(f"../pdf/{article.source.slug}.pdf", ui["download_pdf"], "md-button")))
    # An English page with no translation yet says so once, shows the apparatus in English
    # and links to the full text in the Chinese editions instead of repeating it (a third
    # of the English edition's bytes); the body's anchors are on those pages.
    original = links_to_original(article, view)
    parallel = view.english and not original
    at = original_pages(article, view)[0][2] if original else ""
    if original:
        out.append(admonition("warning", ui["missing"], paragraph(esc(ui["no_translation"]) + " "
                                                                   + _original_links(article, view))))
    out += _apparatus(article, view, at)
    toc.append(toc_entry(2, "full-text", ui["body"]))
    out.append(heading(2, ui["body"], "full-text", ui=ui))
    if original:
        out.append(paragraph(esc(ui["original_text"]) + " " + _original_links(article, view)))
    if parallel:
        out.append(Html('<div class="parallel-switch"><input type="checkbox" id="parallel-toggle" class="parallel-toggle">'
                          '<label for="parallel-toggle" class="parallel-label">{}</label></div>').format(ui["parallel"]))
    if not original:
        terms = section_terms(article)
        out += [_block(article, view, i, b, notes, ids, toc, parallel, terms) for i, b in enumerate(doc.blocks)]
    if doc.metadata:
        labels = ui["meta_labels"]
        toc.append(toc_entry(2, "bibliographic", ui["bibliographic"]))
        out.append(heading(2, ui["bibliographic"], "bibliographic", ui=ui))
        out.append(table([esc(h) for h in ui["bib_columns"]],
                         [[esc(labels.get(k, k)), span(v, "en", view) if k.endswith("_en") else _translated(view, stem, v)]
                          for k, v in doc.metadata.items()]))
    toc.append(toc_entry(2, "cite", ui["cite"]))
    out.append(citation(article, view)[0])
    # No list of the page's terms for print: the English rendering prints after each term's
    # first use (briefing.css); a list repeated it, 3 KB of every page.
    if not original:   # the footnotes are the original's, on its pages
        out.append(notes.section([(f.mark, _translated(view, stem, f.text)) for f in doc.footnotes]))
    meta = {KEY: key} if key else {}
    meta.update(title=title, description=head_description(article, view))
    if e.tags:   # shown above the title by the theme, linked to their pages by the plugin
        meta["tags"] = [view.tag(t) for t in e.tags]
        meta["briefing_tags"] = [f"tags/{tag_slug(t, view)}.md" for t in e.tags]
    meta[PAGE_FORMAT_KEY] = True
    meta["briefing_toc"] = [toc_entry(1, "title", title)] + toc
    return front_matter(meta) + str(join((p for p in out if p), NL)) + "\n"

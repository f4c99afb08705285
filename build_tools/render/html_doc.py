"""The HTML writer for the long generated pages (articles, glossary entries, lists) and for
the print documents of the PDFs (print_doc.py), in every edition.

Why HTML and not Markdown: these pages are already structured in the document model, and
Python-Markdown's inline processing of them was half of the whole site build. The page file
is still a Markdown file (front matter + a block of HTML, which is valid Markdown); the
briefing plugin (html_page.py) hands the HTML to MkDocs as the rendered page, resolving `.md`
links and recording anchors as MkDocs does, with the table of contents from the front matter.

The markup is what Python-Markdown and its extensions write for the same constructs
(admonitions, details, tables, footnotes, permalinks), so Material styles it the same.

Source text is data, escaped by construction as an autoescaping template does it: markup is
a markupsafe.Markup built here from the model, every helper fills its markup with
Html.format (which escapes whatever is not Markup, quotes included, so one escape serves
element text and attribute values alike), and a plain string can only reach a page escaped."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from .markdown_doc import inline

PAGE_FORMAT_KEY = "briefing_html"   # front matter key: the body is HTML, toc in "briefing_toc"


class Html(Markup):
    """Our markup, whose format() escapes every value as Markup.format does (a value that
    is Markup passes unchanged, quotes included in the rest) — in one str.format call, a
    fifth of the time of markupsafe's Formatter, which was half of rendering a site."""

    __slots__ = ()

    def format(self, *args, **kwargs) -> Markup:
        return Markup(str.format(self, *[escape(a) for a in args], **{k: escape(v) for k, v in kwargs.items()}))


esc = escape          # text -> Markup (Markup passes through unchanged)
NL = Html("\n")
_SAFE_URL = re.compile(r"^(?:https?://|mailto:|#|\.{0,2}/|[^:/?#]*(?:[/?#]|$))", re.I)


def tooltip(text: str) -> Markup:
    """A title attribute's value. Material's content.tooltips puts an element's title into
    its tooltip as HTML (innerHTML), so "<" is escaped once more for that: without it no
    element can be made there (an entity only ever makes text). Nothing else is, so the
    title stays readable where print CSS shows attr(title) ("R&D")."""
    return escape(str(text).replace("<", "&lt;"))


def join(parts, sep: str = "") -> Markup:
    """Markup joined (strings among the parts are escaped)."""
    return Markup(sep).join(parts)


def url(href: str) -> str:
    """An href from our inputs: http(s), mailto, or relative. Anything else (javascript:,
    data:, vbscript: ...) is not a link we write (the sidecar schema refuses it first)."""
    href = str(href)
    if not _SAFE_URL.match(href):
        raise ValueError(f"refusing to write a link to {href[:40]!r}: only http(s) and relative URLs")
    return href


def inline_html(text: str, notes=(), lead: int = 0, note_ref=None, spans=()) -> Markup:
    """Escaped text with footnote references, a bold run-in lead and spans (glossary terms:
    their markup is Markup)."""
    return inline(text, notes, lead, note_ref, spans, esc=esc, bold=(Html("<strong>"), Html("</strong>")),
                  block_start=lambda m: m, join=join)


def heading(level: int, text: str, anchor: str, extra: Markup = Markup(), *, ui: dict) -> Markup:
    """A heading with its permalink, as the toc extension writes it (`extra`: HTML after
    the text, such as a translation badge), the link titled in the page's language
    (`ui`: the edition's interface strings): its title is the link's accessible name."""
    return Html('<h{0} id="{1}">{2}{3}<a class="headerlink" href="#{1}" '
                'title="{4}">&para;</a></h{0}>').format(int(level), anchor, text, extra, ui["permalink"])


def paragraph(inner, anchor: str | None = None) -> Markup:
    return Html('<p id="{}">{}</p>').format(anchor, inner) if anchor else Html("<p>{}</p>").format(inner)


def admonition(kind: str, title: str, body, collapsed: bool = False) -> Markup:
    if collapsed:
        return Html('<details class="{}">\n<summary>{}</summary>\n{}\n</details>').format(kind, title, body)
    return Html('<div class="admonition {}">\n<p class="admonition-title">{}</p>\n{}\n</div>').format(
        kind, title, body)


def link(href: str, text, cls: str = "", title: str = "") -> Markup:
    attrs = Html(' class="{}"').format(cls) if cls else Markup()
    attrs += Html(' title="{}"').format(tooltip(title)) if title else Markup()
    return Html('<a href="{}"{}>{}</a>').format(url(href), attrs, text)


def table(head: list | None, rows: list[list], align: list[str] | None = None, merge_last: bool = False) -> Markup:
    """Cells: Markup, or text (escaped). `align`: per column "right" or "" — said once, on
    the table (data-right: its right-aligned columns, which briefing.css and print.css
    align), not in a style attribute on every cell (0.4 KB of an article page). No class:
    Material styles only tables without one. Written with one escape per cell: a common
    glossary term's table of uses has a row per article of the corpus. `merge_last`: a last
    cell equal to the one above is one cell spanning those rows (the clause that states a
    list of figures, shown once beside them)."""
    width = max([len(head or [])] + [len(r) for r in rows])
    right = " ".join(str(k + 1) for k, a in enumerate(align or []) if a == "right")

    def tags(tag: str) -> list[str]:
        scope = ' scope="col"' if tag == "th" else ""   # each cell's header, for screen readers
        return [f"<{tag}{scope}>"] * width

    def row(opens: list[str], close: str, cells: list) -> str:
        return "<tr>" + "".join(opens[k] + str(escape(c)) + close for k, c in enumerate(cells)) + "</tr>"
    parts = [f'<table data-right="{right}">' if right else "<table>"]
    if head is not None:
        parts.append(f"<thead>\n{row(tags('th'), '</th>', head)}\n</thead>")
    opens = tags("td")
    spans = [1] * len(rows)   # rows each last cell spans; 0: spanned by the one above
    for n in range(len(rows) - 1, 0, -1) if merge_last else ():
        if rows[n] and len(rows[n]) == len(rows[n - 1]) and str(rows[n][-1]) == str(rows[n - 1][-1]):
            spans[n - 1], spans[n] = spans[n - 1] + spans[n], 0
    body = []
    for r, span in zip(rows, spans):
        if span == 1:
            body.append(row(opens, "</td>", r))
        else:
            cells = r[:-1] if span == 0 else r
            body.append(row(opens[:len(r) - 1] + [f'<td rowspan="{span}">'], "</td>", cells))
    parts.append("<tbody>\n" + "\n".join(body) + "\n</tbody>")
    parts.append("</table>")
    return Markup("\n".join(parts))


def items(entries: list, ordered: bool = False) -> Markup:
    tag = Html("ol" if ordered else "ul")
    return Html("<{0}>\n{1}\n</{0}>").format(tag, join((Html("<li>{}</li>").format(e) for e in entries), "\n"))


class Footnotes:
    """Footnote references and the list at the end, with the ids and classes of
    Python-Markdown's footnotes extension (Material's footnote tooltips read them).
    `prefix`: before every id, where several documents share a page (a briefing pack);
    `back`: the back link's title, in the page's language ("{}": the note's number)."""

    def __init__(self, footnotes, prefix: str = "", back: str = "Back to note {} in the text"):
        self.back = back
        self.number = {f.mark: n for n, f in enumerate(footnotes, 1)}
        self.refs: dict[str, int] = {}
        self.prefix = prefix

    def ref(self, note) -> Markup:
        if note.mark not in self.number:   # a mark with no note: keep what the source printed
            return esc(note.source or note.mark)
        k = self.refs[note.mark] = self.refs.get(note.mark, 0) + 1
        ref_id = f"{self.prefix}fnref:{note.mark}" if k == 1 else f"{self.prefix}fnref{k}:{note.mark}"
        return Html('<sup id="{}"><a class="footnote-ref" href="#{}fn:{}">{}</a></sup>').format(
            ref_id, self.prefix, note.mark, self.number[note.mark])

    def section(self, notes: list[tuple[str, str]]) -> Markup:
        """notes: (mark, text: Markup or text), in order."""
        if not notes:
            return Markup()
        out = [Html('<div class="footnote">'), Html("<hr />"), Html("<ol>")]
        for mark, text in notes:
            back = join(
                Html('<a class="footnote-backref" href="#{}{}:{}" title="{}">&#8617;</a>').format(
                    self.prefix, "fnref" if k == 1 else f"fnref{k}", mark, self.back.format(self.number[mark]))
                for k in range(1, self.refs.get(mark, 1) + 1))
            out.append(Html('<li id="{}fn:{}">\n<p>{}&#160;{}</p>\n</li>').format(self.prefix, mark, text, back))
        out += [Html("</ol>"), Html("</div>")]
        return join(out, "\n")


def toc_entry(level: int, anchor: str, text: str) -> list:
    """One table-of-contents row for the front matter: [level, id, title as HTML]."""
    return [level, anchor, str(esc(text))]

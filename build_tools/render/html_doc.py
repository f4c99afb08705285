"""The HTML writer for the long generated pages (articles, glossary entries, lists).

Why HTML and not Markdown: these pages are already structured in the document model, and
Python-Markdown's inline processing of them was half of the whole site build. The page file
is still a Markdown file (front matter + a block of HTML, which is valid Markdown); the
hook (mkdocs_hook.py) hands the HTML to MkDocs as the page's content, resolving `.md` links
as MkDocs does, and gives MkDocs the table of contents from the front matter.

The markup is what Python-Markdown and its extensions write for the same constructs
(admonitions, details, tables, footnotes, permalinks), so Material styles it the same.
Source text is data: every piece of it goes through esc()."""
from __future__ import annotations

import html

from .markdown_doc import inline

PAGE_FORMAT_KEY = "briefing_html"   # front matter key: the body is HTML, toc in "briefing_toc"


def esc(text: str) -> str:
    """Text as HTML text (not for attribute values: attr())."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def inline_html(text: str, notes=(), lead: int = 0, note_ref=None, spans=()) -> str:
    """Escaped text with footnote references, a bold run-in lead and spans (glossary terms)."""
    return inline(text, notes, lead, note_ref, spans, esc=esc, bold=("<strong>", "</strong>"),
                  block_start=lambda s: s)


def heading(level: int, text: str, anchor: str, extra: str = "") -> str:
    """A heading with its permalink, as the toc extension writes it (`extra`: HTML after
    the text, such as a translation badge)."""
    return (f'<h{level} id="{anchor}">{esc(text)}{extra}<a class="headerlink" href="#{anchor}" '
            f'title="Permanent link">&para;</a></h{level}>')


def paragraph(inner: str, anchor: str | None = None) -> str:
    return f'<p id="{anchor}">{inner}</p>' if anchor else f"<p>{inner}</p>"


def admonition(kind: str, title: str, body: str, collapsed: bool = False) -> str:
    if collapsed:
        return f'<details class="{kind}">\n<summary>{esc(title)}</summary>\n{body}\n</details>'
    return f'<div class="admonition {kind}">\n<p class="admonition-title">{esc(title)}</p>\n{body}\n</div>'


def link(href: str, text_html: str, cls: str = "", title: str = "") -> str:
    attrs = f' class="{cls}"' if cls else ""
    attrs += f' title="{attr(title)}"' if title else ""
    return f'<a href="{attr(href)}"{attrs}>{text_html}</a>'


def table(head: list[str] | None, rows: list[list[str]], align: list[str] | None = None) -> str:
    """Cells are HTML already. `align`: per column "left", "right" or "" (the tables
    extension writes a style attribute)."""
    def cells(tag: str, row: list[str]) -> str:
        out = []
        for k, c in enumerate(row):
            a = align[k] if align and k < len(align) else ""
            style = f' style="text-align: {a};"' if a else ""
            scope = ' scope="col"' if tag == "th" else ""   # each cell's header, for screen readers
            out.append(f"<{tag}{scope}{style}>{c}</{tag}>")
        return "<tr>" + "".join(out) + "</tr>"
    parts = ["<table>"]
    if head is not None:
        parts.append("<thead>\n" + cells("th", head) + "\n</thead>")
    parts.append("<tbody>\n" + "\n".join(cells("td", r) for r in rows) + "\n</tbody>")
    parts.append("</table>")
    return "\n".join(parts)


def items(entries: list[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>\n" + "\n".join(f"<li>{e}</li>" for e in entries) + f"\n</{tag}>"


class Footnotes:
    """Footnote references and the list at the end, with the ids and classes of
    Python-Markdown's footnotes extension (Material's footnote tooltips read them)."""

    def __init__(self, footnotes):
        self.number = {f.mark: n for n, f in enumerate(footnotes, 1)}
        self.refs: dict[str, int] = {}

    def ref(self, note) -> str:
        if note.mark not in self.number:   # a mark with no note: keep what the source printed
            return esc(note.source or note.mark)
        k = self.refs[note.mark] = self.refs.get(note.mark, 0) + 1
        ref_id = f"fnref:{note.mark}" if k == 1 else f"fnref{k}:{note.mark}"
        return (f'<sup id="{ref_id}"><a class="footnote-ref" href="#fn:{note.mark}">'
                f"{self.number[note.mark]}</a></sup>")

    def section(self, notes: list[tuple[str, str]]) -> str:
        """notes: (mark, text as HTML), in order."""
        if not notes:
            return ""
        out = ['<div class="footnote">', "<hr />", "<ol>"]
        for mark, text in notes:
            back = "".join(
                f'<a class="footnote-backref" href="#{"fnref" if k == 1 else f"fnref{k}"}:{mark}" '
                f'title="Jump back to footnote {self.number[mark]} in the text">&#8617;</a>'
                for k in range(1, self.refs.get(mark, 1) + 1))
            out.append(f'<li id="fn:{mark}">\n<p>{text}&#160;{back}</p>\n</li>')
        out += ["</ol>", "</div>"]
        return "\n".join(out)


def toc_entry(level: int, anchor: str, text: str) -> list:
    """One table-of-contents row for the front matter: [level, id, title as HTML]."""
    return [level, anchor, esc(text)]

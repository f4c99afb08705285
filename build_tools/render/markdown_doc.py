"""The document as Markdown, and back. Source text is data: every character that Markdown,
HTML or an extension could read as syntax is escaped, so `<script>`, `#`, `---`, `{{ }}`
or `[x](javascript:…)` in a source show as the literal text they are.

`write_document_markdown` is what `briefing clean --format markdown` prints; reading it
back gives the same document, so cleaning our own output again changes nothing."""
from __future__ import annotations

import re

import yaml

from ..model import Document, Footnote, Heading, ListBlock, NoteRef, Paragraph, Table

MARKER_KEY = "briefing-document"
FORMAT_VERSION = 1

# Python-Markdown unescapes exactly these after a backslash (its ESCAPED_CHARS plus "|"
# from the tables extension); "<", ">" and "&" become entities instead.
_ESCAPABLE = "\\`*_{}[]()#+-.!|"
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+(?=[.)]))")


def escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def escape_block_start(md: str) -> str:
    """Escape what would start a heading, list, rule or setext underline at a line start."""
    m = _LINE_START.match(md)
    if not m:
        return md
    if m.group(2).isdigit():
        end = m.end()
        return md[:end] + "\\" + md[end:]
    return md[:m.start(2)] + "\\" + md[m.start(2):]


def unescape(md: str) -> str:
    md = re.sub(r"\\([" + re.escape(_ESCAPABLE) + "])", r"\1", md)
    return md.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def inline(text: str, notes: list[NoteRef] = (), lead: int = 0, note_ref=None,
           spans: list[tuple[int, int, str, str]] = (), esc=escape, bold=("**", "**"),
           block_start=escape_block_start, join="".join) -> str:
    """Escaped text with footnote references, a bold run-in lead, and `spans`: (start, end,
    opening markup, closing markup) such as glossary terms. A span that crosses the end of
    the lead is left out, so markup always nests. Markdown by default; the HTML writer
    passes its own escape, bold markup and join (html_doc.py: Markup)."""
    note_ref = note_ref or (lambda note: f"[^{note.mark}]")
    wraps = [(0, lead, *bold)] if lead else []
    wraps += [sp for sp in spans if not (lead and sp[0] < lead < sp[1])]
    cuts = sorted({0, len(text), *(n.offset for n in notes), *(p for sp in wraps for p in sp[:2])})
    out = []
    for pos in cuts:
        out += [close for start, end, _, close in reversed(wraps) if end == pos and start < pos]
        out += [note_ref(n) for n in notes if n.offset == pos]
        out += [open_ for start, end, open_, _ in wraps if start == pos and end > pos]
        nxt = next((c for c in cuts if c > pos), None)
        if nxt is not None:
            out.append(esc(text[pos:nxt]))
    return block_start(join(out))


_DELIMITER = re.compile(r"\s*:?-+:?\s*")


def _cell(text: str) -> str:
    """A cell's Markdown: escaped, and a cell of dashes (":--") with its first dash
    escaped too, so that its row does not read as the header's delimiter row."""
    md = escape(text)
    if _DELIMITER.fullmatch(md):
        k = md.index("-")
        md = md[:k] + "\\" + md[k:]
    return md or " "


def table_markdown(rows: list[list[str]]) -> str:
    def row(cells):
        return "| " + " | ".join(_cell(c) for c in cells) + " |"
    lines = [row(rows[0]), "| " + " | ".join("---" for _ in rows[0]) + " |"]
    lines += [row(r) for r in rows[1:]]
    return "\n".join(lines)


def block_markdown(b, heading_offset: int = 1, note_ref=None) -> str:
    if isinstance(b, Heading):
        return "#" * (b.level + heading_offset) + " " + escape(b.text)
    if isinstance(b, Paragraph):
        return inline(b.text, b.notes, b.lead, note_ref)
    if isinstance(b, Table):
        return table_markdown(b.rows)
    if isinstance(b, ListBlock):
        return "\n".join(f"{n}. {escape(t)}" for n, t in enumerate(b.items, 1))
    raise TypeError(b)


def write_document_markdown(doc: Document) -> str:
    meta = {MARKER_KEY: FORMAT_VERSION}
    for key in ("title", "subtitle", "authors", "abstract", "keywords", "metadata"):
        value = getattr(doc, key)
        if value:
            meta[key] = value
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    parts = [f"---\n{head}---"]
    parts += [block_markdown(b) for b in doc.blocks]
    parts += [f"[^{f.mark}]: {escape(f.text)}" for f in doc.footnotes]
    return "\n\n".join(parts) + "\n"


def is_document_markdown(text: str) -> bool:
    return text.startswith("---\n") and f"\n{MARKER_KEY}:" in "\n" + text[4:text.find("\n---", 4)]


_NOTE = re.compile(r"\[\^(\w+)\]")


def _read_inline(md: str) -> Paragraph:
    lead = 0
    if md.startswith("**"):
        end = md.find("**", 2)
        inner = md[2:end]
        md = inner + md[end + 2:]
        lead_md = inner
    else:
        lead_md = None
    text, notes, pos = [], [], 0
    for m in _NOTE.finditer(md):
        if m.start() and md[m.start() - 1] == "\\":
            continue
        text.append(unescape(md[pos:m.start()]))
        notes.append(NoteRef(sum(map(len, text)), m.group(1), f"[^{m.group(1)}]"))
        pos = m.end()
    text.append(unescape(md[pos:]))
    if lead_md is not None:
        lead = len(unescape(_NOTE.sub("", lead_md)))
    return Paragraph("".join(text), notes=notes, lead=lead)


def read_document_markdown(text: str, source: str = "") -> Document:
    from ..reading import SourceError
    from ..safe_yaml import load_yaml
    end = text.find("\n---", 4)
    meta = load_yaml(text[4:end], source, first_line=2)[0] or {}
    types = {"title": str, "subtitle": str, "abstract": str, "authors": list, "keywords": list, "metadata": dict}
    if not isinstance(meta, dict):
        raise SourceError(source, "the front matter must be a mapping of keys to values", 2)
    for key, kind in types.items():
        if key in meta and not isinstance(meta[key], kind):
            raise SourceError(source, f"front matter key '{key}' must be {kind.__name__}, got {meta[key]!r}"[:300])
    doc = Document(source=source, title=meta.get("title"), subtitle=meta.get("subtitle"),
                   authors=[str(a) for a in meta.get("authors", [])], abstract=meta.get("abstract"),
                   keywords=[str(k) for k in meta.get("keywords", [])],
                   metadata={str(k): str(v) for k, v in meta.get("metadata", {}).items()})
    doc.changes.append(("read_document_markdown", "read a briefing document; nothing to clean"))
    body = text[end + 4:].strip("\n")
    for chunk in re.split(r"\n{2,}", body):
        if not chunk.strip():
            continue
        if m := re.match(r"^(#{2,4}) (.*)$", chunk):
            doc.blocks.append(Heading(len(m.group(1)) - 1, unescape(m.group(2))))
        elif m := re.match(r"^\[\^(\w+)\]: (.*)$", chunk, re.S):
            doc.footnotes.append(Footnote(m.group(1), unescape(m.group(2))))
        elif chunk.startswith("| "):
            rows = [r for r in chunk.split("\n") if not re.match(r"^\| (---( \| )?)+", r)]
            doc.blocks.append(Table([[unescape(c.strip()) for c in re.split(r"(?<!\\)\|", r)[1:-1]]
                                     for r in rows]))
        elif re.match(r"^1\. ", chunk) and all(re.match(r"^\d+\. ", ln) for ln in chunk.split("\n")):
            doc.blocks.append(ListBlock([unescape(ln.split(". ", 1)[1]) for ln in chunk.split("\n")]))
        else:
            doc.blocks.append(_read_inline(chunk))
    return doc

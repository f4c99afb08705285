"""What `briefing build` tells the editor: progress while it works (a bar on a terminal,
plain lines in CI or a log), and per source what was kept, removed and found."""
from __future__ import annotations

import sys

from .model import Heading, ListBlock, Paragraph, Table
from .reading import WARNING
from .translations import units


def progress_printer(stream=sys.stderr):
    tty = stream.isatty()

    def show(done: int, total: int, name: str) -> None:
        if tty:
            filled = int(30 * done / total)
            stream.write(f"\rcleaning [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {name[:40]:<40}")
            if done == total:
                stream.write("\n")
        else:
            stream.write(f"cleaned {done}/{total}: {name}\n")
        stream.flush()
    return show


def kept_characters(doc) -> int:
    parts = [doc.title or "", doc.subtitle or "", doc.abstract or "", *doc.keywords, *doc.metadata.values()]
    for b in doc.blocks:
        if isinstance(b, (Heading, Paragraph)):
            parts.append(b.text)
        elif isinstance(b, ListBlock):
            parts += b.items
        elif isinstance(b, Table):
            parts += [c for row in b.rows for c in row]
    parts += [f.text for f in doc.footnotes]
    return sum(len(p) for p in parts)


def source_report(article, english) -> tuple[list[str], list[str]]:
    """(columns, warnings) for one source."""
    doc, e = article.doc, article.enriched
    statuses = [english.text(article.source.stem, u.text)[1] for u in units(doc)]
    covered = statuses.count("ok") / len(statuses) if statuses else 0.0
    warnings = []
    if not any(isinstance(b, Paragraph) for b in doc.blocks):
        warnings.append("no paragraphs found")
    if statuses.count("stale"):
        warnings.append(f"{statuses.count('stale')} stale translation(s)")
    for name, message in doc.changes:
        if "left as text" in message or name == WARNING:
            warnings.append(message)
    columns = [article.source.path.name, str(kept_characters(doc)),
               f"{sum(len(r.text) for r in doc.removed)} ({len(doc.removed)})",
               str(sum(isinstance(b, Heading) for b in doc.blocks)), str(len(doc.footnotes)),
               str(sum(e.term_counts.values())), f"{covered:.0%}"]
    return columns, warnings


def report_table(articles, english) -> str:
    head = ["source", "kept", "removed (items)", "headings", "footnotes", "glossary hits", "English"]
    rows, notes = [head], []
    for a in articles:
        columns, warnings = source_report(a, english)
        rows.append(columns)
        notes += [f"warning: {a.source.path.name}: {w}" for w in warnings]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
    return "\n".join(lines + notes)

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


NO_TITLE = "no title found — set `title_zh` in the sidecar"


def found_lines(doc, sidecar_title: str | None = None) -> list[str]:
    """What the cleaner found, for the editor to check: the title (or what to do without
    one), the headings indented by level, and every string it removed, with its line."""
    if doc.title:
        out = [f"title: {doc.title}"]
    elif sidecar_title:
        out = [f"title: none found in the text; the sidecar's title_zh is used: {sidecar_title}"]
    else:
        out = [f"title: {NO_TITLE}"]
    if doc.subtitle:
        out.append(f"subtitle: {doc.subtitle}")
    if doc.authors:
        out.append(f"authors: {'、'.join(doc.authors)}")
    heads = [b for b in doc.blocks if isinstance(b, Heading)]
    out.append(f"headings ({len(heads)}):")
    out += [f"  {'  ' * (h.level - 1)}[{h.level}] {h.text}" for h in heads]
    out.append(f"removed ({len(doc.removed)}):")
    out += [f"  {f'page {r.page}' if r.page else f'line {r.line}'}: {r.text[:60]!r} ({r.reason})"
            for r in doc.removed]
    return out


def source_report(article, english) -> tuple[list[str], list[str]]:
    """(columns, warnings) for one source."""
    doc, e = article.doc, article.enriched
    statuses = [english.text(article.source.stem, u.text)[1] for u in units(doc)]
    covered = statuses.count("ok") / len(statuses) if statuses else 0.0
    columns = [article.source.path.name, str(kept_characters(doc)),
               f"{sum(len(r.text) for r in doc.removed)} ({len(doc.removed)})",
               str(sum(isinstance(b, Heading) for b in doc.blocks)), str(len(doc.footnotes)),
               str(sum(e.term_counts.values())), f"{covered:.0%}"]
    return columns, source_warnings(article, statuses)


def source_warnings(article, statuses) -> list[str]:
    """`statuses`: of its units' translations (None: not worked out, as the source has no
    translation to be stale)."""
    doc = article.doc
    warnings = []
    if not doc.title and not article.source.meta.get("title_zh"):
        warnings.append(NO_TITLE)
    if not any(isinstance(b, Paragraph) for b in doc.blocks):
        warnings.append("no paragraphs found")
    if statuses and statuses.count("stale"):
        warnings.append(f"{statuses.count('stale')} stale translation(s)")
    for name, message in doc.changes:
        if "left as text" in message or name == WARNING:
            warnings.append(message)
    return warnings


def report_table(articles, english, cleaned: set | None = None) -> str:
    """The table of sources and what was found in each; `cleaned`: the sources read this
    build (an incremental build lists those, and warns about every source: at 10,000
    sources the whole table was 4 s and 10,000 lines of every build)."""
    head = ["source", "kept", "removed (items)", "headings", "footnotes", "glossary hits", "English"]
    listed = [a for a in articles if cleaned is None or a.source.path in cleaned]
    rows, notes = [head], []
    for a in articles:
        if cleaned is None or a.source.path in cleaned:
            columns, warnings = source_report(a, english)
            rows.append(columns)
        else:
            stem = a.source.stem
            translated = english.catalog(stem)
            warnings = source_warnings(a, [english.text(stem, u.text)[1] for u in units(a.doc)] if translated else None)
        notes += [f"warning: {a.source.path.name}: {w}" for w in warnings]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
    if len(listed) < len(articles):
        lines.append(f"not listed: {len(articles) - len(listed)} unchanged since the last build "
                     "(`briefing site --full` lists every source)")
    found = []
    for a in listed:
        found += ["", f"{a.source.path.name}:"]
        found += ["  " + ln for ln in found_lines(a.doc, a.source.meta.get("title_zh"))]
    return "\n".join(lines + notes + found)

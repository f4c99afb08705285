"""Gold documents from a second source: the national government work reports of 2024-2026
(snapshot of YaaaFei/gov-work-report-corpus-demo, manifest_dev2.tsv).

Each CSV is a Chinese-English sentence alignment of one report: one row per aligned
sentence group, with the report line it came from ("年度文件内行号") and its place in that
line ("段内对齐序号"). Only the Chinese column is used. The report's own lines are rebuilt
by joining a line's sentences in order; each line is then read as in reports.py: a line
numbered "一、" / "（一）" of at most 40 characters is a heading (levels 1 and 2), a short
unpunctuated line an unnumbered heading, every other line a paragraph; the "（来源：……）"
trailer is not part of the report. The national reports differ from the provincial ones
the other parts use: their "（一）……。" items are run-in leads of long paragraphs (no
headings), their points run "一是……二是……" inside paragraphs, and lines lie far apart.

A document is a window of one report: from the start of its k-th "一、" section (the
manifest's sixth column; 0 includes the "各位代表：" opening) to the end, titled
"政府工作报告" (the report's own title) or "政府工作报告（节选）" for a window that starts
after the opening, then presented in a genre and cut to its length by reports.present.
The dataset has no subtitle or speaker line, so none is printed.
"""
from __future__ import annotations

import csv
import io
import re

from benchmarks.corpus.reports import _document

_SECTION = re.compile(r"^[一二三四五六七八九十]+、")


def report_lines(csv_text: str) -> list[str]:
    """The report's lines, rebuilt from the aligned sentences (Chinese column)."""
    lines: dict[int, list[tuple[int, str]]] = {}
    for row in csv.DictReader(io.StringIO(csv_text)):
        lines.setdefault(int(row["年度文件内行号"]), []).append((int(row["段内对齐序号"]), row["中文"].strip()))
    return ["".join(s for _, s in sorted(parts)) for _, parts in sorted(lines.items())]


def parse_window(csv_text: str, section: int) -> dict | None:
    """The gold document of the window starting at the report's `section`-th "一、" line."""
    lines = report_lines(csv_text)
    starts = [i for i, ln in enumerate(lines) if _SECTION.match(ln) and len(ln) <= 40]
    if section >= len(starts):
        return None
    begin = 0 if section == 0 else starts[section]
    title = "政府工作报告" if section == 0 else "政府工作报告（节选）"
    return _document(title, None, "", lines[begin:], "")

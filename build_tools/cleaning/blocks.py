"""Passes that find tables, figure and table captions (with their source notes) and
ordered lists among the remaining lines."""
from __future__ import annotations

import re

from ..text import is_terminated, join_wrapped
from .core import BODY, CAPTION, LIST, TABLE, Draft, cleaning_pass

_LIST_ITEM = re.compile(r"^(\d{1,2})[.．、](?!\d)\s*(\S.*)$")
_CAPTION = re.compile(r"^(?:图|表|Figure|Table|Fig\.)\s*\d+(?:[-.．]\d+)?(?:\s|[:：．.]|$)")
_SOURCE_NOTE = re.compile(r"^(?:资料来源|数据来源|来源|注)[：:]")


@cleaning_pass("detect_tables")
def detect_tables(draft: Draft) -> None:
    """Tab-separated rows become tables; a row continued across a page break is merged."""
    lines = draft.lines
    i, n_tables = 0, 0
    while i < len(lines):
        if lines[i].kind != BODY or "\t" not in lines[i].raw:
            i += 1
            continue
        run = [i]
        j = i
        while (k := draft.next_content(j)) is not None and "\t" in lines[k].raw:
            run.append(k)
            j = k
        if len(run) < 2 and lines[i].raw.count("\t") < 2:
            i += 1
            continue
        rows: list[list[str]] = []
        for pos, k in enumerate(run):
            cells = [c.strip() for c in lines[k].raw.strip("\n").split("\t")]
            after_break = pos > 0 and k - run[pos - 1] > 1
            if rows and after_break and not cells[0] and _continues_row(rows[-1], cells):
                for c, text in enumerate(cells):
                    if text:
                        rows[-1][c] = join_wrapped(rows[-1][c], text)
                draft.note("detect_tables", f"line {lines[k].no}: row continued after a page break")
            else:
                rows.append(cells)
            lines[k].kind = TABLE
        width_ = max(len(r) for r in rows)
        rows = [r + [""] * (width_ - len(r)) for r in rows]
        while all(not r[-1] for r in rows) and len(rows[0]) > 1:   # trailing empty column
            rows = [r[:-1] for r in rows]
        lines[i].rows = rows
        n_tables += 1
        i = run[-1] + 1
    if n_tables:
        draft.note("detect_tables", f"found {n_tables} table(s)")


def _continues_row(prev: list[str], cells: list[str]) -> bool:
    filled = [c for c, t in enumerate(cells) if t]
    return bool(filled) and all(c < len(prev) and prev[c] and not is_terminated(prev[c])
                                for c in filled)


@cleaning_pass("detect_captions")
def detect_captions(draft: Draft) -> None:
    """Figure/table captions and their source notes ("资料来源：…") float with the figure."""
    n = 0
    for i, line in enumerate(draft.lines):
        if line.kind != BODY:
            continue
        if _CAPTION.match(line.text) and len(line.text) <= 80:
            line.kind = CAPTION
            n += 1
        elif _SOURCE_NOTE.match(line.text) and len(line.text) <= 120:
            p = draft.prev_content(i)
            if p is not None and draft.lines[p].kind in (TABLE, CAPTION):
                line.kind = CAPTION
                n += 1
    if n:
        draft.note("detect_captions", f"found {n} caption/source line(s)")


@cleaning_pass("detect_lists")
def detect_lists(draft: Draft) -> None:
    """Runs of consecutively numbered short lines ("1. …", "2. …") are an ordered list."""
    lines = draft.lines
    i = 0
    while i < len(lines):
        m = _LIST_ITEM.match(lines[i].text) if lines[i].kind == BODY else None
        if not m or m.group(1) != "1":
            i += 1
            continue
        run, items, j = [i], [m.group(2)], i
        while (k := draft.next_content(j)) is not None:
            mk = _LIST_ITEM.match(lines[k].text)
            if not mk or int(mk.group(1)) != len(run) + 1:
                break
            run.append(k)
            items.append(mk.group(2))
            j = k
        if len(run) >= 2 and all(len(t) <= 80 for t in items):
            for k in run:
                lines[k].kind = LIST
                marker = _LIST_ITEM.match(lines[k].text)
                draft.remove(lines[k].text[:marker.start(2)], "list marker (kept as list numbering)",
                             lines[k].no)
            lines[i].items = items
            draft.note("detect_lists", f"line {lines[i].no}: list of {len(items)} items")
            i = run[-1] + 1
        else:
            i += 1

"""The pass that takes an article's headings from the outline it announces ("本文分为
七个部分：1. …")."""
from __future__ import annotations

from ..text import join_wrapped
from .core import BODY, HEADING, LIFTED, LIST, Draft, HeadingFacts, Line, cleaning_pass
from .grammar import _prev_closes


def _letters(s: str) -> str:
    return "".join(c for c in s if c.isalnum())


@cleaning_pass("detect_outline_headings")
def detect_outline_headings(draft: Draft) -> None:
    """An article that lists its parts ("本文分为七个部分：1. …") names its headings: find
    each listed title at the start of a body line (even when the extractor fused it with
    the first sentence of its section) and split it off as a heading."""
    lines = draft.lines
    for start, line in enumerate(lines):
        items = line.items if line.kind == LIST else None
        if not items or len(items) < 3:
            continue
        found = []
        pos = start
        for item in items:
            key = _letters(item)
            if len(key) < 4:
                continue
            hit = _find_title(draft, key, pos)
            if hit:
                found.append(hit)
                pos = hit[0]
        if len(found) < max(2, len(items) // 2):
            continue
        for i, j, cut in reversed(found):
            _split_heading(draft, i, j, cut)
        draft.note("detect_outline_headings",
                   f"{len(found)} heading(s) from the outline list at line {line.no}")


def _find_title(draft: Draft, key: str, after: int):
    """(first line, last line, characters of the last line in the title) or None."""
    lines = draft.lines
    for i in range(after + 1, len(lines)):
        if lines[i].kind != BODY or not _prev_closes(draft, i):
            continue
        j = draft.next_content(i)
        span = [i] + ([j] if j is not None else [])
        got = ""
        for idx in span:
            text = lines[idx].text
            for c_pos, ch in enumerate(text):
                if ch.isalnum():
                    if key[len(got)] != ch:
                        break
                    got += ch
                    if got == key:
                        return i, idx, c_pos + 1
            else:
                continue
            break
    return None


def _split_heading(draft: Draft, i: int, j: int, cut: int) -> None:
    lines = draft.lines
    text = ""
    for k in range(i, j):
        if lines[k].kind == BODY:
            text = join_wrapped(text, lines[k].text)
            lines[k].kind = LIFTED if k != i else HEADING
    last = lines[j]
    text = join_wrapped(text, last.text[:cut])
    rest = last.text[cut:].strip()
    head = lines[i]
    head.kind = HEADING
    head.heading = HeadingFacts("outline", "", text)
    if j != i:
        last.text = rest
        last.kind = BODY if rest else LIFTED
        last.starts_paragraph = True
    elif rest:
        body = Line(head.no, head.raw, rest, False, BODY, starts_paragraph=True)
        lines.insert(i + 1, body)

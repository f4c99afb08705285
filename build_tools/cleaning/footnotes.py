"""Lift footnotes: the texts that the page layout dropped into the body, and the marks
that point at them. Sources restart ① on every page, so a mark refers to the first unused
footnote text with its symbol that comes after it; numbering is made unique later."""
from __future__ import annotations

import re

from ..model import Footnote
from ..text import is_terminated, join_wrapped
from .core import BODY, LIFTED, Draft, cleaning_pass

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_DEF = re.compile(rf"^(\^?\s*[{CIRCLED}])\s*(.*)$")
_CARET_MARK = re.compile(rf"\^\s*([{CIRCLED}])")
_BARE_MARK = re.compile(rf"(?<=[。，；、”」）)\w])([{CIRCLED}])(?=[，。；、”\s]|$)|(?<=[。，；、”」）)])([{CIRCLED}])")

_LEADING_MARK = re.compile(rf"^([{CIRCLED}])")

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


def sentinel(ref: int) -> str:
    """How a resolved footnote reference (an index into Draft.refs) sits in text until
    numbering (see finish.py)."""
    return f"{MARK_OPEN}{ref}{MARK_CLOSE}"


def _symbol(mark: str) -> str:
    return mark.replace("^", "").strip()


@cleaning_pass("lift_footnotes")
def lift_footnotes(draft: Draft) -> None:
    """Lift footnote texts out of the body and turn their marks into references."""
    lines = draft.lines
    defs: list[tuple[int, Footnote]] = []   # (line index, footnote)
    for i, line in enumerate(lines):
        if line.kind != BODY or "\t" in line.raw:
            continue
        m = _DEF.match(line.text)
        if m and m.group(2):
            fn = Footnote(mark="", text=m.group(2), source_mark=m.group(1).replace(" ", ""), line=line.no)
            defs.append((i, fn))
            line.kind = LIFTED
            line.footnote = fn
    defs = _drop_marks_at_line_starts(draft, defs)
    if not defs:
        return
    def_lines = {i for i, _ in defs}
    # Hard-wrapped footnotes: a full, unterminated footnote line continues on the next line.
    if not draft.layout.soft:
        for i, fn in defs:
            j, cur = i, lines[i]
            while draft.layout.full(cur) and not is_terminated(fn.text):
                j = draft.next_content(j)
                if j is None or j in def_lines:
                    break
                fn.text = join_wrapped(fn.text, lines[j].text)
                lines[j].kind = LIFTED
                cur = lines[j]
    # A footnote cut by a page break ends on an unmarked line just above the next page's
    # footnotes: the last footnote so far is unterminated, the line is terminated.
    last: Footnote | None = None
    for i, line in enumerate(lines):
        if line.footnote is not None:
            last = line.footnote
            continue
        if line.kind != BODY or last is None or is_terminated(last.text) and not last.text.endswith(">"):
            continue
        nxt = draft.next_content(i, kinds=(BODY, LIFTED))
        if nxt is not None and nxt in def_lines and is_terminated(line.text) \
                and draft.prev_content(i) not in def_lines:
            last.text = join_wrapped(last.text, line.text)
            line.kind = LIFTED
            draft.note("lift_footnotes", f"line {line.no} continues footnote {last.source_mark} "
                                         f"of line {last.line} after a page break")
            last = None
    # Marks: each resolves to the first unused footnote with its symbol after it.
    used: set[int] = set()
    resolved = unresolved = 0
    for i, line in enumerate(lines):
        if line.kind != BODY or "\t" in line.raw:
            continue

        def resolve(m: re.Match) -> str:
            nonlocal resolved, unresolved
            symbol = next(g for g in m.groups() if g)
            for k, (j, fn) in enumerate(defs):
                if j > i and k not in used and _symbol(fn.source_mark) == symbol:
                    used.add(k)
                    resolved += 1
                    draft.refs.append((k, m.group(0)))
                    return sentinel(len(draft.refs) - 1)
            unresolved += 1
            return m.group(0)

        text = _CARET_MARK.sub(resolve, line.text)
        text = _BARE_MARK.sub(resolve, text)
        at_start, line.mark_at_start = line.mark_at_start, False
        if at_start:
            text = _LEADING_MARK.sub(resolve, text, count=1)
        line.text = text
    draft.doc.footnotes = [fn for _, fn in defs]
    draft.note("lift_footnotes", f"lifted {len(defs)} footnote(s); resolved {resolved} mark(s)"
                                 + (f", {unresolved} left as text" if unresolved else ""))


def _drop_marks_at_line_starts(draft: Draft, defs: list) -> list:
    """A page numbers its notes once: when two lines of one page (between folios) open
    with the same symbol, the earlier is body text whose reference mark the line
    breaking put at the start of the line ("五年来，" / "②我们牢记……"), when the line
    before it is unfinished: it goes back to the body, its mark resolved as a reference.
    Without folios the pages are unknown and nothing changes."""
    page, pages = 0, {}
    for i, line in enumerate(draft.lines):
        if line.folio:
            page += 1
        pages[i] = page
    if page == 0:      # no folios: where pages end is unknown
        return defs
    last: dict = {}
    first_page: dict = {}
    for i, fn in defs:
        last[(pages[i], _symbol(fn.source_mark))] = i
        first_page.setdefault(_symbol(fn.source_mark), pages[i])
    kept = []
    for i, fn in defs:
        p = draft.prev_content(i)
        symbol = _symbol(fn.source_mark)
        if ((last[(pages[i], symbol)] != i or _noted_before(draft, pages, first_page, i, symbol))
                and p is not None and draft.lines[p].kind == BODY and not is_terminated(draft.lines[p].text)):
            line = draft.lines[i]
            line.kind = BODY
            line.footnote = None
            line.mark_at_start = True
            draft.note("lift_footnotes", f"line {line.no}: {fn.source_mark} opens a body line, "
                                         f"a reference (the page's note with it comes later)")
        else:
            kept.append((i, fn))
    return kept


def _noted_before(draft: Draft, pages: dict, first_page: dict, i: int, symbol: str) -> bool:
    """Was the note of line i's symbol printed on an earlier page, with no mark of that
    symbol on line i's page before it? A note follows its reference, so line i, opening
    with the mark, is the reference, put at the line start by the line breaking (the
    typesetter floated the note to the foot of the page before)."""
    if first_page[symbol] >= pages[i]:
        return False
    return not any(pages[k] == pages[i] and symbol in ln.text
                   for k, ln in enumerate(draft.lines[:i]) if ln.kind == BODY)

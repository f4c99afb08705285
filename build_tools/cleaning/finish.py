"""Final passes: tidy spacing in every text field, mark run-in leads, and number footnotes
uniquely per document, turning in-text marks into (offset, mark) references."""
from __future__ import annotations

import re

from ..model import Heading, ListBlock, NoteRef, Paragraph, Table
from ..text import tidy_spacing
from .core import Draft, cleaning_pass
from .footnotes import MARK_CLOSE, MARK_OPEN

# "图1 …", "表 1 …": the caption number keeps one space before the caption, as in headings.
_CAPTION_NUMBER = re.compile(r"^((?:图|表|Figure|Table|Fig\.)\s*\d+(?:[-.．]\d+)?)\s+(\S.*)$")
_SENTINEL = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")


@cleaning_pass("tidy_spacing")
def tidy_all_spacing(draft: Draft) -> None:
    """No spaces between CJK characters or between CJK and digits/Latin; one in Latin."""
    doc = draft.doc
    for b in doc.blocks:
        if isinstance(b, Heading):
            m = re.match(r"^(\S+) (.*)$", b.text)
            if m and re.match(r"^(第.+[编章节篇部分]|\d{1,2}([.．]\d{1,2}){0,2}[.．]?)$", m.group(1)):
                b.text = f"{m.group(1)} {tidy_spacing(m.group(2))}"
            else:
                b.text = tidy_spacing(b.text)
        elif isinstance(b, Paragraph):
            m = _CAPTION_NUMBER.match(b.text)
            b.text = f"{m.group(1)} {tidy_spacing(m.group(2))}" if m else tidy_spacing(b.text)
        elif isinstance(b, Table):
            b.rows = [[tidy_spacing(c) for c in row] for row in b.rows]
        elif isinstance(b, ListBlock):
            b.items = [tidy_spacing(t) for t in b.items]
    for attr in ("title", "subtitle", "abstract"):
        if getattr(doc, attr):
            setattr(doc, attr, tidy_spacing(getattr(doc, attr)))
    doc.keywords = [tidy_spacing(k) for k in doc.keywords]
    doc.metadata = {k: tidy_spacing(v) for k, v in doc.metadata.items()}
    for fn in doc.footnotes:
        fn.text = tidy_spacing(fn.text)


@cleaning_pass("mark_lead_ins")
def mark_lead_ins(draft: Draft) -> None:
    """Run-in lead sentences: numbered ones ("1.1产业集群……。"), and runs of three or more
    paragraphs that each open with one short sentence ("提早布局……，……。当前……")."""
    blocks = draft.doc.blocks

    def first_sentence(p: Paragraph) -> int:
        m = re.search(r"[。！？]", p.text)
        return m.end() if m and m.end() < len(p.text) else 0

    for b in blocks:
        if isinstance(b, Paragraph) and b.lead == -1:
            n = first_sentence(b)
            b.lead = n if n <= 60 else 0
    # A run counts when a heading or a paragraph ending in "：" introduces it and a heading
    # (or the end) closes it: parallel points under one head, not any three short openers.
    run: list[Paragraph] = []
    introduced = True
    for b in blocks + [None]:
        n = first_sentence(b) if isinstance(b, Paragraph) and not b.lead else 0
        if n and n <= 32 and MARK_OPEN not in b.text[:n] and (run or introduced):
            run.append(b)
            continue
        closes = b is None or isinstance(b, Heading)
        if len(run) >= 3 and closes:
            for p in run:
                p.lead = first_sentence(p)
            draft.note("mark_lead_ins", f"{len(run)} paragraphs open with a run-in lead")
        run = []
        introduced = isinstance(b, Heading) or isinstance(b, Paragraph) and b.text.endswith("：")


@cleaning_pass("number_footnotes")
def number_footnotes(draft: Draft) -> None:
    """Give footnotes unique numbers in order of first reference (sources restart ①)."""
    doc = draft.doc
    order: dict[int, str] = {}

    def number(key: int) -> str:
        if key not in order:
            order[key] = str(len(order) + 1)
        return order[key]

    for b in doc.blocks:
        if isinstance(b, Paragraph):
            notes, out, last = [], [], 0
            for m in _SENTINEL.finditer(b.text):
                out.append(b.text[last:m.start()])
                key, printed = draft.refs[int(m.group(1))]
                notes.append(NoteRef(sum(map(len, out)), number(key), printed))
                last = m.end()
            out.append(b.text[last:])
            b.text, b.notes = "".join(out), notes

    def plain(text: str) -> str:  # marks outside paragraphs stay as printed
        return _SENTINEL.sub(lambda m: draft.refs[int(m.group(1))][1], text)

    for b in doc.blocks:
        if isinstance(b, Heading):
            b.text = plain(b.text)
        elif isinstance(b, Table):
            b.rows = [[plain(c) for c in row] for row in b.rows]
        elif isinstance(b, ListBlock):
            b.items = [plain(t) for t in b.items]
    for key in range(len(doc.footnotes)):
        number(key)
    for key, fn in enumerate(doc.footnotes):
        fn.mark = order[key]
    doc.footnotes.sort(key=lambda f: int(f.mark))

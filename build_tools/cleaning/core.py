"""The cleaning framework: a source becomes a list of classified lines, small named passes
refine the classification or lift text out, and the last passes assemble the Document.

Each pass is one job, named with @cleaning_pass and run in the order of pipeline.PASSES,
and records what it changed in Draft.changes (an explanation, like ftfy's fixers) and what
it dropped in Draft.removed.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from ..model import Document, Removal
from ..text import is_terminated, width

# Line kinds. "body" lines become paragraphs; the others are claimed by a pass.
BODY, BLANK, DROPPED, LIFTED = "body", "blank", "dropped", "lifted"
HEADING, TABLE, LIST, CAPTION = "heading", "table", "list", "caption"


@dataclass(frozen=True)
class HeadingFacts:
    kind: str        # numbering kind (grammar.KIND_RANK), "title" or "outline"
    number: str      # the number as printed ("一、", "第三章"), "" when none
    title: str


@dataclass
class Line:
    no: int          # 1-based line number in the source
    raw: str         # the line as read, without its newline
    text: str        # what is left of it (passes may cut it)
    indent: bool     # starts with white space: a new text box or an indented paragraph
    kind: str = BODY
    # What passes found about the line, for the passes after them:
    starts_paragraph: bool = False     # a new paragraph starts here (not a wrap of the last)
    joins_next: bool = False           # an article number alone on its line: joins the next
    run_in: str = ""                   # opens with a numbered run-in lead (its numbering kind)
    folio: bool = False                # a dropped page number (a page break was here)
    page_start: bool = False           # the extractor started a page here (a form feed)
    mark_at_start: bool = False        # a footnote mark line breaking put at the line start
    footnote: object = None            # the Footnote this line holds (model.Footnote)
    heading: "HeadingFacts | None" = None   # a heading's numbering kind, number and title
    items: list | None = None          # a list's items
    rows: list | None = None           # a table's rows

    @cached_property
    def width(self) -> int:
        # raw never changes; the layout passes ask for every line's width several times.
        return width(self.raw.strip())


@dataclass
class Layout:
    """How the source was wrapped. Hard-wrapped text has a column width: a line that fills
    it was wrapped by the layout; one-line-per-paragraph ("soft") text has none."""
    column: int = 0
    soft: bool = False

    def full(self, line: Line, first: bool = False) -> bool:
        """Does the line fill the column? A paragraph's first line may be short by the
        two-character indent of Chinese typesetting, whether or not the extractor kept it."""
        if self.soft:
            return False
        slack = max(4, 0.08 * self.column) + (4 if first or line.indent else 0)
        return line.width >= self.column - slack


@dataclass
class Draft:
    path: str
    lines: list[Line]
    doc: Document
    layout: Layout = field(default_factory=Layout)
    # Footnote references found in the text: (footnote index, the mark as printed).
    refs: list[tuple[int, str]] = field(default_factory=list)
    # An editor's cleaning hints from the source's sidecar (running_headers, paragraph_breaks).
    hints: dict = field(default_factory=dict)

    def remove(self, text: str, reason: str, line: int) -> None:
        if text.strip():
            self.doc.removed.append(Removal(text.strip(), reason, line))

    def note(self, pass_name: str, message: str) -> None:
        self.doc.changes.append((pass_name, message))

    def body(self) -> list[Line]:
        return [ln for ln in self.lines if ln.kind == BODY]

    def next_content(self, i: int, kinds=(BODY,)) -> int | None:
        """Index of the next line after i whose kind is in kinds, skipping blanks and
        anything already lifted out or dropped."""
        for j in range(i + 1, len(self.lines)):
            k = self.lines[j].kind
            if k in kinds:
                return j
            if k not in (BLANK, DROPPED, LIFTED):
                return None
        return None

    def prev_content(self, i: int) -> int | None:
        for j in range(i - 1, -1, -1):
            if self.lines[j].kind not in (BLANK, DROPPED, LIFTED):
                return j
        return None


PassFn = Callable[[Draft], None]


@dataclass
class CleaningPass:
    name: str
    doc: str
    run: PassFn

    @classmethod
    def of(cls, fn: PassFn) -> "CleaningPass":
        return cls(getattr(fn, "pass_name", fn.__name__), (fn.__doc__ or "").strip().split("\n")[0], fn)


def cleaning_pass(name: str):
    """Name a function as a cleaning pass. Nothing is registered: the passes that run, and
    their order, are the list in pipeline.py (a test checks that every named pass is in it)."""
    def wrap(fn: PassFn) -> PassFn:
        fn.pass_name = name
        return fn
    return wrap


def make_draft(path: str, text: str, page_starts=()) -> Draft:
    lines = []
    starts = set(page_starts)
    for no, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        lines.append(Line(no, raw.rstrip(), stripped, raw[:1].isspace() and bool(stripped),
                          BODY if stripped else BLANK, page_start=no in starts))
    return Draft(path, lines, Document(source=path))


def measure_layout(draft: Draft) -> None:
    """Estimate the column width; decide between hard-wrapped and one-line-per-paragraph."""
    body = [ln for ln in draft.lines if ln.kind == BODY and "\t" not in ln.raw]
    widths = sorted(ln.width for ln in body if len(ln.text) >= 4)
    if len(widths) < 3:
        draft.layout = Layout(column=max(widths, default=0), soft=True)
        return
    column = widths[int(len(widths) * 0.8)]
    near = sum(1 for w in widths if column * 0.85 <= w <= column * 1.08)
    # One line per paragraph: widths do not cluster at a column, and long lines end sentences.
    # (In wrapped text few long lines happen to end a sentence; paragraphs cut by a page
    # break are the unterminated long lines of one-line-per-paragraph text.)
    long_lines = [ln for ln in body if ln.width > column / 2]
    ended = sum(1 for ln in long_lines if is_terminated(ln.text))
    soft = near / len(widths) < 0.4 and ended >= 0.4 * len(long_lines)
    draft.layout = Layout(column=column, soft=soft)
    spread = statistics.pstdev(widths)
    draft.note("measure_layout", f"column width {column} (spread {spread:.0f}); "
                                 f"{'one line per paragraph' if soft else 'hard-wrapped'}")

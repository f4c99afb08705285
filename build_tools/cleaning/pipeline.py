"""The order of the cleaning passes, and the entry points that run them."""
from __future__ import annotations


from ..model import Document
from ..reading import SourceText, read_source
from . import columns, fields, finish, footnotes, furniture, paragraphs, structure  # noqa: F401 (registers passes)
from .core import PASSES, cleaning_pass, make_draft, measure_layout

cleaning_pass("measure_layout")(measure_layout)


@cleaning_pass("remeasure_layout")
def remeasure_layout(draft) -> None:
    """Measure the column again on what is left of the body, once abstracts, footnotes and
    front matter (often set wider or narrower) are lifted out."""
    measure_layout(draft)


_ORDER = [
    "measure_layout",
    "apply_editor_hints", "strip_editor_tags", "strip_end_marks", "strip_page_numbers",
    "strip_issue_lines", "split_layout_columns", "strip_running_headers",
    "lift_labelled_fields", "lift_front_matter", "reorder_page_columns", "lift_footnotes", "remeasure_layout",
    "detect_tables", "detect_captions", "detect_lists", "detect_outline_headings",
    "detect_numbered_headings", "detect_title_lines",
    "join_paragraphs", "tidy_spacing", "mark_lead_ins", "number_footnotes",
]
PASSES.sort(key=lambda p: _ORDER.index(p.name))


def clean_text(path: str, text: str, removed=(), changes=(), hints: dict | None = None) -> Document:
    draft = make_draft(path, text)
    draft.hints = hints or {}
    draft.doc.removed.extend(removed)
    draft.doc.changes.extend(changes)
    for p in PASSES:
        p.run(draft)
    draft.doc.removed.sort(key=lambda r: r.line)
    return draft.doc


def clean_source(source: SourceText, hints: dict | None = None) -> Document:
    return clean_text(source.path, source.text, source.removed, source.changes, hints)


def clean_file(path, hints: dict | None = None, max_bytes: int | None = None) -> Document:
    """Clean one source file. A briefing Markdown document (our own output) is read back
    as the document it describes and cleaned again: cleaning is idempotent."""
    from ..reading import MAX_SOURCE_BYTES
    from ..render.markdown_doc import is_document_markdown, read_document_markdown
    source = read_source(path, max_bytes or MAX_SOURCE_BYTES)
    if is_document_markdown(source.text):
        return read_document_markdown(source.text, str(path))
    return clean_source(source, hints)

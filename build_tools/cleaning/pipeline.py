"""The order of the cleaning passes, and the entry points that run them."""
from __future__ import annotations


from ..model import Document
from ..reading import SourceText, read_source
from . import (blocks, columns, fields, finish, footnotes, front_matter, furniture, numbered_headings, outline, page_edges,
               paragraphs, reading_order, title_lines)
from .core import CleaningPass, make_draft, measure_layout


def remeasure_layout(draft) -> None:
    """Measure the column again on what is left of the body, once abstracts, footnotes and
    front matter (often set wider or narrower) are lifted out."""
    measure_layout(draft)


# The passes, in the order they run.
PASSES: list[CleaningPass] = [CleaningPass.of(fn) for fn in (
    measure_layout,
    furniture.apply_editor_hints, furniture.strip_editor_tags, furniture.strip_end_marks,
    furniture.strip_page_numbers, furniture.strip_issue_lines, columns.split_layout_columns,
    furniture.strip_running_headers, page_edges.strip_page_edge_names,
    fields.lift_labelled_fields, front_matter.lift_front_matter, reading_order.restore_column_order,
    footnotes.lift_footnotes, remeasure_layout,
    blocks.detect_tables, blocks.detect_captions, blocks.detect_lists,
    outline.detect_outline_headings, numbered_headings.detect_numbered_headings, title_lines.detect_title_lines,
    paragraphs.join_paragraphs, finish.tidy_all_spacing, finish.mark_lead_ins, finish.number_footnotes,
)]


def clean_text(path: str, text: str, removed=(), changes=(), hints: dict | None = None,
               page_starts=()) -> Document:
    draft = make_draft(path, text, page_starts)
    draft.hints = hints or {}
    draft.doc.removed.extend(removed)
    draft.doc.changes.extend(changes)
    for p in PASSES:
        p.run(draft)
    draft.doc.removed.sort(key=lambda r: r.line)
    return draft.doc


def clean_source(source: SourceText, hints: dict | None = None) -> Document:
    return clean_text(source.path, source.text, source.removed, source.changes, hints, source.page_starts)


def clean_file(path, hints: dict | None = None, max_bytes: int | None = None) -> Document:
    """Clean one source file. A briefing Markdown document (our own output) is read back
    as the document it describes and cleaned again: cleaning is idempotent."""
    from ..reading import MAX_SOURCE_BYTES
    from ..render.markdown_doc import is_document_markdown, read_document_markdown
    if str(path).lower().endswith(".pdf"):
        from ..readers.pdf import read_pdf     # structure from the layout, not from text
        return read_pdf(path, max_bytes or MAX_SOURCE_BYTES)
    source = read_source(path, max_bytes or MAX_SOURCE_BYTES)
    if is_document_markdown(source.text):
        return read_document_markdown(source.text, str(path))
    return clean_source(source, hints)

"""Read a PDF into the Document model: the layout passes (pdf_passes, pdf_blocks) in
order, then the text cleaner's passes that fit a document whose structure is already
known: labelled fields (摘要/关键词 …), spacing, lead-ins, footnote numbering."""
from __future__ import annotations

from ..cleaning import finish
from ..cleaning.core import BODY, LIFTED, Draft, Layout, Line
from ..cleaning.fields import lift_labelled_fields
from ..model import Document, Paragraph
from . import pdf_blocks, pdf_passes
from .pdf_layout import read_pages

PASSES = [
    ("measure_type", pdf_passes.measure_type),
    ("find_tables", pdf_passes.find_tables),      # first: a table's small type is not furniture
    ("strip_page_furniture", pdf_passes.strip_page_furniture),
    ("lift_footnotes", pdf_passes.lift_footnotes),
    ("find_title", pdf_passes.find_title),
    ("find_columns", pdf_passes.find_columns),
    ("find_headings", pdf_passes.find_headings),
    ("make_blocks", pdf_blocks.make_blocks),
    ("find_lists", pdf_blocks.find_lists),
]


def lift_fields(d: pdf_passes.PdfDraft) -> Draft:
    """The text cleaner's labelled-field pass over the paragraphs (one line each); what
    it lifts leaves the blocks. Returns the cleaner's Draft for the finishing passes."""
    draft = Draft(d.path, [], d.doc, Layout(soft=True))
    draft.refs = d.refs
    paras = [b for b in d.doc.blocks if isinstance(b, Paragraph)]
    # Line numbers index the paragraphs; removals are moved to their page afterwards. The
    # layout's paragraph ends are final: a boundary line between paragraphs keeps a field
    # (an abstract ending in "：") from running on into the next one.
    draft.lines = []
    for k, p in enumerate(paras):
        draft.lines += [Line(k + 1, p.text, p.text, False, BODY), Line(k + 1, "", "", False, "boundary")]
    before = len(d.doc.removed)
    lift_labelled_fields(draft)
    for r in d.doc.removed[before:]:
        r.page, r.line = paras[r.line - 1].line, 0
    lifted = {id(paras[ln.no - 1]) for ln in draft.lines if ln.kind == LIFTED}
    d.doc.blocks = [b for b in d.doc.blocks if id(b) not in lifted]
    return draft


def read_pdf(path, max_bytes: int | None = None) -> Document:
    d = pdf_passes.PdfDraft(str(path), read_pages(path, max_bytes), Document(source=str(path)))
    for _, run in PASSES:
        run(d)
    draft = lift_fields(d)
    for run in (finish.tidy_all_spacing, finish.mark_lead_ins, finish.number_footnotes):
        run(draft)
    d.doc.removed.sort(key=lambda r: r.page)
    return d.doc

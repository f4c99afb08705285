"""Properties of cleaning, on the seeds and on generated sources: nothing is lost (every
character of the input ends up in the document or in `removed`), and cleaning the
document's own Markdown again changes nothing."""
from __future__ import annotations

import string

import pytest
from conftest import SEEDS, doc_characters, text_characters
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_tools.cleaning.pipeline import clean_file, clean_source, clean_text
from build_tools.reading import read_source
from build_tools.render.markdown_doc import write_document_markdown


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_loses_nothing(path):
    source = read_source(path)
    doc = clean_source(source)
    assert doc_characters(doc) == text_characters(source.text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_cleaning_own_markdown_changes_nothing(path, tmp_path):
    first = write_document_markdown(clean_file(path))
    md = tmp_path / "doc.md"
    md.write_text(first, encoding="utf-8")
    assert write_document_markdown(clean_file(md)) == first


# Generated sources: lines of CJK text with the shapes the passes look for.
_cjk = st.text(alphabet="产业链安全中国美日欧贸易摩擦高端制造技术发展的了和在是", min_size=1, max_size=30)
_piece = st.one_of(
    _cjk,
    st.sampled_from(["。", "，", "、", "：", "；", "“", "”", "（", "）", "《", "》", " ", "  ", "\t",
                     "①", "^②", "▲", "【关键词】", "摘 要院", "[责任编辑：张三]", "一、", "（二）",
                     "1.1 ", "1. ", "2. ", "3 ", "* ", "#", "---", "<script>", "{{ x }}", "|",
                     "[x](javascript:alert(1))", "12", "2020年", "Latin words", "\\", "*", "_"]),
    st.text(alphabet=string.ascii_letters + string.digits + " .,-", max_size=12),
)
_line = st.lists(_piece, max_size=8).map("".join)
_source = st.lists(_line, min_size=1, max_size=40).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_source)
@example("1. ^②\n^②业")   # a space left last in a line but for a footnote reference (found by Hypothesis)
def test_generated_source_loses_nothing(text):
    doc = clean_text("generated.txt", text)
    assert doc_characters(doc) == text_characters(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_source)
@example("\t业\n---\t业")   # a table cell of dashes read back as the delimiter row (found by Hypothesis)
@example("\t业\n:--\t业")
def test_generated_markdown_round_trip(text):
    from build_tools.render.markdown_doc import read_document_markdown
    doc = clean_text("generated.txt", text)
    first = write_document_markdown(doc)
    assert write_document_markdown(read_document_markdown(first)) == first

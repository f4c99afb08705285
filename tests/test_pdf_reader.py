"""PDF sources read directly (build_tools/readers/): fixture PDFs typeset by the real
WeasyPrint from documents of known structure, read back with PDFium, compared with the
document they came from. Each reader pass has its own test on the same fixture; bad PDFs
(a scan, encrypted, truncated, not a PDF) fail with a message naming the file."""
from __future__ import annotations

import base64
import io
import re
import subprocess
import sys

import pytest
from conftest import ROOT, doc_characters, make_project
from pdf_typeset import Layout, typeset

from build_tools.model import Document, Heading, ListBlock, Paragraph, Table
from build_tools.readers import pdf_blocks, pdf_passes
from build_tools.readers.pdf import PASSES, read_pdf
from build_tools.readers.pdf_layout import read_pages
from build_tools.reading import SourceError

_PHRASES = ["全球产业链加速重构", "各国纷纷出台供应链安全政策", "数字技术改变了国际分工的形态",
            "区域贸易协定的规则不断深化", "绿色低碳转型带来新的竞争领域", "企业在多个市场之间分散布局",
            "关键矿产资源的供应更加集中", "技术标准成为竞争的焦点", "中小企业面临融资与人才的约束"]


def _paragraph(k: int, n: int = 9) -> str:
    parts = [_PHRASES[(k * 7 + i * 5) % len(_PHRASES)] for i in range(n)]
    return f"第{k}段指出，" + "，".join(parts) + "。"


def sample_doc(title: str | None = "产业链重构背景下的区域合作研究") -> dict:
    """Title, authors, abstract, keywords, two heading levels, a list, a table, notes."""
    blocks, notes = [], []

    def para(k: int, with_note: bool = False) -> dict:
        text = _paragraph(k)
        if with_note:
            notes.append({"mark": str(len(notes) + 1), "text": f"参见第{k}号研究报告，2024年，第{k + 3}页。"})
            text = text[:-1] + f"[^{len(notes)}]。"
        return {"type": "paragraph", "text": text}
    blocks += [para(1, True), para(2)]
    blocks.append({"type": "heading", "level": 1, "text": "一、全球产业链的新变化"})
    blocks += [para(3), para(4, True)]
    blocks.append({"type": "heading", "level": 2, "text": "（一）区域化与近岸外包"})
    blocks += [para(5), para(6, True), para(7)]
    blocks.append({"type": "list", "ordered": True, "items": ["提高供应链的透明度", "建立预警机制", "加强国际协调"]})
    blocks.append({"type": "heading", "level": 2, "text": "（二）数字化与绿色化"})
    blocks += [para(8), para(9, True)]
    blocks.append({"type": "table", "rows": [["经济体", "政策", "年份"], ["美国", "芯片与科学法案", "2022"],
                                             ["欧盟", "关键原材料法案", "2023"]]})
    blocks.append({"type": "heading", "level": 1, "text": "二、政策建议"})
    blocks += [para(10), para(11, True), para(12), para(13)]
    return {"title": title, "subtitle": None, "authors": ["王明", "李华"] if title else [],
            "abstract": "本文讨论产业链重构背景下区域合作的路径与政策选择。" if title else None,
            "keywords": ["产业链", "区域合作", "供应链安全"] if title else [],
            "metadata": {}, "blocks": blocks, "footnotes": notes, "removed": []}


HEADER, FOLIO = "测试期刊 2025年第1期", "— {} —"


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "paper.pdf"
    path.write_bytes(typeset(sample_doc(), Layout(columns=2, header=HEADER, folio=FOLIO)))
    return path


def _plain(text: str) -> str:
    return re.sub(r"\[\^\d+\]|\s", "", text)


def _draft(path, upto: str) -> pdf_passes.PdfDraft:
    """The reader's state after the passes up to and including `upto`."""
    d = pdf_passes.PdfDraft(str(path), read_pages(path), Document(source=str(path)))
    for name, run in PASSES:
        run(d)
        if name == upto:
            return d
    raise AssertionError(upto)


def test_reads_the_document_it_was_typeset_from(sample_pdf):
    src, doc = sample_doc(), read_pdf(sample_pdf)
    assert len(read_pages(sample_pdf)) >= 2
    assert doc.title == src["title"] and doc.authors == src["authors"]
    assert doc.abstract == src["abstract"] and doc.keywords == src["keywords"]
    want = [(b["type"], b.get("level"), _plain(b.get("text", ""))) for b in src["blocks"] if b["type"] != "list"]
    got = [(b.type, getattr(b, "level", None), _plain(getattr(b, "text", ""))) for b in doc.blocks
           if not isinstance(b, ListBlock)]
    assert [(t, lv, "" if t == "table" else x) for t, lv, x in got] == \
        [(t, lv, "" if t == "table" else x) for t, lv, x in want]
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [t.rows for t in tables] == [b["rows"] for b in src["blocks"] if b["type"] == "table"]
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [lb.items for lb in lists] == [b["items"] for b in src["blocks"] if b["type"] == "list"]
    assert [f.text for f in doc.footnotes] == [f["text"] for f in src["footnotes"]]
    marks = [n.mark for b in doc.blocks if isinstance(b, Paragraph) for n in b.notes]
    assert marks == [str(k) for k in range(1, len(src["footnotes"]) + 1)]


def test_every_string_not_kept_is_reported_with_its_page(sample_pdf):
    doc = read_pdf(sample_pdf)
    pages = read_pages(sample_pdf)
    printed = doc_characters(Document())
    for p in pages:
        for ln in p.lines:
            printed.update(c for c in ln.text if not c.isspace())
    assert doc_characters(doc) == printed
    assert all(r.page >= 1 for r in doc.removed)
    furniture = {(r.text, r.page) for r in doc.removed if r.reason in ("running header", "page number")}
    assert furniture == {(HEADER, n) for n in range(1, len(pages) + 1)} | \
        {(FOLIO.format(n), n) for n in range(1, len(pages) + 1)}
    kept = " ".join(getattr(b, "text", "") for b in doc.blocks)
    assert HEADER not in kept and "— 2 —" not in kept


def test_measure_type_finds_the_body_size(sample_pdf):
    d = _draft(sample_pdf, "measure_type")
    assert 1.3 * d.body_size < d.pitch < 1.8 * d.body_size      # line-height 1.55


def test_find_tables_reads_the_ruled_grid(sample_pdf):
    d = _draft(sample_pdf, "find_tables")
    assert [rows for rows, *_ in d.tables] == [b["rows"] for b in sample_doc()["blocks"] if b["type"] == "table"]


def test_strip_page_furniture_removes_only_the_page_edges(sample_pdf):
    d = _draft(sample_pdf, "strip_page_furniture")
    removed = [(r.text, r.reason) for r in d.doc.removed]
    n = len(d.pages)
    assert sorted(removed) == sorted([(HEADER, "running header")] * n +
                                     [(FOLIO.format(k), "page number") for k in range(1, n + 1)])


def test_lift_footnotes_takes_small_type_at_the_page_foot_and_resolves_calls(sample_pdf):
    d = _draft(sample_pdf, "lift_footnotes")
    src = sample_doc()["footnotes"]
    assert [f.text for f in d.doc.footnotes] == [f["text"] for f in src]
    assert [f.source_mark for f in d.doc.footnotes] == [f"{f['mark']}." for f in src]     # as printed
    assert len(d.refs) == len(src)


def test_find_title_takes_the_largest_type_on_page_one(sample_pdf):
    d = _draft(sample_pdf, "find_title")
    assert d.doc.title == sample_doc()["title"] and d.doc.authors == ["王明", "李华"]


def test_no_title_when_the_largest_type_is_a_heading_style(tmp_path):
    path = tmp_path / "untitled.pdf"
    path.write_bytes(typeset(sample_doc(title=None), Layout(columns=1, header=None, folio="{}")))
    doc = read_pdf(path)
    assert doc.title is None
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == \
        [b["text"] for b in sample_doc()["blocks"] if b["type"] == "heading"]


def test_find_columns_reads_column_by_column(sample_pdf):
    d = _draft(sample_pdf, "find_columns")
    assert {ln.col for ln in d.order} >= {0, 1}
    text = "".join(ln.text for ln in d.order if ln.kind == pdf_passes.BODY)
    text = re.sub(r"\ue000\d+\ue001", "", text)
    starts = [text.find(_paragraph(k)[:12]) for k in range(1, 14)]
    assert -1 not in starts and starts == sorted(starts)


def test_find_headings_levels_by_type_size(sample_pdf):
    d = _draft(sample_pdf, "find_headings")
    found = [(ln.heading[0], ln.text) for ln in d.order if ln.heading is not None]
    assert found == [(b["level"], b["text"]) for b in sample_doc()["blocks"] if b["type"] == "heading"]


def test_make_blocks_and_find_lists(sample_pdf):
    d = _draft(sample_pdf, "find_lists")
    paras = [b for b in d.doc.blocks if isinstance(b, Paragraph)]
    assert sum(1 for p in paras if p.text.startswith("第")) == 13       # one per source paragraph
    assert [b.items for b in d.doc.blocks if isinstance(b, ListBlock)] == [["提高供应链的透明度", "建立预警机制", "加强国际协调"]]
    assert [r.text for r in d.doc.removed if r.reason == "list marker"] == ["1.", "2.", "3."]


def test_gap_separated_paragraphs_in_three_columns(tmp_path):
    path = tmp_path / "gap.pdf"
    path.write_bytes(typeset(sample_doc(), Layout(columns=3, indent=False, header="观察", folio="第 {} 页", body_pt=9)))
    doc = read_pdf(path)
    assert [_plain(b.text) for b in doc.blocks if isinstance(b, Paragraph)] == \
        [_plain(b["text"]) for b in sample_doc()["blocks"] if b["type"] == "paragraph"]
    assert {r.text for r in doc.removed if r.reason == "page number"} >= {"第 1 页"}


def _image_only_pdf() -> bytes:
    from PIL import Image, ImageDraw
    from weasyprint import HTML
    img = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(img).rectangle((50, 50, 550, 120), fill="black")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    src = "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()
    return HTML(string=f"<img src='{src}' style='width:100%'>").write_pdf()


def test_bad_pdfs_fail_naming_the_file(tmp_path, sample_pdf):
    from pypdf import PdfReader, PdfWriter
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_image_only_pdf())
    writer = PdfWriter(clone_from=PdfReader(sample_pdf))
    writer.encrypt("secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as f:
        writer.write(f)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(sample_pdf.read_bytes()[:len(sample_pdf.read_bytes()) // 2])
    fake = tmp_path / "fake.pdf"
    fake.write_text("这不是 PDF", encoding="utf-8")
    for path, words in ((scan, "needs OCR first"), (locked, "encrypted"), (cut, "truncated"), (fake, "not a PDF")):
        with pytest.raises(SourceError) as e:
            read_pdf(path)
        assert str(path) in str(e.value) and words in str(e.value)
        run = subprocess.run([sys.executable, "-m", "build_tools", "clean", str(path)],
                             capture_output=True, text=True, cwd=ROOT)
        assert run.returncode == 1 and words in run.stderr and "Traceback" not in run.stderr


def test_pdf_seeds_are_discovered_and_cached_by_their_bytes(tmp_path, sample_pdf):
    from build_tools.pipeline_cache import cache_key
    from build_tools.sources import discover
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "paper.pdf").write_bytes(sample_pdf.read_bytes())
    sources, errors = discover(seeds)
    assert not errors and [s.path.name for s in sources] == ["paper.pdf"]
    before = cache_key(sources[0], "", 10 * 2**20)
    (seeds / "paper.pdf").write_bytes(typeset(sample_doc("另一个标题"), Layout()))
    assert cache_key(sources[0], "", 10 * 2**20) != before


def test_briefing_add_a_pdf_shows_what_was_found(tmp_path, sample_pdf):
    project = make_project(tmp_path / "p", seeds=[])
    run = subprocess.run([sys.executable, "-m", "build_tools", "add", str(sample_pdf), "--date", "2025-01-01"],
                         capture_output=True, text=True, cwd=project)
    assert run.returncode == 0, run.stderr
    assert (project / "seeds" / "paper.pdf").read_bytes() == sample_pdf.read_bytes()
    out = run.stdout
    assert f"title: {sample_doc()['title']}" in out
    assert "  [1] 一、全球产业链的新变化" in out and "    [2] （一）区域化与近岸外包" in out
    assert f"page 2: '{HEADER}' (running header)" in out
    untitled = tmp_path / "untitled.pdf"
    untitled.write_bytes(typeset(sample_doc(title=None), Layout(columns=1)))
    run = subprocess.run([sys.executable, "-m", "build_tools", "add", str(untitled)],
                         capture_output=True, text=True, cwd=project)
    assert run.returncode == 0 and "no title found — set `title_zh` in the sidecar" in run.stdout

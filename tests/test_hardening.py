"""Hostile and unusual input: each gets a clear error naming the file (and line), or a
correct page; nothing is lost, nothing from a source runs, builds are deterministic."""
from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SEEDS, make_project, mkdocs_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_invariants import _source

from build_tools.build import Article
from build_tools.cleaning.pipeline import clean_text
from build_tools.enrich.corpus import enrich_corpus
from build_tools.enrich.glossary import Term
from build_tools.render.article_page import article_page
from build_tools.render.view import View
from build_tools.sources import Source

PARAGRAPH = "高端制造业是具有高技术含量、高附加值和较强竞争力的产业，是一个国家或地区工业化的必然产物。"


def briefing(project, *args, env=None):
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=project, capture_output=True,
                          text=True, env=dict(os.environ, BRIEFING_PDF="0", **(env or {})))


BAD = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (bytes(range(256)) * 40, "binary"),
    "big.txt": (("中" * 1024 * 1024).encode() * 18, "MB limit"),
    "undecodable.txt": ("正文一行。\n".encode() + b"\x81\x30\xff\xfe\x80\x80\n", "cannot decode"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_sources_are_clear_errors_and_change_nothing(tmp_path, name):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    assert briefing(project, "build").returncode == 0
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    data, message = BAD[name]
    (project / "seeds" / name).write_bytes(data)
    for command in ("check", "build"):
        run = briefing(project, command)
        assert run.returncode == 1 and name in run.stderr and message in run.stderr, run.stderr
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*.md")} == before


GOOD = {
    "gb.txt": (PARAGRAPH * 3).encode("gb18030"),
    "big5.txt": ("高端製造業是具有高技術含量、高附加值和較強競爭力的產業。" * 3).encode("big5"),
    "utf16.txt": (PARAGRAPH * 3).encode("utf-16"),
    "mixed.txt": ("第一段的文字，" * 8 + "结束。\r\n" + "第二段的文字，" * 8 + "完。\r" + PARAGRAPH + "\n").encode(),
    "headings.txt": "一、总论\n二、分论\n三、结论\n".encode(),
    "nopunct.txt": ("这是一段没有任何标点符号的文字" * 10 + "\n" + "又一行没有标点的文字" * 5).encode(),
}


def test_unusual_but_valid_sources_build_correct_pages(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    for name, data in GOOD.items():
        (project / "seeds" / name).write_bytes(data)
    run = briefing(project, "build")
    assert run.returncode == 0, run.stderr
    docs = project / "docs" / "articles"
    assert "高端制造业是具有高技术含量" in (docs / "gb.md").read_text(encoding="utf-8")
    assert "高端製造業是具有高技術含量" in (docs / "big5.md").read_text(encoding="utf-8")
    assert "高端制造业是具有高技术含量" in (docs / "utf16.md").read_text(encoding="utf-8")
    mixed = (docs / "mixed.md").read_text(encoding="utf-8")
    assert "第一段的文字" in mixed and "第二段的文字" in mixed and "\r" not in mixed
    heads = (docs / "headings.md").read_text(encoding="utf-8")
    assert re.search(r"<h2 [^>]*>一、总论<", heads) and re.search(r"<h2 [^>]*>三、结论<", heads)
    assert "这是一段没有任何标点符号的文字" in (docs / "nopunct.md").read_text(encoding="utf-8")
    assert mkdocs_build(project, prebuilt=True).returncode == 0


def test_bad_sidecars_glossary_and_slugs_name_file_line_and_key(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[3:])
    seeds = project / "seeds"
    (seeds / "003_5f74324b86afcf09.yml").write_text("title_en: ok\ndate: 2024-13-45\n", encoding="utf-8")
    (seeds / "004_ad1ac5827ac4e647.yml").write_text("title_en: [unclosed\n", encoding="utf-8")
    (seeds / "dup.txt").write_text(PARAGRAPH, encoding="utf-8")
    (seeds / "dup.yml").write_text("slug: 003-5f74324b86afcf09\nurl: not-a-url\n", encoding="utf-8")
    run = briefing(project, "check")
    assert run.returncode == 1
    assert "003_5f74324b86afcf09.yml:2: key 'date' must be a date" in run.stderr
    assert "004_ad1ac5827ac4e647.yml:2: invalid YAML" in run.stderr or "004_ad1ac5827ac4e647.yml:1: invalid YAML" in run.stderr
    assert "dup.yml:2: key 'url' must be an http(s) URL" in run.stderr
    (seeds / "dup.yml").write_text("slug: 003-5f74324b86afcf09\n", encoding="utf-8")
    (seeds / "003_5f74324b86afcf09.yml").unlink()
    (seeds / "004_ad1ac5827ac4e647.yml").unlink()
    run = briefing(project, "check")
    assert run.returncode == 1 and "address articles/003-5f74324b86afcf09/ is also that of" in run.stderr
    (seeds / "dup.yml").unlink()
    glossary = seeds / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "- zh: 高端\n  en: high-end\n  kind: concept\n"
                        "  def_zh: 高端。\n  def_en: High end.\n", encoding="utf-8")
    run = briefing(project, "check")
    assert run.returncode == 0 and "'高端' is part of" in run.stdout      # a substring term still builds
    glossary.write_text(glossary.read_text(encoding="utf-8") + "- zh: 无英文\n  kind: concept\n  def_zh: x\n  def_en: y\n",
                        encoding="utf-8")
    run = briefing(project, "check")
    assert run.returncode == 1 and "glossary.yml:" in run.stderr and "missing en" in run.stderr


def test_add_brings_in_a_source_with_a_sidecar_and_reports_findings(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    new = tmp_path / "新文章.txt"
    new.write_bytes(SEEDS[1].read_bytes())
    run = briefing(project, "add", str(new), "--title", "新文章", "--source", "国际商务", "--date", "2021-03-01",
                   "--url", "https://example.org/a")
    assert run.returncode == 0, run.stderr
    assert "abstract: 我国高新技术产品对外出口" in run.stdout and "（一）出口额呈波动增长态势" in run.stdout
    assert "'国际商务论坛' (banner)" in run.stdout
    sidecar = (project / "seeds" / "新文章.yml").read_text(encoding="utf-8")
    assert "publication: 国际商务" in sidecar and "2021-03-01" in sidecar
    again = briefing(project, "add", str(new))
    assert again.returncode == 1 and "already in seeds" in again.stderr
    bad = briefing(project, "add", str(new), "--name", "other.txt", "--date", "2021-02-30")
    assert bad.returncode == 1 and "'date'" in bad.stderr and not (project / "seeds" / "other.txt").exists()


def test_builds_are_byte_identical(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[3:])
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    os.environ.update(env)
    try:
        assert briefing(project, "build").returncode == 0
        first = mkdocs_build(project, tmp_path / "one", prebuilt=True)
        docs_one = {p.relative_to(project): p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
        assert briefing(project, "build").returncode == 0
        second = mkdocs_build(project, tmp_path / "two", prebuilt=True)
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH")
    assert first.returncode == second.returncode == 0
    docs_two = {p.relative_to(project): p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    assert docs_one == docs_two
    cmp = filecmp.dircmp(tmp_path / "one", tmp_path / "two")

    def differing(c):
        out = list(c.diff_files) + list(c.left_only) + list(c.right_only)
        for sub in c.subdirs.values():
            out += differing(sub)
        return out
    assert differing(cmp) == []


class Balance(HTMLParser):
    VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.scripts = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        if any(k.startswith("on") for k, _ in attrs) or any((v or "").startswith("javascript:") for _, v in attrs):
            self.errors.append(("active attribute", tag, attrs))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append((tag, list(self.stack)))
        else:
            self.stack.pop()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(_source)
def test_generated_sources_render_to_valid_inert_html(text):
    import markdown
    doc = clean_text("gen.txt", text)
    article = Article(Source(Path("gen.txt"), "gen", "gen"), doc)
    terms = [Term(zh="产业链", en="industrial chain", kind="concept", def_zh="定义", def_en="definition \" <b>")]
    enrich_corpus([article], terms)
    md = article_page(article, View("zh-Hans", Path(".")))
    html = markdown.markdown(md.split("---\n", 2)[2], extensions=["footnotes", "tables", "admonition",
                                                                "attr_list", "md_in_html", "pymdownx.details"])
    parser = Balance()
    parser.feed(html)
    parser.close()
    assert parser.errors == [] and parser.scripts == 0
    assert parser.stack == []


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=400))
def test_fuzz_cleaner_on_arbitrary_text(text):
    from conftest import doc_characters, text_characters
    doc = clean_text("fuzz.txt", text)
    assert doc_characters(doc) == text_characters(text)


def test_a_term_added_to_the_glossary_is_one_search_word_with_a_warm_cache(tmp_path):
    """The search index's segmentation is cached across builds: keyed by the glossary's
    words too, or a new term stays split until .cache/ is deleted."""
    import json

    from build_tools.cleaning.pipeline import clean_file
    from build_tools.enrich.segment import cut
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    assert briefing(project, "build").returncode == 0

    def index_words():
        shards = [json.loads(p.read_text(encoding="utf-8")) for p in (project / "docs" / ".search").glob("*.json")
                  if p.name != "keys.json"]
        return {w for index in shards for page in index.values() for _, words in page["units"] for w in words.split()}
    words = index_words()
    text = "".join(b.text for b in clean_file(SEEDS[4]).blocks if hasattr(b, "text"))
    # two Han words the segmenter keeps apart, side by side in the text: the new term
    term = next(text[i:i + 4] for i in range(len(text) - 4)
                if all("\u4e00" <= c <= "\u9fff" for c in text[i:i + 4])
                and cut(text[i:i + 4]) == [text[i:i + 2], text[i + 2:i + 4]]
                and text[i:i + 2] in words and text[i + 2:i + 4] in words and text[i:i + 4] not in words)
    glossary = project / "seeds" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + f"- zh: {term}\n  en: new term\n  kind: concept\n"
                        "  pinyin: xin shuyu ceshi\n  def_zh: 新术语。\n  def_en: A new term.\n", encoding="utf-8")
    assert briefing(project, "build").returncode == 0
    assert term in index_words(), term

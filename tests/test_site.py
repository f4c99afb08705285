"""The site as MkDocs builds it: pages, links, search index, literal source text, serve."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlparse
from pathlib import Path

from search_files import pages, postings, vocabulary
from conftest import SLUG, ROOT, SEEDS, make_project, mkdocs_build

HOSTILE = """恶意输入测试
<script>window.__pwned = 1</script>正文包含脚本标签。
{{ config.site_name }} 与 {% if x %} 模板语法。
# 这不是标题
---
> 这不是引用
| 这 | 不是 | 表格 |
[点击](javascript:alert(1)) 与 ![](http://198.51.100.7/x.png) 以及 <!-- 注释 --> 和 [^1] 脚注语法 *星号* _下划线_ {: .cls }
"""


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key])


def test_every_source_has_a_page_and_the_home_page_lists_them(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for seed in SEEDS:
        slug = SLUG[seed.stem]
        page = built_site / "articles" / slug / "index.html"
        assert page.exists()
        assert f"articles/{slug}/" in home
    titles = re.findall(r"<title>([^<]*)</title>", home)
    assert titles == ["产业链与贸易政策简报"], titles   # the site's name once, not "name - name"
    page = (built_site / "articles" / f"{SLUG['003']}" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h1 id="[^"]*">美日欧产业链安全保障机制的逻辑解构与比较分析', page)
    assert "郝宇彪、明莹" in page and "摘要" in page
    assert page.count('class="footnote-ref"') >= 50


def test_no_broken_internal_links(built_site):
    broken = []
    for html_file in built_site.rglob("*.html"):
        parser = Links()
        parser.feed(html_file.read_text(encoding="utf-8"))
        base = "http://site/" + html_file.relative_to(built_site).as_posix()
        for link in parser.links:
            url = urlparse(urljoin(base, link))
            if url.netloc != "site":
                continue
            target = built_site / unquote(url.path).lstrip("/")
            if url.path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append((html_file.relative_to(built_site).as_posix(), link))
    assert broken == []


def test_search_index_is_segmented_chinese(built_site):
    words = vocabulary(built_site)
    # Ordinary words are segmented, and glossary terms are single search words.
    assert {"出口", "竞争力", "高新技术产品", "贸易摩擦", "友岸外包", "近岸外包", "产业链安全"} <= set(words)
    assert any(page.startswith(f"articles/{SLUG['001']}") for page, _ in postings(built_site, "高新技术产品"))


def test_source_text_is_data_not_markup(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:], extra={"zz_hostile.txt": HOSTILE})
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "articles" / "zz-hostile" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "<script>window.__pwned" not in article
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in article
    assert "{{ config.site_name }}" in article and "{% if x %}" in article
    # (spacing is tidied: no space between "#" and a CJK character)
    assert "#这不是标题" in article and "<hr" not in article and "<blockquote" not in article
    assert not re.search(r"<h\d[^>]*>这不是标题", article)
    assert "javascript:" not in re.findall(r'href="([^"]*)"', article).__str__()
    assert "198.51.100.7" not in " ".join(re.findall(r'src="([^"]*)"', article))
    assert "&lt;!--注释--&gt;" in article and "[^1]" in article and "*星号*" in article
    assert "{: .cls }" in article and "<table" not in article


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def test_serve_regenerates_pages_when_a_source_changes(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFING_PDF="0")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}",
                               "-f", str(project / "mkdocs.yml")], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/articles/{SLUG['004']}/"
    try:
        deadline = time.time() + 60
        while True:
            try:
                assert "高端制造业" in _get(url)
                break
            except OSError:
                assert time.time() < deadline, "mkdocs serve did not start"
                time.sleep(0.5)
        seed = project / "seeds" / SEEDS[4].name
        seed.write_text(seed.read_text(encoding="utf-8") + "\n新增的一段：编辑刚刚加入这句话。\n", encoding="utf-8")
        deadline = time.time() + 30
        while "编辑刚刚加入这句话" not in _get(url):
            assert time.time() < deadline, "the page was not regenerated"
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _prose(doc) -> str:
    from build_tools.enrich.corpus import searchable_texts
    return "\n".join(t for _, t in searchable_texts(doc))


def term_users(project: Path) -> tuple[list, dict[str, set[str]]]:
    """The glossary of a project, and each term's articles by an independent check: a term
    occurs where one of its forms appears and is not part of a longer glossary term there."""
    from build_tools.build import load_articles, load_terms
    from build_tools.config import load_settings
    settings = load_settings(project / "mkdocs.yml")
    terms, articles = load_terms(settings), load_articles(settings)
    prose = {a.source.slug: _prose(a.doc) for a in articles}
    all_forms = [(f, t) for t in terms for f in t.forms]

    def occurs(t, text):
        longer = {f for f, other in all_forms
                  if other is not t and any(form in f and len(f) > len(form) for form in t.forms)}
        spans = [(m.start(), m.end()) for f in longer for m in re.finditer(re.escape(f), text)]
        return any(not any(s <= m.start() and m.end() <= e for s, e in spans)
                   for form in t.forms for m in re.finditer(re.escape(form), text))
    return terms, {t.zh: {slug for slug, text in prose.items() if occurs(t, text)} for t in terms}


def test_glossary_backlinks_list_exactly_the_articles_that_use_the_term(built_site):
    terms, users = term_users(ROOT)
    checked = 0
    for t in terms:
        page = (built_site / "glossary" / t.slug / "index.html").read_text(encoding="utf-8")
        section = page[page.index("出现于"):]
        linked = set(re.findall(r'href="\.\./\.\./articles/([a-z0-9-]+)/"', section))
        assert linked == users[t.zh], t.zh
        checked += 1
    assert checked >= 80


def test_article_pages_carry_the_briefing_apparatus(built_site):
    page = (built_site / "articles" / f"{SLUG['001']}" / "index.html").read_text(encoding="utf-8")
    for title in ("作者摘要", "内容提要", "要点", "关键数据", "相关文章"):
        assert title in page, title
    ids = set(re.findall(r'id="(p-[0-9a-f]{8}(?:-\d+)?)"', page))
    targets = set(re.findall(r'href="#(p-[0-9a-f]{8}(?:-\d+)?)"', page))
    assert targets and targets <= ids          # figure rows and summary sentences link to paragraphs
    terms = re.findall(r'class="glossary-term"[^>]*title="([^"]+)"', page)
    assert any(t.startswith("high-tech products") for t in terms)
    assert re.search(r'<a class="glossary-term" href="\.\./\.\./glossary/[a-z-]+/"', page)
    assert 'href="../../tags/#' in page or "md-tag" in page


def test_glossary_index_groups_by_kind_and_tags_page_lists_tags(built_site):
    index = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "概念" in index and "政策" in index and "法律法规" in index
    tags = (built_site / "tags" / "index.html").read_text(encoding="utf-8")
    for tag in ("美国", "日本", "欧盟", "浙江"):
        assert tag in tags
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "高频术语" in home and home.count("articles/") >= 5


def test_every_paragraph_footnote_and_table_cell_is_searchable(built_site):
    """Each unit links to its paragraph; footnotes and table cells are in the index too."""
    from build_tools.cleaning.pipeline import clean_file
    from build_tools.model import Table
    from build_tools.search.tokens import Words
    cut = Words()   # the words as the index holds them
    html = (built_site / "articles" / SLUG["003"] / "index.html").read_text(encoding="utf-8")
    info = next(p for p in pages(built_site) if p[0] == f"articles/{SLUG['003']}")
    ids = re.findall(r'<p id="(p-[0-9a-f]{8}(?:-\d+)?)">', html)
    assert len(ids) > 40 and set(ids) <= set(info[3])
    doc = clean_file(SEEDS[3])
    note = max(doc.footnotes, key=lambda f: len(f.text))
    word = max(cut(note.text), key=len)
    assert (f"articles/{SLUG['003']}", f"fn:{note.mark}") in postings(built_site, word)
    cells = [c for b in doc.blocks if isinstance(b, Table) for row in b.rows for c in row]
    assert cells
    word = max((w for c in cells for w in cut(c)), key=len)
    assert any(page == f"articles/{SLUG['003']}" for page, _ in postings(built_site, word))
    assert not re.search(r"\\u[4-9][0-9a-f]{3}", (built_site / "search" / "meta.js").read_text(encoding="utf-8"))


def test_every_permalink_is_titled_in_the_language_of_its_page(built_site):
    """A heading's ¶ link is named by its title (screen readers read it): in the page's
    language, not in English on Chinese pages. The hand-written guide is Chinese in every
    edition, and so is its links' title."""
    expected = {"": "永久链接", "zh-Hant": "永久鏈接", "en": "Permanent link"}
    for edition, title in expected.items():
        folder = built_site / edition if edition else built_site
        for page in (folder / "articles" / SLUG["001"] / "index.html", folder / "glossary" / "index.html",
                     folder / "index.html", folder / "tags" / "index.html"):
            titles = set(re.findall(r'<a class="headerlink" href="#[^"]*" title="([^"]*)"', page.read_text("utf-8")))
            assert titles == {title}, (page, titles)
        guide = (folder / "guide" / "editing" / "index.html").read_text("utf-8")
        assert set(re.findall(r'<a class="headerlink" href="#[^"]*" title="([^"]*)"', guide)) == {"永久链接"}

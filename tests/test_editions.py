"""Three editions from one source: 简体中文, 繁體中文 (OpenCC) and English, each built with
`mkdocs build --strict` and its own search index; language links stay on the page."""
from __future__ import annotations

from html import unescape
import re
import shutil
import threading
from http.server import ThreadingHTTPServer

import pytest
from chat_server import ChatHandler
from search_files import postings, vocabulary
from conftest import SLUG, SEEDS, build_all_editions, make_project, mkdocs_build

from build_tools.build import load_articles, load_terms
from build_tools.check import check
from build_tools.config import load_settings
from build_tools.translate import translate_article
from build_tools.translations import load_catalog, po_path

ARTICLE = f"articles/{SLUG['003']}/index.html"


def page(site, edition, rel=ARTICLE):
    return (site / edition / rel if edition else site / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize("edition,lang", [("", "zh-Hans"), ("zh-Hant", "zh-Hant"), ("en", "en")])
def test_every_page_has_its_lang_and_switches_to_the_same_page(built_site, edition, lang):
    for rel in (ARTICLE, "glossary/you-an-waibao/index.html", "index.html"):
        html = page(built_site, edition, rel)
        assert f'<html lang="{lang}"' in html
        # the language switch leads to this page in each edition (hreflang is in sitemap.xml:
        # tests/test_readers.py; none in <head>, where Material would fetch a sitemap per link)
        assert not re.search(r'<link rel="alternate" href="[^"]+" hreflang=', html)
        alternates = dict(re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" class="md-select__link"', html))
        by_lang = {v: k for k, v in alternates.items()}
        assert set(by_lang) == {"zh-Hans", "zh-Hant", "en"}
        target = rel.removesuffix("index.html")
        base = (built_site / edition / rel).parent
        for code, href in by_lang.items():
            resolved = (base / href).resolve()
            expected = (built_site / ("" if code == "zh-Hans" else code) / target).resolve()
            assert resolved == expected, (code, href)


def test_traditional_edition_is_converted_but_urls_and_latin_are_not(built_site):
    hans, hant = page(built_site, ""), page(built_site, "zh-Hant")
    assert "产业链安全保障机制" in hans and "產業鏈安全保障機制" in hant
    assert "产业链" not in hant.split("<article")[1]
    for url in re.findall(r"https?://[\x21-\x7e]+?(?=&gt;|[\s<>\"]|$)", hans.split("<article")[1]):
        assert url in hant
    assert "Shannon K. O'Neil" in unescape(hant)   # written O&#39;Neil
    glossary = page(built_site, "zh-Hant", "glossary/you-an-waibao/index.html")
    assert "友岸外包" in glossary and "friend-shoring" in glossary
    nav = page(built_site, "zh-Hant", "index.html")
    assert "術語表" in nav and "产业链与贸易政策简报" not in nav


def test_english_edition_has_english_apparatus_and_parallel_text(built_site):
    html = unescape(page(built_site, "en"))   # quotes are written as &#39; / &#34;
    assert "Deconstructing the Logic of Industrial Chain Security Mechanisms" in html
    for label in ("Author's abstract", "Summary", "Key points", "Key figures", "Related articles"):
        assert label in html
    rows = re.findall(r'<div class="parallel" id="(p-[0-9a-f]{8}(?:-\d+)?)">', html)
    assert len(rows) >= 40
    assert 'lang="zh-Hans"' in html and "friend-shoring" in html
    glossary = page(built_site, "en", "glossary/index.html").split("<article")[1]
    # each kind's entries in English alphabetical order (the Chinese index sorts by pinyin)
    sections = re.split(r"<h2 id=", glossary)[1:]
    assert len(sections) >= 5
    for section in sections:
        names = [unescape(n) for n in re.findall(r'<li><a href="[^"]+">([^<]+)</a>', section)]
        assert names and names == sorted(names, key=str.lower), names[:10]
    assert glossary.index(">friend-shoring<") < glossary.index(">nearshoring<")


def test_each_edition_has_its_own_search_index(built_site):
    hans, hant, en = (vocabulary(built_site / e) for e in ("", "zh-Hant", "en"))
    # Traditional: the Simplified words converted, so 製造業-style words stay whole
    assert {"高新技術產品", "貿易摩擦", "競爭力"} <= set(hant) and "高新技术产品" not in hant
    assert {"高新技术产品", "贸易摩擦"} <= set(hans) and "貿易摩擦" not in hans
    # English: stemmed words of the translations, and the original beside them
    assert {"friend", "tariff", "export", "高新技术产品"} <= set(en) and "tariffs" not in en
    assert any(p.startswith(f"articles/{SLUG['003']}") for p, _ in postings(built_site / "en", "friend"))


def test_phrase_dictionary_fixes_a_conversion_site_wide(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    (project / "seeds" / "opencc_phrases.txt").write_text("高端制造业\t高階製造業\n", encoding="utf-8")
    site = build_all_editions(project)
    html = page(site, "zh-Hant", f"articles/{SLUG['004']}/index.html")
    assert "高階製造業" in html and "高端製造業" not in html.split("<article")[1]


class FakeLLM(ChatHandler):
    """An OpenAI-compatible chat-completions endpoint on 127.0.0.1 for the test."""
    requests: list = []

    def answer(self, body):
        text = body["messages"][-1]["content"].split("Translate:\n", 1)[1]
        return f"EN[{len(text)}]"


def test_changed_paragraph_is_stale_and_translate_fills_it(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    seed = project / "seeds" / SEEDS[4].name
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("中兴在2016年到2018年间两次被", "中兴在2016年至2018年间曾两次被"), encoding="utf-8")
    settings = load_settings(project / "mkdocs.yml")
    report = check(settings)
    assert any("1 stale" in w and "004_" in w for w in report.warnings)
    site = build_all_editions(project)
    html = page(site, "en", f"articles/{SLUG['004']}/index.html")
    assert html.count('class="translation-stale"') == 1
    assert "在2016年至2018年间曾两次被" in html

    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLLM)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/v1"
        article = load_articles(settings)[0]
        n = translate_article(article, load_terms(settings), project, base, "test-model", "secret")
    finally:
        server.shutdown()
    assert n == 1
    path, auth, body = FakeLLM.requests[-1]
    assert path == "/v1/chat/completions" and auth == "Bearer secret" and body["model"] == "test-model"
    assert "中兴" in body["messages"][-1]["content"] and "ZTE" in body["messages"][-1]["content"]
    catalog = load_catalog(po_path(project, "en", article.source.stem))
    entry = next(e for k, e in catalog.items() if "中兴在2016年至2018年间曾两次被" in k)
    assert entry.msgstr.startswith("EN[") and "provenance: machine; model: test-model" in entry.tcomment
    assert not any("stale" in w for w in check(settings).warnings)


def test_a_source_without_translation_still_builds_with_a_notice(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    shutil.rmtree(project / "translations")
    site = build_all_editions(project)
    html = page(site, "en", f"articles/{SLUG['004']}/index.html")
    assert "No English translation of this article yet" in html
    assert "Problems in China" in html            # the English title from the sidecar


def test_an_untranslated_article_says_so_once_and_links_to_the_original(tmp_path):
    """Its English page has the English apparatus and links to the full text in both Chinese
    editions instead of repeating it (with its footnotes); its back links lead there too."""
    text = ("一、引言\n\n这是一篇还没有英文译文的新文章，讨论产业链与供应链的韧性。^①\n\n二、结论\n\n"
            "结论部分同样没有译文，2023年出口额达到120亿美元。\n\n① 注释也没有译文。\n")
    project = make_project(tmp_path / "p", seeds=SEEDS[4:], extra={"zz_new.txt": text})
    assert mkdocs_build(project).returncode == 0          # writes every edition's pages, builds zh-Hans
    assert mkdocs_build(project, edition="en", prebuilt=True).returncode == 0
    html = page(project / "site", "en", "articles/zz-new/index.html")
    assert html.count('class="admonition warning"') == 1
    assert "translation-missing" not in html and 'class="parallel' not in html
    full_text = html.split('id="full-text"', 1)[1]   # the apparatus above may quote it
    assert "这是一篇还没有英文译文的新文章" not in full_text and "结论部分同样没有译文" not in full_text
    assert "注释也没有译文" not in full_text and 'class="footnote' not in html
    originals = re.findall(r'<a href="([^"]+)" hreflang="(zh-Han[st])" lang="zh-Han[st]">', html)
    assert sorted(h for _, h in originals) == ["zh-Hans"] * 2 + ["zh-Hant"] * 2   # in the notice and the body
    assert {h for h, _ in originals} == {"../../../articles/zz-new/", "../../../zh-Hant/articles/zz-new/"}
    # what would be in Chinese is on the original's pages: the extract (whose sentences were
    # quoted from the body) is not repeated here; a key figure links to its paragraph there
    assert "automatic extract" not in html.lower() and "这是一篇还没有英文译文的新文章" not in html
    assert "US$ 12 billion" in html
    back = re.findall(r'<a href="([^"#]*)#(p-[0-9a-f]{8}(?:-\d+)?)">', html)
    assert back and all(h == "../../../articles/zz-new/" for h, _ in back)
    original = page(project / "site", "", "articles/zz-new/index.html")
    assert all(f'id="{a}"' in original for _, a in back)               # they land on the paragraph
    assert 'class="footnote"' in original and "结论部分同样没有译文" in original
    translated = page(project / "site", "en", f"articles/{SLUG['004']}/index.html")
    assert 'class="parallel"' in translated and "parallel-toggle" in translated

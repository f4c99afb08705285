"""What keeps the site small (issue 13: 10,000 sources x 3 editions within GitHub Pages'
1 GB) without losing what a reader relies on: a term's page lists the articles that use it
most and says how many more there are (a search finds them), a term's definition is in one
file per edition and still shows on every mark of it, and the pages carry no template
indentation. benchmarks/page_weight.py measures the bytes."""
from __future__ import annotations

import re

import pytest
from browser import chromium, local_only, serve
from conftest import SLUG, make_project, mkdocs_build
from test_site import term_users

from build_tools.enrich.glossary import load_glossary

SHOWN = 2   # term_page_articles in the test project: the seeds have terms in 3-5 articles


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def bounded_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("bounded"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    opencc_profile: s2tw\n",
                                   f"    opencc_profile: s2tw\n    term_page_articles: {SHOWN}\n", 1), encoding="utf-8")
    # (the tests read the 简体 edition only: one MkDocs build keeps the suite's time down)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_term_page_lists_the_articles_using_it_most_and_says_how_many_more(bounded_site):
    terms, users_of = term_users(bounded_site.parent)
    bounded = 0
    for t in terms:
        page = bounded_site / "glossary" / t.slug / "index.html"
        html = page.read_text(encoding="utf-8")
        users = users_of[t.zh]
        listed = re.findall(r'<tr><td><a href="\.\./\.\./articles/([^/"]+)/">.*?</a></td>'
                            r'<td>(\d+)</td>', html)
        assert len(listed) == min(len(users), SHOWN), page
        assert {s for s, _ in listed} <= users
        counts = [int(n) for _, n in listed]
        assert counts == sorted(counts, reverse=True), page   # most mentions first
        more = re.search(r'<p id="used-more">(.*?)</p>', html)
        if len(users) > SHOWN:
            bounded += 1
            said = more.group(1)
            assert f"共 {len(users)} 篇" in said and f"另有 {len(users) - SHOWN} 篇" in said, said
        else:
            assert more is None, page
    assert bounded >= 3   # the seeds' common terms (产业链, 供应链 ...) are in more than two articles


def test_the_search_link_of_a_term_page_finds_the_articles_it_does_not_list(bounded_site, browser):
    terms, users_of = term_users(bounded_site.parent)
    term = next(t for t in terms if t.zh == "产业链")
    users = users_of[term.zh]
    assert len(users) > SHOWN
    with serve(bounded_site) as base:
        page = browser.new_page()
        outside: list[str] = []
        local_only(page, outside)
        page.goto(f"{base}/glossary/{term.slug}/")
        listed = set(page.eval_on_selector_all("article table a[href*='/articles/']",
                                               "els => els.map(a => a.pathname.split('/')[2])"))
        page.click("#used-more a")
        page.wait_for_selector(".md-search-result__list li", timeout=10000)
        assert page.input_value(".md-search__input") == "产业链" and page.is_visible(".md-search__input")
        found = set(page.eval_on_selector_all(".md-search-result__list a",
                                              "els => els.map(a => new URL(a.href).pathname.split('/')[2])"))
        assert (users - listed) & found, (users, listed, found)   # the rest are found
        assert outside == []


def test_every_mark_of_a_term_shows_its_definition_by_hover_and_keyboard(built_site, browser):
    """The definition is not in the page (one file per edition holds them all), yet
    hovering or tabbing to any mark of a term, the first (a link) or a later one, shows it,
    in every edition, and printing shows the English rendering."""
    terms = {t.en: t for t in load_glossary(built_site.parent / "seeds" / "glossary.yml")}
    with serve(built_site) as base:
        for edition in ("", "zh-Hant/", "en/"):
            html = (built_site / edition / "articles" / SLUG["001"] / "index.html").read_text(encoding="utf-8")
            assert terms["high-tech products"].def_en not in html   # not on the page
            page = browser.new_page()
            outside: list[str] = []
            local_only(page, outside)
            page.goto(f"{base}/{edition}articles/{SLUG['001']}/")
            if page.locator("#parallel-toggle").count():   # English: the marks are in the Chinese side
                page.check("#parallel-toggle")
            marks = page.locator("article .glossary-term >> visible=true").element_handles()
            english = [m.get_attribute("title") for m in marks]
            uses = [m for m, en in zip(marks, english) if en == "high-tech products"]
            links = [m for m in marks if m.evaluate("e => e.tagName") == "A"]
            later = [m for m in uses if m.evaluate("e => e.tagName") == "ABBR"]
            assert later and links, edition
            want = "high-tech products — " + terms["high-tech products"].def_en
            later[-1].hover()
            page.wait_for_function("e => e.title.includes(' — ')", arg=later[-1], timeout=5000)
            assert later[-1].get_attribute("title") == want
            # by keyboard: focus reaches a term's first use (a link); its box shows the definition
            link = links[0]
            link.focus()
            page.wait_for_function("e => e.title.includes(' — ')", arg=link, timeout=5000)
            english_of_link = link.get_attribute("data-en")
            assert link.get_attribute("title") == english_of_link + " — " + terms[english_of_link].def_en
            box = link.evaluate("e => getComputedStyle(e, '::after').content")
            assert terms[english_of_link].def_en[:30] in box, box
            page.evaluate("dispatchEvent(new Event('beforeprint'))")
            page.emulate_media(media="print")
            printed = link.evaluate("e => getComputedStyle(e, '::after').content")
            assert printed == f'" ({english_of_link})"', printed
            assert outside == []


def test_a_keyboard_reader_has_the_definition_when_focus_first_reaches_a_term(built_site, browser):
    """Definitions load at the first focus anywhere on the page, so the term's description
    (its title) is there when Tab reaches it, as a screen reader announces it."""
    with serve(built_site) as base:
        page = browser.new_page()
        page.goto(f"{base}/articles/{SLUG['001']}/")
        page.keyboard.press("Tab")   # the skip link, before any term
        page.wait_for_function("typeof window.__briefingTerms === 'function' && "
                               "[...document.scripts].some(s => s.src.endsWith('glossary/definitions.js'))")
        page.wait_for_timeout(500)   # the file has loaded (a local server)
        for _ in range(400):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('glossary-term')"):
                break
        else:
            raise AssertionError("Tab never reached a glossary term")
        title = page.evaluate("document.activeElement.title")
        assert " — " in title and len(title) > 40, title   # "English — definition", at once


def test_pages_carry_no_template_indentation_and_keep_preformatted_text(built_site):
    html = (built_site / "articles" / SLUG["001"] / "index.html").read_text(encoding="utf-8")
    outside_pre = re.sub(r"<(pre|script|style|textarea)\b.*?</\1>", "<kept>", html, flags=re.S)
    assert not re.search(r"\n[ \t]", outside_pre) and "\n\n" not in outside_pre
    bibtex = re.search(r"<pre><code>(@misc\{.*?)</code></pre>", html, re.S).group(1)
    assert "\n  title = {" in bibtex   # BibTeX keeps its layout


def test_a_term_is_marked_once_per_section_and_linked_once_per_page():
    from pathlib import Path

    from build_tools.build import Article
    from build_tools.enrich.corpus import enrich_corpus
    from build_tools.enrich.glossary import Term
    from build_tools.model import Document, Heading, Paragraph
    from build_tools.render.article_page import article_page
    from build_tools.render.view import View
    from build_tools.sources import Source
    doc = Document(title="论产业链的韧性", blocks=[
        Heading(1, "一、产业链的现状"), Paragraph("产业链正在重组，产业链的安全受到重视。"), Paragraph("各地都在谈产业链。"),
        Heading(2, "（一）产业链的短板"), Paragraph("产业链有短板。"),
        Heading(1, "二、产业链的对策"), Paragraph("补齐产业链短板。"), Paragraph("延长产业链。")])
    article = Article(Source(Path("a.txt"), "a", "a"), doc)
    enrich_corpus([article], [Term(zh="产业链", en="industrial chain", kind="concept", def_zh="定义", def_en="d")])
    body = article_page(article, View("zh-Hans", Path("."))).split('id="full-text"', 1)[1]
    paragraphs = re.findall(r"<p id=\"p-[^\"]+\">(.*?)</p>", body)
    assert len(paragraphs) == 5
    marks = [len(re.findall(r'class="glossary-term"', p)) for p in paragraphs]
    # the first use in each section (a subsection is part of it), not again in its paragraph
    assert marks == [1, 0, 0, 1, 0]
    assert len(re.findall(r'<a class="glossary-term"', body)) == 1   # one link on the page


def test_a_clause_stating_several_key_figures_is_shown_once_beside_them():
    from build_tools.render.html_doc import table
    rows = [["25.7", "%", "五个市场占25.7%、23.8%"], ["23.8", "%", "五个市场占25.7%、23.8%"], ["7.9", "%", "另一句"]]
    html = table(["数值", "单位", "原文"], rows, ["right"], merge_last=True)
    body = re.findall(r"<tr>(.*?)</tr>", html.split("<tbody>")[1])
    assert body == ['<td>25.7</td><td>%</td><td rowspan="2">五个市场占25.7%、23.8%</td>',
                    "<td>23.8</td><td>%</td>",   # its clause is the cell spanning it from above
                    "<td>7.9</td><td>%</td><td>另一句</td>"]


def test_a_page_description_is_what_a_search_result_shows_in_whole_sentences(built_site):
    from html import unescape

    from build_tools.render.site_pages import HEAD_DESCRIPTION, shortened
    assert shortened("第一句说明产业链的现状。" * 6 + "第二句很长" * 20, 100) == "第一句说明产业链的现状。" * 6
    words = "Supply chains are being rebuilt across the region " * 8
    cut = shortened(words, 200)
    assert len(cut) <= 200 and cut.endswith(" the…") and words.startswith(cut[:-1] + " "), cut   # at a word
    assert shortened("短的摘要。", 100) == "短的摘要。"
    assert shortened("甲" * 99 + "。" + "乙" * 10, 100) == "甲" * 99 + "。"   # a sentence ending at the limit
    for edition, limit in (("", HEAD_DESCRIPTION[False]), ("en", HEAD_DESCRIPTION[True])):
        for page in sorted((built_site / edition / "articles").glob("*/index.html")):
            html = page.read_text(encoding="utf-8")
            if 'http-equiv="refresh"' in html:
                continue   # an old address redirecting to the article
            meta = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
            assert 0 < len(unescape(meta)) <= limit, (page, meta)
            assert meta[-1] in "。！？；.!?;…" or meta == re.search(r"<title>(.*?) - ", html).group(1), (page, meta)
            assert f'<meta property="og:description" content="{meta}">' in html

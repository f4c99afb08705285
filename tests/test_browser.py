"""What a reader sees, in a real headless Chromium against the built site on 127.0.0.1."""
from __future__ import annotations

import pytest
from browser import chromium, local_only, serve
from conftest import SLUG, ROOT, SEEDS, make_project, mkdocs_build
from test_site import HOSTILE

ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def search(page, base: str, query: str) -> list[str]:
    page.goto(base + "/")
    page.keyboard.press("s")  # Material's shortcut opens search, on any screen size
    page.fill("input.md-search__input", query)
    # Material searches on keyup (or when its worker becomes ready): a fill alone, once the
    # worker is ready, would never search. A reader's last keystroke is a keyup.
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")


def wait_for_result(page, part: str, timeout: int = 15000) -> None:
    """Results change while a reader types: wait until a result links to `part` (an
    article's address), as the reader sees once they stop typing."""
    page.wait_for_function("""part => [...document.querySelectorAll('.md-search-result__item a')]
        .some(a => a.href.includes(part))""", arg=part, timeout=timeout)


def test_chinese_search_finds_the_article(built_site, browser):
    with serve(built_site) as base:
        page = browser.new_page()
        outside: list[str] = []
        local_only(page, outside)
        hrefs = search(page, base, "高新技术产品")
        assert any(f"/articles/{SLUG['001']}" in h for h in hrefs)
        hrefs = search(page, base, "孤岛效应")
        assert any(f"/articles/{SLUG['004']}" in h for h in hrefs)
        # a character no word of any page starts with is left out, not a reason for no results
        hrefs = search(page, base, "孤岛效应齉")
        assert any(f"/articles/{SLUG['004']}" in h for h in hrefs)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "search.png"))
        assert outside == []


def test_a_short_paragraph_holding_the_whole_query_ranks_first(tmp_path, browser):
    """A phrase a reader remembers, whose words are common: the article where they stand
    together in a short paragraph comes before articles where they are scattered over long
    ones (the index carries each unit's length class)."""
    from build_tools.config import load_settings
    from build_tools.build import load_articles
    from build_tools.model import Paragraph
    from build_tools.enrich.segment import cut
    article = next(a for a in load_articles(load_settings(ROOT / "mkdocs.yml")) if a.source.path.name == SEEDS[4].name)
    longest = max((b.text for b in article.doc.blocks if isinstance(b, Paragraph)), key=len)
    words = list(dict.fromkeys(w for w in cut(longest) if len(w) == 2 and w.isalpha()))
    query = "".join(words[len(words) // 3:len(words) // 3 + 3])
    text = SEEDS[4].read_text(encoding="utf-8")
    # each copy holds the words together three times, in long paragraphs of their own sections
    again = "".join(f"\n\n{k}、补充说明之{k}\n\n{k}{longest}\n" for k in "一二")
    extra = {f"copy{n}.txt": text.replace("中国", f"中国{n}", 1) + again for n in range(3)}
    lines = SEEDS[3].read_text(encoding="utf-8").split("\n")   # another article, the phrase deep in it
    at = len(lines) * 4 // 5
    extra["zz_short.txt"] = "\n".join(lines[:at] + ["", "据测算" + query + "的情况值得关注。", ""] + lines[at:])
    project = make_project(tmp_path / "p", seeds=SEEDS[4:], extra=extra)
    assert mkdocs_build(project).returncode == 0
    with serve(project / "site") as base:
        page = browser.new_page()
        hrefs = search(page, base, query)
        assert "/articles/zz-short/" in hrefs[0] and len(hrefs) >= 4, (query, hrefs)


def test_a_short_paragraph_outranks_page_tops_holding_the_words_apart(tmp_path, browser):
    """The page top (summary, key points, keywords, terms) is one bag of many texts: it holds
    the words of many a phrase apart, so it ranks as a long paragraph, not as the title."""
    from build_tools.enrich.segment import cut
    text = SEEDS[4].read_text(encoding="utf-8")
    words = list(dict.fromkeys(w for w in cut(text) if len(w) == 2 and w.isalpha()))
    query = "".join(words[40:43])
    scattered = "。".join(f"{w}方面的问题需要长期跟踪研究和评估" for w in words[40:43])   # one word per sentence
    extra = {}
    for n in range(3):
        extra[f"copy{n}.txt"] = text.replace("中国", f"中国{n}", 1)
        extra[f"copy{n}.yml"] = f"summary_zh: {scattered}。\n"
    lines = SEEDS[3].read_text(encoding="utf-8").split("\n")
    at = len(lines) * 4 // 5
    extra["zz_short.txt"] = "\n".join(lines[:at] + ["", "据测算" + query + "的情况值得关注。", ""] + lines[at:])
    project = make_project(tmp_path / "p", seeds=[], extra=extra)
    assert mkdocs_build(project).returncode == 0
    with serve(project / "site") as base:
        page = browser.new_page()
        hrefs = search(page, base, query)
        assert "/articles/zz-short/" in hrefs[0] and len(hrefs) >= 4, (query, hrefs)


def test_article_page_on_a_phone_and_a_desktop(built_site, browser):
    with serve(built_site) as base:
        for name, size in (("desktop", (1280, 900)), ("phone", (390, 844))):
            page = browser.new_page(viewport={"width": size[0], "height": size[1]})
            page.goto(base + f"/articles/{SLUG['003']}/")
            assert page.inner_text("h1").startswith("美日欧产业链安全保障机制")
            # nothing wider than the screen: no horizontal scrolling of the page itself
            assert page.evaluate("document.documentElement.scrollWidth") <= size[0] + 1
            page.screenshot(path=str(ARTIFACTS / f"article-{name}.png"))


def test_hostile_source_runs_no_script_and_requests_nothing_outside(tmp_path, browser):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:], extra={"zz_hostile.txt": HOSTILE})
    assert mkdocs_build(project).returncode == 0
    with serve(project / "site") as base:
        page = browser.new_page()
        outside: list[str] = []
        local_only(page, outside)
        page.goto(base + "/articles/zz-hostile/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert "<script>window.__pwned = 1</script>" in page.inner_text("article")
        assert outside == []


@pytest.mark.parametrize("edition,query,expected", [
    ("", "友岸外包", f"/articles/{SLUG['003']}"),
    ("zh-Hant", "產業鏈", f"/articles/{SLUG['002']}"),
    ("en", "friend-shoring", f"/articles/{SLUG['003']}"),
])
def test_each_edition_searches_in_its_language(built_site, browser, edition, query, expected):
    with serve(built_site) as base:
        page = browser.new_page()
        root = f"{base}/{edition}" if edition else base
        hrefs = search(page, root, query)
        assert any(expected in h for h in hrefs), hrefs
        if edition == "en":
            assert any("/glossary/you-an-waibao/" in h for h in hrefs), hrefs


def test_language_switch_stays_on_the_article(built_site, browser):
    with serve(built_site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + f"/articles/{SLUG['003']}/")
        for name, lang, path in (("繁體中文", "zh-Hant", f"/zh-Hant/articles/{SLUG['003']}/"),
                                 ("English", "en", f"/en/articles/{SLUG['003']}/"),
                                 ("简体中文", "zh-Hans", f"/articles/{SLUG['003']}/")):
            page.hover(".md-header__option .md-select")
            page.click(f".md-select__link[hreflang='{lang}']")
            page.wait_for_load_state()
            assert page.url == base + path
            assert page.evaluate("document.documentElement.lang") == lang


def test_parallel_view_aligns_paragraphs(built_site, browser):
    with serve(built_site) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(base + f"/en/articles/{SLUG['004']}/")
        assert not page.is_visible(".parallel .zh")
        page.check("#parallel-toggle")
        rows = page.eval_on_selector_all(".parallel", """rows => rows.map(r => {
            const zh = r.querySelector('.zh').getBoundingClientRect();
            const en = r.querySelector('.en').getBoundingClientRect();
            return [zh.top, en.top, zh.left < en.left, zh.width > 0];})""")
        assert len(rows) >= 9
        for zh_top, en_top, side_by_side, shown in rows:
            assert shown and side_by_side and abs(zh_top - en_top) < 2
        page.screenshot(path=str(ARTIFACTS / "parallel.png"), full_page=True)
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(base + f"/en/articles/{SLUG['004']}/")
        phone.check("#parallel-toggle")
        stacked = phone.eval_on_selector(".parallel", """r => r.querySelector('.en').getBoundingClientRect().top
            > r.querySelector('.zh').getBoundingClientRect().bottom - 1""")
        assert stacked


def test_printing_a_page_gives_a_clean_briefing(built_site, browser):
    """Chromium's own print to PDF of an article page: no navigation or search, each glossary
    term's English rendering after its first use (tooltips do not print), link targets shown."""
    import subprocess
    with serve(built_site) as base:
        page = browser.new_page()
        page.goto(base + f"/articles/{SLUG['003']}/")
        page.emulate_media(media="print")
        assert not page.is_visible(".md-header") and not page.is_visible(".md-sidebar--primary")
        pdf = ARTIFACTS / "browser-print.pdf"
        page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "美日欧产业链安全保障机制" in text and "friend-shoring" in text and "搜索" not in text


def test_no_request_leaves_the_host_in_any_edition(built_site, browser):
    with serve(built_site) as base:
        for path in ("/", f"/articles/{SLUG['001']}/", "/glossary/", "/zh-Hant/", "/zh-Hant/tags/",
                     "/en/", f"/en/articles/{SLUG['002']}/", "/en/glossary/you-an-waibao/"):
            page = browser.new_page()
            outside: list[str] = []
            local_only(page, outside)
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert outside == [], (path, outside)
            page.close()


def _deep_phrase(seed) -> tuple[str, str]:
    """Three words a reader might remember from a paragraph near the end of an article's
    body, and that paragraph's anchor."""
    from build_tools.cleaning.pipeline import clean_file
    from build_tools.enrich.corpus import anchor_for
    from build_tools.enrich.segment import cut, stopwords
    from build_tools.model import Paragraph
    doc = clean_file(seed)
    taken: set[str] = set()
    anchors = {i: anchor_for(b.text, taken) for i, b in enumerate(doc.blocks) if isinstance(b, Paragraph)}
    i = [i for i in anchors if len(doc.blocks[i].text) > 60][-3]
    words = cut(doc.blocks[i].text)
    middle = len(words) // 2
    for start in range(middle, len(words) - 3):
        phrase = "".join(words[start:start + 3])
        if 4 <= len(phrase) <= 8 and all("\u4e00" <= c <= "\u9fff" for c in phrase) \
                and words[start] not in stopwords() \
                and sum(phrase in b.text for b in doc.blocks if isinstance(b, Paragraph)) == 1:
            # as a reader would type it, and in this paragraph only
            return phrase, anchors[i]
    raise AssertionError("no phrase found")


@pytest.mark.parametrize("edition", ["", "zh-Hant", "en"])
def test_a_phrase_from_deep_in_the_body_is_found_and_links_to_its_paragraph(built_site, browser, edition):
    from build_tools.config import load_settings
    from build_tools.editions import converter
    phrase, anchor = _deep_phrase(SEEDS[3])
    if edition == "zh-Hant":
        phrase = converter(load_settings(ROOT / "mkdocs.yml"))(phrase)
    with serve(built_site) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})   # a phone
        outside: list[str] = []
        local_only(page, outside)
        loaded: list[str] = []
        page.on("request", lambda r: loaded.append(r.url))
        page.goto(f"{base}/{edition}/" if edition else base + "/")
        page.wait_for_load_state("networkidle")
        assert not [u for u in loaded if "/search/" in u]      # nothing of the index before search opens
        page.keyboard.press("/")
        page.keyboard.type(phrase, delay=20)
        wait_for_result(page, f"/articles/{SLUG['003']}/")
        mark = page.wait_for_selector(".md-search-result__item mark", timeout=15000)   # excerpts shown
        assert mark.inner_text() in phrase
        links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
        first = next(h for h in links if f"/articles/{SLUG['003']}/" in h)
        assert links.index(first) < 10 and first.endswith("#" + anchor), (phrase, links[:3])
        page.click(f".md-search-result__item a[href$='#{anchor}']")
        page.wait_for_load_state()
        assert phrase in page.text_content(f"[id='{anchor}']")   # (the English page may hide the original)
        assert outside == []


def test_english_search_finds_an_untranslated_body_on_its_original_page(tmp_path, browser):
    """The English page of an untranslated article links to its full text instead of
    repeating it; a phrase of that text, searched in English, leads to its paragraph on the
    Simplified page, with an excerpt."""
    text = "一、引言\n\n这是一篇还没有英文译文的新文章，讨论产业链与供应链的韧性。\n\n二、结论\n\n结论部分讨论了港口吞吐量的季节波动。\n"
    project = make_project(tmp_path / "p", seeds=SEEDS[4:], extra={"zz_new.txt": text})
    assert mkdocs_build(project).returncode == 0
    assert mkdocs_build(project, edition="en", prebuilt=True).returncode == 0
    with serve(project / "site") as base:
        page = browser.new_page()
        page.goto(base + "/en/")
        page.keyboard.press("/")
        page.keyboard.type("港口吞吐量的季节波动", delay=20)
        wait_for_result(page, "/articles/zz-new/")
        mark = page.wait_for_selector(".md-search-result__item mark", timeout=15000)
        assert mark.inner_text() in "港口吞吐量的季节波动"
        first = page.eval_on_selector(".md-search-result__item a", "a => a.href")
        assert first.startswith(base + "/articles/zz-new/#p-"), first
        page.click(".md-search-result__item a")
        page.wait_for_load_state()
        anchor = first.split("#", 1)[1]
        assert "港口吞吐量的季节波动" in page.text_content(f"[id='{anchor}']")


def test_header_icons_are_drawn_over_http_and_from_file(built_site, browser):
    """Material's icons are drawn by the stylesheet (an empty <svg data-icon> on the page),
    over HTTP and from file:// (the offline copy) alike."""
    import io
    from PIL import Image
    rel = f"articles/{SLUG['003']}/index.html"
    assert "<path" not in (built_site / rel).read_text(encoding="utf-8").split("<article", 1)[0]
    with serve(built_site) as base:
        for url in (f"{base}/{rel}", (built_site / rel).as_uri()):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(url)
            # the logo, the language switch and the search field's magnifier of a desktop's header
            shown = [page.query_selector(f"header {s} svg[data-icon]")
                     for s in (".md-header__button.md-logo", ".md-select button", ".md-search__form .md-search__icon")]
            for icon in shown:
                lo, hi = Image.open(io.BytesIO(icon.screenshot())).convert("L").getextrema()
                assert hi - lo > 100, (url, icon.get_attribute("data-icon"), lo, hi)   # drawn, not blank
            page.close()


def test_key_figures_values_align_right(built_site, browser):
    """Right-aligned columns are said once on the table (data-right), aligned by the
    stylesheet: the key figures' values right, the other columns not."""
    with serve(built_site) as base:
        page = browser.new_page()
        page.goto(f"{base}/articles/{SLUG['001']}/")
        table = ".admonition.note table[data-right]"
        aligns = page.eval_on_selector(table, """t => [...t.querySelector('tbody tr').cells]
            .map(c => getComputedStyle(c).textAlign)""")
        assert aligns[0] == "right" and "right" not in aligns[1:], aligns


def _cut_across_words(seed) -> tuple[str, str]:
    """A phrase a reader copied from the middle of a sentence: the last character of one
    word, two whole words, the first character of the next (the pages hold neither edge
    as a word), unique in the article; and its paragraph's anchor."""
    from build_tools.cleaning.pipeline import clean_file
    from build_tools.enrich.corpus import anchor_for
    from build_tools.enrich.segment import cut, stopwords
    from build_tools.model import Paragraph
    doc = clean_file(seed)
    taken: set[str] = set()
    anchors = {i: anchor_for(b.text, taken) for i, b in enumerate(doc.blocks) if isinstance(b, Paragraph)}
    han = lambda w: all("\u4e00" <= c <= "\u9fff" for c in w)
    for i in reversed([i for i in anchors if len(doc.blocks[i].text) > 60]):
        words = cut(doc.blocks[i].text)
        for k in range(len(words) - 4):
            a, b, c, d = words[k:k + 4]
            phrase = a[-1] + b + c + d[0]
            if len(a) >= 3 and len(d) >= 3 and all(map(han, (a, b, c, d))) and len(b) >= 2 and len(c) >= 2 \
                    and b not in stopwords() and c not in stopwords() \
                    and sum(phrase in x.text for x in doc.blocks if isinstance(x, Paragraph)) == 1:
                return phrase, anchors[i]
    raise AssertionError("no phrase found")


def test_a_phrase_cut_across_words_still_finds_its_paragraph(built_site, browser):
    phrase, anchor = _cut_across_words(SEEDS[3])
    with serve(built_site) as base:
        page = browser.new_page()
        page.goto(base + "/")
        page.keyboard.press("/")
        page.keyboard.type(phrase, delay=20)
        wait_for_result(page, f"/articles/{SLUG['003']}/#{anchor}")
        links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
        assert any(h.endswith(f"/articles/{SLUG['003']}/#{anchor}") for h in links[:10]), (phrase, links[:3])

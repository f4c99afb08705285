"""What readers and search engines get besides the text: readable, stable article
addresses (and redirects from old ones), the Atom feeds, how to cite."""
from __future__ import annotations

import html

import re
import subprocess
import sys

import pytest
from browser import chromium, serve
from conftest import ROOT, SEEDS, SLUG, make_project

from build_tools.sources import discover, slug_from_title

HASH_SLUG = re.compile(r"\d{3}-[0-9a-f]{16}")


def test_slugs_come_from_english_titles():
    assert slug_from_title("Japan’s Response to US-Japan Trade Friction") == "japans-response-to-us-japan-trade-friction"
    long = slug_from_title("Problems in China's High-End Manufacturing and Lessons from Japan and the United States")
    assert long == "problems-in-chinas-high-end-manufacturing-and-lessons"   # cut at a word, no trailing "from"
    for seed in SEEDS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", SLUG[seed.stem]) and not HASH_SLUG.fullmatch(SLUG[seed.stem])


def test_many_alike_titles_are_numbered_in_name_order_past_numbers_taken(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, title in [("a", "Alike"), ("b", "Alike 3"), ("c", "Alike"), ("d", "Alike"), ("e", "Alike"),
                        ("f", "Alike 2")]:
        (seeds / f"{name}.txt").write_text("正文。\n", encoding="utf-8")
        (seeds / f"{name}.yml").write_text(f"title_en: {title}\n", encoding="utf-8")
    sources, errors = discover(seeds)
    assert [s.slug for s in sources] == ["alike", "alike-3", "alike-2", "alike-4", "alike-5", "alike-2-2"]
    assert errors == []


def test_a_slug_collision_names_both_files(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a", "b"):
        (seeds / f"{name}.txt").write_text("正文。\n", encoding="utf-8")
        (seeds / f"{name}.yml").write_text("title_en: The Same Title\n", encoding="utf-8")
    sources, errors = discover(seeds)
    assert [s.slug for s in sources] == ["the-same-title", "the-same-title-2"] and errors == []
    (seeds / "b.yml").write_text("slug: the-same-title\n", encoding="utf-8")   # chosen, not derived: an error
    sources, errors = discover(seeds)
    assert [s.slug for s in sources] == ["the-same-title"]
    assert len(errors) == 1 and "b.txt" in str(errors[0]) and "a.txt" in str(errors[0]) and "b.yml" in str(errors[0])
    (seeds / "b.yml").write_text("title_en: The Same Title\nslug: ../up\n", encoding="utf-8")
    sources, errors = discover(seeds)
    assert "b.yml:2" in str(errors[0]) and "slug" in str(errors[0])


def test_a_bad_redirect_names_file_and_line(tmp_path):
    project = make_project(tmp_path / "p", SEEDS[:1], extra={"redirects.yml": "# old -> new\nold-one: gone.txt\nOld_Two: gone.txt\n"})
    run = subprocess.run([sys.executable, "-m", "build_tools", "build"], cwd=project, capture_output=True, text=True)
    assert run.returncode != 0 and "redirects.yml:3" in run.stderr and "Old_Two" in run.stderr
    (project / "seeds" / "redirects.yml").write_text("old-one: gone.txt\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "build_tools", "check"], cwd=project, capture_output=True, text=True)
    assert "'old-one' redirects to gone.txt" in run.stdout + run.stderr


def test_articles_have_the_same_readable_address_in_every_edition(built_site):
    for prefix in ("", "zh-Hant/", "en/"):
        listed = set(re.findall(r'href="(?:\.\./)*articles/([^"/#]+)/"',
                                (built_site / prefix / "index.html").read_text(encoding="utf-8")))
        assert listed == {SLUG[s.stem] for s in SEEDS}, prefix


@pytest.mark.parametrize("prefix", ["", "zh-Hant/", "en/"])
def test_old_hash_addresses_redirect_in_chromium(built_site, prefix):
    stem = SEEDS[3].stem
    old = stem.replace("_", "-")
    with serve(built_site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}/{prefix}articles/{old}/#full-text")
        page.wait_for_url(f"{base}/{prefix}articles/{SLUG[stem]}/#full-text", timeout=10000)
        assert page.locator("h1").count() == 1 and page.locator("#full-text").count() == 1


# --- How to cite -------------------------------------------------------------------------

from build_tools.render.cite import Work, bibtex, gbt7714, ris  # noqa: E402
from build_tools.render.names import Author  # noqa: E402

SITE = "https://example.org/briefing/"
SIDECAR_003 = (ROOT / "seeds" / "003_5f74324b86afcf09.yml").read_text(encoding="utf-8")


def test_gbt7714_reference_as_written_by_hand():
    people = [Author(n, "zh-Hans", n[0], n[1:]) for n in ("郝宇彪", "明莹", "王一", "李二")]
    w = Work(people, "美日欧产业链安全保障机制的逻辑解构与比较分析", "国际展望", "2024", "2024", "https://x.org/a",
             "", "10.1/x", "zh", "简报")
    assert gbt7714(w, "引用日期") == ("郝宇彪, 明莹, 王一, 等. 美日欧产业链安全保障机制的逻辑解构与比较分析[J/OL]. "
                                     "国际展望, 2024[引用日期]. https://x.org/a. DOI: 10.1/x.")
    en = Work([Author("Hao Yubiao", "en", "Hao", "Yubiao"), Author("Global Research Group", "en")], "A Title",
              "", "2021", "2021-03-05", "", "", "", "en", "The Briefing")
    assert gbt7714(en, "date accessed") == "HAO Yubiao, Global Research Group. A Title[EB]. The Briefing, 2021(2021-03-05)."
    assert bibtex(en, "a-title") == ("@misc{a-title,\n  author = {Hao, Yubiao and {Global Research Group}},\n"
                                     "  title = {{A Title}},\n  howpublished = {The Briefing},\n  year = {2021},\n"
                                     "  date = {2021-03-05},\n  langid = {english}\n}\n")
    assert ris(en) == ("TY  - ELEC\r\nAU  - Hao, Yubiao\r\nAU  - Global Research Group\r\nTI  - A Title\r\n"
                       "PY  - 2021\r\nDA  - 2021/03/05\r\nLA  - en\r\nER  - \r\n")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """Six articles (one with a journal, a date and two authors) built with SITE_URL set,
    PDFs included."""
    import os
    from conftest import build_all_editions
    extra = {f"copy{n}.txt": SEEDS[4].read_text(encoding="utf-8").replace("中国", f"中国{n}", 1) for n in range(2)}
    extra.update({f"copy{n}.yml": f"title_en: A Copy Number {n}\ndate: 2023-0{n + 1}-15\n" for n in range(2)})
    project = make_project(tmp_path_factory.mktemp("published"), SEEDS[1:], extra=extra)
    old = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = SITE
    try:
        return build_all_editions(project, pdf=True)
    finally:
        os.environ.pop("SITE_URL") if old is None else os.environ.__setitem__("SITE_URL", old)


def test_every_article_page_and_pdf_says_how_to_cite(published):
    slug = SLUG["003"]
    page = (published / "articles" / slug / "index.html").read_text(encoding="utf-8")
    expected = (f"郝宇彪, 明莹. 美日欧产业链安全保障机制的逻辑解构与比较分析[J/OL]. 国际展望, 2024[引用日期]. "
                f"{SITE}articles/{slug}/. DOI: 10.13851/j.cnki.gjzw.202404003.")
    assert expected in page and "引用日期" in page and "YYYY-MM-DD" in page
    hant = (published / "zh-Hant" / "articles" / slug / "index.html").read_text(encoding="utf-8")
    assert f"國際展望, 2024[引用日期]. {SITE}zh-Hant/articles/{slug}/." in hant
    en = (published / "en" / "articles" / slug / "index.html").read_text(encoding="utf-8")
    assert ("HAO Yubiao, MING Ying. Deconstructing the Logic of Industrial Chain Security Mechanisms in the United "
            f"States, Japan and Europe: A Comparative Analysis[J/OL]. Global Review, 2024[date accessed]. {SITE}en/"
            f"articles/{slug}/. DOI: 10.13851/j.cnki.gjzw.202404003.") in en
    bib = (published / "en" / "articles" / f"{slug}.bib").read_text(encoding="utf-8")
    assert bib.startswith(f"@article{{{slug},\n  author = {{Hao, Yubiao and Ming, Ying}},") and "journal = {Global Review}" in bib
    assert f'href="../{slug}.bib"' in en and f'href="../{slug}.ris"' in en
    ris_text = (published / "articles" / f"{slug}.ris").read_bytes().decode("utf-8")
    assert ris_text.startswith("TY  - JOUR\r\nAU  - 郝宇彪\r\nAU  - 明莹\r\n") and ris_text.endswith("ER  - \r\n")
    for prefix in ("", "zh-Hant/", "en/"):
        for path in (published / prefix / "articles").glob("*/index.html"):
            if path.parent.name != "index" and "<h1" in path.read_text(encoding="utf-8")[:100000]:
                assert 'class="briefing-reference"' in path.read_text(encoding="utf-8"), path
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(published / "en" / "pdf" / f"{slug}.pdf"), "-"],
                          capture_output=True, text=True).stdout
    assert "GB/T 7714-2015" in text and "HAO Yubiao, MING Ying" in text and "@article{" in text


# --- Atom feeds --------------------------------------------------------------------------

import xml.etree.ElementTree as ET  # noqa: E402
from urllib.parse import urljoin  # noqa: E402

A = "{http://www.w3.org/2005/Atom}"


def _feed_pages(site, prefix, base):
    """The feed of an edition, parsed, and the built file each entry's link leads to."""
    feed = ET.fromstring((site / prefix / "feed.xml").read_bytes())
    out = []
    for e in feed.findall(f"{A}entry"):
        href = urljoin(base + prefix + "feed.xml", e.find(f"{A}link").get("href"))
        assert href.startswith(base + prefix), href
        out.append((e, site / href[len(base):] / "index.html"))
    return feed, out


@pytest.mark.parametrize("prefix,lang", [("", "zh-Hans"), ("zh-Hant/", "zh-Hant"), ("en/", "en")])
def test_each_edition_has_an_atom_feed_of_its_newest_articles(published, built_site, prefix, lang):
    home = (published / prefix / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in home and 'href="feed.xml"' in home
    article = (published / prefix / "articles" / SLUG["003"] / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in article and 'href="../../feed.xml"' in article
    feed, entries = _feed_pages(published, prefix, SITE)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert feed.find(f"{A}link[@rel='self']").get("href") == SITE + prefix + "feed.xml"
    assert len(entries) == 6
    dates = [e.find(f"{A}updated").text for e, _ in entries]
    assert dates[:3] == ["2024-01-01T00:00:00Z", "2023-02-15T00:00:00Z", "2023-01-15T00:00:00Z"]
    for e, page in entries:
        assert page.exists(), page
        title = e.find(f"{A}title").text
        assert title and title in html.unescape(page.read_text(encoding="utf-8"))
        assert e.find(f"{A}summary").text and e.find(f"{A}author/{A}name").text and e.find(f"{A}id").text
    names = [a.text for a in entries[0][0].findall(f"{A}author/{A}name")]
    assert names == {"en": ["Hao Yubiao", "Ming Ying"], "zh-Hant": ["郝宇彪", "明瑩"]}.get(lang, ["郝宇彪", "明莹"])
    # without SITE_URL the links are relative to the feed, and lead to the pages too
    feed, entries = _feed_pages(built_site, prefix, "http://site/")
    assert len(entries) >= 5 and all(page.exists() for _, page in entries)


@pytest.mark.parametrize("prefix", ["", "zh-Hant/", "en/"])
def test_sitemaps_give_every_page_its_equivalents_absolutely(published, prefix):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.fromstring((published / prefix / "sitemap.xml").read_bytes()).findall("s:url", ns)
    assert len(urls) >= 10
    for url in urls:
        loc = url.find("s:loc", ns).text
        alts = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        rel = loc[len(SITE + prefix):]
        assert alts == {"zh-Hans": SITE + rel, "zh-Hant": SITE + "zh-Hant/" + rel, "en": SITE + "en/" + rel}, loc
        for href in alts.values():
            assert (published / href[len(SITE):] / "index.html").exists() or (published / href[len(SITE):]).is_file()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_pages_load_without_failed_requests_or_console_errors(built_site, prefix):
    """Material fetches sitemap.xml relative to every <link rel=alternate>: none may 404."""
    with serve(built_site) as base, chromium() as browser:
        for path in ("", f"articles/{SLUG['003']}/", "glossary/", "guide/editing/"):
            page = browser.new_page()
            failed, errors = [], []
            page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(f"{base}/{prefix}{path}")
            page.wait_for_load_state("networkidle")
            assert failed == [] and errors == [], (path, failed, errors)
            page.close()


def test_the_access_date_rule_is_shown_only_when_the_reference_has_an_address():
    import datetime
    from pathlib import Path

    from build_tools.build import Article
    from build_tools.model import Document, Paragraph
    from build_tools.render.cite import citation
    from build_tools.render.view import View
    from build_tools.sources import Source
    article = Article(Source(Path("a.txt"), "a", "a"), Document(title="标题", blocks=[Paragraph("正文。")]))
    article.source.meta["date"] = datetime.date(2024, 1, 2)
    offline = str(citation(article, View("zh-Hans", Path(".")))[0])
    online = str(citation(article, View("zh-Hans", Path("."), base_url="https://x.org/"))[0])
    assert "[引用日期]" not in offline and "YYYY-MM-DD" not in offline   # nothing to fill in
    assert "[引用日期]. https://x.org/articles/a/" in online and "YYYY-MM-DD" in online

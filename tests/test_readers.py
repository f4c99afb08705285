"""What readers and search engines get besides the text: readable, stable article
addresses (and redirects from old ones), the Atom feeds, how to cite."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from browser import chromium, serve
from conftest import SEEDS, SLUG, make_project

from build_tools.sources import discover, slug_from_title

HASH_SLUG = re.compile(r"\d{3}-[0-9a-f]{16}")


def test_slugs_come_from_english_titles():
    assert slug_from_title("Japan’s Response to US-Japan Trade Friction") == "japans-response-to-us-japan-trade-friction"
    long = slug_from_title("Problems in China's High-End Manufacturing and Lessons from Japan and the United States")
    assert long == "problems-in-chinas-high-end-manufacturing-and-lessons"   # cut at a word, no trailing "from"
    for seed in SEEDS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", SLUG[seed.stem]) and not HASH_SLUG.fullmatch(SLUG[seed.stem])


def test_a_slug_collision_names_both_files(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a", "b"):
        (seeds / f"{name}.txt").write_text("正文。\n", encoding="utf-8")
        (seeds / f"{name}.yml").write_text("title_en: The Same Title\n", encoding="utf-8")
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
        page.goto(f"{base}/{prefix}articles/{old}.html")   # `make offline`'s old address
        page.wait_for_url(f"{base}/{prefix}articles/{SLUG[stem]}.html", timeout=10000)

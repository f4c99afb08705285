"""The briefing MkDocs plugin: one source of settings for `briefing` and `mkdocs`, anchor
links in the HTML pages validated as MkDocs validates Markdown pages, and every reach
into MkDocs/Material internals checked against the version it was written for."""
from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version

import pytest
from mkdocs.exceptions import PluginError

from build_tools.config import load_settings
from build_tools.host import INTERNALS, check_versions
from conftest import SLUG, SEEDS, make_project, mkdocs_build

ARTICLE = f"articles/{SLUG['004']}.md"


def briefing(project, *args, **env):
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=project, capture_output=True,
                          text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env))


def test_every_edition_reads_the_same_settings_through_mkdocs(tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFING_PDF", raising=False)
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    base = load_settings(project / "mkdocs.yml")
    assert briefing(project, "build", BRIEFING_PDF="0").returncode == 0   # the editions' docs_dir
    for edition in ("zh-Hant", "en"):
        other = load_settings(project / f"mkdocs.{edition}.yml")
        assert other.edition == edition
        assert (other.docs, other.seeds, other.glossary, other.site_name, other.site_name_en, other.pdf) == \
            (base.docs, base.seeds, base.glossary, base.site_name, base.site_name_en, base.pdf)
    assert base.docs == project / "docs" and base.site_name == "产业链与贸易政策简报"
    monkeypatch.setenv("BRIEFING_PDF", "0")
    assert base.pdf and not load_settings(project / "mkdocs.en.yml").pdf


def test_a_bad_plugin_option_is_a_clear_error(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    opencc_profile: s2tw", "    opencc_profile: s2tw\n    max_source_mb: many"), encoding="utf-8")
    run = briefing(project, "build", BRIEFING_PDF="0")
    assert run.returncode == 1
    assert "max_source_mb" in run.stderr and "Traceback" not in run.stderr
    assert not (project / "docs" / "articles").exists()
    assert mkdocs_build(project).returncode == 1


def test_a_broken_anchor_in_an_html_page_fails_the_strict_build(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    assert briefing(project, "build", BRIEFING_PDF="0").returncode == 0
    assert mkdocs_build(project, prebuilt=True).returncode == 0    # every anchor as written is there
    page = project / "docs" / ARTICLE
    text = page.read_text(encoding="utf-8")
    assert 'href="#fn:' in text or 'href="#p-' in text or 'href="#h-' in text
    # a link to another page's anchor that is not there, and one on the page itself
    text = text.replace("</h1>", '</h1>\n<p><a href="../glossary/index.md#no-such-term">x</a> '
                                 '<a href="#no-such-paragraph">y</a></p>', 1)
    page.write_text(text, encoding="utf-8")
    run = mkdocs_build(project, prebuilt=True)
    assert run.returncode == 1
    assert "contains a link '../glossary/index.md#no-such-term', but the doc 'glossary/index.md' " \
           "does not contain an anchor '#no-such-term'" in run.stderr
    assert "contains a link '#no-such-paragraph', but there is no such anchor on this page" in run.stderr


def test_links_in_html_pages_are_resolved_and_a_missing_target_fails(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    assert briefing(project, "build", BRIEFING_PDF="0").returncode == 0
    assert mkdocs_build(project, prebuilt=True).returncode == 0
    html = (project / "site" / "articles" / SLUG["004"] / "index.html").read_text(encoding="utf-8")
    assert 'href="../../glossary/' in html and '.md"' not in html
    page = project / "docs" / ARTICLE
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</h1>", '</h1>\n<p><a href="../glossary/gone.md">x</a></p>', 1), encoding="utf-8")
    run = mkdocs_build(project, prebuilt=True)
    assert run.returncode == 1 and "the target 'glossary/gone.md' is not found" in run.stderr


def test_a_serve_after_a_site_build_keeps_the_pdfs_and_the_pages(tmp_path):
    """`make site`, then `make serve` (a plain mkdocs build, which builds the pages itself):
    the same `pdf` setting, so nothing is deleted or rendered again."""
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_PDF"}
    run = subprocess.run([sys.executable, "-m", "build_tools", "build"], cwd=project, capture_output=True,
                         text=True, env=env)
    assert run.returncode == 0, run.stderr
    docs = project / "docs"
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    assert len([p for p in before if p.suffix == ".pdf"]) == 6   # an article and the pack, per edition
    served = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")],
                            cwd=project, capture_output=True, text=True, env=dict(env, NO_MKDOCS_2_WARNING="1"))
    assert served.returncode == 0, served.stderr
    after = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    assert after == before
    assert "page(s) written" not in served.stderr
    assert (tmp_path / "s" / "pdf" / f"{SLUG['004']}.pdf").exists()


def test_the_host_versions_checked_are_the_installed_ones():
    check_versions()   # the tested set (requirements.lock) passes
    assert {p for p, _, _ in INTERNALS} == {"mkdocs", "mkdocs-material"}
    for package, written_for, _ in INTERNALS:
        assert version(package).startswith(written_for + ".")


@pytest.mark.parametrize("package", ["mkdocs", "mkdocs-material"])
def test_another_host_version_stops_the_build_with_a_clear_message(package):
    found = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1", package: "10.0.0"}
    with pytest.raises(PluginError) as e:
        check_versions(version=lambda p: found[p])
    message = str(e.value)
    assert "found 10.0.0" in message and f"written for {package} " in message
    assert all(what in message for p, _, what in INTERNALS if p == package)
    assert not any(what in message for p, _, what in INTERNALS if p != package)


def test_links_in_html_pages_get_the_relative_urls_mkdocs_gives():
    from mkdocs.utils import get_relative_url
    from build_tools.html_page import _relative_url
    urls = ["", ".", "index.html", "articles/a/", "articles/a.html", "articles/b/", "glossary/", "glossary/t/",
            "tags/x/", "zh-Hant/articles/a/", "a/b/c/d.html", "articles/a/index.html", "assets/x.css",
            "search/w/1.js", "../x/", "a//b/", "/abs/x/", "articles/a.b/", "articles/%E4%B8%AD/"]
    assert [_relative_url(u, o) for u in urls for o in urls] == [get_relative_url(u, o) for u in urls for o in urls]

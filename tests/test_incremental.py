"""`briefing site` (what `make site` runs): incremental builds rebuild only what changed and
give the same site as a full build; removing a source or a failed build is handled."""
from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys

from search_files import pages, postings
from conftest import SLUG, SEEDS, make_project, mkdocs_build

ZH = f"articles/{SLUG['004']}/index.html"
OTHER = f"articles/{SLUG['003']}/index.html"


def site(project, *args):
    return subprocess.run([sys.executable, "-m", "build_tools", "site", *args], cwd=project, capture_output=True,
                          text=True, env=dict(os.environ, BRIEFING_PDF="0", SOURCE_DATE_EPOCH="1700000000",
                                              NO_MKDOCS_2_WARNING="1"))


def differing(c: filecmp.dircmp) -> list[str]:
    out = list(c.diff_files) + list(c.left_only) + list(c.right_only)
    for sub in c.subdirs.values():
        out += differing(sub)
    return out


def test_one_changed_source_is_rebuilt_alone_and_the_site_equals_a_full_build(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[3:])
    first = site(project)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "full build" in first.stdout
    built = project / "site"
    untouched = {rel: (built / rel).stat().st_mtime_ns for rel in (OTHER, "zh-Hant/" + OTHER, "en/" + OTHER)}
    # an offline copy in between (file URLs) must not confuse what the next build keeps
    offline = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "offline")],
                             cwd=project, capture_output=True, text=True,
                             env=dict(os.environ, BRIEFING_PDF="0", BRIEFING_PREBUILT="1", NO_MKDOCS_2_WARNING="1",
                                      BRIEFING_DIRECTORY_URLS="false", BRIEFING_OFFLINE="true"))
    assert offline.returncode == 0, offline.stderr
    seed = project / "seeds" / SEEDS[4].name
    seed.write_text(seed.read_text(encoding="utf-8") + "\n编辑新增的一段，检验增量构建。\n", encoding="utf-8")
    second = site(project)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "incremental build" in second.stdout
    assert "(3 of them articles)" in second.stdout    # the other article, in each edition
    assert "编辑新增的一段" in (built / ZH).read_text(encoding="utf-8")
    assert "編輯新增的一段" in (built / "zh-Hant" / ZH).read_text(encoding="utf-8")
    assert "编辑新增的一段" in (built / "en" / ZH).read_text(encoding="utf-8")   # untranslated: shown in Chinese
    for edition, word in (("", "编辑"), ("zh-Hant", "編輯")):
        assert any(p.startswith(f"articles/{SLUG['004']}") for p, _ in postings(built / edition, word))
        assert any(p[0].startswith("guide/") for p in pages(built / edition))   # hand-written pages too
    # the other article's pages were not rebuilt, and what was staged was all moved in
    assert {rel: (built / rel).stat().st_mtime_ns for rel in untouched} == untouched
    assert not (project / "site.tmp").exists()
    shutil.copytree(built, tmp_path / "incremental")
    third = site(project, "--full")                       # every page rendered and built again
    assert third.returncode == 0 and "full build" in third.stdout and " 0 kept" in third.stdout
    assert differing(filecmp.dircmp(tmp_path / "incremental", built)) == []


def test_a_removed_source_leaves_no_page_behind(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[3:])
    assert site(project).returncode == 0
    (project / "seeds" / SEEDS[4].name).unlink()
    (project / "seeds" / SEEDS[4].with_suffix(".yml").name).unlink(missing_ok=True)
    run = site(project)
    assert run.returncode == 0 and "full build" in run.stdout
    for edition in ("", "zh-Hant", "en"):
        assert not (project / "site" / edition / ZH).exists()
        assert (project / "site" / edition / OTHER).exists()


def contents(tree) -> dict[str, bytes]:
    return {p.relative_to(tree).as_posix(): p.read_bytes() for p in sorted(tree.rglob("*")) if p.is_file()}


def test_a_failed_build_leaves_the_previous_site(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    assert site(project).returncode == 0
    page = (project / "site" / ZH).read_bytes()
    before = contents(project / "site")
    # bad input: stopped before MkDocs runs
    (project / "seeds" / "zz_empty.txt").write_bytes(b"")
    run = site(project)
    assert run.returncode != 0 and "zz_empty.txt" in run.stderr and "empty file" in run.stderr
    assert (project / "site" / ZH).read_bytes() == page
    (project / "seeds" / "zz_empty.txt").unlink()
    # MkDocs fails (a hand-written page links to nothing, and builds are strict) during an
    # incremental build, after the changed article was written
    guide = project / "docs" / "guide" / "editing.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n[broken](nowhere.md)\n", encoding="utf-8")
    seed = project / "seeds" / SEEDS[4].name
    seed.write_text(seed.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    run = site(project)
    assert run.returncode != 0 and "nowhere.md" in run.stdout + run.stderr
    assert (project / "site" / ZH).read_bytes() == page
    # every file as it was: the incremental build shares the previous site's files (hard
    # links) and must not have written into any of them
    assert contents(project / "site") == before
    assert not (project / "site.tmp").exists()


def test_a_site_built_by_something_else_is_rebuilt_in_full(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    assert site(project).returncode == 0
    assert mkdocs_build(project, prebuilt=True).returncode == 0   # a plain `mkdocs build` into site/
    assert not (project / "site" / "zh-Hant").exists()
    run = site(project)
    assert run.returncode == 0 and "full build" in run.stdout
    assert (project / "site" / "zh-Hant" / ZH).exists() and (project / "site" / "en" / ZH).exists()




def test_a_citation_file_lost_from_docs_is_made_again_beside_its_kept_page(tmp_path):
    """An article's BibTeX and RIS files are made with its page; a kept page whose files
    went missing from docs/ gets them again (and the site offers them for download)."""
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    build = lambda: subprocess.run([sys.executable, "-m", "build_tools", "build"], cwd=project,
                                   capture_output=True, text=True, env=dict(os.environ, BRIEFING_PDF="0"))
    assert build().returncode == 0
    bib = project / "docs" / "zh-Hant" / "articles" / f"{SLUG['004']}.bib"
    page = bib.with_suffix(".md")
    made, written = bib.read_bytes(), page.stat().st_mtime_ns
    bib.unlink()
    run = build()
    assert run.returncode == 0, run.stderr
    assert bib.read_bytes() == made and page.stat().st_mtime_ns == written   # the page itself kept


def test_a_cached_document_cut_short_is_cleaned_again(tmp_path):
    """A killed build can leave a cached document half written: the next build cleans that
    source again (alongside loading the others) and gives the same pages."""
    project = make_project(tmp_path / "p", seeds=SEEDS[3:])
    build = lambda: subprocess.run([sys.executable, "-m", "build_tools", "build"], cwd=project,
                                   capture_output=True, text=True, env=dict(os.environ, BRIEFING_PDF="0"))
    assert build().returncode == 0
    pages = contents(project / "docs" / "articles")
    cached = sorted((project / ".cache" / "briefing" / "documents").glob("*.pickle"))
    assert len(cached) == 2
    cached[0].write_bytes(cached[0].read_bytes()[:100])
    run = build()
    assert run.returncode == 0, run.stderr
    assert len(cached[0].read_bytes()) > 100 and contents(project / "docs" / "articles") == pages


def test_a_renamed_tag_reaches_every_english_page_that_shows_it(tmp_path):
    """Tag names are part of what an article page is made from (page_cache.page_key):
    renaming one in seeds/tags.yml renders again the pages that show it."""
    project = make_project(tmp_path / "p", seeds=SEEDS[3:])
    build = lambda: subprocess.run([sys.executable, "-m", "build_tools", "build"], cwd=project,
                                   capture_output=True, text=True, env=dict(os.environ, BRIEFING_PDF="0"))
    assert build().returncode == 0
    page = project / "docs" / "en" / "articles" / f"{SLUG['004']}.md"
    tags = project / "seeds" / "tags.yml"
    name = next(line.split(": ", 1)[1] for line in tags.read_text(encoding="utf-8").splitlines()
                if ": " in line and not line.startswith("#") and line.split(": ", 1)[1] in page.read_text(encoding="utf-8"))
    tags.write_text(tags.read_text(encoding="utf-8").replace(f": {name}\n", f": {name} (renamed)\n"), encoding="utf-8")
    assert build().returncode == 0
    assert f"{name} (renamed)" in page.read_text(encoding="utf-8")


def test_a_build_leaves_nothing_for_the_next_one_in_the_same_process_to_carry(tmp_path, monkeypatch):
    """`mkdocs serve` builds again and again in one process: the corpus a build kept out of
    the cyclic collector (build._long_lived) must be collectable once the build is over,
    and the collector must run as often as before, or every rebuild would add a corpus to
    the server's memory."""
    import gc
    import weakref
    from build_tools.build import build
    from build_tools.config import load_settings
    monkeypatch.setenv("BRIEFING_PDF", "0")
    project = make_project(tmp_path / "p", seeds=SEEDS[3:])
    settings = load_settings(project / "mkdocs.yml")
    thresholds = gc.get_threshold()
    first = build(settings).articles
    assert first and any(a.enriched.related for a in first)   # related lists point both ways: cycles
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds   # the server's collector runs as often as before
    gone = weakref.ref(first[0].doc)
    del first
    build(settings)
    gc.collect()
    assert gone() is None


def test_a_hand_written_page_edited_is_built_again_through_the_simplified_editions_docs(tmp_path):
    """The Simplified edition's MkDocs reads docs/ through a folder of links that leaves out
    the other editions' docs_dirs (site_build._own_docs): it links everything else, an edit
    to a hand-written page reaches its page, and the other editions are still built."""
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    first = site(project)
    assert first.returncode == 0, first.stdout + first.stderr
    linked = project / ".cache" / "briefing" / "docs-zh-Hans"
    assert sorted(p.name for p in linked.iterdir()) == sorted(
        p.name for p in (project / "docs").iterdir() if p.name not in ("zh-Hant", "en"))
    assert all(p.is_symlink() for p in linked.iterdir())
    guide = project / "docs" / "guide" / "editing.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n编辑手写页面新增的一句话。\n", encoding="utf-8")
    second = site(project)
    assert second.returncode == 0 and "incremental build" in second.stdout, second.stdout + second.stderr
    assert "编辑手写页面新增的一句话" in (project / "site" / "guide" / "editing" / "index.html").read_text(encoding="utf-8")
    assert not (project / "site" / "zh-Hant" / "zh-Hant").exists() and (project / "site" / "zh-Hant" / "index.html").exists()

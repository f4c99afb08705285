"""Hostile input, end to end: what sources, sidecars, the glossary, tags.yml and PO files
hold is data in every HTML context (element, attribute, URL, JSON in scripts). Each case
ends with a correct page that runs nothing and requests nothing outside 127.0.0.1 (checked
in Chromium, in all three editions), or with a clear error naming the file (and line or
key), no traceback, and the previous site byte for byte as it was.

The pages of every accepted case are built in one `briefing site` (the suite stays fast);
the rejected cases run one after another against one built site."""
from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from browser import chromium, local_only, serve
from conftest import SEEDS, make_project

from build_tools.cleaning.pipeline import clean_file
from build_tools.sources import article_slug, slug_for
from build_tools.translations import template

BODY = "产业链韧性测试的正文第一段，说明高端制造业的发展与贸易政策的关系，是一个国家工业化的必然产物。"
MORE = "第二段继续讨论供应链安全与技术创新的问题，并给出若干政策建议，供决策参考。"


def source(title: str, first: str = "", rest: str = MORE) -> str:
    """A title line (a byline after it makes it the title), then two paragraphs."""
    return f"{title}\n王明 李华\n\n{first}{BODY}\n\n{rest}\n"


# name -> (file content, sidecar or None, text the page must show literally)
ACCEPTED = {
    "h01.txt": (source("引号测试", 'a "quoted" \'word\' "><script>alert(101)</script>'), None,
                '"><script>alert(101)</script>'),
    "h02.txt": (source('标题"><script>alert(102)</script>'), None, '标题"><script>alert(102)</script>'),
    "h03.txt": (source("结束</title><script>alert(103)</script>标题"), None, "</title><script>alert(103)</script>"),
    "h04.txt": (source("矢量图测试", '<svg onload=alert(104)><svg/onload=alert(1041)>'), None, "<svg onload=alert(104)>"),
    "h05.txt": (source("链接测试", "[点我](javascript:alert(105)) <a href=\"javascript:alert(1051)\">x</a> "
                       "data:text/html,<script>alert(1052)</script> "), None, "javascript:alert(105)"),
    "h06.txt": (source("模板{{ 7*7 }}测试", "{{ config.site_name }} {% for x in y %}{# c #}{% raw %} "), None,
                "{{ config.site_name }}"),
    "h07.txt": (source("注释测试", "<!-- 未闭合的注释 <style>*{display:none}</style>"), None,
                "<!--未闭合的注释"),   # the space between Latin and Chinese goes (spacing pass)
    "h08.txt": (source("双向\u202e控制\u200b字符\u2066标题", "零宽\u200d字符\u200f与\u061c双向控制。"), None, "零宽字符与双向控制"),
    "h09.txt": (source("控制字符测试", "退格\x08响铃\x07转义\x1b[31m字符。"), None, "退格响铃转义[31m字符"),
    "h10.txt": (None, None, "高端制造业是具有高技术含量"),   # UTF-8 with one stray byte: written below
    "h11.txt": (source("超长行测试", "长" * (2 * 1024 * 1024 // 3)), None, "长长长长长长长长"),
    "h12.txt": ("一句话重复五兆字节\n\n" + "高端制造业是具有高技术含量、高附加值和较强竞争力的产业。" * 62000 + "\n", None,
                "高端制造业是具有高技术含量、高附加值和较强竞争力的产业。"),
    "name with spaces#and?odd%25.txt": (source("奇怪文件名测试"), None, "奇怪文件名测试"),
    "中文文件名.txt": (source("中文文件名测试"), None, "中文文件名测试"),
    "h15.txt": (source("侧车文件测试"), {
        "title_en": '"><script>alert(115)</script>',
        "summary_zh": '摘要"><script>alert(1151)</script><img src=x onerror=alert(1152)>',
        "summary_en": "Summary </title><svg onload=alert(1153)>",
        "publication": '<img src=x onerror=alert(1154)>期刊', "authors": ['作者<script>alert(1155)</script>'],
        "url": 'https://example.org/a"onmouseover="alert(1156)',
        "tags": ["<script>alert(116)</script>标签"]}, "<img src=x onerror=alert(1154)>期刊"),
    "h16.txt": (source("术语测试", "韧性测试一词与链字、C++(.*)?写法和[a-z]+模式。"), None, "C++(.*)?"),
    "h17.txt": (source("翻译测试"), None, "翻译测试"),   # its PO file holds scripts: see en_translation()
}
H15 = article_slug("h15", ACCEPTED["h15.txt"][1])   # its address: from its (hostile) English title
HOSTILE_TERMS = """
- zh: 韧性测试
  en: "resilience <script>alert(121)</script>"
  kind: concept
  pinyin: renxing ceshi hostile
  def_zh: "定义<script>alert(122)</script>"
  def_en: "Definition \\"><img src=x onerror=alert(123)> </title>"
- zh: 链
  en: chain-one-char
  kind: concept
  pinyin: lian yi zi
  def_zh: 一个字的术语。
  def_en: A one-character term.
- zh: "C++(.*)?"
  en: "regex (.*)?"
  kind: concept
  pinyin: zhengze yuan zifu
  def_zh: 正则元字符。
  def_en: "Regex metacharacters [a-z]+ $1 \\\\1."
"""
HOSTILE_TAGS = '"<script>alert(116)</script>标签": "<img src=x onerror=alert(117)> tag"\n'


def _sidecar(meta: dict) -> str:
    import json
    return "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())


def en_translation(project: Path) -> None:
    """translations/en/h17.po: every unit translated, with scripts in the msgstrs."""
    doc = clean_file(project / "seeds" / "h17.txt")
    po = template(doc, "h17", "en")
    for n, entry in enumerate(po):
        entry.msgstr = f'English {n} "><script>alert({170 + n})</script><img src=x onerror=alert(1)>'
    (project / "translations" / "en").mkdir(parents=True, exist_ok=True)
    po.save(str(project / "translations" / "en" / "h17.po"))


def briefing(project, *args, **kw):
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=project, capture_output=True,
                          text=True, env=dict(os.environ, BRIEFING_PDF="0"), **kw)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hostile"), seeds=SEEDS[4:])
    seeds = project / "seeds"
    for name, (text, meta, _) in ACCEPTED.items():
        if text is not None:
            (seeds / name).write_text(text, encoding="utf-8")
        if meta:
            (seeds / name).with_suffix(".yml").write_text(_sidecar(meta), encoding="utf-8")
    (seeds / "h10.txt").write_bytes(source("一个坏字节").encode() + "高端制造业是具有高技术含量".encode()
                                    + b"\xff" + "的产业。\n".encode())
    with open(seeds / "glossary.yml", "a", encoding="utf-8") as fh:
        fh.write(HOSTILE_TERMS)
    with open(seeds / "tags.yml", "a", encoding="utf-8") as fh:
        fh.write(HOSTILE_TAGS)
    en_translation(project)
    run = briefing(project, "site")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return project, run


class Tab:
    """One browser page for the whole module (a new one per visit costs a second), with
    what the last visit showed: dialogs opened and requests that left 127.0.0.1."""

    def __init__(self, browser):
        self.page = browser.new_page()
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        local_only(self.page, self.outside)


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield Tab(b)


def _visit(tab: Tab, base: str, path: str, hover: bool = False) -> tuple:
    """(page, dialogs, outside requests) after loading path and letting its scripts run."""
    page = tab.page
    tab.dialogs.clear()
    tab.outside.clear()
    response = page.goto(base + path, wait_until="load")   # inline scripts, onload and onerror have run
    assert response is not None and response.ok, path
    for el in page.query_selector_all("article [title]")[:2] if hover else []:
        if el.is_visible():   # Material's tooltip, as a reader's pointer opens it
            el.hover(timeout=3000)
            page.wait_for_timeout(300)
    # Material's content.tooltips sets every title in the content as a tooltip's innerHTML:
    # a title must hold no markup once parsed as HTML
    assert page.evaluate(TITLES_AS_HTML) == [], path
    return page, list(tab.dialogs), list(tab.outside)


EDITIONS = ("", "zh-Hant/", "en/")
TITLES_AS_HTML = """[...document.querySelectorAll('article [title], abbr[title]')].map(e => {
    const t = document.createElement('template'); t.innerHTML = e.title;
    return t.content.querySelector('*') ? e.title : null; }).filter(x => x)"""


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted_hostile_source_is_shown_as_text_and_runs_nothing(hostile, browser, name):
    project, _ = hostile
    stem = Path(name).stem
    meta = ACCEPTED[name][1] or {}
    slug = article_slug(stem, meta)   # as the build makes it (sidecar slug, English title, file name)
    expected = ACCEPTED[name][2]
    with serve(project / "site") as base:
        for edition in EDITIONS:
            page, dialogs, outside = _visit(browser, base, f"/{edition}articles/{slug}/")
            assert dialogs == [] and outside == [], (edition, dialogs, outside)
            if not edition:   # (the Traditional edition converts it, the English one may translate it)
                assert expected in page.inner_text("body"), expected
            # a title or description that broke out of its attribute would leave markup here
            head = page.evaluate("[...document.head.querySelectorAll('meta,title,link')].map(e => e.outerHTML)")
            assert not [h for h in head if re.search(r"<(script|img|svg)", h)], head
            assert page.evaluate("document.querySelectorAll('article script, article img[onerror], "
                                 "article svg, a[href^=javascript], a[href^=data]').length") == 0


def test_titles_and_descriptions_keep_their_quotes(hostile, browser):
    project, _ = hostile
    with serve(project / "site") as base:
        page, dialogs, _ = _visit(browser, base, "/articles/h01/")
        description = page.get_attribute('meta[name="description"]', "content")
        assert '"><script>alert(101)</script>' in description and 'a "quoted"' in description
        assert page.get_attribute('meta[property="og:description"]', "content") == description
        for slug, title in (("h02", '标题"><script>alert(102)</script>'), ("h03", "结束</title><script>alert(103)</script>标题")):
            page, dialogs, _ = _visit(browser, base, f"/articles/{slug}/")
            assert page.title().startswith(title + " - ") and page.inner_text("h1").startswith(title)
            assert page.get_attribute('meta[property="og:title"]', "content") == title and dialogs == []
        page, dialogs, _ = _visit(browser, base, f"/en/articles/{H15}/")
        assert page.title().startswith('"><script>alert(115)</script>')
        assert page.get_attribute('meta[name="description"]', "content") == "Summary </title><svg onload=alert(1153)>"
        assert dialogs == []


def test_invisible_controls_are_reported_and_kept_out_of_titles(hostile, browser):
    project, run = hostile
    assert re.search(r"warning: h08\.txt: line 1: dropped \d+ invisible", run.stdout), run.stdout[-2000:]
    assert re.search(r"warning: h09\.txt: line 4: dropped \d+ invisible", run.stdout)
    with serve(project / "site") as base:
        page, _, _ = _visit(browser, base, "/articles/h08/")
        assert page.inner_text("h1").startswith("双向控制字符标题")
        assert not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c]", page.title() + page.inner_text("body"))


def test_a_stray_byte_in_utf8_is_a_warning_not_mojibake(hostile):
    project, run = hostile
    assert "warning: h10.txt: line 7: not valid UTF-8" in run.stdout, run.stdout[-2000:]
    page = (project / "site" / "articles" / "h10" / "index.html").read_text(encoding="utf-8")
    assert "高端制造业是具有高技术含量\ufffd的产业" in page


def test_hostile_sidecar_tags_and_url(hostile, browser):
    project, _ = hostile
    with serve(project / "site") as base:
        page, dialogs, outside = _visit(browser, base, f"/articles/{H15}/")
        chips = page.eval_on_selector_all(".md-tag", "els => els.map(e => e.textContent.trim())")
        assert "<script>alert(116)</script>标签" in chips
        href = page.get_attribute(".briefing-source a", "href")
        assert href == 'https://example.org/a"onmouseover="alert(1156)'
        tag_page = page.eval_on_selector(".md-tag", "e => e.getAttribute('href')")
        page, more, outside2 = _visit(browser, base, f"/en/articles/{H15}/")
        assert "<img src=x onerror=alert(117)> tag" in page.eval_on_selector_all(
            ".md-tag", "els => els.map(e => e.textContent.trim())")
        assert dialogs == more == [] and outside == outside2 == [] and tag_page


@pytest.mark.parametrize("path", ["glossary/renxing-ceshi-hostile/", "glossary/lian-yi-zi/",
                                  "glossary/zhengze-yuan-zifu/", "glossary/", "tags/", "", "articles/"])
def test_glossary_tag_and_list_pages_run_nothing(hostile, browser, path):
    project, _ = hostile
    with serve(project / "site") as base:
        for edition in EDITIONS:
            page, dialogs, outside = _visit(browser, base, f"/{edition}{path}")
            assert dialogs == [] and outside == [], (edition, path, dialogs)
            if path.startswith("glossary/renxing") and edition == "en/":
                assert "resilience <script>alert(121)</script>" in page.inner_text("article")


def test_glossary_terms_in_text_show_their_definitions_as_text(hostile, browser):
    project, _ = hostile
    with serve(project / "site") as base:
        page, dialogs, _ = _visit(browser, base, "/articles/h16/", hover=True)
        # the definitions load on the first hover (briefing-terms.js) and go into the title
        # of each term a reader points at
        for el in page.query_selector_all("article .glossary-term"):
            if el.is_visible():
                el.hover(timeout=3000)
        page.wait_for_function("[...document.querySelectorAll('article .glossary-term')].some(e => e.title.includes(' — '))",
                               timeout=5000)
        assert page.evaluate(TITLES_AS_HTML) == []   # a definition in a title is text too
        tips = page.eval_on_selector_all("article .glossary-term", """els => els.map(e => {
            const t = document.createElement('template'); t.innerHTML = e.title; return t.content.textContent; })""")
        assert any("resilience <script>alert(121)</script> — Definition \"><img src=x onerror=alert(123)>" in t
                   for t in tips), tips
        assert any(t.startswith("regex (.*)?") for t in tips) and any(t.startswith("chain-one-char") for t in tips)
        assert dialogs == []


def test_scripts_in_translations_are_text(hostile, browser):
    project, _ = hostile
    with serve(project / "site") as base:
        page, dialogs, outside = _visit(browser, base, "/en/articles/h17/")
        assert 'English 0 "><script>alert(170)</script>' in page.title()
        assert "<script>alert(17" in page.inner_text("article")
        assert page.get_attribute('meta[name="description"]', "content").startswith('English 0 "><script>')
        assert dialogs == [] and outside == []


def test_search_index_holds_hostile_text_as_text(hostile, browser):
    project, _ = hostile
    with serve(project / "site") as base:
        page, dialogs, outside = _visit(browser, base, "/")
        page.keyboard.press("s")
        page.fill("input.md-search__input", "侧车文件测试")   # h15's title: its result shows its tags
        page.press("input.md-search__input", "End")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        page.wait_for_timeout(300)
        assert dialogs == outside == browser.dialogs == browser.outside == []
        assert page.evaluate("document.querySelectorAll('.md-search-result script, .md-search-result img').length") == 0
        tags = page.eval_on_selector_all(".md-search-result .md-tag", "els => els.map(e => e.textContent)")
        assert "<script>alert(116)</script>标签" in tags, tags


# --- rejected input: a clear error naming the file, and the previous site as it was -------

def _tree(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("rejected"), seeds=SEEDS[4:])
    run = briefing(project, "site")
    assert run.returncode == 0, run.stderr
    return project


def _alias_bomb() -> str:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for k in range(1, 9):
        lines.append(f"{chr(97 + k)}: &{chr(97 + k)} [" + ",".join([f"*{chr(96 + k)}"] * 9) + "]")
    return "\n".join(lines) + "\ntags: [*i]\n"


GLOSSARY_ENTRY = "- zh: {zh}\n  en: {en}\n  kind: concept\n  pinyin: {pinyin}\n  def_zh: 定义。\n  def_en: Definition.\n"
# name -> (files to write below the project: path -> bytes/str, or a callable; what the
# error must say: [the file, more]). The last file listed is the one the error names.
REJECTED = {
    "nul-bytes": ({"seeds/bad nul.txt": "正文第一行。\n第二行\x00含有空字节。\n".encode()}, ["bad nul.txt:2", "binary"]),
    "folder-named-txt": ({"seeds/folder.txt/": ""}, ["folder.txt", "not a regular file"]),
    "symlink-out": ({"seeds/outside.txt": "->/etc/passwd"}, ["outside.txt", "outside the project"]),
    "case-colliding": ({"seeds/Case.txt": source("大写"), "seeds/case.txt": source("小写")},
                       ["case.txt", "differs from Case.txt only in letter case"]),
    "sidecar-javascript-url": ({"seeds/s1.txt": source("链接"), "seeds/s1.yml": "url: javascript:alert(1)\n"},
                               ["s1.yml:1", "key 'url'"]),
    "sidecar-data-url": ({"seeds/s1b.txt": source("链接"), "seeds/s1b.yml": "title_en: ok\nurl: data:text/html,x\n"},
                         ["s1b.yml:2", "key 'url'"]),
    "sidecar-alias-bomb": ({"seeds/s2.txt": source("炸弹"), "seeds/s2.yml": _alias_bomb()}, ["s2.yml:", "alias"]),
    "sidecar-python-tag": ({"seeds/s3.txt": source("标签"), "seeds/s3.yml": "title_en: !!python/object/apply:os.system [echo]\n"},
                           ["s3.yml:1", "invalid YAML"]),
    "sidecar-dotdot-slug": ({"seeds/s4.txt": source("路径"), "seeds/s4.yml": "slug: ../../etc\n"}, ["s4.yml:1", "key 'slug'"]),
    "sidecar-bidi-title": ({"seeds/s5.txt": source("双向"), "seeds/s5.yml": "title_en: \"abc\u202edef\"\n"},
                           ["s5.yml:1", "key 'title_en'", "invisible"]),
    "glossary-duplicate": ({"seeds/glossary.yml": lambda t: t + GLOSSARY_ENTRY.format(zh="产业链", en="dup", pinyin="chong fu")},
                           ["glossary.yml:", "listed twice"]),
    "glossary-slug-collision": ({"seeds/glossary.yml": lambda t: t + GLOSSARY_ENTRY.format(zh="甲术语", en="a", pinyin="tong yin")
                                 + GLOSSARY_ENTRY.format(zh="乙术语", en="b", pinyin="tóng yīn")},
                                ["glossary.yml:", "glossary/tong-yin.md", "also"]),
    "glossary-alias-bomb": ({"seeds/glossary.yml": lambda t: t + "- &x {zh: 炸弹术语, en: b, kind: concept, def_zh: x, def_en: y}\n- *x\n"},
                            ["glossary.yml:", "alias"]),
    "tags-not-a-mapping": ({"seeds/tags.yml": "- a\n- b\n"}, ["tags.yml:1", "must map"]),
    "tags-broken-yaml": ({"seeds/tags.yml": "美国: [United States\n"}, ["tags.yml:", "invalid YAML"]),
    "po-broken": ({"translations/en/004_ad1ac5827ac4e647.po": 'msgid "a"\nmsgstr "b\n\nmsgid\n'},
                  ["004_ad1ac5827ac4e647.po:4", "broken PO"]),
    "front-matter-broken": ({"seeds/fm.md": "---\nbriefing-document: 1\ntitle: [unclosed\n---\n\n正文。\n"},
                            ["fm.md:", "invalid YAML"]),
    "front-matter-wrong-type": ({"seeds/fm2.md": "---\nbriefing-document: 1\nauthors: 5\n---\n\n正文。\n"},
                                ["fm2.md", "'authors' must be list"]),
}


# Cases that do not hide one another are tried together: a build reports every bad input
# at once (one run of `briefing check` and one of `briefing site` per group).
GROUPS = [{c for c in REJECTED if not c.startswith(("glossary", "tags", "po"))},
          {"glossary-duplicate", "glossary-slug-collision"}, {"glossary-alias-bomb"},
          {"tags-not-a-mapping"}, {"tags-broken-yaml"}, {"po-broken"}]


def _apply(project: Path, files: dict) -> list:
    undo = []
    for rel, content in files.items():
        path = project / rel
        if rel.endswith("/"):
            path.mkdir()
            undo.append(lambda p=path: p.rmdir())
        elif isinstance(content, str) and content.startswith("->"):
            path.symlink_to(content[2:])
            undo.append(lambda p=path: p.unlink())
        else:
            old = path.read_bytes() if path.exists() else None
            if callable(content):
                content = content(old.decode("utf-8"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            undo.append(lambda p=path, o=old: p.write_bytes(o) if o is not None else p.unlink())
    return undo


@pytest.fixture(scope="module")
def rejected_runs(built):
    """case -> [(command, its run, site unchanged?)], each group run once."""
    out = {}
    for group in GROUPS:
        before = _tree(built / "site")
        undo = [u for case in sorted(group) for u in _apply(built, REJECTED[case][0])]
        try:
            runs = [(command, briefing(built, command, timeout=180)) for command in ("check", "site")]
            same = _tree(built / "site") == before
        finally:
            for u in reversed(undo):
                u()
        out.update({case: (runs, same) for case in group})
    return out


@pytest.mark.parametrize("case", sorted(REJECTED))
def test_rejected_input_is_a_clear_error_and_the_site_stays(rejected_runs, case):
    runs, same = rejected_runs[case]
    for command, run in runs:
        out = run.stdout + run.stderr
        assert run.returncode == 1, (command, out[-2000:])
        assert "Traceback" not in out, out[-3000:]
        for part in REJECTED[case][1]:
            assert part in run.stderr, (command, part, run.stderr[-2000:])
    assert same


def test_orphan_po_file_is_reported_by_check(built):
    po = built / "translations" / "en" / "no_such_source.po"
    po.write_text('msgid "正文"\nmsgstr "Text"\n', encoding="utf-8")
    try:
        run = briefing(built, "check")
        assert run.returncode == 0 and "no_such_source.po: translations for a source that does not exist" in run.stdout
    finally:
        po.unlink()


# --- builds -----------------------------------------------------------------------------

def _held(lock: Path) -> bool:
    import fcntl
    if not lock.exists():
        return False
    with open(lock, "rb") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fh, fcntl.LOCK_UN)
        return False


def test_two_site_builds_at_once_are_serialized(built):
    (built / "seeds" / "new.txt").write_text(source("并发构建"), encoding="utf-8")
    try:
        env = dict(os.environ, BRIEFING_PDF="0")
        cmd = [sys.executable, "-m", "build_tools", "site"]
        first = subprocess.Popen(cmd, cwd=built, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lock = built / ".cache" / "briefing" / "build.lock"
        deadline = time.time() + 30
        while time.time() < deadline and not _held(lock):   # the first build has the lock
            time.sleep(0.02)
        second = subprocess.run(cmd, cwd=built, env=env, capture_output=True, text=True, timeout=300)
        out, err = first.communicate(timeout=300)
        assert first.returncode == 0 and second.returncode == 0, (err[-2000:], second.stderr[-2000:])
        assert "Traceback" not in err + second.stderr
        assert "another build of this project is running" in second.stderr
        for edition in EDITIONS:
            assert (built / "site" / f"{edition}articles" / "new" / "index.html").exists()
    finally:
        (built / "seeds" / "new.txt").unlink()


def test_killed_build_leaves_the_site_and_the_next_build_recovers(built):
    before = _tree(built / "site")
    (built / "seeds" / "killed.txt").write_text(source("被终止的构建"), encoding="utf-8")
    try:
        job = subprocess.Popen([sys.executable, "-m", "build_tools", "site", "--full"], cwd=built,
                               env=dict(os.environ, BRIEFING_PDF="0"), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline and not (built / "site.tmp").exists():   # MkDocs under way
            time.sleep(0.05)
        time.sleep(0.3)
        os.killpg(job.pid, signal.SIGKILL)
        job.wait()
        assert _tree(built / "site") == before
        run = briefing(built, "site")
        assert run.returncode == 0, run.stderr[-2000:]
        assert (built / "site" / "articles" / "killed" / "index.html").exists()
    finally:
        (built / "seeds" / "killed.txt").unlink()
    run = briefing(built, "site")   # a removed source: its pages go, in every edition
    assert run.returncode == 0, run.stderr[-2000:]
    for edition in EDITIONS:
        assert not (built / "site" / f"{edition}articles" / "killed").exists()
        assert (built / "site" / f"{edition}articles" / slug_for(SEEDS[4].stem) / "index.html").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_read_only_seeds_build(built):
    seeds = built / "seeds"
    modes = {p: p.stat().st_mode for p in [seeds, *seeds.iterdir()]}
    for p in seeds.iterdir():
        p.chmod(0o444)
    seeds.chmod(0o555)
    try:
        run = briefing(built, "site")
        assert run.returncode == 0, run.stderr[-2000:]
    finally:
        for p, mode in modes.items():
            p.chmod(mode)


def test_ten_thousand_glossary_entries(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    entries = "".join(GLOSSARY_ENTRY.format(zh=f"测试术语{n:05d}号", en=f"test term {n}", pinyin=f"ceshi shuyu {n}")
                      for n in range(10_000))
    with open(project / "seeds" / "glossary.yml", "a", encoding="utf-8") as fh:
        fh.write(entries)
    run = briefing(project, "build", timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert (project / "docs" / "en" / "glossary" / "ceshi-shuyu-9999.md").exists()
    from build_tools.check import check
    from build_tools.config import load_settings
    from build_tools.enrich.glossary import load_glossary
    settings = load_settings(project / "mkdocs.yml")
    report = check(settings)
    n = len(load_glossary(settings.glossary))
    assert report.errors == [] and n > 10_000 and report.notes[0].endswith(f", {n} glossary terms")

"""The editor sees what the cleaner found: `briefing add` and the build report print the
title (or what to do without one), the headings by level and every removal; `briefing
check` warns on a source without a title."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import SEEDS, make_project

COL = "中国高端制造业存在技术水平相对落后许多原材料尚依赖进口产业集群不"  # 32 characters
LAW = "\n".join(["法治研究通讯", "2023年第3期", "中华人民共和国示范管理条例",
                 "（2020年1月1日国务院令第1号公布）", "第一章 总则", "第一条 " + COL[:24] + "，",
                 COL[:20] + "。", "第二章 管理", "第二条 " + COL[:24] + "，", COL[:12] + "。", "— 17 —"])
UNTITLED = "\n".join([COL + "，", COL[:20] + "。", COL + "，", COL[:10] + "。"])


def briefing(project, *args):
    return subprocess.run([sys.executable, "-m", "build_tools", *args], capture_output=True, text=True,
                          cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def test_add_prints_title_headings_by_level_and_removals(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    law = tmp_path / "law.txt"
    law.write_text(LAW, encoding="utf-8")
    run = briefing(project, "add", str(law))
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "title: 中华人民共和国示范管理条例" in out
    assert "subtitle: （2020年1月1日国务院令第1号公布）" in out
    assert "  [1] 第一章 总则" in out and "  [1] 第二章 管理" in out
    assert "line 1: '法治研究通讯' (banner (masthead))" in out
    assert "line 2: '2023年第3期' (banner (masthead))" in out
    assert "line 11: '— 17 —' (page number)" in out


def test_a_source_without_a_title_is_reported_and_warned_about(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    plain = tmp_path / "plain.txt"
    plain.write_text(UNTITLED, encoding="utf-8")
    run = briefing(project, "add", str(plain))
    assert run.returncode == 0, run.stderr
    assert "title: no title found — set `title_zh` in the sidecar" in run.stdout
    check = briefing(project, "check")
    assert check.returncode == 0
    assert "plain.txt: no title found — set `title_zh` in the sidecar" in check.stdout + check.stderr
    build = briefing(project, "build")
    assert build.returncode == 0, build.stderr
    assert "warning: plain.txt: no title found" in build.stdout     # every build warns
    # What was found is listed for the sources read in this build, not for those unchanged.
    with (project / "seeds" / "plain.txt").open("a", encoding="utf-8") as f:
        f.write("\n" + COL[:12] + "。\n")
    build = briefing(project, "build")
    assert "plain.txt:\n  title: no title found" in build.stdout
    assert f"{SEEDS[4].name}:\n  title:" not in build.stdout and "not listed: 1 unchanged" in build.stdout
    # A sidecar title silences the warning.
    (project / "seeds" / "plain.yml").write_text("title_zh: 一篇文章\n", encoding="utf-8")
    check = briefing(project, "check")
    assert "plain.txt: no title found" not in check.stdout + check.stderr

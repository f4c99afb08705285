"""The `briefing` command as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT, SEEDS, make_project


def briefing(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "build_tools", *args], capture_output=True,
                          text=True, cwd=cwd, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))


def test_clean_prints_the_document_model_as_json():
    run = briefing("clean", str(SEEDS[3]), "--format", "json")
    assert run.returncode == 0
    doc = json.loads(run.stdout)
    assert set(doc) == {"title", "subtitle", "authors", "abstract", "keywords", "metadata",
                        "blocks", "footnotes", "removed"}
    assert {b["type"] for b in doc["blocks"]} == {"heading", "paragraph", "table"}
    assert all({"text", "reason", "line"} <= set(r) for r in doc["removed"])


def test_clean_markdown_and_explain():
    run = briefing("clean", str(SEEDS[1]), "--explain")
    assert run.returncode == 0 and run.stdout.startswith("---\nbriefing-document: 1\n")
    assert "## 一、贸易摩擦背景下我国高新技术产品对外出口的现状" in run.stdout
    assert "lift_labelled_fields:" in run.stderr and "'国际商务论坛' (banner)" in run.stderr


def test_the_console_script_is_installed():
    exe = os.path.join(os.path.dirname(sys.executable), "briefing")
    run = subprocess.run([exe, "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and "clean" in run.stdout


def test_bad_input_is_an_error_naming_the_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    run = briefing("clean", str(empty))
    assert run.returncode == 1 and "empty.txt" in run.stderr and "empty file" in run.stderr


def test_check_and_build_report_bad_sources_and_write_nothing(tmp_path):
    project = make_project(tmp_path / "p", seeds=SEEDS[:2])
    assert briefing("check", cwd=project).returncode == 0
    assert briefing("build", cwd=project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    (project / "seeds" / "zz_binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (project / "seeds" / "000_b2930c422484d9a2.yml").write_text("title_zh: 好\nbogus: 1\n", encoding="utf-8")
    for command in ("check", "build"):
        run = briefing(command, cwd=project)
        assert run.returncode == 1
        assert "zz_binary.txt" in run.stderr and "binary" in run.stderr
        assert "000_b2930c422484d9a2.yml:2" in run.stderr and "bogus" in run.stderr
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*.md")} == before

"""A plain (non-editable) `pip install .` gives a working `briefing`: every package, the data
files and the theme are in the installed tree, not only in the source checkout."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS


def test_non_editable_install_has_every_module_data_and_theme(tmp_path):
    target, checkout = tmp_path / "site-packages", tmp_path / "checkout"
    # a clean copy of what a clone holds (no build/ or egg-info left by an earlier install)
    checkout.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, checkout / name)
    shutil.copytree(ROOT / "build_tools", checkout / "build_tools", ignore=shutil.ignore_patterns("__pycache__"))
    # --no-deps: the dependencies are this environment's; pip builds the wheel as for any
    # user (an isolated build with setuptools from the index or pip's cache)
    run = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                          "--target", str(target), str(checkout)], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    installed = target / "build_tools"
    source = sorted(p.relative_to(ROOT / "build_tools").as_posix() for p in (ROOT / "build_tools").rglob("*")
                    if p.is_file() and p.suffix in (".py", ".html", ".yml", ".tsv", ".txt", ".css", ".js", ".svg", ".xml")
                    and "__pycache__" not in p.parts)
    missing = [rel for rel in source if not (installed / rel).is_file()]
    assert not missing, missing
    env = dict(os.environ, PYTHONPATH=str(target))   # before the editable install's finder
    out = subprocess.run([sys.executable, "-c", "import build_tools, sys; print(build_tools.__file__)"],
                         capture_output=True, text=True, cwd=tmp_path, env=env)
    assert out.stdout.strip().startswith(str(installed)), out
    clean = subprocess.run([sys.executable, "-m", "build_tools", "clean", str(SEEDS[0]), "--format", "json"],
                           capture_output=True, text=True, cwd=tmp_path, env=env)
    assert clean.returncode == 0 and '"blocks"' in clean.stdout, clean.stderr[-2000:]
    assert Path(installed / "theme" / "main.html").read_text(encoding="utf-8").startswith("{% extends")

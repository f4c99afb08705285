"""The benchmark runs end to end on a 10-source corpus (the figures themselves are for
benchmarks/README.md, not for assertions)."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_benchmark_smoke_run(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "10", "--dir", str(tmp_path / "c")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    out = run.stdout
    assert "| cold | **total" in out and "| one source changed | **total" in out
    assert "mkdocs build, full" in out and "mkdocs build, incremental" in out   # the second run is incremental
    assert "zh-Hant: article page HTML" in out and "KB per article" in out
    assert len(list((tmp_path / "c" / "seeds").glob("*.txt"))) == 10
    assert (tmp_path / "c" / "site" / "en" / "index.html").exists()
    # one_changed.py on the same project (the code version pinned): an incremental build,
    # and the project keeps a copy of the code it ran
    again = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "one_changed.py"), str(tmp_path / "c"), "--runs", "1"],
                           capture_output=True, text=True, cwd=ROOT)
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
    assert "| 1 | " in again.stdout and "mkdocs build, incremental" in again.stdout
    assert not (tmp_path / "c" / "build_tools").is_symlink() and (tmp_path / "c" / "build_tools" / "cli.py").exists()

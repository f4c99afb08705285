"""`briefing clean --format json` against the hand-cleaned references in tests/golden/,
scored as the issue's bar defines it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from scoring import score

GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.json"))


@pytest.fixture(scope="module")
def cleaned() -> dict[str, dict]:
    """Every seed through the real command line, as a user would run it."""
    out = {}
    for ref in GOLDEN:
        source = ROOT / "seeds" / (ref.stem + ".txt")
        run = subprocess.run([sys.executable, "-m", "build_tools", "clean", str(source), "--format", "json"],
                             capture_output=True, text=True, check=True, cwd=ROOT)
        out[ref.stem] = json.loads(run.stdout)
    return out


@pytest.mark.parametrize("ref", GOLDEN, ids=lambda p: p.stem[:3])
def test_cleaning_meets_the_bar_on_the_seeds(ref: Path, cleaned):
    s = score(json.loads(ref.read_text(encoding="utf-8")), cleaned[ref.stem])
    print(ref.stem, s)
    assert s["boundary_f1"] >= 0.93
    assert s["heading_f1"] >= 0.95
    assert s["text_similarity"] >= 0.995
    assert s["leaked_furniture"] == 0


@pytest.mark.parametrize("ref", GOLDEN, ids=lambda p: p.stem[:3])
def test_front_matter_matches(ref: Path, cleaned):
    want, got = json.loads(ref.read_text(encoding="utf-8")), cleaned[ref.stem]
    for key in ("title", "subtitle", "authors", "abstract", "keywords", "metadata"):
        assert got[key] == want[key], key
    assert [f["text"] for f in got["footnotes"]] == [f["text"] for f in want["footnotes"]]

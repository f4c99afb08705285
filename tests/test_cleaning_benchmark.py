"""Smoke test of the cleaning benchmark: documents made from material in the repository
(the seeds' hand-made references, typeset by benchmarks/corpus/typeset.py, extracted by
pdftotext and pypdf) go through benchmarks/cleaning.py as the full corpus would. CI has
no fetched snapshot, so this checks the machinery, not the numbers."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))
from benchmarks.corpus.build import build_document, write_index  # noqa: E402
from scoring import score, title_similarity  # noqa: E402


def test_title_similarity_scores_a_missed_or_invented_title_as_zero():
    assert title_similarity({"title": None}, {"title": None}) == 1.0
    assert title_similarity({"title": "中国的道路"}, {"title": None}) == 0.0
    assert title_similarity({"title": None}, {"title": "法治研究通讯"}) == 0.0
    assert title_similarity({"title": "中国的 道路"}, {"title": "中国的道路"}) == 1.0
    assert "title_similarity" in score({"blocks": []}, {"blocks": []})


def test_benchmark_runs_on_typeset_seed_references(tmp_path):
    index = []
    for n, stem in ((0, "000_b2930c422484d9a2"), (4, "002_3387b5b2d225650c")):
        gold = json.loads((ROOT / "tests" / "golden" / f"{stem}.json").read_text(encoding="utf-8"))
        gold = {**gold, "footnotes": []}       # the typesetter does not print footnotes
        index.append(build_document({"id": f"s{n}", "split": "tune" if n == 0 else "heldout",
                                     "kind": "seed", "path": stem}, n, gold, tmp_path))
    write_index(tmp_path, {"source": "tests/golden"}, index)
    assert all(f in index[0]["files"] for f in ("pdftotext.txt", "pypdf.txt", "pdftotext-layout.txt"))
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "cleaning.py"), str(tmp_path),
                          "--json", str(tmp_path / "result.json")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    texts = sum(len(d["files"]) for d in index)
    assert len(result["rows"]) == texts
    assert set(result["summary"]) >= {"tune", "heldout", "pdftotext", "pypdf"}
    assert "mean tune" in run.stdout and "mean heldout" in run.stdout
    assert all(r["lost"] == 0 for r in result["rows"])       # nothing lost, on any extractor
    # The seed with no title keeps none; the typeset masthead is furniture, never the title.
    untitled = [r for r in result["rows"] if r["doc"] == "s0"]
    assert all(r["title_similarity"] == 1.0 for r in untitled if r["file"].startswith("pdftotext."))

"""Unit tests of tests/scoring.py (run: python3 -m pytest tests/test_scoring.py -q)."""
import copy
import json
import pathlib
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import scoring  # noqa: E402
from scoring import score  # noqa: E402

GOLDEN = HERE / "golden"


def load(stem):
    return json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8"))


def doc(*blocks, removed=()):
    return {"title": None, "subtitle": None, "authors": [], "abstract": None,
            "keywords": [], "metadata": {}, "blocks": list(blocks), "footnotes": [],
            "removed": list(removed)}


def P(text):
    return {"type": "paragraph", "text": text}


def H(level, text):
    return {"type": "heading", "level": level, "text": text}


SMALL = doc(
    H(1, "一、背景"),
    P("第一段文字，讲述贸易摩擦的背景。"),
    P("第二段文字[^1]，讨论产业链的重构。"),
    H(2, "（一）结论"),
    P("第三段文字，给出政策建议。"),
    removed=[{"text": "国际经济评论 2024年第4期", "reason": "running header", "line": 40},
             {"text": "国际商务论坛", "reason": "banner", "line": 1},
             {"text": "【关键词】", "reason": "field label", "line": 9}],
)


def test_identical_documents_score_perfectly():
    for stem in ("000_b2930c422484d9a2", "001_c474f99a63ccbd04",
                 "002_3387b5b2d225650c", "003_5f74324b86afcf09"):
        ref = load(stem)
        assert score(ref, copy.deepcopy(ref)) == {
            "title_similarity": 1.0, "boundary_f1": 1.0, "heading_f1": 1.0, "heading_level_accuracy": 1.0,
            "text_similarity": 1.0, "leaked_furniture": 0}


def test_whitespace_and_note_markers_are_ignored():
    cand = copy.deepcopy(SMALL)
    cand["blocks"][2]["text"] = "第二段 文字，讨论产业链\n的重构。"
    assert score(SMALL, cand)["text_similarity"] == 1.0
    assert score(SMALL, cand)["boundary_f1"] == 1.0


def test_merged_paragraph_lowers_boundary_recall_only():
    cand = copy.deepcopy(SMALL)
    merged = P(cand["blocks"][1]["text"] + cand["blocks"][2]["text"])
    cand["blocks"][1:3] = [merged]
    b = scoring.boundary_scores(SMALL, cand)
    assert b["precision"] == 1.0
    assert b["recall"] == 3 / 4
    assert score(SMALL, cand)["boundary_f1"] < 1.0
    assert score(SMALL, cand)["text_similarity"] == 1.0


def test_split_paragraph_lowers_boundary_precision_only():
    cand = copy.deepcopy(SMALL)
    text = cand["blocks"][4]["text"]
    cand["blocks"][4:5] = [P(text[:5]), P(text[5:])]
    b = scoring.boundary_scores(SMALL, cand)
    assert b["recall"] == 1.0
    assert b["precision"] == 4 / 5


def test_boundary_off_by_one_still_matches():
    cand = copy.deepcopy(SMALL)
    cand["blocks"][1]["text"] += "第"            # boundary moves one character
    cand["blocks"][2]["text"] = cand["blocks"][2]["text"][1:]
    assert scoring.boundary_scores(SMALL, cand)["f1"] == 1.0


def test_boundaries_survive_text_edits_in_merged_golden():
    ref = load("000_b2930c422484d9a2")
    cand = copy.deepcopy(ref)
    # change some text well inside paragraphs: boundaries must still map exactly
    for b in cand["blocks"]:
        if b["type"] == "paragraph":
            b["text"] = b["text"][:10] + "XX" + b["text"][12:]
    s = score(ref, cand)
    assert s["boundary_f1"] == 1.0
    assert 0.9 < s["text_similarity"] < 1.0


def test_leaked_running_header_is_counted():
    cand = copy.deepcopy(SMALL)
    cand["blocks"][2]["text"] = "第二段文字，讨论国际经济评论 2024年第4期产业链的重构。"
    assert score(SMALL, cand)["leaked_furniture"] == 1
    # a leaked banner is a second one; field labels are not furniture
    cand["blocks"].insert(0, P("国际商务论坛"))
    cand["blocks"].append(P("【关键词】"))
    assert score(SMALL, cand)["leaked_furniture"] == 2


def test_furniture_that_also_occurs_in_body_counts_only_when_more_frequent():
    ref = load("001_c474f99a63ccbd04")        # "院" is OCR junk but also in 高等院校
    cand = copy.deepcopy(ref)
    assert score(ref, cand)["leaked_furniture"] == 0
    cand["blocks"].insert(0, P("摘 要院 " + ref["abstract"]))
    cand["blocks"][-1]["text"] += "▲"
    s = score(ref, cand)
    assert s["leaked_furniture"] == 2          # 院 and ▲; 摘 要 is a field label
    assert s["boundary_f1"] < 1.0


def test_heading_level_and_missing_heading():
    cand = copy.deepcopy(SMALL)
    cand["blocks"][3]["level"] = 1
    s = score(SMALL, cand)
    assert s["heading_f1"] == 1.0
    assert s["heading_level_accuracy"] == 0.5
    cand["blocks"][3] = P(cand["blocks"][3]["text"])   # heading demoted to paragraph
    s = score(SMALL, cand)
    assert s["heading_f1"] == 2 * (1 / 1) * (1 / 2) / (1 + 1 / 2)
    assert s["heading_level_accuracy"] == 1.0


def test_tables_and_lists_use_their_cells_and_items():
    ref = load("002_3387b5b2d225650c")
    cand = copy.deepcopy(ref)
    lst = next(b for b in cand["blocks"] if b["type"] == "list")
    items = lst.pop("items")
    lst.update(type="paragraph", text="".join(items))
    assert score(ref, cand)["text_similarity"] == 1.0
    ref3 = load("003_5f74324b86afcf09")
    cand3 = copy.deepcopy(ref3)
    for b in cand3["blocks"]:
        if b["type"] == "table":
            b["rows"] = [["".join(c for r in b["rows"] for c in r)]]
    assert score(ref3, cand3)["text_similarity"] == 1.0


def test_empty_candidate():
    s = score(SMALL, doc())
    assert s["boundary_f1"] == 0.0
    assert s["heading_f1"] == 0.0
    assert s["text_similarity"] == 0.0


def test_alignment_is_valid_and_fast_on_50k_characters():
    text = "".join(scoring.full_text(load(p.stem)) for p in sorted(GOLDEN.glob("*.json")))
    text = (text * 2)[:50_000]
    cand = "".join(ch if i % 97 else "X" for i, ch in enumerate(text))
    cand = cand[:20_000] + "插入的文字" + cand[20_000:30_000] + cand[30_100:]
    t0 = time.time()
    ops = scoring.align(cand, text)
    assert time.time() - t0 < 5
    pi = pj = 0
    for tag, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (pi, pj)
        if tag == "equal":
            assert cand[i1:i2] == text[j1:j2]
        pi, pj = i2, j2
    assert (pi, pj) == (len(cand), len(text))
    ref = {"blocks": [P(text)]}
    sim = scoring.text_similarity(ref, {"blocks": [P(cand)]})
    assert 0.95 < sim < 1.0


def test_command_line(tmp_path):
    ref = GOLDEN / "001_c474f99a63ccbd04.json"
    out = subprocess.run([sys.executable, str(HERE / "scoring.py"), str(ref), str(ref)],
                         capture_output=True, text=True, check=True).stdout
    assert "boundary_f1" in out and "1.0000" in out

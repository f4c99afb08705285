"""Score the cleaner on every text of a built cleaning corpus (benchmarks/corpus/build.py).

    .venv/bin/python benchmarks/cleaning.py CORPUS [--split tune|dev|heldout|dev2|heldout2|dev3|heldout3] [--only ID ...] [-v]

For each document and each extracted text (extractor x encoding/line-ending/look-alike
variant) the text is read and cleaned as `briefing clean` would, scored with
tests/scoring.py against the document's gold, and printed as one row; then the means of
the tuning and held-out parts (and per extractor) and the share of texts that leak
furniture. -v prints, for every row below the bar, the title found and the heading
differences.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from build_tools.cleaning.pipeline import clean_source  # noqa: E402
from build_tools.reading import read_source  # noqa: E402
from conftest import doc_characters, text_characters  # noqa: E402
from scoring import normalize, score  # noqa: E402

METRICS = ("title_similarity", "heading_f1", "boundary_f1", "text_similarity", "leaked_furniture", "lost")
COUNTS = ("leaked_furniture", "lost")
SHORT = {"title_similarity": "title", "heading_f1": "head", "boundary_f1": "bound",
         "text_similarity": "text", "leaked_furniture": "leak", "lost": "lost"}
# Genres of manifest_reports.tsv (government work reports presented as reports,
# newsletters and journal articles); the rest are the legal texts of manifest.tsv.
OTHER_GENRES = {"report", "newsletter", "article", "notice"}
BAR = {"title_similarity": 0.90, "heading_f1": 0.90, "boundary_f1": 0.92, "text_similarity": 0.995}


def score_text(path: Path, gold: dict) -> tuple[dict, dict]:
    """Scores, plus `lost`: characters of the text read that the cleaned document neither
    keeps nor reports as removed (the no-loss invariant: always 0)."""
    source = read_source(path)
    doc = clean_source(source)
    lost = sum((text_characters(source.text) - doc_characters(doc)).values())
    cand = doc.to_dict()
    return {**score(gold, cand), "lost": lost}, cand


def below_bar(s: dict) -> bool:
    return s["leaked_furniture"] > 0 or any(s[k] < v for k, v in BAR.items())


def explain(gold: dict, cand: dict) -> str:
    heads = lambda d: [normalize(b["text"]) for b in d["blocks"] if b["type"] == "heading"]  # noqa: E731
    g, c = heads(gold), heads(cand)
    missed = [h for h in g if h not in c]
    extra = [h for h in c if h not in g]
    return (f"    title gold={gold.get('title')!r} got={cand.get('title')!r}\n"
            f"    headings missed={missed[:6]} extra={extra[:6]}")


def run(corpus: Path, split: str | None = None, only=None, verbose=False, out=sys.stdout) -> dict:
    index = json.loads((corpus / "index.json").read_text(encoding="utf-8"))
    rows = []
    print(f"{'doc':5} {'split':7} {'kind':6} {'col':3} {'text':26} "
          + " ".join(f"{SHORT[m]:>6}" for m in METRICS), file=out)
    for doc in index["documents"]:
        if (split and doc["split"] != split) or (only and doc["id"] not in only):
            continue
        gold = json.loads((corpus / doc["id"] / "gold.json").read_text(encoding="utf-8"))
        for fname in doc["files"]:
            s, cand = score_text(corpus / doc["id"] / fname, gold)
            rows.append({"doc": doc["id"], "split": doc["split"], "file": fname,
                         "family": "other" if doc["kind"] in OTHER_GENRES else "legal", **s})
            print(f"{doc['id']:5} {doc['split']:7} {doc['kind']:6} {doc['layout']['columns']:3} {fname:26} "
                  + " ".join(f"{s[m]:6d}" if m in COUNTS else f"{s[m]:6.3f}" for m in METRICS),
                  file=out)
            if verbose and below_bar(s) and not doc["split"].startswith("heldout"):
                # never explain a held-out row: those parts are measured, not examined
                print(explain(gold, cand), file=out)
    summary = {}
    print(file=out)
    extractors = sorted({r["file"].split(".")[0] for r in rows})
    groups = []
    for sp in ("tune", "dev", "heldout", "dev2", "heldout2", "dev3", "heldout3"):
        groups.append((sp, lambda r, sp=sp: r["split"] == sp))
        for fam in ("legal", "other"):
            groups.append((f"  {sp} {fam}", lambda r, sp=sp, fam=fam: r["split"] == sp and r["family"] == fam))
        groups += [(f"  {sp} {x}", lambda r, sp=sp, x=x: r["split"] == sp and r["file"].split(".")[0] == x)
                   for x in extractors]
    groups += [(f"  {x}", lambda r, x=x: r["file"].split(".")[0] == x) for x in extractors]
    for name, keep in groups:
        part = [r for r in rows if keep(r)]
        if not part:
            continue
        means = {m: statistics.fmean(r[m] for r in part) for m in METRICS if m not in COUNTS}
        leaking = sum(1 for r in part if r["leaked_furniture"])
        lost = sum(r["lost"] for r in part)
        summary[name.strip()] = {**means, "texts": len(part), "texts_leaking": leaking, "lost": lost}
        print(f"mean {name:28} ({len(part):3} texts) "
              + " ".join(f"{SHORT[m]} {means[m]:.3f}" for m in means)
              + f"  leaking {leaking}/{len(part)}  lost {lost}", file=out)
    return {"rows": rows, "summary": summary}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="OUT directory of benchmarks/corpus/build.py")
    ap.add_argument("--split", choices=("tune", "dev", "heldout", "dev2", "heldout2", "dev3", "heldout3"))
    ap.add_argument("--only", nargs="*")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", type=Path, help="also write rows and means to this file")
    args = ap.parse_args(argv)
    if not (args.corpus / "index.json").exists():
        print(f"{args.corpus}: no index.json; build the corpus first (benchmarks/corpus/build.py)",
              file=sys.stderr)
        return 2
    result = run(args.corpus, args.split, args.only, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

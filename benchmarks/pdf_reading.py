"""How well PDFs are read directly: every reference document is typeset as a PDF in
several journal layouts with WeasyPrint (tests/pdf_typeset.py), read back with
build_tools/readers/pdf.py, and scored against the document it came from with
tests/scoring.py. Prints a table per document and layout, then the means.

    python benchmarks/pdf_reading.py [JSON_DIR ...] [--layouts N]

JSON_DIR: more reference documents in the JSON shape of `briefing clean --format json`
(default: tests/golden). Bar (issue 11): title, heading and boundary F1 >= 0.95 each,
text similarity >= 0.995, no leaked furniture.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from pdf_typeset import Layout, expected, typeset  # noqa: E402
from scoring import normalize, score  # noqa: E402

from build_tools.readers.pdf import read_pdf  # noqa: E402

LAYOUTS = {
    "1col-indent": Layout(columns=1, folio="— {} —"),
    "2col-indent": Layout(columns=2, header="国际展望 2024年第4期", folio="· {} ·"),
    "3col-gap": Layout(columns=3, header="全球产业链观察", folio="第 {} 页", indent=False, body_pt=9),
    "2col-gap-B5": Layout(columns=2, header=None, folio="{}", indent=False, page="B5", body_pt=9.5),
}


def title_f1(pairs: list[tuple[str | None, str | None]]) -> float:
    """Over documents: a title found and equal is a hit; a wrong or spurious one a false
    positive; a missed or wrong one a miss. No titles on either side anywhere: 1.0."""
    tp = fp = fn = 0
    for gold, cand in pairs:
        g, c = normalize(gold), normalize(cand)
        if g and c == g:
            tp += 1
            continue
        fp += bool(c)
        fn += bool(g)
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "tests" / "golden"])
    ap.add_argument("--layouts", type=int, default=len(LAYOUTS), help="use the first N layouts")
    args = ap.parse_args(argv)
    docs = sorted(p for d in args.dirs for p in d.glob("*.json"))
    layouts = list(LAYOUTS.items())[:args.layouts]
    rows, titles, pages_read, seconds = [], [], 0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for path in docs:
            ref = json.loads(path.read_text(encoding="utf-8"))
            for name, layout in layouts:
                pdf = Path(tmp) / f"{path.stem}.{name}.pdf"
                pdf.write_bytes(typeset(ref, layout))
                t = time.perf_counter()
                doc = read_pdf(pdf)
                seconds += time.perf_counter() - t
                import pypdfium2
                n = len(pypdfium2.PdfDocument(str(pdf)))
                pages_read += n
                gold = expected(ref, layout, n)
                s = score(gold, doc.to_dict())
                titles.append((gold.get("title"), doc.title))
                s["title_sim"] = SequenceMatcher(None, normalize(gold.get("title")), normalize(doc.title)).ratio() \
                    if gold.get("title") or doc.title else 1.0
                rows.append((path.stem, name, n, s))
    print("| document | layout | pages | title | headings F1 | levels | boundaries F1 | text | leaked |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for stem, name, n, s in rows:
        print(f"| {stem} | {name} | {n} | {s['title_sim']:.3f} | {s['heading_f1']:.3f} | "
              f"{s['heading_level_accuracy']:.3f} | {s['boundary_f1']:.3f} | {s['text_similarity']:.4f} | "
              f"{s['leaked_furniture']} |")

    def mean(key):
        return statistics.mean(s[key] for *_, s in rows)
    print()
    print(f"documents x layouts: {len(rows)} ({len(docs)} x {len(layouts)}), {pages_read} pages, "
          f"read in {seconds:.1f} s ({1000 * seconds / max(pages_read, 1):.0f} ms per page)")
    print(f"title F1 {title_f1(titles):.3f} | heading F1 {mean('heading_f1'):.3f} | "
          f"boundary F1 {mean('boundary_f1'):.3f} | text similarity {mean('text_similarity'):.4f} | "
          f"leaked furniture {sum(s['leaked_furniture'] for *_, s in rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How well PDFs are read directly: every reference document is typeset as a PDF in
several journal layouts with WeasyPrint (tests/pdf_typeset.py), read back with
build_tools/readers/pdf.py, and scored against the document it came from with
tests/scoring.py. Prints a table per document and layout, then the means.

    python benchmarks/pdf_reading.py [JSON_DIR ...] [--layouts N]
    python benchmarks/pdf_reading.py --corpus /tmp/cleaning-corpus
    python benchmarks/pdf_reading.py --libraries     # pypdfium2 against pdfminer.six

JSON_DIR: more reference documents in the JSON shape of `briefing clean --format json`
(default: tests/golden), typeset here in each layout. --corpus: the cleaning corpus that
benchmarks/corpus/build.py writes (its own typesetter and layouts; ID/typeset.pdf against
ID/gold.json), reported per split (tune / heldout). Bar (issue 11): title, heading and
boundary F1 >= 0.95 each, text similarity >= 0.995, no leaked furniture.
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
from build_tools.readers.pdf_layout import read_pages  # noqa: E402

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


def _score(pdf: Path, gold: dict, clock: list) -> tuple[int, dict, tuple]:
    import pypdfium2
    t = time.process_time()
    doc = read_pdf(pdf)
    clock.append(time.process_time() - t)
    n = len(pypdfium2.PdfDocument(str(pdf)))
    s = score(gold, doc.to_dict())
    s["title_sim"] = SequenceMatcher(None, normalize(gold.get("title")), normalize(doc.title)).ratio() \
        if gold.get("title") or doc.title else 1.0
    return n, s, (gold.get("title"), doc.title)


def _typeset_rows(docs: list[Path], layouts, tmp: Path, clock: list) -> list:
    rows = []
    for path in docs:
        ref = json.loads(path.read_text(encoding="utf-8"))
        for name, layout in layouts:
            pdf = tmp / f"{path.stem}.{name}.pdf"
            pdf.write_bytes(typeset(ref, layout))
            import pypdfium2
            gold = expected(ref, layout, len(pypdfium2.PdfDocument(str(pdf))))
            rows.append((path.stem, name, *_score(pdf, gold, clock)))
    return rows


def _corpus_rows(corpus: Path, clock: list) -> list:
    if (corpus / "index.json").exists():
        entries = json.loads((corpus / "index.json").read_text(encoding="utf-8"))["documents"]
    else:       # a corpus still being built: what is there, split from the manifest
        from benchmarks.corpus.build import read_manifest
        entries = [r for r in read_manifest()[1] if (corpus / r["id"] / "typeset.pdf").exists()]
    rows = []
    for entry in entries:
        d = corpus / entry["id"]
        gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
        rows.append((entry["id"], entry["split"], *_score(d / "typeset.pdf", gold, clock)))
    return rows


def compare_libraries(pdfs: list[tuple[Path, dict]]) -> None:
    """Why PDFium: CPU time to get every character with its font, size and position, and
    how close each library's own reading order comes to the reference text (no layout
    passes: pdfminer.six's extract_text with its layout analysis, PDFium's text page)."""
    import pypdfium2
    from pdfminer.high_level import extract_pages, extract_text
    from pdfminer.layout import LTChar
    from scoring import text_similarity

    def chars_pdfminer(path):
        def walk(obj):
            if isinstance(obj, LTChar):
                yield (obj.get_text(), obj.fontname, obj.size, obj.x0, obj.y0)
            for child in getattr(obj, "_objs", []):
                yield from walk(child)
        return sum(1 for page in extract_pages(path) for _ in walk(page))

    totals = {"pypdfium2 read_pages": 0.0, "pdfminer.six chars": 0.0}
    print("| PDF | pages | pypdfium2 chars+fonts s | pdfminer.six chars+fonts s | "
          "order: PDFium text | order: pdfminer extract_text | order: our reader |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path, gold in pdfs:
        t = time.process_time()
        pages = read_pages(path)
        a = time.process_time() - t
        t = time.process_time()
        chars_pdfminer(str(path))
        b = time.process_time() - t
        totals["pypdfium2 read_pages"] += a
        totals["pdfminer.six chars"] += b
        pdf = pypdfium2.PdfDocument(str(path))
        own = "".join(page.get_textpage().get_text_range() for page in pdf)

        def one(text):
            return {"blocks": [{"type": "paragraph", "text": text}]}
        print(f"| {path.name} | {len(pages)} | {a:.2f} | {b:.2f} | {text_similarity(gold, one(own)):.3f} | "
              f"{text_similarity(gold, one(extract_text(str(path)))):.3f} | "
              f"{text_similarity(gold, read_pdf(path).to_dict()):.3f} |")
    print(f"total CPU: {totals}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "tests" / "golden"])
    ap.add_argument("--layouts", type=int, default=len(LAYOUTS), help="use the first N layouts")
    ap.add_argument("--corpus", type=Path, help="a corpus built by benchmarks/corpus/build.py")
    ap.add_argument("--libraries", action="store_true", help="compare pypdfium2 with pdfminer.six")
    args = ap.parse_args(argv)
    if args.libraries:
        with tempfile.TemporaryDirectory() as tmp:
            pdfs = []
            for path, name in ((ROOT / "tests/golden/003_5f74324b86afcf09.json", "2col-indent"),
                               (ROOT / "tests/golden/002_3387b5b2d225650c.json", "3col-gap")):
                ref = json.loads(path.read_text(encoding="utf-8"))
                pdf = Path(tmp) / f"{path.stem}.{name}.pdf"
                pdf.write_bytes(typeset(ref, LAYOUTS[name]))
                import pypdfium2
                pdfs.append((pdf, expected(ref, LAYOUTS[name], len(pypdfium2.PdfDocument(str(pdf))))))
            compare_libraries(pdfs)
        return 0
    clock: list[float] = []
    if args.corpus:
        rows = _corpus_rows(args.corpus, clock)
    else:
        docs = sorted(p for d in args.dirs for p in d.glob("*.json"))
        with tempfile.TemporaryDirectory() as tmp:
            rows = _typeset_rows(docs, list(LAYOUTS.items())[:args.layouts], Path(tmp), clock)
    print("| document | layout / split | pages | title | headings F1 | levels | boundaries F1 | text | leaked |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for stem, name, n, s, _ in rows:
        print(f"| {stem} | {name} | {n} | {s['title_sim']:.3f} | {s['heading_f1']:.3f} | "
              f"{s['heading_level_accuracy']:.3f} | {s['boundary_f1']:.3f} | {s['text_similarity']:.4f} | "
              f"{s['leaked_furniture']} |")
    pages = sum(r[2] for r in rows)
    print()
    print(f"{len(rows)} PDFs, {pages} pages, read in {sum(clock):.1f} s CPU "
          f"({1000 * sum(clock) / max(pages, 1):.0f} ms per page)")
    groups = {"all": rows}
    if args.corpus:
        groups.update({split: [r for r in rows if r[1] == split] for split in sorted({r[1] for r in rows})})
    for label, part in groups.items():
        def mean(key):
            return statistics.mean(r[3][key] for r in part)
        print(f"{label} ({len(part)}): title F1 {title_f1([r[4] for r in part]):.3f} | "
              f"heading F1 {mean('heading_f1'):.3f} | boundary F1 {mean('boundary_f1'):.3f} | "
              f"text similarity {mean('text_similarity'):.4f} | leaked furniture "
              f"{sum(r[3]['leaked_furniture'] for r in part)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

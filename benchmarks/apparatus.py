"""Print the automatic apparatus of every seed as a source an editor added today would get
it — the sidecar's summaries and key points removed — for review, with the numbers it is
judged by:

- key-figure recall against tests/apparatus/figures.yml (a reference read from the texts),
  and how many recalled rows carry the reference's qualifier and year;
- values as printed: every value (and end of a change) occurs verbatim in the text;
- summary sentences that open with a dangling connective or pronoun, or are cut off;
- key-point coverage: the editors' key points (the ones removed) whose content words an
  automatic sentence shares (a proxy: best overlap >= 0.3 of the point's words, or of its
  first statement's);
- central terms of tests/apparatus/central_terms.yml in the glossary with English;
- the first term candidates of `briefing terms`.

    python benchmarks/apparatus.py [--seeds DIR] [--quiet]
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_tools.build import load_articles, load_terms  # noqa: E402
from build_tools.config import load_settings  # noqa: E402
from build_tools.enrich.candidates import candidates  # noqa: E402
from build_tools.enrich.corpus import enrich_article, enrich_corpus, searchable_texts  # noqa: E402
from build_tools.enrich.glossary import Matcher  # noqa: E402
from build_tools.enrich.segment import teach, tokens  # noqa: E402
from build_tools.enrich.summary import complete, dangling  # noqa: E402

STRIPPED = ("summary_", "key_points_")


def stripped(article):
    meta = {k: v for k, v in article.source.meta.items() if not k.startswith(STRIPPED)}
    return SimpleNamespace(doc=article.doc, source=replace(article.source, meta=meta))


def coverage(points: list[str], auto: list[str], threshold: float = 0.3, first: bool = False) -> int:
    """Points whose content words (or those of their first statement, up to "；") one
    automatic sentence shares to `threshold`."""
    words = [set(tokens(s)) for s in auto]
    covered = 0
    for p in points:
        want = set(tokens(p.split("；")[0] if first else p))
        if want and max((len(want & w) / len(want) for w in words), default=0) >= threshold:
            covered += 1
    return covered


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    ap.add_argument("--quiet", action="store_true", help="numbers only")
    args = ap.parse_args()
    say = (lambda *a: None) if args.quiet else print
    settings = load_settings(Path(args.config))
    terms = load_terms(settings)
    articles = load_articles(settings)
    teach(f for t in terms for f in t.forms)
    matcher = Matcher(terms)
    reference = yaml.safe_load((ROOT / "tests/apparatus/figures.yml").read_text(encoding="utf-8"))
    central = yaml.safe_load((ROOT / "tests/apparatus/central_terms.yml").read_text(encoding="utf-8"))
    totals = dict(ref=0, found=0, qualifier=0, year=0, rows=0, verbatim=0, sentences=0, dangling=0,
                  cut=0, points=0, covered=0, covered_first=0)
    for a in articles:
        e = enrich_article(stripped(a), matcher)
        doc, stem = a.doc, a.source.stem
        say(f"\n## {stem} — {doc.title or a.source.meta.get('title_zh', '')}")
        if e.summary_source == "author":
            say(f"\nSummary (author's abstract):\n  {doc.abstract}")
        say("\nAutomatic extract:" if doc.abstract else "\nSummary (automatic extract):")
        for s, _ in e.summary:
            flags = (" [DANGLING]" if dangling(s) else "") + (" [CUT]" if not complete(s) else "")
            say(f"  - {s}{flags}")
            totals["sentences"] += 1
            totals["dangling"] += dangling(s)
            totals["cut"] += not complete(s)
        say("\nKey points:")
        for section, point, _ in e.key_points:
            say(f"  - [{section}] {point}")
        editor_points = a.source.meta.get("key_points_zh", [])
        auto = [s for s, _ in e.summary] + [p for _, p, _ in e.key_points]
        auto += [doc.abstract] if doc.abstract else []
        n = coverage(editor_points, auto)
        totals["points"] += len(editor_points)
        totals["covered"] += n
        totals["covered_first"] += coverage(editor_points, auto, first=True)
        say(f"  (covers {n} of the editors' {len(editor_points)} key points)")
        text = "\n".join(t for _, t in searchable_texts(doc))
        say("\nKey figures:")
        for f in e.figures:
            ok = f.value in text and f.to.removesuffix(f.unit) in text
            totals["rows"] += 1
            totals["verbatim"] += ok
            say(f"  {f.shown:>24} {f.unit:<6} {f.year:<10} {f.kind:<7} {f.what}   «{f.phrase[:50]}»"
                + ("" if ok else "  [NOT AS PRINTED]"))
        misses = []
        for r in reference.get(stem, []):
            totals["ref"] += 1
            hit = next((f for f in e.figures if f.value == str(r["value"]) and f.unit == r["unit"]
                        and f.to.startswith(str(r.get("to", "")))), None)
            if hit is None:
                misses.append(f"{r['value']}{r['unit']} ({r['what']})")
                continue
            totals["found"] += 1
            totals["qualifier"] += hit.qualifier == r.get("qualifier", "")
            totals["year"] += hit.year == str(r.get("year", hit.year))
        say(f"  (reference figures missed: {', '.join(misses) or 'none'})")
    enrich_corpus(articles, terms)
    by_form = {f: t for t in terms for f in t.forms}
    wanted = [z for zs in central.values() for z in zs]
    present = [z for z in wanted if z in by_form and by_form[z].en]
    say("\n## Term candidates (`briefing terms`, first 20)")
    for c in candidates(articles, terms, 20):
        say(f"  {c.term}\t{c.count}\t{c.sources}\t{c.why}")
    t = totals
    print("\n## Numbers")
    print(f"key-figure recall: {t['found']}/{t['ref']} = {t['found'] / max(1, t['ref']):.0%} "
          f"(qualifier as referenced {t['qualifier']}/{t['found']}, year {t['year']}/{t['found']})")
    print(f"key-figure values as printed: {t['verbatim']}/{t['rows']}")
    print(f"summary sentences: {t['sentences']}, dangling openers {t['dangling']}, cut off {t['cut']}")
    print(f"key-point coverage (proxy, editors' points): {t['covered']}/{t['points']} = "
          f"{t['covered'] / max(1, t['points']):.0%}; their first statements: {t['covered_first']}/{t['points']} = "
          f"{t['covered_first'] / max(1, t['points']):.0%}")
    print(f"central terms in the glossary with English: {len(present)}/{len(wanted)} = "
          f"{len(present) / max(1, len(wanted)):.0%}")


if __name__ == "__main__":
    main()

"""Where a built site's bytes go: per top folder of each edition, and per component of the
article pages (Material's chrome, the apparatus, the body, the citation ...), so that what
repeats on every page shows up.

    python benchmarks/page_weight.py /tmp/briefing-bench-1000/site [--sample 300] [--extrapolate 10000]

Sizes are apparent sizes (bytes of the files). Components are byte ranges of each page, cut
at the markers our writer and the theme put there; the "cross-cutting" rows overlap them.
--extrapolate N estimates the site at N sources from this one: the folders that hold a
page or a file per article (articles, search, tags, the sitemap) grow in proportion; a
term's page is bounded (term_page_articles), so the glossary is at most its largest term
page times the number of terms; assets are fixed. It is an estimate, not a build."""
from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

EDITIONS = ("", "zh-Hant", "en")

# (component, marker where it starts); a component runs to the next marker found after it
_MARKERS = [
    ("head", "<head>"),
    ("chrome: body top (toggles, skip link)", "<body"),
    ("chrome: header (logo, title, language switch, search dialog)", "<header"),
    ("chrome: navigation sidebars (site nav, table of contents)", '<div class="md-sidebar'),
    ("chrome: tag chips", '<nav class="md-tags"'),
    ("title and source line", '<h1 id="title"'),
    ("apparatus (abstract, summary, key points, figures, related)", '<div class="admonition'),
    ("body (full text)", 'id="full-text"'),
    ("bibliographic table", 'id="bibliographic"'),
    ("citation (GB/T, BibTeX, RIS)", 'id="cite"'),
    ("print-only term list", '<div class="print-only">'),
    ("footnotes", '<div class="footnote">'),
    ("chrome: footer, config and scripts", "</article>"),
]
_CROSS = {
    "whitespace (runs after a newline)": re.compile(r"\n[ \t\n]+"),
    "glossary marks' tags (<a>/<abbr> open and close)":
        re.compile(r'<(?:a|abbr) class="glossary-term"[^>]*>|(?<=</)(?:abbr)>'),
    "glossary definitions in title attributes": re.compile(r'(?<=class="glossary-term" )href="[^"]*" title="[^"]*"'),
    "inline SVG icons": re.compile(r"<svg.*?</svg>", re.S),
    "meta description / og / twitter": re.compile(r'<meta (?:name|property)="(?:description|og:[a-z_]+|twitter:[a-z]+)"[^>]*>'),
}


def components(html: str) -> Counter:
    found = []
    for name, marker in _MARKERS:
        at = html.find(marker)
        if at >= 0:
            found.append((at, name))
    found.sort()
    out = Counter()
    starts = [0] + [a for a, _ in found] + [len(html)]
    names = ["doctype"] + [n for _, n in found]
    for k, name in enumerate(names):
        out[name] += len(html[starts[k]:starts[k + 1]].encode("utf-8"))
    for name, pattern in _CROSS.items():
        out["~ " + name] = sum(len(m.group().encode("utf-8")) for m in pattern.finditer(html))
    return out


def folder_sizes(edition_dir: Path, nested: set[str]) -> Counter:
    out = Counter()
    for p in edition_dir.rglob("*"):
        if p.is_file():
            top = p.relative_to(edition_dir).parts[0]
            if top in nested:
                continue
            out[top if (edition_dir / top).is_dir() else "(files at the top)"] += p.stat().st_size
    return out


def extrapolate(site: Path, n: int) -> None:
    print(f"| edition | folder | MB at {n} sources (estimate) | how |\n| --- | --- | ---: | --- |")
    total = 0.0
    for edition in EDITIONS:
        root = site / edition
        have = len(list((root / "articles").glob("*/index.html")))
        sizes = folder_sizes(root, {"zh-Hant", "en"} if not edition else set())
        for folder, size in sorted(sizes.items()):
            if folder == "glossary":
                terms = [p.stat().st_size for p in (root / "glossary").glob("*/index.html")]
                rest = size - sum(terms)
                mb, how = (max(terms) * len(terms) + rest) / 2**20, f"bounded: largest term page x {len(terms)} terms"
            elif folder in ("articles", "search", "tags", "(files at the top)"):
                mb, how = size * n / have / 2**20, f"x {n}/{have} (per article)"
            else:
                mb, how = size / 2**20, "fixed"
            total += mb
            print(f"| {edition or 'zh-Hans'} | {folder} | {mb:.0f} | {how} |")
    print(f"| **all** | | **{total:.0f}** | |\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--sample", type=int, default=300, help="article pages per edition to break down")
    parser.add_argument("--extrapolate", type=int, default=0, help="estimate the site at this many sources")
    args = parser.parse_args()
    if args.extrapolate:
        extrapolate(args.site, args.extrapolate)
    total = sum(p.stat().st_size for p in args.site.rglob("*") if p.is_file())
    print(f"site: {total / 2**20:.1f} MB\n")
    print("| edition | folder | MB | files |\n| --- | --- | ---: | ---: |")
    for edition in EDITIONS:
        root = args.site / edition
        sizes = folder_sizes(root, {"zh-Hant", "en"} if not edition else set())
        for folder, n in sorted(sizes.items(), key=lambda x: -x[1]):
            files = sum(1 for p in (root / folder).rglob("*") if p.is_file()) if (root / folder).is_dir() else ""
            print(f"| {edition or 'zh-Hans'} | {folder} | {n / 2**20:.1f} | {files} |")
    rng = random.Random(13)
    for edition in EDITIONS:
        pages = sorted((args.site / edition / "articles").glob("*/index.html"))
        if not pages:
            continue
        sample = rng.sample(pages, min(args.sample, len(pages)))
        sums = Counter()
        for p in sample:
            sums.update(components(p.read_text(encoding="utf-8")))
        n = len(sample)
        whole = sum(v for k, v in sums.items() if not k.startswith("~"))
        print(f"\n### {edition or 'zh-Hans'}: article page, mean of {n} of {len(pages)} (KB)\n")
        print("| component | KB | share |\n| --- | ---: | ---: |")
        for name, v in sorted(sums.items(), key=lambda x: (x[0].startswith("~"), -x[1])):
            print(f"| {name} | {v / n / 1024:.1f} | {v / whole:.0%} |")
        print(f"| **page** | **{whole / n / 1024:.1f}** | |")


if __name__ == "__main__":
    main()

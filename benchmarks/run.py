"""Benchmark `make site` (`briefing site`) on a synthetic corpus: per stage wall and CPU time,
peak memory, then site size, page sizes and search-index sizes; cold, and again after one
source changed (an incremental build).

    python benchmarks/run.py 100            # corpus in /tmp/briefing-bench-100
    python benchmarks/run.py 10 --pdf       # include the PDF stage

Prints a Markdown table (the figures in benchmarks/README.md come from here)."""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.generate import generate  # noqa: E402

PY = sys.executable


def timed(cmd, cwd, env) -> dict:
    """Wall, CPU (user+sys of children) and peak RSS of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{run.stderr[-3000:]}")
    return {"wall": wall, "cpu": after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime,
            "rss": after.ru_maxrss / 1024, "out": run.stdout}


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def article_pages(site_dir: Path, seeds: Path) -> list[tuple[int, int]]:
    """(page HTML bytes, the source's own text bytes) per article page of one edition."""
    from build_tools.sources import discover
    sources = {src.slug: src.path.stat().st_size for src in discover(seeds)[0]}
    out = []
    for page in sorted((site_dir / "articles").glob("*/index.html")):
        if page.parent.name in sources:
            out.append((page.stat().st_size, sources[page.parent.name]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("--pdf", action="store_true")
    parser.add_argument("--dir", default=None)
    args = parser.parse_args()
    project = Path(args.dir or f"/tmp/briefing-bench-{args.n}")
    shutil.rmtree(project, ignore_errors=True)
    generate(args.n, project)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFING_PDF="1" if args.pdf else "0",
               SOURCE_DATE_EPOCH="1700000000")
    rows = []
    for label in ("cold", "one source changed"):
        if label != "cold":
            seed = sorted((project / "seeds").glob("*.txt"))[0]
            seed.write_text(seed.read_text(encoding="utf-8") + "\n编辑新增的一段话，用于测试增量构建。\n", encoding="utf-8")
        # what `make site` runs
        run = timed([PY, "-m", "build_tools", "site", "--timings"], project, env)
        stages = json.loads(run["out"].split("timings: ", 1)[1])
        rows.append((label, stages, run))
    print(f"## {args.n} sources x 3 editions{' with PDFs' if args.pdf else ''} ({os.cpu_count()} cores)\n")
    print("| run | stage | wall s | CPU s | peak MB |\n| --- | --- | ---: | ---: | ---: |")
    for label, stages, run in rows:
        ours = {k: v for k, v in stages.items() if "mkdocs" not in k}
        for name, value in stages.items():
            print(f"| {label} | {name.strip()} | {value['wall']:.1f} | {value['cpu']:.1f} | {value['peak_mb']:.0f} |")
        wall = sum(v["wall"] for v in ours.values())
        print(f"| {label} | **our stages** ({wall / run['wall']:.0%} of the total) | {wall:.1f} | "
              f"{sum(v['cpu'] for v in ours.values()):.1f} | |")
        print(f"| {label} | **total, `briefing site`** | {run['wall']:.1f} | {run['cpu']:.1f} | {run['rss']:.0f} |")
    site_dir = project / "site"
    print(f"\nsite: {size(site_dir) / 2**20:.1f} MB")
    for edition in ("", "zh-Hant", "en"):
        pages = article_pages(site_dir / edition, project / "seeds")
        over = [html - own for html, own in pages]
        index = site_dir / edition / "search"
        files = [f for f in index.rglob("*.js")]
        index_bytes = sum(f.stat().st_size for f in files)
        print(f"{edition or 'zh-Hans'}: article page HTML mean {sum(h for h, _ in pages) / len(pages) / 1024:.0f} KB, "
              f"max {max(h for h, _ in pages) / 1024:.0f} KB; beyond the source's own text: mean "
              f"{sum(over) / len(over) / 1024:.0f} KB, max {max(over) / 1024:.0f} KB; search index "
              f"{index_bytes / 2**20:.1f} MB in {len(files)} files = {index_bytes / args.n / 1024:.1f} KB per article, "
              f"largest file {max(f.stat().st_size for f in files) / 1024:.0f} KB")


if __name__ == "__main__":
    main()

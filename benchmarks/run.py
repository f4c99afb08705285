"""Benchmark the build on a synthetic corpus: per stage wall time, CPU time and peak memory,
then site size, page sizes and search-index sizes; cold, and again after one source changed.

    python benchmarks/run.py 100            # corpus in /tmp/briefing-bench-100
    python benchmarks/run.py 10 --pdf       # include the PDF stage

Prints a Markdown table (the figures in benchmarks/README.md come from here)."""
from __future__ import annotations

import argparse
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


def stage_script(project: Path) -> str:
    return f"""
import json, sys, time, resource
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
from build_tools.config import load_settings
from build_tools.build import load_terms, render_pages, write_pages
from build_tools.sources import discover
from build_tools.pipeline_cache import process_sources
from build_tools.build import Article
from build_tools.enrich.corpus import enrich_corpus
t = {{}}
s = load_settings({str(project / "mkdocs.yml")!r})
a = time.perf_counter(); terms = load_terms(s); sources, _ = discover(s.seeds); t["read sidecars+glossary"] = time.perf_counter() - a
a = time.perf_counter(); results, errors = process_sources(s, sources, terms); t["read+clean+enrich per source"] = time.perf_counter() - a
arts = [Article(src, d, terms, e) for src, (d, e) in zip(sources, results)]
a = time.perf_counter(); enrich_corpus(arts, terms); t["enrich corpus (related)"] = time.perf_counter() - a
a = time.perf_counter(); pages = render_pages(s, arts, terms, pdf={'--pdf' in sys.argv!r}); t["render 3 editions"] = time.perf_counter() - a
a = time.perf_counter(); r = write_pages(s.docs, s.generated, pages); t["write changed pages"] = time.perf_counter() - a
t["pages written"] = len(r.written)
print(json.dumps(t))
"""


def mkdocs_all(project: Path, env) -> dict:
    """The three editions concurrently, as `make site` does."""
    jobs = []
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for edition in ("", "zh-Hant", "en"):
        config = project / (f"mkdocs.{edition}.yml" if edition else "mkdocs.yml")
        out = project / ("site" if not edition else f"site-{edition}")
        jobs.append(subprocess.Popen([PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(out)],
                                     cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
    for job in jobs:
        _, err = job.communicate()
        if job.returncode:
            raise SystemExit(err[-3000:])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    for edition in ("zh-Hant", "en"):
        shutil.rmtree(project / "site" / edition, ignore_errors=True)
        (project / f"site-{edition}").rename(project / "site" / edition)
    return {"wall": time.perf_counter() - start,
            "cpu": after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, "rss": after.ru_maxrss / 1024}


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("--pdf", action="store_true")
    parser.add_argument("--dir", default=None)
    args = parser.parse_args()
    project = Path(args.dir or f"/tmp/briefing-bench-{args.n}")
    shutil.rmtree(project, ignore_errors=True)
    generate(args.n, project)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFING_PREBUILT="1", BRIEFING_PDF="1" if args.pdf else "0",
               SOURCE_DATE_EPOCH="1700000000")
    rows = []
    for label in ("cold", "one source changed"):
        if label != "cold":
            seed = sorted((project / "seeds").glob("*.txt"))[0]
            seed.write_text(seed.read_text(encoding="utf-8") + "\n编辑新增的一段话，用于测试增量构建。\n", encoding="utf-8")
        ours = timed([PY, "-c", stage_script(project)] + (["--pdf"] if args.pdf else []), project, env)
        stages = __import__("json").loads(ours["out"])
        site = mkdocs_all(project, env)
        total = ours["wall"] + site["wall"]
        rows.append((label, stages, ours, site, total))
    print(f"## {args.n} sources x 3 editions{' with PDFs' if args.pdf else ''} ({os.cpu_count()} cores)\n")
    print("| run | stage | wall s | CPU s | peak MB |\n| --- | --- | ---: | ---: | ---: |")
    for label, stages, ours, site, total in rows:
        for name, value in stages.items():
            if name != "pages written":
                print(f"| {label} | {name} | {value:.1f} | | |")
        print(f"| {label} | **our stages (one process)** | {ours['wall']:.1f} | {ours['cpu']:.1f} | {ours['rss']:.0f} |")
        print(f"| {label} | mkdocs build, 3 editions concurrently | {site['wall']:.1f} | {site['cpu']:.1f} | {site['rss']:.0f} |")
        print(f"| {label} | **total** ({ours['wall'] / total:.0%} ours) | {total:.1f} | | |")
    site_dir = project / "site"
    articles = sorted((site_dir / "articles").glob("*/index.html"))
    page_sizes = [p.stat().st_size for p in articles]
    print(f"\nsite: {size(site_dir) / 2**20:.1f} MB; article page HTML: mean {sum(page_sizes) / len(page_sizes) / 1024:.0f} KB, "
          f"max {max(page_sizes) / 1024:.0f} KB")
    for edition in ("", "zh-Hant", "en"):
        index = site_dir / edition / "search" / "search_index.json"
        print(f"search index {edition or 'zh-Hans'}: {index.stat().st_size / 2**20:.1f} MB, "
              f"{index.stat().st_size / args.n / 1024:.1f} KB per article")


if __name__ == "__main__":
    main()

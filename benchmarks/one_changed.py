"""One-changed builds of a benchmark project (made by `run.py`), with the code of any
checkout and the cache still valid: an A/B of two versions of the code without re-cleaning
10,000 sources for each.

    python benchmarks/one_changed.py /tmp/briefing-bench-10000 --runs 3
    python benchmarks/one_changed.py /tmp/briefing-bench-10000 --code /tmp/old-checkout --runs 3

Every cache key includes the code version (fingerprint.code_version), so new code would
clean and render everything again; here the version is pinned to that of the project's own
`build_tools` when this first ran on it (what its last build used; kept in .cache/). The MkDocs processes import the project's copy:
`--code` copies that checkout's `build_tools` into the project (a link, as run.py leaves it,
is replaced by a copy). Each run appends a paragraph to the first source and runs
`briefing site --timings`, as run.py does; the first run after a switch of code compiles
it and fills the page cache, so compare the later runs. Prints per-stage wall seconds."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

_RUNNER = """
import os, sys
sys.path.insert(0, {code!r})
import build_tools.fingerprint as f
f.code_version = lambda: {version!r}
from build_tools import cli
sys.argv = ["briefing", "site", "--timings"]
cli.run()
"""


def project_version(project: Path) -> str:
    """The code version the project's cache was made with: that of its own build_tools the
    first time (kept in .cache/, as later runs replace build_tools)."""
    kept = project / ".cache" / "briefing" / "pinned-code-version"
    if kept.exists():
        return kept.read_text().strip()
    out = subprocess.run([sys.executable, "-c", "from build_tools.fingerprint import code_version; print(code_version())"],
                         cwd=project, capture_output=True, text=True, check=True)
    kept.write_text(out.stdout.strip())
    return out.stdout.strip()


def use_code(project: Path, code: Path) -> None:
    target = project / "build_tools"
    if target.is_symlink():
        target.unlink()
    else:
        shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(code / "build_tools", target, ignore=shutil.ignore_patterns("__pycache__"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("--code", type=Path, default=HERE, help="a checkout whose build_tools to run")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    project, code = args.project.resolve(), args.code.resolve()
    version = project_version(project)
    use_code(project, code)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFING_PDF="0", SOURCE_DATE_EPOCH="1700000000")
    seed = sorted((project / "seeds").glob("*.txt"))[0]
    runner = _RUNNER.format(code=str(code), version=version)
    print(f"code {code}, version pinned to {version}\n")
    print("| run | total s | stages (wall s) |\n| --- | ---: | --- |")
    for n in range(1, args.runs + 1):
        with open(seed, "a", encoding="utf-8") as f:
            f.write(f"\n编辑新增的一段话，第{n}次（{time.time_ns()}），用于测试增量构建。\n")
        start = time.perf_counter()
        run = subprocess.run([sys.executable, "-c", runner], cwd=project, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if run.returncode or "timings: " not in run.stdout:
            raise SystemExit(f"build failed:\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
        stages = json.loads(run.stdout.split("timings: ", 1)[1].splitlines()[0])
        shown = ", ".join(f"{k.strip()} {v['wall']:.1f}" for k, v in stages.items())
        print(f"| {n} | {wall:.1f} | {shown} |", flush=True)


if __name__ == "__main__":
    main()

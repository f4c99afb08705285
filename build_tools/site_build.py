"""`briefing site` (what `make site` runs): the pages of every edition, then the three
editions built by MkDocs concurrently, into site/.

Incremental when it can be: if site/ holds a build made with the same configuration,
theme, code and environment, each edition's MkDocs build runs with --dirty into an empty
staging folder, comparing each file with its output in site/ (`_compare_with`): only the
pages whose Markdown file is newer than their HTML in site/ (and MkDocs' static templates)
are written, then moved into site/, each file replaced whole by a rename. That is exact
here because `briefing build` rewrites a page only when its content changes and everything
a page shows is in its own file: the navigation lists fixed index pages only, and article
lists, tag pages and glossary entries are generated files of their own. A page removed, a
changed configuration or `--full` builds everything, into a temporary folder swapped in at
the end (the previous site is deleted in the background: `_discard`). Either way a failed
build leaves site/ as it was. (Before, an incremental build mirrored site/ by hard links
first: at 10,000 sources, 106,432 files, 15.7 s.)"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .config import Settings
from .editions import EDITION_DIRS, EDITIONS
from .fingerprint import fingerprint

# What else decides the HTML of an unchanged page.
_ENVIRONMENT = ("SITE_URL", "BRIEFING_DIRECTORY_URLS", "BRIEFING_OFFLINE")


def build_stamp(settings: Settings) -> str:
    from importlib.metadata import version
    configs = sorted(settings.root.glob("mkdocs*.yml"))
    here = Path(__file__).parent
    theme = sorted(p for p in (here / "theme").rglob("*") if p.is_file())
    return fingerprint([p.name for p in configs] + [p.relative_to(here).as_posix() for p in theme], *configs, *theme,
                       [version(p) for p in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")],
                       {k: os.environ.get(k) for k in _ENVIRONMENT}, code=True, length=64)


def _config(edition) -> str:
    return "mkdocs.yml" if not edition.prefix else f"mkdocs.{edition.prefix.rstrip('/')}.yml"


TIMING = "briefing-timing: "   # the last line an edition's build prints


def _run_editions(settings: Settings, targets: dict, previous: Path | None) -> dict[str, dict]:
    """Every edition's MkDocs build, concurrently; `previous`: the site the builds update
    (--dirty, compared with it), or None (full builds). Returns each one's wall and CPU time
    and peak memory."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    jobs = []
    own = _own_docs(settings)
    for edition, target in targets.items():
        cmd = [sys.executable, "-m", "build_tools.site_build", _config(edition), str(target)]
        if previous is not None:
            cmd += ["--dirty", str(previous / edition.prefix)]
        if own is not None and not edition.prefix:
            cmd += ["--docs", str(own)]
        jobs.append((edition, subprocess.Popen(cmd, cwd=settings.root, env=env, stdout=subprocess.PIPE,
                                               stderr=subprocess.STDOUT, text=True)))
    failed, timings = [], {}
    for edition, job in jobs:
        out, _ = job.communicate()
        lines = out.rstrip().splitlines()
        if lines and lines[-1].startswith(TIMING):
            timings[edition.code] = json.loads(lines.pop()[len(TIMING):])
        if lines:
            print("\n".join(lines))
        if job.returncode:
            failed.append(edition.name)
    if failed:
        raise SystemExit(f"briefing site: mkdocs build failed for {', '.join(failed)}; site/ left as it was")
    return timings


def _own_docs(settings: Settings) -> Path | None:
    """A folder of links to what docs/ holds but the other editions' docs_dirs, for the
    Simplified edition's build: MkDocs lists every file below its docs_dir (a File each)
    before it excludes any, and docs/zh-Hant and docs/en are two thirds of them (at 10,000
    sources, 107,062 files listed in 1.8 s, where its own 35,621 take 0.6 s). None when
    there is nothing to leave out or links cannot be made (the build then lists them all)."""
    if not any((settings.docs / d).is_dir() for d in EDITION_DIRS):
        return None
    folder = settings.cache / "docs-zh-Hans"
    shutil.rmtree(folder, ignore_errors=True)   # links only: removed, never followed
    docs = settings.docs.resolve()
    try:
        folder.mkdir(parents=True)
        for name in sorted(os.listdir(docs)):
            if name not in EDITION_DIRS:
                os.symlink(docs / name, folder / name)
    except OSError:
        return None
    return folder


def mkdocs_build(config_file: str, site_dir: str, previous: str | None = None, docs: str | None = None) -> int:
    """`mkdocs build --strict` for one edition, as MkDocs' own command runs it, printing
    warnings and errors only (MkDocs' -q would silence the warnings that strict mode
    counts; every warning fails the build); `previous`: --dirty, writing into site_dir
    only what changed since that edition's previous site; `docs`: the docs_dir to read
    instead of the config's (_own_docs)."""
    dirty = previous is not None
    if dirty:
        _compare_with(Path(previous), Path(site_dir))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    start = time.perf_counter()
    try:
        config = load_config(config_file=config_file, site_dir=site_dir, strict=True,
                             **({"docs_dir": docs} if docs else {}))
        config.plugins["briefing"].config.prebuilt = True   # `briefing site` wrote the pages already
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except (Abort, MkDocsException) as e:
        print(f"ERROR   -  {config_file}: {e}")
        return 1
    import resource
    me = resource.getrusage(resource.RUSAGE_SELF)
    print(TIMING + json.dumps({"wall": time.perf_counter() - start, "cpu": me.ru_utime + me.ru_stime,
                               "peak_mb": _peak_mb(me)}))
    return 0


def _compare_with(previous: Path, site_dir: Path) -> None:
    """--dirty against `previous`: a file counts as modified when its source is newer than
    its output in the previous site (or that has none), not in site_dir, which starts
    empty. MkDocs 1.6's File.is_modified, with the output's path moved (host.py); only in
    this process, which builds one edition."""
    import stat
    from mkdocs.structure.files import File

    # MkDocs asks this of a page twice (reading it, then writing it) and of every other file
    # once; at 10,000 sources, 35,000 files an edition: answered once a file, from two
    # stat calls (isfile and two getmtime calls each time: 3.4 -> 3.1 s an edition).
    def is_modified(self) -> bool:
        if self._content is not None:
            return True
        known = self.__dict__.get("_briefing_modified")
        if known is None:
            old = os.path.join(previous, os.path.relpath(self.abs_dest_path, site_dir))
            try:
                out = os.stat(old)
            except FileNotFoundError:
                out = None
            known = out is None or not stat.S_ISREG(out.st_mode) or out.st_mtime < os.stat(self.abs_src_path).st_mtime
            self.__dict__["_briefing_modified"] = known
        return known
    File.is_modified = is_modified


def _staged(folder: Path) -> list[str]:
    """Every file below `folder`, as paths relative to it."""
    return [os.path.relpath(os.path.join(d, n), folder) for d, _, names in os.walk(folder) for n in names]


def _peak_mb(usage) -> float:
    """This process's own peak memory: Linux's ru_maxrss also counts the parent's image it
    was forked from, VmHWM does not."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return usage.ru_maxrss / 1024


def _discard(tree: Path) -> None:
    """Remove a tree nothing reads any more without waiting for it: renamed aside (one
    rename), then deleted by a detached `rm -rf`. Removing a site's thousands of folders
    takes seconds on a journaling file system (at 1,000 articles, 4,000 folders: 2-5 s,
    longer than the incremental build itself)."""
    if not tree.exists():
        return
    aside = tree.with_name(f"{tree.name}-{time.time_ns()}")
    tree.rename(aside)
    subprocess.Popen(["rm", "-rf", str(aside)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)


def build_site(settings: Settings, site: Path, pages_removed: bool, full: bool = False) -> tuple[str, dict]:
    """Build every edition into `site`; returns "full" or "incremental", and each edition's
    MkDocs timings."""
    stamp_file = settings.cache / "site.stamp"
    stamp = build_stamp(settings)
    previous = json.loads(stamp_file.read_text(encoding="utf-8")) if stamp_file.exists() else {}
    # site/ is ours as we left it: the same settings, and nothing else has built into it
    # since (a build that cleans it, such as a plain `mkdocs build`, changes its mtime)
    incremental = (not full and not pages_removed and site.is_dir()
                   and previous == {"stamp": stamp, "site": str(site.resolve()), "mtime": site.stat().st_mtime_ns})
    tmp = site.with_name(site.name + ".tmp")
    for leftover in [tmp] + [tmp.with_name(f"{tmp.name}-{e.code}") for e in EDITIONS]:
        _discard(leftover)   # from a build that was killed
    start = time.perf_counter()
    targets = {e: tmp / e.prefix if incremental else tmp.with_name(f"{tmp.name}-{e.code}") if e.prefix else tmp
               for e in EDITIONS}
    try:
        timings = _run_editions(settings, targets, previous=site if incremental else None)
        if incremental:
            from .page_writer import move_into   # here: an edition's MkDocs process need not import it
            move_into(tmp, site, _staged(tmp))
    except BaseException:
        for target in {tmp, *targets.values()}:
            shutil.rmtree(target, ignore_errors=True)
        raise
    if incremental:
        shutil.rmtree(tmp, ignore_errors=True)   # its folders, emptied
    else:
        for e, target in targets.items():
            if e.prefix:
                target.rename(tmp / e.prefix.rstrip("/"))
        old = site.with_name(site.name + ".old")
        _discard(old)
        if site.exists():
            site.rename(old)
        tmp.rename(site)
        _discard(old)
    stamp_file.parent.mkdir(parents=True, exist_ok=True)
    stamp_file.write_text(json.dumps({"stamp": stamp, "site": str(site.resolve()), "mtime": site.stat().st_mtime_ns}),
                          encoding="utf-8")
    mode = "incremental" if incremental else "full"
    print(f"briefing site: {mode} build of {len(EDITIONS)} editions in {time.perf_counter() - start:.1f} s -> {site}")
    return mode, timings


if __name__ == "__main__":
    args = sys.argv[1:]
    options = dict(zip(args[2::2], args[3::2]))   # --dirty PREVIOUS, --docs FOLDER
    sys.exit(mkdocs_build(args[0], args[1], previous=options.get("--dirty"), docs=options.get("--docs")))

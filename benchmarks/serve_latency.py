"""How long an editor waits under `mkdocs serve`: from saving a new paragraph in a source
until the article's served page shows it.

    python benchmarks/generate.py 100 /tmp/serve-100
    python benchmarks/serve_latency.py /tmp/serve-100 [--runs 3] [--source 0000_0.txt]

Starts `mkdocs serve` on 127.0.0.1 in PROJECT_DIR, waits for it to serve the article, then
appends a paragraph with a unique token to seeds/<source>, polls the article page every 50 ms
(at most 120 s) until the token is there, and restores the source at the end.

What mkdocs serve (1.6) does with an edit: a PollingObserver stats the watched paths (docs/,
mkdocs.yml, and seeds/ + translations/ added by our hook) every 0.5 s; after a change it waits
for 0.1 s of quiet, then rebuilds (our hook's `briefing build` first; with --dirty, as `make
serve` runs it, MkDocs then renders only the pages whose Markdown changed), and holds every
page request until the rebuild is done, so a poll during a rebuild just waits. The hook
writes the regenerated Markdown into docs/ during that rebuild, which the watcher sees: one
edit costs a second, short rebuild right after the first (the "rebuilds" column); the page is
already right after the first. Each run waits for the server to settle first.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from build_tools.sources import discover  # noqa: E402

POLL, TIMEOUT, STARTUP = 0.05, 120.0, 900.0


def get(url: str, timeout: float) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.read().decode("utf-8")
    except OSError:   # not serving yet, or 404 before the first build is done
        return ""


def wait_until(predicate, limit: float, step: float = POLL) -> float | None:
    """Seconds until predicate() is true, or None after `limit` seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if predicate():
            return time.perf_counter() - start
        time.sleep(step)
    return None


def count(log: Path, line: str) -> int:
    return log.read_text(encoding="utf-8", errors="replace").count(line)


def settle(log: Path, quiet: float = 2.0) -> None:
    """Wait until every rebuild the log shows as started has finished, and nothing new has
    been logged for `quiet` seconds (longer than the watcher's 0.5 s poll + 0.1 s delay)."""
    last = [log.stat().st_size, time.perf_counter()]

    def idle():
        size = log.stat().st_size
        if size != last[0]:
            last[:] = [size, time.perf_counter()]
        return (count(log, "Detected file changes") == count(log, "Reloading browsers")
                and time.perf_counter() - last[1] >= quiet)
    wait_until(idle, TIMEOUT, 0.2)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("project", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--source", help="file name in seeds/ (default: the first source)")
    args = ap.parse_args(argv)
    project = args.project.resolve()
    sources, _ = discover(project / "seeds")
    source = next((s for s in sources if s.path.name == args.source), None) if args.source \
        else (sources[0] if sources else None)
    if source is None:
        sys.exit(f"no such source in {project / 'seeds'}")
    with socket.socket() as s:   # a free port (released again for mkdocs to take)
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/articles/{source.slug}/"
    original = source.path.read_bytes()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFING_PDF="0")
    log = Path(tempfile.mkstemp(prefix="serve-latency-", suffix=".log")[1])
    times, rebuilds = [], []
    with open(log, "wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=project, env=env,
                                  stdout=out, stderr=subprocess.STDOUT,
                                  # SIGINT may be ignored when we run in the background
                                  preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        print(f"mkdocs serve on {url} (log: {log})")
        up = wait_until(lambda: server.poll() is not None or "</html>" in get(url, 5), STARTUP, 0.5)
        if up is None or server.poll() is not None:
            sys.exit(f"mkdocs serve did not come up; see {log}")
        print(f"first build and serve: {up:.1f} s")
        for i in range(max(1, args.runs)):
            settle(log)
            token = f"XYZ{uuid.uuid4().hex[:10]}"
            before = count(log, "Detected file changes")
            start = time.perf_counter()
            source.path.write_text(original.decode("utf-8").rstrip("\n")
                                   + f"\n\n编辑新增段落{token}。\n", encoding="utf-8")
            ok = wait_until(lambda: token in get(url, TIMEOUT), TIMEOUT) is not None
            seen = time.perf_counter() - start if ok else None
            settle(log)
            n = count(log, "Detected file changes")
            times.append(seen)
            rebuilds.append(n - before)
            shown = f"{seen:.2f} s" if seen is not None else f"not seen within {TIMEOUT:.0f} s"
            print(f"run {i + 1}: {shown} from write to page ({n - before} rebuild(s))")
    finally:   # stop first (as Ctrl-C: mkdocs removes its temporary site), then restore, so
        # the restore starts no rebuild; the next `mkdocs serve`/`build` regenerates the page
        server.send_signal(signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        source.path.write_bytes(original)
    done = [t for t in times if t is not None]
    if done:
        print(f"write → page shows the edit: median {sorted(done)[len(done) // 2]:.2f} s, "
              f"min {min(done):.2f} s, max {max(done):.2f} s over {len(done)} run(s); "
              f"rebuilds per edit: {rebuilds}")
    if done and len(done) == len(times):
        log.unlink()
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())

"""One build of a project at a time: `briefing build`/`site` and the MkDocs hook's build
take an exclusive lock on .cache/briefing/build.lock (fcntl.flock: released by the kernel
when the process ends, so a killed build leaves no stale lock). A second build says so and
waits for the first instead of sharing its caches and temporary site folders."""
from __future__ import annotations

import fcntl
import os
import sys
from contextlib import contextmanager
from pathlib import Path

_held: set[str] = set()   # locks this process holds (the CLI's build calls build())


@contextmanager
def project_lock(cache: Path, stream=sys.stderr):
    path = cache / "build.lock"
    key = str(path.resolve()) if path.exists() else str(path)
    if key in _held:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
            print(f"briefing: another build of this project is running (pid {owner}, lock {path}); "
                  "waiting for it to finish", file=stream, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        _held.add(str(path.resolve()))
        try:
            yield
        finally:
            _held.discard(str(path.resolve()))
    finally:
        os.close(fd)   # releases the lock

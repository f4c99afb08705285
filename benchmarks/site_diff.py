"""Compare two built sites: which files differ, and how (the first differing lines of each,
up to --show files). For a before/after check of a change that should not alter the pages:

    python benchmarks/site_diff.py OLD_SITE NEW_SITE [--show 10]
"""
from __future__ import annotations

import argparse
import difflib
import html
import re
from pathlib import Path

_SPACE = re.compile(rb"\s+")


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--show", type=int, default=10, help="files whose differences are printed")
    ap.add_argument("--entities", action="store_true",
                    help="also count as equal what differs only in how characters are escaped (&#39; vs ')")
    args = ap.parse_args()
    old, new = files(args.old), files(args.new)
    if args.entities:
        def plain(data: bytes) -> bytes:
            return html.unescape(data.decode("utf-8", "replace")).encode("utf-8") if b"&" in data else data
        old, new = ({k: plain(v) for k, v in d.items()} for d in (old, new))
    changed = [k for k in sorted(old.keys() & new.keys()) if old[k] != new[k]]
    spacing = [k for k in changed if _SPACE.sub(b" ", old[k]) == _SPACE.sub(b" ", new[k])]
    changed = [k for k in changed if k not in spacing]
    print(f"{len(old)} files before, {len(new)} after; {len(spacing)} differ in whitespace only, "
          f"{len(changed)} in more; "
          f"only before: {sorted(old.keys() - new.keys())}; only after: {sorted(new.keys() - old.keys())}")
    for k in changed[:args.show]:
        a = _SPACE.sub(b" ", old[k]).decode("utf-8", "replace").replace("> <", "><").replace("><", ">\n<").splitlines()
        b = _SPACE.sub(b" ", new[k]).decode("utf-8", "replace").replace("> <", "><").replace("><", ">\n<").splitlines()
        diff = [d for d in difflib.unified_diff(a, b, lineterm="", n=0) if d[:1] in "+-" and d[:3] not in ("+++", "---")]
        print(f"== {k}: {len(diff)} differing lines")
        for d in diff[:6]:
            print("   " + d[:200])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Reading a built edition's search index (build_tools/search/index.py) as the browser
does, for tests: the shards are scripts `__briefingSearch(name, data)`."""
from __future__ import annotations

import base64
import json
from pathlib import Path


def _data(path: Path):
    text = path.read_text(encoding="utf-8").strip()
    assert text.startswith("__briefingSearch(") and text.endswith(")")
    name, _, data = text[len("__briefingSearch("):-1].partition(",")
    return json.loads(data)


def vocabulary(edition_dir: Path) -> dict[str, list]:
    out: dict[str, list] = {}
    for shard in (edition_dir / "search" / "w").glob("*.js"):
        out.update(_data(shard))
    return out


def pages(edition_dir: Path) -> list[list]:
    chunks = sorted((edition_dir / "search" / "d").glob("*.js"), key=lambda p: int(p.stem))
    return [page for c in chunks for page in _data(c)]


def postings(edition_dir: Path, word: str) -> list[tuple[str, str]]:
    """(page path, anchor) of every unit holding the word."""
    entry = vocabulary(edition_dir)[word]
    code = entry[1]
    if isinstance(code, str) and code.startswith("@"):
        code = _data(edition_dir / "search" / (code[1:] + ".js"))
    raw, out, d, u, i = base64.b64decode(code or ""), [], -1, 0, 0
    def varint():
        nonlocal i
        v = s = 0
        while True:
            b = raw[i]; i += 1
            v |= (b & 0x7F) << s; s += 7
            if not b & 0x80:
                return v
    info = pages(edition_dir)
    while i < len(raw):
        dd, x = varint(), varint()
        d, u = (d + dd, x) if dd else (d, u + x)
        out.append((info[d][0], info[d][3][u >> 2]))   # 4 * unit + its length class
    return out

"""The index files of one edition, below search/ in its docs folder: scripts that call
`__briefingSearch(name, data)`, so the browser loads them with <script> elements — over HTTP
and from file:// alike — and only those a query needs:

- meta.js: sizes, the number of word shards, the stemming rules (tokens.py);
- w/<k>.js: the words whose key is k (a Chinese word's key is its first character, so the
  words that can start at each character of a query are in one shard), each with the
  number of units it is in and its postings, or the name of the file holding them when long;
- p/<hash>.js: the postings of one frequent word;
- d/<n>.js: pages n*CHUNK.. : path, title, tags and the anchor of each unit.

Postings are (page, unit) pairs in order, as varints (page delta, then unit: absolute on a
new page, else the delta), base64; the unit is written as 4 * its number + its length class
(LENGTHS), so that the browser ranks a page by its most specific match — a short paragraph
or heading holding every word of the query — without loading anything more. Stop words are
kept as known words without postings."""
from __future__ import annotations

import base64
import hashlib
import json

from ..enrich.segment import stopwords
from .tokens import HAN, STEM_RULES

CHUNK = 32          # pages per d/ file
INLINE = 384        # longest postings (base64 characters) kept in their word's shard
SHARD_BYTES = 24_000
LENGTHS = (12, 40, 100)   # distinct words of a unit: class 0 up to 12, 1 up to 40, 2 up to 100, else 3


def length_class(n: int) -> int:
    return next((k for k, most in enumerate(LENGTHS) if n <= most), len(LENGTHS))


def shard_key(word: str, shards: int) -> int:
    """The browser computes the same (briefing-search.js: shardKey)."""
    if HAN.match(word[0]):
        return ord(word[0]) % shards
    h = 0
    for c in word:
        h = (h * 31 + ord(c)) & 0xFFFFFFFF
    return h % shards


def _varints(pairs: list[tuple[int, int]]) -> str:
    out = bytearray()
    pd, pu = -1, 0
    for d, u in pairs:
        for v in ((d - pd, u) if d != pd else (0, u - pu)):
            while v >= 0x80:
                out.append((v & 0x7F) | 0x80)
                v >>= 7
            out.append(v)
        pd, pu = d, u
    return base64.b64encode(bytes(out)).decode("ascii")


def _script(name: str, data) -> str:
    return f"__briefingSearch({json.dumps(name)},{json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(',', ':'))})\n"


def index_files(records: dict[str, dict]) -> dict[str, str]:
    """{path below the edition's docs folder: text} for every record {page path: record}."""
    stop = stopwords()
    rels = sorted(records)
    postings: dict[str, list[tuple[int, int]]] = {}
    units = 0
    for d, rel in enumerate(rels):
        for u, (_, words) in enumerate(records[rel]["units"]):
            units += 1
            split = words.split()
            code = 4 * u + length_class(len(split))
            for w in split:
                postings.setdefault(w, []).append((d, code))
    entries, files = {}, {}
    for w in sorted(postings):
        pairs = postings[w]
        if w in stop:
            entries[w] = [len(pairs), 0]
            continue
        code = _varints(pairs)
        if len(code) > INLINE:
            name = "p/" + hashlib.sha1(w.encode("utf-8")).hexdigest()[:12]
            files[f"search/{name}.js"] = _script(name, code)
            code = "@" + name
        entries[w] = [len(pairs), code]
    size = sum(len(w) * 3 + len(v[1] or "") + 8 for w, v in entries.items())
    shards = 8
    while shards < 4096 and size / shards > SHARD_BYTES:
        shards *= 2
    by_shard: dict[int, dict] = {}
    for w, v in entries.items():
        by_shard.setdefault(shard_key(w, shards), {})[w] = v
    for k in range(shards):   # every shard, empty ones too: a query's request never fails
        files[f"search/w/{k}.js"] = _script(f"w/{k}", by_shard.get(k, {}))
    for start in range(0, len(rels), CHUNK):
        pages = [[rel[:-3], records[rel]["title"], records[rel]["tags"], [a for a, _ in records[rel]["units"]]]
                 for rel in rels[start:start + CHUNK]]
        files[f"search/d/{start // CHUNK}.js"] = _script(f"d/{start // CHUNK}", pages)
    files["search/meta.js"] = _script("meta", {"pages": len(rels), "units": units, "shards": shards,
                                               "chunk": CHUNK, "stem": [list(r) for r in STEM_RULES]})
    return files

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
(postings.LENGTHS), so that the browser ranks a page by its most specific match — a short paragraph
or heading holding every word of the query — without loading anything more. Stop words are
kept as known words without postings.

The postings are kept between builds (postings.py): after a change, only the files holding a
changed word or page are written again; the others are KEPT."""
from __future__ import annotations

import base64
import hashlib
import json

from ..enrich.segment import stopwords
from ..render.page_cache import KEPT, Kept
from .postings import Postings
from .tokens import HAN, STEM_RULES

CHUNK = 32          # pages per d/ file
INLINE = 384        # longest postings (base64 characters) kept in their word's shard
SHARD_BYTES = 24_000


def shard_key(word: str, shards: int) -> int:
    """The browser computes the same (briefing-search.js: shardKey)."""
    if HAN.match(word[0]):
        return ord(word[0]) % shards
    h = 0
    for c in word:
        h = (h * 31 + ord(c)) & 0xFFFFFFFF
    return h % shards


def _script(name: str, data) -> str:
    return f"__briefingSearch({json.dumps(name)},{json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(',', ':'))})\n"


NAME_LENGTH = len("@p/") + 12   # a long word's entry: the name of its postings file


def _b64_length(n: int) -> int:
    return 4 * ((n + 2) // 3)


def _entry_length(n: int) -> int:
    """Characters of a word's postings in its shard for n bytes: base64, or a file's name."""
    b64 = _b64_length(n)
    return NAME_LENGTH if b64 > INLINE else b64


def _postings_name(word: str) -> str:
    return "p/" + hashlib.sha1(word.encode("utf-8")).hexdigest()[:12]


def index_files(records: dict[str, dict], postings: Postings,
                changed: tuple[set[str], set[int]] | None = None) -> dict[str, str | Kept]:
    """{path below the edition's docs folder: text} for the records {page path: record}
    and their postings; `changed`: the words and pages a Postings.update changed, when the
    files in docs/ are those of the records before it — a file holding none of them is KEPT
    (the same bytes as a full build would write)."""
    stop = stopwords()
    words = postings.words
    size = sum(len(w) * 3 + (0 if w in stop else _entry_length(len(v[1]))) + 8 for w, v in words.items())
    shards = 8
    while shards < 4096 and size / shards > SHARD_BYTES:
        shards *= 2
    if changed is not None and shards != postings.shards:
        changed = None   # every word moves shard
    postings.shards = shards
    files: dict[str, str | Kept] = {}
    if changed is None:
        touched = set(range(shards))
        pages = range(len(postings.rels))
    else:
        touched = {shard_key(w, shards) for w in changed[0]}   # a changed word's shard is touched
        pages = changed[1]
    by_shard: dict[int, dict] = {k: {} for k in touched}
    for w, (count, data) in words.items():
        stopped = w in stop
        long = not stopped and _b64_length(len(data)) > INLINE
        if long:
            name = _postings_name(w)
            fresh = changed is None or w in changed[0]
            files[f"search/{name}.js"] = _script(name, base64.b64encode(data).decode("ascii")) if fresh else KEPT
        k = shard_key(w, shards)
        if k in by_shard:
            by_shard[k][w] = [count, 0 if stopped else "@" + name if long else base64.b64encode(data).decode("ascii")]
    for k in range(shards):   # every shard, empty ones too: a query's request never fails
        files[f"search/w/{k}.js"] = _script(f"w/{k}", by_shard[k]) if k in by_shard else KEPT
    rels = postings.rels
    chunks = {d // CHUNK for d in pages}
    for start in range(0, len(rels), CHUNK):
        if start // CHUNK not in chunks:
            files[f"search/d/{start // CHUNK}.js"] = KEPT
            continue
        rows = [[rel[:-3], records[rel]["title"], records[rel]["tags"], [a for a, _ in records[rel]["units"]]]
                for rel in rels[start:start + CHUNK]]
        files[f"search/d/{start // CHUNK}.js"] = _script(f"d/{start // CHUNK}", rows)
    files["search/meta.js"] = _script("meta", {"pages": len(rels), "units": postings.units, "shards": shards,
                                               "chunk": CHUNK, "stem": [list(r) for r in STEM_RULES]})
    return files

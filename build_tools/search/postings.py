"""An edition's postings, kept between builds, so that a changed page costs what it
touches: its words' postings are spliced, not the whole index made again.

Each word's postings are the varints the index files carry (index.py): (page delta, unit
code) on a new page, else (0, unit code delta). A page's pairs are one run of them, so a
page is replaced by cutting its run out and re-encoding the run and the one pair after it
(whose page delta changes): the rest is copied as bytes. The page numbers are positions in
the sorted page paths, so only a build with the same pages is updated this way; another
(a page added or removed, many changed, no state) builds the postings anew — and both ways
give the same bytes (tests/test_search_postings.py)."""
from __future__ import annotations

import pickle
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

VERSION = 1
LENGTHS = (12, 40, 100)   # distinct words of a unit: class 0 up to 12, 1 up to 40, 2 up to 100, else 3


def length_class(n: int) -> int:
    return next((k for k, most in enumerate(LENGTHS) if n <= most), len(LENGTHS))


def _varint(out: bytearray, v: int) -> None:
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)


def _encode(out: bytearray, page: int, last_page: int, codes: list[int]) -> None:
    """One page's pairs after a pair on `last_page`."""
    _varint(out, page - last_page)
    _varint(out, codes[0])
    for a, b in zip(codes, codes[1:]):
        _varint(out, 0)
        _varint(out, b - a)


def _decode(data: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(page of each pair, each varint's value, each varint's first byte)."""
    b = np.frombuffer(data, np.uint8)
    ends = np.flatnonzero(b < 0x80)
    starts = np.empty_like(ends)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    values = (b & 0x7F).astype(np.int64)
    lengths = ends - starts + 1
    if lengths.max() > 1:
        owner = np.repeat(np.arange(len(ends)), lengths)
        values = np.add.reduceat(values << (7 * (np.arange(len(b)) - starts[owner])), starts)
    pages = np.cumsum(values[0::2]) - 1
    return pages, values, starts


def splice(data: bytes, page: int, codes: list[int]) -> bytes:
    """`data` with page `page`'s pairs replaced by `codes` (its unit codes, ascending;
    none: the page no longer has the word)."""
    if not data:
        out = bytearray()
        if codes:
            _encode(out, page, -1, codes)
        return bytes(out)
    pages, values, starts = _decode(data)
    n = len(pages)
    lo, hi = int(np.searchsorted(pages, page, "left")), int(np.searchsorted(pages, page, "right"))
    out = bytearray(data[:starts[2 * lo]] if lo < n else data)
    last = int(pages[lo - 1]) if lo else -1
    if codes:
        _encode(out, page, last, codes)
        last = page
    if hi < n:   # the next page's first pair: its page delta is now from `last`
        _varint(out, int(pages[hi]) - last)
        _varint(out, int(values[2 * hi + 1]))
        if 2 * hi + 2 < len(starts):
            out += data[starts[2 * hi + 2]:]
    return bytes(out)


def unit_codes(record: dict) -> dict[str, list[int]]:
    """Each word of a page's record: the codes of the units it is in, ascending (a unit's
    code is 4 * its number + its length class)."""
    out: dict[str, list[int]] = {}
    for u, (_, words) in enumerate(record["units"]):
        split = words.split()
        code = 4 * u + length_class(len(split))
        for w in split:
            out.setdefault(w, []).append(code)
    return out


class Postings:
    """words: {word: [units it is in, varints]} (stop words: no varints); rels: the page
    paths in order (a page's number is its position); units: all units."""

    def __init__(self):
        self.rels: list[str] = []
        self.words: dict[str, list] = {}
        self.units = 0
        self.of = ""         # digest of the records they were made from
        self.shards = 0      # as last written (index.py)

    @classmethod
    def build(cls, records: dict[str, dict], stop: frozenset[str]) -> "Postings":
        """Encoded as they are added (page, then unit order): tens of millions of pairs
        as tuples would take gigabytes."""
        self = cls()
        self.rels = sorted(records)
        last: dict[str, list] = {}   # word -> [page, code] of its last pair
        words = self.words
        for d, rel in enumerate(self.rels):
            for u, (_, text) in enumerate(records[rel]["units"]):
                self.units += 1
                split = text.split()
                code = 4 * u + length_class(len(split))
                for w in split:
                    entry = words.get(w)
                    if entry is None:
                        entry = words[w] = [0, bytearray()]
                        last[w] = [-1, 0]
                    entry[0] += 1
                    if w in stop:
                        continue
                    at = last[w]
                    if at[0] != d:
                        _varint(entry[1], d - at[0])
                        _varint(entry[1], code)
                    else:
                        _varint(entry[1], 0)
                        _varint(entry[1], code - at[1])
                    at[0], at[1] = d, code
        for entry in words.values():
            entry[1] = bytes(entry[1])
        return self

    def update(self, records: Mapping[str, dict], old: Mapping[str, dict], stop: frozenset[str],
               most: int, maybe: Iterable[str] | None = None) -> tuple[set[str], set[int]] | None:
        """Brought up to `records` from `old` (the records they were made from): the words
        and pages changed; None, unchanged, when that cannot be done by splicing (other
        pages, or more than `most` changed). `maybe`: the only pages that may have changed
        (the others' records were kept: record_store.py), else every page is compared."""
        if sorted(records) != self.rels or not all(rel in old for rel in self.rels):
            return None
        number = {rel: d for d, rel in enumerate(self.rels)}
        pages = sorted(number[rel] for rel in (self.rels if maybe is None else maybe)
                       if records[rel] is not old[rel] and records[rel] != old[rel])
        if len(pages) > most:
            return None
        changed: set[str] = set()
        for d in pages:
            rel = self.rels[d]
            before, after = unit_codes(old[rel]), unit_codes(records[rel])
            self.units += len(records[rel]["units"]) - len(old[rel]["units"])
            for w in before.keys() | after.keys():
                was, now = before.get(w, []), after.get(w, [])
                if was == now:
                    continue
                entry = self.words.get(w) or [0, b""]
                entry[0] += len(now) - len(was)
                if w not in stop:
                    entry[1] = splice(entry[1], d, now)
                if entry[0]:
                    self.words[w] = entry
                else:
                    self.words.pop(w, None)
                changed.add(w)
        return changed, set(pages)

    def save(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".tmp")
        tmp.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(pickle.dumps((VERSION, self.__dict__), protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path, of: str) -> "Postings | None":
        """The state saved at `path` if it was made from the records with digest `of`."""
        try:
            version, state = pickle.loads(path.read_bytes())
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
            return None
        if version != VERSION or state.get("of") != of or not of:
            return None
        self = cls()
        self.__dict__.update(state)
        return self

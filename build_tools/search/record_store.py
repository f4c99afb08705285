"""An edition's search records between builds, in its docs folder (a dot folder: MkDocs
leaves it out of the site), in shards, so that a build after one change reads, hashes and
writes what it touched, not every record (at 10,000 articles one file of them was 140 MB
per edition: 15 s of every build, a change or not):

- .search/a-<xx>.json: the records of the article pages whose path hashes to xx (256 shards);
- .search/pages.json: the other pages' (glossary entries, the guide: made anew each build);
- .search/keys.json: each page's key (render/page_cache.py) and each shard's digest —
  written last, so a key vouches for a page and a shard that are there.

A build's records (`Records`) are those made anew and, for a page kept as it was, the
previous build's (KEPT), read from its shard only when asked."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from ..render.page_cache import KEPT

FOLDER = ".search"
KEYS = f"{FOLDER}/keys.json"


def shard_of(rel: str) -> str:
    if rel.startswith("articles/"):
        return f"{FOLDER}/a-{hashlib.sha1(rel.encode('utf-8')).hexdigest()[:2]}.json"
    return f"{FOLDER}/pages.json"


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def state_digest(shards: dict[str, str]) -> str:
    """What a set of records is (search/postings.py states are of one): its shards' digests."""
    return _digest(_dump(shards)) if shards else ""


class RecordStore:
    """The records the previous build left in `folder`; empty when there are none (or they
    cannot be read: every page is then made again)."""

    def __init__(self, folder: Path, reuse: bool = True):
        self.folder = folder
        self.keys: dict[str, str] = {}     # page -> its key ('' for a page without one)
        self.shards: dict[str, str] = {}   # shard -> digest of its text
        self._loaded: dict[str, dict] = {}
        if not reuse:
            return
        try:
            state = json.loads((folder / KEYS).read_text(encoding="utf-8"))
            self.keys, self.shards = dict(state["keys"]), dict(state["shards"])
        except (OSError, ValueError, KeyError, TypeError):
            self.keys, self.shards = {}, {}

    @property
    def digest(self) -> str:
        return state_digest(self.shards)

    def _shard(self, name: str) -> dict:
        if name not in self._loaded:
            try:
                text = (self.folder / name).read_text(encoding="utf-8")
                records = json.loads(text) if _digest(text) == self.shards.get(name) else None
            except (OSError, ValueError):
                records = None
            self._loaded[name] = records if isinstance(records, dict) else {}
        return self._loaded[name]

    def intact(self, rel: str) -> bool:
        """The shard holding `rel` is the one keys.json states (a commit cut short may have
        moved a shard and not keys.json: page_writer.py)."""
        return rel in self._shard(shard_of(rel))

    def __contains__(self, rel: str) -> bool:
        return rel in self.keys

    def __getitem__(self, rel: str) -> dict:
        return self._shard(shard_of(rel))[rel]


class Records(Mapping):
    """One edition's records in this build: {page: record}, a kept page's read from the
    previous build's shard when first asked for."""

    def __init__(self, store: RecordStore):
        self.store = store
        self.made: dict[str, dict | object] = {}
        self.digest = ""   # of the records, once files() made them

    def __setitem__(self, rel: str, record) -> None:
        self.made[rel] = record

    def __getitem__(self, rel: str) -> dict:
        record = self.made[rel]
        return self.store[rel] if record is KEPT else record

    def __iter__(self):
        return iter(self.made)

    def __len__(self) -> int:
        return len(self.made)

    def made_anew(self) -> list[str]:
        """The pages whose record this build made (any other is the previous build's)."""
        return [rel for rel, r in self.made.items() if r is not KEPT]

    def files(self) -> dict[str, str | object]:
        """{path below the docs folder: text, or KEPT for a shard as the previous build
        wrote it}, keys.json among them (always written)."""
        by_shard: dict[str, list[str]] = {}
        for rel in sorted(self.made):
            by_shard.setdefault(shard_of(rel), []).append(rel)
        before: dict[str, set[str]] = {}
        for rel in self.store.keys:
            before.setdefault(shard_of(rel), set()).add(rel)
        files: dict[str, str | object] = {}
        digests: dict[str, str] = {}
        for name, rels in sorted(by_shard.items()):
            fresh = [rel for rel in rels if self.made[rel] is not KEPT]
            if name in self.store.shards and before.get(name) == set(rels) and all(
                    self.made[rel] == self.store[rel] for rel in fresh):
                files[name], digests[name] = KEPT, self.store.shards[name]
                continue
            text = _dump({rel: self[rel] for rel in rels})
            files[name], digests[name] = text, _digest(text)
        keys = {rel: (self.store.keys.get(rel, "") if r is KEPT else r.get("key", "")) for rel, r in self.made.items()}
        files[KEYS] = _dump({"keys": keys, "shards": digests})
        self.digest = state_digest(digests)
        return files

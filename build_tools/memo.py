"""Results kept across builds in a pickle file (segmentation of texts, for the search index):
what a build asked for, and what it had but did not ask for again (pages not rebuilt do not
ask), bounded so that the file does not grow forever."""
from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path


class PersistentMemo:
    def __init__(self, path: Path | None):
        self.path = path
        self.had: dict = {}
        if path and path.exists():
            try:
                self.had = pickle.loads(path.read_bytes())
            except (OSError, pickle.PickleError, EOFError, ValueError, AttributeError, ImportError, IndexError):
                # unreadable (cut short by a killed build, say): start again
                self.had = {}
        self.used: dict = {}

    def get(self, key):
        """The value made or kept, or None; asking marks it used."""
        value = self.used.get(key)
        if value is None:
            value = self.had.get(key)
            if value is not None:
                self.used[key] = value
        return value

    def has(self, key) -> bool:
        return key in self.used or key in self.had

    def put(self, key, value) -> None:
        self.used[key] = value

    def through(self, key, make, arg):
        """The kept value for `key`, else make(arg), kept."""
        value = self.get(key)
        if value is None:
            value = self.used[key] = make(arg)
        return value

    def save(self) -> None:
        """What was used and what was had; past twice what was used, only what was used."""
        kept = {**self.had, **self.used}
        if len(kept) > 2 * len(self.used) + 20_000:
            kept = self.used
        if self.path and kept.keys() != self.had.keys():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
            with os.fdopen(fd, "wb") as fh:   # a name of its own: two builds may save at once
                fh.write(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, self.path)
            self.had = kept

"""One fingerprint for every cache and stamp: a digest of everything that changes what is
cached — inputs, settings, dictionaries, versions, and (by default) this package's own
code and data. Every cache key in the build is made here, so none is keyed by less than
what its output depends on."""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).parent


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the package's code and data (build_tools/**.py, data/): a change to the
    cleaner invalidates what was cleaned with it. (The theme is in the site's stamp.)"""
    h = hashlib.sha256()
    for path in sorted(list(_PACKAGE.rglob("*.py")) + list((_PACKAGE / "data").glob("*"))):
        h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _bytes(part) -> bytes:
    """Each kind tagged, so that "1", 1 and b"1" (or a file and its path) differ."""
    if isinstance(part, Path):
        return b"F" + (part.read_bytes() if part.is_file() else b"\0missing:" + str(part).encode())
    if isinstance(part, bytes):
        return b"B" + part
    if isinstance(part, str):
        return b"S" + part.encode("utf-8")
    return b"J" + json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")


def fingerprint(*parts, code: bool = False, length: int = 32) -> str:
    """Hex digest of `parts` (str, bytes, a Path for a file's content, or anything JSON can
    write); `code`: this package's code version too."""
    h = hashlib.sha256()
    for part in ((code_version(),) if code else ()) + parts:
        data = _bytes(part)
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()[:length]

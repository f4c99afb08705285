"""Discover sources in seeds/ and read their metadata sidecars (seeds/<stem>.yml).

A sidecar's keys are checked against a schema: an unknown key, a wrong type, a bad date or
URL is an error that names the file, the line and the key."""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
import copy
from pathlib import Path

import yaml

from .reading import INVISIBLE, SourceError
from .safe_yaml import load_yaml

SOURCE_SUFFIXES = (".txt", ".md", ".pdf")
RESERVED = {"glossary", "tags", "opencc_phrases"}

# key -> (type check, description for error messages)
_STR = (lambda v: isinstance(v, str) and v.strip() != "", "a non-empty string")
_STRS = (lambda v: isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v),
         "a list of strings")
SIDECAR_SCHEMA = {
    "title_zh": _STR, "title_en": _STR, "subtitle_zh": _STR, "subtitle_en": _STR,
    "authors": _STRS, "authors_en": _STRS, "publication": _STR, "publication_en": _STR,
    "date": (lambda v: isinstance(v, (str, int)) and _parse_date(str(v)) is not None,
             "a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    "url": (lambda v: isinstance(v, str) and re.match(r"^https?://[^\s/$.?#][^\s]*$", v) is not None,
            "an http(s) URL"),
    "slug": (lambda v: isinstance(v, str) and re.match(r"^[a-z0-9][a-z0-9-]*$", v) is not None,
             "lowercase letters, digits and hyphens"),
    "tags": _STRS, "summary_zh": _STR, "summary_en": _STR,
    "key_points_zh": _STRS, "key_points_en": _STRS,
    # "machine; model: …; date: …; review: pending" beside a text `briefing summarize` wrote
    "summary_zh_provenance": _STR, "key_points_zh_provenance": _STR,
    # an editor's key figures, replacing the automatic table: value (as printed) and what it
    # measures, optionally unit, year, qualifier (">", "≈", "+", "<")
    "key_figures": (lambda v: isinstance(v, list) and all(
        isinstance(x, dict) and isinstance(x.get("value"), (str, int, float)) and isinstance(x.get("what"), str)
        and set(x) <= {"value", "unit", "year", "what", "qualifier", "to"} for x in v),
        "a list of mappings with value and what (and optionally unit, year, qualifier, to)"),
    "running_headers": _STRS, "paragraph_breaks": (lambda v: isinstance(v, list) and all(
        isinstance(x, int) and x > 0 for x in v), "a list of source line numbers"),
}


def _parse_date(v: str):
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", v)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return date(y, mo, d)
    except ValueError:
        return None


@dataclass
class Source:
    path: Path
    stem: str
    slug: str
    meta: dict = field(default_factory=dict)
    sidecar: Path | None = None


class _SidecarLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Dates stay text until the schema checks them (PyYAML would crash on 2024-13-45)."""


_SidecarLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_sidecar(path: Path, parsed=None) -> dict:
    """`parsed`: a PersistentMemo of sidecars already parsed, by their bytes (parsing YAML
    was 2 s of every build at 10,000 sources; reading and hashing them is 0.3 s)."""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise SourceError(path, f"cannot read the sidecar as UTF-8 text: {e}") from None
    if parsed is None:
        return _checked_sidecar(path, text)
    import hashlib
    key = hashlib.sha1(data).hexdigest()
    found = parsed.get(key)
    if found is None:
        found = _checked_sidecar(path, text)   # errors are not kept: raised every time
        parsed.put(key, found)
    return copy.deepcopy(found)   # each source its own: sidecars alike share the kept one


def _checked_sidecar(path: Path, text: str) -> dict:
    data, node = load_yaml(text, path, _SidecarLoader)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(path, "a sidecar must be a mapping of keys to values", 1)
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value} if node else {}
    for key, value in data.items():
        line = lines.get(key)
        if key not in SIDECAR_SCHEMA:
            known = ", ".join(sorted(SIDECAR_SCHEMA))
            raise SourceError(path, f"unknown key '{key}' (known keys: {known})", line)
        check, what = SIDECAR_SCHEMA[key]
        if not check(value):
            raise SourceError(path, f"key '{key}' must be {what}, got {value!r}"[:300], line)
        for text in (value if isinstance(value, list) else [value]):
            if isinstance(text, str) and (m := INVISIBLE.search(text)):
                raise SourceError(path, f"key '{key}' contains an invisible control character "
                                        f"(U+{ord(m.group()):04X}): remove it", line)
    if isinstance(data.get("date"), (str, int)):   # an int: a bare year
        data["date_text"] = str(data["date"])      # as precise as given (2024, 2024-07)
        data["date"] = _parse_date(str(data["date"]))
    return data


SLUG_WORDS_MAX = 60   # characters of an article slug made from its English title


def slug_for(stem: str) -> str:
    """The slug made from a file name (the address of an article with no English title,
    and the address every article had before slugs came from titles: seeds/redirects.yml);
    a name with no letters or digits (a Chinese file name) gets one from a hash of the
    name, so two such names do not collide."""
    s = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return s or "s-" + hashlib.sha1(stem.encode("utf-8")).hexdigest()[:10]


def _refusal(path: Path, root: Path) -> str | None:
    """Why a file in seeds/ cannot be a source, or None."""
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root):
            return f"is a symbolic link to {target}, outside the project ({root}): refused"
    if not path.exists():
        return "is a broken symbolic link"
    if not path.is_file():
        return f"is not a regular file (a folder named *{path.suffix}?): rename it or move it out of seeds/"
    return None


def _listed_refusal(entry: os.DirEntry, path: Path, root: Path) -> str | None:
    """_refusal, from a listing's entry: a plain file needs no call to the system."""
    return _refusal(path, root) if entry.is_symlink() or not entry.is_file() else None


def slug_from_title(title: str) -> str:
    """An address from an English title: ASCII letters and digits joined by hyphens,
    apostrophes dropped (Japan's -> japans), cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", re.sub(r"['\u2019]", "", ascii_text.lower())).strip("-")
    if len(s) > SLUG_WORDS_MAX:
        words = s[:SLUG_WORDS_MAX + 1].split("-")[:-1]
        while len(words) > 1 and words[-1] in _TRAILING:   # not "...-lessons-for"
            words.pop()
        s = "-".join(words)
    return s


_TRAILING = {"a", "an", "and", "amid", "at", "for", "from", "in", "of", "on", "or", "the", "to", "with"}


def article_slug(stem: str, meta: dict) -> str:
    """The same in every edition: the sidecar's `slug`, else from `title_en`, else from the
    file name."""
    return meta.get("slug") or (slug_from_title(meta["title_en"]) if meta.get("title_en") else "") \
        or slug_for(stem)


def discover(seeds: Path, parsed=None) -> tuple[list[Source], list[SourceError]]:
    """All sources in seeds/ with their sidecars, and every problem found on the way.
    `parsed`: read_sidecar's."""
    sources, slugs, errors = [], {}, []
    suffixed: dict[str, int] = {}   # slug -> the first number after it not yet tried
    if not seeds.is_dir():
        return [], [SourceError(seeds, "the sources folder does not exist")]
    root = seeds.resolve().parent
    folded: dict[str, Path] = {}
    # One listing, whose entries know their kind: a stat or two per file (its kind, its
    # sidecar's) was a third of a second at 10,000 sources, every build.
    with os.scandir(seeds) as listing:
        entries = {e.name: e for e in listing}
    for name in sorted(entries):
        path = seeds / name
        if path.suffix not in SOURCE_SUFFIXES or path.stem in RESERVED or path.name.startswith("."):
            continue
        # On a case-insensitive file system (macOS, Windows) these are one file: a clone there
        # would silently lose one of them.
        if (same := folded.setdefault(path.name.casefold(), path)) is not path:
            errors.append(SourceError(path, f"differs from {same.name} only in letter case: rename one of them"))
            continue
        sidecar = path.with_suffix(".yml")
        side = entries.get(sidecar.name)
        checked = [(path, entries[name])] + ([(sidecar, side)] if side is not None and side.is_symlink() else [])
        refused = [(p, why) for p, e in checked if (why := _listed_refusal(e, p, root))]
        if refused:
            errors += [SourceError(p, why) for p, why in refused]
            continue
        has_sidecar = side is not None and (not side.is_symlink() or sidecar.exists())
        try:
            meta = read_sidecar(sidecar, parsed) if has_sidecar else {}
        except SourceError as e:
            errors.append(e)
            meta = {}
        slug = article_slug(path.stem, meta)
        if slug in slugs and meta.get("slug"):
            errors.append(SourceError(path, f"address articles/{slug}/ is also that of {slugs[slug].name}; "
                                            f"set a different 'slug' in {sidecar.name}"))
            continue
        if slug in slugs:   # titles alike (or cut alike): the later file, in name order, gets -2, -3 …
            n = suffixed.get(slug, 2)   # those below are taken (searching from 2 each time was quadratic)
            while f"{slug}-{n}" in slugs:
                n += 1
            suffixed[slug] = n + 1
            slug = f"{slug}-{n}"
        slugs[slug] = path
        sources.append(Source(path, path.stem, slug, meta, sidecar if has_sidecar else None))
    return sources, errors

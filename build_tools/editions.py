"""Three editions from one source: 简体中文 (zh-Hans, the cleaned text as it is), 繁體中文
(zh-Hant: every page of the Simplified edition converted with OpenCC) and English.

The Simplified edition's pages go to docs/, the others to docs/zh-Hant/ and docs/en/, each
the docs_dir of its own MkDocs config (mkdocs.zh-Hant.yml, mkdocs.en.yml), so that each
edition has its own search index in its own language."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path


from .config import Settings


@dataclass(frozen=True)
class Edition:
    code: str        # the page's lang attribute and hreflang
    name: str        # as shown in the language switch
    prefix: str      # where it lives below the site root and below docs/


EDITIONS = (Edition("zh-Hans", "简体中文", ""), Edition("zh-Hant", "繁體中文", "zh-Hant/"),
            Edition("en", "English", "en/"))
EDITION_DIRS = tuple(e.prefix.rstrip("/") for e in EDITIONS if e.prefix)

# URLs (ASCII; percent-encoded if they hold CJK), Markdown link targets, anchors, HTML tags.
_URL = re.compile(r"https?://[\x21-\x7e]+|\]\([\x21-\x7e]*\)|\{: #[^}]*\}|<[^<>\n]+>")
_HOLE = "\ue000"


class Converter:
    """OpenCC with the configured profile (s2tw by default) and the repo's phrase dictionary
    (seeds/opencc_phrases.txt, OpenCC's own text format) taking precedence. URLs, link
    targets, anchors and HTML tags pass through unchanged; Latin text OpenCC leaves alone."""

    def __init__(self, settings: Settings):
        import opencc
        share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
        conf = json.loads((share / f"{settings.opencc_profile}.json").read_text(encoding="utf-8"))

        def absolutize(node):
            if isinstance(node, dict):
                if node.get("type") == "ocd2":
                    node["file"] = str(share / node["file"])
                for v in node.values():
                    absolutize(v)
            elif isinstance(node, list):
                for v in node:
                    absolutize(v)
        absolutize(conf)
        phrases = settings.seeds / "opencc_phrases.txt"
        if phrases.exists():
            mine = {"type": "text", "file": str(phrases.resolve())}
            conf["segmentation"]["dict"]["dicts"].insert(0, mine)
            conf["conversion_chain"][0]["dict"]["dicts"].insert(0, mine)
        path = settings.cache / f"opencc-{settings.opencc_profile}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(conf, ensure_ascii=False, indent=1)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        self._cc = opencc.OpenCC(str(path))

    def __call__(self, text: str) -> str:
        # One OpenCC call per text, not one per run between tags: every protected span
        # stands in as a private-use character (which OpenCC leaves alone) while converting.
        kept = [m.group() for m in _URL.finditer(text)]
        if _HOLE in text or not kept:
            return self._convert_runs(text) if kept else self._cc.convert(text)
        converted = self._cc.convert(_URL.sub(_HOLE, text)).split(_HOLE)
        if len(converted) != len(kept) + 1:
            return self._convert_runs(text)
        return "".join(part + (kept[k] if k < len(kept) else "") for k, part in enumerate(converted))

    def _convert_runs(self, text: str) -> str:
        out, pos = [], 0
        for m in _URL.finditer(text):
            out.append(self._cc.convert(text[pos:m.start()]))
            out.append(m.group())
            pos = m.end()
        out.append(self._cc.convert(text[pos:]))
        return "".join(out)


_converters: dict[tuple, Converter] = {}


def converter(settings: Settings) -> Converter:
    """One converter per profile and phrase-dictionary version (building OpenCC is slow)."""
    phrases = settings.seeds / "opencc_phrases.txt"
    key = (settings.opencc_profile, str(phrases), phrases.stat().st_mtime_ns if phrases.exists() else 0)
    if key not in _converters:
        _converters[key] = Converter(settings)
    return _converters[key]


class KeptConversions:
    """A converter whose results are kept across builds (a cache file, keyed by the text and
    the converter's settings): the 繁體中文 view of an unchanged article costs lookups, not
    OpenCC runs, so an incremental build does not convert the corpus again."""

    def __init__(self, settings: Settings):
        from .memo import PersistentMemo
        self._convert = converter(settings)
        self._stamp = converter_id(settings) + "\0"
        self._memo = PersistentMemo(settings.cache / "zh-Hant-text.pickle")

    def __call__(self, text: str) -> str:
        return self._memo.through(self._stamp + text, self._convert, text)

    def save(self) -> None:
        self._memo.save()


def converter_id(settings: Settings) -> str:
    """Changes whenever the conversion would: the profile and the phrase dictionary."""
    phrases = settings.seeds / "opencc_phrases.txt"
    data = phrases.read_bytes() if phrases.exists() else b""
    return settings.opencc_profile + ":" + hashlib.sha256(data).hexdigest()[:16]


def tag_names(settings: Settings) -> dict[str, str]:
    """seeds/tags.yml: Chinese tag -> English name."""
    from .reading import SourceError
    from .safe_yaml import load_yaml
    path = settings.seeds / "tags.yml"
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise SourceError(path, f"cannot read as UTF-8 text: {e}") from None
    data, node = load_yaml(text, path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(path, "must map each Chinese tag to its English name", 1)
    for k, v in node.value:
        if not isinstance(data.get(k.value), str) or not isinstance(k.value, str):
            raise SourceError(path, f"tag {k.value!r}: the English name must be text", k.start_mark.line + 1)
    return data


def handwritten(settings: Settings) -> dict[str, bytes]:
    """The hand-written files of docs/ (guide pages, assets), which every edition shares
    (the generated folders, thousands of files in a large corpus, are not walked)."""
    out = {}
    generated = set(settings.generated)
    if not settings.docs.is_dir():
        return out
    for top in sorted(settings.docs.iterdir()):
        if top.name in generated:
            continue
        for path in [top] if top.is_file() else sorted(top.rglob("*")):
            if path.is_file():
                out[path.relative_to(settings.docs).as_posix()] = path.read_bytes()
    return out

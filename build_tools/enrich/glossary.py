"""The curated glossary (seeds/glossary.yml): load and validate it, and find its terms in
running Chinese text by longest match (word boundaries do not exist inside Chinese, so
`\\b`-based abbreviation matching would mark nothing)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


from ..reading import INVISIBLE, SourceError
from ..safe_yaml import load_yaml

KINDS = ("concept", "policy", "law", "agreement", "organization", "programme", "place",
         "person", "slogan")
REQUIRED = ("zh", "en", "kind", "def_zh", "def_en")


@dataclass
class Term:
    zh: str
    en: str
    kind: str
    def_zh: str
    def_en: str
    pinyin: str = ""
    aliases: list[str] = field(default_factory=list)
    en_alt: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    line: int = 0

    @property
    def forms(self) -> list[str]:
        return [self.zh, *self.aliases]

    @cached_property
    def slug(self) -> str:
        base = unicodedata.normalize("NFKD", self.pinyin or "")
        base = "".join(c for c in base if not unicodedata.combining(c))
        s = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")
        return s or "term-" + "-".join(f"{ord(c):x}" for c in self.zh[:4])


def load_glossary(path: Path) -> list[Term]:
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise SourceError(path, f"cannot read the glossary as UTF-8 text: {e}") from None
    data, node = load_yaml(text, path)
    data = data or []
    if not isinstance(data, list):
        raise SourceError(path, "the glossary must be a list of entries", 1)
    terms, errors = [], []
    for entry, item in zip(node.value if node else [], data):
        line = entry.start_mark.line + 1
        if not isinstance(item, dict):
            errors.append(SourceError(path, "an entry must be a mapping", line))
            continue
        missing = [k for k in REQUIRED if not isinstance(item.get(k), str) or not item[k].strip()]
        if missing:
            errors.append(SourceError(path, f"entry {item.get('zh', '?')!r}: missing {', '.join(missing)}", line))
            continue
        unknown = set(item) - {"zh", "en", "kind", "def_zh", "def_en", "pinyin", "aliases", "en_alt",
                               "related", "tags"}
        if unknown:
            errors.append(SourceError(path, f"entry {item['zh']!r}: unknown key(s) {sorted(unknown)}", line))
        if item["kind"] not in KINDS:
            errors.append(SourceError(path, f"entry {item['zh']!r}: kind must be one of {', '.join(KINDS)}", line))
        wrong = [k for k in ("pinyin",) if k in item and not isinstance(item[k], str)]
        wrong += [k for k in ("aliases", "en_alt", "related", "tags") if k in item and not (
            isinstance(item[k], list) and all(isinstance(x, str) and x.strip() for x in item[k]))]
        if wrong:
            errors.append(SourceError(path, f"entry {item['zh']!r}: {', '.join(wrong)} must be "
                                            "text (pinyin) or a list of strings", line))
            continue
        strings = [item[k] for k in REQUIRED] + [item.get("pinyin", "")] + [
            x for k in ("aliases", "en_alt", "related", "tags") for x in item.get(k, [])]
        if any(INVISIBLE.search(x) or "\n" in x or "\t" in x for x in strings):
            errors.append(SourceError(path, f"entry {item['zh']!r}: contains an invisible control character", line))
            continue
        terms.append(Term(line=line, **{k: v for k, v in item.items() if k in Term.__dataclass_fields__}))
    seen: dict[str, Term] = {}
    for t in terms:
        for form in t.forms:
            if form in seen and seen[form] is not t:
                errors.append(SourceError(path, f"'{form}' is listed twice (entries {seen[form].zh!r} "
                                                f"and {t.zh!r})", t.line))
            seen[form] = t
    slugs: dict[str, Term] = {}
    for t in terms:   # one page per term: two terms may not share one
        if t.slug in slugs:
            errors.append(SourceError(path, f"entry {t.zh!r}: its page glossary/{t.slug}.md is also "
                                            f"entry {slugs[t.slug].zh!r}'s (line {slugs[t.slug].line}): "
                                            "give one of them a different pinyin", t.line))
        slugs.setdefault(t.slug, t)
    names = {t.zh for t in terms}
    for t in terms:
        for r in t.related:
            if r not in names:
                errors.append(SourceError(path, f"entry {t.zh!r}: related term {r!r} is not in the glossary", t.line))
    if errors:
        raise GlossaryError(errors)
    return terms


class GlossaryError(Exception):
    def __init__(self, errors: list[SourceError]):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))


class Matcher:
    """Longest-match scanning of all term forms; a match never starts inside another."""

    def __init__(self, terms: list[Term]):
        self.by_form = {f: t for t in terms for f in t.forms if f}
        self.lengths = sorted({len(f) for f in self.by_form}, reverse=True)
        # One alternation of every form, longest first: re tries alternatives in order, so
        # the match at a position is the longest form there, and the search skips in C over
        # text where no form starts.
        forms = sorted(self.by_form, key=lambda f: (-len(f), f))
        self.pattern = re.compile("|".join(map(re.escape, forms))) if forms else None

    def find(self, text: str, blocked: set[int] = frozenset()) -> list[tuple[int, int, Term]]:
        """(start, end, term) for each match; a match may not contain a blocked offset
        (a footnote reference, say) strictly inside it."""
        out: list[tuple[int, int, Term]] = []
        if self.pattern is None:
            return out
        search, by_form, pos = self.pattern.search, self.by_form, 0
        while m := search(text, pos):
            i, end = m.span()
            if blocked and any(i < b < end for b in blocked):
                # The longest form here is cut by a note: try the shorter ones.
                hit = self._at(text, i, blocked)
                if hit:
                    out.append(hit)
                    pos = hit[1]
                else:
                    pos = i + 1
                continue
            out.append((i, end, by_form[m.group()]))
            pos = end
        return out

    def _at(self, text: str, i: int, blocked) -> tuple[int, int, Term] | None:
        """The longest form at offset i that contains no blocked offset."""
        for length in self.lengths:
            t = self.by_form.get(text[i:i + length])
            if t and i + length <= len(text) and not any(i < b < i + length for b in blocked):
                return i, i + length, t
        return None

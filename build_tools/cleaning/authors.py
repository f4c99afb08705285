"""Author lines: bylines ("作者：", "文/"), names of 2-4 characters or transliterated
with "·", the bios that match them, and affiliation marks and lines under a byline."""
from __future__ import annotations

import re

from ..text import is_ideograph, tidy_spacing
from .core import LIFTED, Draft


_BYLINE = re.compile(r"^(?:以下文章作者|以下文章来源于|作\s*者\s*[：:|｜]|文\s*[/／|｜]|撰文\s*[：:]|[Bb]y\s"
                     r"|(?:本报|本刊|新华社)?(?:特约)?(?:记者|通讯员|评论员)\s*[：:]?(?=\s*[\u4e00-\u9fff]))\s*(.+)$")


_NAME_SEP = re.compile(r"[\s、，,；;]+")


def _name_token(t: str) -> bool:
    """A Chinese name of 1-4 characters (or part of one), or a transliterated name whose
    parts, each of 1-6 characters, are joined by "·" ("艾尔肯·吐尼亚孜")."""
    parts = t.split("·")
    if len(parts) == 1:
        return 1 <= len(t) <= 4 and all(is_ideograph(c) for c in t)
    return len(parts) <= 3 and all(1 <= len(p) <= 6 and all(is_ideograph(c) for c in p) for p in parts)


# Affiliation marks after a name: "张三1,2", "李四²", "王五*".
_AFFILIATION_MARK = re.compile(r"(?<=[\u4e00-\u9fff])(?:[\d¹²³⁴-⁹]+(?:[,，][\d¹²³⁴-⁹]+)*[*＊†‡]?|[*＊†‡]+)")


def _names(text: str) -> list[str] | None:
    """Author names from a name-only line ("郝宇彪 明 莹", "张三1,2 李四2"), or None if it
    is not one."""
    text = _AFFILIATION_MARK.sub(" ", text)
    if len(text) > 40 or not text.strip():
        return None
    tokens = [t for t in _NAME_SEP.split(text) if t]
    if not tokens or len(tokens) > 8:
        return None
    if not all(_name_token(t) for t in tokens):
        return None
    if len(tokens) == 1 and len(tokens[0]) < 2:
        return None
    names: list[str] = []
    for t in tokens:  # extractors split two-character names: "明 莹"
        if len(t) == 1 and names and len(names[-1]) == 1:
            names[-1] += t
        else:
            names.append(t)
    return names if all(len(n) >= 2 for n in names) else None


def _match_bios(names: list[str], bios: str) -> list[str]:
    """Prefer the names as the author bios spell them when they cover the same characters."""
    bio_names = [m.group(1) for m in re.finditer(r"(?:^|[；;\n])\s*([\u4e00-\u9fff·]{2,4})[，,（(]", bios)]
    if bio_names and "".join(bio_names) == "".join(names):
        return bio_names
    return names


def _lift_affiliations(draft: Draft, byline: int) -> None:
    """The authors' affiliations under the byline: a line (or a few, while the bracket is
    open) wholly in brackets — "（1. 北京大学 经济学院，北京 100871；2. ……）"."""
    start = draft.next_content(byline)
    if start is None or draft.lines[start].text[:1] not in "（(":
        return
    span, text = [], ""
    k = start
    while k is not None and len(span) < 4:
        text += draft.lines[k].text
        span.append(k)
        if text.count("（") + text.count("(") <= text.count("）") + text.count(")"):
            break
        k = draft.next_content(k)
    if text[-1:] not in "）)" or text.count("（") + text.count("(") != text.count("）") + text.count(")"):
        return
    draft.doc.metadata["affiliations"] = tidy_spacing(text)
    for k in span:
        draft.lines[k].kind = LIFTED

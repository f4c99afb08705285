"""Key figures: quantities stated in the text — amounts with units, shares and growth
rates, counts — with the year or period they belong to, what they measure, and the phrase
they are quoted from. Values are kept exactly as printed (misprints included)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Paragraph
from .segment import cut

UNITS = ("万亿美元|亿美元|千万美元|万美元|亿欧元|万欧元|亿日元|万亿元|亿元|万元|美元|欧元|"
         "亿人|万人|万个|万家|个百分点|百分点|%|％|倍|家|种|项|个|人|吨|万吨")
_NUMBER = r"\d+(?:[ ,，]\d{3})*(?:\.\d+)?"
_QUANTITY = re.compile(rf"(?P<value>{_NUMBER}(?:\s*[-—–~至到]\s*{_NUMBER})?)\s*(?P<unit>{UNITS})")
_PERIOD = re.compile(r"(\d{4})\s*(?:年\s*)?(?:[-—–~至到]\s*(\d{4}))?\s*年")
_CLAUSE = re.compile(r"[^，。；！？,;]+")
_GROWTH = re.compile(r"增长|增速|增幅|下降|下滑|提高|提升|上升|降低|减少|增加")
_LEAD_VERBS = re.compile(r"(?:约为|高达|达到|达|为|是|约|超过|超|近|仅|占|至|到|共|计|了|的|有|从|由)+$")


@dataclass
class KeyFigure:
    value: str
    unit: str
    year: str
    what: str
    phrase: str
    block: int
    kind: str   # amount, share, growth, count


def _what(prefix: str) -> str:
    """What a quantity measures, from the words before it ("出口额为7430.4亿美元")."""
    prefix = _PERIOD.sub("", prefix)
    prefix = re.sub(r"^(?:其中|同时|此外|截至|自|从|在|到|而|但|并且?|分别|的)+", "", prefix.strip())
    prefix = _LEAD_VERBS.sub("", prefix).strip("：:、 ")
    if len(prefix) <= 18:
        return prefix
    words, out = cut(prefix), ""
    while words and len(out) + len(words[-1]) <= 18:
        out = words.pop() + out
    return out


_COUNTED = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,14}?(?=[、，。；和及与以（(]|$)")


def _kind(unit: str, clause: str) -> str:
    if unit in ("%", "％", "个百分点", "百分点"):
        return "growth" if _GROWTH.search(clause) else "share"
    if unit in ("家", "种", "项", "个", "人", "万人", "亿人", "万个", "万家", "倍"):
        return "count"
    return "amount"


PRIORITY = {"amount": 0, "growth": 1, "share": 2, "count": 3}


def key_figures(doc: Document, limit: int = 12) -> list[KeyFigure]:
    """The article's key figures in reading order: a value stated twice is listed once, and
    past `limit` amounts and rates are kept before shares and counts."""
    every = all_figures(doc)
    seen, unique = set(), []
    for f in every:
        if (f.value, f.unit) not in seen:
            seen.add((f.value, f.unit))
            unique.append(f)
    keep = sorted(unique, key=lambda f: PRIORITY[f.kind])[:limit]
    return [f for f in unique if f in keep]


def all_figures(doc: Document) -> list[KeyFigure]:
    out: list[KeyFigure] = []
    for i, b in enumerate(doc.blocks):
        if not isinstance(b, Paragraph):
            continue
        for sentence in re.findall(r"[^。！？]+[。！？]?", b.text):
            out += _in_sentence(sentence, i)
    return out


def _in_sentence(sentence: str, block: int) -> list[KeyFigure]:
    """A year or period applies to the quantities after it in the same sentence."""
    out, period = [], ""
    for cm in _CLAUSE.finditer(sentence):
        clause = cm.group()
        years = list(_PERIOD.finditer(clause))
        for m in _QUANTITY.finditer(clause):
            before = [y for y in years if y.end() <= m.start()]
            if before:  # the nearest year or period stated before the quantity
                y = before[-1]
                period = y.group(1) + (f"—{y.group(2)}" if y.group(2) else "")
            if m.group("unit") in ("个", "种", "项") and clause[max(0, m.start() - 1):m.start()] == "第":
                continue  # an ordinal ("第2个"), not a quantity
            kind = _kind(m.group("unit"), clause)
            if kind == "count" and (after := _COUNTED.match(clause, m.end())):
                what = after.group()   # "91个电池项目": what is counted follows the unit
            elif out and out[-1].phrase == clause.strip():
                what = out[-1].what    # "从3 200亿美元增长至4 220亿美元"
            else:
                what = _what(clause[:m.start()])
            if not what:
                continue
            out.append(KeyFigure(m.group("value"), m.group("unit"), period, what,
                                 clause.strip(), block, kind))
    return out

"""Key figures: quantities stated in the text and in table cells — amounts, shares, growth
rates, counts, ratios — each with its qualifier (超过 → ">", 约 → "≈", 余 → "+"), the year
or period stated in the same sentence, a label naming what is measured, and the phrase it is
quoted from. A change ("从2019年的A增至2023年的B") or a range is one row. Values are kept
exactly as printed (misprints included, Chinese numerals too: 八成, 五百余, 三分之一); what
is recognized is data (build_tools/data/figures.yml)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Document, Paragraph, Table
from .labels import label

_DATA = Path(__file__).parent.parent / "data" / "figures.yml"
_ARABIC = r"(?<![\d.])\d+(?:[ ,，]\d{3})*(?:\.\d+)?"
_CN_DIGIT = "一二两三四五六七八九"
_CN = rf"[{_CN_DIGIT}十][零〇{_CN_DIGIT}十百千万]*"
_PERIOD = re.compile(r"(\d{4})\s*(?:年\s*)?(?:[-—–~至到]\s*(\d{4}))?\s*年")
_CLAUSE = re.compile(r"[^，。；！？,;]+")
_SENTENCE = re.compile(r"[^。！？]+[。！？]?")


@dataclass
class KeyFigure:
    value: str          # as printed: "7430.4", "8 770", "3300-3500", "八成", "三分之一"
    unit: str
    year: str           # "2018", "2019—2023", "" when the sentence states none
    what: str
    phrase: str
    block: int          # the paragraph it is quoted from (a table's caption for a cell)
    kind: str           # amount, share, growth, count, ratio
    qualifier: str = ""     # ">", "≈", "+", "<", "≥"
    to: str = ""            # the end of a change, as printed with its unit: "4 220亿美元"
    to_qualifier: str = ""
    listed: bool = False        # a later value of a list ("25.7%、23.8%、…") sharing a label
    conditional: bool = False   # stated under a hypothesis ("如果…下降2%")

    @property
    def shown(self) -> str:
        """The value for a reader: qualifier and value as printed, then the change's end."""
        plus = self.qualifier == "+"
        out = ("" if plus else self.qualifier) + self.value + ("+" if plus else "")
        if self.to:
            out += f" → {self.to_qualifier}{self.to}"
        return out


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    kind_of = {u: k for k, us in data["units"].items() for u in us}
    units = "|".join(map(re.escape, sorted(kind_of, key=len, reverse=True)))
    q = data["qualifiers"]

    def alternatives(group):
        return {w: sym for sym, ws in group.items() for w in ws}
    before, between, after = (alternatives(q[k]) for k in ("before", "between", "after"))
    alt = lambda d: "|".join(map(re.escape, sorted(d, key=len, reverse=True)))   # noqa: E731
    quantity = re.compile(
        rf"(?P<before>{alt(before)})?"
        rf"(?:(?P<fraction>(?:{_CN}|\d+)分之(?:{_CN}|\d+)|百分之{_CN}(?:点[零〇{_CN_DIGIT}]+)?)"
        rf"|(?P<value>{_ARABIC}(?:\s*[-—–~至到]\s*{_ARABIC})?|{_CN})\s*(?P<between>{alt(between)})?\s*(?P<unit>{units}))"
        rf"(?P<after>{alt(after)})?")
    return {"kind_of": kind_of, "quantity": quantity, "before": before, "between": between,
            "after": after, "growth": re.compile("|".join(map(re.escape, data["growth"]))),
            "join": re.compile(rf"^\s*的?\s*[\u4e00-\u9fff]{{0,4}}?(?:{alt({w: 1 for w in data['change_join']})})\s*(?:\d{{4}}\s*年)?\s*(?:的)?\s*$"),
            "min_count": data["min_count"]}


def chinese_number(text: str) -> float | None:
    """The value of a Chinese numeral (五百, 三十, 两, 一万二千), None if it is not one."""
    digits = {c: i + 1 for i, c in enumerate(_CN_DIGIT)} | {"两": 2, "零": 0, "〇": 0}
    digits["二"] = 2
    scale = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
    total, section, digit = 0, 0, None
    for c in text:
        if c in digits:
            digit = digits[c]
        elif c in scale:
            if scale[c] == 10_000:
                total, section = (total + section + (digit or 0)) * 10_000, 0
            else:
                section += (digit if digit is not None else 1) * scale[c]
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def _number(value: str) -> float | None:
    first = re.split(r"\s*[-—–~至到]\s*", value)[0]
    try:
        return float(re.sub(r"[ ,，]", "", first))
    except ValueError:
        return chinese_number(first)


def _period(m: re.Match) -> str:
    return m.group(1) + (f"—{m.group(2)}" if m.group(2) else "")


def _year(sentence: str, start: int) -> str:
    """The nearest year or period stated before the quantity in its sentence, else the first
    one after it."""
    years = list(_PERIOD.finditer(sentence))
    before = [y for y in years if y.end() <= start]
    if before:
        return _period(before[-1])
    return _period(years[0]) if years else ""


def _kind(unit: str, clause: str) -> str:
    kind = _rules()["kind_of"].get(unit, "share")
    if kind == "share" and _rules()["growth"].search(clause):
        return "growth"
    return kind


def _quantities(sentence: str):
    """(match, value, unit) for each quantity, ordinals ("第2个") and small enumerations
    ("4个阶段") left out."""
    rules = _rules()
    for m in rules["quantity"].finditer(sentence):
        value, unit = (m.group("fraction"), "") if m.group("fraction") else (m.group("value"), m.group("unit"))
        if sentence[max(0, m.start() - 1):m.start()] == "第" or sentence[m.end():m.end() + 1] in ("月", "代", "号"):
            continue
        chinese = not re.match(r"\d", value) and not m.group("fraction")
        kind = rules["kind_of"].get(unit, "share")
        if chinese and unit == "成" and sentence[m.end():m.end() + 1] in set("为功本员长立熟型果就交效绩不"):
            continue   # 一成不变, 八成为…: a word, not a share
        if chinese and kind == "count" and not re.search("[十百千万]", value):
            continue   # 三个层次: an enumeration
        if kind == "count" and (n := _number(value)) is not None and n < rules["min_count"]:
            continue
        if chinese and kind == "amount" and not re.search("[十百千万]", value):
            continue
        yield m, value, unit


def _in_sentence(sentence: str, block: int, context: str = "", previous: KeyFigure | None = None) -> list[KeyFigure]:
    rules = _rules()
    out: list[KeyFigure] = []
    found = list(_quantities(sentence))
    clauses = [(c.start(), c.end()) for c in _CLAUSE.finditer(sentence)]
    skip = set()
    for n, (m, value, unit) in enumerate(found):
        if n in skip:
            continue
        c0, c1 = next(((a, b) for a, b in clauses if a <= m.start() < b), (0, len(sentence)))
        clause_before = sentence[c0:m.start()]
        qualifier = rules["before"].get(m.group("before") or "", "")
        qualifier = qualifier or rules["between"].get(m.group("between") or "", "")
        qualifier = qualifier or rules["after"].get(m.group("after") or "", "")
        fig = KeyFigure(value, unit, _year(sentence, m.start()), "", sentence[c0:c1].strip(), block,
                        _kind(unit, sentence[c0:c1]), qualifier)
        # a change: "从[year的]A … 增至[year的]B", both ends in one clause, one row
        if n + 1 < len(found) and ("从" in clause_before or "由" in clause_before[-12:]):
            m2, value2, unit2 = found[n + 1]
            if m2.start() < c1 and rules["join"].match(re.sub(r"\d{4}\s*年", "", sentence[m.end():m2.start()])):
                skip.add(n + 1)
                q2 = rules["before"].get(m2.group("before") or "", "") or rules["between"].get(m2.group("between") or "", "")
                fig.to, fig.to_qualifier = value2 + (unit2 if unit2 != unit else ""), q2
                y2 = [y for y in _PERIOD.finditer(sentence, m.end(), m2.start())]
                y1 = [y for y in _PERIOD.finditer(sentence, c0, m.start())]
                if y1 and y2:
                    fig.year = f"{y1[-1].group(1)}—{y2[-1].group(1)}"
                fig.phrase = sentence[c0:max(c1, m2.end())].strip()
        prev_end = found[n - 1][0].end() if n else 0
        gap = sentence[prev_end:m.start()] if n else "x"
        if out and re.fullmatch(r"[、，,和及与以及\s]*", gap):
            fig.what = out[-1].what      # "25.7%、23.8%、…": one label for a list of values
            fig.phrase = out[-1].phrase if fig.phrase in out[-1].phrase else out[-1].phrase + "，" + fig.phrase
            if fig.kind == "share" and out[-1].kind == "growth":
                fig.kind = "growth"
        else:
            fig.what = label(sentence, c0, max(c0, prev_end), m.start(), m.end(), c1, fig.kind, context,
                             rules["quantity"])
        if not fig.what and fig.kind == "growth" and (prev := out[-1] if out else previous):
            # "出口22.8亿元，增长24.4%": a rate with nothing named before it is the growth
            # of the quantity stated just before
            verb = rules["growth"].findall(clause_before)
            fig.what = prev.what + (verb[-1] if verb else "")
        fig.listed = n > 0 and fig.what == out[-1].what if out else False
        fig.conditional = bool(re.search(r"如果|若|假如|假设|一旦", sentence[:m.start()]))
        if fig.what:
            out.append(fig)
    return out


def all_figures(doc: Document) -> list[KeyFigure]:
    out: list[KeyFigure] = []
    caption = -1
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Paragraph):
            caption = i
            for sentence in _SENTENCE.findall(b.text):
                last = out[-1] if out and out[-1].block == i else None
                out += _in_sentence(sentence, i, previous=last)
        elif isinstance(b, Table) and b.rows:
            # a cell is read with its column's heading (or its row's) as context
            # a cross table (top-left cell empty) names its subjects in the column headings;
            # otherwise the row's first cell does (a blank one continues the row above)
            head, entity = b.rows[0], ""
            for row in b.rows[1:]:
                entity = row[0].strip() or entity
                for j, cell in enumerate(row):
                    context = (head[j] if j < len(head) else "") if not head[0].strip() else entity
                    for sentence in _SENTENCE.findall(cell):
                        out += _in_sentence(sentence, caption, context.strip())
    return out


def _score(f: KeyFigure) -> float:
    """How much a reader would want the row: a dated figure, a change, a well-named one;
    later members of a list and hypotheses less."""
    return ((1 if f.year else 0) + (2 if f.to else 0) + (1 if len(f.what) >= 4 else 0)
            + (0.5 if f.qualifier else 0) - (1.5 if f.listed else 0) - (2 if f.conditional else 0))


def key_figures(doc: Document, limit: int | None = None) -> list[KeyFigure]:
    """The article's key figures in reading order: a value stated twice is listed once, and
    the best of each kind are taken in turn (amounts, shares, growth, counts, ratios), so a
    cap keeps a mix, not just amounts."""
    seen, unique = set(), []
    for f in all_figures(doc):
        key = (f.value, f.unit, f.to)
        if key not in seen and not any(f.value == g.to.removesuffix(f.unit) for g in unique if g.to):
            seen.add(key)
            unique.append(f)
    if limit is None:   # all of a few; past 20, a third of the rest, at most 24
        limit = len(unique) if len(unique) <= 20 else min(24, 20 + (len(unique) - 20) // 3)
    by_kind: dict[str, list[KeyFigure]] = {}
    for f in sorted(unique, key=lambda f: -_score(f)):
        by_kind.setdefault(f.kind, []).append(f)
    keep: list[KeyFigure] = []
    while len(keep) < limit and any(by_kind.values()):
        for kind in ("amount", "share", "growth", "count", "ratio"):
            if by_kind.get(kind) and len(keep) < limit:
                keep.append(by_kind[kind].pop(0))
    kept = {id(f) for f in keep}
    return [f for f in unique if id(f) in kept]

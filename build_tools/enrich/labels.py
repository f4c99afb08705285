"""What a key figure measures, from the clause it is stated in: the subject (the clause's
first noun phrase) and the metric (the noun phrase nearest before the value, or the one the
value qualifies: "20%的制造业中间品贸易", "2 292家日本企业"), found with jieba's parts of
speech. A word that names nothing on its own (也, 主要分成, 全球: data, figures.yml) is never
a label by itself."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from .segment import jieba

_DATA = Path(__file__).parent.parent / "data" / "figures.yml"
_PERIOD = re.compile(r"(?:截至|截止|自|从|到|至|在)?\d{4}\s*(?:年\s*)?(?:[-—–~至到]\s*\d{4}\s*)?年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来|后|前|初|底|末|间)?")
_TITLE = re.compile(r"《[^《》]{1,40}》|“[^“”]{1,20}”")
_NOMINAL = ("n", "vn", "j", "eng", "an", "nz", "l")
_PLACE = ("ns", "nr", "nt")


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(_DATA.read_text(encoding="utf-8"))


def _weak() -> frozenset[str]:
    return frozenset(_data()["weak_labels"])


@lru_cache(maxsize=1)
def _whole() -> re.Pattern:
    metrics = "|".join(map(re.escape, sorted(_data()["metric_words"], key=len, reverse=True)))
    return re.compile(rf"{_TITLE.pattern}|{metrics}")


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech), with book titles, quoted names and metric words kept whole
    (as nouns)."""
    import jieba.posseg as posseg
    jieba()
    out, pos = [], 0
    for m in list(_whole().finditer(text)) + [None]:
        end = m.start() if m else len(text)
        out += [(w.word, w.flag) for w in posseg.cut(text[pos:end])]
        if m:
            out.append((m.group(), "nz" if m.group()[0] in "《“" else "n"))
            pos = m.end()
    return tuple(out)


def _runs(text: str) -> list[list[tuple[str, str]]]:
    """Noun phrases: runs of nouns (names, verbal nouns, titles), joined by 的 and numbers
    that name ("清单1"), with a preposition before a place kept ("对美出口")."""
    tagged, runs, run = _tagged(text), [], []
    for i, (w, f) in enumerate(tagged):
        nominal = f.startswith(_NOMINAL) or f.startswith(_PLACE)
        next_place = i + 1 < len(tagged) and tagged[i + 1][1].startswith(_PLACE)
        joiner = run and i + 1 < len(tagged) and (
            w in ("的", "占") or (f in ("m", "x", "eng") and re.fullmatch(r"[0-9A-Za-z]+", w)) or (w == "对" and next_place))
        lead = not run and f == "p" and w in ("对", "在", "向") and next_place
        if nominal or joiner or lead:
            run.append((w, f))
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    for r in runs:
        while r and (r[-1][0] in ("的", "占", "对") or r[-1][1] in ("p", "m", "f") or r[-1][0] in _weak()):
            r.pop()
        # leading function words go, but a preposition before a place stays ("对美出口")
        while r and r[0][0] in _weak() and (r[0][1] not in ("p", "n", "vn") or r[0][1] == "p" and not (
                len(r) > 1 and r[1][1].startswith(_PLACE))):
            r.pop(0)
    return [r for r in runs if r]


def _text(run, limit: int) -> str:
    out = ""
    for w, _ in reversed(run):
        if out and len(out) + len(w) > limit:
            break
        out = w + out
    return out


def _weak_run(run) -> bool:
    return all(w in _weak() or f.startswith(_PLACE) for w, f in run)


def _after_phrase(after: str, limit: int = 12) -> str:
    """What a value qualifies ("的制造业中间品贸易来自中国" -> 制造业中间品贸易; "家日本企业退出"
    -> 日本企业): the words after it up to the first verb that follows a noun, or the first
    的 after a noun phrase of four characters or more."""
    after = after.removeprefix("的")
    tagged, out, nouned = _tagged(after), "", False
    if not tagged or not tagged[0][1].startswith(_NOMINAL + _PLACE + ("a", "b", "f")):
        return ""
    for w, f in tagged:
        if f == "x" and not re.fullmatch(r"[0-9A-Za-z]+", w) or f in ("p", "d", "c") and nouned:
            break
        if f.startswith("v") and f != "vn" and nouned:
            break
        if w == "的" and nouned and len(out) >= 4 or f == "f" and nouned:
            break
        if len(out) + len(w) > limit:
            break
        out += w
        nouned = nouned or (f.startswith(_NOMINAL) and not f.startswith(_PLACE))
    return out if nouned else ""


def label(sentence: str, c0: int, seg0: int, start: int, end: int, c1: int, kind: str, context: str = "",
          quantities: re.Pattern | None = None) -> str:
    """The label of the quantity at sentence[start:end], in the clause sentence[c0:c1]; the
    words it is named by start at seg0 (after the previous quantity)."""
    before = _PERIOD.sub("", sentence[seg0:start])
    before = re.sub(r"[（(\[]$", "", before.strip())
    if not [r for r in _runs(before) if not _weak_run(r)] and quantities is not None:
        before = re.sub(r"[（(\[]$", "", quantities.sub("", _PERIOD.sub("", sentence[c0:start])).strip())
    after = sentence[end:c1]
    runs = [r for r in _runs(before) if not _weak_run(r) or r[-1][1].startswith(_PLACE)]
    strong = [r for r in runs if not _weak_run(r)]
    counted = _after_phrase(after, 14) if kind == "count" and not after.startswith("的") else ""
    if counted:
        # the subject of a count is a place or a short name before the first value of the clause
        runs = [r for r in _runs(_subject_text(before)) if not _weak_run(r) or r[-1][1].startswith(_PLACE)]
        subject = _text(runs[0], 6) if runs and seg0 == c0 and len(_text(runs[0], 6)) <= 6 and runs[0][-1][1] != "nz" else ""
        what = counted if not subject or subject in counted else subject + counted
    elif strong:
        first, last = (runs[0] if seg0 == c0 else strong[-1]), strong[-1]
        if "".join(w for w, _ in last) in _data()["scope_words"] and first is not last:
            return _finish(_text(first, 10) + "占" + _text(last, 4), context)
        what = _text(last, 14) if first is last or first == last else _text(first, 8) + _text(last, 12)
        if first is not last and re.search("占(?!比)", before) and not re.search("比重|占比|份额|比例", _text(last, 12)):
            what = _text(first, 8) + "占" + _text(last, 10)    # "A的出口额占B出口总额的25.7%"
        if _weak_run(runs[0]) and first is not last and len(_text(first, 6) + _text(last, 12)) > 18:
            what = _text(last, 14)
        tail = _after_phrase(after)
        if tail and tail not in what:
            what += tail
    else:
        # nothing named before the value: what it qualifies, with the sentence's subject
        tail = _after_phrase(after)
        subject_runs = [r for r in _runs(_PERIOD.sub("", sentence[:c0] or before)) if not _weak_run(r)]
        places = [r for r in runs if r[-1][1].startswith(_PLACE)]
        subject = _text(places[-1], 6) if places else (_text(subject_runs[0], 8) if subject_runs else "")
        what = subject + tail if tail else ""
    if not what and context:
        # a table cell names its subject in its row or column: the cell's own words around
        # the value say what it is for ("投入…帮助南非燃煤电站改造")
        what = re.split(r"[，,；;、（(]", before + "…" + after.removeprefix("的"))[0][:16].strip("…")
    if 0 < len(what) <= 4:
        # a bare metric ("占比", "就业人数"): with the clause's or the sentence's subject
        for text in (sentence[c0:seg0], _subject_text(sentence[:c1])):
            subject = [r for r in _runs(text) if (not _weak_run(r) or r[-1][1].startswith(_PLACE))
                       and r[0][0][0] not in "《“"]
            if subject and (s := _text(subject[0], 8)) not in what and what not in s:
                what = s + what
                break
    return _finish(what, context)


def _subject_text(text: str) -> str:
    """The sentence up to the value, without the clauses that name a source ("根据…报告，")."""
    clauses = re.split(r"[，,：:]", _PERIOD.sub("", text))
    attribution = re.compile("^(?:" + "|".join(map(re.escape, _data()["attribution"])) + ")")
    return "，".join(c for c in clauses if not attribution.match(c.strip()) and "显示" not in c)


def _finish(what: str, context: str) -> str:
    what = what.strip("：:、 的")
    if context and what and context not in what:
        what = f"{context}：{what}"
    return what if what and what not in _weak() else ""

"""Score a cleaned document against a hand-made golden reference.

Both documents are dicts in the JSON shape of ``briefing clean --format json``
(see tests/golden/README.md). Extra keys (``line``, ``notes``, ``lead``,
``source_mark``, ...) are ignored, missing ones count as empty.

    from scoring import score          # with tests/ on sys.path
    score(reference, candidate) -> {
        "title_similarity", "boundary_f1", "heading_f1", "heading_level_accuracy",
        "text_similarity", "leaked_furniture",
    }

    python tests/scoring.py REF.json CANDIDATE.json

Text normalisation (every metric): footnote markers ``[^N]`` and all whitespace are
deleted. The text of a block is its ``text`` (heading, paragraph), its cells joined
in row-major order (table) or its items joined (list).

Metrics
-------
title_similarity
    ``difflib.SequenceMatcher.ratio()`` of the normalised titles: 1.0 when neither
    document has a title, 0.0 when only one has (a masthead or heading promoted to the
    title of an untitled document costs as much as a title missed).
boundary_f1
    A boundary is the offset, in the concatenation of the normalised block texts,
    where each block after the first starts (blocks whose normalised text is empty
    are skipped). Candidate offsets are mapped into reference coordinates through a
    character alignment of the two concatenations (see *Alignment*): inside an
    ``equal`` run exactly, inside a ``replace`` run proportionally, a deleted
    character maps to where the deletion sits in the reference. A candidate
    boundary matches a reference boundary within 1 character, one-to-one (greedy
    in text order). Precision, recall and F1 follow; no boundaries on either side
    scores 1.0.
heading_f1
    Multiset match of the normalised heading texts, level ignored.
heading_level_accuracy
    Share of matched headings whose level agrees (equal texts are paired in
    document order). 1.0 if neither document has headings, 0.0 if they have
    headings but none matched.
text_similarity
    ``2*M/T`` like ``difflib.SequenceMatcher.ratio()``, over the full normalised text
    = title + subtitle + authors + abstract + keywords + block texts + footnote
    texts, in that order; M is the number of characters in ``equal`` runs of the
    alignment below, T the total length of both texts.
leaked_furniture
    Reference ``removed`` entries whose reason is furniture (banner, running
    header/footer, page number, end mark, editor tag, OCR junk) and whose
    normalised text occurs more often in the candidate's block texts than in the
    reference's block texts. Entries with the same text are counted together: if
    k entries share a text, at most k of them count, and no more than the excess
    number of occurrences in the candidate. Field labels, funding marks and list
    markers are not furniture.

Alignment
---------
``difflib.SequenceMatcher(autojunk=False)`` is exact but roughly quadratic on CJK text
(a 50k-character document takes ~8 s, and far longer when the texts differ a lot).
``align()`` therefore runs it directly only when ``len(a) * len(b) <= DIRECT_LIMIT``
(about 5 000 x 5 000 characters, so short documents get exactly SequenceMatcher's
opcodes). Larger inputs are aligned like a patience diff: 8-character substrings that
occur exactly once in each text serve as anchors, the longest chain of anchors in
the same order on both sides (longest increasing subsequence) is kept, each anchor is
extended to a maximal equal run, and the gaps between anchors are aligned
recursively with the same procedure; a gap still too large and with no unique anchor
becomes a single ``replace`` run. For texts that mostly agree the result is the same
as SequenceMatcher's up to ties; for very different texts it can only under-count
matches. 50k characters take well under a second.
"""
from __future__ import annotations

import bisect
import difflib
import json
import re
import sys
from collections import Counter, defaultdict

DIRECT_LIMIT = 25_000_000
ANCHOR_K = 8

_MARKER = re.compile(r"\[\^\d+\]")
_SPACE = re.compile(r"\s+")

FURNITURE_WORDS = ("banner", "header", "footer", "page number", "end mark",
                   "editor tag", "ocr junk")


# ---------------------------------------------------------------- text helpers
def normalize(s: str | None) -> str:
    """Delete footnote markers [^N] and all whitespace."""
    if not s:
        return ""
    return _SPACE.sub("", _MARKER.sub("", s))


def block_text(block: dict) -> str:
    kind = block.get("type")
    if kind == "table":
        return "".join(cell or "" for row in block.get("rows", []) for cell in row)
    if kind == "list":
        return "".join(item or "" for item in block.get("items", []))
    return block.get("text") or ""


def block_texts(doc: dict) -> list[str]:
    return [normalize(block_text(b)) for b in doc.get("blocks", []) or []]


def full_text(doc: dict) -> str:
    parts = [doc.get("title"), doc.get("subtitle")]
    parts += list(doc.get("authors") or [])
    parts.append(doc.get("abstract"))
    parts += list(doc.get("keywords") or [])
    parts += [block_text(b) for b in doc.get("blocks", []) or []]
    parts += [f.get("text") for f in doc.get("footnotes", []) or []]
    return "".join(normalize(p) for p in parts)


# ------------------------------------------------------------------ alignment
def align(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """Character opcodes (tag, i1, i2, j1, j2) turning a into b; see module doc."""
    ops: list[tuple[str, int, int, int, int]] = []
    _align(a, b, 0, len(a), 0, len(b), ops)
    return _merge(ops)


def _align(a, b, i1, i2, j1, j2, ops):
    n, m = i2 - i1, j2 - j1
    if n == 0 and m == 0:
        return
    if n == 0:
        ops.append(("insert", i1, i1, j1, j2))
        return
    if m == 0:
        ops.append(("delete", i1, i2, j1, j1))
        return
    if n * m <= DIRECT_LIMIT:
        sm = difflib.SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False)
        for tag, x1, x2, y1, y2 in sm.get_opcodes():
            ops.append((tag, i1 + x1, i1 + x2, j1 + y1, j1 + y2))
        return
    anchors = _anchors(a, b, i1, i2, j1, j2)
    if not anchors:
        ops.append(("replace", i1, i2, j1, j2))
        return
    pi, pj = i1, j1
    for ai, aj, length in anchors:
        _align(a, b, pi, ai, pj, aj, ops)
        ops.append(("equal", ai, ai + length, aj, aj + length))
        pi, pj = ai + length, aj + length
    _align(a, b, pi, i2, pj, j2, ops)


def _anchors(a, b, i1, i2, j1, j2):
    """Ordered, non-overlapping maximal equal runs seeded by unique k-grams."""
    k = ANCHOR_K
    ca = Counter(a[i:i + k] for i in range(i1, i2 - k + 1))
    cb: dict[str, int] = {}
    seen_twice = set()
    for j in range(j1, j2 - k + 1):
        g = b[j:j + k]
        if g in cb:
            seen_twice.add(g)
        else:
            cb[g] = j
    pairs = []
    for i in range(i1, i2 - k + 1):
        g = a[i:i + k]
        if ca[g] == 1 and g in cb and g not in seen_twice:
            pairs.append((i, cb[g]))
    if not pairs:
        return []
    # longest chain increasing in both i (already sorted) and j
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for idx, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(idx)
        else:
            tails[pos] = j
            tail_idx[pos] = idx
        prev[idx] = tail_idx[pos - 1] if pos else -1
    chain = []
    idx = tail_idx[-1]
    while idx != -1:
        chain.append(pairs[idx])
        idx = prev[idx]
    chain.reverse()
    # grow each seed into a maximal equal run, keep runs ordered and disjoint
    runs = []
    lo_i, lo_j = i1, j1
    for i, j in chain:
        if i < lo_i or j < lo_j:
            continue  # seed overlaps the run grown from an earlier seed
        s_i, s_j = i, j
        while s_i > lo_i and s_j > lo_j and a[s_i - 1] == b[s_j - 1]:
            s_i -= 1
            s_j -= 1
        e_i, e_j = i + k, j + k
        while e_i < i2 and e_j < j2 and a[e_i] == b[e_j]:
            e_i += 1
            e_j += 1
        runs.append((s_i, s_j, e_i - s_i))
        lo_i, lo_j = e_i, e_j
    return runs


def _merge(ops):
    out: list[list] = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if out and out[-1][0] == op[0] and out[-1][2] == op[1] and out[-1][4] == op[3]:
            out[-1][2], out[-1][4] = op[2], op[4]
        elif out and op[0] != "equal" and out[-1][0] != "equal" \
                and out[-1][2] == op[1] and out[-1][4] == op[3]:
            out[-1] = ["replace", out[-1][1], op[2], out[-1][3], op[4]]
        else:
            out.append(list(op))
    for op in out:  # a merged run may have lost one side
        if op[0] == "replace" and op[1] == op[2]:
            op[0] = "insert"
        elif op[0] == "replace" and op[3] == op[4]:
            op[0] = "delete"
    return [tuple(op) for op in out]


def map_offsets(offsets: list[int], ops) -> list[int]:
    """Map candidate offsets (characters of a) into reference coordinates (of b)."""
    spans = [op for op in ops if op[2] > op[1]]  # ops that consume candidate chars
    starts = [op[1] for op in spans]
    mapped = []
    for p in offsets:
        k = bisect.bisect_right(starts, p) - 1
        if k < 0:
            mapped.append(0)
            continue
        tag, i1, i2, j1, j2 = spans[k]
        if p >= i2:  # past the end of the candidate text
            mapped.append(j2)
        elif tag == "equal":
            mapped.append(j1 + (p - i1))
        elif tag == "replace":
            mapped.append(j1 + round((p - i1) * (j2 - j1) / (i2 - i1)))
        else:  # delete
            mapped.append(j1)
    return mapped


# -------------------------------------------------------------------- metrics
def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _boundaries(texts: list[str]) -> tuple[str, list[int]]:
    texts = [t for t in texts if t]
    out, pos = [], 0
    for t in texts[:-1]:
        pos += len(t)
        out.append(pos)
    return "".join(texts), out


def boundary_scores(ref: dict, cand: dict) -> dict:
    r_text, r_bounds = _boundaries(block_texts(ref))
    c_text, c_bounds = _boundaries(block_texts(cand))
    if not r_bounds and not c_bounds:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    ops = align(c_text, r_text)
    mapped = sorted(map_offsets(c_bounds, ops))
    matched, used = 0, [False] * len(r_bounds)
    start = 0
    for m in mapped:
        while start < len(r_bounds) and r_bounds[start] < m - 1:
            start += 1
        for k in range(start, len(r_bounds)):
            if r_bounds[k] > m + 1:
                break
            if not used[k]:
                used[k] = True
                matched += 1
                break
    p = matched / len(c_bounds) if c_bounds else 1.0
    r = matched / len(r_bounds) if r_bounds else 1.0
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def heading_scores(ref: dict, cand: dict) -> dict:
    def heads(doc):
        by_text = defaultdict(list)
        for b in doc.get("blocks", []) or []:
            if b.get("type") == "heading":
                by_text[normalize(b.get("text"))].append(b.get("level"))
        return by_text
    rh, ch = heads(ref), heads(cand)
    n_ref = sum(len(v) for v in rh.values())
    n_cand = sum(len(v) for v in ch.values())
    matched = correct = 0
    for text, levels in rh.items():
        for lr, lc in zip(levels, ch.get(text, [])):
            matched += 1
            correct += lr == lc
    if n_ref == 0 and n_cand == 0:
        return {"f1": 1.0, "level_accuracy": 1.0}
    p = matched / n_cand if n_cand else 0.0
    r = matched / n_ref if n_ref else 0.0
    return {"f1": _f1(p, r), "level_accuracy": correct / matched if matched else 0.0}


def text_similarity(ref: dict, cand: dict) -> float:
    a, b = full_text(cand), full_text(ref)
    if a == b:
        return 1.0
    total = len(a) + len(b)
    if not a or not b:
        return 0.0
    # fast path: the quick_ratio() bound; with no character in common there is
    # nothing to align
    if not (Counter(a) & Counter(b)):
        return 0.0
    same = sum(op[2] - op[1] for op in align(a, b) if op[0] == "equal")
    return 2.0 * same / total


def title_similarity(ref: dict, cand: dict) -> float:
    a, b = normalize(cand.get("title")), normalize(ref.get("title"))
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def is_furniture(reason: str) -> bool:
    reason = (reason or "").lower()
    return any(w in reason for w in FURNITURE_WORDS)


def leaked_furniture(ref: dict, cand: dict) -> int:
    entries = Counter(normalize(r.get("text")) for r in ref.get("removed", []) or []
                      if is_furniture(r.get("reason", "")))
    ref_blocks, cand_blocks = block_texts(ref), block_texts(cand)
    leaked = 0
    for text, k in entries.items():
        if not text:
            continue
        excess = sum(t.count(text) for t in cand_blocks) - sum(t.count(text) for t in ref_blocks)
        if excess > 0:
            leaked += min(k, excess)
    return leaked


def score(reference: dict, candidate: dict) -> dict:
    b = boundary_scores(reference, candidate)
    h = heading_scores(reference, candidate)
    return {
        "title_similarity": title_similarity(reference, candidate),
        "boundary_f1": b["f1"],
        "heading_f1": h["f1"],
        "heading_level_accuracy": h["level_accuracy"],
        "text_similarity": text_similarity(reference, candidate),
        "leaked_furniture": leaked_furniture(reference, candidate),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python tests/scoring.py REF.json CANDIDATE.json", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        ref = json.load(f)
    with open(argv[2], encoding="utf-8") as f:
        cand = json.load(f)
    b = boundary_scores(ref, cand)
    result = score(ref, cand)
    result["boundary_precision"] = b["precision"]
    result["boundary_recall"] = b["recall"]
    for key, value in result.items():
        print(f"{key:24} {value:.4f}" if isinstance(value, float) else f"{key:24} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Heading levels from the numbering grammar of the headings a document uses."""
from __future__ import annotations

from .core import HEADING, Draft, HeadingFacts
from .grammar import KIND_RANK


def heading_levels(draft: Draft) -> dict[str, int]:
    """Levels from the numbering grammar (一、 > （一） > 1. > （1））; unnumbered headings
    are level 1, and numbered ones go under them when their numbering starts again under
    each unnumbered heading (a digest's sections, each with entries 1、2、……)."""
    heads = [ln.heading for ln in draft.lines if ln.kind == HEADING and ln.heading]
    used = {h.kind for h in heads}
    ranked = [k for k in KIND_RANK if k in used]
    below = 1 if ranked and _restarts_under_titles(heads, ranked[0]) else 0
    levels = {k: min(3, n + 1 + below) for n, k in enumerate(ranked)}
    levels["title"] = levels["outline"] = 1
    return levels


def _restarts_under_titles(heads: list[HeadingFacts], kind: str) -> bool:
    """Does an unnumbered heading come first, and does the outermost numbering start from
    its first number again after each of at least two unnumbered headings?"""
    if not heads or heads[0].kind != "title":
        return False
    runs, run = [], None
    for h in heads:
        if h.kind == "title":
            run = []
            runs.append(run)
        elif h.kind == kind and run is not None:
            run.append(h.number)
    firsts = [r[0] for r in runs if r]
    return len(firsts) >= 2 and len(set(firsts)) == 1

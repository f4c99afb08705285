"""Put back the reading order of pages whose columns an extractor serialised out of turn.

pdftotext (without -layout) and pdfminer print a 2-column page as text blocks — runs of
lines between blank lines — in an order of their own: the right column before the left
when the left one starts lower, or the two columns' boxes interleaved. Each column's own
blocks stay in order, so the page is a merge of two in-order chains; the pass finds the
split into two chains, and which goes first, that reads best, and keeps the page as it
is unless that reading is clearly better.

What "reads" means is evidence at every join of two blocks: a full line breaking off
mid-sentence goes on in the next block (more so when the next block opens with a mark
no line may start with, or a word runs across the join) and not into a numbered
heading; a finished sentence is not continued by a comma; article, chapter and item
numbers count up (第八条 does not come before 第一条, （二） follows （一）).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import CLOSERS, is_terminated
from .core import BLANK, BODY, DROPPED, LIFTED, Draft, Layout, Line, cleaning_pass, measure_layout
from .grammar import _closed_by_note

NO_LINE_START = "，。、；：！？”’）》」』"
# Numbering that counts up through a text, outermost first: a number of an outer kind
# restarts the inner ones.
_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def cn_number(s: str) -> int:
    """"一百二十三" -> 123, "十五" -> 15, "23" -> 23."""
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch == "百":
            total += (cur or 1) * 100
            cur = 0
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = _DIGIT.get(ch, 0)
    return total + cur


_NUMBERING = [
    ("chapter", re.compile(r"^第([一二三四五六七八九十百零〇两\d]{1,6})章")),
    ("article", re.compile(r"^第([一二三四五六七八九十百千零〇两\d]{1,6})条")),
    ("cn", re.compile(r"^([一二三四五六七八九十]{1,3})、")),
    ("cn_paren", re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]")),
    ("ar_paren", re.compile(r"^[（(](\d{1,2})[）)]")),
    ("shi", re.compile(r"^([一二三四五六七八九十])是")),    # "一是……", "二是……": a report's points
]
_ITEMS = 2        # ranks from here on are items
_NOTE_START = re.compile(r"^(?:[①-⑳]|\[\d{1,3}\]|注[：:释])")
MARGIN = 2.0      # how much better a new order must read than the extractor's
EXHAUSTIVE = 12   # pages of up to this many blocks try every reading (2^n of them)
MAX_BLOCKS = 40   # larger pages (pdfminer's boxes of a line or two) take a search's proposals
# Readings scored per document at most (a few seconds): a long source of pages that all read
# wrong is searched on its first pages only, the same ones every build (no clock).
BUDGET = 1_500_000


@dataclass
class _Block:
    start: int                    # line indices [start, end) in draft.lines, blanks after it included
    end: int
    first: Line
    last: Line
    numbers: list = field(default_factory=list)   # (rank, number) of the paragraphs it opens
    heading_look: bool = False    # opens with a short line without punctuation, text under it


def _numbers(layout: Layout, lines: list[Line]) -> list[tuple[int, int]]:
    """The numbers that open paragraphs (after a finished or a short line), in order."""
    found, prev = [], None
    for ln in lines:
        if ln.kind != BODY:
            continue
        if prev is None or is_terminated(prev.text) or prev.text[-1:] in "：:" or not layout.full(prev):
            for rank, (_, rx) in enumerate(_NUMBERING):
                if m := rx.match(ln.text):
                    found.append((rank, cn_number(m.group(1))))
                    break
        prev = ln
    return found


def _steps(state: dict, numbers):
    """How well each number follows the running numbering in state (updated as it goes):
    the next number is good, a step back or over a gap is not. Chapters and articles run
    through a text; items start again under each chapter or article."""
    for rank, n in numbers:
        last = state.get(rank)
        if last is not None:
            if n == last + 1:
                yield 1.5
            elif n <= last and not (n == 1 and rank >= _ITEMS):
                yield -4.0
            elif n != 1 and n > last + 1:
                yield -1.5
        elif rank >= _ITEMS and n > 1:
            yield -1.5        # a list that opens at its second entry or later: the first ones are missing
        state[rank] = n
        for inner in range(max(rank + 1, _ITEMS), len(_NUMBERING)):
            state.pop(inner, None)


_PUNCTUATION = re.compile(r"[，。、；：！？,.;:!?]")
# An arabic number opens a section when a space or a mark follows it ("1.2 ", "3、"),
# not when a unit does ("4.7个百分点").
_ARABIC_SECTION = re.compile(r"^\d{1,2}(?:[.．]\d{1,2}){0,2}(?:\s|[、．.](?!\d))")


def _section(text: str) -> bool:
    """Does the line open a numbered section, an item or a law's article?"""
    from .grammar import ARTICLE, _numbered
    found = _numbered(text)
    if found and found[0].startswith("ar"):
        return bool(_ARABIC_SECTION.match(text))
    return bool(found or ARTICLE.match(text))


def _text_join(layout: Layout, a: Line | None, b: Line, b_alone: bool = False, a_closed: bool = False) -> float:
    """How well b's line reads as what follows a's line (a None: the start of the text).
    b_alone: b is a short line without punctuation over more text, a heading's look.
    a_closed: a ends a paragraph with a bracketed note after its last sentence
    (grammar._closed_by_note: "……可获得性。（财政部、人民银行负责）"), so it is finished."""
    from .grammar import _numbered, _word_spans
    bt = b.text
    comma = bt[:1] in NO_LINE_START
    if a is None:            # the text may open with anything but a mark that ends something
        return -3.0 if comma or bt[:1] in CLOSERS else 0.0
    at = a.text
    finished = is_terminated(at) or at[-1:] in "：:" or a_closed
    if finished and bt[:1] in CLOSERS:  # a closing quote pushed to the next line
        return 1.5
    section = _section(bt) or b_alone
    # (first=True: extractors drop the indent that leaves a paragraph's first line short)
    if not finished and layout.full(a, first=True):    # a wrapped sentence: it goes on
        if section:
            return 0.0 if _numbered(at) else -3.0    # a long heading over a subheading
        return 3.0 if comma else 2.0 + (_word_spans(at, bt) and 1.0)
    if not finished:                           # a short unfinished line: a heading, a title
        heading, following = _numbered(at), _numbered(bt)
        if heading and following and heading[0] == following[0]:
            return -2.0                        # a section with nothing in it
        return -2.0 if comma else 0.0
    if comma:
        return -3.0
    return 1.0 if section else 0.0


def _text_end(layout: Layout, a: Line | None) -> float:
    """How well the text ends on line a: not on a full line breaking off mid-sentence (the
    sentence goes on in a block read out of turn)."""
    if a is None or is_terminated(a.text) or a.text[-1:] in "：:" or not layout.full(a, first=True):
        return 0.0
    return -2.0


def _last_body(lines: list[Line], block: "_Block") -> int:
    """Index of the block's last body line."""
    return next(k for k in range(block.end - 1, block.start - 1, -1) if lines[k] is block.last)


def _pages(lines: list[Line]) -> list[tuple[int, int]]:
    """Index ranges of the pages: cut at dropped folios and where the extractor began a page."""
    pages, start = [], 0
    for i, ln in enumerate(lines):
        if ln.kind == DROPPED and ln.folio:
            pages.append((start, i))
            start = i + 1
        elif ln.page_start and i > start:
            pages.append((start, i))
            start = i
    pages.append((start, len(lines)))
    return pages


def _blocks(layout: Layout, lines: list[Line], start: int, end: int) -> list[_Block]:
    """The page's text blocks: runs of lines up to a blank line, and front matter already
    lifted (a title, a byline) apart from the text under it, which may be another column's.
    Lines without body text above the first block stay on top; other lines without body
    text go with the block below them."""
    from .grammar import _word_spans
    spans: list[list[int]] = []
    for i in range(start, end):
        ln = lines[i]
        if ln.kind == BLANK:
            if spans:
                spans[-1][1] = i + 1
            continue
        prev = lines[i - 1]
        if not spans or prev.kind == BLANK or (prev.kind == LIFTED) != (ln.kind == LIFTED):
            spans.append([i, i + 1])
        else:
            spans[-1][1] = i + 1
    blocks: list[_Block] = []
    pending = None
    for a, b in spans:
        body = [ln for ln in lines[a:b] if ln.kind == BODY]
        if not body:
            if blocks:
                pending = a if pending is None else pending
            continue
        if pending is not None:
            a, pending = pending, None
        # (a short line cut mid-word from the line under it is a wrap, not a heading:
        # "施重大项目建" / "设“5+3”工作机制")
        look = (len(body) > 1 and not layout.full(body[0], first=True) and len(body[0].text) <= 20
                and not _PUNCTUATION.search(body[0].text) and not _word_spans(body[0].text, body[1].text))
        # ... or a heading as wide as the column, wrapped onto a short line ("“十四五”时期发展
        # 成就和2025年工作" / "回顾"): no line of running text is followed by a short one
        # without a full stop.
        look = look or (len(body) > 2 and not _PUNCTUATION.search(body[0].text + body[1].text)
                        and body[1].width <= layout.column / 3)
        blocks.append(_Block(a, b, body[0], body[-1], _numbers(layout, lines[a:b]), look))
    if pending is not None:
        blocks[-1].end = end
    return blocks


def _merges(n: int):
    """Every reading of blocks 0..n-1 as two chains that keep their own order, one after
    the other (the extractor's order first: one chain)."""
    yield tuple(range(n))
    for mask in range(1, 2 ** (n - 1)):
        a = [0] + [k for k in range(1, n) if not mask >> (k - 1) & 1]
        b = [k for k in range(1, n) if mask >> (k - 1) & 1]
        yield tuple(a + b)
        yield tuple(b + a)


def _proposals(n: int, join, advance, start):
    """Readings worth scoring on a page too large to try them all: for each first block f
    of the second chain, and each chain first, the best of a dynamic program over (last
    block of chain A, last block of chain B), the numbering running along each chain. The
    second chain's numbering goes on from the first chain's end: unknown until the end, so
    the program runs again from where its first answer leaves the first chain."""
    for f in range(1, n):
        for a_first in (True, False):
            then = ()
            for _ in range(2):
                order = _merge_program(n, f, a_first, join, advance, start, then)
                yield order
                first = order[:order.index(f if a_first else 0)]
                then = start
                for k in first:
                    then = advance(then, k)[1]


def _merge_program(n, f, a_first, join, advance, start, then):
    """The best merge with block f opening chain B (see _proposals); `then`: the numbering
    the second chain starts from."""
    st_a, score = (start if a_first else then), 0.0
    for k in range(f):
        s, st_a = advance(st_a, k)
        score += s + (join(k - 1, k) if k else 0.0)
    s, st_b = advance(then if a_first else start, f)
    states = {(f - 1, f): (score + s, None, st_a, st_b)}
    history = []
    for k in range(f + 1, n):
        nxt: dict = {}
        for (la, lb), (sc, _, sa, sb) in states.items():
            s1, sa1 = advance(sa, k)
            s2, sb1 = advance(sb, k)
            for key, total, sa2, sb2 in (((k, lb), sc + s1 + join(la, k), sa1, sb),
                                         ((la, k), sc + s2 + join(lb, k), sa, sb1)):
                if key not in nxt or total > nxt[key][0]:
                    nxt[key] = (total, (la, lb), sa2, sb2)
        history.append(nxt)
        states = nxt

    def closed(key):
        la, lb = key
        ends = (join(None, 0) + join(la, f) + join(lb, None) if a_first
                else join(None, f) + join(lb, 0) + join(la, None))
        return states[key][0] + ends
    return _unwind(history, max(states, key=closed), f, a_first)


def _unwind(history, state, f: int, a_first: bool) -> tuple[int, ...]:
    chain_a, chain_b = [], []
    for k in range(f + len(history), f, -1):
        (chain_a if state[0] == k else chain_b).append(k)
        state = history[k - f - 1][state][1]
    chain_a = list(range(f)) + chain_a[::-1]
    chain_b = [f] + chain_b[::-1]
    return tuple(chain_a + chain_b if a_first else chain_b + chain_a)


@cleaning_pass("restore_column_order")
def restore_column_order(draft: Draft) -> None:
    """On each page (between folios and form feeds), read text blocks that an extractor
    printed out of column order in the order that reads best (see the module's doc)."""
    lines, layout = draft.lines, draft.layout
    if layout.soft:
        return
    pages = _pages(lines)
    if len(pages) < 2:       # no page breaks seen: not a page-by-page extraction
        return
    moved = 0
    budget = BUDGET
    prev_last: Line | None = None
    numbering: dict = {}
    for p, (start, end) in enumerate(pages):
        blocks = _blocks(layout, lines, start, end)
        # Notes at the foot of the page stay there.
        while blocks and _NOTE_START.match(blocks[-1].first.text):
            blocks.pop()
        nxt = next((ln for a, b in pages[p + 1:] for ln in lines[a:b] if ln.kind == BODY), None)
        n = len(blocks)
        order = tuple(range(n))
        if 2 <= n <= MAX_BLOCKS:
            joins = {}
            closed = [_closed_by_note(draft, _last_body(lines, b)) for b in blocks]

            def join(x, y) -> float:
                if (x, y) not in joins:
                    a = prev_last if x is None else blocks[x].last
                    b = nxt if y is None else blocks[y].first
                    alone = y is not None and blocks[y].heading_look
                    a_closed = x is not None and closed[x]
                    joins[x, y] = ((0.0 if a_closed else _text_end(layout, a)) if b is None
                                   else _text_join(layout, a, b, alone, a_closed))
                return joins[x, y]

            def reads(order) -> float:
                state = dict(numbering)
                score = join(None, order[0]) + join(order[-1], None)
                for x, y in zip(order, order[1:]):
                    score += join(x, y) - (0 if y == x + 1 else 0.25)
                for k in order:
                    score += sum(_steps(state, blocks[k].numbers))
                return score

            # Only a page where something reads wrong is searched.
            state = dict(numbering)
            wrong = (join(None, 0) < 0 or join(n - 1, None) < 0 or any(join(x, x + 1) < 0 for x in range(n - 1))
                     or min(_steps(state, [x for b in blocks for x in b.numbers]), default=0) < 0)
            cost = 2 ** n * n if n <= EXHAUSTIVE else 4 * n ** 3
            if wrong and cost > budget:
                draft.note("restore_column_order", f"line {blocks[0].first.no}: column order not searched "
                                                   f"(this source's search budget is spent)")
            elif wrong:
                budget -= cost
                identity = reads(order)
                best, gain = order, 0.0
                memo: dict = {}

                def advance(state, k):
                    if not blocks[k].numbers:
                        return 0.0, state
                    if (state, k) not in memo:
                        running = dict(state)
                        memo[state, k] = (sum(_steps(running, blocks[k].numbers)), tuple(sorted(running.items())))
                    return memo[state, k]

                candidates = (_merges(n) if n <= EXHAUSTIVE
                              else _proposals(n, join, advance, tuple(sorted(numbering.items()))))
                for cand in candidates:
                    g = reads(cand) - identity
                    if g > gain + 1e-9:
                        best, gain = cand, g
                if gain >= MARGIN:
                    a, b = blocks[0].start, blocks[-1].end
                    lines[a:b] = [ln for k in best for ln in lines[blocks[k].start:blocks[k].end]]
                    moved += 1
                    order = best
                    draft.note("restore_column_order",
                               f"line {blocks[0].first.no}: page's text blocks read in the order "
                               f"{[k + 1 for k in best]} (reads better by {gain:.1f})")
        for k in order:
            for _ in _steps(numbering, blocks[k].numbers):
                pass
        body = [ln for ln in lines[start:end] if ln.kind == BODY]
        if body:
            prev_last = body[-1]
    if moved:
        measure_layout(draft)

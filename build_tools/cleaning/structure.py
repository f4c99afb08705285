"""Passes that find structure in the remaining lines: tables, captions, lists, and headings
(outline-announced, numbered, and short title lines), with consistent levels."""
from __future__ import annotations

import re

from ..text import CONTINUES, is_terminated, join_wrapped, width
from .core import BODY, CAPTION, HEADING, LIFTED, LIST, TABLE, Draft, HeadingFacts, Line, cleaning_pass

CN_NUM = "一二三四五六七八九十"
# Numbering kinds, outermost first; levels are assigned from the kinds a document uses.
HEADING_PATTERNS = [
    ("part", re.compile(rf"^(第[{CN_NUM}百零〇\d]{{1,3}}[编篇部](?:分)?)\s*(.*)$")),
    ("chapter", re.compile(rf"^(第[{CN_NUM}百零〇\d]{{1,3}}章)\s*(.*)$")),
    ("section", re.compile(rf"^(第[{CN_NUM}百零〇\d]{{1,3}}节)\s*(.*)$")),
    ("cn", re.compile(rf"^([{CN_NUM}]{{1,3}}、)\s*(.*)$")),
    ("cn_paren", re.compile(rf"^([（(][{CN_NUM}]{{1,3}}[）)])\s*(.*)$")),
    ("ar3", re.compile(r"^(\d{1,2}[.．]\d{1,2}[.．]\d{1,2})(?![.．\d])\s*(.*)$")),
    ("ar2", re.compile(r"^(\d{1,2}[.．]\d{1,2})(?![.．\d%])\s*(.*)$")),
    ("ar1", re.compile(r"^(\d{1,2}(?:[、．.](?!\d))?)(?:\s+|(?<=[、．.]))(?=[\u4e00-\u9fff])(.*)$")),
]
KIND_RANK = ["part", "chapter", "section", "cn", "cn_paren", "ar1", "ar2", "ar3"]
# A law's article number ("第十二条") opens a paragraph; it is never a heading.
ARTICLE = re.compile(rf"^第[{CN_NUM}百千零〇两\d]{{1,6}}条(?=\s|$|[\u4e00-\u9fff])")
_LIST_ITEM = re.compile(r"^(\d{1,2})[.．、](?!\d)\s*(\S.*)$")
_CAPTION = re.compile(r"^(?:图|表|Figure|Table|Fig\.)\s*\d+(?:[-.．]\d+)?(?:\s|[:：．.]|$)")
_SOURCE_NOTE = re.compile(r"^(?:资料来源|数据来源|来源|注)[：:]")
MAX_HEADING = 40
_DATE_LINE = re.compile(r"^(?:19|20|二〇|二零)[\d〇零一二三四五六七八九]{2}\s*年\s*[\d〇零一二三四五六七八九十]{1,2}\s*月"
                        r"\s*[\d〇零一二三四五六七八九十]{1,3}\s*日$")
# Function words that leave a phrase open: a line ending in one is cut mid-phrase.
OPEN_ENDINGS = "和与及的之或并对在为把从向"


def _prev_closes(draft: Draft, i: int) -> bool:
    """Is line i at a point where a new section may start (after a finished paragraph)?"""
    p = draft.prev_content(i)
    if p is None:
        return True
    prev = draft.lines[p]
    if prev.kind != BODY:
        return True
    return is_terminated(prev.text)


@cleaning_pass("detect_tables")
def detect_tables(draft: Draft) -> None:
    """Tab-separated rows become tables; a row continued across a page break is merged."""
    lines = draft.lines
    i, n_tables = 0, 0
    while i < len(lines):
        if lines[i].kind != BODY or "\t" not in lines[i].raw:
            i += 1
            continue
        run = [i]
        j = i
        while (k := draft.next_content(j)) is not None and "\t" in lines[k].raw:
            run.append(k)
            j = k
        if len(run) < 2 and lines[i].raw.count("\t") < 2:
            i += 1
            continue
        rows: list[list[str]] = []
        for pos, k in enumerate(run):
            cells = [c.strip() for c in lines[k].raw.strip("\n").split("\t")]
            after_break = pos > 0 and k - run[pos - 1] > 1
            if rows and after_break and not cells[0] and _continues_row(rows[-1], cells):
                for c, text in enumerate(cells):
                    if text:
                        rows[-1][c] = join_wrapped(rows[-1][c], text)
                draft.note("detect_tables", f"line {lines[k].no}: row continued after a page break")
            else:
                rows.append(cells)
            lines[k].kind = TABLE
        width_ = max(len(r) for r in rows)
        rows = [r + [""] * (width_ - len(r)) for r in rows]
        while all(not r[-1] for r in rows) and len(rows[0]) > 1:   # trailing empty column
            rows = [r[:-1] for r in rows]
        lines[i].rows = rows
        n_tables += 1
        i = run[-1] + 1
    if n_tables:
        draft.note("detect_tables", f"found {n_tables} table(s)")


def _continues_row(prev: list[str], cells: list[str]) -> bool:
    filled = [c for c, t in enumerate(cells) if t]
    return bool(filled) and all(c < len(prev) and prev[c] and not is_terminated(prev[c])
                                for c in filled)


@cleaning_pass("detect_captions")
def detect_captions(draft: Draft) -> None:
    """Figure/table captions and their source notes ("资料来源：…") float with the figure."""
    n = 0
    for i, line in enumerate(draft.lines):
        if line.kind != BODY:
            continue
        if _CAPTION.match(line.text) and len(line.text) <= 80:
            line.kind = CAPTION
            n += 1
        elif _SOURCE_NOTE.match(line.text) and len(line.text) <= 120:
            p = draft.prev_content(i)
            if p is not None and draft.lines[p].kind in (TABLE, CAPTION):
                line.kind = CAPTION
                n += 1
    if n:
        draft.note("detect_captions", f"found {n} caption/source line(s)")


@cleaning_pass("detect_lists")
def detect_lists(draft: Draft) -> None:
    """Runs of consecutively numbered short lines ("1. …", "2. …") are an ordered list."""
    lines = draft.lines
    i = 0
    while i < len(lines):
        m = _LIST_ITEM.match(lines[i].text) if lines[i].kind == BODY else None
        if not m or m.group(1) != "1":
            i += 1
            continue
        run, items, j = [i], [m.group(2)], i
        while (k := draft.next_content(j)) is not None:
            mk = _LIST_ITEM.match(lines[k].text)
            if not mk or int(mk.group(1)) != len(run) + 1:
                break
            run.append(k)
            items.append(mk.group(2))
            j = k
        if len(run) >= 2 and all(len(t) <= 80 for t in items):
            for k in run:
                lines[k].kind = LIST
                marker = _LIST_ITEM.match(lines[k].text)
                draft.remove(lines[k].text[:marker.start(2)], "list marker (kept as list numbering)",
                             lines[k].no)
            lines[i].items = items
            draft.note("detect_lists", f"line {lines[i].no}: list of {len(items)} items")
            i = run[-1] + 1
        else:
            i += 1


def _letters(s: str) -> str:
    return "".join(c for c in s if c.isalnum())


@cleaning_pass("detect_outline_headings")
def detect_outline_headings(draft: Draft) -> None:
    """An article that lists its parts ("本文分为七个部分：1. …") names its headings: find
    each listed title at the start of a body line (even when the extractor fused it with
    the first sentence of its section) and split it off as a heading."""
    lines = draft.lines
    for start, line in enumerate(lines):
        items = line.items if line.kind == LIST else None
        if not items or len(items) < 3:
            continue
        found = []
        pos = start
        for item in items:
            key = _letters(item)
            if len(key) < 4:
                continue
            hit = _find_title(draft, key, pos)
            if hit:
                found.append(hit)
                pos = hit[0]
        if len(found) < max(2, len(items) // 2):
            continue
        for i, j, cut in reversed(found):
            _split_heading(draft, i, j, cut)
        draft.note("detect_outline_headings",
                   f"{len(found)} heading(s) from the outline list at line {line.no}")


def _find_title(draft: Draft, key: str, after: int):
    """(first line, last line, characters of the last line in the title) or None."""
    lines = draft.lines
    for i in range(after + 1, len(lines)):
        if lines[i].kind != BODY or not _prev_closes(draft, i):
            continue
        j = draft.next_content(i)
        span = [i] + ([j] if j is not None else [])
        got = ""
        for idx in span:
            text = lines[idx].text
            for c_pos, ch in enumerate(text):
                if ch.isalnum():
                    if key[len(got)] != ch:
                        break
                    got += ch
                    if got == key:
                        return i, idx, c_pos + 1
            else:
                continue
            break
    return None


def _split_heading(draft: Draft, i: int, j: int, cut: int) -> None:
    lines = draft.lines
    text = ""
    for k in range(i, j):
        if lines[k].kind == BODY:
            text = join_wrapped(text, lines[k].text)
            lines[k].kind = LIFTED if k != i else HEADING
    last = lines[j]
    text = join_wrapped(text, last.text[:cut])
    rest = last.text[cut:].strip()
    head = lines[i]
    head.kind = HEADING
    head.heading = HeadingFacts("outline", "", text)
    if j != i:
        last.text = rest
        last.kind = BODY if rest else LIFTED
        last.starts_paragraph = True
    elif rest:
        body = Line(head.no, head.raw, rest, False, BODY, starts_paragraph=True)
        lines.insert(i + 1, body)


def _word_spans(left: str, right: str) -> bool:
    """Does a word run across the join of left and right ("…与服" + "务出口…")?"""
    from ..enrich.segment import cut
    a, b = left[-4:], right[:4]
    pos = 0
    for tok in cut(a + b, hmm=False):
        if pos < len(a) < pos + len(tok):
            return True
        pos += len(tok)
    return False


_CONJUNCTIONS = {"和", "与", "及", "以及", "并", "或"}


def _opens_with_conjunction(text: str) -> bool:
    """Does the line open with a conjunction as a word of its own (jieba: "和" in
    "和“十四五”", not "与此同时" or "及时")?"""
    from ..enrich.segment import cut
    words = cut(text[:6], hmm=False)
    return bool(words) and words[0] in _CONJUNCTIONS


def _numbered(text: str):
    for kind, rx in HEADING_PATTERNS:
        m = rx.match(text)
        if m:
            return kind, m.group(1), m.group(2)
    return None


@cleaning_pass("detect_numbered_headings")
def detect_numbered_headings(draft: Draft) -> None:
    """Numbered headings (一、 （一） 1 1.1 第X章), joined when they wrap; a numbered line
    whose title ends in 。 and runs on is a run-in lead kept in its paragraph."""
    lines = draft.lines
    column = draft.layout.column
    count = 0
    # In a text divided into articles (第N条) a "（一）……。" line is a clause of an article.
    has_articles = any(ln.kind == BODY and ARTICLE.match(ln.text) for ln in lines)
    first_article = next((k for k, ln in enumerate(lines) if ln.kind == BODY and ARTICLE.match(ln.text)), None)
    for i, line in enumerate(lines):
        if line.kind != BODY or line.starts_paragraph:
            continue
        if ARTICLE.match(line.text) and _prev_closes(draft, i):
            line.starts_paragraph = True
            if ARTICLE.match(line.text).end() == len(line.text):  # "第四条" alone on its line
                line.joins_next = True
            continue
        found = _numbered(line.text)
        if not found or not _prev_closes(draft, i):
            continue
        p = draft.prev_content(i)
        if (found[0] in ("cn_paren", "ar1") and p is not None and lines[p].kind == BODY
                and lines[p].text[-1] in "：:；;"):
            # After "……有下列情形之一的：" or a clause ending in "；" comes the next clause.
            line.starts_paragraph = True
            continue
        kind, number, title = found
        rest = _closed_heading(draft, i, kind) if kind == "cn_paren" and title and not has_articles else None
        if rest is not None:
            for k in rest:
                line.text = join_wrapped(line.text, lines[k].text)
                title = join_wrapped(title, lines[k].text)
                lines[k].kind = LIFTED
            draft.note("detect_numbered_headings", f"line {line.no}: heading closed by a full stop")
            line.kind = HEADING
            line.heading = HeadingFacts(kind, number, title)
            count += 1
            continue
        if not title or re.search(r"[。！？；]", title):
            if title:
                line.run_in = kind
            continue
        if len(title) > MAX_HEADING:
            continue
        if title[-1] in "，,、":
            rest = _broken_heading(draft, i)
            if rest is None:
                continue
            if _clause_of_article(draft, i, rest, kind, first_article):
                line.starts_paragraph = True
                continue
            for k in rest:
                line.text = join_wrapped(line.text, lines[k].text)
                title = join_wrapped(title, lines[k].text)
                lines[k].kind = LIFTED
            draft.note("detect_numbered_headings", f"line {line.no}: heading broken after its comma, "
                                                   f"{len(rest) + 1} lines")
            line.kind = HEADING
            line.heading = HeadingFacts(kind, number, title)
            count += 1
            continue
        if "，" in title and draft.layout.full(line, first=True):
            line.run_in = kind  # a wrapped paragraph that opens with a number
            continue
        # A numbered line that fills the column and runs on into a sentence is a clause
        # ("（二）……；"), a paragraph of its own; a heading's wrap is short and unpunctuated.
        # In a narrow column a short heading fills the line too: the evidence of a clause
        # is a word cut at the line end, or the sentence ending on the next line.
        nxt = draft.next_content(i)
        if (not draft.layout.soft and draft.layout.full(line, first=True) and nxt is not None
                and not _heading_continues(draft, line.text, nxt)
                and not _heading_ends_whole(draft, line, kind, nxt)
                and (_word_spans(line.text, lines[nxt].text) or is_terminated(lines[nxt].text)
                     or (line.width >= column - 6 and _sentence_runs_on(lines[nxt].text))
                     or (column - 5 <= line.width <= column - 3 and _lead_runs_on(draft, nxt)))):
            line.starts_paragraph = True
            continue
        # A heading that wraps: join the lines that finish it.
        wrap: list[int] = []
        head = line.text
        while not draft.layout.soft and width(head) >= 0.7 * column:
            k = draft.next_content(wrap[-1] if wrap else i)
            if k is None or not _heading_continues(draft, head, k):
                break
            head = join_wrapped(head, lines[k].text)
            wrap.append(k)
            if width(lines[k].text) < 0.75 * column:
                break
        if _clause_of_article(draft, i, wrap, kind, first_article):
            line.starts_paragraph = True
            continue
        for k in wrap:
            line.text = join_wrapped(line.text, lines[k].text)
            title = join_wrapped(title, lines[k].text)
            lines[k].kind = LIFTED
        line.kind = HEADING
        line.heading = HeadingFacts(kind, number, title)
        count += 1
    if count:
        draft.note("detect_numbered_headings", f"found {count} numbered heading(s)")


def _clause_of_article(draft: Draft, i: int, wrap: list[int], kind: str, first_article: int | None) -> bool:
    """In a text divided into articles, a numbered line below the articles' start (with
    the lines that would finish it) that heads neither an article nor another numbered
    line is a clause of the article above ("（二）外国国家已经" / "……"), cut short of
    punctuation by a narrow column: a heading among articles heads articles."""
    if first_article is None or first_article > i or kind in ("part", "chapter", "section"):
        return False
    k = draft.next_content(wrap[-1] if wrap else i)
    if k is None:
        return True
    text = draft.lines[k].text
    return draft.lines[k].kind == BODY and not (ARTICLE.match(text) or _numbered(text))


def _closed_heading(draft: Draft, i: int, kind: str) -> list[int] | None:
    """A numbered heading closed by a full stop, as government reports print their
    second-level heads ("（一）经济运行顶住压力、稳中有进。"), alone or wrapped over up to
    three lines (each but the last full, a word cut at each join): one sentence, ending on a line left short of
    the column (the paragraph ended there: a run-in lead's text would go on), at most
    MAX_HEADING characters, with body text under it. Not when an item of the same
    numbering stands right before or after it: one-line clauses "（一）……。" / "（二）……。"
    in a row are a list. Returns the lines that finish it."""
    lines, layout = draft.lines, draft.layout
    if layout.soft:
        return None
    span, text = [i], lines[i].text
    while not text.endswith("。"):
        if len(span) == 3 or not layout.full(lines[span[-1]], first=len(span) == 1):
            return None
        k = draft.next_content(span[-1])
        # (a word cut at the join says the line goes on: a heading is not broken at a word end
        # by chance as often as running text is, and the next line may be a sentence of its own)
        if k is None or lines[k].kind != BODY or _numbered(lines[k].text) or ARTICLE.match(lines[k].text) \
                or not _word_spans(lines[span[-1]].text, lines[k].text):
            return None
        span.append(k)
        text = join_wrapped(text, lines[k].text)
    if re.search(r"[。！？；：;:?!]", text[:-1]) or len(text) > MAX_HEADING \
            or layout.full(lines[span[-1]]):
        # (a run-in lead whose sentence ends at the line end fills it, less the indent)
        return None
    nxt, prev = draft.next_content(span[-1]), draft.prev_content(i)
    if nxt is None or lines[nxt].kind != BODY:
        return None
    for k in (nxt, prev):
        found = _numbered(lines[k].text) if k is not None else None
        if found and found[0] == kind:
            return None
    return span[1:]


def _heading_ends_whole(draft: Draft, line: Line, kind: str, k: int) -> bool:
    """A top-level numbered line ("一、2025年和“十四五”时期工作回顾") that happens to fill
    the column less an indent, whose last word ends with the line (jieba: no word runs
    into line k, no function word left open) and whose text has no punctuation but
    quotation marks, is a whole heading: the sentence that starts under it is the
    paragraph's own, not the rest of a clause. (A clause that fills its line is cut
    mid-word or mid-phrase at least as often as not: "（二）县级以上人民政府应当加强" /
    "领导。".) Only "一、" heads: clauses are numbered "（一）" and "1."."""
    text = line.text
    return (kind == "cn" and not re.search(r"[，。；：、,.;:！？!?（）()]", text[2:])
            and text[-1] not in OPEN_ENDINGS and not _word_spans(text, draft.lines[k].text)
            and not _opens_with_conjunction(draft.lines[k].text))


def _broken_heading(draft: Draft, i: int) -> list[int] | None:
    """A numbered line ending in a comma, short of the column, is a heading broken by hand
    after its comma (running text is justified to the column: a line of a paragraph is
    not left short at a comma) when one or two unpunctuated lines finish it, the last short
    ("一、坚持创新驱动，" / "加快建设现代化产业体" / "系") and text under it. Returns them."""
    lines, layout = draft.lines, draft.layout
    # (three characters short at least: an indented first line is two short)
    if layout.soft or lines[i].width >= layout.column - 6:
        return None
    rest: list[int] = []
    k = i
    while len(rest) < 2:
        k = draft.next_content(k)
        if k is None or _numbered(lines[k].text) or ARTICLE.match(lines[k].text) \
                or re.search(r"[，。；：！？,;:!?]", lines[k].text):
            return None
        rest.append(k)
        if not layout.full(lines[k]):
            break
    else:
        return None
    total = len(lines[i].text) + sum(len(lines[k].text) for k in rest)
    if total > MAX_HEADING or lines[rest[-1]].text[-1] in OPEN_ENDINGS or draft.next_content(rest[-1]) is None:
        return None
    return rest


def _lead_runs_on(draft: Draft, k: int) -> bool:
    """From line k (under a numbered line exactly as wide as an indented first line: two
    characters short of the column, give or take half a squeezed mark), over at most
    three full lines without a
    sentence end: does the first sentence end inside a line with text after it, or at
    the end of a full line that the paragraph goes on from? Then the numbered line
    opened a run-in lead ("（一）更好统筹质的" / "有效提升和量的合理增" / "长，经济实力显著
    增强。" / "全面落实……")."""
    lines = draft.lines
    for _ in range(3):
        text = lines[k].text
        if re.search(r"[。！？]", text):
            if _sentence_runs_on(text):
                return True
            nxt = draft.next_content(k)
            return (is_terminated(text) and draft.layout.full(lines[k]) and nxt is not None
                    and _numbered(lines[nxt].text) is None and not ARTICLE.match(lines[nxt].text))
        if not draft.layout.full(lines[k]) or _numbered(text):
            return False
        k = draft.next_content(k)
        if k is None:
            return False
    return False


def _sentence_runs_on(text: str) -> bool:
    """Does a sentence end inside the line and text go on after it ("步伐。抓好……")? Under
    a numbered line as wide as an indented first line (the column less two characters,
    less one for squeezed punctuation), that line opened a run-in lead: a heading shares
    no line with text. (A shorter heading may well be followed by a run-in paragraph.)"""
    m = re.search(r"[。！？]", text)
    return m is not None and m.end() < len(text) and not _numbered(text)


def _heading_continues(draft: Draft, head: str, k: int) -> bool:
    cand = draft.lines[k]
    if (re.search(r"[，。；！？,;!?]", cand.text) or _numbered(cand.text) or len(cand.text) > 20
            or ARTICLE.match(cand.text) or cand.text[-1] in "：:"):
        return False
    if _word_spans(head, cand.text) or width(cand.text) <= 0.6 * draft.layout.column:
        return True
    # A line that opens with a coordinating conjunction ("和“十四五”发展成就") joins a
    # second part to the phrase above: it finishes the heading, however wide.
    if _opens_with_conjunction(cand.text):
        return True
    # A heading does not end on a conjunction, preposition or structural particle
    # ("……时期和" / "2025年工作回顾"): the short line under it finishes it.
    if head[-1:] in OPEN_ENDINGS and not draft.layout.full(cand):
        return True
    # Several short unpunctuated lines that run into the next heading finish this one.
    j = k
    while (n := draft.next_content(j, kinds=(BODY, HEADING, LIST))) is not None:
        nxt = draft.lines[n]
        if nxt.kind != BODY or _numbered(nxt.text):
            return True
        if re.search(r"[，。；！？]", nxt.text) or width(nxt.text) > 0.75 * draft.layout.column:
            return False
        j = n
    return True


@cleaning_pass("detect_title_lines")
def detect_title_lines(draft: Draft) -> None:
    """Short unnumbered, unpunctuated lines between finished paragraphs are headings."""
    count = 0
    for i, line in enumerate(draft.lines):
        if line.kind != BODY or line.starts_paragraph:
            continue
        t = line.text
        if not 2 <= len(t) <= 30 or re.search(r"[，。；！？,;!?]", t) or t[-1] in CONTINUES:
            continue
        wrap = None
        if not draft.layout.soft and width(t) > 0.7 * draft.layout.column:
            wrap = _title_wrap(draft, i)
            if wrap is None and not _over_first_line(draft, i):
                continue
        if not any(c.isalpha() for c in t) or not _prev_closes(draft, i):
            continue
        nxt = draft.next_content(i, kinds=(BODY,))
        if nxt is None or _cut_line(t, draft.lines[nxt].text):
            continue
        if wrap is None and _pushed_over_token(draft, t, draft.lines[nxt].text):
            continue
        if _heads_nothing(draft, wrap if wrap is not None else i):
            continue
        # Not straight under another unnumbered heading (short lines there are a list:
        # "参见" over "集成电路" / "晶体管"), nor over a date alone (a signature: "国务院" /
        # "2019年11月19日").
        p = draft.prev_content(i)
        under_heading = (p is not None and draft.lines[p].kind == HEADING and draft.lines[p].heading
                         and draft.lines[p].heading.kind == "title")
        if (under_heading and _short_plain(draft.lines[nxt].text) and not draft.layout.full(draft.lines[nxt], first=True)) \
                or _DATE_LINE.match(draft.lines[nxt].text):
            continue
        if wrap is not None:
            t = join_wrapped(t, draft.lines[wrap].text)
            draft.lines[wrap].kind = LIFTED
            draft.note("detect_title_lines", f"line {line.no}: heading wrapped onto line {draft.lines[wrap].no}")
        line.kind = HEADING
        line.heading = HeadingFacts("title", "", t)
        count += 1
    if count:
        draft.note("detect_title_lines", f"found {count} unnumbered heading(s)")


def _short_plain(text: str) -> bool:
    """A short line without punctuation (an entry of a list of names, or a heading)."""
    return 2 <= len(text) <= 30 and not re.search(r"[，。；！？,;!?：:]", text)


def _cut_line(text: str, nxt: str) -> bool:
    """Is `text` a line cut off in running text: a quotation left open, or line breaking
    pushed a character over with a mark that may not start a line ("……“十四" / "五”……")?"""
    from .paragraphs import NO_LINE_START
    return text.count("“") > text.count("”") or nxt[1:2] in tuple(NO_LINE_START)


def _over_first_line(draft: Draft, i: int) -> bool:
    """A wide unpunctuated line left short of the column, over a line short by just the
    indent (a first line whose indent the extractor dropped) or indented: the line stands
    alone between paragraphs, a heading ("“十四五”时期工作回顾" / "“十四五”时期是甘肃发")."""
    from .paragraphs import short_by_indent
    k = draft.next_content(i)
    return (not draft.layout.full(draft.lines[i]) and k is not None and draft.lines[k].kind == BODY
            and (draft.lines[k].indent or short_by_indent(draft, k)))


def _heads_nothing(draft: Draft, i: int) -> bool:
    """Line i and the short unpunctuated lines after it to the end of the text are names
    of one kind, all ending in the same character (the figures appended to a law:
    "……国徽方格墨线图" / "……纵断面图"): peers, not a heading over entries (an
    encyclopedia's "参见" over the names of related entries heads them)."""
    from .core import BLANK, DROPPED
    last, rest = draft.lines[i].text[-1:], 0
    for ln in draft.lines[i + 1:]:
        if ln.kind in (BLANK, DROPPED, LIFTED):
            continue
        if ln.kind != BODY or not _short_plain(ln.text) or ln.text[-1:] != last:
            return False
        rest += 1
    return rest > 0


def _pushed_over_token(draft: Draft, text: str, nxt: str) -> bool:
    """Was the line left short by a token too long to break that opens the next line
    ("三次产业结构由" / "8.7∶41.2∶50.1调整为"): would the token not have fitted in the
    rest of the column? Then the line is running text, not a heading."""
    m = re.match(r"[\dA-Za-z][\dA-Za-z.．%％∶:/\-]*", nxt)
    return (m is not None and not draft.layout.soft
            and width(text) + width(m.group()) > draft.layout.column)


def _title_wrap(draft: Draft, i: int) -> int | None:
    """A heading too wide for a narrow column wraps: line i fills the column, the next
    line is shorter than a justified one, neither has punctuation (no sentence runs
    through them) and a word is cut at the join (jieba). Returns the second line."""
    from .paragraphs import NO_LINE_START
    j, p = draft.next_content(i), draft.prev_content(i)
    if j is None or not draft.layout.full(draft.lines[i]):
        return None
    # Only after a finished paragraph (not under another heading), and no brackets: a
    # paragraph's first line may open with a name and a bracketed number.
    if p is None or draft.lines[p].kind != BODY or not is_terminated(draft.lines[p].text):
        return None
    second = draft.lines[j].text
    if re.search(r"[（）()]", draft.lines[i].text + second):
        return None
    if (re.search(r"[，。；！？,;!?：:]", second) or _numbered(second) or ARTICLE.match(second)
            or width(second) > draft.layout.column - 2 or len(draft.lines[i].text) + len(second) > 40
            or not _word_spans(draft.lines[i].text, second)):
        return None
    k = draft.next_content(j)
    # A justified line left short by line breaking: the next line opens with a character
    # and a mark that may not start a line (see paragraphs.continues).
    # A justified line is also left short before a token too long to break (a number).
    if k is None or draft.lines[k].text[1:2] in tuple(NO_LINE_START) or re.match(r"[\dA-Za-z（(]", draft.lines[k].text):
        return None
    # A heading's last line ends on a whole word: one cut at the next join ("……三年获" /
    # "得“好”的等次") is running text left short by line breaking.
    if _word_spans(second, draft.lines[k].text):
        return None
    return j


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

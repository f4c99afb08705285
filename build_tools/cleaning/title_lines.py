"""The pass that finds unnumbered headings: short unpunctuated lines between finished
paragraphs, and headings wrapped over two lines of a narrow column."""
from __future__ import annotations

import re

from ..text import CONTINUES, is_terminated, join_wrapped, width
from .core import BLANK, BODY, DROPPED, HEADING, LIFTED, Draft, HeadingFacts, cleaning_pass
from .grammar import ARTICLE, _numbered, _prev_closes, _short_plain, _word_spans

# A date alone on its line (a signature's): "2019年11月19日", "二〇一九年…", "一九九六年二月五日"
# (documents of the 1990s write the year in Chinese figures).
_DATE_LINE = re.compile(r"^(?:19|20|二〇|二零|一九)[\d〇零一二三四五六七八九]{2}\s*年\s*[\d〇零一二三四五六七八九十]{1,2}\s*月"
                        r"\s*[\d〇零一二三四五六七八九十]{1,3}\s*日$")


@cleaning_pass("detect_title_lines")
def detect_title_lines(draft: Draft) -> None:
    """Short unnumbered, unpunctuated lines between finished paragraphs are headings."""
    count = 0
    for i, line in enumerate(draft.lines):
        if line.kind != BODY or line.starts_paragraph:
            continue
        rest = _promulgated_title(draft, i)
        if rest is not None:
            for k in rest:
                line.text = join_wrapped(line.text, draft.lines[k].text)
                draft.lines[k].kind = LIFTED
            draft.note("detect_title_lines", f"line {line.no}: title of a promulgated document, "
                                             f"{len(rest) + 1} lines")
            line.kind = HEADING
            line.heading = HeadingFacts("title", "", line.text)
            count += 1
            continue
        t = line.text
        if not 2 <= len(t) <= 30 or re.search(r"[，。；！？,;!?]", t) or t[-1] in CONTINUES:
            continue
        # A line wholly in brackets is a note ("（负责部门：商务部）" closing an item of a
        # policy document, "（此件公开发布）" under its signature), never a heading.
        if _BRACKETED_NOTE.fullmatch(t):
            continue
        wrap = None
        if not draft.layout.soft and width(t) > 0.7 * draft.layout.column:
            wrap = _title_wrap(draft, i)
            if wrap is None and not _over_first_line(draft, i):
                continue
        if not any(c.isalpha() for c in t) or not _after_closed_block(draft, i):
            continue
        nxt = draft.next_content(i, kinds=(BODY,))
        if nxt is None or _cut_line(t, draft.lines[nxt].text):
            continue
        if wrap is None and (_pushed_over_token(draft, t, draft.lines[nxt].text) or _word_runs_on(draft, i, nxt)):
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
                or _date_at(draft, nxt):
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


def _date_at(draft: Draft, k: int) -> bool:
    """Is line k a date alone, or its first part wrapped in a narrow column onto a line of
    one to three characters ("二〇〇四年十月十五" / "日")?"""
    text = draft.lines[k].text
    if _DATE_LINE.match(text):
        return True
    n = draft.next_content(k)
    return (n is not None and draft.lines[n].kind == BODY and len(draft.lines[n].text) <= 3
            and bool(_DATE_LINE.match(text + draft.lines[n].text)))


_BRACKETED_NOTE = re.compile(r"[（(][^（()）]+[）)]")


def _promulgated_title(draft: Draft, i: int) -> list[int] | None:
    """The title of the document a notice promulgates or transmits ("关于……工作意见的报告"),
    set in display type over the document and wrapped in a narrow column: two to four lines
    without sentence punctuation, all but the last filling the column, the whole no longer
    than a title (60 characters) and ending in the name of a kind of document (意见, 报告,
    办法, 方案 …), standing after a finished paragraph, a date alone (the notice's signature)
    or a bracketed note ("（此件公开发布）"). Returns the lines that finish it."""
    from .title_block import _DOCUMENT_KINDS
    if draft.layout.soft or not _after_closed_block(draft, i):
        return None
    rest, text, k = [], draft.lines[i].text, i
    if _one_line_title(draft, i, _DOCUMENT_KINDS):
        return []
    while draft.layout.full(draft.lines[k]) and len(rest) < 3:
        k = draft.next_content(k)
        if k is None or draft.lines[k].kind != BODY:
            return None
        rest.append(k)
        text += draft.lines[k].text
    if (not rest or len(text) > 60 or draft.layout.full(draft.lines[rest[-1]])
            or re.search(r"[，。；！？,;!?：:、]", text) or _numbered(text) or not text.endswith(_DOCUMENT_KINDS)):
        return None
    return rest


def _one_line_title(draft: Draft, i: int, kinds: tuple) -> bool:
    """Such a title that happens to fill one line: unpunctuated, ending in a kind of
    document, over a paragraph's first line (indented, or short by the indent the
    extractor dropped) — "政府网站集约化试点工作方案" / "为贯彻落实党中央、国务"."""
    from .paragraphs import short_by_indent
    line, k = draft.lines[i], draft.next_content(i)
    return (draft.layout.full(line) and line.text.endswith(kinds) and k is not None and draft.lines[k].kind == BODY
            and not re.search(r"[，。；！？,;!?：:、]", line.text) and not _numbered(line.text)
            and (draft.lines[k].indent or short_by_indent(draft, k)))


def _after_closed_block(draft: Draft, i: int) -> bool:
    """Does line i stand after a finished paragraph, a date alone (a signature's) or a short
    bracketed note ("（此件公开发布）"), or after no body line at all?"""
    p = draft.prev_content(i)
    if p is None or draft.lines[p].kind != BODY:
        return True
    prev = draft.lines[p].text.strip()
    return (_prev_closes(draft, i) or bool(_DATE_LINE.match(prev))
            or (bool(_BRACKETED_NOTE.fullmatch(prev)) and 4 <= len(prev) <= 22))


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


def _word_runs_on(draft: Draft, i: int, k: int) -> bool:
    """Does a word run from line i into line k (jieba: "山西杏儿沟煤" / "矿“8·11”事故……") and
    is line k no first line (as wide as the column, not indented)? Then line i is a
    paragraph's first line that line breaking left short, not a heading: a heading ends
    at a word's end and the paragraph under it opens with a first line."""
    nxt = draft.lines[k]
    return (not draft.layout.soft and not nxt.indent and nxt.width >= draft.layout.column - 2
            and _word_spans(draft.lines[i].text, nxt.text))


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
            or not (_word_spans(draft.lines[i].text, second) or width(second) <= draft.layout.column / 3)):
        # (a word cut at the join, or a last line of a few characters: "……2025年工作" /
        # "回顾"; a paragraph's line is not followed by so short a one without a full stop)
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
    # Joined for its shortness alone (no word cut), it must head a paragraph: the text
    # under it has punctuation within two lines (not another name wrapped alike: the
    # figures listed at a law's end, "……国徽方格" / "墨线图" / "……国徽纵断" / "面图").
    if not _word_spans(draft.lines[i].text, second):
        n = draft.next_content(k)
        if not re.search(r"[，。；！？,;!?：:]", draft.lines[k].text + (draft.lines[n].text if n is not None else "")):
            return None
    return j

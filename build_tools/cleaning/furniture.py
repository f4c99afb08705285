"""Passes that drop page furniture: editor tags, end marks, page numbers and running
headers/footers. Detection is by shape, position and repetition, never by known strings."""
from __future__ import annotations

import re
from collections import Counter

from ..text import is_terminated, squash
from .core import BODY, DROPPED, Draft, cleaning_pass

_EDITOR_TAG = re.compile(
    r"[\[【（(]\s*(?:责任编辑|责编|编辑|校对|审校|本文编辑|执行编辑|编校)\s*[：:][^\]】）)]{0,40}[\]】）)]")
_END_MARK = re.compile(r"\s*[▲△■□◆◇●◎★☆]+\s*$")
_FOLIO = (r"(?:[-—–·•~]\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[-—–·•~])?"
          r"|第\s*\d{1,4}\s*页\s*[,，/]?\s*共\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页\s*[,，/]?\s*第\s*\d{1,4}\s*页"
          r"|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?")
_PAGE_NUMBER = re.compile(rf"^(?:{_FOLIO})$", re.IGNORECASE)
# A folio sharing its line with a short name (a journal's name in the footer, left or right
# of the page number): "社会治理  第 3 页 共 8 页", "— 4 —  法治研究通讯", "经济要参第 17 页".
_NAME = r"[^\s\d，。；：、！？,.;:()（）《》“”]{2,16}"
_NAMED_FOLIO = re.compile(rf"^(?:(?P<before>{_NAME}?)\s*(?P<f1>{_FOLIO})|(?P<f2>{_FOLIO})\s*(?P<after>{_NAME}))$",
                          re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")


def _page_edge_lines(draft: Draft) -> set[int]:
    """Lines (ids) that open or close a page of the extractor's (next to a form feed)."""
    lines = draft.lines
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if ln.page_start:
            nxt = next((x for x in lines[i:] if x.kind == BODY), None)
            prev = next((x for x in reversed(lines[:i]) if x.kind == BODY), None)
            out |= {id(x) for x in (nxt, prev) if x is not None}
    if lines:
        last = next((x for x in reversed(lines) if x.kind == BODY), None)
        if last is not None:
            out.add(id(last))
    return out
_ISSUE_LIKE = re.compile(r"第\s*#+\s*期|#+\s*年|Vol\.|No\.|卷")


def _cut(draft: Draft, line, start: int, end: int, reason: str) -> None:
    draft.remove(line.text[start:end], reason, line.no)
    line.text = (line.text[:start] + line.text[end:]).strip()
    if not line.text:
        line.kind = DROPPED


@cleaning_pass("strip_editor_tags")
def strip_editor_tags(draft: Draft) -> None:
    """Drop editor tags such as [责任编辑：杨立]."""
    n = 0
    for line in draft.lines:
        if line.kind != BODY or "\t" in line.raw:  # table rows keep their cells whole
            continue
        while (m := _EDITOR_TAG.search(line.text)):
            _cut(draft, line, m.start(), m.end(), "editor tag")
            n += 1
            if line.kind != BODY:
                break
    if n:
        draft.note("strip_editor_tags", f"dropped {n} editor tag(s)")


@cleaning_pass("strip_end_marks")
def strip_end_marks(draft: Draft) -> None:
    """Drop end-of-article marks (▲, ■) that close the last paragraph."""
    content = [ln for ln in draft.lines if ln.kind == BODY and "\t" not in ln.raw]
    n = 0
    for idx, line in enumerate(content):
        m = _END_MARK.search(line.text)
        if not m:
            continue
        before = line.text[:m.start()]
        if not before or is_terminated(before) or idx == len(content) - 1:
            _cut(draft, line, m.start(), m.end(), "end mark")
            n += 1
    if n:
        draft.note("strip_end_marks", f"dropped {n} end mark(s)")


@cleaning_pass("strip_page_numbers")
def strip_page_numbers(draft: Draft) -> None:
    """Drop lines that are only a folio or page number, or a folio and a short name on one
    line (a running footer). A bare number beside a name ("附件 2") is a folio only when
    the same name stands beside a number on two lines or more."""
    n = 0
    named = [(line, m) for line in draft.lines if line.kind == BODY and "\t" not in line.raw
             and not _PAGE_NUMBER.match(line.text) and (m := _NAMED_FOLIO.match(line.text))]
    names = Counter(m.group("before") or m.group("after") for _, m in named)
    for line in draft.lines:
        if line.kind == BODY and "\t" not in line.raw and _PAGE_NUMBER.match(line.text):
            draft.remove(line.text, "page number", line.no)
            line.kind = DROPPED
            line.folio = True
            n += 1
    edges = _page_edge_lines(draft)
    for line, m in named:
        name, folio = m.group("before") or m.group("after"), m.group("f1") or m.group("f2")
        # A bare number beside a name is a folio only at a page's edge, and only when the
        # same name stands so twice ("附件 2" over an appendix is text).
        if _BARE_NUMBER.match(folio) and (names[name] < 2 or id(line) not in edges or not re.search(r"\s", m.group())):
            continue
        draft.remove(name, "running footer", line.no)
        draft.remove(folio, "page number", line.no)
        line.kind = DROPPED
        line.folio = True
        n += 1
    if n:
        draft.note("strip_page_numbers", f"dropped {n} page number line(s)")


_DIGITS = re.compile(r"\d+")


def _shape(text: str) -> str:
    return _DIGITS.sub("#", squash(text))


# An issue line, alone or after a short unpunctuated name: "2023年第3期", "第 3 期",
# "2023 年第 3 期（总第 45 期）", "Vol. 3, No. 2", "法治研究通讯  2023年第3期". A
# parenthesised "（第 3 期）" is part of a newsletter's title line, not an issue line.
# One or more of: "2023年第3期", "2023年3月" (a date too: "2023年3月16日"), "第 3 期",
# "（总第 45 期）", "Vol. 3, No. 2" ("第8期  2018年8月16日" is a newsletter's issue line).
_ISSUE_TOKEN = (r"(?:(?:19|20)\d{2}\s*年\s*(?:第\s*\d{1,3}\s*期|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)"
                r"|第\s*\d{1,3}\s*期|[（(]?\s*总第\s*\d+\s*期\s*[)）]?|Vol\.?\s*\d+\s*,?\s*No\.?\s*\d+)")
_ISSUE = rf"{_ISSUE_TOKEN}(?:\s*[·|｜/]?\s*{_ISSUE_TOKEN})*"
_ISSUE_LINE = re.compile(rf"^(?P<name>[^\s，。；：、！？,.;:()（）]{{0,16}}\s*)?(?:{_ISSUE})(?:\s*\d{{1,4}})?$",
                         re.IGNORECASE)
_PUNCT = re.compile(r"[，。；：、！？,.;:]")


def _top_lines(draft: Draft, n: int) -> list[int]:
    return [i for i, ln in enumerate(draft.lines) if ln.kind == BODY][:n]


@cleaning_pass("strip_issue_lines")
def strip_issue_lines(draft: Draft) -> None:
    """Drop issue lines ("2023年第3期", "第 3 期", a journal name before one) wherever they
    stand: a short document prints its masthead or running header only once or twice, so
    the shape of the line is the evidence, not its repetition. At the top of page 1 the
    short unpunctuated line just above the issue line is the masthead's journal name."""
    top = _top_lines(draft, 3)
    n = 0
    for i, line in enumerate(draft.lines):
        if line.kind != BODY or "\t" in line.raw or not _ISSUE_LINE.match(line.text):
            continue
        masthead = i in top
        # A date alone is a masthead's only at the top of page 1: elsewhere it is the
        # text's own (the date under a notice or a signature).
        if "日" in line.text and not re.search(r"期|Vol|No", line.text, re.IGNORECASE) and not masthead:
            continue
        draft.remove(line.text, "banner (masthead)" if masthead else "running header/footer", line.no)
        line.kind = DROPPED
        n += 1
        p = draft.prev_content(i)
        if masthead and p is not None and p in top and draft.lines[p].kind == BODY:
            name = draft.lines[p]
            if len(name.text) <= 12 and not _PUNCT.search(name.text):
                draft.remove(name.text, "banner (masthead)", name.no)
                name.kind = DROPPED
                n += 1
    if n:
        draft.note("strip_issue_lines", f"dropped {n} masthead/issue line(s)")


def _near_page_number(draft: Draft, i: int, reach: int = 3) -> bool:
    """Is line i within `reach` lines of a dropped folio (a page boundary)?"""
    lines = draft.lines
    for j in range(max(0, i - reach), min(len(lines), i + reach + 1)):
        if lines[j].kind == DROPPED and lines[j].folio:
            return True
    return False


_INNER_PUNCT = re.compile(r"[，、；,;]")


def _repeated_sentence_line(draft: Draft, i: int) -> bool:
    """A recurring line that is running text: a phrase of the body repeated and wrapped
    alike (a law's "……规定商品和" / "收费的作价原则、作价办法，制定、调整" in three
    articles). It has punctuation inside and, in a text whose page breaks are known (form
    feeds or dropped folios), stands at no page edge: a running header stands at one.
    Also a recurring line that finishes the line above it, left open on a function word,
    or one as wide as the column with text straight above and below it (a narrow column
    wraps a law's repeated phrases alike: "全法第一百四十八条第二")."""
    from .grammar import OPEN_ENDINGS
    lines = draft.lines
    p = draft.prev_content(i)
    # (or it finishes a line above left open on a function word: "第二章 产品生产企业的" /
    # "质量责任", the wrap of three chapter headings)
    if not (_INNER_PUNCT.search(lines[i].text[:-1]) or (p is not None and lines[p].text[-1:] in OPEN_ENDINGS)
            or _column_line_in_a_block(draft, i)):
        return False
    if not any(ln.page_start or (ln.kind == DROPPED and ln.folio) for ln in lines):
        return False
    return not (_near_page_number(draft, i) or _near_page_start(draft, i))


def _column_line_in_a_block(draft: Draft, i: int) -> bool:
    """Is line i as wide as the column (within a character), with a content line straight
    above and below it (no blank line between: the extractor did not set it apart)?"""
    lines, layout = draft.lines, draft.layout
    if layout.soft or abs(lines[i].width - layout.column) > 2:
        return False
    return 0 < i < len(lines) - 1 and all(lines[k].kind == BODY for k in (i - 1, i + 1))


def _near_page_start(draft: Draft, i: int, reach: int = 3) -> bool:
    """Is line i among the first or last `reach` content lines of a page of the
    extractor's (a form feed starts a page; the text's own start and end count too)?"""
    lines = draft.lines
    content = [k for k, ln in enumerate(lines) if ln.kind == BODY or ln.page_start or k == i]
    pos = content.index(i)
    before = content[max(0, pos - reach + 1):pos + 1]
    after = content[pos + 1:pos + 1 + reach]
    return (pos < reach or len(content) - pos <= reach
            or any(lines[k].page_start for k in before + after))


@cleaning_pass("strip_running_headers")
def strip_running_headers(draft: Draft) -> None:
    """Drop running headers/footers: short unterminated lines that recur on many pages
    (digits folded, so "2021年第3期 12" and "2021年第3期 13" are one header), or recur
    only twice but each time next to a folio (the page boundary of a short document).
    The first printing at the top of page 1 stays: a title repeated in the header of
    later pages is still the title (lift_front_matter decides what it is)."""
    body = [(ln, _shape(ln.text)) for ln in draft.lines if ln.kind == BODY]
    shapes = Counter(shape for _, shape in body)
    # Only lines above the first finished sentence can be the top of page 1.
    top = set()
    for i in _top_lines(draft, 3):
        if is_terminated(draft.lines[i].text):
            break
        top.add(i)
    index = {id(ln): i for i, ln in enumerate(draft.lines)}
    seen: set[str] = set()
    n = 0
    for line, shape in body:
        if "\t" in line.raw:
            continue
        count = shapes[shape]
        if (not 4 <= len(shape) <= 40 or is_terminated(line.text) or count < 2
                or line.text[-1] in "，、：,:"):
            continue
        i = index[id(line)]
        first_at_top = shape not in seen and i in top
        seen.add(shape)
        if first_at_top:
            continue
        if count >= 3 and _repeated_sentence_line(draft, i):
            continue
        if count >= 3 or _ISSUE_LIKE.search(shape) or (
                _near_page_number(draft, i) and not _PUNCT.search(line.text)):
            draft.remove(line.text, "running header/footer", line.no)
            line.kind = DROPPED
            n += 1
    if n:
        draft.note("strip_running_headers", f"dropped {n} running header/footer line(s)")


@cleaning_pass("apply_editor_hints")
def apply_editor_hints(draft: Draft) -> None:
    """An editor's hints from the sidecar: running headers the detector missed are dropped,
    and forced paragraph breaks start a paragraph at the given source lines."""
    headers = {squash(h) for h in draft.hints.get("running_headers", [])}
    breaks = set(draft.hints.get("paragraph_breaks", []))
    for line in draft.lines:
        if line.kind == BODY and headers and squash(line.text) in headers:
            draft.remove(line.text, "running header (editor's hint)", line.no)
            line.kind = DROPPED
        if line.no in breaks:
            line.starts_paragraph = True
    if headers or breaks:
        draft.note("apply_editor_hints", f"{len(headers)} running header(s), {len(breaks)} paragraph break(s)")


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
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–·•~]\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[-—–·•~])?$"
    r"|^\d{1,4}\s*/\s*\d{1,4}$|^(?:page|p\.)\s*\d{1,4}$", re.IGNORECASE)
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
    """Drop lines that are only a folio or page number."""
    n = 0
    for line in draft.lines:
        if line.kind == BODY and "\t" not in line.raw and _PAGE_NUMBER.match(line.text):
            draft.remove(line.text, "page number", line.no)
            line.kind = DROPPED
            line.data["folio"] = True
            n += 1
    if n:
        draft.note("strip_page_numbers", f"dropped {n} page number line(s)")


_DIGITS = re.compile(r"\d+")


def _shape(text: str) -> str:
    return _DIGITS.sub("#", squash(text))


# An issue line, alone or after a short unpunctuated name: "2023年第3期", "第 3 期",
# "2023 年第 3 期（总第 45 期）", "Vol. 3, No. 2", "法治研究通讯  2023年第3期". A
# parenthesised "（第 3 期）" is part of a newsletter's title line, not an issue line.
_ISSUE = (r"(?:(?:19|20)\d{2}\s*年\s*(?:第\s*\d{1,3}\s*期|\d{1,2}\s*月)|第\s*\d{1,3}\s*期)"
          r"(?:\s*[（(]\s*总第\s*\d+\s*期\s*[)）])?"
          r"|Vol\.?\s*\d+\s*,?\s*No\.?\s*\d+")
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
        if lines[j].kind == DROPPED and lines[j].data.get("folio"):
            return True
    return False


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
            line.data["starts_paragraph"] = True
    if headers or breaks:
        draft.note("apply_editor_hints", f"{len(headers)} running header(s), {len(breaks)} paragraph break(s)")


_NAME_SHAPE = re.compile(r"^[^\s\d，。；：、！？,.;:()（）《》“”\"'—-]{2,12}$")


def _page_edge_name(draft: Draft, i: int) -> bool:
    """Is line i name-shaped (2-12 characters, no digits, spaces or punctuation) and not
    numbered, i.e. shaped like a periodical's name rather than text?"""
    from .structure import _numbered
    line = draft.lines[i]
    return (line.kind == BODY and "\t" not in line.raw and bool(_NAME_SHAPE.match(line.text))
            and _numbered(line.text) is None)


@cleaning_pass("strip_page_edge_names")
def strip_page_edge_names(draft: Draft) -> None:
    """A journal name printed once in the header of a short document's later page. Its
    text alone is a one-line heading's, so the evidence is its place at a page boundary
    (a dropped folio): a line that repeats furniture already dropped (the masthead's
    name); the last line before the folio (a heading never ends a page: it is kept with
    its text, and a paragraph's last line ends in punctuation); or the first line after
    it when the sentence of the page before runs on past it (no heading cuts a sentence).
    A name-shaped line that repeats the dropped masthead goes wherever it stands, and so
    does one that stands inside a running sentence (see _inside_sentence), and a line
    reprinting one of the title block's lines inside a sentence."""
    lines = draft.lines
    # The masthead's name (a running header may be the title, or a line of it).
    dropped = {squash(r.text) for r in draft.doc.removed if r.reason.startswith("banner")}
    # Nothing above the first finished sentence: a title wraps into short lines there.
    first_end = next((k for k, ln in enumerate(lines) if ln.kind == BODY and is_terminated(ln.text)), len(lines))
    # The title block (first lines): a page header may reprint the title.
    top = {squash(lines[k].text) for k in [k for k, ln in enumerate(lines[:first_end]) if ln.kind == BODY][:4]}
    n = 0
    # Anywhere: extractors that read columns one after another leave a page's header
    # between two columns, far from its folio; the masthead's name is known by then.
    for i, line in enumerate(lines):
        if (i > first_end and line.kind == BODY and "\t" not in line.raw and 6 <= len(line.text) <= 40
                and not _PUNCT.search(line.text) and squash(line.text) in top and _runs_across(draft, i)):
            reason, why = "running header (title inside a sentence)", "reprints the title inside a sentence"
        elif not _page_edge_name(draft, i):
            continue
        elif dropped and squash(line.text) in dropped:
            reason, why = "running header (repeats the masthead)", "repeats dropped furniture"
        elif i > first_end and _inside_sentence(draft, i):
            reason, why = "running header (inside a sentence)", "stands inside a running sentence"
        else:
            continue
        draft.remove(line.text, reason, line.no)
        line.kind = DROPPED
        draft.note("strip_page_edge_names", f"line {line.no}: {line.text!r} {why}")
        n += 1
    for f, folio in enumerate(lines):
        if folio.kind != DROPPED or not folio.data.get("folio"):
            continue
        before, after = draft.prev_content(f), draft.next_content(f)
        for i, side in ((before, "before"), (after, "after")):
            if i is None or not _page_edge_name(draft, i) or _reads_as_text(draft, i):
                continue
            line = lines[i]
            if squash(line.text) in dropped:
                why = "repeats dropped furniture"
            elif side == "before" and _ends_page(draft, i):
                why = "ends its page"
            elif side == "after" and _splices_sentence(draft, f, i):
                why = "cuts a sentence across the page break"
            else:
                continue
            draft.remove(line.text, "running header (page edge)", line.no)
            line.kind = DROPPED
            draft.note("strip_page_edge_names", f"line {line.no}: {line.text!r} at a page boundary {why}")
            n += 1
    if n:
        draft.note("strip_page_edge_names", f"dropped {n} name line(s) at page boundaries")


def _ends_page(draft: Draft, i: int) -> bool:
    """Line i is the last of its page and stands after finished or running text: the line
    before it is body text (a heading over nothing cannot end a page)."""
    p = draft.prev_content(i)
    return p is not None and draft.lines[p].kind == BODY


def _splices_sentence(draft: Draft, folio: int, i: int) -> bool:
    """The body line before the folio is unfinished and the line after line i goes on."""
    p, nxt = draft.prev_content(folio), draft.next_content(i)
    if p is None or nxt is None or draft.lines[p].kind != BODY:
        return False
    return not is_terminated(draft.lines[p].text) and draft.lines[p].text[-1] not in "：:"


def _inside_sentence(draft: Draft, i: int) -> bool:
    """Line i is short, between a full line whose sentence is unfinished and a line that
    goes on with it: running text has no short line there (a middle line of a paragraph
    is justified to the column), so it is a header that an extractor reading columns one
    after another left between them ("……城镇化率达到" / name / "67.4%。……"). It is at
    least four characters short (line breaking leaves one), and no word runs across it."""
    from .structure import ARTICLE, _numbered, _word_spans
    lines, layout = draft.lines, draft.layout
    p, n = draft.prev_content(i), draft.next_content(i)
    if layout.soft or p is None or n is None or lines[p].kind != BODY:
        return False
    prev, line, nxt = lines[p], lines[i], lines[n]
    # Short even for a paragraph's first line (its two-character indent) and not under
    # a numbered line (a heading, whose wrap or first paragraph line may follow).
    # The line before is full, or was left short by the token that opens the next one
    # (a number cannot be broken: "……城镇化率达到" / "67.4%。"). A person's name may
    # be a byline that layout analysis put mid-page: not furniture.
    token = re.match(r"[\dA-Za-z.%]+", nxt.text)
    prev_full = layout.full(prev) or (token is not None and layout.full(
        type(prev)(0, prev.raw.strip() + token.group(), "", False)))
    return (prev_full and not is_terminated(prev.text) and prev.text[-1] not in "：:"
            and _numbered(prev.text) is None and not line.indent and not _person_name(line.text)
            and line.width <= layout.column - 8
            and _numbered(nxt.text) is None and not ARTICLE.match(nxt.text)
            and not _word_spans(line.text, nxt.text) and not _word_spans(prev.text, line.text))


def _person_name(text: str) -> bool:
    """A person's name: two or three characters, or a transliteration with "·" (a
    four-character line is as often a periodical's name)."""
    from .fields import _names
    names = _names(text)
    return bool(names) and len(names) == 1 and (len(names[0]) <= 3 or "·" in names[0])


def _runs_across(draft: Draft, i: int) -> bool:
    """The body line before line i is a full line of running text (not a heading) whose
    sentence is unfinished, and the line after it is not numbered: line i interrupts a
    sentence."""
    from .structure import ARTICLE, _numbered
    p, n = draft.prev_content(i), draft.next_content(i)
    if p is None or n is None or draft.lines[p].kind != BODY:
        return False
    prev, nxt = draft.lines[p].text, draft.lines[n].text
    return (draft.layout.full(draft.lines[p]) and not is_terminated(prev) and prev[-1] not in "：:"
            and _numbered(prev) is None and _numbered(nxt) is None and not ARTICLE.match(nxt))


def _reads_as_text(draft: Draft, i: int) -> bool:
    """Could line i be a line of the running text? In a narrow column a line of text is
    short and unpunctuated too: it is text when it is not clearly shorter than the
    column (four characters) or a word runs across its start or end ("……技" / "术合同")."""
    from .structure import _word_spans
    lines, layout = draft.lines, draft.layout
    if not layout.soft and lines[i].width > layout.column - 8:
        return True
    p, n = draft.prev_content(i), draft.next_content(i)
    return ((p is not None and lines[p].kind == BODY and _word_spans(lines[p].text, lines[i].text))
            or (n is not None and _word_spans(lines[i].text, lines[n].text)))

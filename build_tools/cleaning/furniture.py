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
            n += 1
    if n:
        draft.note("strip_page_numbers", f"dropped {n} page number line(s)")


_DIGITS = re.compile(r"\d+")


def _shape(text: str) -> str:
    return _DIGITS.sub("#", squash(text))


@cleaning_pass("strip_running_headers")
def strip_running_headers(draft: Draft) -> None:
    """Drop running headers/footers: short unterminated lines that recur on many pages
    (digits folded, so "2021年第3期 12" and "2021年第3期 13" are one header)."""
    body = [(ln, _shape(ln.text)) for ln in draft.lines if ln.kind == BODY]
    shapes = Counter(shape for _, shape in body)
    n = 0
    for line, shape in body:
        if "\t" in line.raw:
            continue
        count = shapes[shape]
        if (not 4 <= len(shape) <= 40 or is_terminated(line.text) or count < 2
                or line.text[-1] in "，、：,:"):
            continue
        if count >= 3 or _ISSUE_LIKE.search(shape):
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

"""Subtitles under a title: dashed "——……" lines, speech dates ("2026年2月3日在……会议
上", wrapped over up to three lines), year notes, and a line under the authors."""
from __future__ import annotations

import re

from ..text import is_terminated
from .core import Draft
from .grammar import _numbered as numbered


def _year_note(text: str) -> bool:
    """A short bracketed line under a title that belongs to it: "（2026年）", "（草案）"."""
    return bool(re.fullmatch(r"[（(][^（）()，。；：]{1,8}[）)]", text))


# The dashes a subtitle opens with: the em dash, and the horizontal bar (U+2015) that
# GB2312-era converters put for it ("――2026年1月27日在……会议上").
_SUBTITLE_DASHES = ("——", "—", "――", "―")


# A speech's subtitle printed without its dash: "2026年2月3日在……会议上" (a date, 在, the
# occasion, 上, perhaps "的讲话/报告"), wrapped over up to three lines of a narrow column;
# no punctuation inside (a sentence that opens with a date has a comma before its end).
_SPEECH_DATE = re.compile(r"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日在[^，。；：,;:！？]*$")


_SPEECH_END = re.compile(r"上(?:的(?:讲话|报告|发言|致辞|工作报告))?$")


def _speech_date_lines(draft: Draft, i: int) -> list[int] | None:
    """The lines of a dashless speech subtitle starting at line i, or None."""
    text = draft.lines[i].text
    if not _SPEECH_DATE.match(text):
        return None
    out = [i]
    while not _SPEECH_END.search(text) and len(out) < 3:
        j = draft.next_content(out[-1])
        if j is None or not _SPEECH_DATE.match(text + draft.lines[j].text):
            return None
        out.append(j)
        text += draft.lines[j].text
    return out if _SPEECH_END.search(text) and len(text) <= 60 else None


def _subtitle_start(text: str, draft: Draft | None = None, i: int | None = None) -> bool:
    """A subtitle line under a title: "——在……上的报告", a parenthesised note such as a
    law's "（2019年4月23日……通过）", or (given the draft and the line) a dashless speech
    date line."""
    if numbered(text):
        return False
    if text.startswith(_SUBTITLE_DASHES + ("（", "(")):
        return True
    return draft is not None and _speech_date_lines(draft, i) is not None


def _subtitle_lines(draft: Draft, i: int) -> list[int]:
    """The subtitle starting at line i, wrapped over up to three lines: a parenthesised
    one runs to its closing parenthesis."""
    dated = _speech_date_lines(draft, i)
    if dated:
        return dated
    out = [i]
    text = draft.lines[i].text
    while text.startswith(("（", "(")) and text.count("（") + text.count("(") > \
            text.count("）") + text.count(")") and len(out) < 3:
        j = draft.next_content(out[-1])
        if j is None:
            break
        out.append(j)
        text += draft.lines[j].text
    return out


def _subtitleish(draft: Draft, i: int) -> bool:
    ln = draft.lines[i]
    if ln.text.startswith(_SUBTITLE_DASHES):
        return True
    if len(ln.text) <= 20 and not re.search(r"[，：,:]", ln.text):
        return False   # a short unpunctuated line under the authors is the first heading
    nxt = draft.next_content(i)
    # (a line ending in a comma is a sentence's first line, cut short by its width)
    return (len(ln.text) <= 50 and "。" not in ln.text and not is_terminated(ln.text)
            and ln.text[-1] not in "，,、；;" and not draft.layout.full(ln) and nxt is not None)

"""The pass that lifts labelled fields out of the body: abstract, keywords, CLC number,
DOI, funding note ... (the title block is front_matter.py's)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..text import is_terminated, join_wrapped
from .core import BLANK, BODY, LIFTED, Draft, cleaning_pass


@lru_cache(maxsize=1)
def _labels() -> tuple[list[tuple[str, str, re.Pattern]], str]:
    conf = yaml.safe_load((Path(__file__).parent.parent / "data" / "labels.yml").read_text("utf-8"))
    fields = [("abstract", lab) for lab in conf["abstract"]]
    fields += [("keywords", lab) for lab in conf["keywords"]]
    for key, labs in conf["metadata"].items():
        fields += [(f"metadata.{key}", lab) for lab in labs]
    junk = "".join(conf.get("colon_lookalikes", []))
    out = []
    for field, lab in fields:
        spaced = r"\s*".join(re.escape(c) for c in lab if not c.isspace())
        out.append((field, lab, re.compile(spaced, re.IGNORECASE)))
    return out, junk


def _match_label(text: str, pos: int = 0):
    """A label at text[pos:]: bracketed 【摘要】, or bare and followed by a colon, a colon
    look-alike or white space. Returns (field, start, end_of_label, junk_span) or None."""
    labels, junk = _labels()
    bracket = text.startswith(("【", "["), pos)
    inner = pos + 1 if bracket else pos
    for field, _, rx in labels:
        m = rx.match(text, inner)
        if not m:
            continue
        end = m.end()
        if bracket:
            if text[end:end + 1] not in ("】", "]"):
                continue
            return field, pos, end + 1, None
        rest = text[end:end + 1]
        if rest in ("：", ":"):
            return field, pos, end + 1, None
        if rest and rest in junk:
            return field, pos, end, (end, end + 1)
        if rest.isspace() or not rest:
            return field, pos, end, None
    return None


def _split_labelled(text: str):
    """Split a line holding one or more labels into (field, label_text, value, junk)."""
    parts = []
    pos = 0
    found = _match_label(text, 0)
    if not found and (dated := _DATE_PREFIX.match(text)):   # "2024年3月15日  来源：……"
        found = _match_label(text, dated.end())
    if not found:
        # markdown bold around a label: **【文献标识码】**
        stripped = text.lstrip("*")
        if stripped != text and (found := _match_label(stripped, 0)):
            pos = len(text) - len(stripped)
            found = (found[0], found[1] + pos, found[2] + pos,
                     None if not found[3] else (found[3][0] + pos, found[3][1] + pos))
        else:
            return None
    while found:
        field, start, end, junk = found
        value_start = junk[1] if junk else end
        nxt = None
        for k in range(value_start, len(text)):
            if text[k] in "【*" and (cand := _match_label(text, k if text[k] == "【"
                                                      else len(text) - len(text[k:].lstrip("*")))):
                nxt = (k, cand)
                break
            # Several fields on one line, set apart by white space: "中图分类号：F752  文献标识码：A".
            if k > value_start and text[k - 1].isspace() and not text[k].isspace() \
                    and (cand := _match_label(text, k)) and text[cand[2] - 1] in "：:":
                nxt = (k, cand)
                break
        value_end = nxt[0] if nxt else len(text)
        parts.append((field, text[start:end], text[value_start:value_end],
                      text[junk[0]:junk[1]] if junk else "", text[pos:start]))
        if not nxt:
            break
        pos = nxt[0]
        found = nxt[1]
    return parts


def _continuation(draft: Draft, idx: int) -> list[int]:
    """Lines after idx that continue the same paragraph (for a multi-line abstract)."""
    out = []
    prev = draft.lines[idx]
    j = idx
    while True:
        j = draft.next_content(j)
        if j is None:
            break
        line = draft.lines[j]
        if _split_labelled(line.text):
            break
        ends = is_terminated(prev.text)
        # A field set across the page, over the body's narrower columns, ends where its
        # sentence (or a colon) ends and lines of 0.6 of its width or less come (two of
        # them: a column, not the field's own short last line).
        if (ends or prev.text[-1:] in "：:") and _column_under(draft, j, max(draft.lines[k].width for k in [idx] + out)):
            break
        if ends and (not draft.layout.full(prev) or line.indent):
            break
        if draft.layout.soft and ends:
            break
        out.append(j)
        prev = line
    return out


def _column_under(draft: Draft, j: int, field_width: int) -> bool:
    """Do line j and the line after it run narrower than 0.6 of the field's width, neither
    of them a labelled field?"""
    k = draft.next_content(j)
    return k is not None and all(draft.lines[x].width <= 0.6 * field_width and not _split_labelled(draft.lines[x].text)
                                 for x in (j, k))


_DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,8}\s*[〔［\[(（]\s*(?:19|20)\d{2}\s*[〕］\])）]\s*\d{1,4}\s*号$")


def _document_number_line(draft: Draft) -> int | None:
    """The line of an official document's number ("国发〔2019〕12号"): among the first 40
    lines, or anywhere on page 1 as a text block of its own (blank lines around it), where
    an extractor that reads a 3-column page column by column puts a line set across the
    columns under the title (pdfminer: inside a sentence of the first column)."""
    lines = draft.lines
    page1 = True
    for k, line in enumerate(lines):
        page1 = page1 and not (k and (line.page_start or line.folio))
        if not (page1 or k < 40):
            return None
        if (line.kind == BODY and _DOCUMENT_NUMBER.match(line.text)
                and (k < 40 or (lines[k - 1].kind == BLANK and k + 1 < len(lines) and lines[k + 1].kind == BLANK))):
            return k
    return None


_DATE = re.compile(r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


_DATE_PREFIX = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*\d{1,2}[:：]\d{2})?\s+")


_LATIN_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9'’‘\-–—:,.&()/ ]+$")


def _lift_english_title(draft: Draft, i: int) -> None:
    """The English title of a Chinese article: one or two Latin lines of three words or
    more straight above its English abstract (line i)."""
    title: list[int] = []
    j = i
    while len(title) < 2 and (j := draft.prev_content(j)) is not None:
        ln = draft.lines[j]
        if ln.kind != BODY or not _LATIN_LINE.match(ln.text) or len(ln.text.split()) < 3 \
                or ln.text.rstrip()[-1:] in ".;":
            break
        title.insert(0, j)
    if title:
        draft.doc.metadata["title_en"] = " ".join(draft.lines[k].text.strip() for k in title)
        for k in title:
            draft.lines[k].kind = LIFTED


@cleaning_pass("lift_labelled_fields")
def lift_labelled_fields(draft: Draft) -> None:
    """Lift 摘要/关键词/中图分类号/DOI ... fields, wherever the extractor put them."""
    doc = draft.doc
    lifted = 0
    for i, line in enumerate(draft.lines):
        if line.kind != BODY:
            continue
        parts = _split_labelled(line.text)
        if not parts:
            continue
        for field, label, value, junk, before in parts:
            if _DATE.match(before.strip()):      # "2024年3月15日  来源：……": a dateline
                doc.metadata["date"] = before.strip()
            elif before.strip():
                draft.remove(before, "markup around a field label", line.no)
            draft.remove(label, "field label", line.no)
            if junk:
                draft.remove(junk, "OCR junk (mis-decoded colon after a label)", line.no)
            value = value.strip()
            for stars in (re.match(r"^\*+", value), re.search(r"\*+$", value)):
                if stars:
                    draft.remove(stars.group(), "markup around a field label", line.no)
            value = value.strip("*").strip()
            if field in ("abstract", "metadata.abstract_en"):
                for j in _continuation(draft, i):
                    value = join_wrapped(value, draft.lines[j].text)
                    draft.lines[j].kind = LIFTED
            if field == "metadata.abstract_en":
                _lift_english_title(draft, i)
            if field == "abstract":
                doc.abstract = join_wrapped(doc.abstract, value) if doc.abstract else value
            elif field == "keywords":
                doc.keywords += [k for k in re.split(r"[；;，,、\s]+", value) if k]
                for sep in re.findall(r"[；;，,、]", value):
                    draft.remove(sep, "keyword separator", line.no)
            else:
                key = field.split(".", 1)[1]
                doc.metadata[key] = (doc.metadata[key] + "\n" + value) if key in doc.metadata else value
            lifted += 1
        line.kind = LIFTED
    # An official document's number ("国发〔2019〕12号") under its title.
    k = _document_number_line(draft)
    if k is not None:
        doc.metadata["document_number"] = draft.lines[k].text
        draft.lines[k].kind = LIFTED
        lifted += 1
    # A funding note: "* 本文系……" tied to an asterisk after the title.
    for line in draft.lines[:60]:
        m = re.match(r"^[*＊]\s*(\S.*)$", line.text)
        if line.kind == BODY and m and re.search(r"本文|基金|项目|资助", m.group(1)[:20]):
            draft.remove(line.text[:m.start(1)], "funding-note mark", line.no)
            doc.metadata["funding"] = m.group(1)
            line.kind = LIFTED
            lifted += 1
            break
    if lifted:
        draft.note("lift_labelled_fields", f"lifted {lifted} labelled field(s)")

"""Passes that lift the article's apparatus out of the body: labelled fields (abstract,
keywords, CLC number, DOI, funding note ...), then title, authors, subtitle and banner."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..text import is_ideograph, is_terminated, join_wrapped, tidy_spacing
from .core import BODY, DROPPED, LIFTED, Draft, Line, cleaning_pass
from .grammar import _numbered as numbered


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
    for line in draft.lines[:40]:
        if line.kind == BODY and _DOCUMENT_NUMBER.match(line.text):
            doc.metadata["document_number"] = line.text
            line.kind = LIFTED
            lifted += 1
            break
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


_BYLINE = re.compile(r"^(?:以下文章作者|以下文章来源于|作\s*者\s*[：:|｜]|文\s*[/／|｜]|撰文\s*[：:]|[Bb]y\s"
                     r"|(?:本报|本刊|新华社)?(?:特约)?(?:记者|通讯员|评论员)\s*[：:]?(?=\s*[\u4e00-\u9fff]))\s*(.+)$")
_NAME_SEP = re.compile(r"[\s、，,；;]+")


def _name_token(t: str) -> bool:
    """A Chinese name of 1-4 characters (or part of one), or a transliterated name whose
    parts, each of 1-6 characters, are joined by "·" ("艾尔肯·吐尼亚孜")."""
    parts = t.split("·")
    if len(parts) == 1:
        return 1 <= len(t) <= 4 and all(is_ideograph(c) for c in t)
    return len(parts) <= 3 and all(1 <= len(p) <= 6 and all(is_ideograph(c) for c in p) for p in parts)


# Affiliation marks after a name: "张三1,2", "李四²", "王五*".
_AFFILIATION_MARK = re.compile(r"(?<=[\u4e00-\u9fff])(?:[\d¹²³⁴-⁹]+(?:[,，][\d¹²³⁴-⁹]+)*[*＊†‡]?|[*＊†‡]+)")


def _names(text: str) -> list[str] | None:
    """Author names from a name-only line ("郝宇彪 明 莹", "张三1,2 李四2"), or None if it
    is not one."""
    text = _AFFILIATION_MARK.sub(" ", text)
    if len(text) > 40 or not text.strip():
        return None
    tokens = [t for t in _NAME_SEP.split(text) if t]
    if not tokens or len(tokens) > 8:
        return None
    if not all(_name_token(t) for t in tokens):
        return None
    if len(tokens) == 1 and len(tokens[0]) < 2:
        return None
    names: list[str] = []
    for t in tokens:  # extractors split two-character names: "明 莹"
        if len(t) == 1 and names and len(names[-1]) == 1:
            names[-1] += t
        else:
            names.append(t)
    return names if all(len(n) >= 2 for n in names) else None


def _match_bios(names: list[str], bios: str) -> list[str]:
    """Prefer the names as the author bios spell them when they cover the same characters."""
    bio_names = [m.group(1) for m in re.finditer(r"(?:^|[；;\n])\s*([\u4e00-\u9fff·]{2,4})[，,（(]", bios)]
    if bio_names and "".join(bio_names) == "".join(names):
        return bio_names
    return names


@cleaning_pass("lift_front_matter")
def lift_front_matter(draft: Draft) -> None:
    """Lift the title, authors and subtitle from the top; drop a column banner."""
    doc = draft.doc
    top = [i for i, ln in enumerate(draft.lines[:80]) if ln.kind in (BODY, LIFTED)][:8]
    body_top = [i for i in top if draft.lines[i].kind == BODY]
    if not body_top:
        return
    first = body_top[0]
    lines = draft.lines

    def byline_at(i):
        ln = lines[i]
        if ln.kind != BODY or "\t" in ln.raw or numbered(ln.text):
            return None
        m = _BYLINE.match(ln.text)
        if m:
            rest = m.group(1)
            return _names(rest) or [tidy_spacing(rest)]
        return _names(ln.text)

    def titleish(ln: Line) -> bool:
        return (ln.kind == BODY and "\t" not in ln.raw and len(ln.text) <= 60 and not numbered(ln.text)
                and not is_terminated(ln.text) and not re.search(r"[。；]", ln.text[:-1])
                and ln.text[-1] not in "，,、：:；;" and not _subtitle_start(ln.text))

    banner = _banner_over_title(draft, first, titleish)
    start = draft.next_content(banner) if banner is not None else first
    if start is not None and not _title_lines(draft, start, titleish, byline_at)[0]:
        # Layout analysis (pdfminer) can put the first chapter heading above the title
        # block, under a banner: step over one or two such lines when a title block with
        # a subtitle or an author line follows.
        probe, skipped = start, []
        for _ in range(2):
            ln = lines[probe]
            if not (numbered(ln.text) or (len(ln.text) <= 6 and not re.search(r"[，。；：、,.;:\d]", ln.text))):
                break
            skipped.append(probe)
            probe = draft.next_content(probe)
            if probe is None:
                break
            after_probe = _title_lines(draft, probe, titleish, byline_at)[1]
            # (or a law's first article: "第一章 总则" / the law's name / "第一条 ……")
            if after_probe is not None and (_subtitle_start(lines[after_probe].text, draft, after_probe)
                                            or byline_at(after_probe) or _ARTICLE.match(lines[after_probe].text)):
                start = probe
                banners = [k for k in skipped if not numbered(lines[k].text)]
                banner = banners[0] if banners else banner
                break
    title_idx, after = _title_lines(draft, start, titleish, byline_at) if start is not None else ([], None)
    if not title_idx:
        banner = None
    if title_idx and banner is not None:
        draft.remove(lines[banner].text, "banner", lines[banner].no)
        lines[banner].kind = DROPPED
    if title_idx and after is not None and _subtitle_start(lines[after].text, draft, after):
        sub = _subtitle_lines(draft, after)
        doc.subtitle = tidy_spacing("".join(lines[k].text for k in sub))
        for k in sub:
            lines[k].kind = LIFTED
        nxt = draft.next_content(sub[-1], kinds=(BODY, LIFTED))
        after = nxt if nxt is not None and (byline_at(nxt) or lines[nxt].kind == LIFTED) else None
    if title_idx:
        text = ""
        for i in title_idx:
            t = lines[i].text
            m = re.search(r"\s*[*＊]+$", t)
            if m:
                draft.remove(m.group(), "funding-note mark", lines[i].no)
                t = t[:m.start()]
            text = join_wrapped(text, t)
            lines[i].kind = LIFTED
        doc.title = tidy_spacing(text)
        names = byline_at(after) if after is not None and lines[after].kind == BODY else None
        if names:
            byline = lines[after].text
            for mark in _AFFILIATION_MARK.findall(byline):
                draft.remove(mark, "affiliation mark", lines[after].no)
            for sep in re.findall(r"[、，,；;]", _AFFILIATION_MARK.sub("", byline)):
                draft.remove(sep, "author separator", lines[after].no)
            doc.authors = _match_bios(names, doc.metadata.get("author_bios", ""))
            m = _BYLINE.match(lines[after].text)
            if m:
                draft.remove(lines[after].text[:m.start(1)], "byline label", lines[after].no)
            lines[after].kind = LIFTED
            _lift_affiliations(draft, after)
            sub = draft.next_content(after)
            if sub is not None and doc.subtitle is None and not numbered(lines[sub].text) \
                    and not _ARTICLE.match(lines[sub].text) and _subtitleish(draft, sub):
                doc.subtitle = tidy_spacing(lines[sub].text)
                lines[sub].kind = LIFTED
        draft.note("lift_front_matter", f"title {doc.title!r}, authors {doc.authors}")
        return
    # No title: a short unpunctuated first line over body text is a column banner.
    ln = lines[first]
    nxt = draft.next_content(first)
    if ("\t" not in ln.raw and len(ln.text) <= 8 and not re.search(r"[，。；：、！？,.;:]", ln.text) and nxt is not None
            and not draft.layout.soft and draft.layout.full(lines[nxt])):
        draft.remove(ln.text, "banner", ln.no)
        ln.kind = DROPPED
        draft.note("lift_front_matter", f"dropped column banner {ln.text!r}")


_ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零〇两\d]{1,6}条")
# Structural particles that attach to the word before them: a line opening with one
# continues the line above.
PARTICLE_STARTS = "的之"


def _lift_affiliations(draft: Draft, byline: int) -> None:
    """The authors' affiliations under the byline: a line (or a few, while the bracket is
    open) wholly in brackets — "（1. 北京大学 经济学院，北京 100871；2. ……）"."""
    start = draft.next_content(byline)
    if start is None or draft.lines[start].text[:1] not in "（(":
        return
    span, text = [], ""
    k = start
    while k is not None and len(span) < 4:
        text += draft.lines[k].text
        span.append(k)
        if text.count("（") + text.count("(") <= text.count("）") + text.count(")"):
            break
        k = draft.next_content(k)
    if text[-1:] not in "）)" or text.count("（") + text.count("(") != text.count("）") + text.count(")"):
        return
    draft.doc.metadata["affiliations"] = tidy_spacing(text)
    for k in span:
        draft.lines[k].kind = LIFTED


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


def _ends_title_block(draft: Draft, i: int, byline_at) -> bool:
    """What may follow a title: a subtitle, an author line, a lifted field (abstract,
    keywords), or the numbered start of the body (第一章, 一、, 第一条)."""
    ln = draft.lines[i]
    return (ln.kind == LIFTED or _subtitle_start(ln.text, draft, i) or bool(byline_at(i))
            or bool(numbered(ln.text)) or bool(_ARTICLE.match(ln.text)))


def _title_lines(draft: Draft, start: int, titleish, byline_at) -> tuple[list[int], int | None]:
    """Title lines from `start`: one title-like line, or a title wrapped over two or three
    (each later line no wider than the first, as a centred title wraps), followed by what
    may follow a title. A title line straight over the body needs more evidence: longer
    than a column banner and without a comma (a deck or first sentence has one)."""
    lines = draft.lines
    if not titleish(lines[start]) or byline_at(start):
        return [], None
    cand = [start]
    nxt = draft.next_content(start, kinds=(BODY, LIFTED))

    def cut_word(k: int) -> bool:
        # A word runs from the title line above into line k ("……的若" / "干意见"): the
        # title goes on, whatever k looks like on its own (a three-character name).
        # So does a line opening with a structural particle (的, 之), which no name, subtitle
        # or sentence starts with: "……适用法律若干问题" / "的规定".
        from .grammar import _word_spans
        return lines[k].kind == BODY and titleish(lines[k]) and (
            _word_spans(lines[cand[-1]].text, lines[k].text) or lines[k].text[:1] in PARTICLE_STARTS)

    while nxt is not None and len(cand) < 3 and (not _ends_title_block(draft, nxt, byline_at) or cut_word(nxt)
                                                 or _year_note(lines[nxt].text)):
        ln = lines[nxt]
        after_ln = draft.next_content(nxt, kinds=(BODY, LIFTED))
        # A centred title wraps only where its line is full: each line before the last is
        # about as wide as the first, none wider.
        # A line that opens with a colon cannot start anything: it finishes the line above
        # (a newsletter's "刊名（第 N 期）" over "：正题"), whatever its width.
        colon_tail = ln.text[:1] in "：:" and titleish(ln) and len(cand) == 1
        # A two-line title (main line and second line, each centred) may have the wider
        # line second: the subtitle or byline right under it says the title ends there.
        # (Not a dated line: that is a speech's subtitle whose dash the extractor lost.)
        second_line = (len(cand) == 1 and titleish(ln) and after_ln is not None and not re.match(r"\d", ln.text)
                       and (_subtitle_start(lines[after_ln].text, draft, after_ln) or bool(byline_at(after_ln))))
        if not (colon_tail or cut_word(nxt) or second_line or _year_note(ln.text)) \
                and not (titleish(ln) and ln.width <= lines[cand[0]].width + 1
                         and lines[cand[0]].width >= 8
                         and lines[cand[-1]].width >= lines[cand[0]].width - 2):
            break
        cand.append(nxt)
        nxt = after_ln
    if nxt is None:
        return [], None
    if _ends_title_block(draft, nxt, byline_at):
        return cand, nxt
    # The lines taken for the title's wrap may be body text of another column printed
    # under a title set across the page (wider than the column): the title is then the
    # fewer lines over it.
    wide = lines[start].width > draft.layout.column + 1
    for n in range(len(cand), 0 if wide else len(cand) - 1, -1):
        if _title_over_body(draft, cand[:n], cand[n] if n < len(cand) else nxt):
            return cand[:n], None
    return [], None


def _title_over_body(draft: Draft, cand: list[int], nxt: int) -> bool:
    """Are the lines `cand` a title straight over the body line `nxt` (no subtitle or byline
    between)?"""
    lines = draft.lines
    start = cand[0]
    text = "".join(lines[k].text for k in cand)
    head = lines[start]
    # A line exactly as wide as the body column is the first line of a paragraph.
    as_wide = draft.layout.full(head, first=True) and head.width <= draft.layout.column + 1
    # ... unless a line opening with "：" finishes it: no line of running text starts with
    # a colon (line breaking forbids it), only a title broken by hand.
    if len(cand) > 1 and lines[cand[1]].text[:1] in "：:":
        as_wide = False
    # ... or a short last line without a full stop ends it: a paragraph ends on one.
    if len(cand) > 1 and not draft.layout.full(lines[cand[-1]], first=True):
        as_wide = False
    # A title of two or three lines set in larger type than the body (its first line
    # clearly short of the column) may have a comma inside ("……标准的，可要求" /
    # "……十倍赔偿"): a case's holding used as its title, over the case's own name.
    # (or set across a page of narrower columns: its first line wider than the column)
    display = (len(cand) > 1 and not draft.layout.soft
               and (head.width <= draft.layout.column - 8 or head.width > draft.layout.column + 4)
               and not re.search(r"[，,]$", lines[cand[-1]].text))
    return bool((len(text) > 8 or _document_name(text)) and (display or ("，" not in text and "," not in text))
                and lines[nxt].kind == BODY
                and (_body_like(lines[nxt], head) or (display and _plain_over_body(draft, nxt))
                     or _narrow_column_under(draft, head, nxt)) and not as_wide)


# The kinds of official documents (党政机关公文处理工作条例 art. 8, and the forms of rules:
# 条例 / 规定 / 办法 ...): a document's name ends in one, a column banner ("专题研究") does not.
_DOCUMENT_KINDS = ("报告", "意见", "通知", "通报", "决定", "决议", "公报", "公告", "通告", "请示",
                   "批复", "议案", "纪要", "命令", "条例", "规定", "办法", "细则", "规划", "纲要", "方案")


def _document_name(text: str) -> bool:
    """A short unpunctuated line naming a kind of document ("政府工作报告", "实施方案"): a
    title however short (a title straight over the body otherwise needs more than the eight
    characters of a column banner)."""
    return 4 <= len(text) <= 8 and text.endswith(_DOCUMENT_KINDS) and bool(re.fullmatch(r"[\u4e00-\u9fff]+", text))


def _narrow_column_under(draft: Draft, head: Line, i: int) -> bool:
    """Line i opens a column of running text much narrower than the title line over it (a
    title set across a 3-column page): as wide as the column, 0.6 of the title's width or
    less, its sentence punctuated within the next line (a narrow line may hold none)."""
    k = draft.next_content(i)
    ln = draft.lines[i]
    return (not draft.layout.soft and draft.layout.full(ln, first=True) and ln.width <= 0.6 * head.width
            and k is not None and bool(re.search(r"[，。；：,;:]", ln.text + draft.lines[k].text)))


def _plain_over_body(draft: Draft, i: int) -> bool:
    """A short unpunctuated line (a heading, a case's name) with body text under it."""
    from .grammar import _short_plain
    k = draft.next_content(i)
    return _short_plain(draft.lines[i].text) and k is not None and draft.lines[k].kind == BODY


def _body_like(ln: Line, title: Line) -> bool:
    """Does the line below a title look like the body: wider than the title, or a sentence?"""
    # A line ending in a colon opens the body ("各位代表：") or introduces what follows.
    return (ln.width > title.width + 1 or bool(re.search(r"[，。；,;]", ln.text)) or is_terminated(ln.text)
            or ln.text[-1] in "：:")


def _banner_over_title(draft: Draft, first: int, titleish) -> int | None:
    """A section banner ("专题研究") over the title at the top of page 1: a short
    unpunctuated line over a longer title-like line, not the first half of a wrapped one
    (no word runs across the two)."""
    from .grammar import _word_spans
    ln = draft.lines[first]
    nxt = draft.next_content(first)
    # (a numbered line is no banner: "第一章 总则" that layout analysis put above the title)
    if nxt is None or not (2 <= len(ln.text) <= 6) or re.search(r"[，。；：、！？,.;:\d]", ln.text) or numbered(ln.text):
        return None
    title = draft.lines[nxt]
    # (nor is a document's name over a sentence: "政府工作报告" over the body is its title)
    if _document_name(ln.text) and re.search(r"[，。；,;]", title.text):
        return None
    if titleish(title) and len(title.text) > len(ln.text) + 2 and not _word_spans(ln.text, title.text):
        return first
    return None


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

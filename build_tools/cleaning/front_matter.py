"""The pass that lifts the title, authors and subtitle from the top and drops a column
banner (the pieces it reads by live in title_block, subtitles and authors)."""
from __future__ import annotations

import re

from ..text import is_terminated, join_wrapped, tidy_spacing
from .core import BODY, DROPPED, LIFTED, Draft, Line, cleaning_pass
from .grammar import _numbered as numbered
from .authors import _AFFILIATION_MARK, _BYLINE, _lift_affiliations, _match_bios, _names
from .subtitles import _subtitle_lines, _subtitle_start, _subtitleish
from .title_block import _ARTICLE, _banner_over_title, _title_lines


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
        # (the addressees of a notice — "各省、自治区、直辖市人" / "民政府，……：" — read like a
        # byline of names and end the title block as one does, but stay in the body)
        if names and not _BYLINE.match(lines[after].text) and _opens_salutation(draft, after):
            names = None
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


def _opens_salutation(draft: Draft, i: int) -> bool:
    """Does line i open a salutation wrapped over up to four lines — a word cut at its end
    (jieba: "直辖市人" / "民政府"), the first sentence mark the colon that ends it
    ("各省、自治区、直辖市人" / "民政府，国务院各部委、各直" / "属机构：")? A byline ends at a
    name's end, over a line of its own ("各位代表："); a notice's addressees run on."""
    from .grammar import _word_spans
    n = draft.next_content(i)
    if n is None or not _word_spans(draft.lines[i].text, draft.lines[n].text):
        return False
    text, k = "", i
    for _ in range(4):
        text += draft.lines[k].text
        m = re.search(r"[。！？；：:]", text)
        if m:
            return m.group() in "：:" and m.end() == len(text) and k > i
        k = draft.next_content(k)
        if k is None:
            return False
    return False

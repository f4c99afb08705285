"""The pass that finds numbered headings (第X章, 一、, （一）, 1., 1.1), joins their
wrapped lines, and tells them from clauses and run-in leads that open with a number."""
from __future__ import annotations

import re

from ..text import is_terminated, join_wrapped, width
from .core import BODY, HEADING, LIFTED, LIST, Draft, HeadingFacts, Line, cleaning_pass
from .grammar import (ARTICLE, MAX_HEADING, OPEN_ENDINGS, PUNCTUATED, _ends_open, _numbered, _opens_with_conjunction, _prev_closes,
                      _word_spans)
from .narrow_items import _middle_of_three, _opens_block, _over_item, _over_running_line


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
        if not found or not (_prev_closes(draft, i) or _chapter_after_short_line(draft, i, found)
                             or _section_after_colon(draft, i, found)):
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
        if _title_left_open(line.text) and draft.layout.full(line, first=True):
            # A book title or bracket opened and not closed on a full line ("（七）在《内地与
            # 香港关于……" / "的安排》……"): the line runs on, as no heading is broken inside
            # the name it cites.
            line.run_in = kind
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
        if "，" in title and draft.layout.full(line, first=True) and not _over_item(draft, i, kind):
            k = _wrapped_after_comma(draft, i)
            if k is None or _clause_of_article(draft, i, [k], kind, first_article):
                line.run_in = kind  # a wrapped paragraph that opens with a number
                continue
            line.text = join_wrapped(line.text, lines[k].text)
            title = join_wrapped(title, lines[k].text)
            lines[k].kind = LIFTED
            draft.note("detect_numbered_headings", f"line {line.no}: heading with a comma wrapped mid-word")
            line.kind = HEADING
            line.heading = HeadingFacts(kind, number, title)
            count += 1
            continue
        # A numbered line that fills the column and runs on into a sentence is a clause
        # ("（二）……；"), a paragraph of its own; a heading's wrap is short and unpunctuated.
        # In a narrow column a short heading fills the line too: the evidence of a clause
        # is a word cut at the line end, or the sentence ending on the next line.
        nxt = draft.next_content(i)
        if nxt is not None and kind not in ("part", "chapter", "section") and _over_running_line(draft, i, nxt):
            # (a chapter heading is centred over its articles: never a run-in lead)
            line.starts_paragraph = True
            continue
        if (not draft.layout.soft and draft.layout.full(line, first=True) and nxt is not None
                and not _heading_continues(draft, line.text, nxt)
                and not _heading_ends_whole(draft, line, kind, nxt) and not _over_item(draft, i, kind)
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
        if _clause_of_article(draft, i, wrap, kind, first_article) or _wrap_runs_into_sentence(draft, i, wrap):
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


def _wrap_runs_into_sentence(draft: Draft, i: int, wrap: list[int]) -> bool:
    """Does the numbered line i (with the lines taken for its wrap) run on into a sentence?
    Either the last wrapped line fills the column and a word runs from it into the next
    line (jieba: a heading ends at a word's end), or line i fills the column and the full
    line under it opens with a conjunction of its own ("（二）为使防震减灾工作" / "与国民经济和社会
    发展相同" / "步，……"): a heading's wrap is short; a sentence's is full. (Not a preposition:
    "四、……政策保障" / "对悬挂专用号牌的车辆……" opens a paragraph under the heading.)"""
    if wrap:
        if not draft.layout.full(draft.lines[wrap[-1]]):
            return False
        k = draft.next_content(wrap[-1])
        return k is not None and draft.lines[k].kind == BODY and _word_spans(draft.lines[wrap[-1]].text, draft.lines[k].text)
    k = draft.next_content(i)
    if k is None or draft.lines[k].kind != BODY or not draft.layout.full(draft.lines[i], first=True):
        return False
    nxt = draft.lines[k]
    return (draft.layout.full(nxt) and not is_terminated(nxt.text) and not _numbered(nxt.text)
            and _opens_with_conjunction(nxt.text))


def _title_left_open(text: str) -> bool:
    """Does the text leave a book title (《) or a bracket open?"""
    return text.count("《") > text.count("》") or text.count("（") > text.count("）")


def _section_after_colon(draft: Draft, i: int, found) -> bool:
    """A top-level section ("一、总体要求") may start under a line ending in a colon: a notice
    or an opinion introduces its sections so ("现提出如下意见：", "现就有关事项通知如下："). Only
    a short, unpunctuated "一、" line heading a numbered item or a paragraph qualifies: a
    list item after a colon ("一、将第五条修改为：……") runs on with punctuation."""
    p = draft.prev_content(i)
    kind, _, title = found
    if kind != "cn" or p is None or draft.lines[p].kind != BODY:
        return False
    if not draft.lines[p].text.rstrip().endswith(("：", ":")):
        return False
    if not title or len(title) > MAX_HEADING or re.search(r"[。；;：:！？]", title):
        return False
    nxt = draft.next_content(i)
    if nxt is None:
        return False
    under = _numbered(draft.lines[nxt].text)
    # A comma is a heading's ("一、逐年扩招，分步实施") on a line short of the column, or
    # over a numbered item (see _over_item); a full line with one runs on into a sentence.
    if re.search(r"[，,]", title) and draft.layout.full(draft.lines[i], first=True) and not _over_item(draft, i, kind):
        return False
    # A full line qualifies when it ends at a word's end (jieba) and the line under it
    # opens no continuation: "一、专用号牌的核发范围和管理" / "国家综合性……".
    return ((under is not None and under[0] in ("cn_paren", "ar1")) or not draft.layout.full(draft.lines[i], first=True)
            or (not _word_spans(draft.lines[i].text, draft.lines[nxt].text) and not _ends_open(title)
                and not _opens_with_conjunction(draft.lines[nxt].text)
                and draft.lines[nxt].text[:1] not in OPEN_ENDINGS + "，。、；：")
            # or the line under it is the heading's short unpunctuated wrap ("……和1997年" /
            # "及未来几年地震趋势")
            or (not draft.layout.full(draft.lines[nxt]) and not re.search(r"[，。；：！？,.;:!?]", draft.lines[nxt].text)
                and len(title) + len(draft.lines[nxt].text) <= MAX_HEADING))


def _chapter_after_short_line(draft: Draft, i: int, found) -> bool:
    """A part, chapter or section number ("第一章 总 则") may start under a line that ends
    without punctuation when that line is short or names a kind of document (the title of
    the measures the chapter opens) (it ended its paragraph: a title printed
    again over the body, a heading) and the numbered line is short too: a sentence that
    wraps onto "第三章规定的……" runs on from a full line."""
    from .title_block import _DOCUMENT_KINDS
    p = draft.prev_content(i)
    if not (found[0] in ("part", "chapter", "section") and not draft.layout.soft and p is not None
            and draft.lines[p].kind == BODY and not draft.layout.full(draft.lines[i], first=True)):
        return False
    prev = draft.lines[p].text
    # (or under the title of the measures it opens, however wide: "……暂行办法" / "第一章总则")
    return (not draft.layout.full(draft.lines[p], first=True)
            or (len(prev) <= 40 and prev.endswith(_DOCUMENT_KINDS) and not re.search(r"[，。；：！？,.;:!?]", prev)))


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
        # In a narrow column a line also breaks inside a quotation it opened ("……“两" / "库”。")
        # or after a comma that fills it ("（三）推进贸易便利化，" / "打造物流分拨中心。").
        if k is None or lines[k].kind != BODY or _numbered(lines[k].text) or ARTICLE.match(lines[k].text) \
                or not (_word_spans(lines[span[-1]].text, lines[k].text) or text.count("“") > text.count("”")
                        or (text[-1] in "，、" and lines[span[-1]].width >= layout.column - 2)):
            return None
        span.append(k)
        text = join_wrapped(text, lines[k].text)
    if re.search(r"[。！？；：;:?!]", text[:-1]) or len(text) > MAX_HEADING:
        return None
    nxt, prev = draft.next_content(span[-1]), draft.prev_content(i)
    if nxt is None or lines[nxt].kind != BODY:
        return None
    if layout.full(lines[span[-1]]) and ((len(span) == 1 and len(text) > 24) or not _opens_block(draft, nxt)):
        # (a run-in lead whose sentence ends at the line end fills it, less the indent; a
        # head that fills its last line by chance is followed by a first line: indented or
        # short by its indent. A short head fills a narrow column's line so, and a head
        # wrapped where words are cut; a longer sentence that fills one wide line is a clause.)
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
            and not _ends_open(text) and not _word_spans(text, draft.lines[k].text)
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
                or PUNCTUATED.search(lines[k].text):
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


def _wrapped_after_comma(draft: Draft, i: int) -> int | None:
    """A numbered line with a comma that fills a narrow column is a heading of two parts
    ("（一）立足长治久安，建" / "设更高水平平安西藏") when a word is cut at its end (or the
    next line is a few characters: "……平安" / "西藏") and the next line finishes it: short,
    unpunctuated, ending on a whole word, with text under it
    (a paragraph's line is not left short without a full stop). Returns that line."""
    from .title_lines import _cut_line
    lines, layout = draft.lines, draft.layout
    k = draft.next_content(i)
    if layout.soft or k is None or lines[k].kind != BODY or len(lines[i].text) + len(lines[k].text) > MAX_HEADING:
        return None
    nxt = draft.next_content(k)
    text = lines[k].text
    # (short: two characters at least, as a justified line never is but by a token
    # too long to fit, which opens the next line)
    if (PUNCTUATED.search(text) or _numbered(text) or ARTICLE.match(text)
            or lines[k].width > layout.column - 4 or re.match(r"[\dA-Za-z]", lines[nxt].text if nxt is not None else "")
            or not (_word_spans(lines[i].text, text) or lines[k].width <= layout.column / 3)
            or nxt is None or lines[nxt].kind != BODY
            or _word_spans(text, lines[nxt].text) or _cut_line(text, lines[nxt].text)):
        return None
    return k


def _heading_continues(draft: Draft, head: str, k: int) -> bool:
    from .title_lines import _cut_line
    cand = draft.lines[k]
    if (re.search(r"[，。；！？,;!?]", cand.text) or _numbered(cand.text) or len(cand.text) > 20
            or ARTICLE.match(cand.text) or cand.text[-1] in "：:"):
        return False
    # A line left short by line breaking (it opens a quotation closed on the next line, or
    # the next line opens with a character pushed over with its mark) is running text.
    # (Not before a numbered line: the mark of "七、" is its number's, no character pushed over.)
    n = draft.next_content(k)
    if n is not None and not _numbered(draft.lines[n].text) and _cut_line(cand.text, draft.lines[n].text):
        return False
    if _word_spans(head, cand.text) or width(cand.text) <= 0.6 * draft.layout.column:
        return True
    # A line opening with a structural particle (的, 之) continues the phrase above: no
    # heading, sentence or name starts with one ("三、悬挂专用号牌车辆" / "的道路优先通行权").
    if cand.text[:1] in "的之":
        return True
    # A line that opens with a coordinating conjunction ("和“十四五”发展成就") joins a
    # second part to the phrase above: it finishes the heading, however wide.
    if _opens_with_conjunction(cand.text):
        return True
    # A heading does not end on a conjunction, preposition or structural particle
    # ("……时期和" / "2025年工作回顾"): the short line under it finishes it.
    if _ends_open(head) and not draft.layout.full(cand):
        return True
    if _middle_of_three(draft, head, k):
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

"""Gold documents from a third source: official documents of the State Council and its
General Office (通知, 意见, 方案, 办法, 决定, 通报, 批复, 复函) as gov.cn published them, from an
SQL dump in a snapshot of ZhouYNF/platform-1 (manifest_dev3.tsv).

The dump (`db/ge_policy_raw20190217.sql`) holds one `insert into ge_policy_raw` row per
document: its id, the gov.cn address, title, issuing organ, document number (文号) and the
page's content HTML (`<p>` elements, alignment and bold type as gov.cn set them). Only the
document's text is used (the repository's code is not).

Gold from the page's own structure, one block per `<p>`:
- the title is the record's title (the page sets it in bold 18pt, centred, over one to three
  `<p>` or `<br>` lines); the document number printed centred under it is the subtitle;
- a `<p>` of at most 40 characters that is numbered "一、" / "（一）" / "1." / "1、" / "（1）" is a
  heading of the level its numbering gives (一、 > （一） > 1. > （1）, as GB/T 9704 orders them;
  an emergency plan's decimal "1.1" / "1.1.1" below its bold "1总则"),
  and so is a short `<p>` set wholly in bold without sentence punctuation inside (the title of
  the document a notice promulgates, "国家职业教育改革实施方案", is such a heading above the
  numbered ones); a numbered `<p>` that runs on ("（一）健全……。把握好……", "一是……") is a paragraph
  whose lead is run in;
- every other `<p>` is a paragraph: the addressee line, the promulgating sentence, the
  signature (the issuing organ and the date, set flush right) and "（此件公开发布）";
- the text stops at the first table or attachment ("附件") of the page; five or more
  headings in a row, none heading text, are a table of contents (paragraphs).
A numbered `<p>` closed by "。" is a heading only when it heads an unnumbered paragraph or
deeper-numbered items, in a
text not divided into articles (else it is an item of a list or a clause: "九、秘书长在总理领导下，
……。" over "十、……"); a title the page set in bold over two `<p>` is one heading.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

_ROW = re.compile(r"insert into ge_policy_raw \(.*?\) values \((\d+), '([^']*)', '[^']*', '[^']*', "
                  r"'([^']*)', '([^']*)', '([^']*)',", re.S)
_NUMBERED = [
    (re.compile(r"^[一二三四五六七八九十]+、"), 1),
    (re.compile(r"^（[一二三四五六七八九十]+）"), 2),
    (re.compile(r"^\d{1,2}[.．、](?!\d)"), 3),
    (re.compile(r"^\d{1,2}[.．]\d{1,2}[.．]\d{1,2}(?=[\u4e00-\u9fff ])"), 6),   # a plan's 1.1.1 / 1.1
    (re.compile(r"^\d{1,2}[.．]\d{1,2}(?=[\u4e00-\u9fff ])"), 5),
    (re.compile(r"^[（(]\d{1,2}[）)]"), 4),
]


_CHAPTER = re.compile(r"^第[一二三四五六七八九十百]+[章节]")


class _Paragraphs(HTMLParser):
    """The `<p>` elements of a content cell: text, whether all of it is bold, and whether
    a table began (the text stops there)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paras: list[tuple[str, bool, str]] = []
        self._text: list[tuple[str, bool]] | None = None
        self._bold: list[bool] = []
        self._align = ""
        self.tables = 0
        self.stopped = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        style = (a.get("style") or "").replace(" ", "")
        if tag == "table":
            self.tables += 1
            if self.tables > 0 and self.paras:
                self.stopped = True
        if self.stopped:
            return
        if tag == "p":
            self._close()
            self._text = []
            self._align = "center" if "text-align:center" in style or a.get("align") == "center" else (
                "right" if "text-align:right" in style or a.get("align") == "right" else "")
            self._bold = []
        elif tag in ("span", "strong", "b", "font"):
            bold = tag in ("strong", "b") or "font-weight:bold" in style or "font-weight:700" in style
            self._bold.append(bold)
        elif tag == "br" and self._text is not None:
            self._text.append(("\n", any(self._bold)))

    def handle_endtag(self, tag):
        if self.stopped:
            return
        if tag in ("span", "strong", "b", "font") and self._bold:
            self._bold.pop()
        elif tag in ("p", "td"):
            self._close()

    def handle_data(self, data):
        if self.stopped or self._text is None:
            return
        self._text.append((data, any(self._bold)))

    def _close(self):
        if self._text is None:
            return
        text = "".join(t for t, _ in self._text)
        text = re.sub(r"[\s\u3000\xa0]+", " ", text).strip()
        ink = [(t, b) for t, b in self._text if re.sub(r"[\s\u3000\xa0]", "", t)]
        self.paras.append((text, bool(ink) and all(b for _, b in ink), self._align))
        self._text = None


def records(sql: str) -> dict[int, dict]:
    """The dump's rows by id: title, organ, number and content HTML."""
    out = {}
    for chunk in sql.split("insert into ge_policy_raw ")[1:]:
        m = _ROW.match("insert into ge_policy_raw " + chunk)
        if not m:
            continue
        start = chunk.find("<tbody>")
        html = chunk[start:] if start >= 0 else ""
        out[int(m.group(1))] = {"url": m.group(2), "title": m.group(3), "organ": m.group(4),
                                "number": m.group(5), "html": html}
    return out


def _tidy(text: str) -> str:
    """A paragraph's text: spaces between Chinese characters (a signature's padding, the
    page's indents) dropped, runs of other spaces made one."""
    text = re.sub(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])", "", text)
    return re.sub(r" +", " ", text).strip()


def _level(text: str) -> int | None:
    for pat, level in _NUMBERED:
        if pat.match(text):
            return level
    return None


def parse_record(rec: dict) -> dict | None:
    """The gold document of one row (see the module docstring)."""
    p = _Paragraphs()
    p.feed(rec["html"].replace("\\'", "'"))
    p._close()
    paras = [(_tidy(t.replace("\n", " ")), b, a) for t, b, a in p.paras]
    paras = [x for x in paras if x[0]]
    title = _tidy(rec["title"])
    # The title block: the centred lines that spell the title, then the number under it.
    k, joined = 0, ""
    while k < len(paras) and len(joined) < len(title) and paras[k][2] == "center":
        joined += paras[k][0].replace(" ", "")
        k += 1
    if joined != title.replace(" ", ""):
        return None
    subtitle = None
    if k < len(paras) and paras[k][2] == "center" and re.search(r"〔\d{4}〕|第\d+号", paras[k][0]):
        subtitle = paras[k][0]
        k += 1
    blocks = []
    for text, bold, align in paras[k:]:
        if re.match(r"^附件[\d：:　 ]*", text) and len(text) < 40 and blocks:
            break
        level = _level(text)
        punct_inside = re.search(r"[。！？；：，、]", text.rstrip("。：；"))
        if level is not None and len(text) <= 40 and not re.search(r"[。！？；：]", text.rstrip("。")):
            blocks.append({"type": "heading", "depth": level, "text": text, "closed": text.endswith("。")})
        elif bold and level is None and len(text) <= 40 and not punct_inside and align != "right":
            if _CHAPTER.match(text):    # "第一章总则" under the title of the measures it opens
                blocks.append({"type": "heading", "depth": 0.5, "text": text})
            elif blocks and blocks[-1]["type"] == "heading" and blocks[-1]["depth"] == 0 and blocks[-1].get("bold"):
                blocks[-1]["text"] += text      # one title set over two lines
            else:
                blocks.append({"type": "heading", "depth": 0, "text": text, "bold": True})
        else:
            blocks.append({"type": "paragraph", "text": text})
    # A numbered line closed by a full stop heads text ("（一）指导思想。" over its paragraph)
    # or is an item of a list ("（二十）财税部门应认真落实……政策。" over "（二十一）……", or a
    # clause of an article, "第十条……：" / "（十）……。"): a heading only when an unnumbered
    # paragraph or a deeper-numbered item follows it ("（三）推进贸易便利化，……。" over
    # "10.简化进出区管理。……"), in a text not divided into articles.
    articles = any(b["type"] == "paragraph" and re.match(r"^第[一二三四五六七八九十百]+条", b["text"]) for b in blocks)
    for k, b in enumerate(blocks):
        if b.pop("closed", False):
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            under = _level(nxt["text"]) if nxt is not None else None
            # (deeper: the next kind of GB/T 9704's order, 一、 > （一） > 1. > （1）)
            heads = nxt is not None and (
                (under is None and nxt["type"] == "paragraph") or (b["depth"] in (1, 2, 3) and under == b["depth"] + 1))
            if articles or not heads:
                blocks[k] = {"type": "paragraph", "text": b["text"]}
    # Five or more headings in a row, none heading any text, are a table of contents (an
    # emergency plan's "1总则" / "1.1编制目的及依据" / …): paragraphs.
    k = 0
    while k < len(blocks):
        j = k
        while j < len(blocks) and blocks[j]["type"] == "heading":
            j += 1
        if j - k >= 5:
            for n in range(k, j):
                blocks[n] = {"type": "paragraph", "text": blocks[n]["text"]}
        k = max(j, k + 1)
    for b in blocks:
        b.pop("bold", None)
    depths = sorted({b["depth"] for b in blocks if b["type"] == "heading"})
    for b in blocks:
        if b["type"] == "heading":
            b["level"] = min(3, depths.index(b.pop("depth")) + 1)
    return {"title": title, "subtitle": subtitle, "authors": [], "abstract": None, "keywords": [],
            "metadata": {}, "blocks": blocks, "footnotes": [], "removed": []}


def parse_row(sql: str, record_id: int) -> dict | None:
    rec = records(sql).get(record_id)
    return parse_record(rec) if rec else None

"""Gold documents of other genres from a snapshot of provincial government work reports
(one CSV per report: province, year, title, source_url, publish_date, full_text).

The full text is the page as a newspaper site printed it: site chrome, then the title,
a "——……在……会议上" subtitle, "来源：" and "时间：" lines, the speaker's office and name,
sometimes a photo caption, then the report from "各位代表：" to a "相关报道：" trailer.
Gold from the report's own structure: its title and subtitle, the speaker's name as
author, lines numbered "一、" / "（一）" of at most 40 characters as headings of levels
1 and 2, short unpunctuated lines as unnumbered headings above them (renumbered from the
shallowest depth used), every other line a paragraph. The
site chrome, source/date lines and photo caption are not part of the report and are not
typeset.

Each report is then presented as one of three genres the cleaner must handle (the
manifest's third column, assigned by position before any result was seen):

- report: title, subtitle, byline, the body; footnotes on some paragraphs;
- newsletter: an issue of a briefing newsletter, titled "刊名（第 N 期）" over "：正题",
  a short excerpt (1-2 pages), no subtitle or byline;
- article: a journal-style article: byline, an abstract box (the first long paragraph
  lifted) with keywords, footnotes.

Long reports are cut at a block boundary to a length that depends on the genre.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter

csv.field_size_limit(1 << 26)

_NUM_1 = re.compile(r"^[一二三四五六七八九十]+、")
_NUM_2 = re.compile(r"^（[一二三四五六七八九十]+）")
_TRAILER = re.compile(r"^(相关报道|分享到|扫一扫|编辑：|责任编辑|（来源|打印本页|关闭窗口)")
NEWSLETTERS = ["政务信息参考", "发展改革动态", "区域经济快报", "政策研究简报", "决策参阅"]
GENRES = ("report", "newsletter", "article")
# Target lengths (characters of block text) per genre: a newsletter issue is 1-2 pages.
LENGTHS = {"report": (6000, 9000), "newsletter": (1200, 2600), "article": (3000, 5000)}


def _h(s: str) -> int:
    return int(hashlib.sha1(s.encode()).hexdigest()[:8], 16)


def _title_and_lines(csv_text: str):
    """A report CSV's title and the lines of its full text (its first row); None if empty."""
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    if not rows:
        return None
    return rows[0]["title"].strip(), [ln.strip() for ln in rows[0]["full_text"].split("\n")]


def parse_report(csv_text: str) -> dict | None:
    """The gold document of one report CSV, or None when its page has no recognisable
    title / subtitle / byline block."""
    found = _title_and_lines(csv_text)
    if found is None:
        return None
    title, lines = found
    try:
        k = lines.index(title)
    except ValueError:
        return None
    start = next((i for i in range(k + 1, min(k + 12, len(lines))) if lines[i].startswith("各位代表")), None)
    if start is None:
        return None
    head = lines[k + 1:start]
    subtitle = next((ln for ln in head if ln.startswith("——") or "会议上" in ln), None)
    source = next((ln.split("：", 1)[1] for ln in head if ln.startswith("来源：")), "")
    # The byline: the line after "时间：", "office name" (the name is the last word).
    t = next((i for i, ln in enumerate(head) if ln.startswith("时间：")), None)
    byline = head[t + 1] if t is not None and t + 1 < len(head) else ""
    name = byline.split()[-1] if byline.split() else ""
    if len(byline.split()) > 2:      # "上海市市长 龚 正": a name printed with a space
        name = "".join(byline.split()[1:])
    return _document(title, subtitle, name, lines[start:], source)


def _document(title: str, subtitle: str | None, name: str, body: list[str], source: str) -> dict:
    """The gold document of a report's body lines (from "各位代表：" on)."""
    blocks = []
    for ln in body:
        if _TRAILER.match(ln) or "|" in ln:   # the page's chrome after the report
            break
        if not ln:
            continue
        if len(ln) <= 40 and (_NUM_1.match(ln) or _NUM_2.match(ln)):
            blocks.append({"type": "heading", "depth": 1 if _NUM_1.match(ln) else 2, "text": ln})
        elif len(ln) <= 30 and not re.search(r"[。！？；：，、]", ln) and re.search(r"[\u4e00-\u9fff]{2}", ln):
            # A short line without punctuation standing alone: an unnumbered section head,
            # above the numbered ones (some reports are divided so); a stray bracket or a
            # figure left from a table ("（", "2.5") is no heading.
            blocks.append({"type": "heading", "depth": 0, "text": ln})
        else:
            blocks.append({"type": "paragraph", "text": re.sub(r"\s+", " ", ln)})
    depths = sorted({b["depth"] for b in blocks if b["type"] == "heading"})
    for b in blocks:
        if b["type"] == "heading":
            b["level"] = depths.index(b.pop("depth")) + 1
    return {"title": title, "subtitle": subtitle, "authors": [name] if name else [],
            "abstract": None, "keywords": [], "metadata": {}, "blocks": blocks,
            "footnotes": [], "removed": [], "_source": source}


_SUBTITLE = re.compile(r"^(——|――|（)?\d{4}年\d{1,2}月\d{1,2}日在.*")
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def parse_report_page(csv_text: str) -> dict | None:
    """A laxer reading of a report page, for the development set (manifest_dev.tsv: the
    reports parse_report cannot read, whose pages print the head differently). The title
    is the CSV's title field; the head is everything before the first "各位代表" line; the
    subtitle is its "……年…月…日在……会议上" line (joined with the next line when the site
    broke it, a speaker's name printed on the same line cut off); the author is the
    2-4-character name ending the byline ("省长 王予波", "广东省省长 孟凡利")."""
    found = _title_and_lines(csv_text)
    if found is None:
        return None
    title, lines = found
    start = next((i for i, ln in enumerate(lines) if ln.startswith("各位代表")), None)
    if start is None or not title:
        return None
    head = lines[:start]
    k = max((i for i, ln in enumerate(head) if _SUBTITLE.match(ln)), default=None)
    if k is None:
        return None
    subtitle, rest = head[k], head[k + 1:]
    if "会议上" not in subtitle and rest and rest[0].endswith("会议上"):
        subtitle, rest = subtitle + rest[0], rest[1:]
    subtitle, _, tail = subtitle.partition("会议上")
    subtitle += "会议上" + ("）" if subtitle.startswith("（") else "")
    candidates = [tail.strip()] + rest if tail.strip(" ）") else rest
    name = ""
    for ln in candidates:
        words = ln.split()
        if 2 <= len(words) <= 3 and _NAME.match(words[-1]) and len(ln) <= 24:
            name = words[-1] if len(words) == 2 else "".join(words[1:])
            break
    source = next((ln.split("：", 1)[1] for ln in head if ln.startswith("来源：")), "")
    return _document(title, subtitle, name, lines[start:], source)


def _cut(blocks: list[dict], limit: int) -> list[dict]:
    """Blocks up to `limit` characters, ending on a paragraph (never on a heading)."""
    out, total = [], 0
    for b in blocks:
        if total >= limit and b["type"] == "paragraph" and out and out[-1]["type"] == "paragraph":
            break
        out.append(b)
        total += len(b["text"])
    while out and out[-1]["type"] == "heading":
        out.pop()
    return out


_WORD = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def keywords(blocks: list[dict], k: int = 4) -> list[str]:
    """The k most frequent 2-4-character words of the text (jieba), ties by first use."""
    import jieba
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for b in blocks:
        for w in jieba.lcut(b["text"]):
            if _WORD.match(w):
                counts[w] += 1
                first.setdefault(w, len(first))
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))[:k]]


def _footnote_texts(doc: dict) -> list[str]:
    src = doc.get("_source") or "当地党报"
    return [f"本文根据{src}刊载的报告全文整理，有删节。",
            "文中2025年数据均为初步统计数，以统计部门最终公布的数据为准。",
            "“十五五”时期指国民经济和社会发展第十五个五年规划实施的2026年至2030年。"]


def add_footnotes(doc: dict, doc_id: str, count: int) -> None:
    """Attach `count` footnotes to paragraphs chosen by a hash of the id: the mark
    [^k] follows the first comma of the paragraph, as a note on its first clause."""
    paras = [b for b in doc["blocks"] if b["type"] == "paragraph" and "，" in b["text"] and len(b["text"]) > 60]
    if not paras:
        return
    h = _h(doc_id + "notes")
    texts = _footnote_texts(doc)
    chosen = sorted({(h >> (3 * i)) % len(paras) for i in range(count)})
    for k, idx in enumerate(chosen, start=1):
        p = paras[idx]
        cut = p["text"].index("，") + 1
        p["text"] = p["text"][:cut] + f"[^{k}]" + p["text"][cut:]
        doc["footnotes"].append({"mark": str(k), "text": texts[(k - 1) % len(texts)]})


def present(doc: dict, doc_id: str, genre: str, issue: int) -> dict:
    """The gold document in its genre (see the module docstring)."""
    h = _h(doc_id)
    lo, hi = LENGTHS[genre]
    doc["blocks"] = _cut(doc["blocks"], lo + h % (hi - lo))
    doc["genre"] = genre
    if genre == "newsletter":
        name = NEWSLETTERS[h % len(NEWSLETTERS)]
        doc["title_lines"] = [f"{name}（第{issue}期）", "：" + doc["title"]]
        doc["title"] = "".join(doc["title_lines"])
        doc["subtitle"], doc["authors"] = None, []
    elif genre == "article":
        first = next((b for b in doc["blocks"][:4] if b["type"] == "paragraph" and len(b["text"]) > 80), None)
        if first is not None:
            doc["abstract"] = first["text"]
            doc["blocks"].remove(first)
        doc["keywords"] = keywords(doc["blocks"])
        add_footnotes(doc, doc_id, 2 + h % 2)
    else:
        add_footnotes(doc, doc_id, 1 + h % 2)
    doc.pop("_source", None)
    return doc

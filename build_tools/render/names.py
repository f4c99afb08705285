"""Author names in each edition. The Chinese editions show them as printed; the English
one uses the sidecar's `authors_en`, else a translation from the article's PO catalog, else
pinyin for a personal name (surname first, as Chinese names are written in English: Hao
Yubiao), else the Chinese name marked lang="zh-Hans" (a group author with no translation).
An Author keeps its parts so that references can write them in their own styles."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from .lang import span

_HAN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# Groups and institutions, not people (课题组, 研究中心, …): their names end in these.
_GROUP_ENDINGS = ("组", "中心", "院", "所", "部", "会", "局", "室", "办", "处", "社", "司", "委")
_COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "尉迟", "公孙", "慕容", "长孙",
                      "宇文", "司徒", "夏侯", "端木", "独孤", "南宫", "西门", "轩辕", "呼延", "万俟", "闻人"}
# Surnames read differently from the same character elsewhere (单 shan, not dan).
_SURNAME_READINGS = {"单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha",
                     "区": "ou", "盖": "ge", "乐": "yue", "缪": "miao", "覃": "qin", "召": "shao",
                     "翟": "zhai", "秘": "bi", "种": "chong", "员": "yun", "尉": "yu", "重": "chong"}


@dataclass(frozen=True)
class Author:
    shown: str            # as this edition shows it
    lang: str             # the language of `shown`
    family: str = ""      # for references (Hao / 郝); "" for a group
    given: str = ""


def is_person(name: str) -> bool:
    return bool(_HAN.match(name)) and not name.endswith(_GROUP_ENDINGS)


def _split(name: str) -> tuple[str, str]:
    n = 2 if name[:2] in _COMPOUND_SURNAMES else 1
    return name[:n], name[n:]


@lru_cache(maxsize=1 << 14)
def pinyin(name: str) -> tuple[str, str]:
    """(family, given) in pinyin, capitalized: 郝宇彪 -> (Hao, Yubiao)."""
    from pypinyin import lazy_pinyin
    family, given = _split(name)
    fam = "".join(_SURNAME_READINGS.get(c) or lazy_pinyin(c)[0] for c in family) if len(family) == 1 else \
        "".join(lazy_pinyin(family))
    return fam.capitalize(), "".join(lazy_pinyin(given)).capitalize()


def authors_of(article, view) -> list[Author]:
    key = ("authors", article.source.stem)
    if key not in view.memo:
        view.memo[key] = _authors(article, view)
    return view.memo[key]


def _authors(article, view) -> list[Author]:
    doc, meta = article.doc, article.source.meta
    names = doc.authors or meta.get("authors") or []
    if not view.english:
        return [Author(n, "zh-Hans", *(_split(n) if is_person(n) else ("", ""))) for n in names]
    given_en = meta.get("authors_en") or []
    out = []
    for k, name in enumerate(names or given_en):
        if k < len(given_en):
            words = given_en[k].split()
            if k < len(names) and is_person(names[k]):      # a Chinese name: surname first
                fam, giv = words[0], " ".join(words[1:])
            elif k < len(names) and not re.search(r"[\u4e00-\u9fff]", names[k]) and len(words) > 1:
                fam, giv = words[-1], " ".join(words[:-1])  # a Western name: surname last
            else:
                fam, giv = "", ""                            # a group
            out.append(Author(given_en[k], "en", fam, giv))
            continue
        translated, status = view.text(article.source.stem, name)
        if status == "ok" and translated != name:
            out.append(Author(translated, "en"))
        elif is_person(name):
            fam, giv = pinyin(name)
            out.append(Author(f"{fam} {giv}", "en", fam, giv))
        else:
            out.append(Author(name, "zh-Hans"))
    return out


def authors_html(article, view) -> Markup:
    return escape(view.ui["separator"]).join(span(a.shown, a.lang, view) for a in authors_of(article, view))

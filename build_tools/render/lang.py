"""Every fragment with the right `lang`: text in another language than the page's goes in
an element that says which (screen readers switch voice, browsers pick fonts, search
engines and our own measure — tests/test_english.py — know what is what)."""
from __future__ import annotations

import re

from .html_doc import Html
from markupsafe import Markup, escape

# Han characters with the CJK punctuation and full-width forms that run with them.
_HAN_RUN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201f\u2026\u00b7]*"
                      r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
                      r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201f\u2026\u00b7\s\d.%]*")


def span(text: str, lang: str, view) -> Markup:
    """Escaped text, in an element marked with its language when that is not the page's."""
    if lang == view.code or (lang.startswith("zh") and not view.english):
        return escape(text)
    return Html('<span lang="{}">{}</span>').format(lang, text)


def marked(text: str, view) -> Markup:
    """Escaped text; on an English page, each run of Chinese in it marked lang="zh-Hans"."""
    if not view.english:
        return escape(text)
    out, pos = [], 0
    for m in _HAN_RUN.finditer(text):
        run = m.group().rstrip()
        out.append(escape(text[pos:m.start()]))
        out.append(Html('<span lang="zh-Hans">{}</span>').format(run))
        pos = m.start() + len(run)
    out.append(escape(text[pos:]))
    return Html("").join(out)

"""Every fragment with the right `lang`: text in another language than the page's goes in
an element that says which (screen readers switch voice, browsers pick fonts, search
engines and our own measure — tests/test_english.py — know what is what)."""
from __future__ import annotations

import html
import re

# Han characters with the CJK punctuation and full-width forms that run with them.
_HAN_RUN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201f\u2026\u00b7]*"
                      r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
                      r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201f\u2026\u00b7\s\d.%]*")


def span(text: str, lang: str, view) -> str:
    """Escaped text, in an element marked with its language when that is not the page's."""
    if lang == view.code or (lang.startswith("zh") and not view.english):
        return html.escape(text, quote=False)
    return f'<span lang="{lang}">{html.escape(text, quote=False)}</span>'


def marked(text: str, view) -> str:
    """Escaped text; on an English page, each run of Chinese in it marked lang="zh-Hans"."""
    if not view.english:
        return html.escape(text, quote=False)
    out, pos = [], 0
    for m in _HAN_RUN.finditer(text):
        run = m.group().rstrip()
        out.append(html.escape(text[pos:m.start()], quote=False))
        out.append(f'<span lang="zh-Hans">{html.escape(run, quote=False)}</span>')
        pos = m.start() + len(run)
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)

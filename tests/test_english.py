"""The English edition in English: on each English article page, the Chinese letters that
are not inside an element marked lang="zh…" are at most 0.5% of its letters."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from conftest import SEEDS, SLUG

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class LangLetters(HTMLParser):
    """Letters of the page's text (and of its title and alt/title/aria-label attributes,
    which are read out too), split by whether an element marks them as Chinese."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = []   # (tag, lang, hidden)
        self.letters = self.chinese_unmarked = 0
        self.samples: list[str] = []

    def _lang(self) -> str:
        return next((lang for _, lang, _ in reversed(self.stack) if lang), "")

    def _count(self, text: str, lang: str) -> None:
        letters = [c for c in text if c.isalpha()]
        self.letters += len(letters)
        if not lang.startswith("zh"):
            han = [c for c in letters if _HAN.match(c)]
            if han:
                self.chinese_unmarked += len(han)
                self.samples.append(text.strip()[:40])

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        hidden = tag in ("script", "style", "template") or (bool(self.stack) and self.stack[-1][2])
        if tag not in _VOID:
            self.stack.append((tag, a.get("lang") or "", hidden))
        lang = a.get("lang") or self._lang()
        for key in ("title", "alt", "aria-label"):
            if a.get(key) and not hidden:
                self._count(a[key], lang)

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][2]:
            return
        self._count(data, self._lang())


def measure(html: str) -> LangLetters:
    parser = LangLetters()
    parser.feed(html)
    return parser


def test_english_article_pages_are_english(built_site):
    for seed in SEEDS:
        page = built_site / "en" / "articles" / SLUG[seed.stem] / "index.html"
        m = measure(page.read_text(encoding="utf-8"))
        share = m.chinese_unmarked / m.letters
        assert share <= 0.005, (seed.stem, f"{share:.2%}", m.samples[:10])

"""Briefing PDFs for the five sources in all three editions, checked with poppler's own
tools (pdffonts, pdftotext, pdftoppm) and pypdf: fonts embedded, the article's text in the
PDF, a sane page count, bookmarks, metadata; first pages rendered to PNG for a look."""
from __future__ import annotations

import subprocess
from collections import Counter

import pytest
from conftest import SLUG, ROOT
from pypdf import PdfReader

from build_tools.build import load_articles, load_terms
from build_tools.config import load_settings
from build_tools.editions import converter
from build_tools.enrich.corpus import enrich_corpus
from build_tools.model import Heading, ListBlock, Paragraph, Table
from build_tools.render.view import View
from build_tools.translations import units

ARTIFACTS = ROOT / "tests" / "artifacts"
EDITIONS = [("zh-Hans", ""), ("zh-Hant", "zh-Hant/"), ("en", "en/")]


@pytest.fixture(scope="module")
def corpus():
    settings = load_settings(ROOT / "mkdocs.yml")
    terms, articles = load_terms(settings), load_articles(settings)
    enrich_corpus(articles, terms)
    return settings, articles


def expected_text(article, edition, settings) -> str:
    """The article's text as the edition prints it."""
    view = View("en" if edition == "en" else "zh-Hans", settings.root,
                units={article.source.stem: {u.text for u in units(article.doc)}})
    parts = []
    for b in article.doc.blocks:
        texts = [b.text] if isinstance(b, (Heading, Paragraph)) else b.items if isinstance(b, ListBlock) \
            else [c for row in b.rows for c in row] if isinstance(b, Table) else []
        parts += [view.text(article.source.stem, t)[0] for t in texts]
    parts += [view.text(article.source.stem, f.text)[0] for f in article.doc.footnotes]
    text = "".join(parts)
    return converter(settings)(text) if edition == "zh-Hant" else text


def coverage(expected: str, got: str) -> float:
    want = Counter(c for c in expected if not c.isspace())
    have = Counter(c for c in got if not c.isspace())
    return sum(min(n, have[c]) for c, n in want.items()) / sum(want.values())


@pytest.mark.parametrize("edition,prefix", EDITIONS)
def test_article_pdfs(built_site, corpus, edition, prefix):
    settings, articles = corpus
    for a in articles:
        pdf = built_site / f"{prefix}pdf/{a.source.slug}.pdf"
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(" yes " in row.split("Identity-H")[-1] or "yes yes" in row for row in rows), fonts
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        cov = coverage(expected_text(a, edition, settings), text)
        assert cov >= 0.99, (a.source.slug, edition, cov)
        reader = PdfReader(str(pdf))
        assert 1 <= len(reader.pages) <= 60
        assert reader.outline and reader.outline[0].title
        assert reader.metadata.title and reader.trailer["/Root"]["/Lang"] == edition
        assert "\ufffd" not in text


@pytest.mark.parametrize("edition,prefix", EDITIONS)
def test_briefing_pack_and_first_pages_as_png(built_site, corpus, edition, prefix):
    settings, articles = corpus
    pack = built_site / f"{prefix}pdf/briefing-pack.pdf"
    reader = PdfReader(str(pack))
    article_pages = sum(len(PdfReader(str(built_site / f"{prefix}pdf/{a.source.slug}.pdf")).pages) for a in articles)
    assert article_pages + 3 <= len(reader.pages) <= article_pages + 40
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert len(titles) >= len(articles)
    contents = reader.pages[1].extract_text()
    assert any(ch.isdigit() for ch in contents)      # the contents list page numbers
    ARTIFACTS.mkdir(exist_ok=True)
    name = edition or "zh-Hans"
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "3", "-png", str(pack),
                    str(ARTIFACTS / f"pack-{name}")], check=True)
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png",
                    str(built_site / f"{prefix}pdf/{articles[3].source.slug}.pdf"),
                    str(ARTIFACTS / f"article-{name}")], check=True)
    assert len(list(ARTIFACTS.glob(f"pack-{name}*.png"))) == 3


def test_pdfs_are_reproducible_and_linked(built_site, corpus):
    settings, articles = corpus
    from build_tools.build import edition_views
    from build_tools.render.pdf import _render
    from build_tools.render.print_doc import print_documents
    docs = print_documents(settings, edition_views(settings, articles[4:]))
    html = docs[f"pdf/{SLUG['004']}.pdf"]
    assert _render(html) == _render(html) == (built_site / f"pdf/{SLUG['004']}.pdf").read_bytes()
    page = (built_site / f"articles/{SLUG['004']}/index.html").read_text(encoding="utf-8")
    assert f'href="../../pdf/{SLUG["004"]}.pdf"' in page
    assert 'href="pdf/briefing-pack.pdf"' in (built_site / "en/index.html").read_text(encoding="utf-8")


def test_pdfs_are_skipped_with_a_message(tmp_path):
    import os
    import sys
    from conftest import SEEDS, make_project
    project = make_project(tmp_path / "p", seeds=SEEDS[4:])
    run = subprocess.run([sys.executable, "-m", "build_tools", "build"], cwd=project, capture_output=True,
                         text=True, env=dict(os.environ, BRIEFING_PDF="0"))
    assert run.returncode == 0 and "PDFs skipped" in run.stdout
    assert not list((project / "docs").rglob("*.pdf"))
    assert ".pdf" not in (project / "docs" / "articles" / f"{SLUG['004']}.md").read_text(encoding="utf-8")


# what each edition's PDFs call themselves (cover and margins), and the others' names
EDITION_NAMES = {"zh-Hans": "简体中文版", "zh-Hant": "繁體中文版", "en": "English edition"}


@pytest.mark.parametrize("edition,prefix", EDITIONS)
def test_pdfs_name_their_own_edition(built_site, corpus, edition, prefix):
    settings, articles = corpus
    others = [n for e, n in EDITION_NAMES.items() if e != edition] + ["簡體中文版", "繁体中文版"]
    for pdf in [built_site / f"{prefix}pdf/briefing-pack.pdf", built_site / f"{prefix}pdf/{articles[0].source.slug}.pdf"]:
        first = subprocess.run(["pdftotext", "-enc", "UTF-8", "-l", "2", str(pdf), "-"], capture_output=True,
                               text=True, check=True).stdout
        assert EDITION_NAMES[edition] in first, (pdf.name, first[:300])
        assert not [n for n in others if n in first], (pdf.name, first[:300])

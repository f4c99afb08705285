"""Enrichment on the seeds and on small fixtures: glossary matching in running Chinese,
summaries, key points, key figures, tags and related articles."""
from __future__ import annotations


import pytest
from conftest import SLUG, ROOT

from build_tools.build import load_articles, load_terms
from build_tools.cleaning.pipeline import clean_text
from build_tools.config import load_settings
from build_tools.enrich.corpus import enrich_corpus
from build_tools.enrich.figures import all_figures, key_figures
from build_tools.enrich.glossary import GlossaryError, Matcher, Term, load_glossary
from build_tools.enrich.summary import summarize
from build_tools.model import Paragraph


@pytest.fixture(scope="module")
def corpus():
    settings = load_settings(ROOT / "mkdocs.yml")
    terms = load_terms(settings)
    articles = load_articles(settings)
    enrich_corpus(articles, terms)
    return articles, terms


def term(zh, **kw):
    return Term(zh=zh, en=kw.pop("en", zh), kind="concept", def_zh="定义", def_en="definition", **kw)


def test_longest_match_wins_inside_running_chinese():
    m = Matcher([term("产业链"), term("产业链安全"), term("友岸外包", aliases=["友岸化"]), term("外包")])
    text = "美国推动友岸外包以保障产业链安全，并推进友岸化与产业链重组。"
    found = [(text[s:e], t.zh) for s, e, t in m.find(text)]
    assert found == [("友岸外包", "友岸外包"), ("产业链安全", "产业链安全"), ("友岸化", "友岸外包"),
                     ("产业链", "产业链")]
    # a footnote reference inside a term blocks the match
    assert [t.zh for _, _, t in m.find("友岸外包", blocked={2})] == ["外包"]


def test_glossary_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- zh: 友岸外包\n  en: friend-shoring\n  kind: concept\n  def_zh: 定义\n  def_en: d\n"
                    "  related: [不存在]\n- zh: 近岸外包\n  kind: concept\n  def_zh: 定义\n  def_en: d\n"
                    "- zh: 友岸外包\n  en: x\n  kind: slogan\n  def_zh: 定义\n  def_en: d\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as e:
        load_glossary(path)
    text = str(e.value)
    assert "glossary.yml:7: entry '近岸外包': missing en" in text
    assert "glossary.yml:11: '友岸外包' is listed twice" in text
    assert "related term '不存在' is not in the glossary" in text


def test_the_glossary_is_large_valid_and_found_in_the_sources(corpus):
    articles, terms = corpus
    assert len(terms) >= 80
    assert all(t.en and t.def_en and t.def_zh and t.pinyin for t in terms)
    used = {z for a in articles for z in a.enriched.term_counts}
    assert len(used) / len(terms) >= 0.9
    for z in ("友岸外包", "近岸外包", "卡脖子", "小院高墙", "印太经济框架", "雁阵模式", "新基建"):
        assert z in used, z


def test_summary_is_three_to_five_verbatim_sentences_in_order(corpus):
    articles, _ = corpus
    for a in articles:
        summary = a.enriched.summary
        assert 3 <= len(summary) <= 5
        body = [b.text for b in a.doc.blocks if isinstance(b, Paragraph)]
        positions = []
        for sentence, anchor in summary:
            where = next(i for i, t in enumerate(body) if sentence in t)
            positions.append((where, body[where].index(sentence)))
            assert anchor.startswith("p-")
        assert positions == sorted(positions)
        assert len({s for s, _ in summary}) == len(summary)


def test_key_points_one_per_top_level_section():
    text = "\n".join(["一、第一部分", "产业链安全是当前各国关注的核心问题。各国纷纷出台政策加以应对。",
                      "二、第二部分", "美国推动友岸外包以重塑供应链。日本强调经济安全保障。",
                      "三、结语", "各国政策将对中国产业链安全带来挑战。中国需要积极应对。"])
    doc = clean_text("f.txt", text)
    _, points, _ = summarize(doc)
    assert [doc.blocks[sec].text for sec, _ in points] == ["一、第一部分", "二、第二部分", "三、结语"]
    assert all(p.text in doc.blocks[p.block].text for _, p in points)


def test_key_figures_keep_values_as_printed_with_year_and_what():
    doc = clean_text("f.txt", "2018年的出口额为7430.4亿美元，较上年增长13.4%。"
                              "美国出口额达到12.7千万美元。其中包括91个电池项目、65个电动汽车项目。")
    rows = [(f.value, f.unit, f.year, f.what, f.kind) for f in all_figures(doc)]
    assert ("7430.4", "亿美元", "2018", "出口额", "amount") in rows
    assert ("13.4", "%", "2018", "较上年增长", "growth") in rows
    assert ("12.7", "千万美元", "", "美国出口额", "amount") in rows      # a misprint stays a misprint
    assert ("91", "个", "", "电池项目", "count") in rows
    assert len(key_figures(doc, limit=2)) == 2


def test_related_articles_with_shared_terms_as_reasons(corpus):
    articles, _ = corpus
    for a in articles:
        assert len(a.enriched.related) >= 2
        for other, score, shared in a.enriched.related:
            assert other is not a and score > 0
            assert all(a.enriched.term_counts[t.zh] and other.enriched.term_counts[t.zh] for t in shared)


def test_tags_come_from_sidecars_and_glossary_terms(corpus):
    articles, _ = corpus
    by_slug = {a.source.slug: a for a in articles}
    tags = by_slug[f"{SLUG['003']}"].enriched.tags
    assert {"美国", "日本", "欧盟"} <= set(tags)

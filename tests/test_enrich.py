"""Enrichment on the seeds and on small fixtures: glossary matching in running Chinese,
summaries, key points, key figures, tags and related articles."""
from __future__ import annotations


import json
import re
import threading
from dataclasses import replace
from http.server import ThreadingHTTPServer
from types import SimpleNamespace

import pytest
import yaml
from chat_server import ChatHandler
from conftest import SLUG, ROOT, SEEDS, make_project

from build_tools.build import load_articles, load_terms
from build_tools.cleaning.pipeline import clean_text
from build_tools.cli import main
from build_tools.config import load_settings
from build_tools.enrich.candidates import candidates
from build_tools.enrich.corpus import enrich_article, enrich_corpus, searchable_texts
from build_tools.enrich.figures import all_figures, key_figures
from build_tools.enrich.glossary import GlossaryError, Matcher, Term, load_glossary
from build_tools.enrich.summary import complete, dangling, self_contained, summarize
from build_tools.model import Document, Paragraph, Table
from build_tools.render.article_page import _apparatus
from build_tools.render.view import View
from build_tools.sources import read_sidecar


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
    assert ("13.4", "%", "2018", "出口额增长", "growth") in rows    # the growth of the amount before it
    assert ("12.7", "千万美元", "", "美国出口额", "amount") in rows      # a misprint stays a misprint
    assert ("91", "个", "", "电池项目", "count") in rows
    assert ("65", "个", "", "电动汽车项目", "count") in rows
    assert len(key_figures(doc, limit=2)) == 2


def _figures(text):
    return {f.value + f.unit: f for f in all_figures(clean_text("f.txt", text))}


@pytest.mark.parametrize("text,printed,qualifier", [
    ("在浙美资企业超过6000家。", "6000家", ">"),
    ("对安哥拉可再生电力项目投资逾9亿美元。", "9亿美元", ">"),
    ("全球约20%的制造业中间品贸易来自中国。", "20%", "≈"),
    ("美国对墨西哥制成品的进口额增幅近32%。", "32%", "≈"),
    ("日本高科技产品出口值大约1118.39亿美元。", "1118.39亿美元", "≈"),
    ("九州五百余家半导体企业推动创新。", "五百家", "+"),
    ("欧盟委员会接连发布了30多份政策文件。", "30份", "+"),
    ("复合脆弱性指数是后两个行业的3倍以上。", "3倍", ">"),
    ("出口平均增速能够达到12.4%左右。", "12.4%", "≈"),
    ("对单一第三方国家的依存度不得超过65%。", "65%", "≤"),
    ("美国出口额达到7430.4亿美元。", "7430.4亿美元", ""),
])
def test_qualifiers_are_kept_beside_the_value_as_printed(text, printed, qualifier):
    figures = _figures(text)
    assert printed in figures, figures
    f = figures[printed]
    assert f.qualifier == qualifier
    assert f.value in text                 # the number itself is never rewritten


def test_year_or_period_comes_from_the_same_sentence():
    figures = _figures("2018-2020年这三年时间内我国高新技术产品对外出口平均增速达到12.4%。"
                       "截至2024年6月，美国私营企业计划投资超8 770亿美元。"
                       "九州集成电路生产额已达到全国的27.5%。"
                       "医药品出口22.8亿元，增长24.4%，数据来自2020年一季度。")
    assert figures["12.4%"].year == "2018—2020"
    assert figures["8 770亿美元"].year == "2024" and figures["8 770亿美元"].value == "8 770"
    assert figures["27.5%"].year == ""        # no year in its sentence: none is made up
    assert figures["22.8亿元"].year == "2020"   # stated later in the sentence


def test_ranges_and_changes_are_one_row():
    figures = all_figures(clean_text("f.txt", "日本对美出口在其出口总额中所占比重从1980年的24.2%上升到1984年的35.2%。"
                                              "美国对墨西哥制成品的进口额从3 200亿美元增长至4 220亿美元。"
                                              "我国半导体行业的技术进口额一直保持在3300-3500亿美元之间。"))
    rows = [(f.value, f.unit, f.to, f.year) for f in figures]
    assert rows == [("24.2", "%", "35.2", "1980—1984"), ("3 200", "亿美元", "4 220", ""),
                    ("3300-3500", "亿美元", "", "")]
    assert figures[1].shown == "3 200 → 4 220"


def test_chinese_numerals_and_shares_in_words_are_read():
    figures = _figures("中国在其中八成产品的出口上具有优势。累计2 292家日本企业退出中国市场，其中制造业企业占四成。"
                       "其出口额是对手的两倍。约三分之一的企业计划迁出。九州五百余家半导体企业。三个层次的政策。")
    assert {"八成", "四成", "两倍", "三分之一", "五百家", "2 292家"} <= set(figures)
    assert figures["八成"].kind == "share" and figures["两倍"].kind == "ratio"
    assert not any(k.startswith("三个") for k in figures)     # an enumeration, not a figure


def test_labels_name_subject_and_metric_never_a_fragment():
    figures = _figures("浙江对美出口依存度也相对较高，对美出口占全省出口总额19%。"
                       "日美贸易摩擦主要分成4个阶段。全球约20%的制造业中间品贸易来自中国。"
                       "美国共有272个新建或扩建的清洁能源项目。1989年，日本集成电路行业占据了全球市场的50%。")
    assert figures["19%"].what == "对美出口占全省出口总额"
    assert figures["20%"].what == "制造业中间品贸易"
    assert figures["272个"].what == "美国新建或扩建的清洁能源项目"
    assert "日本集成电路" in figures["50%"].what and "全球市场" in figures["50%"].what
    assert "4个" not in figures       # 主要分成4个阶段: an enumeration, and 主要分成 names nothing
    for f in figures.values():
        assert f.what not in ("也", "主要分成", "全球", "其中")


def test_table_cells_are_read_with_their_row_or_column_subject():
    doc = Document(blocks=[
        Paragraph("表 3 美日欧海外基础设施建设举措"),
        Table([["国家/组织", "政策供给", "内容"],
               ["美国", "“全球基础设施伙伴关系”", "对安哥拉可再生电力项目投资超9亿美元"],
               ["", "", "投资超40亿美元在罗马尼亚建立工厂"],
               ["欧盟", "“全球门户”计划", "投入2.8亿欧元帮助南非燃煤电站改造"]]),
        Table([["", "美国", "欧盟"],      # a cross table: the column headings are the subjects
               ["产业补贴", "《芯片与科学法案》：为芯片研发与生产拨款527亿美元", "《芯片法案》：为芯片研发提供430亿欧元的资金支持"]]),
    ])
    figures = {f.value + f.unit: f for f in all_figures(doc)}
    assert figures["9亿美元"].what.startswith("美国") and figures["9亿美元"].qualifier == ">"
    assert figures["40亿美元"].what.startswith("美国")        # a blank cell continues the row above
    assert figures["2.8亿欧元"].what.startswith("欧盟")
    assert figures["527亿美元"].what.startswith("美国") and figures["430亿欧元"].what.startswith("欧盟")
    assert all(f.block == 0 for f in figures.values())   # linked to the caption before the table


REFERENCE = yaml.safe_load((ROOT / "tests" / "apparatus" / "figures.yml").read_text(encoding="utf-8"))


def test_key_figures_recall_the_reference_and_keep_every_value_as_printed(corpus):
    articles, _ = corpus
    found = total = 0
    for a in articles:
        text = "\n".join(t for _, t in searchable_texts(a.doc))
        figures = key_figures(a.doc)
        for f in figures:
            assert f.value in text and f.to.removesuffix(f.unit) in text, (a.source.stem, f)
            assert f.what and f.what not in ("也", "主要分成", "全球")
        if len(figures) >= 8:    # a mix, not just the largest amounts
            assert len({f.kind for f in figures}) >= 3, a.source.stem
        for ref in REFERENCE[a.source.stem]:
            total += 1
            found += any(f.value == str(ref["value"]) and f.unit == ref["unit"]
                         and f.to.startswith(str(ref.get("to", ""))) and f.qualifier == ref.get("qualifier", "")
                         for f in figures)
    assert total >= 60 and found / total >= 0.8, (found, total)


def test_editor_key_figures_in_the_sidecar_replace_the_automatic_table(corpus):
    articles, terms = corpus
    a = next(a for a in articles if a.source.stem.startswith("004"))
    rows = [{"value": "27.5", "unit": "%", "what": "九州集成电路生产额占日本全国", "year": 2001}]
    e = enrich_article(_with_meta(a, key_figures=rows), Matcher(terms))
    assert [(f.value, f.what, f.year) for f in e.figures] == [("27.5", "九州集成电路生产额占日本全国", "2001")]
    assert e.figures[0].block in e.anchors      # linked to the paragraph that states it


@pytest.mark.parametrize("sentence", [
    "但是其所涉及双边贸易金额仅为180亿美元。", "其原因在于生产技术相对复杂。", "此次疫情对全球供应链造成了极大的影响。",
    "该法案最终没有通过。", "这一阶段的增速明显低于前一阶段。", "这些举措将破坏国际分工体系。", "那些企业很快撤出。",
    "同时占制造业出口比值也不断上升。", "因此，从中长期来看难度相对较低。", "此外，美国必须掌握领导权。",
    "另外，欧盟强调开放的战略自主。", "而清单3中的商品生产技术相对简单。", "第二，美日欧产业发展侧重领域有所差异。",
    "（3）美国主导的产业链区域重组可能使其生产网络收缩。", "相比较而言，中国在应用环节具有显著优势。",
    "上述政策将对中国产生影响。", "其中，美国的337调查影响较大。",
])
def test_dangling_openers_are_recognized(sentence):
    assert dangling(sentence) and not self_contained(sentence)


@pytest.mark.parametrize("sentence", [
    "美国推动友岸外包以重塑供应链。", "本文以“指导思想—政策工具”为分析框架。", "第一，提升国内生产能力是美日欧的共同追求。",
    "（1）拜登政府国际经济政策的首要考虑是保持技术代差。", "相较日本，浙江产业拥有巨大的国内市场支撑。",
    "当前中美科技竞争的新趋势来源于两个方面。",
])
def test_self_contained_sentences_are_kept(sentence):
    assert self_contained(sentence)


@pytest.mark.parametrize("sentence", [
    "我们提出了四点建议：", "美国仍然保留着对3700亿美元的中国输美商品加征关税", "“印太经济框架得以确立。",
    "，并且有着日益完善的市场体系。",
])
def test_cut_off_sentences_are_not_complete(sentence):
    assert not complete(sentence)


def _with_meta(article, **extra):
    """The article as an editor would add it tomorrow: no summary or key points in the sidecar."""
    meta = {k: v for k, v in article.source.meta.items() if not k.startswith(("summary", "key_points"))}
    return SimpleNamespace(doc=article.doc, source=replace(article.source, meta={**meta, **extra}))


def test_automatic_summary_without_sidecar_text_is_self_contained_and_spread(corpus):
    articles, terms = corpus
    matcher = Matcher(terms)
    for a in articles:
        e = enrich_article(_with_meta(a), matcher)
        assert e.summary_source == ("author" if a.doc.abstract else "extract")
        section_of = {s.text: s.section for s in summarize(a.doc)[2]}
        sentences = [s for s, _ in e.summary]
        assert 3 <= len(sentences) <= 5
        assert all(self_contained(s) for s in sentences), sentences
        anchors = [anchor for _, anchor in e.summary]
        assert len(set(anchors)) == len(anchors)            # one sentence per paragraph at most
        sections = {section_of[s] for s in sentences}
        top = set(section_of.values())
        assert len(sections) >= min(len(sentences), len(top)) - 1, a.source.stem
        assert len(e.key_points) == len({s for s in top if s >= 0})
        assert all(self_contained(p) for _, p, _ in e.key_points)


def test_the_glossary_holds_the_central_terms_of_the_seeds_with_english(corpus):
    _, terms = corpus
    by_form = {f: t for t in terms for f in t.forms}
    central = yaml.safe_load((ROOT / "tests" / "apparatus" / "central_terms.yml").read_text(encoding="utf-8"))
    wanted = [z for zs in central.values() for z in zs]
    present = [z for z in wanted if z in by_form and re.search("[A-Za-z]", by_form[z].en)]
    assert len(present) / len(wanted) >= 0.9, sorted(set(wanted) - set(present))


def test_term_candidates_are_terms_not_function_words_or_units(corpus):
    articles, terms = corpus
    found = candidates(articles, terms, limit=40)
    words = [c.term for c in found]
    known = {f for t in terms for f in t.forms}
    assert len(words) == 40 and not set(words) & known
    for word in ("一方面", "企业", "亿美元", "另一方面", "国家", "美元"):
        assert word not in words
    assert not any(re.search(r"\d", w) for w in words[:20])
    assert {"named", "quoted"} & {r for c in found for r in c.why.split("+")}
    assert all(c.sources >= 2 or c.why != "phrase" for c in found[:10])


def test_related_articles_with_shared_terms_as_reasons(corpus):
    articles, _ = corpus
    for a in articles:
        assert len(a.enriched.related) >= 2
        for other, score, shared in a.enriched.related:
            assert other is not a and score > 0
            assert all(a.enriched.term_counts[t.zh] and other.enriched.term_counts[t.zh] for t in shared)


@pytest.mark.parametrize("columns, rows, kept_bytes", [(7, 1024, 2**30), (7, 2, 2**30), (7, 2, 0), (8192, 3, 2**30)])
def test_related_articles_are_the_same_when_the_vocabulary_is_made_dense_in_blocks(corpus, monkeypatch, columns,
                                                                                   rows, kept_bytes):
    """A real corpus's vocabulary is too large for one dense matrix, and n x n scores at
    10,000 articles are too large to hold: relate() multiplies in column blocks (kept, or
    made again per row block when they do not fit) and scores a few rows at a time; any
    blocking gives the articles and order of one block."""
    import build_tools.enrich.corpus as corpus_module
    articles, _ = corpus
    whole = {a.source.slug: [(o.source.slug, [t.zh for t in shared]) for o, _, shared in a.enriched.related]
             for a in articles}
    scores = {a.source.slug: [s for _, s, _ in a.enriched.related] for a in articles}
    monkeypatch.setattr(corpus_module, "COLUMNS", columns)
    monkeypatch.setattr(corpus_module, "ROWS", rows)
    monkeypatch.setattr(corpus_module, "KEPT_BYTES", kept_bytes)
    try:
        corpus_module.relate(articles)
        assert {a.source.slug: [(o.source.slug, [t.zh for t in shared]) for o, _, shared in a.enriched.related]
                for a in articles} == whole
        for a in articles:
            assert [s for _, s, _ in a.enriched.related] == pytest.approx(scores[a.source.slug], rel=1e-4)
    finally:
        monkeypatch.undo()
        corpus_module.relate(articles)   # the module-scoped corpus as the other tests expect it


def test_tags_come_from_sidecars_and_glossary_terms(corpus):
    articles, _ = corpus
    by_slug = {a.source.slug: a for a in articles}
    tags = by_slug[f"{SLUG['003']}"].enriched.tags
    assert {"美国", "日本", "欧盟"} <= set(tags)


class FakeSummarizer(ChatHandler):
    """An OpenAI-compatible chat-completions endpoint on 127.0.0.1 for the test."""
    requests: list = []
    reply = json.dumps({"summary": "机器摘要：高端制造业的问题与经验。",
                        "key_points": ["要点一，集群不完善。", "要点二，美日经验。", "要点三，发展路线。"]},
                       ensure_ascii=False)

    def answer(self, body):
        return FakeSummarizer.reply


def test_summarize_fills_only_what_the_sidecar_lacks_and_marks_it_machine_written(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path / "p", seeds=[SEEDS[3], SEEDS[4]])
    editor = project / "seeds" / (SEEDS[3].stem + ".yml")      # keeps its summary, loses its key points
    meta = yaml.safe_load(editor.read_text(encoding="utf-8"))
    editor_summary = meta["summary_zh"]
    editor.write_text(yaml.safe_dump({k: v for k, v in meta.items() if not k.startswith("key_points")},
                                     allow_unicode=True), encoding="utf-8")
    bare = project / "seeds" / (SEEDS[4].stem + ".yml")        # an editor added it today: no apparatus
    meta = yaml.safe_load(bare.read_text(encoding="utf-8"))
    bare.write_text(yaml.safe_dump({k: v for k, v in meta.items() if not k.startswith(("summary", "key_points"))},
                                   allow_unicode=True), encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSummarizer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("BRIEFING_LLM_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}/v1")
    monkeypatch.setenv("BRIEFING_LLM_MODEL", "test-model")
    monkeypatch.setenv("BRIEFING_LLM_API_KEY", "secret")
    config = str(project / "mkdocs.yml")
    try:
        assert main(["summarize", "--config", config]) == 0
        assert len(FakeSummarizer.requests) == 2
        path, auth, body = FakeSummarizer.requests[-1]
        assert path == "/v1/chat/completions" and auth == "Bearer secret" and body["model"] == "test-model"
        assert "高端制造业" in body["messages"][-1]["content"]
        written = read_sidecar(editor)
        assert written["summary_zh"] == editor_summary          # the editor's text is never replaced
        assert "summary_zh_provenance" not in written
        assert written["key_points_zh"] == ["要点一，集群不完善。", "要点二，美日经验。", "要点三，发展路线。"]
        assert re.fullmatch(r"machine; model: test-model; date: \d{4}-\d\d-\d\d; review: pending",
                            written["key_points_zh_provenance"])
        assert read_sidecar(bare)["summary_zh"] == "机器摘要：高端制造业的问题与经验。"
        before = (editor.read_bytes(), bare.read_bytes())
        assert main(["summarize", "--config", config]) == 0       # nothing missing: nothing asked, nothing written
        assert len(FakeSummarizer.requests) == 2 and (editor.read_bytes(), bare.read_bytes()) == before
        assert "nothing missing" in capsys.readouterr().out
        # a reply that is not the JSON asked for is a clear error, and the sidecar stays as it was
        bare.write_text(bare.read_text(encoding="utf-8").split("summary_zh:")[0], encoding="utf-8")
        kept = bare.read_bytes()
        FakeSummarizer.reply = "Sorry, I cannot help with that."
        assert main(["summarize", "--config", config, SEEDS[4].stem]) == 1
        assert "not the JSON asked for" in capsys.readouterr().err and bare.read_bytes() == kept
    finally:
        server.shutdown()
    # the page labels the machine-written summary as such
    bare.write_bytes(before[1])
    settings = load_settings(project / "mkdocs.yml")
    articles = load_articles(settings)
    enrich_corpus(articles, load_terms(settings))
    a = next(a for a in articles if a.source.stem == SEEDS[4].stem)
    assert a.enriched.summary_source == "machine"
    html = "\n".join(_apparatus(a, View("zh-Hans", project)))
    assert "机器撰写" in html and "test-model" in html and "机器摘要" in html

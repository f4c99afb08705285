"""Each cleaning pass on a tiny fixture: what it changes, and what it reports."""
from __future__ import annotations

from build_tools.cleaning.pipeline import PASSES, clean_text
from build_tools.model import Heading, ListBlock, Paragraph, Table

COL = "中国高端制造业存在技术水平相对落后许多原材料尚依赖进口产业集群不"  # 32 characters


def clean(text: str):
    return clean_text("fixture.txt", text)


def kinds(doc):
    return [type(b).__name__[0] for b in doc.blocks]


def passes_that_changed(doc):
    return {name for name, _ in doc.changes}


def test_every_named_pass_runs_in_the_pipeline_once():
    """Passes are named with @cleaning_pass where they are written, but only the list in
    pipeline.py runs them: a named pass missing from it would silently never run."""
    import importlib
    import inspect
    import pkgutil
    from build_tools import cleaning
    modules = [importlib.import_module(f"build_tools.cleaning.{m.name}") for m in pkgutil.iter_modules(cleaning.__path__)]
    named = {fn for m in modules for _, fn in inspect.getmembers(m, inspect.isfunction) if hasattr(fn, "pass_name")}
    listed = [p.run for p in PASSES]
    assert named and named <= set(listed) and len(listed) == len(set(listed))
    assert cleaning.PASSES is PASSES


def test_passes_are_named_and_documented():
    names = [p.name for p in PASSES]
    assert names[0] == "measure_layout" and names[-1] == "number_footnotes"
    assert len(set(names)) == len(names)
    assert all(p.doc for p in PASSES)


def test_narrow_column_with_a_blank_line_after_every_line_is_one_paragraph():
    src = "\n\n".join(["在中美贸易摩擦当中，人们总", "是将目光集中在中国高新技术产品",
                        "进口领域，大多数的关注点是美国", "对中国高新领域核心技术的卡脖",
                        "子。然而，在贸易摩擦过程中，中国", "高新技术产品也受到较大的限制。",
                        "当前，我国高新技术产业的发展正", "处于以市场换技术到主动走出去"
                        , "的阶段。"])
    doc = clean(src)
    assert kinds(doc) == ["P"]
    assert doc.blocks[0].text.startswith("在中美贸易摩擦当中，人们总是将目光")


def test_short_line_ending_a_sentence_ends_the_paragraph_but_a_full_one_does_not():
    src = "\n".join([COL + "，", COL + "。", COL[:20] + "。", COL + "，", COL[:10] + "。"])
    doc = clean(src)
    assert kinds(doc) == ["P", "P"]
    assert doc.blocks[0].text.endswith(COL[:20] + "。")


def test_line_cut_before_a_long_number_continues():
    src = "\n".join([COL + "，", COL[:27] + "达", "69.8%。由此而论" + COL[:26], COL[:5] + "。"])
    doc = clean(src)
    assert kinds(doc) == ["P"] and "达69.8%。" in doc.blocks[0].text


def test_editor_tags_end_marks_and_page_numbers_are_removed_and_reported():
    src = "\n".join([COL + "，", COL[:10] + "。▲", "12", "[责任编辑：杨立]"])
    doc = clean(src)
    assert doc.blocks[0].text.endswith("。")
    assert {(r.text, r.reason) for r in doc.removed} == {
        ("▲", "end mark"), ("12", "page number"), ("[责任编辑：杨立]", "editor tag")}


def test_running_headers_are_found_by_repetition():
    header = "国际经济合作 2021年第3期"
    lines = []
    for page in range(3):
        lines += [header.replace("3期", f"{page + 3}期"), COL[page:] + COL[:page] + "，", COL[:12 + page] + "。"]
    doc = clean("\n".join(lines))
    assert all("国际经济合作" not in b.text for b in doc.blocks)
    # The first printing, at the top of page 1, is the masthead; the others running headers.
    assert [r.reason for r in doc.removed] == ["banner (masthead)"] + ["running header/footer"] * 2


def test_a_phrase_wrapped_alike_in_three_articles_mid_page_is_text_not_a_running_header():
    """A law repeats a clause in three articles, and the column wraps it alike each time:
    the line recurs three times, but with punctuation inside and at no page edge of a text
    whose page breaks are known, it is running text."""
    rep = "收费的作价原则、作价办法，制定、调整"
    lines = []
    for k in "一二三":
        lines += [COL + "，", COL + "，", f"第{k}条  按照价格管理权限，规定商品和", rep,
                  "分管的商品价格和收费标准。", COL + "，", COL + "。"]
    text = "\n".join(lines)
    doc = clean_text("fixture.txt", text, page_starts=(8, 15))
    assert all(r.reason != "running header/footer" for r in doc.removed)
    assert sum(rep in b.text for b in doc.blocks) == 3


def test_an_abstract_set_across_the_page_ends_over_the_narrower_columns():
    # The abstract box spans the page; its last sentence ends on a colon, and the body
    # under it runs in narrow columns: the abstract ends there, the first article and
    # its clauses stay in the body.
    narrow = "我国高新技术产品出口结构"
    doc = clean("\n".join(["关于办理侵犯知识产权刑事案件的解释", "摘要：" + COL + COL[:8] + "，", COL + COL[:11],
                           COL[:20] + "若干问题解释如下：", "", "第一条 具有下列情形", narrow + "，", "（一）改变注册商标",
                           narrow + "；", "（二）改变注册商标", narrow[:9] + "，不影", narrow[:6] + "的。",
                           "第二条 " + narrow[:9], narrow, narrow[:7] + "。"]))
    assert doc.abstract.endswith("若干问题解释如下：")
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    assert doc.blocks[0].text.startswith("第一条")


def test_a_clause_wrapped_in_a_narrow_column_of_a_law_is_no_heading():
    # Articles in a narrow column: a clause's first line is cut before any punctuation
    # ("（二）外国国家已经" / "……"), and reads like a short numbered heading. Among
    # articles a heading heads articles; this one heads the clause's own text.
    narrow = "我国高新技术产品出口结构"
    doc = clean("\n".join(["中华人民共和国外国国家豁免法", "第一章 总则", "第一条 " + narrow[:8], narrow + "，",
                           narrow[:6] + "：", "（一）" + narrow[:7] + "。", "（二）外国国家已经", narrow, narrow[:8] + "。",
                           "一、附则", "第二条 " + narrow[:8], narrow, narrow[:5] + "。"]))
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["第一章 总则", "一、附则"]
    assert any(b.text.startswith("（二）外国国家已经" + narrow) for b in doc.blocks)


def test_the_wrap_of_three_chapter_headings_is_no_running_header():
    # Three chapter headings wrap alike in a narrow column ("第二章 产品生产企业的" /
    # "质量责任"): the second line recurs, but it finishes the line above, left open on
    # "的", in the middle of a page.
    narrow = "我国高新技术产品出口结构"
    lines = ["工业产品质量责任条例", "第一章 总则", "第一条 " + narrow[:8], narrow + "，", narrow[:7] + "。"]
    for k in "二三四":
        lines += [f"第{k}章 产品生产企业的", "质量责任", f"第{k}条 " + narrow[:8]] + [narrow + "，", narrow] * 3 + [narrow[:5] + "。"]
    doc = clean_pages([lines[:11], lines[11:21], lines[21:]])
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads[1:] == [f"第{k}章 产品生产企业的质量责任" for k in "二三四"]


LONG = ("为依法惩治侵犯知识产权犯罪维护社会主义市场经济秩序根据中华人民共和国刑法刑事诉讼法等有关规定现就办理侵犯"
        "知识产权刑事案件具体应用法律的若干问题解释如下具有下列情形之一的可以认定为刑法第二百一十三条规定的与其注"
        "册商标相同的商标改变注册商标的字体字母大小写或者文字横竖排列与注册商标之间基本无差别的")
LONG += LONG[::-1]


def narrow_lines(n: int, start: int = 0, width: int = 12) -> list[str]:
    """n distinct lines of a narrow column (no two alike)."""
    return [LONG[start + k * width:start + (k + 1) * width] for k in range(n)]


def test_a_column_wide_line_repeated_inside_paragraphs_is_text():
    # A narrow column wraps a law's repeated phrase alike three times, without punctuation
    # in the line: as wide as the column, with text straight above and below, at no page
    # edge of a paged text, it is running text, not a running header.
    rep = "全法第一百四十八条第二款"
    body = narrow_lines(20)
    page = []
    for k in range(3):
        page += [body[6 * k][:11] + "，", body[6 * k + 1], body[6 * k + 2], rep, body[6 * k + 3][:11] + "，",
                 body[6 * k + 4], body[6 * k + 5][:9] + "。"]
    doc = clean_pages([["关于审理食品药品纠纷案件的解释"] + body[18:20] + [body[0][:5] + "。"], page, [body[3], body[7][:4] + "。"]])
    assert all(r.reason != "running header/footer" for r in doc.removed)
    assert "".join(b.text for b in doc.blocks).count(rep) == 3


def test_a_header_found_inside_a_sentence_goes_wherever_else_it_is_printed():
    # pdftotext left a page header between the halves of a word ("……有" / "经济要参" /
    # "关的……"); on a later page the same header stands between two paragraphs, where it
    # reads like a heading: once known as furniture, it goes there too.
    b = narrow_lines(12)
    src = ["关于审理食品药品纠纷案件的解释", b[10][:11] + "，", b[11][:6] + "。", b[0][:11] + "，", b[1], b[2][:11] + "有", "", "经济要参", "", "关的" + b[3][:10],
           b[4][:5] + "。", b[5][:11] + "，", b[6][:9] + "。", "", "经济要参", "", "第十七条 " + b[7][:7], b[8], b[9][:6] + "。"]
    doc = clean("\n".join(src))
    assert [r.text for r in doc.removed].count("经济要参") == 2
    assert not [x for x in doc.blocks if isinstance(x, Heading)]


def test_a_chapter_number_over_the_title_and_under_a_title_printed_again():
    # Layout analysis put "第一章 总则" above the law's name, which stands straight over
    # the first article: a numbered line is no banner, and the title is the name.
    para = ["第一条 " + COL[:28] + "，", COL + "，", COL + "，", COL[:20] + "。",
            "第二条 " + COL[:28] + "，", COL + "，", COL[:18] + "。"]
    doc = clean("\n".join(["第一章 总则", "中华人民共和国价格管理条例"] + para))
    assert doc.title == "中华人民共和国价格管理条例"
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["第一章 总则"]
    # The source prints its title again over the body (two short lines without a full
    # stop): the chapter under them is still a heading.
    again = clean("\n".join(["全国人民代表大会常务委员会议事规则", "（1987年11月24日会议通过）", "全国人民代表大会",
                             "常务委员会议事规则", "第一章 总 则"] + para))
    assert "第一章 总则" in [b.text for b in again.blocks if isinstance(b, Heading)]


def test_numbered_headings_in_a_narrow_column_against_the_lines_under_them():
    # An 11-character column. A heading is not finished by a line that line breaking left
    # short ("2025年是“十四" opens a quotation that "五”……" closes): that line is text.
    b = narrow_lines(12, width=11)
    doc = clean("\n".join([b[0][:10] + "，", b[1], b[2][:6] + "。", "一、2025年工作回顾", "2025年是“十四",
                           "五”规划冲刺收官、“十", b[3], b[4][:5] + "。", "（一）立足长治久安，建", "设更高水平平安西藏",
                           b[5], b[6][:10] + "，", b[7], b[8][:4] + "。", "（二）立足扩大内需，平安", "西藏",
                           "（三）" + b[9][:7] + "，", b[10], b[11][:3] + "。"]))
    heads = [x.text for x in doc.blocks if isinstance(x, Heading)]
    # A numbered head with a comma, filling the column and cut mid-word ("建" / "设"),
    # or finished by a line of a few characters, unpunctuated, with text under it, is one
    # heading.
    assert heads == ["一、2025年工作回顾", "（一）立足长治久安，建设更高水平平安西藏", "（二）立足扩大内需，平安西藏"]


def test_a_journal_name_between_two_points_of_a_list_across_a_page_break_is_a_header():
    # A short document prints its journal's name once, at the top of page 2, between
    # "三是……" (page 1) and "四是……": no heading stands between two points of one list.
    src = ["关于推进产业链现代化的报告", "一是" + COL[:28] + "，", COL[:20] + "。", "二是" + COL[:28] + "，", COL[:12] + "。",
           "三是" + COL[:28] + "，", COL[:16] + "。", "", "—1—", "", "改革内参", "", "四是" + COL[:28] + "，", COL[:10] + "。"]
    doc = clean("\n".join(src))
    assert ("改革内参", "running header (page edge)") in {(r.text, r.reason) for r in doc.removed}
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


def test_the_title_reprinted_as_a_block_of_its_own_between_clauses_is_a_header():
    # pdftotext left the running header (the law's title) between two clauses, as a text
    # block of its own: the clause before it is finished, so no sentence runs across it.
    b = narrow_lines(10, width=11)
    src = ["中华人民共和国外国国家豁免法", "第一条 " + b[0][:7], b[1][:10] + "，", b[2][:4] + "。", "第二条 " + b[3][:7],
           b[4][:6] + "：", "（一）" + b[5][:8], b[6][:5] + "；", "", "中华人民共和国外国国家豁免法", "",
           "（二）" + b[7][:8], b[8][:6] + "；", "（三）" + b[9][:5] + "。"]
    doc = clean("\n".join(src))
    assert doc.title == "中华人民共和国外国国家豁免法"
    assert ("中华人民共和国外国国家豁免法", "running header (title reprinted)") in {
        (r.text, r.reason) for r in doc.removed}


def test_labelled_fields_are_lifted_including_an_ocr_colon():
    src = "\n".join(["摘 要院 本文讨论产业链安全。", "【关键词】 产业链安全 供应链",
                     "【中图分类号】 F171.21 **【文献标识码】** A", COL + "。"])
    doc = clean(src)
    assert doc.abstract == "本文讨论产业链安全。"
    assert doc.keywords == ["产业链安全", "供应链"]
    assert doc.metadata == {"clc": "F171.21", "document_code": "A"}
    assert ("院", "OCR junk (mis-decoded colon after a label)") in {(r.text, r.reason) for r in doc.removed}


def column(text: str, width: int = 15) -> list[str]:
    """Text wrapped at a fixed number of characters, as a PDF column would."""
    return [text[i:i + width] for i in range(0, len(text), width)]


def test_abstract_spliced_into_a_sentence_is_lifted_and_the_sentence_rejoined():
    before = ("2018年我国高新技术产品出口额占当年我国对外出口总额的比重是三成，到2020年出口额增加，该比重"
              "有所上升。可见高新技术产品出口额在我国对外出口贸易总额中的比重虽小幅上升，但出口绝对数"
              "值是在增长，说明我国高新技术产业发")
    before = "总体看，" * (-len(before) % 15 // 4) + "呀" * (-len(before) % 15 % 4) + before
    abstract = [" 摘 要院 我国高新技术产品对外出口一直是我国对外出口的重要领域。",
                "当前我国高新技术产品对外出口额呈波动增长态势，出口增速放缓。"]
    doc = clean("\n".join([*column(before), *abstract, " 展势头较好。"]))
    assert doc.abstract.startswith("我国高新技术产品对外出口一直")
    assert kinds(doc) == ["P"] and doc.blocks[0].text == before + "展势头较好。"


def test_title_authors_and_funding_note():
    src = "\n".join(["美日欧产业链安全保障机制的 逻辑解构与比较分析 *", "郝宇彪 明 莹",
                     "【作者简介】 郝宇彪，首都经济贸易大学教授；明莹，博士研究生",
                     "* 本文系国家社科基金重点项目的阶段性研究成果。", "近年来，国际形势急剧变化。"])
    doc = clean(src)
    assert doc.title == "美日欧产业链安全保障机制的逻辑解构与比较分析"
    assert doc.authors == ["郝宇彪", "明莹"]
    assert doc.metadata["funding"].startswith("本文系")


def test_a_short_first_line_over_body_text_is_a_banner():
    src = "\n".join([" 国际商务论坛", COL + "，", COL[1:] + COL[0] + "，", COL[2:] + COL[:2] + "，",
                     COL[:8] + "。"])
    doc = clean(src)
    assert ("国际商务论坛", "banner") in {(r.text, r.reason) for r in doc.removed}


def test_footnotes_restart_per_page_and_are_numbered_uniquely():
    src = "\n".join(["第一页的正文。^① 又一句。^②", "① 第一页注一。", "② 第一页注二。",
                     "第二页的正文。^① 完。", "① 第二页注一。"])
    doc = clean(src)
    assert [f.mark for f in doc.footnotes] == ["1", "2", "3"]
    assert [f.text for f in doc.footnotes] == ["第一页注一。", "第一页注二。", "第二页注一。"]
    paras = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [[n.mark for n in p.notes] for p in paras] == [["1", "2"], ["3"]]
    assert paras[0].text == "第一页的正文。又一句。"


def test_a_footnote_cut_by_a_page_break_is_rejoined():
    src = "\n".join(["正文开头，^①", "① 该战略于大平正芳时期提出，其基本原则为：", "正文继续",
                     "亚太地区是日本经济发展所依托的关键地区。", "① 下一页的注。", "完。"])
    doc = clean(src)
    assert doc.footnotes[0].text.endswith("所依托的关键地区。")


def test_tab_rows_become_a_table_and_a_row_split_by_a_page_break_is_merged():
    src = "\n".join(["\t美国\t日本", "工具\t对安哥拉投资超 9 亿美\t无", "", "\t元，扩大出口\t", "正文。"])
    doc = clean(src)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.rows == [["", "美国", "日本"], ["工具", "对安哥拉投资超9亿美元，扩大出口", "无"]]


def test_outline_list_names_headings_fused_with_their_first_sentence():
    src = "\n".join(["本文分为三个部分：", "1. 数字化时代，贸易冲突具有复杂性", "2. 全球产业链重塑的方向",
                     "3. 中国产业链的脆弱性", "数字化时代贸易冲突具有复杂性现有研究普遍注意到这一点。",
                     "全球产业链重塑的方向在疫情冲击下发生变化。", "中国产业链的脆弱性我们的研究显示如此。"])
    doc = clean(src)
    assert isinstance(doc.blocks[1], ListBlock)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["数字化时代贸易冲突具有复杂性", "全球产业链重塑的方向", "中国产业链的脆弱性"]
    assert doc.blocks[-1].text == "我们的研究显示如此。"


def test_numbered_headings_get_consistent_levels_and_wrapped_headings_are_joined():
    col = "我国高新技术产品出口结构比较集中"   # 16 characters: a narrow column
    src = "\n".join(["一、贸易摩擦背景下我国高", "新技术产品对外出口的现状", "（一）出口额呈波动增长态势",
                     col, col + "。", col[:5] + "。", "（二）产品出口结构较为集中", col, col[:6] + "。",
                     "二、对策", col[:9] + "。"])
    doc = clean(src)
    heads = [(b.level, b.text) for b in doc.blocks if isinstance(b, Heading)]
    assert heads == [(1, "一、贸易摩擦背景下我国高新技术产品对外出口的现状"), (2, "（一）出口额呈波动增长态势"),
                     (2, "（二）产品出口结构较为集中"), (1, "二、对策")]


def test_numbered_run_in_leads_stay_in_their_paragraph():
    src = "\n".join(["1  中国高端制造业的问题", "1.1 产业集群建设不完善，资源利用效率低下。当前我国高端制造业行业",
                     COL + "。", "1.2技术创新水平有待提高。" + COL[:20], COL[:6] + "。"])
    doc = clean(src)
    assert kinds(doc) == ["H", "P", "P"]
    assert doc.blocks[0].text == "1 中国高端制造业的问题"
    assert doc.blocks[1].text.startswith("1.1产业集群建设不完善，资源利用效率低下。当前我国高端制造业行业" + COL[:4])
    assert doc.blocks[1].lead == len("1.1产业集群建设不完善，资源利用效率低下。")


def test_short_unnumbered_lines_between_paragraphs_are_headings():
    src = "\n".join([COL + "，", COL[:12] + "。", "日美贸易摩擦背景及应对", COL + "，", COL[:9] + "。"])
    doc = clean(src)
    assert kinds(doc) == ["P", "H", "P"] and doc.blocks[1].text == "日美贸易摩擦背景及应对"


def test_spacing_between_cjk_and_digits_is_removed_but_latin_spacing_kept():
    doc = clean("日美贸易摩擦从 20世纪 50年代末期开始， 技 术 进 口 额 见 Shannon K. O'Neil 的文章。")
    assert doc.blocks[0].text == "日美贸易摩擦从20世纪50年代末期开始，技术进口额见Shannon K. O'Neil的文章。"


def test_runs_of_parallel_short_lead_sentences_are_marked():
    paras = ["提早布局产业结构调整，积极引导产业转型升级。日本政府大力推进结构性改革，", COL[:12] + "。",
             "改革内部经济制度，拓展多元化开放市场。泡沫经济破裂后日本开始改革，将纺", COL[:10] + "。",
             "创新对外投资方式，加快跨国并购重组步伐。为缓解贸易摩擦带来的外部影响，", COL[:9] + "。"]
    doc = clean("\n".join([COL + "，", COL[:8] + "。", "日本应对的做法", *paras]))
    assert [b.lead for b in doc.blocks[2:]] == [22, 19, 20]


# ---- title blocks, mastheads and numbering grammar (issue 11) -------------------------
def test_issue_lines_are_dropped_by_shape_even_when_printed_once():
    src = "\n".join(["经济要参", "2019年第7期", "中华人民共和国示范法", "第一章 总则",
                     "第一条 " + COL[:24] + "，", COL[:20] + "。", "第 7 期", COL + "，", COL[:10] + "。"])
    doc = clean(src)
    removed = {(r.text, r.reason) for r in doc.removed}
    assert ("经济要参", "banner (masthead)") in removed and ("2019年第7期", "banner (masthead)") in removed
    assert ("第 7 期", "running header/footer") in removed
    assert doc.title == "中华人民共和国示范法"
    assert all("第 7 期" not in b.text for b in doc.blocks)


def test_a_short_documents_header_is_found_next_to_its_folios():
    src = "\n".join([COL + "，", COL[:20] + "。", "决策咨询", "— 2 —", COL + "，", COL[:9] + "。",
                     "决策咨询", "— 3 —", COL + "，", COL[:8] + "。"])
    doc = clean(src)
    assert [r.reason for r in doc.removed if r.text == "决策咨询"] == ["running header/footer"] * 2
    assert all(isinstance(b, Paragraph) for b in doc.blocks)


def test_wrapped_title_under_a_banner_with_subtitle_and_authors():
    src = "\n".join(["政策解读", "关于推进产业链供应链", "现代化的若干思考", "——在全国工作会议上的报告",
                     "王立新  陈静", COL + "，", COL[:20] + "。"])
    doc = clean(src)
    assert doc.title == "关于推进产业链供应链现代化的若干思考"
    assert doc.subtitle == "——在全国工作会议上的报告"
    assert doc.authors == ["王立新", "陈静"]
    assert ("政策解读", "banner") in {(r.text, r.reason) for r in doc.removed}


def test_a_law_title_over_its_first_chapter_and_no_title_over_plain_body():
    law = clean("\n".join(["中华人民共和国示范法", "（2019年4月23日第十三届全国人民代表大会常务委员会通过）",
                           "第一章 总则", "第一条 " + COL[:24] + "，", COL[:20] + "。"]))
    assert law.title == "中华人民共和国示范法" and law.subtitle.startswith("（2019年")
    assert isinstance(law.blocks[0], Heading) and law.blocks[0].text == "第一章 总则"
    # A first line as wide as the column is a paragraph's first line, not a title.
    plain = clean("\n".join([COL, COL + "。", COL[:10] + "。"]))
    assert plain.title is None and kinds(plain) == ["P"]


def test_articles_open_paragraphs_and_an_article_number_alone_joins_its_text():
    src = "\n".join(["第一条 " + COL[:24] + "，", COL[:20] + "。", "第二条", COL[:22] + "。",
                     "第三条 " + COL[:24] + "，", COL[:20] + "。"])
    doc = clean(src)
    assert kinds(doc) == ["P", "P", "P"]
    assert doc.blocks[1].text == "第二条" + COL[:22] + "。"


def test_clauses_are_paragraphs_and_part_chapter_section_get_three_levels():
    narrow = "我国高新技术产品出口结构比较集中"  # 16 characters: a narrow column
    src = "\n".join(["第一编 总则", "第一章 一般规定", "第一节 范围", narrow, narrow + "，", narrow[:8] + "：",
                     "（一）擅自使用与他人有一定影响的商", "品名称；", "（二）" + narrow[:9] + "；",
                     "第二章 附则", narrow[:10] + "。"])
    doc = clean(src)
    heads = [(b.level, b.text) for b in doc.blocks if isinstance(b, Heading)]
    assert heads == [(1, "第一编 总则"), (2, "第一章 一般规定"), (3, "第一节 范围"), (2, "第二章 附则")]
    paras = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "（一）擅自使用与他人有一定影响的商品名称；" in paras


def test_side_by_side_columns_are_read_column_by_column():
    # Two pages of two 15-character columns as pdftotext -layout prints them: each line
    # holds a line of the left column, a gap, and a line of the right one.
    def column(tag):
        return [f"{tag}{k:02d}" + COL[k:k + 12] for k in range(12)]
    pages = [(column("甲"), column("乙")), (column("丙"), column("丁"))]
    src = []
    for left, right in pages:
        src += [f"{a}{' ' * 6}{b}" for a, b in zip(left, right)] + ["— 3 —"]
    doc = clean("\n".join(src))
    assert "split_layout_columns" in passes_that_changed(doc)
    text = "".join(b.text for b in doc.blocks)
    order = [text.index(tag + "00") for tag in "甲乙丙丁"]
    assert order == sorted(order)
    assert text.index("甲11") < text.index("乙00") and text.index("乙11") < text.index("丙00")


def test_each_page_has_its_own_column_edges():
    # -layout places the columns afresh on each page: on the second page the right
    # column starts five cells further left (its left column holds digits and Latin).
    def column(tag):
        return [f"{tag}{k:02d}" + COL[k:k + 12] for k in range(24)]
    src = []
    for (left, right), gap in (((column("甲"), column("乙")), 12), ((column("丙"), column("丁")), 7)):
        src += [f"{a}{' ' * gap}{b}" for a, b in zip(left, right)] + ["— 3 —"]
    doc = clean("\n".join(src))
    text = "".join(b.text for b in doc.blocks)
    assert text.index("丙23") < text.index("丁00")
    assert "丙05" + COL[5:17] + "丙06" in text


def test_a_one_character_piece_of_the_left_column_keeps_the_right_columns_line_apart():
    # A heading's opening bracket left alone on its line ("（" / "三）……"): the piece is
    # one character wide, and the right column's line beside it stays the right column's.
    def column(tag):
        return [f"{tag}{k:02d}" + COL[k:k + 12] for k in range(24)]
    left, right = column("甲"), column("乙")
    left[10] = "（"
    src = [f"{a:<{15 + 12}}{b}" for a, b in zip(left, right)] + ["— 3 —"]
    text = "".join(b.text for b in clean("\n".join(src)).blocks)
    assert "（甲11" in text and "乙09" + COL[9:21] + "乙10" in text


def test_a_short_page_moves_the_documents_column_edge_to_its_own():
    # The last page has too few lines to find its own column edges, and -layout set its
    # right column six cells further left than on the first page: the document's edge
    # moves to where this page's lines resume after a gap.
    def column(tag, n):
        return [f"{tag}{k:02d}" + COL[k:k + 12] for k in range(n)]
    src = [f"{a}{' ' * 12}{b}" for a, b in zip(column("甲", 24), column("乙", 24))] + ["— 3 —"]
    src += [f"{a}{' ' * 6}{b}" for a, b in zip(column("丙", 8), column("丁", 8))] + ["— 4 —"]
    text = "".join(b.text for b in clean("\n".join(src)).blocks)
    assert text.index("丙07") < text.index("丁00") and "丙00" + COL[:12] + "丙01" in text


def test_a_short_line_under_the_authors_is_a_heading_and_a_heading_above_the_title_is_stepped_over():
    doc = clean("\n".join(["关于推进产业链供应链现代化的思考", "王立新 陈静", "基本情况", COL + "，", COL[:20] + "。"]))
    assert doc.title == "关于推进产业链供应链现代化的思考" and doc.subtitle is None
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].text == "基本情况"
    moved = clean("\n".join(["法规解读", "第一章 总则", "工业产品质量责任条例", "（1986年4月5日国务院发布）",
                             "第一条 " + COL[:24] + "，", COL[:20] + "。"]))
    assert moved.title == "工业产品质量责任条例"
    assert ("法规解读", "banner") in {(r.text, r.reason) for r in moved.removed}
    assert [b.text for b in moved.blocks if isinstance(b, Heading)] == ["第一章 总则"]


def test_a_right_column_read_first_is_put_after_the_left_one():
    # pdftotext read the right column (articles 3-4) before the left one (chapter 1,
    # articles 1-2) because the left column starts lower, under the chapter heading.
    right = ["第三条 " + COL[:24] + "，", COL[:20] + "。", "第四条 " + COL[:24] + "，", COL[:18] + "。"]
    left = ["第一章 总则", "第一条 " + COL[:24] + "，", COL[:21] + "。", "第二条 " + COL[:24] + "，", COL[:19] + "。"]
    doc = clean("\n".join(right + [""] + left + ["", "— 1 —", "第五条 " + COL[:24] + "，", COL[:17] + "。"]))
    assert "restore_column_order" in passes_that_changed(doc)
    starts = [b.text[:3] for b in doc.blocks]
    assert starts == ["第一章", "第一条", "第二条", "第三条", "第四条", "第五条"]


def test_newsletter_title_over_two_lines_and_digest_entries_as_level_two_headings():
    src = "\n".join(["科技前沿快报（第12期）", "：人工智能治理动态综述", "一、国际动态", "1、欧盟通过人工智能法案",
                     COL + "，", COL[:20] + "。", "2、美国发布行政命令", COL + "，", COL[:10] + "。",
                     "二、国内动态", "1、我国出台管理办法，明确生成式服务提供者的责任。" + COL[:8] + "。"])
    doc = clean(src)
    assert doc.title == "科技前沿快报（第12期）：人工智能治理动态综述"
    heads = [(b.level, b.text) for b in doc.blocks if isinstance(b, Heading)]
    assert heads == [(1, "一、国际动态"), (2, "1、欧盟通过人工智能法案"), (2, "2、美国发布行政命令"), (1, "二、国内动态")]
    # An entry that runs on into its text stays a paragraph with a run-in lead.
    assert doc.blocks[-1].text.startswith("1、我国出台管理办法") and doc.blocks[-1].lead > 0


def _page(lines, folio):
    return lines + [folio]


def test_journal_name_printed_once_at_a_page_edge_is_dropped_and_reported():
    # A two-page document: the journal name heads page 2 once (no masthead, no repetition).
    # pypdf emits the header after the page's text, pdftotext before it.
    p1 = ["一、总体要求", COL + "，", COL + "，", COL[:12] + "。"]
    p2 = [COL + "，", COL[:20] + "。"]
    for order in ("after", "before"):
        page2 = (p2 + ["经济要参"]) if order == "after" else (["经济要参"] + p2)
        src = "\n".join(p1 + ["— 1 —"] + page2 + ["— 2 —"])
        if order == "before":
            # the sentence of page 1 runs on across the break, past the name
            src = "\n".join(p1[:-1] + [COL + "，", "— 1 —", "经济要参", COL + "，", COL[:20] + "。", "— 2 —"])
        doc = clean(src)
        assert "strip_page_edge_names" in passes_that_changed(doc), order
        assert [r.reason for r in doc.removed if r.text == "经济要参"] == ["running header (page edge)"]
        assert all("经济要参" not in b.text for b in doc.blocks)


def test_a_heading_at_the_top_of_a_page_after_a_finished_paragraph_stays():
    src = "\n".join(["一、总体要求", COL + "，", COL[:12] + "。", "— 1 —", "主要任务", COL + "，", COL[:20] + "。",
                     "— 2 —"])
    doc = clean(src)
    assert "strip_page_edge_names" not in passes_that_changed(doc)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["一、总体要求", "主要任务"]


def test_masthead_name_repeated_at_a_page_edge_is_dropped():
    src = "\n".join(["发展研究", "2024年第3期", "关于某项工作的报告", COL + "，", COL[:12] + "。", "— 1 —",
                     "发展研究", "二、主要措施", COL + "，", COL[:20] + "。", "— 2 —"])
    doc = clean(src)
    assert "strip_page_edge_names" in passes_that_changed(doc)
    assert doc.title == "关于某项工作的报告"
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["二、主要措施"]


def test_newsletter_title_whose_colon_line_is_wider_than_the_name_line():
    # "刊名（第 N 期）" over a longer "：正题", then a salutation ending in a colon.
    src = "\n".join(["区域经济快报（第2期）", "：关于二〇二六年全省重点工作安排的情况报告", "各位代表：",
                     COL + "，", COL + "，", COL + "，", COL[:20] + "。"])
    doc = clean(src)
    assert doc.title == "区域经济快报（第2期）：关于二〇二六年全省重点工作安排的情况报告"
    assert doc.blocks[0].text == "各位代表："


def test_transliterated_name_with_a_middle_dot_is_an_author():
    src = "\n".join(["关于某项工作的报告", "艾尔肯·吐尼亚孜", "各位代表：", COL + "，", COL[:20] + "。"])
    doc = clean(src)
    assert doc.title == "关于某项工作的报告" and doc.authors == ["艾尔肯·吐尼亚孜"]
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


def test_numbered_run_in_lead_wrapped_in_a_narrow_column_is_no_heading():
    # A 14-character column: "（一）经济增长迈出坚实" fills its line and the lead's
    # sentence ends on the next line, where the paragraph goes on.
    narrow = ["（一）经济增长迈出坚实", "步伐。抓好国家政策落", "实，梯次推出三批政策", "清单和专项政策，做足",
              "增量、遏制减量。", "（二）产业优化升级迈出", "坚实步伐。深入实施工", "业经济头号工程，全面", "推进科技创新。"]
    doc = clean("\n".join(narrow))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    assert [b.text[:4] for b in doc.blocks] == ["（一）经", "（二）产"]


def test_line_left_short_by_a_pushed_character_continues_its_paragraph():
    # Line breaking pushed "名" (with its comma) and "进" to the next line: the lines
    # above are short but the paragraph goes on; the short last line ends it.
    src = "\n".join([COL + "，", "新增国家级青年人才475", "名，" + COL[:30] + "，", "实验室体系建设稳步推",
                     "进，" + COL[:30] + "，", COL[:10] + "。", "二、主要任务", COL + "，", COL[:8] + "。"])
    doc = clean(src)
    assert kinds(doc) == ["P", "H", "P"]
    assert "人才475名，" in doc.blocks[0].text and "稳步推进，" in doc.blocks[0].text


def test_second_of_a_shi_enumeration_starts_its_own_paragraph():
    # "一是……" / "二是……" paragraphs with no indent left by the extractor; an inline
    # "一是……二是……" within one paragraph is not split.
    src = "\n".join(["一是" + COL[:30] + "，", COL + "。", "二是" + COL[:30] + "，", COL[:12] + "。",
                     "我们的做法有两条：一" + COL[:22] + "，", "是" + COL[:31] + "；二是" + COL[:20] + "。"])
    doc = clean(src)
    assert [b.text[:2] for b in doc.blocks] == ["一是", "二是", "我们"]


def test_masthead_name_left_between_columns_is_dropped_anywhere():
    # pdftotext read page 2's columns one after the other: its header sits mid-page.
    src = "\n".join(["发展研究", "2024年第3期", "关于某项工作的报告", COL + "，", COL[:12] + "。", "— 1 —",
                     COL + "，", COL + "《食", "发展研究", "品药品》" + COL[:20] + "。", "— 2 —"])
    doc = clean(src)
    assert ("发展研究", "running header (repeats the masthead)") in [(r.text, r.reason) for r in doc.removed]
    assert all("发展研究" not in b.text for b in doc.blocks)


NARROW = "我们坚持以习近平新时代"  # 11 characters: a 3-column page


def test_newsletter_title_as_wide_as_a_narrow_column():
    # A 3-column page: "刊名（第 N 期）" is as wide as the column, which alone would make
    # it a paragraph's first line; the "：正题" line under it says it was broken by hand.
    body = [NARROW[:9] + "，", NARROW[:10] + "，", NARROW[:10] + "，", NARROW[:4] + "。"]
    doc = clean("\n".join(["区域经济快报（第2期）", "：二〇二六年政府工作报告", "各位代表："] + body * 3))
    assert doc.title == "区域经济快报（第2期）：二〇二六年政府工作报告"


def test_unnumbered_heading_wrapped_in_a_narrow_column_is_one_heading():
    # "“十四五”时期发展成" fills the column and "成就" is cut at the join; neither line
    # has punctuation. A paragraph's lines left short by line breaking are no heading.
    para = [NARROW[:9] + "，", NARROW[:10] + "，", NARROW[:10] + "，", NARROW[:4] + "。"]
    src = para + ["“十四五”时期发展成", "就和2025年工作回顾"] + para + ["主要任务和工作安排的", "调整"] + para
    doc = clean("\n".join(src))
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads[0] == "“十四五”时期发展成就和2025年工作回顾"


def test_name_line_inside_a_running_sentence_is_dropped_and_reported():
    # pdftotext put a page header between two serialised columns, mid-sentence.
    src = "\n".join(["一、总体要求", COL + "，", COL[:12] + "。", COL + "，", COL[:30] + "城镇化率达到", "改革内参",
                     "67.4%。" + COL[:20] + "，", COL[:10] + "。"])
    doc = clean(src)
    assert ("改革内参", "running header (inside a sentence)") in [(r.text, r.reason) for r in doc.removed]
    assert "城镇化率达到67.4%" in doc.blocks[2].text


def test_person_name_inside_a_sentence_is_not_taken_for_a_header():
    # Layout analysis can put a byline box mid-page; a name is not furniture.
    src = "\n".join(["一、总体要求", COL + "，", COL[:12] + "。", COL + "，", COL[:30] + "城镇化率达到", "卢东亮",
                     "67.4%。" + COL[:20] + "，", COL[:10] + "。"])
    doc = clean(src)
    assert "strip_page_edge_names" not in passes_that_changed(doc)
    assert "卢东亮" not in [r.text for r in doc.removed]


def test_title_reprinted_as_a_header_inside_a_sentence_is_dropped():
    src = "\n".join(["关于某项工作的暂行办法", "第一条 " + COL[:28] + "，", COL[:12] + "。", COL + "，",
                     COL[:30] + "法律、法规", "关于某项工作的暂行办法", "规章授权" + COL[:20] + "。"])
    doc = clean(src)
    assert doc.title == "关于某项工作的暂行办法"
    assert ("关于某项工作的暂行办法", "running header (title inside a sentence)") in [(r.text, r.reason) for r in doc.removed]
    assert "法律、法规规章授权" in doc.blocks[-1].text


def test_dash_led_items_after_a_finished_sentence_are_paragraphs():
    src = "\n".join([COL + "，", COL + "。", "——经济综合实力实现新跃升。" + COL[:18], COL[:10] + "。",
                     "——科技创新能力实现新突破。" + COL[:18], COL[:6] + "。"])
    doc = clean(src)
    assert [b.text[:2] for b in doc.blocks] == ["中国", "——", "——"]


def test_reference_mark_at_a_line_start_is_no_footnote_when_the_page_has_its_note():
    # Line breaking put the call "②" at the start of a body line; the page's note ② is
    # printed at its foot. The page numbers its notes once: the first "②" is a reference.
    src = "\n".join([COL + "，", COL[:26] + "五年来，", "②我们牢记嘱托、感恩奋进，" + COL[:18], COL[:10] + "。",
                     "①第一条注释的文字。", "②文中数据均为初步统计数。", "— 1 —"])
    doc = clean(src)
    assert sorted(f.text for f in doc.footnotes) == sorted(["第一条注释的文字。", "文中数据均为初步统计数。"])
    assert len(doc.blocks) == 1 and "五年来，我们牢记嘱托" in doc.blocks[0].text
    # the line-start "②" is resolved as the paragraph's reference to the note "②".
    assert [n.source for n in doc.blocks[0].notes] == ["②"]
    assert {f.mark: f.text for f in doc.footnotes}[doc.blocks[0].notes[0].mark] == "文中数据均为初步统计数。"


def test_reference_mark_at_the_top_of_a_page_whose_note_was_floated_to_the_page_before():
    # The note ② was printed at the foot of page 1; its reference, put at a line start by
    # the line breaking, opens page 2 under an unfinished line: it is body text.
    page1 = [COL + "，", COL[:20] + "。", "①第一条注释的文字。", "②文中数据均为初步统计数。", "— 1 —"]
    page2 = ["（四）加强生态建设，", "②推进发展方式转型。" + COL[:20], COL + "，", COL[:12] + "。", "— 2 —"]
    doc = clean("\n".join(page1 + page2))
    assert sorted(f.text for f in doc.footnotes) == sorted(["第一条注释的文字。", "文中数据均为初步统计数。"])
    assert "推进发展方式转型" in "".join(b.text for b in doc.blocks)


def test_block_breaking_off_before_a_heading_is_the_column_that_ends_the_page():
    # pdftotext read a page's right column (which continues the left column's last line)
    # between the left column's first paragraph and its heading.
    left1 = ["各位代表：", COL + "，", COL[:6] + "。", ""]
    right = ["4.7个百分点，" + COL[:25], COL[:20] + "。", COL + "，", COL[:30] + "研发经", ""]
    left2 = ["一、工作回顾", COL + "，", COL[:8] + "。", COL + "，", COL[:30] + "比重提升", ""]
    src = "\n".join(left1 + right + left2 + ["— 1 —", "费增长" + COL[:20] + "。"])
    doc = clean(src)
    assert "restore_column_order" in passes_that_changed(doc)
    text = "".join(b.text for b in doc.blocks)
    assert "比重提升4.7个百分点" in text and text.index("一、工作回顾") < text.index("4.7个百分点")


def test_numbered_heading_cut_after_a_function_word_finishes_on_the_short_line():
    para = [NARROW[:9] + "，", NARROW[:10] + "，", NARROW[:10] + "，", NARROW[:4] + "。"]
    src = para + ["一、“十四五”时期和", "2025年工作回顾"] + para
    doc = clean("\n".join(src))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["一、“十四五”时期和2025年工作回顾"]


def test_run_in_lead_whose_first_sentence_ends_two_lines_down_is_no_heading():
    # "（一）更好统筹质的" is as wide as an indented first line; its sentence ends at the
    # end of the third line and the paragraph goes on.
    para = [NARROW[:9] + "，", NARROW[:10] + "，", NARROW[:10] + "，", NARROW[:4] + "。"]
    src = para + ["（一）更好统筹质的", "有效提升和量的合理增", "长，经济实力显著增强。", "全面落实一系列宏观政",
                  "策，抓好各项政策实施。"]
    doc = clean("\n".join(src))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    assert doc.blocks[-1].text.startswith("（一）更好统筹质的有效提升")


def test_line_with_an_open_quotation_is_no_heading():
    para = [NARROW[:9] + "，", NARROW[:10] + "，", NARROW[:10] + "，", NARROW[:4] + "。"]
    src = para + ["一、工作回顾", "2025年是“十四", "五”收官之年，习近平总", "书记再次踏上吉林大地。"]
    doc = clean("\n".join(src))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["一、工作回顾"]
    assert doc.blocks[-1].text.startswith("2025年是“十四五”收官之年")


def test_narrow_column_text_line_at_a_page_edge_is_kept():
    # In an 11-character column a line of text is short and unpunctuated too.
    src = "\n".join([NARROW[:9] + "，", NARROW[:10] + "，", NARROW[:10] + "技", "— 1 —", "术合同成交额增长",
                     NARROW[:10] + "。"])
    doc = clean(src)
    assert "strip_page_edge_names" not in passes_that_changed(doc)
    assert "技术合同成交额增长" in doc.blocks[0].text


def test_title_block_over_side_by_side_columns_stays_on_top():
    # pdftotext -layout, three columns: a banner and a centred two-line title over them.
    rows = [("各位代表：", "效应对世纪疫情和重大风", "款连续4年保持全国首")] + \
           [(NARROW[:10], NARROW[:11], NARROW[:10] + "，")] * 24 + [(NARROW[:4] + "。", NARROW[:4] + "。", NARROW[:4] + "。")]
    lines = ["案例评析", "", "            发展改革动态（第24期）", "           ：二〇二六年政府工作报告"]
    lines += [f"  {a:<13}{b:<14}{c}" for a, b, c in rows]
    doc = clean("\n".join(lines))
    assert doc.title == "发展改革动态（第24期）：二〇二六年政府工作报告"


def clean_pages(pages: list[list[str]]):
    """Clean text whose pages an extractor separated with form feeds (pdftotext, pdfminer)."""
    from build_tools.reading import normalize
    source = normalize("\f".join("\n".join(p) for p in pages), "pages.txt")
    return clean_text("pages.txt", source.text, page_starts=source.page_starts)


def test_form_feeds_mark_page_starts():
    from build_tools.reading import normalize
    source = normalize("第一页\n第二行\f第二页\n\f第三页", "p.txt")
    assert source.text.split("\n")[2] == "第二页" and source.page_starts == (3, 5)


def test_column_printed_after_the_title_block_goes_after_the_left_column():
    # pdftotext printed the right column straight under the title and byline (it starts
    # higher than the left one, which opens under a heading) and the left column after it.
    # No folio: the page ends at the form feed.
    right = ["记时，" + COL[:29], COL + "。", COL[:20] + "，", COL[:28] + "有关"]
    left = ["基本案情", COL + "，", COL[:20] + "。", COL + "，", COL[:29] + "调查登"]
    page1 = ["关于某项工作的典型案例", "林伟"] + right + [""] + left
    page2 = ["部门负责。" + COL[:20], COL[:10] + "。"]
    doc = clean_pages([page1, page2])
    assert doc.title == "关于某项工作的典型案例"
    assert "restore_column_order" in passes_that_changed(doc)
    text = "".join(b.text for b in doc.blocks)
    assert "调查登记时，" in text and "有关部门负责。" in text
    assert text.index("基本案情") < text.index("记时")


def test_a_reports_points_count_up_through_the_columns():
    # pdftotext printed page 1's right column (the point "三是……") before the left one,
    # which opens lower under a heading and holds "一是……" and "二是……": a report's points
    # count up like numbered items, and a list does not open at its third entry.
    right = ["24.1%的增量。" + COL[:22], COL[:16] + "。", "三是" + COL[:28] + "，", COL[:12] + "。"]
    left = ["一、过去一年工作回顾", COL + "，", COL[:20] + "。", "一是" + COL[:28] + "，", COL[:18] + "。",
            "二是" + COL[:28] + "，", COL[:30] + "全国"]
    page1 = ["各位代表：", COL[:26] + "，", COL[:10] + "。", ""] + right + [""] + left
    doc = clean_pages([page1, [COL[:20] + "，", COL[:10] + "。"]])
    assert "restore_column_order" in passes_that_changed(doc)
    text = "".join(b.text for b in doc.blocks)
    assert text.index("一是") < text.index("二是") < text.index("三是") and "全国24.1%的增量" in text


def test_a_text_does_not_end_on_a_line_breaking_off_mid_sentence():
    # The last page's right column (its first lines end the left column's sentence) was
    # printed first: read as printed, the text would end on a full line breaking off
    # mid-sentence, which no text does.
    right = ["地块行为违法，" + COL[:24], COL[:12] + "。"]
    left = ["裁判结果", COL + "，", COL[:20] + "。", COL + "，", COL[:30] + "拍卖"]
    doc = clean_pages([[COL + "，", COL[:14] + "。"], right + [""] + left])
    assert "restore_column_order" in passes_that_changed(doc)
    assert "拍卖地块行为违法" in "".join(b.text for b in doc.blocks)


def test_a_title_set_across_two_columns_over_the_other_columns_lines():
    # A case's title is wider than the column; pdftotext printed the right column's first
    # lines straight under it. They are as wide as the column, narrower than the title,
    # so they looked like the title's second line: the title is the one line.
    doc = clean("\n".join(["王某诉安徽省某县国土资源局土地管理行政出让案", COL[:14] + "，并适当提高", COL[:10] + "。", "",
                           "基本案情", COL[:20], COL[:20], COL[:20] + "，", COL[:11] + "。", COL[:20], COL[:20],
                           COL[:12] + "。"]))
    assert doc.title == "王某诉安徽省某县国土资源局土地管理行政出让案"


def test_a_column_opening_with_a_short_line_cut_mid_word_is_no_heading_block():
    # A 3-column page read in order: the third column opens with a line left short
    # ("施重大项目建", then "设“5+3”……") that continues the word cut at the end of the
    # second ("……创新实" / "施"). A short line cut mid-word from the line under it is a
    # wrap, not a heading that a sentence could not run into: nothing moves.
    narrow = "我国高新技术产品出口结构比较"
    first = ["各位代表：", narrow[:9], narrow + "，", narrow[:4] + "。", ""]
    second = ["一、2025年工作回顾", narrow + "，", narrow, narrow + "，", narrow[:11] + "创新实", ""]
    third = ["施重大项目建", "设“5+3”工作机制，出", narrow, narrow[:6] + "。"]
    doc = clean_pages([first + second + third, ["——底线任务牢牢守", narrow, narrow[:5] + "。"]])
    assert "restore_column_order" not in passes_that_changed(doc)
    assert "创新实施重大项目建设" in "".join(b.text for b in doc.blocks)


def test_a_column_opening_with_a_heading_wrapped_onto_a_short_line():
    # pdftotext printed page 1's right column before the left one, which opens with a
    # heading as wide as the column wrapped onto a short line ("……2025年工作" / "回顾"):
    # that block has a heading's look (no running line is followed by so short a one
    # without a full stop), so the sentence before it does not run into it; and the two
    # lines are one heading.
    b = narrow_lines(16, width=16)
    right = [b[0], b[1][:15] + "，", b[2], b[3][:14] + "航线"]
    left = ["“十四五”时期发展成就和2025年工作", "回顾", b[4], b[5][:10] + "。" + b[6][:5], b[7], b[8][:15] + "，", b[9]]
    page1 = ["各位代表：", b[10][:15] + "，", b[11][:6] + "。", ""] + right + [""] + left
    doc = clean_pages([page1, ["483条、" + b[12][:11], b[13][:8] + "。", b[14], b[15][:9] + "。"]])
    heads = [x.text for x in doc.blocks if isinstance(x, Heading)]
    assert heads == ["“十四五”时期发展成就和2025年工作回顾"]
    text = "".join(x.text for x in doc.blocks)
    assert text.index("回顾") < text.index(b[0]) and "航线483条" in text


def test_paragraphs_of_one_column_keep_their_order():
    # Blank lines between paragraphs, a closing quote carried to the next box: nothing
    # reads wrong enough to move a block.
    p1 = [COL + "，", "《中华人民共和国消费者权益保护法》规定：“消费者为生活消费需要购买、", COL[:20] + "。"]
    p2 = ["”" + COL[:30], COL[:12] + "。"]
    p3 = ["基本案情", COL + "，", COL[:14] + "。"]
    doc = clean_pages([p1 + [""] + p2 + [""] + p3, [COL[:10] + "。"]])
    assert "restore_column_order" not in passes_that_changed(doc)


def test_heading_on_top_of_a_text_block_is_no_header_inside_a_sentence():
    # The block above ends mid-sentence because the extractor put another column
    # between: a heading opening a text block is not a page header spliced into a
    # sentence (the column order pass reads the blocks in order instead).
    src = "\n".join([COL + "，", COL[:10] + "。", COL + "，", COL[:30] + "调查", "", "裁判结果", COL + "，", COL[:12] + "。"])
    doc = clean(src)
    assert "裁判结果" not in [r.text for r in doc.removed]


def test_interleaved_boxes_of_two_columns_are_read_column_by_column():
    # pdfminer printed the boxes of a page's two columns interleaved (left, right, left,
    # ...): more blocks than the pass tries exhaustively, so its search proposes readings.
    cn = "一二三四五六七八九十"
    names = [cn[n - 1] if n <= 10 else "十" + cn[n - 11] for n in range(1, 18)]

    def article(n):
        return ["第" + names[n - 1] + "条 " + COL[:24] + "，", COL[:16] + "。", ""]
    page = [ln for k in range(8) for ln in article(k + 1) + article(k + 9)]
    doc = clean_pages([page, article(17)[:2]])
    assert "restore_column_order" in passes_that_changed(doc)
    import re
    assert [re.match(r"第(\S+?)条", b.text).group(1) for b in doc.blocks] == names


def test_numbered_heading_broken_after_its_comma_is_one_heading():
    # A narrow column (13 characters): the heading is broken by hand after its comma, then
    # wraps mid-word; a paragraph line is never left short at a comma.
    narrow = "我国高新技术产品出口结构比"
    para = [narrow + "，", narrow, narrow, narrow[:10] + "。"]
    doc = clean("\n".join(para + ["一、坚持创新驱动，", "加快建设具有完整性先进性的现", "代化产业体系"] + para
                          + ["二、扩大开放"] + para))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == [
        "一、坚持创新驱动，加快建设具有完整性先进性的现代化产业体系", "二、扩大开放"]
    # A short numbered clause that ends its sentence on the next line stays a paragraph.
    clause = clean("\n".join(para + ["（一）坚持创新驱动，", "扩大开放。"] + para))
    assert not [b for b in clause.blocks if isinstance(b, Heading)]


def test_a_line_ending_in_a_comma_under_the_byline_is_no_subtitle():
    narrow = "我国高新技术产品出口结构比较集中"
    doc = clean("\n".join(["关于推进产业链现代化的思考", "王立新", narrow + "，", narrow[:10] + "。",
                           "一、坚持创新驱动，加快", "建设现代化产业体", "系", narrow + "，", narrow[:8] + "。",
                           "二、扩大开放", narrow + "。"]))
    assert doc.title == "关于推进产业链现代化的思考" and doc.authors == ["王立新"]
    assert doc.subtitle is None and doc.blocks[0].text.startswith(narrow + "，")


def test_entries_numbered_again_under_each_unnumbered_heading_are_one_level_down():
    # A digest: sections with unnumbered headings, each with entries 1、2、…; a report's
    # unnumbered 引言 / 结语 around one run of 一、二、 keeps every heading at level 1.
    def para(k):
        return [COL[k:] + COL[:k] + "，", COL[k + 1:] + COL[:k + 1], COL[:8 + k] + "。"]
    digest = clean("\n".join(["科技政策周报（第12期）", "王立新", "本周要闻"] + para(0) + ["1、工信部发布新规"] + para(1)
                             + ["2、商务部回应出口管制"] + para(2) + ["政策动态"] + para(3) + ["1、国务院印发意见"]
                             + para(4) + ["2、发改委发布目录"] + para(5)))
    assert [(b.level, b.text) for b in digest.blocks if isinstance(b, Heading)] == [
        (1, "本周要闻"), (2, "1、工信部发布新规"), (2, "2、商务部回应出口管制"),
        (1, "政策动态"), (2, "1、国务院印发意见"), (2, "2、发改委发布目录")]
    report = clean("\n".join(["关于产业链的思考", "王立新", "引言"] + para(0) + ["一、总体情况"] + para(1)
                             + ["二、主要问题"] + para(2) + ["结语"] + para(3)))
    assert {b.level for b in report.blocks if isinstance(b, Heading)} == {1}


def test_folios_of_other_styles_and_a_footer_name_beside_the_folio_are_dropped():
    # "第 n 页 共 m 页" folios; the journal's name printed beside the folio in the footer
    # (one line in the extracted text); a dated newsletter masthead on page 1.
    para = [COL + "，", COL[:20] + "。"]
    src = ["科技政策简报", "第8期  2018年8月16日", "关于推进产业链现代化的思考"] + para + ["社会治理 第 1 页 共 2 页"] \
        + para + ["— 2 —  社会治理"] + para + ["附件 2", COL[:12] + "。"]
    doc = clean("\n".join(src))
    removed = {(r.text, r.reason) for r in doc.removed}
    assert {("第 1 页 共 2 页", "page number"), ("社会治理", "running footer"), ("— 2 —", "page number"),
            ("第8期  2018年8月16日", "banner (masthead)"), ("科技政策简报", "banner (masthead)")} <= removed
    assert doc.title == "关于推进产业链现代化的思考"
    text = "".join(b.text for b in doc.blocks)
    assert "社会治理" not in text and "附件2" in text   # a name beside a number once is text


def test_a_date_alone_is_furniture_only_in_the_masthead():
    doc = clean("\n".join(["关于推进产业链现代化的通知", COL + "，", COL[:20] + "。", "国务院办公厅", "2018年8月16日"]))
    assert "2018年8月16日" not in [r.text for r in doc.removed]


JOURNAL_TOP = ["中美贸易摩擦对我国产业链安全的影响", "——基于全球价值链的视角", "张三1,2  李四2",
               "（1. 北京大学 经济学院，北京 100871；2. 清华大学 公共管理学院，北京 100084）",
               "摘　要：" + COL + "，" + COL[:20] + "。", "关键词：贸易摩擦；产业链；技术",
               "中图分类号：F752　　文献标识码：A　　文章编号：1002-8102（2020）03-0012-10",
               "The Impact of Sino-US Trade Friction on China's Industrial Chain Security",
               "Abstract: This paper studies the impact of trade friction on industrial chains.",
               "Key words: trade friction; industrial chain", "一、引言", COL + "，", COL[:20] + "。"]


def test_a_journal_articles_title_block_fills_its_fields():
    # Authors with affiliation marks, the affiliations in brackets under them, several
    # labelled fields on one line, the English title, abstract and keywords.
    from conftest import doc_characters, text_characters
    doc = clean("\n".join(JOURNAL_TOP))
    assert doc.authors == ["张三", "李四"] and doc.keywords == ["贸易摩擦", "产业链", "技术"]
    assert doc.abstract.startswith(COL)
    assert doc.metadata == {
        "affiliations": "（1.北京大学经济学院，北京100871；2.清华大学公共管理学院，北京100084）",
        "clc": "F752", "document_code": "A", "article_number": "1002-8102（2020）03-0012-10",
        "title_en": "The Impact of Sino-US Trade Friction on China's Industrial Chain Security",
        "abstract_en": "This paper studies the impact of trade friction on industrial chains.",
        "keywords_en": "trade friction; industrial chain"}
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].text == "一、引言"
    assert ("1,2", "affiliation mark") in {(r.text, r.reason) for r in doc.removed}
    assert doc_characters(doc) == text_characters("\n".join(JOURNAL_TOP))


def test_english_metadata_is_marked_english_on_a_chinese_page():
    from pathlib import Path
    from build_tools.build import Article
    from build_tools.enrich.corpus import enrich_corpus
    from build_tools.render.article_page import article_page
    from build_tools.render.view import View
    from build_tools.sources import Source
    article = Article(Source(Path("j.txt"), "j", "j"), clean("\n".join(JOURNAL_TOP)))
    enrich_corpus([article], [])
    page = str(article_page(article, View("zh-Hans", Path("."))))
    assert '<span lang="en">This paper studies the impact of trade friction on industrial chains.</span>' in page


def _para(k):
    return [COL[k:] + COL[:k] + "，", COL[k + 1:] + COL[:k + 1], COL[:8 + k] + "。"]


def test_a_news_features_byline_dateline_and_source():
    doc = clean("\n".join(["芯片产业链“突围”记", "本报记者 王立新", "2024年3月15日 来源：经济日报"] + _para(0) + _para(1)))
    assert doc.title == "芯片产业链“突围”记" and doc.authors == ["王立新"] and doc.subtitle is None
    assert doc.metadata == {"date": "2024年3月15日", "source": "经济日报"}


def test_an_official_documents_number_and_signature():
    doc = clean("\n".join(["国务院关于推进贸易高质量发展的指导意见", "国发〔2019〕12号",
                           "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："] + _para(0)
                          + ["一、总体要求"] + _para(1) + ["国务院", "2019年11月19日"]))
    assert doc.title == "国务院关于推进贸易高质量发展的指导意见"
    assert doc.metadata == {"document_number": "国发〔2019〕12号"}
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["一、总体要求"]


def test_short_lines_under_an_unnumbered_heading_are_no_headings():
    # An encyclopedia entry's "参见" over the names of related entries.
    doc = clean("\n".join(["半导体产业发展概况", "王立新"] + _para(0) + ["历史沿革"] + _para(1) + ["参见", "集成电路", "晶体管"]))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["历史沿革", "参见"]


def test_title_blocks_of_several_lines():
    narrow = "我国高新技术产品出口结构比"       # a 13-character column

    def body(k):
        return [narrow[k:] + narrow[:k] + "，", narrow[k + 1:] + narrow[:k + 1], narrow[:6 + k] + "。"]
    # Wrapped over three lines of a narrow column, a word cut at the last join ("若" / "干").
    wrapped = clean("\n".join(["关于加快构建新发展格", "局推动高质量发展的若", "干意见"] + body(0)
                              + ["一、总体要求"] + body(1) + body(2)))
    assert wrapped.title == "关于加快构建新发展格局推动高质量发展的若干意见" and wrapped.authors == []
    # A main line and a wider second line, a speech's subtitle, the speaker.
    speech = clean("\n".join(["决胜全面建成小康社会", "夺取新时代中国特色社会主义伟大胜利",
                              "——在中国共产党第十九次全国代表大会上的报告", "习近平"] + body(0)
                             + ["一、过去五年的工作"] + body(1)))
    assert speech.title == "决胜全面建成小康社会夺取新时代中国特色社会主义伟大胜利"
    assert speech.subtitle.startswith("——在") and speech.authors == ["习近平"]
    # A bracketed year under the title is part of it; three speakers' names.
    report = clean("\n".join(["政府工作报告", "（2026年）", "——2026年1月20日在省第十四届人民代表大会第四次会议上",
                              "王立新 陈静 李明"] + body(0) + ["一、2025年工作回顾"] + body(1)))
    assert (report.title, report.authors) == ("政府工作报告（2026年）", ["王立新", "陈静", "李明"])
    # The last title line opens with "的", which starts no name: the title goes on, and the
    # bracketed line under it is the law's subtitle, not the authors' affiliation.
    law = clean("\n".join(["最高人民法院关于《中华人民共和国企业", "破产法》施行时尚未审结的若干问题",
                           "的规定", "（2007年4月23日最高人民法院审判委员会第1425次会议通过）"]
                          + body(0) + ["第一条  " + narrow + "，"] + body(1)))
    assert law.title.endswith("若干问题的规定") and law.authors == []
    assert law.subtitle.startswith("（2007年") and "affiliations" not in law.metadata
    # A title set across a 3-column page, over a narrow column whose first line has no
    # punctuation ("为依法惩治有关环境污染" / "犯罪，根据……"): the column's lines are much
    # narrower than the title, and their sentence is punctuated on the next line.
    b = narrow_lines(6, width=11)
    across = clean("\n".join(["最高人民法院、最高人民检察院关于办理环境污染刑事案件", "适用法律若干问题的解释",
                              "为依法惩治有关环境污染", "犯罪，" + b[0][:8], b[1], b[2][:6] + "。",
                              "第一条  " + b[3][:7], b[4][:10] + "，", b[5][:5] + "。"]))
    assert across.title == "最高人民法院、最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释"


def test_appendix_numbers_are_no_footers_and_a_footer_glued_to_its_folio_is():
    para = [COL + "，", COL[:20] + "。"]
    doc = clean("\n".join(["关于推进产业链现代化的通知"] + para + ["附件 1"] + para + ["附件 2"] + para
                          + ["经济要参第 1 页 共 2 页"] + para))
    text = "".join(b.text for b in doc.blocks)
    assert "附件1" in text and "附件2" in text
    assert ("经济要参", "running footer") in {(r.text, r.reason) for r in doc.removed}


def test_the_column_order_search_of_a_long_source_is_bounded():
    # Fifty pages whose blocks all read out of order: the first pages are searched, the
    # rest are left as read and said so (a bounded cost, the same on every build).
    cn = "一二三四五六七八九"

    def name(n):
        tens, units = divmod(n, 10)
        return (cn[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (cn[units - 1] if units else "")

    pages = [[ln for b in range(20) for ln in ("第" + name(1 + (b + 10) % 20 + 20 * (p % 4)) + "条 " + COL[:24] + "，",
                                                 COL[:16] + "。", "")] for p in range(50)]
    doc = clean_pages(pages)
    notes = [m for name_, m in doc.changes if name_ == "restore_column_order"]
    assert any("budget is spent" in m for m in notes) and any("read in the order" in m for m in notes)
    assert doc.to_dict() == clean_pages(pages).to_dict()


def test_speech_subtitle_without_its_dash_or_with_horizontal_bars():
    # A report page prints its occasion line without the dash ("2026年2月3日在……会议上"),
    # here wrapped in a narrow column, under a banner and over the speaker; another
    # prints the dash as two horizontal bars (U+2015), as GB2312-era converters do.
    body = [NARROW + "，", NARROW[:9] + "。", "一、工作回顾", NARROW + "，", NARROW[:6] + "。"]
    dashless = clean("\n".join(["理论前沿", "2026年四川省人民政府工作报告", "2026年2月3日在四川省第十",
                                "四届人民代表大会第五次", "会议上", "施小琳", "各位代表："] + body))
    assert dashless.title == "2026年四川省人民政府工作报告"
    assert dashless.subtitle == "2026年2月3日在四川省第十四届人民代表大会第五次会议上"
    assert dashless.authors == ["施小琳"] and ("理论前沿", "banner") in {(r.text, r.reason) for r in dashless.removed}
    bars = clean("\n".join(["2026年青海省政府工作报告", "――2026年1月27日在青海省第十四届人民代表大会第四次会议上",
                            "罗东川", "各位代表："] + body))
    assert bars.title == "2026年青海省政府工作报告" and bars.subtitle.startswith("――2026年")
    # A sentence that opens with a date is no subtitle (it has a comma).
    sentence = clean("\n".join(["关于推进产业链现代化的通知", "2026年2月3日在北京召开会议，" + NARROW[:4],
                                NARROW + "。"] + body))
    assert sentence.subtitle is None


def test_numbered_heading_closed_by_a_full_stop():
    # Government reports close their "（一）" heads with a full stop: alone on a line left
    # short, or wrapped in a narrow column with a word cut at the join ("生" / "态").
    para = [NARROW + "，", NARROW[:10] + "，", NARROW[:6] + "。"]
    src = para + ["（一）以更高标准打造生", "态文明高地。"] + para + ["（二）扩大内需。"] + para
    heads = [b.text for b in clean("\n".join(src)).blocks if isinstance(b, Heading)]
    assert heads == ["（一）以更高标准打造生态文明高地。", "（二）扩大内需。"]
    # One-line clauses in a row are a list, not headings; so is a clause of an article.
    clauses = para + ["（一）建立健全工作机制。", "（二）加强组织领导。"] + para
    assert not [b for b in clean("\n".join(clauses)).blocks if isinstance(b, Heading)]
    law = ["第三条 " + NARROW[:7] + "。"] + para + ["（三）具体的请求和理由。"] + para
    assert not [b for b in clean("\n".join(law)).blocks if isinstance(b, Heading)]
    # A run-in lead whose sentence goes on in its paragraph stays a paragraph.
    lead = para + ["（一）推动高质量发展。坚", "持稳中求进，" + NARROW[:5], NARROW[:6] + "。"] + para
    assert not [b for b in clean("\n".join(lead)).blocks if isinstance(b, Heading)]


def test_heading_line_opening_with_a_conjunction_finishes_the_heading():
    # A 3-column newsletter wraps "一、2025年工作总结和“十四五”发展成就" before "和": the
    # second line fills the column, but no heading or paragraph opens with "和".
    para = [NARROW + "，", NARROW[:10] + "，", NARROW[:6] + "。"]
    src = para + ["一、2025年工作总结", "和“十四五”发展成就", "过去一年，全区上下", NARROW + "。"]
    heads = [b.text for b in clean("\n".join(src)).blocks if isinstance(b, Heading)]
    assert heads == ["一、2025年工作总结和“十四五”发展成就"]
    # "与此同时" is a word of its own (jieba), no conjunction: the paragraph starts there.
    other = para + ["一、2025年工作总结", "与此同时全区上下坚持", "稳中求进，" + NARROW[:6], NARROW + "。"]
    heads = [b.text for b in clean("\n".join(other)).blocks if isinstance(b, Heading)]
    assert heads == ["一、2025年工作总结"]


def test_top_level_heading_as_wide_as_an_indented_line_ending_on_a_whole_word():
    # "一、2025年和“十四五”时期工作回顾" fills a 2-column line less the indent, and the
    # paragraph under it (indent dropped by the extractor) runs on into a sentence end:
    # the heading ends on a whole word, so the sentence is the paragraph's own.
    col = "现在我代表省人民政府向大会报告工作"   # 17 characters and a mark: an 18-character column
    para = [col + "，", col + "，", col[:12] + "。"]
    src = para + ["一、2025年和“十四五”时期工作回顾", "习近平总书记始终对辽宁高度重视、", "深情牵挂、亲切关怀。2025年春节前夕，",
                  col + "，", col + "。"]
    heads = [b.text for b in clean("\n".join(src)).blocks if isinstance(b, Heading)]
    assert heads == ["一、2025年和“十四五”时期工作回顾"]
    # A clause cut mid-word at the line end stays a paragraph.
    clause = para + ["一、县级以上人民政府应当加强组织领", "导，" + col[:14] + "。", col + "。"]
    assert not [b for b in clean("\n".join(clause)).blocks if isinstance(b, Heading)]


def test_line_left_short_by_a_long_number_or_a_cut_word_is_no_heading():
    para = [NARROW + "，", NARROW[:10] + "，", NARROW[:6] + "。"]
    # "8.7∶41.2∶50.1" could not be broken and did not fit after "三次产业结构由".
    number = para + ["三次产业结构由", "8.7∶41.2∶50.1调整为", "7.4∶39.6∶53。" + NARROW[:4], NARROW + "。"]
    assert not [b for b in clean("\n".join(number)).blocks if isinstance(b, Heading)]
    # A two-line "heading" whose second line ends mid-word ("获" / "得") is running text.
    cut = para + ["在国家巩固脱贫成果后评", "估考核中连续三年获", "得“好”的等次，牢牢守", "住不发生规模性返贫底", "线。"]
    assert not [b for b in clean("\n".join(cut)).blocks if isinstance(b, Heading)]
    # A heading over a paragraph that opens with a short number stays a heading.
    head = para + ["主要预期目标", "2026年" + NARROW[:5] + "，", NARROW + "。"]
    assert [b.text for b in clean("\n".join(head)).blocks if isinstance(b, Heading)] == ["主要预期目标"]


def test_header_block_inside_a_cut_word_and_the_title_reprinted_by_a_folio():
    # pdftotext left a page header as a block of its own inside "航空航" / "天": the
    # word cut around it says it interrupts the sentence ("经济要参" + "天" reads "参天").
    para = [NARROW + "，", NARROW[:10] + "，", NARROW[:6] + "。"]
    src = para + ["破，人工智能、航空航", "", "经济要参", "", "天、先进装备等六大科技", "专项深入实施。"] + para
    doc = clean("\n".join(src))
    assert ("经济要参", "running header (inside a sentence)") in {(r.text, r.reason) for r in doc.removed}
    # The same short line inside running text, no block of its own, a word across its end
    # ("建" / "设"), is text.
    text = para + ["作“头号工程”，创新实", "施重大项目建", "设“5+3”工作机制，出", NARROW + "。"]
    assert "施重大项目建" not in {r.text for r in clean("\n".join(text)).removed}
    # A two-line newsletter title reprinted on one line by the last folio.
    col = "现在我代表省人民政府向大会报告工作"
    body = [col + "，", col + "，", col[:10] + "。"]
    news = clean("\n".join(["政务信息参考（第17期）", "：2026年辽宁省政府工作报告"] + body + ["— 1 —"] + body
                           + ["政务信息参考（第17期）：2026年辽宁省政府工作报告", "— 2 —"]))
    assert news.title == "政务信息参考（第17期）：2026年辽宁省政府工作报告"
    assert ("政务信息参考（第17期）：2026年辽宁省政府工作报告", "running header (page edge)") in \
        {(r.text, r.reason) for r in news.removed}


def test_paragraph_start_whose_indent_the_extractor_dropped():
    # pypdf drops the indent: after a full line ending a sentence, a line short of the
    # column by just the indent, going on unfinished, opens a paragraph.
    col = "茶林文化景观成功申遗民族"   # 12 characters and a mark: a 13-character column
    src = [col + "，", col + "，", "定的良好局面更加巩固全省。", "这五年，我们坚定不移走", col + "，", col[:5] + "。"]
    assert kinds(clean("\n".join(src))) == ["P", "P"]
    # The same short line left short by line breaking (a character kept with the
    # quotation it opens, "办“2+2”") goes on in its paragraph.
    pushed = [col + "，", col + "，", "定的良好局面更加巩固全省。", "全面推行政务服务一窗通", "办“2+2”模式改革，推进公共",
              col[:5] + "。"]
    assert kinds(clean("\n".join(pushed))) == ["P"]


def test_dropped_indent_after_a_colon_and_lines_measured_with_their_quotes():
    col = "茶林文化景观成功申遗民族"   # a 13-character column
    # After a full line ending in a colon: "一是……" opens a paragraph; a word run across
    # the join ("十五运" / "会") says nothing (Chinese breaks between any two characters).
    src = [col + "，", col + "，", "果。主要做了以下工作全省：", "一是联合港澳承办十五运", "会和残特奥会。" + col[:4], col[:5] + "。"]
    assert kinds(clean("\n".join(src))) == ["P", "P"]
    # Curly quotes are measured one cell but set full width: this line is full.
    quoted = [col + "，", col + "，", "定的良好局面更加巩固全省。", "召开“新年第一会”新春第", col + "，", col[:5] + "。"]
    assert kinds(clean("\n".join(quoted))) == ["P"]


def test_wide_unpunctuated_line_over_a_dropped_indent_first_line_is_a_heading():
    # "“十四五”时期工作回顾" is wider than 0.7 of a narrow column and has no wrap; the
    # line under it is short by just the indent (a first line, indent dropped): the line
    # stands alone between paragraphs.
    col = "茶林文化景观成功申遗民族"   # a 13-character column
    src = [col + "，", col + "，", "席人员提出意见全省市县。", "“十四五”时期工作回顾", "“十四五”时期是甘肃发", col + "，", col[:5] + "。"]
    assert [b.text for b in clean("\n".join(src)).blocks if isinstance(b, Heading)] == ["“十四五”时期工作回顾"]
    # Over a first line whose indent the extractor kept (-layout), the same.
    kept = [col + "，", col + "，", "席人员提出意见全省市县。", "“十四五”时期工作回顾", "    “十四五”时期是甘肃发", col + "，",
            col[:5] + "。"]
    assert [b.text for b in clean("\n".join(kept)).blocks if isinstance(b, Heading)] == ["“十四五”时期工作回顾"]
    # Over a full line it is the last line of nothing: no heading without more evidence.
    full = [col + "，", col + "，", "席人员提出意见全省市县。", "“十四五”时期工作回顾", col + "，", col[:5] + "。"]
    assert not [b for b in clean("\n".join(full)).blocks if isinstance(b, Heading)]


def test_display_title_with_a_comma_over_the_case_name():
    # A case's holding used as its title: two lines set in larger type (the first clearly
    # short of the column), a comma inside, over the case's name and its text.
    body = [COL + "，", COL + "，", COL[:10] + "。"]
    src = ["消费者明知所购食品不符合安全标准的，可要求", "销售者或者生产者十倍赔偿", "孙某诉某超市买卖合同纠纷案"] + body
    doc = clean("\n".join(src + ["基本案情"] + body))
    assert doc.title == "消费者明知所购食品不符合安全标准的，可要求销售者或者生产者十倍赔偿"
    # One such line alone is no title (a deck or a first sentence has a comma).
    one = clean("\n".join(["消费者明知所购食品不符合安全标准的，可要求"] + body))
    assert one.title is None
    # Set across a page of narrower columns, its first line wider than the column.
    b = narrow_lines(8, width=20)
    narrow = [b[0][:19] + "，", b[1], b[2][:8] + "。", b[3][:19] + "，", b[4][:12] + "。"]
    across = clean("\n".join(["消费者明知其所购买的食品不符合食品安全标准的，可要求", "食品销售者或者生产者十倍赔偿",
                              "孙某诉某超市有限公司江宁店买卖合", "同纠纷案"] + narrow + ["基本案情"] + narrow))
    assert across.title == "消费者明知其所购买的食品不符合食品安全标准的，可要求食品销售者或者生产者十倍赔偿"


def test_short_lines_that_end_the_text_head_nothing():
    # The names of figures appended to a law, with nothing under them but each other.
    body = [COL + "，", COL[:20] + "。"]
    doc = clean("\n".join(body + body + ["中华人民共和国国徽方格墨线图", "中华人民共和国国徽纵断面图"]))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    # Wrapped alike in a narrow column, each name ending on a short line: still peers.
    b = narrow_lines(8, width=11)
    narrow = clean("\n".join([b[0][:10] + "，", b[1], b[2][:5] + "。", b[3][:10] + "，", b[4], b[5][:7] + "。",
                              "中华人民共和国国徽方格", "墨线图", "中华人民共和国国徽纵断", "面图"]))
    assert not [x for x in narrow.blocks if isinstance(x, Heading)]
    # With text under it, a short line is a heading.
    doc = clean("\n".join(body + ["附则"] + body))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["附则"]


def test_two_title_lines_reprinted_as_one_inside_a_sentence():
    # pdfminer left the last page's header (the two-line title on one line, with its
    # colon) between the two halves of a sentence, far from any folio.
    col = "现在我代表省人民政府向大会报告工作"
    body = [col + "，", col + "，", col[:10] + "。"]
    src = ["政务信息参考（第17期）", "：2026年辽宁省政府工作报告"] + body + [
        col + "服务“立等可取”事项52项、“一次不用", "", "政务信息参考（第17期）：2026年辽宁省政府工作报告", "",
        "跑”事项899项。" + col[:6], col[:8] + "。"]
    doc = clean("\n".join(src))
    assert ("政务信息参考（第17期）：2026年辽宁省政府工作报告", "running header (title inside a sentence)") in \
        {(r.text, r.reason) for r in doc.removed}


def test_a_short_document_name_over_the_body_is_the_title_not_a_banner():
    # "政府工作报告" (six characters, as short as a column banner) straight over the body's
    # first sentence: the name of a kind of document is a title however short.
    doc = clean("\n".join(["政府工作报告", "现在，" + COL[:29], COL[:30] + "，", COL[:20] + "。"]))
    assert doc.title == "政府工作报告" and kinds(doc) == ["P"]
    # A banner that happens to end in such a word still stands over a title-like line.
    doc = clean("\n".join(["调查报告", "关于示范工作的实施意见（节选）", "现在，" + COL[:29], COL[:20] + "。"]))
    assert doc.title == "关于示范工作的实施意见（节选）"
    assert any(r.text == "调查报告" and r.reason == "banner" for r in doc.removed)


def test_a_numbered_heading_ending_on_a_whole_word_whose_last_character_is_a_preposition():
    from build_tools.cleaning.grammar import _ends_open
    assert _ends_open("……时期和") and _ends_open("关于加快推进现代化的")
    assert not _ends_open("经济社会发展总体要求和政策取向") and not _ends_open("坚持面向")
    # "……政策取向" fills the column and a short sentence follows: a whole heading, not a
    # clause whose sentence ends on the next line ("向" is a word only on its own).
    head = "三、" + COL[:26] + "政策取向"
    doc = clean("\n".join([COL[:20] + "。", head, "今年是开局之年。", "  " + COL[:30], COL[:20] + "。"]))
    assert any(isinstance(b, Heading) and b.text == head for b in doc.blocks)


def test_a_heading_wrapped_in_a_narrow_column_does_not_take_the_sentence_under_it():
    # "……政策取向" ends on a whole word: the short line under it is the next paragraph's
    # first line ("今年是“十五五”开" / "局之年。"), not the end of the heading.
    narrow = [COL[k:k + 12] for k in range(0, 24, 12)]
    doc = clean("\n".join(narrow + [COL[:8] + "。", "三、2026年经济社会发", "展总体要求和政策取向",
                                    "今年是“十五五”开", "局之年。", "  " + COL[:10], COL[10:22], COL[:6] + "。"]))
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads[0] == "三、2026年经济社会发展总体要求和政策取向"


def test_a_title_in_display_type_centred_over_three_columns_stays_on_top():
    # pdftotext -layout gives each glyph one cell: a centred title in large type starts
    # left of the centre its cells suggest, here right at the second column's edge, over a
    # row where only the second and third columns have begun (the first opens lower, under
    # its heading's top margin).
    rows = [(NARROW[:10], NARROW[:11], NARROW[:10] + "，")] * 24 + [(NARROW[:4] + "。", NARROW[:4] + "。", NARROW[:4] + "。")]
    lines = ["调查报告", "", "                政府工作报告（节选）", f"{'':16}{NARROW[:11]:<17}{NARROW[:10]}",
             "三、示范工作任务"]
    lines += [f"  {a:<14}{b:<17}{c}" for a, b, c in rows]
    lines += ["① " + NARROW * 5]   # the widest line: 57 cells
    doc = clean("\n".join(lines))
    assert doc.title == "政府工作报告（节选）"


def test_the_title_read_after_the_first_column_of_page_1_goes_back_to_the_top():
    # pdfminer on a 3-column page: the title set across the page comes out as a text block
    # of its own after the first column, inside a sentence, under a top that opens with
    # the body ("各位代表：") or a numbered heading under a banner.
    body = ["  " + COL[:30], COL, COL]
    for top, title in ((["各位代表："], ["政府工作报告"]),
                       (["政策解读", "二、示范工作的总体要求"], ["决策参阅（第14期）", "：政府工作报告（节选）"])):
        doc = clean_pages([top + body + ["", *title, ""] + [COL[:20] + "。", "  " + COL[:30], COL[:12] + "。"],
                           ["  " + COL[1:31], COL[3:15] + "。"]])
        assert doc.title == "".join(title)
        assert not any("政府工作报告" in r.text for r in doc.removed)
    # A titled top keeps its title; the block inside the sentence is a header.
    doc = clean_pages([["示范工作的实施意见"] + body + ["", "政府工作报告", ""] + [COL[:20] + "。", COL[:12] + "。"],
                       ["  " + COL[1:31], COL[3:15] + "。"]])
    assert doc.title == "示范工作的实施意见"


def test_a_section_after_an_item_closed_by_a_bracketed_note_is_a_heading():
    # A policy document closes an item by naming who carries it out, after its last
    # sentence ("……可获得性。（财政部、人民银行负责）"): the paragraph is finished there.
    col = "提高小微企业贷款可获得性充分发挥国家融"   # 19 characters: a narrow column
    src = "\n".join(["一、支持企业稳定发展", "（一）加大稳岗支持力度。" + col[:7], col, col[:8] + "。",
                     "（财政部、工业和信息化部、", "人民银行负责）", "二、鼓励支持就业创业",
                     "（二）支持创业载体建设。" + col[:7], col, col[:5] + "。（人力资源社会保障部负责）",
                     "三、积极实施培训", col, col[:6] + "。"])
    doc = clean(src)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["一、支持企业稳定发展", "二、鼓励支持就业创业", "三、积极实施培训"]
    assert doc.blocks[2].text.endswith("（财政部、工业和信息化部、人民银行负责）")


def test_a_section_under_the_colon_that_introduces_it_is_a_heading():
    # "现提出如下意见：" introduces the sections of an opinion: a short unpunctuated "一、"
    # line under it opens the first one; a list item after a colon runs on with punctuation.
    col = "就业是最大的民生也是经济发展的重中之重"   # 19 characters
    src = "\n".join([col, col[:10] + "，为此，提出以下", "意见：", "一、支持企业稳定发展",
                     "（一）加大稳岗支持力度。" + col[:7], col, col[:8] + "。", "二、鼓励支持就业创业",
                     col, col[:4] + "。", "现作如下修改：", "一、将第五条修改为：" + col[:9], col[:5] + "。"])
    doc = clean(src)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["一、支持企业稳定发展", "二、鼓励支持就业创业"]


def test_a_signature_dated_in_chinese_figures_is_no_heading():
    # The issuing organ over its date ends a notice: "一九九六年二月五日" is a date as much
    # as "2019年1月24日", so the organ's name over it is a paragraph, not a heading.
    src = "\n".join([COL + "，", COL[:10] + "。", "国务院办公厅", "一九九六年二月五日"])
    doc = clean(src)
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


def test_the_title_of_a_promulgated_document_wrapped_in_a_narrow_column_is_one_heading():
    # Under the notice's signature comes the document it transmits, titled in display type
    # and wrapped over three lines of a narrow column; it ends in the name of a kind of
    # document, and no sentence runs through it.
    col = "地震重点监视防御区的确定和加"   # 14 characters
    src = "\n".join(["现将《报告》转发给你们，请", "认真贯彻执行。", "国务院办公厅", "一九九六年二月五日",
                     "（本文有删减）", "关于我国地震重点监视防御区", "的确定和加强防震减灾工作意", "见的报告",
                     col, col[:9] + "。"])
    doc = clean(src)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["关于我国地震重点监视防御区的确定和加强防震减灾工作意见的报告"]


def test_a_title_left_open_on_de_is_finished_by_the_short_line_under_it():
    # "……若干措施的" / "通知": a title does not end on the particle 的, so the two
    # characters under it finish the title instead of passing for an author's name.
    src = "\n".join(["国务院关于支持自由贸易试验区深化改革创新若干措施的", "通知",
                     "各省、自治区、直辖市人民政府，国务院各部委：", COL + "，", COL[:12] + "。"])
    doc = clean(src)
    assert doc.title == "国务院关于支持自由贸易试验区深化改革创新若干措施的通知"
    assert doc.authors == []


def test_a_bracketed_note_alone_on_its_line_is_no_heading():
    # Items of a policy document end with who carries them out, in brackets; the note
    # left alone on a line (its sentence ended on the line above) is text, not a heading.
    src = "\n".join([COL + "，", COL[:12] + "。", "（负责部门：住房城乡建设部）", COL + "，", COL[:9] + "。"])
    doc = clean(src)
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    assert "（负责部门：住房城乡建设部）" in [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_numbered_line_that_leaves_a_book_title_open_runs_on():
    # "（七）在《内地与香港关于……" / "的安排》……": a full line that leaves 《 open is cut inside the
    # name it cites, so it opens a paragraph and is no heading.
    full = "（七）在《内地与香港关于建立更紧密经贸关系的安排》、《内地与澳门关于建立更紧密经贸关系"
    rest = ("的安排》下，对自贸试验区内的港澳台资建筑业企业，不再执行《外商投资建筑业企业管理规定》中关于工程承包"
            "范围的限制性规定，自贸试验区内为本省服务的外商投资工程设计企业取消首次申请资质时的业绩要求。")
    n = len(full)
    src = "\n".join(["（六）" + rest[:n - 3], rest[n - 3:n - 3 + 10] + "。", full, rest[:n], rest[n:n + 12] + "。"])
    doc = clean(src)
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


def test_a_section_with_a_comma_short_of_the_column_under_a_colon_is_a_heading():
    col = "扩大内地西藏初中班校招生规模以一九九五年"   # 20 characters
    src = "\n".join([col, col[:9] + "，现提出如下意", "见：", "一、逐年扩招，分步实施",
                     "（一）扩大招生规模。" + col[:10], col, col[:6] + "。"])
    doc = clean(src)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["一、逐年扩招，分步实施"]


def test_a_note_wrapped_over_four_lines_of_a_narrow_column_closes_its_item():
    col = "加快推进农业机械化和农机装备"   # 14 characters
    src = "\n".join(["五、推进农机装备产业发展", "（十三）提高作业能力。" + col[:3], col, col[:6] + "。（农业农村",
                     "部、发展改革委、财政部、自", "然资源部、交通运输部等负", "责）", "六、切实加强农机人才培养",
                     col, col[:5] + "。"])
    doc = clean(src)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["五、推进农机装备产业发展", "六、切实加强农机人才培养"]


def test_a_full_section_line_ending_at_a_word_under_a_colon_is_a_heading():
    col = "国家综合性消防救援车辆中符合执行"   # 16 characters
    src = "\n".join([col, col[:9] + "。现将有关事", "项通知如下：", "一、专用号牌的核发范围和管理", col, col,
                     col[:7] + "。"])
    doc = clean(src)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["一、专用号牌的核发范围和管理"]


def test_a_numbered_line_over_a_full_line_opening_with_a_conjunction_is_a_paragraph():
    # "（二）为使防震减灾工作" / "与国民经济和社会发展相同" / "步，……": a full numbered line over
    # a full line that opens with a conjunction runs into a sentence: a paragraph.
    src = "\n".join(["加强地震监测系统和地震应急", "及决策指挥系统的建设。", "（二）为使防震减灾工作",
                     "与国民经济和社会发展相同", "步，防震减灾各个环节的工作", "和措施要纳入国民经济计划。"])
    doc = clean(src)
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


def test_a_section_under_a_colon_wrapped_onto_a_short_line_is_one_heading():
    col = "在全球地震活跃的大背景下我国共发生五级"   # 19 characters
    src = "\n".join([col, col[:8] + "。现将会商结果报告", "如下：", "一、1996年我国地震活动情况和1997年",
                     "及未来几年地震趋势", col, col[:7] + "。"])
    doc = clean(src)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["一、1996年我国地震活动情况和1997年及未来几年地震趋势"]


def test_the_title_of_a_promulgated_document_after_a_signature_and_note_is_a_heading():
    # Under "国务院办公厅" / "2018年10月27日" / "（此件公开发布）" comes the document the notice
    # promulgates, its title on one line: the date and the bracketed note end the notice.
    col = "为贯彻落实党中央国务院关于加强全国网络"   # 19 characters
    src = "\n".join(["现将《方案》印发给你们，请认", "真贯彻执行。", "国务院办公厅", "2018年10月27日",
                     "（此件公开发布）", "政府网站集约化试点工作方案", col, col, col[:8] + "。"])
    doc = clean(src)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["政府网站集约化试点工作方案"]


def test_a_chapter_under_the_title_of_the_measures_it_opens_is_a_heading():
    col = "根据中华人民共和国个人所得税法规定制定"   # 19 characters
    src = "\n".join(["现将《办法》印发给你们，请认真贯彻执行。", "国务院", "2018年12月13日", "（此件公开发布）",
                     "个人所得税专项附加扣除暂行办法", "第一章总则", "第一条" + col[:14], col, col[:5] + "。"])
    doc = clean(src)
    assert "第一章 总则" in [b.text for b in doc.blocks if isinstance(b, Heading)]


def test_a_heading_wrapped_onto_one_character_over_the_next_section_is_one_heading():
    # "六、持续改善农机作业基础条" / "件" / "七、……": the mark of "七、" belongs to its number, so
    # "件" is no line left short by a character pushed over with its mark: it finishes 六.
    col = "调度等能力加强农机安全监理执法快速救援"   # 13 characters per line below
    src = "\n".join([col[:13], col[:8] + "。（农业农村部、", "发展改革委等负责）", "", "六、持续改善农机作业基础条",
                     "件", "", "七、切实加强农机人才培养", "", "（十四）提高农机作业便", "利程度。加强高标准农田建", col[:13], col[:5] + "。"])
    doc = clean(src)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["六、持续改善农机作业基础条件", "七、切实加强农机人才培养"]


def test_a_numbered_heading_wrapped_onto_a_line_opening_with_de_is_one_heading():
    src = "\n".join(["享受相应的政策保障待遇。", "三、悬挂专用号牌车辆", "的道路优先通行权", "悬挂专用号牌的车辆执行",
                     "应急救援任务时，可以使用", "警报器、标志灯具。"])
    doc = clean(src)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["三、悬挂专用号牌车辆的道路优先通行权"]


def test_journal_name_over_a_page_whose_first_line_runs_on_is_dropped():
    # pdftotext: page 2 opens (form feed) with the journal name, then a line as wide as the
    # column that goes on with page 1's last paragraph (its full last line ends in "。",
    # so no sentence is cut). The text indents its paragraphs: a heading's first line
    # would be short by the indent.
    page1 = ["一、总体要求", "  " + COL[:30] + "，", COL + "，", COL[:20] + "。", "  " + COL[:30] + "，",
             COL + "，", COL[:31] + "。"]
    page2 = ["经济要参", COL + "，", COL[:12] + "。", "二、主要任务", "  " + COL[:30] + "，", COL[:16] + "。"]
    doc = clean_pages([page1, page2])
    assert [r.reason for r in doc.removed if r.text == "经济要参"] == ["running header (page edge)"]
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["一、总体要求", "二、主要任务"]
    # A page opening with a short heading over an indented first line keeps it.
    doc = clean_pages([page1, ["主要任务", "  " + COL[:30] + "，", COL[:12] + "。"]])
    assert "主要任务" in [b.text for b in doc.blocks if isinstance(b, Heading)]


def test_document_number_read_after_a_column_is_lifted():
    # pdfminer on a 3-column page: the number set across the columns under the title
    # comes out as a text block of its own inside the first column's text, past line 40.
    body = [NARROW + "，"] * 44
    lines = (["国务院关于做好某项工作的意见", "", "各省、自治区、直辖市人", "民政府：", ""] + body[:40]
             + ["", "国发〔2018〕39号", ""] + body[40:] + [NARROW[:5] + "。"])
    doc = clean("\n".join(lines))
    assert doc.metadata.get("document_number") == "国发〔2018〕39号"
    assert all("39号" not in b.text for b in doc.blocks)
    # In running text further on, a line that only looks like one stays where it is.
    doc = clean("\n".join(lines[:5] + body + ["国发〔2018〕39号"] + body[:3] + [NARROW[:5] + "。"]))
    assert "document_number" not in doc.metadata


def test_journal_name_inside_a_word_cut_across_the_page_break_is_dropped():
    # pypdf prints page 2's header after page 1's text, before its folio; the word cut
    # across the break ("……人力资源社" / "会保障……") runs across the name, whose own last
    # character reads a word with the next line by chance ("参" + "会").
    page1 = ["一、总体要求", COL + "，", COL[:20] + "。", COL[:28] + "人力资源社"]
    src = "\n".join(page1 + ["经济要参", "第 18 页", "会保障部门" + COL[:27] + "，", COL[:12] + "。"])
    doc = clean(src)
    assert [r.reason for r in doc.removed if r.text == "经济要参"] == ["running header (page edge)"]
    assert "人力资源社会保障部门" in doc.blocks[-1].text


def test_numbered_first_line_of_a_run_in_paragraph_in_a_narrow_column_is_no_heading():
    # An 11-character column: "（三）从事内容创作" is as wide as an indented first line
    # and ends at a word, but the line under it is no first line (as wide as the column,
    # not indented) and has a clause inside: the numbered line opens a run-in paragraph.
    para = [NARROW[:9] + "，", NARROW[:10] + "，", NARROW[:10] + "，", NARROW[:4] + "。"]
    run_in = ["（三）从事内容创作", "生产传播的公司，设立总", "编辑或艺术总监等专门岗", NARROW[:10] + "，", NARROW[:6] + "。"]
    doc = clean("\n".join(para + run_in + para))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    assert any(b.text.startswith("（三）从事内容创作生产传播的公司，") for b in doc.blocks)
    # The clause may open a line later, every line as wide as the column.
    later = ["（十八）支持有条件", "的自贸试验区研究和探索", "赋予运单物权凭证功能，将", NARROW[:10] + "，", NARROW[:6] + "。"]
    doc = clean("\n".join(para + later + para))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    # ... or end the full line under it ("内的原事业编制内人员，").
    at_end = ["（十七）对转制时距", "国家法定退休年龄五年以", "内的原事业编制内人员，", NARROW[:10] + "，", NARROW[:6] + "。"]
    doc = clean("\n".join(para + at_end + para))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    # Under a heading of the same width the paragraph opens with an indented first line.
    heading = ["（三）从事内容创作", "  " + NARROW[:4] + "，设立总", NARROW[:10] + "，", NARROW[:6] + "。"]
    doc = clean("\n".join(para + heading + para))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["（三）从事内容创作"]


def test_closed_heading_in_a_narrow_column():
    # A 13-character column (pdftotext dropped the indents: first lines are two short).
    col = "要统筹建立健全覆盖本辖区各"
    para = ["各省人民政府要统筹建立健", "层级与抽查事项相对应的检查", col[:6] + "。"]
    first = ["县级以上地方人民政府结", "合本地实际及行业主管部门的", col[:8] + "。"]
    # broken inside the quotation it opened
    doc = clean("\n".join(para + ["（三）建立健全随机抽查“两", "库”。"] + first + para))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["（三）建立健全随机抽查“两库”。"]
    # broken after a comma that fills the line
    doc = clean("\n".join(para + ["（三）推进贸易投资便利化，", "打造物流分拨中心。"] + first + para))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["（三）推进贸易投资便利化，打造物流分拨中心。"]
    # filling its line by chance, over a first line short by its indent
    doc = clean("\n".join(para + ["（四）统筹制定抽查计划。"] + first + para))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["（四）统筹制定抽查计划。"]
    # ... but not over a line that goes on as wide as the column (a run-in lead)
    doc = clean("\n".join(para + ["（四）统筹制定抽查计划。"] + [col, "对象名录库和执法检查人员名", col[:8] + "。"] + para))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


def test_full_section_line_with_a_comma_over_an_item_is_a_heading():
    # A 13-character column: "一、逐年扩招，分步实施" fills the line less the indent, has a
    # comma, and stands under a colon; the line under it opens item （一）, so it ends there.
    para = ["为把扩大招生规模的任务落", "到实处，现提出如下意见："]
    item = ["（一）扩大内地西藏初中", "班（校）招生规模，以往年", "实招人数为基数逐年扩招。"]
    doc = clean("\n".join(para + ["一、逐年扩招，分步实施"] + item + ["二、加强领导，明确职责"] + item))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)][:1] == ["一、逐年扩招，分步实施"]


def test_side_by_side_columns_found_where_the_left_column_is_empty():
    # pdftotext -layout, 3 columns at cells 0, 17 and 35: the left column holds only three
    # rows (it ended early), so the middle column's edge shows after a gap on too few
    # rows; on the others the middle column's line opens the row after spaces.
    text = "就业是最大的民生也是经济发展的重中之重当前我国就业局势保持总体稳定但经济运行稳中有变经济下行压力有所加大对就业的影响应高度重视必须把稳就业放在更加突出位置深入贯彻落实"
    cells = [(text * 8)[k:k + 11] for k in range(0, 11 * 51, 11)]
    left, mid, right = cells[:3], cells[3:27], cells[27:51]
    left[-1] = left[-1][:6] + "。"
    mid[-1] = mid[-1][:6] + "。"
    rows = []
    for r in range(24):
        a = left[r] if r < len(left) else ""
        rows.append(a + " " * (17 - len(a)) + mid[r] + "      " + right[r])
    doc = clean("\n".join(rows))
    assert "split_layout_columns" in passes_that_changed(doc)
    joined = "".join(b.text for b in doc.blocks)
    assert joined.startswith("".join(left)) and joined.index(mid[5] + mid[6]) < joined.index(right[0])


def test_signature_over_a_date_wrapped_in_a_narrow_column_is_no_heading():
    para = [NARROW[:9] + "，", NARROW[:10] + "，", NARROW[:10] + "，", NARROW[:4] + "。"]
    doc = clean("\n".join(para + ["国务院办公厅", "二〇〇四年十月十五", "日"]))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


def test_short_first_line_whose_word_runs_into_a_full_line_is_no_heading():
    # "山西杏儿沟煤" / "矿“8·11”事故……": line breaking left the first line short (the
    # quotation with the number kept with the character before it); "煤矿" runs across.
    para = [NARROW[:9] + "，", NARROW[:10] + "，", NARROW[:10] + "，", NARROW[:4] + "。"]
    doc = clean("\n".join(para + ["山西杏儿沟煤", "矿“8·11”事故的直接责", "任人已被移交司法机关依", NARROW[:6] + "。"]))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    assert doc.blocks[-1].text.startswith("山西杏儿沟煤矿“8·11”事故")


def test_full_section_line_with_a_comma_over_a_first_line_is_a_heading():
    # "三、加强领导，明确职责" fills the 13-character column less the indent; the line under
    # it is short by the indent pdfminer dropped: a first line, so the numbered line ended.
    para = ["各有关省（市）人民政府应高", "度重视，保证按期完成扩招任", "务。"]
    body = ["内地西藏中学和西藏班办", "学工作，政治性强，涉及面广", "并且难度大。承办内地西藏中", "学的各省要加强领导。"]
    doc = clean("\n".join(para + ["三、加强领导，明确职责"] + body))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["三、加强领导，明确职责"]
    # A line of more clauses is a sentence, whatever stands under it.
    doc = clean("\n".join(para + ["四、如制作浮雕，其高低，可"] + body))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


def test_numbered_line_left_short_before_a_bracket_opens_a_run_in_paragraph():
    # "（二）内地西藏初中班" is left three characters short: "（校）" is kept together.
    para = ["各有关省（市）人民政府应高", "度重视，保证按期完成扩招任", "务。"]
    run_in = ["（二）内地西藏初中班", "（校）学生毕业后，根据西藏", "自治区人民政府对人才的需求", "意见继续分流。"]
    doc = clean("\n".join(para + run_in + para))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


def test_closed_heading_wrapped_where_words_are_cut_may_fill_its_last_line():
    # 13-character column: three lines cut mid-word ("教育主" / "管", "分" / "管"), the last
    # nearly full and closed by 。, over a first line short by its dropped indent.
    para = ["各省人民政府要统筹建立健", "层级与抽查事项相对应的检查", "工作。"]
    head = ["（三）各有关省（市）教育主", "管部门要明确一位负责同志分", "管内地西藏班（校）工作。"]
    first = ["以上意见如无不妥，请批", "转各有关省（市）人民政府执", "行。"]
    doc = clean("\n".join(para + head + first))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["".join(head)]


def test_numbered_line_over_three_full_lines_before_a_clause_is_a_run_in_paragraph():
    para = ["各有关省（市）人民政府应高", "度重视，保证按期完成扩招任", "务。"]
    run_in = ["（二）国家将对承担内地", "西藏初中班（校）扩招任务的", "省（市）给予适当基建补助经", "费，支持地方人民政府扩招任", "务的实施。"]
    doc = clean("\n".join(para + run_in + para))
    assert not [b for b in doc.blocks if isinstance(b, Heading)]


def test_promulgated_title_that_fills_one_line_is_a_heading():
    # A 13-character column: the notice's signature, its note, then the title of the plan
    # it promulgates filling one line exactly, over the plan's indented first line.
    lines = ["现将《政府网站集约化试点工", "作方案》印发给你们，请认真", "贯彻执行。", "国务院办公厅", "2018年10月27日",
             "（此件公开发布）", "政府网站集约化试点工作方案", "  为贯彻落实党中央、国务", "院关于加强全国网络安全和信",
             "息化工作有关部署，推进政府", "网站互联互通融合发展。"]
    doc = clean("\n".join(lines))
    assert "政府网站集约化试点工作方案" in [b.text for b in doc.blocks if isinstance(b, Heading)]


def test_a_block_closed_by_a_bracketed_note_reads_as_finished():
    # pdftotext, page 1 in order: the salutation and preamble, section 一 (whose last line
    # breaks off into the next block), the item's end closed by its note "（……负责）",
    # section 二. The note finishes the item, so section 二 may follow it: the order stays.
    page1 = ["各省、自治区、直辖市人民政府，国务院", "各部委、各直属机构：", "",
             "一、支持企业稳定发展", "（一）加大稳岗支持力度。对不裁员的参", "保企业可返还其上年度实际缴纳失业保险",
             "费的百分之五十。充分发挥国家融资担保", "基金作", "",
             "用，引导更多金融资源支持创业就业，提", "高小微企业贷款可获得性。（财政部、人", "民银行、银保监会、发展改革委负责）", "",
             "二、鼓励支持就业创业", "（二）加大创业担保贷款贴息力度。符合", "条件的个人可申请创业担保贷款，提高额", "度。"]
    page2 = ["（三）扩大就业见习补贴范围。将就业见", "习补贴范围由离校未就业高校毕业生扩", "展至十六岁至二十四岁失业青年。"]
    doc = clean_pages([page1, page2])
    assert "restore_column_order" not in passes_that_changed(doc)
    text = "".join(b.text for b in doc.blocks)
    assert text.index("各部委") < text.index("一、支持企业") < text.index("发展改革委负责") < text.index("二、鼓励")


def test_numbered_heading_wrapped_over_three_narrow_lines_is_one_heading():
    # An 11-character column: the heading's last line is short and unpunctuated between
    # its full middle line and a first line; no word runs across either join, and the
    # short line is no page header left inside a sentence.
    para = ["我局召开全国地震趋势会商", "会，对今后几年地震趋势进", "行了系统的分析和判定。", "现将会商结果和加强防震减", "灾工作的意见报告如下："]
    head = ["一、1996年我国地震活动", "情况和1997年及未来几年", "地震趋势"]
    body = ["1996年，在全球地震", "活跃的大背景下，我国共", "发生5级以上地震38次。"]
    doc = clean("\n".join(para + head + body))
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["".join(head)]
    assert not doc.removed


def test_addressees_of_a_notice_wrapped_like_a_byline_are_no_authors():
    # An 11-character column: the salutation's first line is a list of short words split
    # by "、" (a byline's shape), but a word runs on into the next line and the salutation
    # ends in "：".
    lines = ["国务院关于做好当前和今后一个时期促进就业工作的若干意见", "各省、自治区、直辖市人", "民政府，国务院各部委、",
             "各直属机构：", "就业是最大的民生，也是", "经济发展的重中之重，必须", "把稳就业放在更加突出位", "置。"]
    doc = clean("\n".join(lines))
    assert doc.title == lines[0] and doc.authors == []
    assert doc.blocks[0].text.startswith("各省、自治区、直辖市人民政府")


def test_title_line_left_open_finishes_on_the_short_line_under_it_over_columns():
    # pdftotext -layout, three columns: the title's last line ("通知") starts a few cells
    # left of the second column's edge, under the title line left open on 的.
    rows = [("各位代表：", "效应对世纪疫情和重大风", "款连续4年保持全国首")] + \
           [(NARROW[:10], NARROW[:11], NARROW[:10] + "，")] * 24 + [(NARROW[:4] + "。", NARROW[:4] + "。", NARROW[:4] + "。")]
    lines = ["        区域经济快报（第14期）", " ：国务院办公厅关于印发“无废城市”建设试点工作方案的", "            通知"]
    lines += [f"  {a:<13}{b:<14}{c}" for a, b, c in rows]
    doc = clean("\n".join(lines))
    assert doc.title == "区域经济快报（第14期）：国务院办公厅关于印发“无废城市”建设试点工作方案的通知"

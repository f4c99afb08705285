"""Per-article segmentation (enrich/segment.py `cut`, by way of jieba-rs) gives exactly
jieba's words, taught glossary terms included: summaries, key points and related articles
depend on them, and an upgrade of either library must not change them silently."""
from __future__ import annotations

import random

import pytest
from conftest import ROOT, SEEDS

from build_tools.enrich import segment
from build_tools.enrich.glossary import load_glossary


@pytest.fixture(scope="module")
def jieba():
    # What a build teaches: every glossary form (cut and jieba() both pick up new words).
    terms = load_glossary(ROOT / "seeds" / "glossary.yml")
    forms = [f for t in terms for f in t.forms]
    segment.teach(forms)
    return segment.jieba(), forms


def _texts(forms) -> list[str]:
    texts = [line for path in SEEDS for line in path.read_text(encoding="utf-8").split("\n")]
    # Glossary forms in running text, next to Latin letters and numbers.
    texts += [a + f + b for f in forms for a in ("的", "美国", "A", "3.5") for b in ("政策", "。", "B", "%")]
    # What jieba's HMM and block rules treat specially: Latin with dots and hyphens, numbers,
    # CJK extension and compatibility characters (Han to jieba-rs, not to jieba), CR LF,
    # full-width digits, footnote sentinels.
    texts += ["(BusinessRound-table)等，1006-1568-(2024)04-0037-20", "10.13851/j.cnki.gjzw.202404003",
              "U.S.对华出口管制，G7-8国", "㐀䶵鿖鿿豈形成两个\u4e00体系𠀀𪜀", "第一行\r\n第二行\r\r\n",
              "２０２３年增长３．５％", "产业链\ue0001\ue001安全", "", " ", "abc网球拍卖会def"]
    rng = random.Random(7)
    alphabet = ("的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要出也得里后自以会"
                "产业链供应链安全友岸外包美元贸易abcXYZ0123456789-.%_+#& ，。、？！“”《》（）\u3400\u9fd6\uf900")
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    return texts


@pytest.mark.parametrize("hmm", [True, False])
def test_cut_gives_jiebas_words(jieba, hmm):
    jb, forms = jieba
    texts = _texts(forms)
    differ = [(t, jb.lcut(t, HMM=hmm), segment.cut(t, hmm)) for t in texts
              if jb.lcut(t, HMM=hmm) != segment.cut(t, hmm)]
    assert not differ, differ[:3]


def test_glossary_terms_stay_one_token(jieba):
    assert "友岸外包" in segment.cut("美国推动友岸外包以保障产业链安全")
    assert "友岸外包" in segment.tokens("美国推动友岸外包以保障产业链安全")


def test_hmm_matches_jiebas_finalseg():
    from jieba import finalseg
    rng = random.Random(3)
    alphabet = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要出abcXYZ0123456789-.%龘鱻"
    runs = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(5000)]
    assert [segment._hmm(r) for r in runs] == [list(finalseg.cut(r)) for r in runs]

"""Generate a synthetic corpus of N sources from the real seeds: varied titles, lengths and
glossary hits, with sidecars, in a project folder that builds like the real one.

    python benchmarks/generate.py 100 /tmp/corpus-100
"""
from __future__ import annotations

import json
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANT_EVERY = 10   # one source in ten gets a unique phrase (planted.json)


def generate(n: int, target: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy(config, target / config.name)
    sys.path.insert(0, str(ROOT))
    from build_tools.config import GENERATED
    shutil.copytree(ROOT / "docs", target / "docs", dirs_exist_ok=True, ignore=lambda d, names: [
        x for x in names if Path(d) == ROOT / "docs" and x in GENERATED])
    if not (target / "build_tools").exists():
        (target / "build_tools").symlink_to(ROOT / "build_tools")
    seeds = target / "seeds"
    if seeds.exists():
        shutil.rmtree(seeds)
    seeds.mkdir()
    for data in ("glossary.yml", "tags.yml"):
        shutil.copy(ROOT / "seeds" / data, seeds / data)
    originals = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in originals]
    import yaml
    sidecars = [yaml.safe_load(p.with_suffix(".yml").read_text(encoding="utf-8")) for p in originals]
    topics = ["半导体", "新能源汽车", "人工智能", "生物医药", "稀土", "光伏", "数字贸易", "跨境电商"]
    planted: list[dict] = []
    # words for planted phrases: glossary terms' and seeds' words, random triples are unique
    words = sorted({t for t in re.findall(r"[\u4e00-\u9fff]{2,4}", "".join(texts)) if len(t) == 2})[:4000]
    for i in range(n):
        k = i % len(texts)
        lines = texts[k].split("\n")
        # vary the length: keep a random share of the article (at least the first third)
        cut = rng.randint(len(lines) // 3, len(lines))
        body = "\n".join(lines[:cut])
        topic = topics[rng.randrange(len(topics))]
        body = body.replace("高端制造业", f"{topic}产业") if rng.random() < 0.5 else body
        name = f"{i:04d}_{k}"
        if i % PLANT_EVERY == 0:   # a phrase no other source has, deep in the body (for recall)
            phrase = "".join(rng.sample(words, 3))
            lines = body.split("\n")
            at = max(1, len(lines) * 4 // 5)
            lines.insert(at, f"\n据测算{phrase}的情况值得关注。\n")
            body = "\n".join(lines)
            planted.append({"source": name, "phrase": phrase})
        (seeds / f"{name}.txt").write_text(body, encoding="utf-8")
        meta = {"title_zh": f"{sidecars[k].get('title_zh', '研究')}（{topic}，第{i + 1}篇）",
                "title_en": f"{sidecars[k]['title_en']} ({i + 1})",
                "summary_en": sidecars[k]["summary_en"], "tags": sidecars[k]["tags"],
                "date": f"{2020 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}"}
        (seeds / f"{name}.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    (target / "planted.json").write_text(json.dumps(planted, ensure_ascii=False, indent=0), encoding="utf-8")
    # translations keyed by source text still match the paragraphs that were kept
    (target / "translations").mkdir(exist_ok=True)
    return target


if __name__ == "__main__":
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))

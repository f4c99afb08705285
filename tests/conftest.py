"""Shared test helpers. Tests run the real components: the cleaner, mkdocs, OpenCC, jieba,
and Chromium (Debian's /usr/bin/chromium) for what a reader sees."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
sys.path.insert(0, str(Path(__file__).parent))

from build_tools.config import GENERATED  # noqa: E402
from build_tools.model import Heading, ListBlock, Paragraph, Table  # noqa: E402
from build_tools.sources import discover  # noqa: E402

# Each seed's article address (from its English title), by file stem and by its number ("003").
SLUG = {k: s.slug for s in discover(ROOT / "seeds")[0] for k in (s.stem, s.stem[:3])}


def doc_characters(doc) -> Counter:
    """Every non-whitespace character the document holds, in any field, plus what the
    cleaner reported as removed: the no-loss invariant compares this with the input."""
    parts = [doc.title or "", doc.subtitle or "", doc.abstract or "", *doc.authors,
             *doc.keywords, *doc.metadata.values()]
    for b in doc.blocks:
        if isinstance(b, (Heading, Paragraph)):
            parts.append(b.text)
        if isinstance(b, Paragraph):
            parts += [n.source for n in b.notes]
        elif isinstance(b, Table):
            parts += [c for row in b.rows for c in row]
        elif isinstance(b, ListBlock):
            parts += b.items
    for f in doc.footnotes:
        parts += [f.source_mark, f.text]
    parts += [r.text for r in doc.removed]
    return Counter(c for p in parts for c in p if not c.isspace())


def text_characters(text: str) -> Counter:
    return Counter(c for c in text if not c.isspace())


def make_project(tmp: Path, seeds: list[Path] | None = None, extra: dict[str, str] | None = None) -> Path:
    """A copy of the project's site inputs in tmp (build_tools linked), for real builds."""
    tmp.mkdir(parents=True, exist_ok=True)
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy(config, tmp / config.name)
    shutil.copytree(ROOT / "docs", tmp / "docs", ignore=lambda d, names: [
        n for n in names if Path(d) == ROOT / "docs" and n in GENERATED])
    (tmp / "build_tools").symlink_to(ROOT / "build_tools")
    if (ROOT / "translations").exists():
        shutil.copytree(ROOT / "translations", tmp / "translations")
    (tmp / "seeds").mkdir()
    chosen = seeds if seeds is not None else sorted((ROOT / "seeds").glob("*.txt"))
    for path in chosen:
        shutil.copy(path, tmp / "seeds" / path.name)
        if path.with_suffix(".yml").exists():
            shutil.copy(path.with_suffix(".yml"), tmp / "seeds" / path.with_suffix(".yml").name)
    for data in ("glossary.yml", "tags.yml", "opencc_phrases.txt", "redirects.yml"):
        if (ROOT / "seeds" / data).exists():
            shutil.copy(ROOT / "seeds" / data, tmp / "seeds" / data)
    for name, text in (extra or {}).items():
        (tmp / "seeds" / name).write_text(text, encoding="utf-8")
    return tmp


def mkdocs_build(project: Path, site: Path | None = None, edition: str = "",
                 prebuilt: bool = False) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of one edition ("" is the Simplified one, at the site root)."""
    site = site or project / "site"
    config = project / (f"mkdocs.{edition}.yml" if edition else "mkdocs.yml")
    # PDFs only where a test asks for them (build_all_editions(pdf=True) makes them first)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", BRIEFING_PREBUILT="1" if prebuilt else "0", BRIEFING_PDF="0")
    # not -q: it silences the warnings that --strict counts
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                           "-f", str(config), "-d", str(site / edition if edition else site)],
                          cwd=project, capture_output=True, text=True, env=env)


def build_all_editions(project: Path, pdf: bool = False) -> Path:
    """What `make site` does: pages (and PDFs) once, then each edition's mkdocs build."""
    if pdf:
        run = subprocess.run([sys.executable, "-m", "build_tools", "build"], cwd=project,
                             capture_output=True, text=True, env=dict(os.environ, BRIEFING_PDF="1"))
        assert run.returncode == 0, run.stderr
    for edition in ("", "zh-Hant", "en"):
        result = mkdocs_build(project, edition=edition, prebuilt=pdf or bool(edition))
        assert result.returncode == 0, (edition, result.stderr)
    return project / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The default seeds, all three editions with their PDFs, built once as `make site` does."""
    return build_all_editions(make_project(tmp_path_factory.mktemp("project")), pdf=True)

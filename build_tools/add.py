"""`briefing add FILE`: bring a new source into seeds/ with a metadata sidecar, and print
what the cleaner found (title, headings, abstract, removed furniture) for a quick check.
Nothing is written unless the file reads and cleans and the sidecar validates."""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import yaml

from .cleaning.pipeline import clean_file
from .reading import SourceError
from .report import found_lines
from .sources import read_sidecar


def add_source(settings, args) -> Path:
    src = Path(args.file)
    name = args.name or src.name
    stem = re.sub(r"[^\w.-]+", "_", Path(name).stem).strip("_") or "source"
    # A PDF stays a PDF: the build reads its layout, not text extracted from it.
    target = settings.seeds / (f"{stem}.pdf" if src.suffix.lower() == ".pdf" else f"{stem}.txt")
    if target.exists():
        raise SourceError(target, "a source of this name is already in seeds/ (choose --name)")
    doc = clean_file(src)     # bad input stops here, before anything is written
    meta = {}
    for key, value in (("title_zh", args.title), ("title_en", args.title_en), ("publication", args.source),
                       ("date", args.date), ("url", args.url)):
        if value:
            meta[key] = value
    sidecar_text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    with tempfile.TemporaryDirectory() as tmp:      # validate the sidecar as the build will
        probe = Path(tmp) / f"{stem}.yml"
        probe.write_text(sidecar_text, encoding="utf-8")
        try:
            read_sidecar(probe)
        except SourceError as e:
            raise SourceError(src, f"metadata given on the command line: {e.message}") from None
    settings.seeds.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, target)
    if meta:
        target.with_suffix(".yml").write_text(sidecar_text, encoding="utf-8")
    print(f"added {target}" + (f" and {target.with_suffix('.yml').name}" if meta else ""))
    for line in found_lines(doc, meta.get("title_zh")):
        print(line)
    print(f"abstract: {(doc.abstract[:60] + '…') if doc.abstract else '(none)'}")
    print(f"paragraphs: {sum(1 for b in doc.blocks if b.type == 'paragraph')}, footnotes: {len(doc.footnotes)}")
    return target

"""Rebuild the cleaning development corpus from a fetched snapshot of its source repository.

    .venv/bin/python benchmarks/corpus/build.py SNAPSHOT OUT [--reports SNAPSHOT2] [--only ID ...]
    .venv/bin/python benchmarks/corpus/build.py SNAPSHOT OUT --reports SNAPSHOT2 --dev   # manifest_dev.tsv
    .venv/bin/python benchmarks/corpus/build.py SNAPSHOT OUT --dev2 SNAPSHOT3            # manifest_dev2.tsv
    .venv/bin/python benchmarks/corpus/build.py SNAPSHOT OUT --dev3 SNAPSHOT4            # manifest_dev3.tsv

SNAPSHOT is the git directory `fetch github:LawRefBook/Laws` returns, SNAPSHOT2 the one of
`fetch github:johncodes404/china-provincial-gov-reports-2026` (manifest_reports.tsv, other
genres: see reports.py); neither has a work tree: files are read with
`git show COMMIT:PATH`. OUT receives, per document of manifest.tsv,
`ID/gold.json` (the reference, from the source's own Markdown structure), `ID/*.pdf` and
one text per extractor and variant, plus `index.json`. Nothing fetched is committed:
the manifest names repository, commit, path, licence and split (tune | heldout).

Gold: the first `# ` line is the title (a second one the subtitle; a law's "…通过" line
printed under the title is its subtitle otherwise), `##`/`###`/`####` lines are headings
of levels 1-3 (renumbered from the shallowest depth used), every other line a paragraph.
Synthetic title-block parts (authors, an abstract box) are added to some documents from
this script's own pools, and the typesetter reports every piece of page furniture it
printed, which becomes the gold `removed`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from benchmarks.corpus.national import parse_window  # noqa: E402
from benchmarks.corpus.reports import _cut, parse_report, parse_report_page, present  # noqa: E402
from benchmarks.corpus.statecouncil import parse_row  # noqa: E402
from benchmarks.corpus.typeset import Layout, typeset  # noqa: E402

MANIFEST = HERE / "manifest.tsv"
REPORTS = HERE / "manifest_reports.tsv"
# The development set (--dev): reports of the same snapshot that manifest_reports.tsv does
# not use, each typeset in a genre and column count fixed in the manifest (3-column
# newsletters, 2/3-column reports and articles, the layouts the other parts have least of).
# Its own split ("dev"): tuned on like the tune part, never mixed with the held-out one.
DEV = HERE / "manifest_dev.tsv"
# The second development source (--dev2): windows of the national government work reports
# of another repository (national.py), split dev2 (tuned on) and heldout2 (never looked at).
DEV2 = HERE / "manifest_dev2.tsv"
# The third development source (--dev3): State Council documents (notices, opinions, plans,
# measures) of a third repository (statecouncil.py), split dev3 (tuned on) and heldout3.
DEV3 = HERE / "manifest_dev3.tsv"

# Pools for the synthetic parts of the title block and furniture (chosen per document by
# a hash of its id, so a rebuild is identical).
JOURNALS = ["法治研究通讯", "政策参考", "经济要参", "改革内参", "法学评论", "发展研究",
            "决策咨询", "社会治理"]
BANNERS = ["专题研究", "政策解读", "法规解读", "理论前沿", "调查报告", "案例评析"]
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高"
GIVEN = ["立新", "静", "明远", "晓东", "海燕", "国强", "雪", "志刚", "丽华", "伟"]


def _h(s: str) -> int:
    return int(hashlib.sha1(s.encode()).hexdigest()[:8], 16)


def read_manifest(path: Path = MANIFEST) -> tuple[dict, list[dict]]:
    meta, rows = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            if ":" in line:
                k, v = line[1:].split(":", 1)
                meta[k.strip()] = v.strip()
            continue
        if line.strip():
            fields = line.split("\t")
            if len(fields) == 6:        # manifest_dev2/3.tsv: ... path, window (national.py) or row
                doc_id, split, kind, cols, path, window = fields
                rows.append({"id": doc_id, "split": split, "kind": kind, "path": path,
                             "columns": int(cols), "window": int(window)})
                continue
            if len(fields) == 5:        # manifest_dev.tsv: id, split, genre, columns, path
                doc_id, split, kind, cols, path = fields
                rows.append({"id": doc_id, "split": split, "kind": kind, "path": path,
                             "columns": int(cols)})
                continue
            doc_id, split, kind, path = fields
            rows.append({"id": doc_id, "split": split, "kind": kind, "path": path})
    return meta, rows


def parse_markdown(text: str) -> dict:
    """The document-model dict of a LawRefBook Markdown file."""
    head, _, body = text.partition("<!-- INFO END -->")
    if not body:
        head, body = "", text
    titles = [ln[2:].strip() for ln in head.splitlines() if ln.startswith("# ")]
    info = [ln.strip() for ln in head.splitlines()
            if ln.strip() and not ln.startswith(("#", "<!--", "---", "bookHidden", "draft"))]
    if not titles:  # a case file: its title is the first line of the body
        lines = body.splitlines()
        for k, ln in enumerate(lines):
            if ln.startswith("# "):
                titles = [ln[2:].strip()]
                body = "\n".join(lines[k + 1:])
                break
    subtitle = titles[1] if len(titles) > 1 else None
    if not subtitle:
        passed = [i for i in info if re.search(r"通过|公布|发布", i)]
        if passed:
            subtitle = "（" + re.sub(r"\s+", "", passed[0]) + "）"
    blocks = []
    for ln in body.splitlines():
        ln = re.sub(r"<!--.*?-->", "", ln).strip()
        if not ln or ln.startswith(("---", "<")):
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", ln)
        if m:
            blocks.append({"type": "heading", "depth": len(m.group(1)), "text": m.group(2).strip()})
        else:
            blocks.append({"type": "paragraph", "text": re.sub(r"\s+", " ", ln.replace("**", ""))})
    depths = sorted({b["depth"] for b in blocks if b["type"] == "heading"})
    for b in blocks:
        if b["type"] == "heading":
            b["level"] = min(3, depths.index(b.pop("depth")) + 1)
    return {"title": titles[0] if titles else None, "subtitle": subtitle, "authors": [],
            "abstract": None, "keywords": [], "metadata": {}, "blocks": blocks,
            "footnotes": [], "removed": []}


def usable(doc: dict) -> bool:
    texts = [b["text"] for b in doc["blocks"]]
    return bool(doc["title"]) and len(texts) >= 5 and not any("|" in t or "![" in t for t in texts)


def layout_for(doc_id: str, n: int) -> Layout:
    """Vary the layout over the corpus: the column count cycles so that both parts (every
    third document is held out) get 1, 2 and 3 columns; the rest follows a hash of the id."""
    h = _h(doc_id)
    return Layout(
        columns=(1, 2, 3)[(n // 3) % 3],
        header=("journal", "alternate", "issue", "none")[(h >> 1) % 4],
        folio=("dash", "dot", "cn", "plain")[(h >> 3) % 4],
        top=("masthead", "banner", "both", "none", "masthead")[(h >> 5) % 5],
        journal=JOURNALS[h % len(JOURNALS)],
        year=2015 + h % 10, issue=1 + h % 12,
        banner=BANNERS[(h >> 4) % len(BANNERS)],
        first_folio=(1, 17, 43)[(h >> 8) % 3],
        page=("185mm 260mm", "210mm 297mm")[(h >> 9) % 2],
        abstract_box=True,
    )


def decorate(doc: dict, doc_id: str, n: int) -> dict:
    """Add the synthetic title-block parts: an author line on about a third of the
    documents, and an abstract box (the first paragraph lifted) on about half of those
    whose first block is a long paragraph."""
    h = _h(doc_id + "authors")
    if h % 3 == 0:
        k = 1 + (h >> 2) % 3
        doc["authors"] = [SURNAMES[(h >> (4 * i + 4)) % len(SURNAMES)] + GIVEN[(h >> (4 * i + 6)) % len(GIVEN)]
                          for i in range(k)]
    first = next((b for b in doc["blocks"] if b["type"] == "paragraph"), None)
    if (h >> 20) % 2 and first and doc["blocks"][0] is first and len(first["text"]) > 60:
        doc["abstract"] = first["text"]
        doc["blocks"].remove(first)
    return doc


def extract(pdf: Path) -> dict[str, str]:
    out = {}
    out["pdftotext"] = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                                      capture_output=True, text=True, check=True).stdout
    out["pdftotext-layout"] = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                                             capture_output=True, text=True, check=True).stdout
    import pypdf
    out["pypdf"] = "\n\f".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages)
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        pass
    else:
        out["pdfminer"] = extract_text(str(pdf))
    return out


# Look-alike code points a careless converter leaves in (Kangxi radicals, compatibility
# ideographs, full-width digits): the reader must fold them back.
_LOOKALIKES = {"一": "\u2f00", "人": "\u2f08", "力": "\u2f12", "大": "\u2f24", "日": "\u2f47",
               "月": "\u2f49", "二": "\u2f06"}


def variants(name: str, text: str, n: int) -> dict[str, bytes]:
    """The extracted text as bytes, plus one encoding / line-ending / look-alike variant."""
    out = {f"{name}.txt": text.encode("utf-8")}
    if name != "pdftotext":
        return out
    kind = n % 3
    if kind == 0:
        out["pdftotext.gb18030.txt"] = text.encode("gb18030")
    elif kind == 1:
        out["pdftotext.crlf.txt"] = text.replace("\n", "\r\n").encode("utf-8")
    else:
        out["pdftotext.lookalike.txt"] = "".join(_LOOKALIKES.get(c, c) for c in text).encode("utf-8")
    return out


def build_one(row: dict, n: int, text: str, out: Path, columns: int | None = None,
              furniture_styles: bool = False) -> dict | None:
    doc = parse_markdown(text)
    if not usable(doc):
        return None
    return build_document(row, n, decorate(doc, row["id"], n), out, columns, furniture_styles)


def build_report(row: dict, n: int, text: str, out: Path, columns: int | None = None,
                 furniture_styles: bool = False) -> dict | None:
    """A document of another genre (manifest_reports.tsv): see reports.py."""
    # The development set reads the pages parse_report cannot (their heads differ); the
    # corpus keeps its own reading, so its gold does not change.
    doc = parse_report_page(text) if row["split"] == "dev" else parse_report(text)
    if doc is None or not usable(doc):
        return None
    issue = 1 + _h(row["id"] + "issue") % 24
    return build_document(row, n, present(doc, row["id"], row["kind"], issue), out, columns, furniture_styles)


def build_national(row: dict, n: int, text: str, out: Path, columns: int | None = None,
                   furniture_styles: bool = False) -> dict | None:
    """A window of a national report (manifest_dev2.tsv): see national.py."""
    doc = parse_window(text, row["window"])
    if doc is None or not usable(doc):
        return None
    issue = 1 + _h(row["id"] + "issue") % 24
    return build_document(row, n, present(doc, row["id"], row["kind"], issue), out, columns, furniture_styles)


def build_statecouncil(row: dict, n: int, text: str, out: Path, columns: int | None = None,
                       furniture_styles: bool = False) -> dict | None:
    """A State Council document (manifest_dev3.tsv, its sixth column the dump's row id): see
    statecouncil.py. A notice is typeset as published (cut to 3,000-6,000 characters at a
    paragraph); other genres are presented by reports.present."""
    doc = parse_row(text, row["window"])
    if doc is None or not usable(doc):
        return None
    if row["kind"] == "notice":
        doc["blocks"] = _cut(doc["blocks"], 3000 + _h(row["id"]) % 3000)
        doc["genre"] = "notice"
    else:
        issue = 1 + _h(row["id"] + "issue") % 24
        doc = present(doc, row["id"], row["kind"], issue)
    return build_document(row, n, doc, out, columns, furniture_styles)


def new_furniture(lay: Layout, doc_id: str) -> Layout:
    """The layout with furniture styles the corpus never uses (a running header with the
    running issue number, the journal name in the footer, "第 n 页 共 m 页" folios, a
    dated newsletter masthead): a test of furniture the cleaner was not written for."""
    from dataclasses import replace
    h = _h(doc_id + "new furniture")
    return replace(lay, header=("total", "footer")[h % 2], folio=("of", lay.folio)[(h >> 1) % 2],
                   top=("dated", lay.top)[(h >> 2) % 2])


def build_document(row: dict, n: int, doc: dict, out: Path, columns: int | None = None,
                   furniture_styles: bool = False) -> dict:
    """Typeset one gold document in the n-th layout, extract it every way, and write
    OUT/ID/gold.json (with the furniture printed as its `removed`) and the texts."""
    lay = layout_for(row["id"], n)
    columns = columns or row.get("columns")
    if columns:
        from dataclasses import replace
        lay = replace(lay, columns=columns)
    if furniture_styles:
        lay = new_furniture(lay, row["id"])
    pdf, furniture = typeset(doc, lay)
    doc = {**doc, "removed": [{"text": f["text"], "reason": f["reason"], "line": 0} for f in furniture]}
    d = out / row["id"]
    d.mkdir(parents=True, exist_ok=True)
    (d / "gold.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    (d / "typeset.pdf").write_bytes(pdf)
    files = []
    for name, extracted in extract(d / "typeset.pdf").items():
        for fname, data in variants(name, extracted, n).items():
            (d / fname).write_bytes(data)
            files.append(fname)
    return {**row, "layout": lay.__dict__, "files": files}


def write_index(out: Path, meta, index: list[dict]) -> None:
    (out / "index.json").write_text(json.dumps({"source": meta, "documents": index},
                                               ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("snapshot", type=Path, help="git directory of the fetched snapshot")
    ap.add_argument("out", type=Path)
    ap.add_argument("--reports", type=Path, help="git directory of the reports snapshot (other genres)")
    ap.add_argument("--only", nargs="*", help="document ids to build")
    ap.add_argument("--dev", action="store_true",
                    help="build the development set (manifest_dev.tsv, needs --reports) instead of "
                         "the corpus: tuned on, never part of the held-out")
    ap.add_argument("--dev2", type=Path, metavar="SNAPSHOT3",
                    help="build the second development source instead (manifest_dev2.tsv: the git "
                         "directory of github:YaaaFei/gov-work-report-corpus-demo; splits dev2 and heldout2)")
    ap.add_argument("--dev3", type=Path, metavar="SNAPSHOT4",
                    help="build the third development source instead (manifest_dev3.tsv: the git "
                         "directory of github:ZhouYNF/platform-1; splits dev3 and heldout3)")
    ap.add_argument("--columns", type=int, choices=(1, 2, 3),
                    help="typeset every document in this many columns (a development variant "
                         "of tune documents in a layout their part lacks; not the corpus)")
    ap.add_argument("--new-furniture", action="store_true",
                    help="typeset with furniture styles the corpus layouts never use (a development "
                         "variant: furniture the cleaner was not written for; not the corpus)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    index, sources = [], []
    parts = [(MANIFEST, args.snapshot, build_one)]
    if args.reports:
        parts.append((REPORTS, args.reports, build_report))
    if args.dev:
        if not args.reports:
            ap.error("--dev needs --reports (the development set is made of reports)")
        parts = [(DEV, args.reports, build_report)]
    if args.dev2:
        parts = [(DEV2, args.dev2, build_national)]
    if args.dev3:
        parts = [(DEV3, args.dev3, build_statecouncil)]
    for manifest, snapshot, build in parts:
        meta, rows = read_manifest(manifest)
        sources.append(meta)
        for n, row in enumerate(rows):
            if args.only and row["id"] not in args.only:
                continue
            show = subprocess.run(["git", "--git-dir", str(snapshot), "show", f"{meta['commit']}:{row['path']}"],
                                  capture_output=True)
            if show.returncode:
                print(f"{row['id']}: cannot read {row['path']} at {meta['commit']}: "
                      f"{show.stderr.decode(errors='replace').strip()}", file=sys.stderr)
                return 1
            entry = build(row, n, show.stdout.decode("utf-8"), args.out, args.columns, args.new_furniture)
            if entry is None:
                print(f"{row['id']}: skipped (no title or too few blocks)", file=sys.stderr)
                continue
            index.append(entry)
            print(f"{row['id']} {row['split']:8} {row['kind']:10} {len(entry['files'])} texts", flush=True)
    write_index(args.out, sources, index)
    return 0


if __name__ == "__main__":
    sys.exit(main())

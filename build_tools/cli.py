"""The `briefing` command: clean one source, build the site's pages, check all inputs."""
from __future__ import annotations

import argparse
import json
import sys

from .reading import SourceError


def _clean(args) -> int:
    from .cleaning.pipeline import clean_file
    from .render.markdown_doc import write_document_markdown
    doc = clean_file(args.file)
    if args.format == "json":
        out = json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        out = write_document_markdown(doc)
    sys.stdout.write(out)
    if args.explain:
        for name, message in doc.changes:
            print(f"{name}: {message}", file=sys.stderr)
        for r in doc.removed:
            print(f"removed line {r.line}: {r.text!r} ({r.reason})", file=sys.stderr)
    return 0


def _build(args) -> int:
    from .build import build
    from .config import load_settings
    result = build(load_settings(args.config))
    for a in result.articles:
        kept = sum(len(getattr(b, "text", "")) for b in a.doc.blocks)
        removed = sum(len(r.text) for r in a.doc.removed)
        print(f"{a.source.path.name}: {len(a.doc.blocks)} blocks, {kept} characters kept, "
              f"{removed} removed ({len(a.doc.removed)} items), {len(a.doc.footnotes)} footnotes")
    print(f"pages: {len(result.written)} written, {result.unchanged} unchanged, "
          f"{len(result.deleted)} removed")
    return 0


def _check(args) -> int:
    from .build import load_articles
    from .config import load_settings
    articles = load_articles(load_settings(args.config))
    print(f"ok: {len(articles)} sources read and cleaned")
    return 0


def _terms(args) -> int:
    from .build import load_articles, load_terms
    from .config import load_settings
    from .enrich.candidates import candidates
    from .enrich.corpus import enrich_corpus
    settings = load_settings(args.config)
    terms = load_terms(settings)
    articles = load_articles(settings)
    enrich_corpus(articles, terms)
    print("candidate\tcount\tsources\twhy\texample")
    for c in candidates(articles, terms, args.limit):
        print(f"{c.term}\t{c.count}\t{c.sources}\t{c.why}\t…{c.example}…")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("clean", help="print one cleaned document")
    p.add_argument("file")
    p.add_argument("--format", choices=("markdown", "json"), default="markdown")
    p.add_argument("--explain", action="store_true",
                   help="also list, on stderr, what each pass changed and what was removed")
    p.set_defaults(run=_clean)
    for name, fn, text in (("build", _build, "write the site's Markdown pages from seeds/"),
                           ("check", _check, "validate all inputs; non-zero exit on errors")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--config", default="mkdocs.yml")
        p.set_defaults(run=fn)
    p = sub.add_parser("terms", help="list candidate glossary terms not yet in the glossary")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--limit", type=int, default=40)
    p.set_defaults(run=_terms)
    args = parser.parse_args(argv)
    from .build import BuildError
    try:
        return args.run(args)
    except (SourceError, BuildError) as e:
        print(f"error: {e}" if isinstance(e, SourceError) else "errors:\n" + str(e), file=sys.stderr)
        return 1

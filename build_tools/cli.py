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
            where = f"page {r.page}" if r.page else f"line {r.line}"
            print(f"removed {where}: {r.text!r} ({r.reason})", file=sys.stderr)
    return 0


def _build(args) -> int:
    from .config import load_settings
    from .lock import project_lock
    settings = load_settings(args.config)
    with project_lock(settings.cache):   # pages and site: one build of a project at a time
        return _build_locked(args, settings)


def _build_locked(args, settings) -> int:
    from .build import build
    from .render.pdf import pdf_status
    from .render.view import View
    from .report import progress_printer, report_table
    from .translations import LiveUnits
    pdf, why_not = pdf_status(settings.pdf)
    if not pdf:
        print(why_not)
    from .build import Stopwatch
    clock = Stopwatch()
    result = build(settings, pdf=pdf, progress=progress_printer(), clock=clock,
                   reuse=not getattr(args, "full", False))
    english = View("en", settings.root, units=LiveUnits(result.articles))
    print(report_table(result.articles, english, None if getattr(args, "full", False) else result.cleaned))
    print(f"pages: {len(result.written)} written, {result.kept} kept without rendering "
          f"({result.kept_articles} of them articles), "
          f"{result.unchanged} unchanged, {len(result.deleted)} removed")
    if args.command == "site":
        from .site_build import build_site
        mode, editions = build_site(settings, settings.root / args.site_dir, pages_removed=bool(result.deleted),
                                    full=args.full)
        clock(f"mkdocs build, {mode}, editions concurrently")
        for code, t in editions.items():
            clock.add(f"  mkdocs build {code}", **t)
        if args.timings:
            import json
            print("timings: " + json.dumps(clock.stages))
    return 0


def _add(args) -> int:
    from .add import add_source
    from .config import load_settings
    add_source(load_settings(args.config), args)
    return 0


def _check(args) -> int:
    from .check import check
    from .config import load_settings
    report = check(load_settings(args.config))
    for line in report.notes:
        print(line)
    for line in report.warnings:
        print(f"warning: {line}")
    for line in report.errors:
        print(f"error: {line}", file=sys.stderr)
    print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return 1 if report.errors else 0


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


def _translate(args) -> int:
    from .build import load_articles, load_terms
    from .config import load_settings
    from .translate import TranslateError, settings_from_env, translate_article
    settings = load_settings(args.config)
    try:
        base, model, key = settings_from_env()
        terms = load_terms(settings)
        for a in load_articles(settings):
            if args.source and a.source.stem not in args.source:
                continue
            n = translate_article(a, terms, settings.root, base, model, key)
            print(f"{a.source.stem}: {n} entr{'y' if n == 1 else 'ies'} translated by {model}")
    except TranslateError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


def _summarize(args) -> int:
    from .build import load_articles
    from .config import load_settings
    from .enrich.abstractive import summarize_article
    from .translate import TranslateError, settings_from_env
    settings = load_settings(args.config)
    try:
        base, model, key = settings_from_env()
        for a in load_articles(settings):
            if args.source and a.source.stem not in args.source:
                continue
            written = summarize_article(a, base, model, key)
            print(f"{a.source.stem}: {', '.join(written) or 'nothing missing'}"
                  + (f" written by {model} (review pending)" if written else ""))
    except TranslateError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
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
                           ("site", _build, "write the pages, then build every edition into site/ "
                                            "(incremental when site/ allows; as `make site` does)"),
                           ("check", _check, "validate all inputs; non-zero exit on errors")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--config", default="mkdocs.yml")
        if name == "site":
            p.add_argument("--site-dir", default="site")
            p.add_argument("--full", action="store_true", help="render and build every page again")
            p.add_argument("--timings", action="store_true", help="print wall and CPU time per stage (JSON)")
        p.set_defaults(run=fn)
    p = sub.add_parser("add", help="bring a new source into seeds/ with a metadata sidecar, "
                                    "and show what the cleaner found")
    p.add_argument("file")
    p.add_argument("--title", help="Chinese title (when the source has none)")
    p.add_argument("--title-en", help="English title")
    p.add_argument("--source", help="publication (journal, outlet)")
    p.add_argument("--date", help="publication date, YYYY-MM-DD")
    p.add_argument("--url", help="link to the original")
    p.add_argument("--name", help="file name in seeds/ (default: the file's own name)")
    p.add_argument("--config", default="mkdocs.yml")
    p.set_defaults(run=_add)
    p = sub.add_parser("translate", help="fill missing or stale English translations through an "
                                          "OpenAI-compatible endpoint (see BRIEFING_LLM_* variables)")
    p.add_argument("source", nargs="*", help="source names (default: all)")
    p.add_argument("--config", default="mkdocs.yml")
    p.set_defaults(run=_translate)
    p = sub.add_parser("summarize", help="write a machine summary and key points into sidecars that "
                                          "lack them, through the endpoint `translate` uses")
    p.add_argument("source", nargs="*", help="source names (default: all)")
    p.add_argument("--config", default="mkdocs.yml")
    p.set_defaults(run=_summarize)
    p = sub.add_parser("terms", help="list candidate glossary terms not yet in the glossary")
    p.add_argument("--config", default="mkdocs.yml")
    p.add_argument("--limit", type=int, default=40)
    p.set_defaults(run=_terms)
    args = parser.parse_args(argv)
    from .build import BuildError
    from .config import ConfigError
    try:
        return args.run(args)
    except (SourceError, BuildError, ConfigError) as e:
        print("errors:\n" + str(e) if isinstance(e, BuildError) else f"error: {e}", file=sys.stderr)
        return 1


def run() -> None:
    """The `briefing` command: main(), then out of the process without tearing down what
    a build leaves (a corpus is millions of objects, and freeing them one by one took 4 s
    at 10,000 sources: an eighth of a one-changed build). What must reach disk or the
    terminal is written before: files are closed by then, and the output is flushed here.
    (mypy leaves the same way, for the same reason.) main() itself returns, for callers
    in the same process."""
    import os
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)

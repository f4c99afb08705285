"""Lighthouse (npm `lighthouse`, mobile profile, Debian's Chromium) over every page type of
every edition of a built site, served on 127.0.0.1. Prints each page's four scores, its
console errors and every failing audit outside performance, and exits non-zero if a page
is under the bar (accessibility, best practices, SEO 100; performance 90; no console errors).

    make site   # or: SITE_URL=https://example.org/ make site
    python -m benchmarks.lighthouse site --lighthouse .cache/lighthouse/node_modules/.bin/lighthouse

Too slow for the test suite (about half a minute a page): run it by hand."""
from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EDITIONS = ("", "zh-Hant/", "en/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BAR = {"performance": 0.9, "accessibility": 1, "best-practices": 1, "seo": 1}


class _Gzip(SimpleHTTPRequestHandler):
    """Serves text compressed, as GitHub Pages does: uncompressed, the transfer sizes (and
    so Lighthouse's simulated phone on slow 4G) would be several times what readers get."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not gzip_ok or not path.is_file() or path.suffix not in (".html", ".css", ".js", ".json", ".xml", ".svg"):
            return super().send_head()
        if self.path.split("?")[0].endswith("/") is False and path.name == "index.html":
            return super().send_head()   # let the parent redirect dir -> dir/
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def page_types(site: Path) -> dict[str, str]:
    """One page of each type, as paths below an edition's root."""
    def first(folder: str) -> str:   # not a redirect page (render/redirects.py), not a list's page 2
        names = sorted(p.parent.name for p in (site / folder).glob("*/index.html") if p.parent.name != "page-2"
                       and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:1000])
        return f"{folder}/{names[0]}/"
    return {"home": "", "article": first("articles"), "article list": "articles/", "tag": first("tags"),
            "glossary": "glossary/", "term": first("glossary"), "editing guide": "guide/editing/"}


def audit(lighthouse: list[str], url: str, chrome: str) -> dict:
    cmd = lighthouse + [url, "--output=json", "--output-path=stdout", "--quiet", "--form-factor=mobile",
                        f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless --no-sandbox"]
    run = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=chrome), timeout=300)
    if run.returncode:
        raise SystemExit(f"lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--lighthouse", default="", help="the lighthouse CLI (default: npx lighthouse)")
    ap.add_argument("--chrome", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--editions", nargs="*", default=list(EDITIONS))
    ap.add_argument("--pages", nargs="*", help="page types to audit (default: all)")
    args = ap.parse_args(argv)
    lighthouse = [args.lighthouse] if args.lighthouse else ["npx", "--yes", "lighthouse"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    failed = []
    print(f"{'page':32} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'console':>7}  failing audits")
    try:
        for prefix in args.editions:
            for kind, path in page_types(args.site / prefix).items():
                if args.pages and kind not in args.pages:
                    continue
                report = audit(lighthouse, base + prefix + path, args.chrome)
                scores = {c: report["categories"][c]["score"] or 0 for c in CATEGORIES}
                console = report["audits"]["errors-in-console"].get("details", {}).get("items", [])
                failing = sorted({ref["id"] for c in CATEGORIES[1:] for ref in report["categories"][c]["auditRefs"]
                                  if ref.get("weight") and (report["audits"][ref["id"]]["score"] or 0) < 1})
                name = f"{prefix or 'zh-Hans/'}{kind}"
                print(f"{name:32} {scores['performance'] * 100:5.0f} {scores['accessibility'] * 100:5.0f} "
                      f"{scores['best-practices'] * 100:5.0f} {scores['seo'] * 100:5.0f} {len(console):7d}  "
                      + " ".join(failing), flush=True)
                for item in console:
                    print(f"{'':32} console: {str(item.get('description') or item.get('url'))[:150]}")
                if console or any(scores[c] < BAR[c] for c in CATEGORIES):
                    failed.append(name)
    finally:
        server.shutdown()
    print(f"{len(failed)} page(s) under the bar" + (": " + ", ".join(failed) if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

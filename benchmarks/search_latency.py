"""How long a reader waits for search results, and how often the article is found: serve a
built site on 127.0.0.1, open each edition's home page in headless Chromium, open the search
("s"), type a query and time until results are visible. Every run is a fresh browser context
(cold cache), as a first visit.

    python benchmarks/search_latency.py SITE_DIR [--query 产业链 --query 友岸外包]
        [--en-query "supply chain"] [--runs 3] [--recall 50]

The reader types right after the page's scripts ran (DOMContentLoaded). Columns: from
navigation start (performance.timeOrigin) to the first visible result; from the start of
typing to it (the index shards the query needs are loaded first: build_tools/search/); the
same query typed again (shards cached: the search alone); when the last index file had
arrived; the index bytes transferred (this server does not compress; GitHub Pages gzips).
The phone rows use a 390x844 viewport and 4x CPU throttling (CDP
Emulation.setCPUThrottlingRate).

--recall N: the phrases benchmarks/generate.py planted deep in article bodies (planted.json
in the site's project folder), N of them, typed in each edition (converted for zh-Hant) on
the desktop profile: how often the article is among the first 10 results, linked to the
paragraph that holds the phrase.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import chromium, local_only, serve  # noqa: E402  (tests/browser.py)

TIMEOUT_MS = 60_000
QUERY = "input.md-search__input"
PROFILES = {
    "desktop": ({"viewport": {"width": 1280, "height": 900}}, 1),
    "phone 4x CPU": ({"viewport": {"width": 390, "height": 844}, "is_mobile": True,
                      "has_touch": True, "device_scale_factor": 3}, 4),
}
# Resolves with performance.now() (ms since navigation start) on the first animation frame
# where a result is visible and the result count says something was found (it has a digit).
RESULTS_VISIBLE = """() => {
  const item = document.querySelector('.md-search-result__item');
  const meta = document.querySelector('.md-search-result__meta');
  return item && item.checkVisibility() && meta && /\\d/.test(meta.textContent)
    ? performance.now() : false;
}"""


def hant(queries: list[str]) -> list[str]:
    try:
        import opencc
    except ImportError:
        return queries
    to_hant = opencc.OpenCC("s2tw")
    return [to_hant.convert(q) for q in queries]


def measure(browser, url: str, query: str, options: dict, throttle: int) -> dict:
    context = browser.new_context(**options)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        outside: list[str] = []
        local_only(page, outside)
        if throttle > 1:
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        index = {"bytes": 0}
        page.on("requestfinished", lambda r: index.update(bytes=index["bytes"] + r.sizes()["responseBodySize"])
                if "/search/" in r.url else None)
        page.goto(url, wait_until="domcontentloaded")   # the scripts have run by now
        page.keyboard.press("s")                        # the shortcut opens the search
        if not page.is_visible(QUERY):
            page.click("label[for=__search]")

        def search(text: str) -> float:
            start = page.evaluate("performance.now()")
            page.fill(QUERY, text)
            page.press(QUERY, "End")
            return start
        typed = search(query)
        shown = page.wait_for_function(RESULTS_VISIBLE, polling="raf").json_value()
        search("")   # and once more, now that its shards are loaded: the search alone
        page.wait_for_selector(".md-search-result__item", state="detached")
        again = search(query)
        warm = page.wait_for_function(RESULTS_VISIBLE, polling="raf").json_value() - again
        fetched = page.evaluate("""() => Math.max(0, ...performance.getEntriesByType('resource')
            .filter(e => e.name.includes('/search/')).map(e => e.responseEnd)) || null""")
        if outside:
            raise RuntimeError(f"the page requested outside 127.0.0.1: {outside[:3]}")
        return {"total": shown, "typing": shown - typed, "warm": warm, "index_ms": fetched,
                "index_bytes": index.get("bytes")}
    finally:
        context.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--query", action="append", help="Chinese query (default 产业链, 友岸外包); "
                    "converted with OpenCC s2tw for zh-Hant")
    ap.add_argument("--en-query", action="append", help='English query (default "supply chain")')
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--recall", type=int, default=0, help="planted phrases to look for (planted.json)")
    args = ap.parse_args(argv)
    zh = args.query or ["产业链", "友岸外包"]
    editions = [("zh-Hans", "", zh), ("zh-Hant", "zh-Hant/", hant(zh)),
                ("en", "en/", args.en_query or ["supply chain"])]
    editions = [e for e in editions if (args.site / e[1] / "search" / "meta.js").exists()]
    if not editions:
        sys.exit(f"no search/meta.js under {args.site}: build the site first")

    rows = []
    with serve(args.site) as base, chromium() as browser:
        for profile, (options, throttle) in PROFILES.items():
            for edition, prefix, queries in editions:
                for query in queries:
                    runs = [measure(browser, f"{base}/{prefix}", query, options, throttle)
                            for _ in range(max(1, args.runs))]
                    rows.append((profile, edition, query, runs))
                    print(f"{profile} {edition} {query!r}: "
                          + ", ".join(f"{r['total']:.0f} ms" for r in runs), file=sys.stderr)

    def ms(runs, key):
        values = [r[key] for r in runs if r[key] is not None]
        if not values:
            return "–"
        spread = f" ({min(values):.0f}–{max(values):.0f})" if len(values) > 1 else ""
        return f"{statistics.median(values):.0f}{spread}"

    print(f"\nMedian of {args.runs} run(s), ms (min–max):\n")
    print("| profile | edition | query | navigation → results | typing → results "
          "| again, index ready | index arrived | index size |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for profile, edition, query, runs in rows:
        size = runs[0]["index_bytes"]
        size = f"{size / 1e3:.0f} KB" if size else "–"
        print(f"| {profile} | {edition} | {query} | {ms(runs, 'total')} | {ms(runs, 'typing')} "
              f"| {ms(runs, 'warm')} | {ms(runs, 'index_ms')} | {size} |")
    if args.recall:
        recall(args.site, editions, args.recall)
    return 0


def recall(site: Path, editions, n: int) -> None:
    sys.path.insert(0, str(ROOT))
    from build_tools.sources import discover
    planted = json.loads((site.parent / "planted.json").read_text(encoding="utf-8"))[:n]
    slugs = {src.stem: src.slug for src in discover(site.parent / "seeds")[0]}   # as the site names them
    print(f"\nRecall, {len(planted)} planted phrases (desktop, first 10 results):\n")
    print("| edition | found | linked to the paragraph | median ms typing → results |\n| --- | ---: | ---: | ---: |")
    with serve(site) as base, chromium() as browser:
        for edition, prefix, _ in editions:
            found = linked = 0
            times = []
            page = browser.new_page()
            outside: list[str] = []
            local_only(page, outside)
            page.goto(f"{base}/{prefix}")
            page.keyboard.press("s")
            for p in planted:
                phrase = p["phrase"] if edition != "zh-Hant" else hant([p["phrase"]])[0]
                page.fill(QUERY, "")   # the last results gone first, so they are not timed
                page.wait_for_selector(".md-search-result__item", state="detached")
                start = page.evaluate("performance.now()")
                page.fill(QUERY, phrase)
                try:
                    end = page.wait_for_function(RESULTS_VISIBLE, polling="raf", timeout=10_000).json_value()
                    times.append(end - start)
                    page.wait_for_timeout(300)   # excerpts (and the paragraph link) follow
                except Exception:
                    print(f"  no results in {edition} within 10 s: {phrase!r} ({p['source']})", file=sys.stderr)
                    continue
                hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.slice(0, 10).map(e => e.href)")
                ours = [h for h in hrefs if f"/articles/{slugs[p['source']]}/" in h]
                found += bool(ours)
                if not ours:
                    print(f"  missed in {edition}: {phrase!r} ({p['source']}); first: {hrefs[:3]}", file=sys.stderr)
                if ours:
                    anchor = ours[0].partition("#")[2]
                    html = page.evaluate("url => fetch(url).then(r => r.text())", ours[0])
                    m = re.search(rf'id="{anchor}"[^>]*>(.*?)</(p|div)>', html, re.S)
                    linked += bool(anchor and m and phrase in re.sub(r"<[^>]+>", "", m.group(1)))
            if outside:
                raise RuntimeError(f"the page requested outside 127.0.0.1: {outside[:3]}")
            med = statistics.median(times) if times else float("nan")
            print(f"| {edition} | {found}/{len(planted)} ({found / len(planted):.0%}) | {linked}/{len(planted)} | {med:.0f} |")


if __name__ == "__main__":
    sys.exit(main())

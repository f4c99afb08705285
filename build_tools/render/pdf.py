"""Briefing PDFs with WeasyPrint — chosen for CSS paged media (running titles and page
numbers in the margins, contents with target-counter page numbers, PDF bookmarks from the
headings, embedded subset fonts) and byte-identical output for identical input.

Per edition: one PDF per article and a briefing pack. Renders are cached by the hash of
their HTML, and run in a process pool."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from ..editions import converter
from ..fingerprint import fingerprint
from .names import authors_of
from .print_doc import article_body, document, pack_body
from .view import View


def pdf_status(wanted: bool) -> tuple[bool, str]:
    """(enabled, why not): the plugin's `pdf` setting (BRIEFING_PDF=0 turns it off) and
    whether the engine loads."""
    if not wanted:
        return False, "PDFs skipped: `pdf` is off for the briefing plugin in mkdocs.yml (BRIEFING_PDF=0)"
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as e:
        return False, (f"PDFs skipped: WeasyPrint cannot load ({e}). Install it with `pip install weasyprint` "
                       "and its Pango library with `apt-get install libpango-1.0-0 libpangoft2-1.0-0`, "
                       "and CJK fonts with `apt-get install fonts-noto-cjk`")
    return True, ""


PACK = "briefing-pack.pdf"   # each edition's pack, in that edition's pdf/ folder


def _render(html: str) -> bytes:
    import weasyprint
    return weasyprint.HTML(string=html).write_pdf()


def print_documents(settings, articles, views: dict[str, View]) -> dict[str, str]:
    """Print HTML for every PDF, keyed by its path below docs/."""
    to_hant = converter(settings)
    dates = [a.source.meta["date"] for a in articles if a.source.meta.get("date")]
    date_text = max(dates).isoformat() if dates else ""
    out = {}
    for edition, prefix in (("zh-Hans", ""), ("zh-Hant", "zh-Hant/"), ("en", "en/")):
        view = views["en" if edition == "en" else "zh-Hans"]
        convert = to_hant if edition == "zh-Hant" else (lambda s: s)
        for a in articles:
            created = a.source.meta["date"].isoformat() if a.source.meta.get("date") else ""
            authors = view.ui["separator"].join(x.shown for x in authors_of(a, view))
            html = document(a.title, view, article_body(a, view, 1, edition), authors, created)
            html = convert(html).replace('lang="zh-Hans"', f'lang="{edition}"', 1)
            if edition == "zh-Hant" and view.base_url:   # the citation's own address
                html = html.replace(view.base_url + "articles/", view.base_url + "zh-Hant/articles/")
            out[f"{prefix}pdf/{a.source.slug}.pdf"] = html
        name = settings.site_name_en if edition == "en" else settings.site_name
        html = document(name, view, pack_body(articles, view, name, date_text, edition), created=date_text)
        out[f"{prefix}pdf/{PACK}"] = convert(html).replace('lang="zh-Hans"', f'lang="{edition}"', 1)
    return out


def render_pdfs(settings, docs: dict[str, str], workers: int | None = None) -> dict[str, bytes]:
    """Render (or take from the cache) every PDF."""
    import weasyprint
    cache = settings.cache / "pdf"
    cache.mkdir(parents=True, exist_ok=True)
    key = {rel: fingerprint(weasyprint.__version__, html, length=64) for rel, html in docs.items()}
    todo = [rel for rel in docs if not (cache / f"{key[rel]}.pdf").exists()]
    if todo:
        # the longest documents first, so the pool finishes together
        todo.sort(key=lambda rel: -len(docs[rel]))
        with ProcessPoolExecutor(max_workers=workers or min(len(todo), os.cpu_count() or 1)) as pool:
            for rel, data in zip(todo, pool.map(_render, [docs[r] for r in todo])):
                tmp = cache / f".{key[rel]}.tmp"
                tmp.write_bytes(data)
                tmp.replace(cache / f"{key[rel]}.pdf")
    return {rel: (cache / f"{key[rel]}.pdf").read_bytes() for rel in docs}

"""Briefing PDFs with WeasyPrint — chosen for CSS paged media (running titles and page
numbers in the margins, contents with target-counter page numbers, PDF bookmarks from the
headings, embedded subset fonts) and byte-identical output for identical input.

Per edition: one PDF per article and a briefing pack (print_doc.py writes their HTML). Renders are cached by the hash of
their HTML, and run in a process pool."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from ..fingerprint import fingerprint


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


def _render(html: str) -> bytes:
    import weasyprint
    return weasyprint.HTML(string=html).write_pdf()


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

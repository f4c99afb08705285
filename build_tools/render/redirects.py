"""Old article addresses keep working: seeds/redirects.yml maps each old slug (the address
`articles/<old>/`) to the source file whose article now lives elsewhere. Naming the source,
not its new slug, means a later change of slug needs only the newer old address added.

A redirect is a static page (no server rules on GitHub Pages): a meta refresh, a canonical
link for search engines and a plain link, written in the URL style of the build
(articles/<old>/index.html, or articles/<old>.html for `make offline`)."""
from __future__ import annotations

import html
import json
from pathlib import Path

import yaml

from ..reading import SourceError
from ..sources import SIDECAR_SCHEMA

FILE = "redirects.yml"
_valid_slug = SIDECAR_SCHEMA["slug"][0]


def load_redirects(seeds: Path, sources) -> tuple[dict[str, str], list[SourceError]]:
    """old slug -> current slug, and every problem in the file (with its line). An entry
    for a source that is no longer there is left out (`briefing check` lists it)."""
    path = seeds / FILE
    if not path.exists():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        mark = getattr(e, "problem_mark", None)
        return {}, [SourceError(path, f"cannot read: {getattr(e, 'problem', e)}", mark.line + 1 if mark else None)]
    if not isinstance(data, dict):
        return {}, [SourceError(path, "must map old article slugs to source file names", 1)]
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value} if node else {}
    by_file = {s.path.name: s for s in sources} | {s.stem: s for s in sources}
    current = {s.slug for s in sources}
    out, errors = {}, []
    for old, target in data.items():
        old, line = str(old), lines.get(str(old))
        if not _valid_slug(old):
            errors.append(SourceError(path, f"'{old}' is not a slug (lowercase letters, digits, hyphens)", line))
        elif old in current:
            errors.append(SourceError(path, f"'{old}' is the address of a current article; remove the redirect", line))
        elif str(target) not in by_file:   # the article is gone too: so is its old address
            continue
        elif by_file[str(target)].slug != old:
            out[old] = by_file[str(target)].slug
    return out, errors


def gone(seeds: Path, sources) -> list[str]:
    """Entries of redirects.yml whose source is no longer in seeds/."""
    path = seeds / FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    names = {s.path.name for s in sources} | {s.stem for s in sources}
    return [f"{path}: '{old}' redirects to {target}, which is not a source any more"
            for old, target in (data.items() if isinstance(data, dict) else []) if str(target) not in names]


def _page(target: str, absolute: str, lang: str, text: str) -> str:
    href = html.escape(target, quote=True)
    canonical = html.escape(absolute or target, quote=True)
    # The script keeps the #fragment, which a meta refresh drops (escaped for a <script>).
    script = json.dumps(target).replace("<", "\\u003c")
    return (f'<!doctype html>\n<html lang="{html.escape(lang, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{html.escape(text)}</title>\n<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{canonical}">\n<meta http-equiv="refresh" content="0; url={href}">\n'
            f'<script>location.replace({script} + location.hash)</script>\n</head>\n'
            f'<body>\n<p><a href="{href}">{html.escape(text)}</a></p>\n</body>\n</html>\n')


def redirect_pages(redirects: dict[str, str], lang: str, text: str, base_url: str = "",
                   directory_urls: bool = True) -> dict[str, str]:
    """Pages below one edition's docs folder, in the site's URL style; `base_url`: that
    edition's absolute address (with a trailing slash), or "" when the site has none."""
    pages = {}
    for old, new in sorted(redirects.items()):
        absolute = f"{base_url}articles/{new}/" if base_url else ""
        if directory_urls:
            pages[f"articles/{old}/index.html"] = _page(f"../{new}/", absolute, lang, text)
        else:
            pages[f"articles/{old}.html"] = _page(f"{new}.html", absolute, lang, text)
    return pages

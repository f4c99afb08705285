"""What Material's templates leave unnamed for assistive technology, named on the built
page (MkDocs' on_post_page): the search dialog. Material's markup for it is checked; if a
newer Material writes it differently, the page is left as it is and a warning says so."""
from __future__ import annotations

import logging

_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
log = logging.getLogger("mkdocs.hooks.briefing")
_warned = False


def name_search_dialog(html: str, label: str) -> str:
    global _warned
    if _SEARCH_DIALOG in html:
        from html import escape
        return html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{escape(label, quote=True)}">', 1)
    if 'data-md-component="search"' in html and 'role="dialog" aria-label' not in html and not _warned:
        _warned = True
        log.warning("briefing: Material's search dialog markup changed; its name (aria-label) was not added")
    return html

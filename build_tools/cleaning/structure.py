"""Structure found in the remaining lines, one module per job: blocks (tables, captions,
lists), outline (headings an article announces), numbered_headings, title_lines
(unnumbered headings), levels (heading levels), over grammar (numbering kinds, article
numbers, word boundaries at line ends). This module keeps the names other modules used
to import from here."""
from __future__ import annotations

from .blocks import detect_captions, detect_lists, detect_tables  # noqa: F401
from .grammar import (ARTICLE, CN_NUM, HEADING_PATTERNS, KIND_RANK, MAX_HEADING, OPEN_ENDINGS,  # noqa: F401
                      _numbered, _opens_with_conjunction, _prev_closes, _short_plain, _word_spans)
from .levels import heading_levels  # noqa: F401
from .numbered_headings import detect_numbered_headings  # noqa: F401
from .outline import detect_outline_headings  # noqa: F401
from .title_lines import detect_title_lines  # noqa: F401

"""briefing: turn Chinese research texts extracted from PDFs into a bilingual briefing site.

The pipeline is a small compiler: read (bytes -> text) -> clean (text -> Document) ->
enrich (Document -> annotated Document) -> render (Document -> Markdown / JSON / PDF).
"""

import os as _os

__version__ = "0.1.0"

# NumPy asks the kernel for transparent huge pages for every array of 4 MB or more (read when
# numpy is imported, so set before any module of ours imports it). Where faulting them in is
# slow, as on the 2-core machines here, the related-articles products at 10,000 articles took
# 11.1 s with them and 4.0 s without (benchmarks/README, eighth round). An explicit setting
# in the environment wins.
_os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")

"""briefing: turn Chinese research texts extracted from PDFs into a bilingual briefing site.

The pipeline is a small compiler: read (bytes -> text) -> clean (text -> Document) ->
enrich (Document -> annotated Document) -> render (Document -> Markdown / JSON / PDF).
"""

__version__ = "0.1.0"

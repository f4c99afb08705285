"""Full-text search of every edition, in the reader's browser, from static files.

Why our own index rather than Material's lunr or Pagefind (numbers in benchmarks/README.md):
Material's worker builds a lunr index from the whole index file before the first result,
so its cost grows with the corpus (3.0-4.9 s at 5,000 sources with titles only). Pagefind
loads fragments, but reads them with fetch() and WebAssembly, which do not work from
file:// (the offline copy), splits Chinese queries with its own dictionary (友岸外包 into
characters), indexes the built pages (62 s and 6.2 GB per edition at 5,000) and links a
custom record to its page, not to a paragraph.

Here: `records.py` turns the document model into one record per page and edition — a unit
per paragraph, heading, list, table and footnote, each with its anchor, holding its words:
jieba with the glossary as user dictionary (so glossary terms are single words), the
Traditional edition the same words converted, English lightly stemmed (`tokens.py`).
`index.py` writes an inverted index of (page, unit) postings in shards that are scripts:
a query loads only the shards of the words it has, by <script> element, which works over
HTTP and from file:// alike. The browser (theme/assets/javascripts/briefing-search.js)
splits a Chinese query with the index's own vocabulary (the words the pages were cut into),
so query and pages are cut the same way without shipping a dictionary."""

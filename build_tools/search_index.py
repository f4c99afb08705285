"""The search index of one edition's MkDocs build: Material's entries for the pages its
search plugin parses, and ours for the generated pages (made from the document model by
`briefing build`, render/search_entries.py), which Material is told to leave out (its
documented `search: exclude`). Written in the order of the documentation files, so a
--dirty build and a full build write the same index; with --dirty Material only sees the
changed pages, so its entries for the others are kept from the last build."""
from __future__ import annotations

import json
from pathlib import Path

from .render.search_entries import INDEX_FILE


class SearchIndex:
    def __init__(self):
        self.ours: dict = {}          # src_uri -> {"tags": [...], "entries": [[anchor, title, text]]}
        self.built: set[str] = set()  # URLs of the pages built this time
        self.files = None

    def load(self, docs_dir: str, files) -> None:
        path = Path(docs_dir) / INDEX_FILE
        self.ours = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        self.files, self.built = files, set()

    def has(self, src_uri: str) -> bool:
        return src_uri in self.ours

    def docs(self, material_docs: list[dict], saved: Path, dirty: bool) -> list[dict]:
        """Every entry of the index; `saved` keeps Material's entries between builds."""
        by_page: dict[str, list] = {}
        for doc in material_docs:
            by_page.setdefault(doc["location"].split("#")[0], []).append(doc)
        if dirty and saved.exists():
            for url, docs in json.loads(saved.read_text(encoding="utf-8")).items():
                if url not in self.built and url not in by_page:
                    by_page[url] = docs
        pages = self.files.documentation_pages() if self.files is not None else []
        urls = {f.url for f in pages}
        by_page = {url: docs for url, docs in by_page.items() if url in urls}
        # (entries keep their own key order: the index must not depend on where they came from)
        text = json.dumps(dict(sorted(by_page.items())), ensure_ascii=False)
        if not saved.exists() or saved.read_text(encoding="utf-8") != text:
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_text(text, encoding="utf-8")
        out = []
        for f in pages:
            out += by_page.get(f.url, [])
            ours = self.ours.get(f.src_uri)
            for n, (anchor, title, text) in enumerate(ours["entries"] if ours else []):
                entry = {"location": f.url + (f"#{anchor}" if anchor else ""), "title": title, "text": text}
                if n == 0 and ours["tags"]:
                    entry["tags"] = ours["tags"]
                out.append(entry)
        return out

    def write(self, site_dir: str, saved: Path, dirty: bool) -> None:
        """Rewrite the index Material wrote, whole, as UTF-8 (Material writes \\uXXXX escapes:
        as UTF-8 it is half the size)."""
        index = Path(site_dir) / "search" / "search_index.json"
        if index.exists():
            data = json.loads(index.read_text(encoding="utf-8"))
            data["docs"] = self.docs(data["docs"], saved, dirty)
            index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

"""The page writer: pages handed over edition by edition reach docs/ only on commit."""
from __future__ import annotations

import pytest

from build_tools.page_writer import PageWriter
from build_tools.render.page_cache import KEPT


def _tree(folder):
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


def test_nothing_reaches_docs_before_commit_and_a_discarded_build_changes_nothing(tmp_path):
    docs = tmp_path / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "articles" / "a.md").write_text("old a", encoding="utf-8")
    (docs / "articles" / "gone.md").write_text("old", encoding="utf-8")
    (docs / "guide.md").write_text("hand-written", encoding="utf-8")
    before = _tree(docs)
    writer = PageWriter(docs, ("articles", "index.md"), tmp_path / "staging")
    writer.add({"articles/a.md": "new a", "articles/b.md": "b"})
    writer.add({"index.md": "home"})
    assert _tree(docs) == before
    writer.discard()
    assert _tree(docs) == before
    assert not (tmp_path / "staging").exists()


def test_commit_writes_changed_pages_keeps_the_rest_and_removes_pages_no_longer_made(tmp_path):
    docs = tmp_path / "docs"
    (docs / "articles" / "old").mkdir(parents=True)
    (docs / "articles" / "a.md").write_text("same", encoding="utf-8")
    (docs / "articles" / "k.md").write_text("kept", encoding="utf-8")
    (docs / "articles" / "old" / "x.md").write_text("old", encoding="utf-8")
    (docs / "guide.md").write_text("hand-written", encoding="utf-8")
    writer = PageWriter(docs, ("articles", "index.md"), tmp_path / "staging")
    writer.add({"articles/a.md": "same", "articles/k.md": KEPT})
    writer.add({"articles/b.md": "新的", "index.md": b"home"})
    result = writer.commit()
    assert _tree(docs) == {"articles/a.md": "same", "articles/k.md": "kept", "articles/b.md": "新的",
                           "index.md": "home", "guide.md": "hand-written"}
    assert result.written == ["articles/b.md", "index.md"]
    assert (result.unchanged, result.kept) == (1, 1)
    assert result.deleted == ["articles/old/x.md"]
    assert not (docs / "articles" / "old").exists()   # left empty: removed
    assert not (tmp_path / "staging").exists()


def test_a_page_made_twice_is_an_error(tmp_path):
    writer = PageWriter(tmp_path / "docs", ("articles",), tmp_path / "staging")
    writer.add({"articles/a.md": "one"})
    with pytest.raises(ValueError, match="articles/a.md"):
        writer.add({"articles/a.md": "two"})

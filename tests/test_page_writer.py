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


def test_a_commit_cut_short_never_leaves_a_record_vouching_for_a_page_not_there(tmp_path, monkeypatch):
    """A key in .search/keys.json is taken as its page's and its record's (render/page_cache.py,
    search/record_store.py): after a commit stopped at any rename, the next build (its writer
    reads the journal the commit left) keeps no page, nor record, that is not the one of that key."""
    crash_at = 0
    while _commit_cut_short(tmp_path / str(crash_at), monkeypatch, crash_at):
        crash_at += 1
    assert crash_at >= 5   # it stopped once at each rename: 3 pages, 1 to 3 shards, keys.json


def _commit_cut_short(tmp_path, monkeypatch, crash_at: int) -> bool:
    """The second build's commit stopped at rename `crash_at`, then checked; False when the
    commit had fewer renames (it completed)."""
    import os
    from build_tools.render.page_cache import PageCache
    from build_tools.search.record_store import Records, RecordStore
    docs = tmp_path / "docs"

    def made(names, version):
        records = Records(RecordStore(docs))
        pages = {}
        for n in names:
            rel = f"articles/{n}.md"
            pages[rel] = f'---\nbriefing_key: "{version}-{n}"\n---\n{version}'
            records[rel] = {"key": f"{version}-{n}", "title": version, "tags": [], "units": []}
        return pages | records.files()
    first = PageWriter(docs, ("articles", ".search"), tmp_path / "staging")
    first.add(made("ab", "old"))
    first.commit()
    writer = PageWriter(docs, ("articles", ".search"), tmp_path / "staging")
    writer.add(made("abc", "new"))
    replace, calls = os.replace, []

    def failing(src, dst):
        if len(calls) == crash_at:
            raise OSError("killed")
        calls.append(dst)
        replace(src, dst)
    monkeypatch.setattr(os, "replace", failing)
    try:
        writer.commit()
        return False
    except OSError:
        pass
    finally:
        monkeypatch.setattr(os, "replace", replace)
    cache = PageCache(docs, untrusted=PageWriter(docs, ("articles", ".search"), tmp_path / "staging").untrusted)
    for n in "abc":
        rel = f"articles/{n}.md"
        for key in (f"old-{n}", f"new-{n}"):
            if cache.has(rel, key):
                assert (docs / rel).read_text(encoding="utf-8").startswith(f'---\nbriefing_key: "{key}"'), \
                    (crash_at, n, key)
                assert cache.records[rel]["key"] == key, (crash_at, n, key)
    return True


def test_a_completed_commit_leaves_records_trusted(tmp_path):
    docs = tmp_path / "docs"
    writer = PageWriter(docs, ("articles",), tmp_path / "staging")
    writer.add({"articles/a.md": "a"})
    writer.commit()
    assert PageWriter(docs, ("articles",), tmp_path / "staging").untrusted == frozenset()

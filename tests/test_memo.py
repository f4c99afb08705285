"""Results kept across builds: what a build did not ask for again is kept (pages that were
not rebuilt do not ask), but the file does not grow without bound."""
from build_tools.memo import PersistentMemo


def test_kept_across_builds_including_what_was_not_asked_again(tmp_path):
    path = tmp_path / "memo.pickle"
    first = PersistentMemo(path)
    first.put("产业链", "产业链")
    first.put("友岸外包", "友岸外包")
    first.save()
    second = PersistentMemo(path)
    assert second.get("产业链") == "产业链"   # asked again
    second.save()
    third = PersistentMemo(path)
    assert third.get("友岸外包") == "友岸外包" and third.get("新") is None


def test_a_memo_much_larger_than_what_is_used_is_cut_to_what_is_used(tmp_path):
    path = tmp_path / "memo.pickle"
    big = PersistentMemo(path)
    for n in range(25_000):
        big.put(f"t{n}", n)
    big.save()
    small = PersistentMemo(path)
    small.put("only", 1)
    small.save()
    assert PersistentMemo(path).had == {"only": 1}


def test_an_unreadable_file_is_an_empty_memo(tmp_path):
    path = tmp_path / "memo.pickle"
    path.write_bytes(b"not a pickle")
    assert PersistentMemo(path).get("x") is None


def test_a_value_made_in_this_build_is_not_made_again(tmp_path):
    made = []
    memo = PersistentMemo(tmp_path / "memo.pickle")

    def cut(text):
        made.append(text)
        return text.split()
    assert memo.through("k", cut, "产业 链") == ["产业", "链"]
    assert memo.through("k", cut, "产业 链") == ["产业", "链"]
    memo.put("p", ["预先"])   # made in bulk (Words.prefetch)
    assert memo.through("p", cut, "预先") == ["预先"]
    assert made == ["产业 链"]

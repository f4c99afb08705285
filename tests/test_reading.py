"""Reader: bytes to text, and clear errors for bad input."""
from __future__ import annotations

import codecs

import pytest

from build_tools.reading import SourceError, read_source

TEXT = "产业链安全是技术与创新决定的结构问题。\n美国《芯片与科学法案》。\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("gb18030", b""), ("big5", b""),
])
def test_encodings_decode_to_the_same_text(tmp_path, encoding, prefix):
    text = TEXT if encoding != "big5" else "產業鏈安全是技術與創新決定的結構問題。\n"
    path = tmp_path / "s.txt"
    path.write_bytes(prefix + text.encode(encoding))
    assert read_source(path).text == text


def test_gbk_text_with_rare_characters_is_read_as_gb18030(tmp_path):
    path = tmp_path / "s.txt"
    path.write_bytes("中国高端制造业存在技术水平相对落后的问题。𠀀".encode("gb18030"))
    assert read_source(path).text.startswith("中国高端制造业")


def test_line_endings_nfc_and_control_characters(tmp_path):
    path = tmp_path / "s.txt"
    path.write_bytes("第一行\r\n第二行\r第三\x07行\u200b\f第四行\n".encode())
    source = read_source(path)
    assert source.text == "第一行\n第二行\n第三行\n第四行\n"
    assert [(r.text, r.line) for r in source.removed] == [("\x07", 3), ("\u200b", 3)]
    decomposed = tmp_path / "d.txt"
    decomposed.write_bytes("Cafe\u0301".encode())
    assert read_source(decomposed).text == "Café"


def test_lookalike_radicals_are_mapped_but_full_width_punctuation_is_kept(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("⾼端制造业的发展⻓期向好：（一）产业⻔类。", encoding="utf-8")
    source = read_source(path)
    assert source.text == "高端制造业的发展长期向好：（一）产业门类。"
    assert any(name == "read.lookalikes" for name, _ in source.changes)


@pytest.mark.parametrize("data,message", [
    (b"", "empty file"), (b"  \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"\x00\x01\x02\x03\xff\xfe\xfd" * 20, "binary"),
])
def test_bad_files_are_errors_that_name_the_file(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(SourceError) as e:
        read_source(path)
    assert "bad.txt" in str(e.value) and message in str(e.value)


def test_undecodable_file_error_names_the_line(tmp_path):
    path = tmp_path / "bad.txt"
    # Valid UTF-8 lines, then bytes that are neither UTF-8, GB18030 nor Big5.
    path.write_bytes("第一行\n第二行\n".encode() + b"\x80\x80\xff\xff\x80\n")
    with pytest.raises(SourceError) as e:
        read_source(path)
    assert "bad.txt:3" in str(e.value)

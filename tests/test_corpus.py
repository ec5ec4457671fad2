"""Corpus loading: encodings, broken files, and one bad file not stopping the rest."""
from __future__ import annotations

from app.corpus import corpus_fingerprint, load_corpus


def test_utf8_bom_gb18030_and_broken_files(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeff知识产权工作要点。".encode("utf-8"))
    (tmp_path / "gbk.txt").write_bytes("加强知识产权保护。\r\n".encode("gb18030"))
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "empty.md").write_text("  \n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfd\x80\x81" * 10)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF")  # every registered format is read, and checked
    (tmp_path / "skip.exe").write_bytes(b"MZ")
    docs, issues = load_corpus(tmp_path)
    by_id = {d.doc_id: d for d in docs}
    assert by_id["bom.txt"].text == "知识产权工作要点。"
    assert by_id["gbk.txt"].text == "加强知识产权保护。\n" and by_id["gbk.txt"].encoding == "gb18030"
    messages = {i.doc_id: i.message for i in issues}
    assert set(messages) == {"bin.txt", "empty.md", "bad.txt", "broken.pdf"}
    assert "broken.pdf" in messages["broken.pdf"] and "损坏" in messages["broken.pdf"]
    assert "bin.txt" in messages["bin.txt"] and "文本" in messages["bin.txt"]
    assert "空" in messages["empty.md"]
    assert "编码" in messages["bad.txt"]


def test_too_large_file_is_skipped_with_message(tmp_path):
    (tmp_path / "big.txt").write_text("大" * 2000, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("正常文件。", encoding="utf-8")
    docs, issues = load_corpus(tmp_path, max_bytes=1000)
    assert [d.doc_id for d in docs] == ["ok.txt"]
    assert "过大" in issues[0].message


def test_fingerprint_follows_content(tmp_path):
    (tmp_path / "a.txt").write_text("第一版。", encoding="utf-8")
    first = corpus_fingerprint(load_corpus(tmp_path)[0])
    (tmp_path / "a.txt").write_text("第二版。", encoding="utf-8")
    assert corpus_fingerprint(load_corpus(tmp_path)[0]) != first

from __future__ import annotations

import io
import json
from pathlib import Path

from patronage.ingest import read_inputs
from patronage.model.records import Article, Failure


def _items(paths: list[str], **kw: object) -> list[Article | Failure]:
    return list(read_inputs(paths, **kw))  # type: ignore[arg-type]


def test_txt_first_line_is_title(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("A headline\n\nThe body of the article.\n", encoding="utf-8")
    (item,) = _items([str(f)], default_date="2020-01-02")
    assert isinstance(item, Article)
    assert item.title == "A headline"
    assert "body of the article" in (item.text or "")
    assert item.date == "2020-01-02"
    assert item.doc_id.startswith("sha256:")


def test_doc_id_is_stable_and_content_based(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Title\nBody one.", encoding="utf-8")
    first = _items([str(f)])[0]
    second = _items([str(f)])[0]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.doc_id == second.doc_id
    f.write_text("Title\nBody two.", encoding="utf-8")
    third = _items([str(f)])[0]
    assert isinstance(third, Article) and third.doc_id != first.doc_id


def test_jsonl_given_id_and_fields(small_jsonl: Path) -> None:
    items = _items([str(small_jsonl)])
    assert [i.doc_id for i in items] == ["t-1", "t-2"]
    assert all(isinstance(i, Article) for i in items)
    assert items[0].date == "2021-03-04"  # type: ignore[union-attr]


def test_jsonl_bad_lines_become_failures_and_good_lines_survive(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text(
        '{"id": "ok", "text": "Fine text here."}\n'
        "{not json\n"
        '["a list"]\n'
        '{"id": "notext"}\n'
        '{"id": "badtype", "text": 42}\n'
        '{"id": "baddate", "text": "Some text.", "date": "2021-02-30"}\n',
        encoding="utf-8",
    )
    items = _items([str(f)])
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [a.doc_id for a in articles] == ["ok", "baddate"]
    assert articles[1].date is None
    messages = " | ".join(f.message for f in failures)
    assert "malformed JSON" in messages
    assert "expected a JSON object" in messages
    assert "no text or html" in messages
    assert "must be a string" in messages
    assert "impossible date" in messages
    assert {f.level for f in failures if f.doc == "baddate"} == {"warning"}
    assert failures[0].doc.endswith("mixed.jsonl:2")


def test_directory_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("T2\nbody", encoding="utf-8")
    (tmp_path / "one.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("H\nbody", encoding="utf-8")
    items = _items([str(tmp_path)])
    origins = [Path(i.origin).name for i in items if isinstance(i, Article)]
    assert origins == ["one.html", "two.txt"]


def test_unreadable_binary_empty_and_missing(tmp_path: Path) -> None:
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    items = _items([str(binary), str(empty), str(tmp_path / "nope.txt")])
    assert all(isinstance(i, Failure) for i in items)
    assert [i.message for i in items if isinstance(i, Failure)] == [
        "binary file, not text",
        "empty input",
        "no such file or directory",
    ]


def test_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "latin.txt"
    f.write_bytes("Titre\nLe président a parlé à la télévision française hier soir.".encode("cp1252"))
    (item,) = _items([str(f)])
    assert isinstance(item, Article)
    assert "président" in (item.text or "")


def test_stdin_jsonl_and_text() -> None:
    data = json.dumps({"id": "s1", "title": "T", "text": "Body."}).encode() + b"\n"
    (item,) = _items(["-"], stdin=io.BytesIO(data))
    assert isinstance(item, Article) and item.doc_id == "s1"
    (item,) = _items(["-"], stdin=io.BytesIO(b"Plain title\nPlain body."))
    assert isinstance(item, Article) and item.title == "Plain title"

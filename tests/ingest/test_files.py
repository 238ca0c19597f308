"""Bounded reads (issue #20, items 1-4 and 8): only regular files, every read capped, never a hang."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from patronage.errors import InputError
from patronage.ingest import read_inputs
from patronage.ingest.files import bounded_lines, open_regular, read_capped, with_head
from patronage.model.records import Article, Failure

GOOD = "Talks\nIran threatened Israel on Friday.\n"


def _items(paths: list[str], stdin: io.BytesIO | None = None) -> list[Article | Failure]:
    """Read with a watchdog: a read that hangs fails the test instead of the suite."""
    out: list[list[Article | Failure]] = []
    thread = threading.Thread(target=lambda: out.append(list(read_inputs(paths, None, stdin))), daemon=True)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive(), "reading hung"
    return out[0]


def _failures(items: list[Article | Failure]) -> dict[str, str]:
    return {f.doc: f.message for f in items if isinstance(f, Failure)}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_in_a_folder_is_a_failure_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.txt")
    items = _items([str(tmp_path)])
    assert [i.origin for i in items if isinstance(i, Article)] == [str(tmp_path / "good.txt")]
    assert "FIFO" in _failures(items)[str(tmp_path / "fifo.txt")]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("name", ["zero.txt", "zero.jsonl", "zero.html"])
def test_symlink_to_dev_zero_is_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / name).symlink_to("/dev/zero")
    items = _items([str(tmp_path / name)])
    assert "character device" in _failures(items)[str(tmp_path / name)]


def test_a_regular_file_is_opened_and_anything_else_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"x")
    with open_regular(tmp_path / "a.txt") as fh:
        assert fh.read() == b"x"
    with pytest.raises(InputError, match="directory"):
        open_regular(tmp_path)
    with pytest.raises(InputError, match="No such file"):
        open_regular(tmp_path / "missing.txt")


class _Endless(io.RawIOBase):
    """Standard input that never ends: ``pattern`` repeated forever, counting what was read."""

    def __init__(self, pattern: bytes) -> None:
        self.pattern = pattern * (65536 // len(pattern) + 1)
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        n = min(len(buffer), len(self.pattern))
        buffer[:n] = self.pattern[:n]
        self.served += n
        return n


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        (b"Endless text without a break ", "input too large"),
        (b"\x00", "input too large"),
        (b'{"id": "x", "text": "' + b"a" * 100, "line longer than"),
    ],
    ids=["text", "zeros", "jsonl-line"],
)
def test_endless_stdin_ends_in_a_failure(
    monkeypatch: pytest.MonkeyPatch, pattern: bytes, message: str
) -> None:
    import patronage.ingest.readers as readers

    # small caps so the test reads megabytes, not the real 64 MB
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1 << 20)
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 1 << 20)
    raw = _Endless(pattern)
    items = _items(["-"], io.BufferedReader(raw))  # type: ignore[arg-type]
    failures = [i for i in items if isinstance(i, Failure)]
    assert failures and message in failures[0].message, failures
    assert not any(isinstance(i, Article) for i in items)
    assert raw.served < 8 << 20, "reading stopped soon after the cap"


def test_bounded_lines_skip_an_overlong_line_and_keep_the_next() -> None:
    data = b"short\n" + b"x" * 50 + b"\nafter\n"
    lines = list(bounded_lines(io.BytesIO(data), 20))
    assert lines[0] == b"short\n"
    assert isinstance(lines[1], InputError)
    assert lines[2:] == [b"after\n"]


def test_read_capped_counts_bytes_read_not_st_size() -> None:
    assert read_capped(io.BytesIO(b"abc"), 3) == b"abc"
    with pytest.raises(InputError, match="too large"):
        read_capped(io.BytesIO(b"abcd"), 3)
    assert with_head(b"ab", io.BytesIO(b"c\nd")).readline() == b"abc\n"


def test_jsonl_stdin_is_streamed_line_by_line() -> None:
    lines = b"".join(b'{"id": "s%d", "text": "Iran threatened Israel."}\n' % i for i in range(50))
    items = _items(["-"], io.BytesIO(b"  \n" + lines))
    assert [i.doc_id for i in items] == [f"s{i}" for i in range(50)]


def test_undecodable_jsonl_file_name_is_an_origin_like_any_other(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/odd\xffname.jsonl"
    with open(name, "wb") as fh:
        fh.write(b'{"id": "odd", "text": "Russia and Turkey held talks."}\n{"broken\n')
    items = _items([str(tmp_path)])
    (article,) = [i for i in items if isinstance(i, Article)]
    (failure,) = [i for i in items if isinstance(i, Failure)]
    for origin in (article.origin, failure.doc):
        origin.encode("utf-8")  # no surrogates left
        assert "odd\ufffdname.jsonl:" in origin


def test_number_literal_over_the_digit_limit_is_one_failure(tmp_path: Path) -> None:
    src = tmp_path / "n.jsonl"
    src.write_text(
        '{"id": "a", "text": "Iran threatened Israel."}\n'
        '{"id": "big", "n": ' + "9" * 5000 + ', "text": "x"}\n'
        '{"id": ' + "7" * 4301 + ', "text": "y"}\n'
        '{"id": "b", "text": "Turkey praised Qatar."}\n',
        encoding="utf-8",
    )
    items = _items([str(src)])
    assert [i.doc_id for i in items if isinstance(i, Article)] == ["a", "b"]
    failures = _failures(items)
    assert set(failures) == {f"{src}:2", f"{src}:3"}
    assert all("unreadable JSON" in m for m in failures.values())


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads anything")
def test_unreadable_subdirectory_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        items = _items([str(tmp_path)])
    finally:
        locked.chmod(0o755)
    assert "cannot read directory" in _failures(items)[str(locked)]


def test_unreadable_subdirectory_is_a_failure_whoever_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same, with the walk's error simulated, so the test runs as root too."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_walk = os.walk

    def walk(top: str, onerror: object = None, **kw: object):  # type: ignore[no-untyped-def]
        for entry in real_walk(top, **kw):  # type: ignore[call-overload]
            if entry[0] == str(tmp_path / "locked"):
                onerror(PermissionError(13, "Permission denied", entry[0]))  # type: ignore[operator]
                continue
            yield entry

    monkeypatch.setattr(os, "walk", walk)
    items = _items([str(tmp_path)])
    assert _failures(items) == {str(tmp_path / "locked"): "cannot read directory: Permission denied"}
    assert len([i for i in items if isinstance(i, Article)]) == 1

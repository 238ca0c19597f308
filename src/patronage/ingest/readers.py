"""Read articles from files, directories, JSONL and stdin.

Every input becomes an :class:`Article` or a :class:`Failure`; nothing raises
past :func:`read_inputs`, so one bad file never stops a run. Only regular files
are read and every read is bounded (:mod:`patronage.ingest.files`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from patronage.errors import InputError
from patronage.ingest.chars import normalise_field
from patronage.ingest.decode import decode_bytes, wide_codec
from patronage.ingest.files import (
    MAX_FILE_BYTES,
    MAX_LINE_BYTES,
    bounded_lines,
    open_regular,
    read_capped,
    wide_lines,
    with_head,
)
from patronage.ingest.ids import make_doc_id
from patronage.ingest.records import jsonl_items, scrub
from patronage.model.records import Article, Failure

__all__ = ["MAX_FILE_BYTES", "SUFFIXES", "origin_of", "read_inputs", "scrub"]

SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
#: bytes of standard input looked at to tell JSONL, HTML and text apart
_SNIFF_BYTES = 2048

Item = Article | Failure


def origin_of(path: str | os.PathLike[str]) -> str:
    """How a path is named in records: decoded, surrogates replaced, one normalised line."""
    return normalise_field(os.fsdecode(path))


def read_inputs(
    paths: Sequence[str], default_date: str | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Yield an :class:`Article` or :class:`Failure` for every article in ``paths``.

    ``-`` reads standard input (JSONL, HTML or text, sniffed; JSONL is streamed). Directories are
    walked recursively in sorted order; files of unknown type inside them are skipped, and a
    sub-directory that cannot be read is a failure.
    """
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(stdin, default_date)
            continue
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path):
                if isinstance(found, Failure):
                    yield found
                else:
                    yield from _read_file(found, SUFFIXES[found.suffix.lower()], default_date)
        elif path.exists():
            yield from _read_file(path, SUFFIXES.get(path.suffix.lower(), "txt"), default_date)
        else:
            yield Failure(origin_of(raw), "ingest", "InputError", "no such file or directory")


def _walk(root: Path) -> Iterator[Path | Failure]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        yield from _walk_errors(errors)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            file = Path(dirpath) / name
            if not name.startswith(".") and file.suffix.lower() in SUFFIXES:
                yield file
    yield from _walk_errors(errors)


def _walk_errors(errors: list[OSError]) -> Iterator[Failure]:
    while errors:
        exc = errors.pop(0)
        where = origin_of(exc.filename) if exc.filename else "directory"
        yield Failure(where, "ingest", "InputError", f"cannot read directory: {exc.strerror or exc}")


def _sniff(data: bytes) -> str:
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "jsonl"
    if head[:1] == b"<":
        return "html"
    return "txt"


def _read_stdin(stdin: IO[bytes] | None, default_date: str | None) -> Iterator[Item]:
    origin = "<stdin>"
    if stdin is None:
        yield Failure(origin, "ingest", "InputError", "empty input")
        return
    head = b""
    while len(head) < _SNIFF_BYTES and not head.lstrip(b"\xef\xbb\xbf \t\r\n"):
        chunk = stdin.read(_SNIFF_BYTES - len(head))
        if not chunk:
            break
        head += chunk
    codec = wide_codec(head)
    if _sniff(head) == "jsonl" and codec is None:
        yield from jsonl_items(bounded_lines(with_head(head, stdin), MAX_LINE_BYTES), origin, default_date)
        return
    if codec is not None and _sniff(head.decode(codec, errors="ignore").encode("utf-8")) == "jsonl":
        # UTF-16 or UTF-32 JSONL: decoded as it is read, line by line, as a wide file is
        yield from jsonl_items(
            wide_lines(with_head(head, stdin), codec, MAX_LINE_BYTES), origin, default_date
        )
        return
    try:
        data = read_capped(stdin, MAX_FILE_BYTES, head)
        if codec is not None:
            data = decode_bytes(data, origin).encode("utf-8")  # sniffed below once decoded
    except InputError as exc:
        yield Failure(origin, "ingest", "InputError", exc.message)
        return
    yield from _read_blob(data, origin, _sniff(data), default_date)


def _read_file(path: Path, kind: str, default_date: str | None) -> Iterator[Item]:
    origin = origin_of(path)
    try:
        with open_regular(path) as fh:
            head = fh.read(_SNIFF_BYTES)  # enough to tell UTF-16 without a byte order mark
            codec = wide_codec(head) if kind == "jsonl" else None
            if codec is not None:
                # UTF-16 or UTF-32 (PowerShell's default), with a byte order mark or UTF-16 without:
                # decoded as it is read, line by line like any JSONL file, its lines going on as UTF-8
                yield from jsonl_items(
                    wide_lines(with_head(head, fh), codec, MAX_LINE_BYTES), origin, default_date
                )
                return
            if kind == "jsonl":
                yield from jsonl_items(
                    bounded_lines(with_head(head, fh), MAX_LINE_BYTES), origin, default_date
                )
                return
            data = read_capped(fh, MAX_FILE_BYTES, head)
    except OSError as exc:
        yield Failure(origin, "ingest", "InputError", f"cannot read file: {exc.strerror or exc}")
        return
    except InputError as exc:
        yield Failure(origin, "ingest", "InputError", exc.message)
        return
    yield from _read_blob(data, origin, kind, default_date)


def _read_blob(data: bytes, origin: str, kind: str, default_date: str | None) -> Iterator[Item]:
    try:
        text = decode_bytes(data, origin)
    except InputError as exc:
        yield Failure(origin, "ingest", type(exc).__name__, exc.message)
        return
    if not text.strip():
        yield Failure(origin, "ingest", "InputError", "empty input")
        return
    if kind == "html":
        yield Article(make_doc_id(None, None, text), "", html=text, date=default_date, origin=origin)
        return
    title, _, body = text.lstrip("\ufeff\n\r\t ").partition("\n")
    yield Article(make_doc_id(None, title, body), title.strip(), text=body, date=default_date, origin=origin)

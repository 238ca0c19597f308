"""Read articles from files, directories, JSONL and stdin.

Every input becomes an :class:`Article` or a :class:`Failure`; nothing raises
past :func:`read_inputs`, so one bad file never stops a run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from patronage.errors import InputError
from patronage.ingest.dates import parse_doc_date
from patronage.ingest.decode import decode_bytes
from patronage.ingest.ids import make_doc_id
from patronage.model.records import Article, Failure

__all__ = ["MAX_FILE_BYTES", "SUFFIXES", "read_inputs", "scrub"]

SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
#: a single file larger than this is refused (a JSONL file is streamed and may be larger)
MAX_FILE_BYTES = 64 * 1024 * 1024

_ID_KEYS = ("id", "ID", "doc_id", "_id")
_TEXT_KEYS = ("text", "content", "content_original", "body")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("date", "published", "publication_date")

Item = Article | Failure


def read_inputs(
    paths: Sequence[str], default_date: str | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Yield an :class:`Article` or :class:`Failure` for every article in ``paths``.

    ``-`` reads standard input (JSONL, HTML or text, sniffed). Directories are
    walked recursively in sorted order; files of unknown type inside them are skipped.
    """
    for raw in paths:
        if raw == "-":
            data = (stdin.read() if stdin is not None else b"") or b""
            yield from _read_blob(data, "<stdin>", _sniff(data), default_date)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, SUFFIXES[file.suffix.lower()], default_date)
        elif path.exists():
            kind = SUFFIXES.get(path.suffix.lower(), "txt")
            yield from _read_file(path, kind, default_date)
        else:
            yield Failure(scrub(raw), "ingest", "InputError", "no such file or directory")


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            file = Path(dirpath) / name
            if not name.startswith(".") and file.suffix.lower() in SUFFIXES:
                yield file


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "jsonl"
    if head[:1] == b"<":
        return "html"
    return "txt"


def scrub(text: str) -> str:
    """Replace lone surrogates (from JSON escapes or undecodable file names) with U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _read_file(path: Path, kind: str, default_date: str | None) -> Iterator[Item]:
    origin = scrub(str(path))
    if kind == "jsonl":
        yield from _read_jsonl_file(path, default_date)
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"file too large ({size // 1_000_000} MB > {MAX_FILE_BYTES // 1_000_000} MB)")
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(origin, "ingest", "InputError", f"cannot read file: {exc.strerror or exc}")
        return
    except InputError as exc:
        yield Failure(origin, "ingest", "InputError", exc.message)
        return
    yield from _read_blob(data, origin, kind, default_date)


def _read_blob(data: bytes, origin: str, kind: str, default_date: str | None) -> Iterator[Item]:
    if kind == "jsonl":
        yield from _read_jsonl_lines(data.splitlines(), origin, default_date)
        return
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


def _read_jsonl_file(path: Path, default_date: str | None) -> Iterator[Item]:
    try:
        with path.open("rb") as fh:
            yield from _read_jsonl_lines(fh, str(path), default_date)
    except OSError as exc:
        yield Failure(scrub(str(path)), "ingest", "InputError", f"cannot read file: {exc.strerror or exc}")


def _read_jsonl_lines(lines: Any, origin: str, default_date: str | None) -> Iterator[Item]:
    for lineno, raw in enumerate(lines, start=1):
        where = f"{origin}:{lineno}"
        if not raw.strip():
            continue
        try:
            line = decode_bytes(raw.rstrip(b"\r\n"), where)
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise InputError(f"expected a JSON object, got {type(obj).__name__}", source=where)
            yield from _article_from_record(obj, where, default_date)
        except json.JSONDecodeError as exc:
            yield Failure(where, "ingest", "InputError", f"malformed JSON: {exc.msg} at column {exc.colno}")
        except RecursionError:
            yield Failure(where, "ingest", "InputError", "JSON nested too deeply")
        except InputError as exc:
            yield Failure(where, "ingest", "InputError", exc.message)


def _field(obj: dict[str, Any], keys: Sequence[str], where: str, name: str) -> str | None:
    for key in keys:
        if key in obj and obj[key] is not None:
            value = obj[key]
            if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "id":
                return scrub(str(value))
            if not isinstance(value, str):
                raise InputError(f"field {key!r} must be a string, got {type(value).__name__}", source=where)
            return scrub(value)
    return None


def _article_from_record(obj: dict[str, Any], where: str, default_date: str | None) -> Iterator[Item]:
    given = _field(obj, _ID_KEYS, where, "id")
    title = _field(obj, _TITLE_KEYS, where, "title") or ""
    text = _field(obj, _TEXT_KEYS, where, "text")
    if text is not None and not text.strip():
        text = None  # blank text: fall back to the html
    html = _field(obj, ("html",), where, "html")
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError("record has no text or html", source=where)
    date = default_date
    try:
        date = parse_doc_date(_field(obj, _DATE_KEYS, where, "date"), where) or default_date
    except InputError as exc:
        yield Failure(
            given or where, "ingest", "InputError", exc.message + "; document date left unset", "warning"
        )
    doc_id = make_doc_id(given, title, text if text is not None else html)
    yield Article(
        doc_id,
        title.strip(),
        text=text,
        html=None if text and text.strip() else html,
        date=date,
        url=_field(obj, ("url", "link"), where, "url"),
        source=_field(obj, ("source", "outlet"), where, "source"),
        origin=where,
    )

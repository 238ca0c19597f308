"""JSONL lines to :class:`Article` records: one article or one failure per line.

Every field goes through the one character normalisation (:mod:`patronage.ingest.chars`):
ids, URLs and sources here, titles and text in the clean stage.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from patronage.errors import InputError
from patronage.ingest.chars import normalise_field
from patronage.ingest.dates import parse_doc_date
from patronage.ingest.decode import decode_bytes
from patronage.ingest.ids import make_doc_id
from patronage.model.records import Article, Failure

__all__ = ["jsonl_items", "scrub"]

_ID_KEYS = ("id", "ID", "doc_id", "_id")
_TEXT_KEYS = ("text", "content", "content_original", "body")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("date", "published", "publication_date")

Item = Article | Failure


def scrub(text: str) -> str:
    """Replace lone surrogates (from JSON escapes or undecodable file names) with U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def jsonl_items(lines: Iterable[bytes | InputError], origin: str, default_date: str | None) -> Iterator[Item]:
    """An article or a failure for every non-blank line (a line may also be a read error)."""
    for lineno, raw in enumerate(lines, start=1):
        where = f"{origin}:{lineno}"
        if isinstance(raw, InputError):
            yield Failure(where, "ingest", "InputError", raw.message)
            continue
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
        except ValueError as exc:
            # json raises a plain ValueError for a number literal over Python's int digit limit
            yield Failure(where, "ingest", "InputError", f"unreadable JSON: {str(exc).splitlines()[0][:120]}")
        except InputError as exc:
            yield Failure(where, "ingest", "InputError", exc.message)


def _field(obj: dict[str, Any], keys: Sequence[str], where: str, name: str) -> str | None:
    for key in keys:
        if key in obj and obj[key] is not None:
            value = obj[key]
            if isinstance(value, (int, float)) and not isinstance(value, bool) and name == "id":
                return str(value)
            if not isinstance(value, str):
                raise InputError(f"field {key!r} must be a string, got {type(value).__name__}", source=where)
            return scrub(value)
    return None


def _one_line(value: str | None) -> str | None:
    """A field as one normalised line; None when nothing is left."""
    return (normalise_field(value) or None) if value is not None else None


def _article_from_record(obj: dict[str, Any], where: str, default_date: str | None) -> Iterator[Item]:
    given = _one_line(_field(obj, _ID_KEYS, where, "id"))
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
        url=_one_line(_field(obj, ("url", "link"), where, "url")),
        source=_one_line(_field(obj, ("source", "outlet"), where, "source")),
        origin=where,
    )

"""Write export rows as JSONL, CSV or Parquet."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from patronage.errors import InputError
from patronage.export.safe import safe_cell

__all__ = ["FORMATS", "flatten", "write_csv", "write_jsonl", "write_parquet"]

FORMATS = ("jsonl", "csv", "parquet")
_ACTOR_REF = ("actor_id", "name", "kind", "country", "sector", "text")
#: the columns a nested object spreads into, so a null one still has them (a CSV's columns must not
#: depend on whether its first row, or any row, had a location)
_NESTED: dict[str, tuple[str, ...]] = {
    "source": _ACTOR_REF,
    "target": _ACTOR_REF,
    "speaker": (*_ACTOR_REF, "confidence"),
    "location": ("name", "country"),
    "evidence": ("doc_id", "start", "end", "sentence"),
}


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One JSON object a line; returns the number of rows."""
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str))
        out.write("\n")
        n += 1
    return n


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects become ``parent_child`` columns; lists become JSON text."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "_"))
        elif value is None and key in _NESTED:
            flat.update({f"{name}_{field}": None for field in _NESTED[key]})  # a null actor or place
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False, default=str)
        else:
            flat[name] = value
    return flat


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str], columns: list[str] | None = None) -> int:
    """CSV with a header, safe against spreadsheet formula injection.

    A nested field that is null in the first row still gets its columns when a later row
    has them: the header is the union of the columns of all rows, in first-seen order.
    """
    flat_rows = [flatten(r) for r in rows]
    header: list[str] = list(columns or [])
    seen = set(header)
    for r in flat_rows:
        for k in r:
            if k not in seen:
                seen.add(k)
                header.append(k)
    writer = csv.writer(out, lineterminator="\n")
    if header:  # nothing to export and no known columns: an empty file, as in JSONL, not a bare newline
        writer.writerow(header)
    for r in flat_rows:
        writer.writerow(["" if r.get(h) is None else safe_cell(r.get(h)) for h in header])
    return len(flat_rows)


def _iter_json(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False, default=str) + "\n"


def write_parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    """Parquet through DuckDB (nested fields kept as structs and lists); returns the number of rows."""
    import duckdb

    fd, tmp = tempfile.mkstemp(suffix=".jsonl", prefix="patronage-")
    n = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for line in _iter_json(rows):
                fh.write(line)
                n += 1
        con = duckdb.connect()
        try:
            if n == 0:
                raise InputError("nothing to export")
            con.execute(
                f"COPY (SELECT * FROM read_json_auto('{_sql_path(tmp)}', format='newline_delimited')) "
                f"TO '{_sql_path(str(path))}' (FORMAT PARQUET)"
            )
        except duckdb.Error as exc:
            raise InputError(f"cannot write Parquet: {str(exc).splitlines()[0]}", source=str(path)) from None
        finally:
            con.close()
    finally:
        os.unlink(tmp)
    return n


def _sql_path(path: str) -> str:
    return path.replace("'", "''")

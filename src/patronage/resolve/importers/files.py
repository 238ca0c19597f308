"""Reading dictionary files and writing the entries they give as gazetteer YAML."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from patronage.errors import InputError
from patronage.ingest.decode import looks_binary
from patronage.ingest.files import read_regular
from patronage.resolve.importers.notation import Entry
from patronage.resolve.keys import normalize

__all__ = ["read_lines", "slug", "unique_ids", "write_entries"]

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffd]")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-") or "x"


def unique_ids(entries: list[Entry], prefix: str) -> list[Entry]:
    seen: dict[str, int] = {}
    out = []
    for entry in entries:
        kind = "place" if entry["kind"] in ("city", "region") else entry["kind"]
        base = f"{prefix}/{kind}/{slug(entry['name'])}"
        seen[base] = seen.get(base, 0) + 1
        if kind != "place":
            entry = {"id": base if seen[base] == 1 else f"{base}-{seen[base]}", **entry}
        out.append(entry)
    return out


#: the largest dictionary read (the public Phoenix and CountryInfo files are a few MB)
MAX_DICTIONARY_BYTES = 64 * 1024 * 1024


def read_lines(path: Path) -> Iterator[str]:
    """The lines of a dictionary file: a regular file of at most :data:`MAX_DICTIONARY_BYTES`
    (a device, a FIFO or anything larger is an :class:`InputError`, never an endless read).

    The file is read and decoded before the first line is given, so a read error comes first;
    the lines themselves are made one at a time (a list of every line took about 3× the file).
    """
    try:
        data = read_regular(path, MAX_DICTIONARY_BYTES)
        if looks_binary(data):
            raise InputError("binary file, not text")
        text = data.decode("utf-8", errors="replace")
    except InputError as exc:
        raise InputError(f"cannot read dictionary: {exc.message}", source=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read dictionary: {exc.strerror or exc}", source=str(path)) from exc
    return _lines(text)


def _lines(text: str) -> Iterator[str]:
    """The lines ``str.splitlines`` gives, one at a time, without control characters."""
    for chunk in io.StringIO(text, newline=None):
        for line in chunk.splitlines():
            yield _CONTROL.sub("", line)


_ORDER = ("id", "name", "kind", "wikidata", "country", "sector", "gender", "aliases", "surname", "roles")


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER))
        return {k: _clean(value[k]) for k in keys if value[k] not in (None, [], "")}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def write_entries(entries: list[Entry], out: Path, *, sort: Callable[[Entry], Any] | None = None) -> int:
    """Write entries as gazetteer YAML to ``out``; returns how many were written.

    Each entry is dumped on its own as a one-item list, which gives the text one dump of the
    whole list would, without holding the YAML representation of every entry at once (200,000
    entries took 1 GB that way).
    """
    ordered = sorted(entries, key=sort) if sort else entries
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            fh.write("# gazetteer entries written by patronage.resolve.importers\n")
            for entry in ordered:
                yaml.dump([_clean(entry)], fh, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    except OSError as exc:
        raise InputError(f"cannot write gazetteer file: {exc.strerror or exc}", source=str(out)) from exc
    return len(ordered)

"""The re3d entity gold (Dstl, Syria/Iraq): documents, actor entities and same-entity clusters.

Layout: a root directory of source folders, each holding ``documents.json``,
``entities.json`` and ``relations.json`` as ``mongoexport`` output (one JSON
object a line). Entity ``begin``/``end`` are character offsets into the
document ``text``. Every annotation has a ``confidence`` (the probability the
annotation is right, from the crowd model); only those at or above
``min_confidence`` (0.5) are gold. A span can carry competing types ("Syria" as
Location at 0 and as Organisation at 1).

re3d has no entity ids. Two gold actor mentions of a document are the same entity
when their normalised surface texts are equal (:func:`normalise_surface`) or an
``IsSynonymOf`` relation joins them, closed transitively (:func:`gold_clusters`).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from patronage.errors import InputError

__all__ = [
    "ACTOR_TYPES",
    "PRONOUNS",
    "Re3dDoc",
    "Re3dEntity",
    "Span",
    "gold_clusters",
    "load_re3d",
    "normalise_surface",
]

#: gold entity types that name actors, in report order
ACTOR_TYPES = ("Person", "Organisation", "Nationality")
#: pronouns: scored for detection, left out of linking (the gold gives no antecedent)
PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself he him his himself "
    "she her hers herself it its itself they them their theirs themselves who whom whose".split()
)

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Re3dEntity:
    """One gold entity annotation: a character span of the document text."""

    start: int
    end: int
    type: str
    value: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Re3dDoc:
    """One re3d document with its gold entities and ``IsSynonymOf`` span pairs."""

    doc_id: str
    source: str
    title: str
    text: str
    entities: tuple[Re3dEntity, ...]
    synonyms: tuple[tuple[Span, Span], ...]

    def actor_entities(self) -> list[Re3dEntity]:
        """Gold actor entities, one per span (the most confident type), in text order."""
        best: dict[Span, Re3dEntity] = {}
        for ent in self.entities:
            if ent.type in ACTOR_TYPES:
                key = (ent.start, ent.end)
                if key not in best or ent.confidence > best[key].confidence:
                    best[key] = ent
        return sorted(best.values(), key=lambda e: (e.start, e.end))


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", source=str(path)) from exc
    rows: list[dict[str, Any]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"bad JSON: {exc.msg}", source=f"{path}:{n}") from exc
        except RecursionError:
            raise InputError("bad JSON: nested too deeply", source=f"{path}:{n}") from None
        if not isinstance(row, dict):
            raise InputError("expected one JSON object a line", source=f"{path}:{n}")
        rows.append(row)
    return rows


def _span(row: dict[str, Any], begin: str, end: str, size: int, where: str) -> Span:
    start, stop = row.get(begin), row.get(end)
    if not isinstance(start, int) or not isinstance(stop, int) or not 0 <= start < stop <= size:
        raise InputError(f"bad offsets {start!r}..{stop!r} for a text of {size} chars", source=where)
    return start, stop


def _confidence(row: dict[str, Any]) -> float:
    try:
        return float(row.get("confidence", 0.0))
    except (TypeError, ValueError) as exc:
        raise InputError(f"bad confidence {row.get('confidence')!r}", source=str(row.get("_id"))) from exc


def _load_folder(folder: Path, min_confidence: float) -> list[Re3dDoc]:
    docs: dict[str, dict[str, Any]] = {}
    for row in _read_jsonl(folder / "documents.json"):
        if not isinstance(row.get("_id"), str) or not isinstance(row.get("text"), str):
            raise InputError("document without _id or text", source=str(folder / "documents.json"))
        docs[row["_id"]] = row
    entities: dict[str, list[Re3dEntity]] = {d: [] for d in docs}
    for row in _read_jsonl(folder / "entities.json"):
        doc = docs.get(str(row.get("documentId")))
        if doc is None or _confidence(row) < min_confidence:
            continue
        start, end = _span(row, "begin", "end", len(doc["text"]), str(row.get("_id")))
        entity = Re3dEntity(start, end, str(row.get("type")), str(row.get("value", "")), _confidence(row))
        entities[doc["_id"]].append(entity)
    synonyms: dict[str, list[tuple[Span, Span]]] = {d: [] for d in docs}
    relations = folder / "relations.json"
    for row in _read_jsonl(relations) if relations.is_file() else []:
        doc = docs.get(str(row.get("documentId")))
        if doc is None or row.get("type") != "IsSynonymOf" or _confidence(row) < min_confidence:
            continue
        size, where = len(doc["text"]), str(row.get("_id"))
        pair = (
            _span(row, "sourceBegin", "sourceEnd", size, where),
            _span(row, "targetBegin", "targetEnd", size, where),
        )
        synonyms[doc["_id"]].append(pair)
    return [
        Re3dDoc(
            doc_id,
            folder.name,
            str(row.get("title") or ""),
            row["text"],
            tuple(sorted(entities[doc_id], key=lambda e: (e.start, e.end, e.type))),
            tuple(synonyms[doc_id]),
        )
        for doc_id, row in sorted(docs.items())
    ]


def load_re3d(directory: Path, min_confidence: float = 0.5) -> list[Re3dDoc]:
    """Load re3d: ``directory`` is the root of source folders, or one source folder.

    Documents come sorted by source folder, then id. Annotations below
    ``min_confidence`` are dropped.
    """
    folders = [directory] if (directory / "documents.json").is_file() else []
    if not folders and directory.is_dir():
        folders = sorted(p for p in directory.iterdir() if (p / "documents.json").is_file())
    if not folders:
        raise InputError("not a re3d directory (no */documents.json)", source=str(directory))
    for folder in folders:
        if not (folder / "entities.json").is_file():
            raise InputError("documents.json without entities.json", source=str(folder))
    return [doc for folder in folders for doc in _load_folder(folder, min_confidence)]


def normalise_surface(text: str) -> str:
    """A mention's text for same-entity comparison: case, quotes, "the" and "'s" folded."""
    out = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'").lower()
    out = " ".join(out.split()).strip(" .,;:\"'()")
    out = out.removeprefix("the ")
    for suffix in ("'s", "'"):
        out = out.removesuffix(suffix)
    return out.strip()


def gold_clusters(doc: Re3dDoc, entities: Sequence[Re3dEntity]) -> list[int]:
    """A cluster id for each of ``entities``: joined by equal surface text or ``IsSynonymOf``.

    Pronouns join only through a synonym relation.
    """
    parent = list(range(len(entities)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    by_text: dict[str, int] = {}
    by_span: dict[Span, int] = {}
    for i, ent in enumerate(entities):
        by_span[(ent.start, ent.end)] = i
        key = normalise_surface(ent.value)
        if key and key not in PRONOUNS:
            if key in by_text:
                union(i, by_text[key])
            else:
                by_text[key] = i
    for a, b in doc.synonyms:
        if a in by_span and b in by_span:
            union(by_span[a], by_span[b])
    return [find(i) for i in range(len(entities))]

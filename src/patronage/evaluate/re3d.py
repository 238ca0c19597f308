"""Score actor mentions, kinds and linking against the re3d entity gold (Dstl, Syria/Iraq).

Layout: a root directory of source folders, each holding ``documents.json``,
``entities.json`` and ``relations.json`` as ``mongoexport`` output (one JSON
object a line). Entity ``begin``/``end`` are character offsets into the
document ``text``; the pipeline is fed that text unchanged (no cleaning), so
predicted and gold offsets agree. Every annotation has a ``confidence`` (the
probability the annotation is right, from the crowd model); only those at or
above ``min_confidence`` (0.5) are gold. A span can carry competing types
("Syria" as Location at 0 and as Organisation at 1).

Actor types and the predicted kinds that count as right (:data:`KIND_OK`):

* ``Person`` → ``person``
* ``Organisation`` → ``organization``, ``group``, or ``country`` (a state acting as
  its government: "Syria has accused …")
* ``Nationality`` → ``country`` or ``group`` (re3d's Nationality also covers
  religious and ethnic identity: "Yazidi", "Shiite")

``Location`` is not an actor type. The pipeline links every country or city
name to a country actor, while re3d calls "into Syria" a Location; a predicted
mention that matches no actor gold but matches a gold Location is *neutral*:
neither right nor wrong in ``mention_precision`` (``mention_precision_strict``
counts it wrong).

Matching: a predicted mention (one with an ``actor_id``, one per span) matches a
gold span when they overlap by at least half of the longer one, one-to-one,
greedily by overlap (:func:`match_spans`).

Linking: re3d has no entity ids. Two gold actor mentions of a document are the
same entity when their normalised surface texts are equal
(:func:`normalise_surface`) or an ``IsSynonymOf`` relation joins them (closed
transitively). Pronouns are left out, since the gold never says what they refer
to. Over pairs of matched, non-pronoun gold mentions: ``link_recall`` is the share
of gold-same pairs given the same ``actor_id``; ``link_precision`` is the share of
same-``actor_id`` pairs that are gold-same. The gold clusters are incomplete
("Assad" and "Bashar al-Assad" are only joined when a synonym relation says
so), so ``link_precision`` is a lower bound.
"""

from __future__ import annotations

import json
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from patronage.errors import InputError
from patronage.evaluate.polnear import greedy_match, spans_match

if TYPE_CHECKING:
    from collections.abc import Sequence

    from patronage.config import Settings
    from patronage.model.records import AnalysedArticle, Failure

__all__ = [
    "ACTOR_TYPES",
    "KIND_OK",
    "NEUTRAL_TYPES",
    "PRONOUNS",
    "Re3dDoc",
    "Re3dEntity",
    "evaluate_re3d",
    "format_report",
    "gold_clusters",
    "load_re3d",
    "match_spans",
    "normalise_surface",
    "score_re3d",
]

#: gold entity types that name actors, in report order
ACTOR_TYPES = ("Person", "Organisation", "Nationality")
#: predicted actor kinds accepted for each gold actor type
KIND_OK: dict[str, frozenset[str]] = {
    "Person": frozenset({"person"}),
    "Organisation": frozenset({"organization", "group", "country"}),
    "Nationality": frozenset({"country", "group"}),
}
#: gold types a predicted actor mention may match without counting as wrong
NEUTRAL_TYPES = frozenset({"Location"})
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


def match_spans(preds: Sequence[Span], golds: Sequence[Span]) -> list[tuple[int, int]]:
    """(pred, gold) index pairs: overlap ≥ half the longer span, one-to-one, largest overlap first."""
    return greedy_match([(p,) for p in preds], [(g,) for g in golds])


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


@dataclass
class _Tally:
    n_gold: int = 0
    n_matched: int = 0
    n_kind_ok: int = 0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "n_gold": self.n_gold,
            "n_matched": self.n_matched,
            "recall": _ratio(self.n_matched, self.n_gold),
            "kind_accuracy": _ratio(self.n_kind_ok, self.n_matched),
        }


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def score_re3d(docs: Sequence[Re3dDoc], results: Sequence[AnalysedArticle | Failure]) -> dict[str, object]:
    """Score one analysis result per document (a :class:`Failure` predicts nothing)."""
    from patronage.model.records import AnalysedArticle

    by_type = {t: _Tally() for t in ACTOR_TYPES}
    by_form = {f: _Tally() for f in ("name_or_nominal", "pronoun")}
    by_kind: dict[str, list[int]] = {}
    n_pred = n_neutral = n_failed = 0
    gold_pairs = pred_pairs = both_pairs = 0
    for doc, result in zip(docs, results, strict=True):
        golds = doc.actor_entities()
        gold_spans = [(g.start, g.end) for g in golds]
        for g in golds:
            by_type[g.type].n_gold += 1
            by_form[_form(g)].n_gold += 1
        if not isinstance(result, AnalysedArticle):
            n_failed += 1
            continue
        kinds = {a.actor_id: a.kind for a in result.actors}
        preds: dict[Span, str] = {}
        for m in result.mentions:
            if m.actor_id and (m.start, m.end) not in preds:
                preds[(m.start, m.end)] = m.actor_id
        pred_spans = list(preds)
        matches = dict(match_spans(pred_spans, gold_spans))
        neutral = [(e.start, e.end) for e in doc.entities if e.type in NEUTRAL_TYPES]
        for i, span in enumerate(pred_spans):
            if i not in matches and any(spans_match((span,), (n,)) for n in neutral):
                n_neutral += 1
                continue
            n_pred += 1
            counts = by_kind.setdefault(kinds.get(preds[span], "?"), [0, 0])
            counts[0] += 1
            counts[1] += i in matches
        linked: list[tuple[int, str]] = []
        clusters = gold_clusters(doc, golds)
        for i, j in matches.items():
            gold, actor_id = golds[j], preds[pred_spans[i]]
            ok = kinds.get(actor_id, "?") in KIND_OK[gold.type]
            for tally in (by_type[gold.type], by_form[_form(gold)]):
                tally.n_matched += 1
                tally.n_kind_ok += ok
            if _form(gold) != "pronoun":
                linked.append((clusters[j], actor_id))
        for a in range(len(linked)):
            for b in range(a + 1, len(linked)):
                same_gold = linked[a][0] == linked[b][0]
                same_pred = linked[a][1] == linked[b][1]
                gold_pairs += same_gold
                pred_pairs += same_pred
                both_pairs += same_gold and same_pred
    n_gold = sum(t.n_gold for t in by_type.values())
    n_matched = sum(t.n_matched for t in by_type.values())
    n_kind_ok = sum(t.n_kind_ok for t in by_type.values())
    precision, recall = _ratio(n_matched, n_pred), _ratio(n_matched, n_gold)
    link_p, link_r = _ratio(both_pairs, pred_pairs), _ratio(both_pairs, gold_pairs)
    return {
        "n_docs": len(docs),
        "n_failed": n_failed,
        "n_gold": n_gold,
        "n_pred": n_pred,
        "n_pred_location": n_neutral,
        "n_matched": n_matched,
        "mention_precision": precision,
        "mention_precision_strict": _ratio(n_matched, n_pred + n_neutral),
        "mention_recall": recall,
        "mention_f1": _f1(precision, recall),
        "kind_accuracy": _ratio(n_kind_ok, n_matched),
        "link_gold_pairs": gold_pairs,
        "link_pred_pairs": pred_pairs,
        "link_precision": link_p,
        "link_recall": link_r,
        "link_f1": _f1(link_p, link_r),
        "per_type": {t: tally.as_dict() for t, tally in by_type.items()},
        "per_form": {f: tally.as_dict() for f, tally in by_form.items()},
        "per_kind": {
            k: {"n_pred": c[0], "n_matched": c[1], "precision": _ratio(c[1], c[0])}
            for k, c in sorted(by_kind.items())
        },
    }


def _form(entity: Re3dEntity) -> str:
    return "pronoun" if normalise_surface(entity.value) in PRONOUNS else "name_or_nominal"


def evaluate_re3d(
    directory: Path, settings: Settings | None = None, limit: int | None = None
) -> dict[str, object]:
    """Run the full analysis on re3d documents (text as given) and score actor resolution.

    ``limit`` keeps the first N documents (sorted by source folder, then id).
    """
    from patronage.analyse import analyse
    from patronage.config import Settings
    from patronage.ingest.ids import content_hash
    from patronage.model.records import CleanArticle

    docs = load_re3d(directory)
    if limit is not None:
        docs = docs[:limit]
    started = time.perf_counter()
    articles = [
        CleanArticle(d.doc_id, d.title, d.text, None, None, d.source, "re3d", content_hash(d.title, d.text))
        for d in docs
    ]
    results = list(analyse(articles, settings if settings is not None else Settings()))
    scores = score_re3d(docs, results)
    scores["seconds"] = round(time.perf_counter() - started, 2)
    return scores


def format_report(result: dict[str, object]) -> str:
    """Human-readable report: headline figures, then recall and kind accuracy by gold type."""
    lines = [
        f"documents          {result['n_docs']}  (failed {result['n_failed']})",
        f"gold / predicted   {result['n_gold']} / {result['n_pred']}  "
        f"(+{result['n_pred_location']} on gold locations, not counted)",
        f"mentions           P {result['mention_precision']:.3f}  R {result['mention_recall']:.3f}  "
        f"F1 {result['mention_f1']:.3f}  (strict P {result['mention_precision_strict']:.3f})",
        f"kind accuracy      {result['kind_accuracy']:.3f}",
        f"linking (pairs)    P {result['link_precision']:.3f}  R {result['link_recall']:.3f}  "
        f"F1 {result['link_f1']:.3f}",
        "",
        f"{'gold':<16}{'n':>6}{'matched':>9}{'recall':>8}{'kind ok':>9}",
    ]
    for group in ("per_type", "per_form"):
        table = result.get(group)
        if isinstance(table, dict):
            for name, row in table.items():
                lines.append(
                    f"{name:<16}{row['n_gold']:>6}{row['n_matched']:>9}"
                    f"{row['recall']:>8.3f}{row['kind_accuracy']:>9.3f}"
                )
    kinds = result.get("per_kind")
    if isinstance(kinds, dict):
        lines.append("")
        lines.append(f"{'predicted kind':<16}{'n':>6}{'matched':>9}{'precision':>11}")
        for name, row in kinds.items():
            lines.append(f"{name:<16}{row['n_pred']:>6}{row['n_matched']:>9}{row['precision']:>11.3f}")
    if "seconds" in result:
        lines.append(f"\n{result['seconds']} s")
    return "\n".join(lines)

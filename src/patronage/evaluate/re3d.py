"""Score actor mentions, kinds and linking against the re3d entity gold (Dstl, Syria/Iraq).

The gold is read by :mod:`patronage.evaluate.re3d_gold`. The pipeline is fed each
document's text unchanged (no cleaning), so predicted and gold offsets agree.

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

Linking: two gold actor mentions of a document are the same entity when
:func:`~patronage.evaluate.re3d_gold.gold_clusters` puts them together. Pronouns are left
out, since the gold never says what they refer to. Over pairs of matched, non-pronoun gold mentions: ``link_recall`` is the share
of gold-same pairs given the same ``actor_id``; ``link_precision`` is the share of
same-``actor_id`` pairs that are gold-same. The gold clusters are incomplete
("Assad" and "Bashar al-Assad" are only joined when a synonym relation says
so), so ``link_precision`` is a lower bound.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from patronage.evaluate.polnear import greedy_match, spans_match
from patronage.evaluate.re3d_gold import (
    ACTOR_TYPES,
    PRONOUNS,
    Re3dDoc,
    Re3dEntity,
    Span,
    gold_clusters,
    load_re3d,
    normalise_surface,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from patronage.config import Settings
    from patronage.model.records import AnalysedArticle, Failure

__all__ = ["KIND_OK", "NEUTRAL_TYPES", "evaluate_re3d", "format_report", "match_spans", "score_re3d"]

#: predicted actor kinds accepted for each gold actor type
KIND_OK: dict[str, frozenset[str]] = {
    "Person": frozenset({"person"}),
    "Organisation": frozenset({"organization", "group", "country"}),
    "Nationality": frozenset({"country", "group"}),
}
#: gold types a predicted actor mention may match without counting as wrong
NEUTRAL_TYPES = frozenset({"Location"})


def match_spans(preds: Sequence[Span], golds: Sequence[Span]) -> list[tuple[int, int]]:
    """(pred, gold) index pairs: overlap ≥ half the longer span, one-to-one, largest overlap first."""
    return greedy_match([(p,) for p in preds], [(g,) for g in golds])


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
        kinds = {a.actor_id: a.kind for a in (*result.actors, *result.settings)}
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
    from patronage.analysis import analyse_articles
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
    results = list(analyse_articles(articles, settings if settings is not None else Settings()))
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

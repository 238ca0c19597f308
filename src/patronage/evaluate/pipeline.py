"""Run the full pipeline on PLOVER gold sentences (text and date only) and score it.

Each gold record gets one prediction: the most trustworthy event the pipeline
extracts from its text, typed as the PLOVER manual types it (an intended or offered
action is AGREE or THREATEN there, see :func:`patronage.model.plover.manual_type`), with the event's country dyad coded by
:func:`patronage.extract.events.dyad.coded_dyad`. When no event with actors comes out,
the most confident coded frame still gives a type, and the dyad falls back to the
countries the text names, under the same conventions.

The dyad conventions were designed while reading this gold file's errors, so
``cross_validate`` also reports k-fold figures: on each fold the convention set
(:data:`~patronage.extract.events.dyad.POLICIES`) is chosen on the other folds and
scored on the held-out one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from patronage.analysis import Analyser
from patronage.config import Settings
from patronage.errors import PatronageError
from patronage.evaluate.plover import GoldRecord, Prediction, load_gold, score
from patronage.extract.events.dyad import DEFAULT_POLICY, POLICIES, DyadPolicy, coded_dyad
from patronage.extract.events.frames import code_sentence
from patronage.ingest.ids import content_hash
from patronage.model.plover import manual_type
from patronage.model.records import AnalysedArticle, CleanArticle, Event

__all__ = ["Observation", "cross_validate", "evaluate_plover", "observe", "predict", "predictions"]


@dataclass(frozen=True, slots=True)
class Observation:
    """What the pipeline made of one gold record's text, before the dyad is coded."""

    type: str | None
    event: Event | None
    countries: tuple[str, ...]


def _best(events: list[Event]) -> Event | None:
    """The record's main event: asserted, the most salient, with actors.

    A gold record codes the sentence's main event; an event's ``salience`` (higher for
    triggers nearer the root of the parse, lower inside another event's clause) says which
    event that is. The calibrated ``confidence`` says how likely an event is right, not how
    central it is.
    """
    if not events:
        return None
    return max(
        events,
        key=lambda e: (e.polarity == "asserted", e.salience, e.source is not None, e.target is not None),
    )


def _countries(result: AnalysedArticle) -> tuple[str, ...]:
    """The countries the text names, in order: those of its actors, and of those it names only
    as a setting ("the war in Liberia"); not a state named only through its cities or regions."""
    by_id = {a.actor_id: a for a in (*result.actors, *result.settings)}
    out: list[str] = []
    for m in sorted(result.mentions, key=lambda m: m.start):
        actor = by_id.get(m.actor_id or "") if m.how != "region" else None
        if actor is not None and actor.country and actor.country not in out:
            out.append(actor.country)
    return tuple(out)


def observe(records: list[GoldRecord], settings: Settings) -> list[Observation]:
    """Analyse each record's text (and date) alone, as a one-sentence article."""
    # every candidate the coding proposes: the evaluation scores coding, not the run's storage threshold
    analyser = replace(Analyser.from_settings(settings), min_confidence=0.0)
    articles = [
        CleanArticle(r.id, "", r.text, r.date or None, None, None, "eval", content_hash(r.text))
        for r in records
    ]
    out: list[Observation] = []
    for article, doc in analyser.parse(articles):
        if isinstance(doc, PatronageError):
            out.append(Observation(None, None, ()))
            continue
        result = analyser.analyse_doc(article, doc)
        best = _best(list(result.events))
        if best is not None:
            out.append(Observation(manual_type(best.type, best.modality), best, _countries(result)))
            continue
        # no event with actors: the most confident coded frame still gives a type
        frames = [f for sent in doc.sents for f in code_sentence(sent)]
        top = max(frames, key=lambda f: f.confidence) if frames else None
        kind = manual_type(top.type, top.modality) if top else None
        out.append(Observation(kind, None, _countries(result)))
    return out


def predictions(observed: list[Observation], policy: DyadPolicy = DEFAULT_POLICY) -> list[Prediction]:
    """One prediction per observation, its dyad coded under ``policy``."""
    out: list[Prediction] = []
    for obs in observed:
        event = obs.event
        if event is None:
            source, target = coded_dyad(None, None, None, obs.countries, policy)
        else:
            source, target = coded_dyad(event.source, event.target, event.location, obs.countries, policy)
        out.append(Prediction(obs.type, source, target))
    return out


def predict(
    records: list[GoldRecord], settings: Settings, policy: DyadPolicy = DEFAULT_POLICY
) -> list[Prediction]:
    """One prediction per gold record, seeing only its text and date."""
    return predictions(observe(records, settings), policy)


def _side_sum(result: dict[str, object]) -> float:
    return float(result["source_country_accuracy"]) + float(result["target_country_accuracy"])  # type: ignore[arg-type]


def cross_validate(
    records: list[GoldRecord], observed: list[Observation], folds: int = 5
) -> dict[str, object]:
    """k-fold figures: each fold's dyad policy is the best one on the other folds.

    Records are dealt to folds round-robin (the gold file is grouped by type, so
    every fold sees every type). Predictions of all held-out folds are pooled and
    scored together.
    """
    folds = max(2, min(folds, len(records)))
    pooled: list[Prediction | None] = [None] * len(records)
    chosen: list[str] = []
    for k in range(folds):
        train = [i for i in range(len(records)) if i % folds != k]
        test = [i for i in range(len(records)) if i % folds == k]
        best = max(
            POLICIES,
            key=lambda p: _side_sum(
                score([records[i] for i in train], predictions([observed[i] for i in train], p))
            ),
        )
        chosen.append(f"{best.source}/{best.target}")
        for i, pred in zip(test, predictions([observed[i] for i in test], best), strict=True):
            pooled[i] = pred
    result = score(records, [p for p in pooled if p is not None])
    result.pop("confusion", None)
    result["folds"] = folds
    result["policies"] = chosen
    return result


def evaluate_plover(
    path: Path, settings: Settings, limit: int | None = None, folds: int = 5
) -> dict[str, object]:
    """Score the pipeline on a PLOVER gold-standard JSON file, with k-fold figures under ``cv``."""
    records = load_gold(path)
    if limit is not None:
        records = records[:limit]
    observed = observe(records, settings)
    result = score(records, predictions(observed))
    result["dyad_policy"] = f"{DEFAULT_POLICY.source}/{DEFAULT_POLICY.target}"
    if folds > 1 and len(records) >= folds:
        result["cv"] = cross_validate(records, observed, folds)
    return result

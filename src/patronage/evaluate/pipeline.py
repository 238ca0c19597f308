"""Run the full pipeline on PLOVER gold sentences (text and date only) and score it."""

from __future__ import annotations

from pathlib import Path

from patronage.analyse import analyse_doc
from patronage.config import Settings
from patronage.evaluate.plover import GoldRecord, Prediction, load_gold, score
from patronage.extract.coding import code_sentence
from patronage.ingest.ids import content_hash
from patronage.model.records import CleanArticle, Event
from patronage.nlp.loader import load_nlp
from patronage.resolve.registry import load_gazetteer

__all__ = ["evaluate_plover", "predict"]


def _best(events: list[Event]) -> Event | None:
    if not events:
        return None
    return max(
        events,
        key=lambda e: (e.polarity == "asserted", e.confidence, e.source is not None, e.target is not None),
    )


def predict(records: list[GoldRecord], settings: Settings) -> list[Prediction]:
    """One prediction per gold record, seeing only its text and date."""
    nlp = load_nlp(str(settings.get("nlp.model")))
    gazetteer = load_gazetteer(tuple(settings.get("resolve.gazetteer")))
    out: list[Prediction] = []
    docs = nlp.pipe((r.text for r in records), batch_size=int(settings.get("nlp.batch_size")))
    for record, doc in zip(records, docs, strict=True):
        article = CleanArticle(
            record.id, "", record.text, record.date or None, None, None, "eval", content_hash(record.text)
        )
        result = analyse_doc(article, doc, gazetteer)
        best = _best(list(result.events))
        if best is None:
            frames = [f for sent in doc.sents for f in code_sentence(sent)]
            top = max(frames, key=lambda f: f.confidence) if frames else None
            out.append(Prediction(top.type if top else None, None, None))
            continue
        target = best.target.country if best.target else None
        if target is None and best.location is not None:
            target = best.location.country
        out.append(Prediction(best.type, best.source.country if best.source else None, target))
    return out


def evaluate_plover(path: Path, settings: Settings, limit: int | None = None) -> dict[str, object]:
    """Score the pipeline on a PLOVER gold-standard JSON file."""
    records = load_gold(path)
    if limit is not None:
        records = records[:limit]
    return score(records, predict(records, settings))

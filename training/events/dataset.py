"""Candidate events with the scorer's inputs and gold labels, from the annotated corpus sentences.

Each annotated article is cleaned, parsed and resolved exactly as ``patronage run`` does it;
every sentence of ours that overlaps an annotated sentence contributes the events the lexicon
and the parse propose there (:func:`patronage.extract.events.build.candidate_events`). An
event is *type-right* when the sentence has a gold event of its type not yet matched (events
matched in text order), and *fully right* when it also has the gold event's polarity, source
and target, as ``../shared/checks/realnews.py`` judges them.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from patronage.analysis import VERSION, _doc_date
from patronage.clean import clean_article
from patronage.extract.events.build import candidate_events
from patronage.model.records import ActorRef, Article, DateValue, Event
from patronage.nlp.loader import load_nlp
from patronage.nlp.sentences import evidence_for, sentence_records
from patronage.resolve.document import resolve_document
from patronage.resolve.registry import load_gazetteer

HERE = Path(__file__).parent
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Sample:
    """One candidate event: where it is, the scorer's inputs, its labels."""

    doc_id: str
    type: str
    features: list[str]
    vector: np.ndarray
    type_right: bool
    full_right: bool
    exhaustive: bool = True
    """False for a passage labelled with one type only: its *fully right* is unknown."""


@dataclass
class SentenceGold:
    """One annotated sentence as our pipeline split it, with its gold events and its samples."""

    doc_id: str
    text: str
    events: list[dict[str, object]]
    samples: list[int] = field(default_factory=list)


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split()).lower()


def overlap(a: str, b: str) -> float:
    """How much two sentence strings agree (the measure the real-news check uses)."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return 0.0
    if (a in b or b in a) and min(len(a), len(b)) >= 0.5 * max(len(a), len(b)):
        return 1.0
    wa, wb = set(_WORD.findall(a)), set(_WORD.findall(b))
    return len(wa & wb) / max(1, len(wa), len(wb))


def _actor_ok(gold: object, ref: ActorRef | None) -> bool:
    if not gold:
        return True
    if ref is None or not isinstance(gold, dict):
        return False
    pattern = str(gold.get("match") or re.escape(str(gold.get("name") or "")))
    try:
        return re.search(pattern, f"{ref.name} | {ref.text}", re.I) is not None
    except re.error:
        return False


def _label(events: list[Event], gold: list[dict[str, object]]) -> list[tuple[bool, bool]]:
    """(type right, fully right) of each event, each gold event matched at most once per criterion."""
    free_type = [str(g["type"]) for g in gold]
    free_full = list(gold)
    out = []
    for event in events:
        type_ok = event.type in free_type
        if type_ok:
            free_type.remove(event.type)
        full = next(
            (
                g
                for g in free_full
                if g["type"] == event.type
                and (g.get("polarity") or "asserted") == event.polarity
                and _actor_ok(g.get("source"), event.source)
                and _actor_ok(g.get("target"), event.target)
            ),
            None,
        )
        if full is not None:
            free_full.remove(full)
        out.append((type_ok, full is not None))
    return out


def build(
    annotations: list[dict[str, object]], articles: dict[str, dict[str, str]]
) -> tuple[list[Sample], list[SentenceGold]]:
    """Samples and sentence golds of every annotated article."""
    nlp = load_nlp()
    gazetteer = load_gazetteer()
    by_doc: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in annotations:
        by_doc[str(row["doc_id"])].append(row)
    cleaned = []
    for doc_id in sorted(by_doc):
        art = articles[doc_id]
        article = Article(doc_id, art["title"], text=art["text"], date=art.get("date") or None, origin=doc_id)
        cleaned.append(clean_article(article)[0])
    samples: list[Sample] = []
    golds: list[SentenceGold] = []
    for clean, doc in zip(cleaned, nlp.pipe(c.text for c in cleaned), strict=True):
        sentences = sentence_records(doc, clean.doc_id)
        evidence = {s.idx: evidence_for(s, VERSION) for s in sentences}
        date = _doc_date(clean.date)
        found = resolve_document(doc, clean.doc_id, date, gazetteer, evidence)
        by_start = {s.start: s for s in sentences}
        rows = by_doc[clean.doc_id]
        for sent in doc.sents:
            best, best_ov = None, 0.6
            for row in rows:
                ov = overlap(str(row["sentence"]), sent.text)
                if ov >= best_ov:
                    best, best_ov = row, ov
            start = sent.start_char
            while start < sent.end_char and doc.text[start].isspace():
                start += 1
            record = by_start.get(start)
            if best is None or record is None:
                continue
            gold = SentenceGold(clean.doc_id, sent.text, list(best["events"]))  # type: ignore[call-overload]
            seen: set[tuple[object, ...]] = set()
            found_events = []
            for event, features, vector in candidate_events(
                clean.doc_id, sent, found, evidence[record.idx], DateValue(None, "unknown")
            ):
                key = (
                    event.type,
                    event.source and event.source.actor_id,
                    event.target and event.target.actor_id,
                    event.polarity,
                )
                if key not in seen:
                    seen.add(key)
                    found_events.append((event, features, vector))
            for (event, features, vector), (type_ok, full_ok) in zip(
                found_events, _label([e for e, _f, _v in found_events], gold.events), strict=True
            ):
                gold.samples.append(len(samples))
                samples.append(
                    Sample(
                        clean.doc_id, event.type, features, np.asarray(vector, np.float32), type_ok, full_ok
                    )
                )
            golds.append(gold)
    return samples, golds


def build_passages(path: Path) -> list[Sample]:
    """Samples from passages each labelled with the event types it states (``voa_snippets``).

    A passage is analysed alone, as ``../shared/checks/snippets.py`` runs it; a candidate is
    *type right* when the passage is labelled with its type. Labels name one event per
    passage, so a candidate of another type may be a real event left unlabelled: these
    samples train the type decision, never the calibration of *fully right*.
    """
    types: dict[str, set[str]] = defaultdict(set)
    docs: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            quote = str(row.get("quote") or "").strip()
            if quote:
                types[quote].add(str(row["type"]))
                docs.setdefault(quote, str(row.get("doc_id") or quote[:40]))
    nlp = load_nlp()
    gazetteer = load_gazetteer()
    quotes = sorted(types)
    samples: list[Sample] = []
    for quote, doc in zip(quotes, nlp.pipe(quotes), strict=True):
        sentences = sentence_records(doc, docs[quote])
        evidence = {s.idx: evidence_for(s, VERSION) for s in sentences}
        found = resolve_document(doc, docs[quote], None, gazetteer, evidence)
        by_start = {s.start: s for s in sentences}
        for sent in doc.sents:
            start = sent.start_char
            while start < sent.end_char and doc.text[start].isspace():
                start += 1
            record = by_start.get(start)
            if record is None:
                continue
            for event, features, vector in candidate_events(
                docs[quote], sent, found, evidence[record.idx], DateValue(None, "unknown")
            ):
                samples.append(
                    Sample(
                        "voa:" + docs[quote],
                        event.type,
                        features,
                        np.asarray(vector, np.float32),
                        event.type in types[quote],
                        False,
                        exhaustive=False,
                    )
                )
    return samples


def load_annotations(shared: Path) -> tuple[list[dict[str, object]], dict[str, dict[str, str]]]:
    """The annotated sentences (with their text re-read from the corpora) and their articles."""
    from sample_sentences import corpus_articles  # type: ignore[import-not-found]

    with open(HERE / "annotations.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    wanted = {r["doc_id"] for r in rows}
    articles = {a["id"]: a for a in corpus_articles(shared) if a["id"] in wanted}
    for r in rows:
        r["sentence"] = articles[r["doc_id"]]["text"][r["start"] : r["end"]]
    return rows, articles


def iter_folds(doc_ids: list[str], k: int) -> Iterator[set[str]]:
    """``k`` disjoint sets of article ids (articles never straddle folds)."""
    ordered = sorted(set(doc_ids))
    for fold in range(k):
        yield {d for i, d in enumerate(ordered) if i % k == fold}

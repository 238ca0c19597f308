"""The analysis stages (nlp → resolve → extract) over a batch of cleaned articles.

Pure: takes :class:`CleanArticle` records and settings, returns
:class:`AnalysedArticle` records or :class:`Failure` records. No I/O, so
``patronage.scale`` can run it in worker processes or on Ray unchanged.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from spacy.tokens import Doc

from patronage.config import Settings
from patronage.extract.assemble import assemble_facts
from patronage.model.records import AnalysedArticle, CleanArticle, Event, Evidence, Failure, Quote, Relation
from patronage.nlp.loader import load_nlp
from patronage.nlp.parse import parse
from patronage.nlp.segment import CUT_KEY, MAX_SENTENCE_CHARS
from patronage.nlp.sentences import evidence_for, sentence_records
from patronage.resolve.document import resolve_document
from patronage.resolve.protocol import GazetteerLike
from patronage.resolve.registry import load_gazetteer

__all__ = ["MAX_FACTS_PER_SENTENCE", "VERSION", "analyse", "analyse_doc", "warning_failures"]

#: provenance of the analysis, stored with every evidence
VERSION = "patronage.analyse.v1"
#: at most this many events, quotes and relation statements each are kept from one sentence
MAX_FACTS_PER_SENTENCE = 50

Fact = TypeVar("Fact", Event, Quote, Relation)


def _doc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def analyse(
    articles: Sequence[CleanArticle], settings: Settings, timings: dict[str, float] | None = None
) -> Iterator[AnalysedArticle | Failure]:
    """Analyse ``articles`` in spaCy batches; one failed article never stops the batch.

    When ``timings`` is given, seconds spent in spaCy (``nlp``) and in the project's own
    resolve/extract code (``extract``) are added to it.
    """
    clock = timings if timings is not None else {}
    nlp = load_nlp(str(settings.get("nlp.model")))
    gazetteer = load_gazetteer(tuple(settings.get("resolve.gazetteer")))
    texts = (a.text for a in articles)
    docs = parse(nlp, texts, int(settings.get("nlp.batch_size")))
    for position, article in enumerate(articles):
        t0 = time.perf_counter()
        try:
            doc = next(docs)
        except StopIteration:  # pragma: no cover - nlp.pipe yields one doc per text
            yield Failure(article.doc_id, "nlp", "ExtractionError", "no parse returned")
            continue
        except Exception as exc:  # spaCy may fail on pathological input; keep the rest of the batch
            yield Failure(article.doc_id, "nlp", type(exc).__name__, str(exc)[:300])
            docs = parse(nlp, (a.text for a in articles[position + 1 :]), int(settings.get("nlp.batch_size")))
            continue
        t1 = time.perf_counter()
        clock["nlp"] = clock.get("nlp", 0.0) + t1 - t0
        try:
            result: AnalysedArticle | Failure = analyse_doc(
                article,
                doc,
                gazetteer,
                float(settings.get("extract.min_confidence")),
                float(settings.get("extract.relation_confidence")),
            )
        except Exception as exc:  # a bug on one article is recorded, never fatal to the run
            result = Failure(article.doc_id, "extract", type(exc).__name__, str(exc)[:300])
        clock["extract"] = clock.get("extract", 0.0) + time.perf_counter() - t1
        yield result


def _cap_per_sentence(facts: Iterable[Fact], dropped: list[int]) -> tuple[Fact, ...]:
    """The first :data:`MAX_FACTS_PER_SENTENCE` facts of each sentence; counts the rest in ``dropped``."""
    seen: Counter[int] = Counter()
    kept: list[Fact] = []
    for fact in facts:
        seen[fact.evidence.sentence_idx] += 1
        if seen[fact.evidence.sentence_idx] <= MAX_FACTS_PER_SENTENCE:
            kept.append(fact)
        else:
            dropped[0] += 1
    return tuple(kept)


def warning_failures(results: Iterable[AnalysedArticle | Failure]) -> list[Failure]:
    """The warnings of analysed articles as ``failures`` rows (level ``warning``) to store with them."""
    return [
        Failure(r.article.doc_id, "extract", "ExtractionError", warning, "warning")
        for r in results
        if isinstance(r, AnalysedArticle)
        for warning in r.warnings
    ]


def analyse_doc(
    article: CleanArticle,
    doc: Doc,
    gazetteer: GazetteerLike | None,
    min_confidence: float = 0.0,
    relation_confidence: float = 0.0,
) -> AnalysedArticle:
    """Resolve actors and extract facts from one parsed article."""
    date = _doc_date(article.date)
    sentences = sentence_records(doc, article.doc_id)
    evidence: dict[int, Evidence] = {s.idx: evidence_for(s, VERSION) for s in sentences}
    found = resolve_document(doc, article.doc_id, date, gazetteer, evidence)
    events, quotes, relations = assemble_facts(
        article, found, sentences, evidence, date, min_confidence, relation_confidence
    )
    used = {m.actor_id for m in found.mentions if m.actor_id}
    # bounded facts per bounded sentence: memory stays linear in the article's length
    dropped = [0]
    capped = (
        _cap_per_sentence(events, dropped),
        _cap_per_sentence(quotes, dropped),
        _cap_per_sentence(relations, dropped),
    )
    warnings = []
    if doc.user_data.get(CUT_KEY):
        warnings.append(
            f"{doc.user_data[CUT_KEY]} sentence(s) longer than {MAX_SENTENCE_CHARS} characters cut"
        )
    if dropped[0]:
        warnings.append(f"{dropped[0]} facts over {MAX_FACTS_PER_SENTENCE} per sentence dropped")
    return AnalysedArticle(
        article=article,
        sentences=tuple(sentences),
        mentions=tuple(found.mentions),
        actors=tuple(a for a in found.actors.values() if a.actor_id in used),
        events=capped[0],
        quotes=capped[1],
        relations=capped[2],
        warnings=tuple(warnings),
    )

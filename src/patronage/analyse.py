"""The analysis stages (nlp → resolve → extract) over a batch of cleaned articles.

Pure: takes :class:`CleanArticle` records and settings, returns
:class:`AnalysedArticle` records or :class:`Failure` records. No I/O, so
``patronage.scale`` can run it in worker processes or on Ray unchanged.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from patronage.config import Settings
from patronage.extract.assemble import assemble_facts
from patronage.model.records import AnalysedArticle, CleanArticle, Evidence, Failure
from patronage.nlp.loader import load_nlp
from patronage.nlp.sentences import evidence_for, sentence_records
from patronage.resolve.document import resolve_document
from patronage.resolve.protocol import GazetteerLike
from patronage.resolve.registry import load_gazetteer

__all__ = ["VERSION", "analyse", "analyse_doc"]

#: provenance of the analysis, stored with every evidence
VERSION = "patronage.analyse.v1"


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
    docs = nlp.pipe(texts, batch_size=int(settings.get("nlp.batch_size")))
    for position, article in enumerate(articles):
        t0 = time.perf_counter()
        try:
            doc = next(docs)
        except StopIteration:  # pragma: no cover - nlp.pipe yields one doc per text
            yield Failure(article.doc_id, "nlp", "ExtractionError", "no parse returned")
            continue
        except Exception as exc:  # spaCy may fail on pathological input; keep the rest of the batch
            yield Failure(article.doc_id, "nlp", type(exc).__name__, str(exc)[:300])
            docs = nlp.pipe(
                (a.text for a in articles[position + 1 :]),
                batch_size=int(settings.get("nlp.batch_size")),
            )
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
    return AnalysedArticle(
        article=article,
        sentences=tuple(sentences),
        mentions=tuple(found.mentions),
        actors=tuple(a for a in found.actors.values() if a.actor_id in used),
        events=tuple(events),
        quotes=tuple(quotes),
        relations=tuple(relations),
    )

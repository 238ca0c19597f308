"""The analysis stages (nlp → resolve → extract) over a batch of cleaned articles.

Pure: takes :class:`CleanArticle` records and settings, returns
:class:`AnalysedArticle` records or :class:`Failure` records. No I/O, so
``patronage.scale`` can run it in worker processes or on Ray unchanged.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from patronage.config import Settings
from patronage.extract.assemble import assemble_facts
from patronage.extract.quotes.model import load_model
from patronage.model.records import Actor, AnalysedArticle, CleanArticle, Evidence, Failure
from patronage.nlp.loader import load_nlp
from patronage.nlp.sentences import evidence_for, sentence_records
from patronage.resolve.actors import resolve_entities
from patronage.resolve.coref import resolve_coreference
from patronage.resolve.docactors import DocActors, qualify_mentions
from patronage.resolve.registry import load_gazetteer
from patronage.resolve.roles import text_roles

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
    quotes = str(settings.get("extract.quotes"))
    if quotes == "v2":  # load the attribution model once, before the first article (a missing one fails here)
        load_model()
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
                article, doc, gazetteer, float(settings.get("extract.min_confidence")), quotes
            )
        except Exception as exc:  # a bug on one article is recorded, never fatal to the run
            result = Failure(article.doc_id, "extract", type(exc).__name__, str(exc)[:300])
        clock["extract"] = clock.get("extract", 0.0) + time.perf_counter() - t1
        yield result


def _country_named(gazetteer: object, name: str | None) -> str | None:
    if not name or gazetteer is None:
        return None
    lookup = getattr(gazetteer, "lookup", None)
    if lookup is None:
        return None
    for entry in lookup(name):
        if entry.kind == "country" and entry.country:
            return str(entry.country)
    return None


def _separate_namesakes(found: DocActors) -> None:
    """Give a new person whose country the text states an id that carries it.

    A name alone merges across articles ("person/john-smith"); when the article says
    where the person belongs ("John Smith, Britain's ambassador"), the id becomes
    "person/john-smith~gbr", so two namesakes of different countries never merge while
    the same person described the same way in two articles does.
    """
    renamed: dict[str, str] = {}
    known = {m.actor_id for m in found.mentions if m.how == "gazetteer"}
    for actor_id, actor in list(found.actors.items()):
        is_new = actor_id.startswith("person/") and "@" not in actor_id and "~" not in actor_id
        if is_new and actor.country and actor_id not in known and not actor.wikidata:
            new_id = f"{actor_id}~{actor.country.lower()}"
            renamed[actor_id] = new_id
            found.actors[new_id] = replace(actor, actor_id=new_id)
            del found.actors[actor_id]
    if renamed:
        found.mentions[:] = [
            replace(m, actor_id=renamed.get(m.actor_id, m.actor_id)) if m.actor_id else m
            for m in found.mentions
        ]
        found.acronyms.update({k: renamed.get(v, v) for k, v in found.acronyms.items()})


def analyse_doc(
    article: CleanArticle, doc: Doc, gazetteer: object, min_confidence: float = 0.0, quotes: str = "v2"
) -> AnalysedArticle:
    """Resolve actors and extract facts from one parsed article (``quotes``: the quote finder version)."""
    date = _doc_date(article.date)
    sentences = sentence_records(doc, article.doc_id)
    evidence: dict[int, Evidence] = {s.idx: evidence_for(s, VERSION) for s in sentences}
    found = resolve_entities(doc, article.doc_id, date, gazetteer)  # type: ignore[arg-type]
    resolve_coreference(found, date, gazetteer)  # type: ignore[arg-type]
    roles = text_roles(found, evidence)
    actors: dict[str, Actor] = dict(found.actors)
    for actor_id, role in roles:
        actor = actors[actor_id]
        # "Serbian President X", "X, Syria's foreign minister": a stated office gives an unknown person a country
        country = actor.country or _country_named(gazetteer, role.of)
        actors[actor_id] = replace(actor, roles=(*actor.roles, role), country=country)
    found.actors.update(actors)
    _separate_namesakes(found)
    qualify_mentions(found)
    actors = dict(found.actors)
    events, found_quotes, relations = assemble_facts(
        article, found, sentences, evidence, date, min_confidence, quotes
    )
    used = {m.actor_id for m in found.mentions if m.actor_id}
    return AnalysedArticle(
        article=article,
        sentences=tuple(sentences),
        mentions=tuple(found.mentions),
        actors=tuple(a for a in actors.values() if a.actor_id in used),
        events=tuple(events),
        quotes=tuple(found_quotes),
        relations=tuple(relations),
    )

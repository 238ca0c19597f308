"""The analysis stages (nlp → resolve → extract) over cleaned articles.

Pure: takes :class:`CleanArticle` records, returns :class:`AnalysedArticle` records or
:class:`Failure` records. No I/O, so ``patronage.scale`` can run it in worker processes or
on Ray unchanged. :class:`Analyser` is set up once from the settings; ``patronage run``
(through its engines), ``patronage.analyse`` and the evaluations all analyse through it.

A failure is named by its stage and kind: spaCy failing on a text is an
:class:`~patronage.errors.ExtractionError` of stage ``nlp``; a bug met while resolving
actors or extracting facts is an ``ExtractionError`` of stage ``resolve`` or ``extract``
(its message names the underlying exception); a :class:`~patronage.errors.PatronageError`
raised on purpose keeps its own class and is given the stage it was raised in.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from patronage.config import Settings
from patronage.errors import ExtractionError, PatronageError
from patronage.extract.assemble import assemble_facts
from patronage.extract.quotes.model import load_model
from patronage.model.records import AnalysedArticle, CleanArticle, Event, Evidence, Failure, Quote, Relation
from patronage.nlp.loader import load_nlp
from patronage.nlp.parse import parse
from patronage.nlp.segment import CUT_KEY, MAX_SENTENCE_CHARS
from patronage.nlp.sentences import evidence_for, sentence_records
from patronage.resolve.document import resolve_document
from patronage.resolve.nodes import not_nodes
from patronage.resolve.protocol import GazetteerLike
from patronage.resolve.registry import load_gazetteer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "MAX_FACTS_PER_SENTENCE",
    "VERSION",
    "Analyser",
    "analyse_articles",
    "failure_of",
    "named",
    "stage",
    "warning_failures",
]

#: provenance of the analysis, stored with every evidence
VERSION = "patronage.analyse.v1"

#: at most this much of an underlying exception's text is kept in a failure's message
_MESSAGE = 300
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


def named(exc: Exception, stage_name: str, doc_id: str) -> PatronageError:
    """``exc`` as a failure named by stage and kind.

    A :class:`PatronageError` raised on purpose keeps its class and is given the stage;
    any other exception (a bug met on this article) becomes an :class:`ExtractionError`
    of the stage whose message names it.
    """
    if isinstance(exc, PatronageError):
        if exc.stage is None:
            exc.stage = stage_name
        return exc
    message = f"{type(exc).__name__}: {exc}"[:_MESSAGE]
    return ExtractionError(message, source=doc_id, stage=stage_name)


@contextmanager
def stage(name: str, doc_id: str) -> Iterator[None]:
    """Run one stage of one article's analysis; what fails in it is raised as :func:`named` names it."""
    try:
        yield
    except Exception as exc:
        error = named(exc, name, doc_id)
        if error is exc:
            raise
        raise error from exc


def failure_of(doc_id: str, exc: PatronageError, default_stage: str) -> Failure:
    """The failure record of an article lost to ``exc``."""
    return Failure(doc_id, exc.stage or default_stage, type(exc).__name__, exc.message[:_MESSAGE])


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


def _sides(events: Iterable[Event], quotes: Iterable[Quote], relations: Iterable[Relation]) -> set[str]:
    """Ids of the actors some fact of the article has as a side or a speaker."""
    refs = [r for e in events for r in (e.source, e.target)]
    refs += [q.speaker for q in quotes] + [r for rel in relations for r in (rel.source, rel.target)]
    return {ref.actor_id for ref in refs if ref is not None and ref.actor_id}


def warning_failures(results: Iterable[AnalysedArticle | Failure]) -> list[Failure]:
    """The warnings of analysed articles as ``failures`` rows (level ``warning``) to store with them."""
    return [
        Failure(r.article.doc_id, "extract", "ExtractionError", warning, "warning")
        for r in results
        if isinstance(r, AnalysedArticle)
        for warning in r.warnings
    ]


@dataclass(frozen=True)
class Analyser:
    """The analysis stages set up once: the spaCy pipeline, the gazetteer and the thresholds."""

    nlp: Language
    gazetteer: GazetteerLike | None
    batch_size: int = 64
    min_confidence: float = 0.0
    """Events the scorer gives less than this are left out."""
    relation_confidence: float = 0.0
    """Only events of at least this confidence imply relations."""
    quotes: str = "v2"
    """The quote finder: ``v2`` (the attribution model trained on PolNeAR) or ``v1`` (rules)."""

    @classmethod
    def from_settings(cls, settings: Settings) -> Analyser:
        """The analyser the settings describe (model and gazetteer are loaded once per process)."""
        quotes = str(settings.get("extract.quotes"))
        if (
            quotes == "v2"
        ):  # load the attribution model once, before the first article (a missing one fails here)
            load_model()
        return cls(
            nlp=load_nlp(str(settings.get("nlp.model"))),
            gazetteer=load_gazetteer(tuple(settings.get("resolve.gazetteer"))),
            batch_size=int(settings.get("nlp.batch_size")),
            min_confidence=float(settings.get("extract.min_confidence")),
            relation_confidence=float(settings.get("extract.relation_confidence")),
            quotes=quotes,
        )

    def parse(self, articles: Sequence[CleanArticle]) -> Iterator[tuple[CleanArticle, Doc | PatronageError]]:
        """Each article with its parse, in spaCy batches; a text spaCy fails on gets the error instead.

        A batch fails whole when spaCy fails on one of its texts, so the first article not yet given
        is then parsed alone (which names the failing text) and batching resumes after it.
        """
        position = 0
        while position < len(articles):
            docs = parse(self.nlp, (a.text for a in articles[position:]), self.batch_size)
            try:
                for doc in docs:
                    yield articles[position], doc
                    position += 1
            except Exception:  # spaCy may fail on pathological input; keep the rest of the batch
                article = articles[position]
                try:
                    alone = next(parse(self.nlp, [article.text], self.batch_size))
                except Exception as exc:
                    yield article, named(exc, "nlp", article.doc_id)
                else:
                    yield article, alone
                position += 1
                continue
            for article in articles[position:]:  # pragma: no cover - nlp.pipe yields one doc per text
                yield article, ExtractionError("no parse returned", source=article.doc_id, stage="nlp")
            return

    def analyse_doc(self, article: CleanArticle, doc: Doc) -> AnalysedArticle:
        """Resolve actors and extract facts from one parsed article.

        Raises :class:`ExtractionError` (stage ``resolve`` or ``extract``) when that fails.
        """
        date = _doc_date(article.date)
        with stage("resolve", article.doc_id):
            sentences = sentence_records(doc, article.doc_id)
            evidence: dict[int, Evidence] = {s.idx: evidence_for(s, VERSION) for s in sentences}
            found = resolve_document(doc, article.doc_id, date, self.gazetteer, evidence)
        with stage("extract", article.doc_id):
            events, quotes, relations = assemble_facts(
                article,
                found,
                sentences,
                evidence,
                date,
                self.min_confidence,
                self.relation_confidence,
                self.quotes,
            )
        # a country named only through its cities or regions ("a rally in Iowa"), a state or body
        # named only as a setting ("the war in Yemen"), an unknown body named once in passing: no node
        used = {m.actor_id for m in found.mentions if m.actor_id and m.how != "region"}
        settings = not_nodes(doc, found.mentions, found.actors, _sides(events, quotes, relations))
        used -= settings
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
            settings=tuple(a for a in found.actors.values() if a.actor_id in settings),
        )

    def analyse_one(self, article: CleanArticle) -> AnalysedArticle:
        """Analyse one article; raises the :class:`PatronageError` that lost it."""
        for _, doc in self.parse([article]):
            if isinstance(doc, PatronageError):
                raise doc
            return self.analyse_doc(article, doc)
        raise ExtractionError("no parse returned", source=article.doc_id, stage="nlp")  # pragma: no cover

    def analyse(
        self, articles: Sequence[CleanArticle], timings: dict[str, float] | None = None
    ) -> Iterator[AnalysedArticle | Failure]:
        """Analyse ``articles`` in spaCy batches; one failed article never stops the batch.

        When ``timings`` is given, seconds spent in spaCy (``nlp``) and in the project's own
        resolve/extract code (``extract``) are added to it.
        """
        clock = timings if timings is not None else {}
        t0 = time.perf_counter()
        for article, doc in self.parse(articles):
            t1 = time.perf_counter()
            clock["nlp"] = clock.get("nlp", 0.0) + t1 - t0
            result: AnalysedArticle | Failure
            if isinstance(doc, PatronageError):
                result = failure_of(article.doc_id, doc, "nlp")
            else:
                try:
                    result = self.analyse_doc(article, doc)
                except PatronageError as exc:  # recorded, never fatal to the run
                    result = failure_of(article.doc_id, exc, "extract")
            t0 = time.perf_counter()
            clock["extract"] = clock.get("extract", 0.0) + t0 - t1
            yield result


def analyse_articles(
    articles: Sequence[CleanArticle], settings: Settings, timings: dict[str, float] | None = None
) -> Iterator[AnalysedArticle | Failure]:
    """Analyse ``articles`` with the analyser the settings describe (see :meth:`Analyser.analyse`)."""
    return Analyser.from_settings(settings).analyse(articles, timings)

"""Typed records passed between stages.

Every stage takes and returns these frozen dataclasses, never dicts or spaCy
objects, so that stages stay pure and can run in another process (see
``patronage.scale``). Every fact carries an :class:`Evidence`.

The records are also the one declaration of the store's tables and of the public export
schema: :mod:`patronage.model.fields` reads their fields (and the ``column``/``public``
metadata a few carry) into columns and JSON keys. Adding a field here adds it to the table
(with a migration in ``store/schema.py``), to the exports and to the API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar


def _stored(column: str | None = "", public: str | None = "", **kwargs: Any) -> Any:
    """A dataclass field whose column name or public key differs from its name (see ``model.fields``)."""
    metadata: dict[str, str | None] = {}
    if column != "":
        metadata["column"] = column
    if public != "":
        metadata["public"] = public
    return field(metadata=metadata, **kwargs)


__all__ = [
    "CIVILIANS",
    "DESCRIBED",
    "DOCUMENT_DATE",
    "RunReport",
    "is_described",
    "known_to_gazetteer",
    "ActorRef",
    "Actor",
    "AnalysedArticle",
    "Article",
    "CleanArticle",
    "DateValue",
    "Event",
    "Evidence",
    "Failure",
    "Mention",
    "Place",
    "Quote",
    "Relation",
    "Role",
    "Sentence",
]

#: precisions a :class:`DateValue` can have, from finest to coarsest
PRECISIONS = ("day", "month", "season", "year", "decade", "unknown")


@dataclass(frozen=True, slots=True)
class Article:
    """One input article as read by ``ingest``, before cleaning."""

    doc_id: str
    title: str
    text: str | None = None
    html: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    #: where it came from: a path, ``path:line`` or ``<stdin>``
    origin: str = ""


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article after ``clean``: the text every character offset refers to."""

    doc_id: str
    title: str
    text: str
    date: str | None
    url: str | None
    source: str | None
    origin: str
    content_hash: str
    removed_lines: tuple[str, ...] = _stored(column=None, default=())
    """What cleaning took out (captions, credits…), stored in the ``removed_lines`` table."""


@dataclass(frozen=True, slots=True)
class Failure:
    """An article or input that could not be processed, and why."""

    doc: str
    """The article's id, or the input (``path``, ``path:line``) when no article could be read."""
    stage: str
    error: str
    message: str
    level: str = "error"
    """``error`` when the article was lost, ``warning`` when it was kept with a caveat."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact place in a cleaned article a fact comes from.

    ``start``/``end`` are character offsets into the stored cleaned text and
    ``sentence`` equals ``text[start:end]``.
    """

    doc_id: str = _stored(column="doc_id")
    start: int = _stored(column="ev_start")
    end: int = _stored(column="ev_end")
    sentence: str = _stored(column="sentence")
    sentence_idx: int = _stored(column="sentence_idx", public=None, default=-1)
    extractor: str = _stored(column="extractor", public=None, default="")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a cleaned article."""

    doc_id: str
    idx: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names or refers to an actor."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str
    sentence_idx: int
    actor_id: str | None = None
    #: how the actor was found: ``gazetteer``, ``title``, ``coref``, ``ner``, ``new``
    how: str = "ner"


#: the ``text`` of a fact's date when no date expression dated it: the article's month stands in
DOCUMENT_DATE = "document date"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date with an honest precision.

    ``value`` is ISO-like and only as long as the precision allows:
    ``2015-10-20`` (day), ``2024-12`` (month), ``2012`` with ``season`` set
    (season), ``2014`` (year), ``2010`` (decade).
    """

    value: str | None = _stored(column="{}", public="{}")
    precision: str = _stored(public="{}_precision", default="unknown")
    season: str | None = _stored(public="{}_season", default=None)
    text: str = _stored(public="{}_text", default="")


@dataclass(frozen=True, slots=True)
class Place:
    """A location resolved to a country and, when named, a city or region."""

    name: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Role:
    """A (possibly time-bounded) role an actor holds."""

    title: str
    of: str | None = None
    start: str | None = None
    end: str | None = None
    origin: str = "gazetteer"
    evidence: Evidence | None = None

    @property
    def dated(self) -> bool:
        """Whether the role has a start or an end date."""
        return bool(self.start or self.end)

    def covers(self, day: str) -> bool:
        """Whether the role is held on ``day`` (ISO date); an open end runs on."""
        return (self.start or "0000") <= day <= (self.end or "9999")


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: a person, country, organization or group."""

    actor_id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    """Stored in the ``roles`` table."""

    PUBLIC_ORDER: ClassVar[tuple[str, ...]] = (
        "actor_id", "name", "aliases", "kind", "country", "sector", "wikidata", "roles",
    )  # fmt: skip


#: id prefix of an actor the text only describes ("officials", "Democratic leaders"): kept on the
#: fact that names it, never a node of the network and never party to a standing relation
DESCRIBED = "described:"


def is_described(actor_id: str | None) -> bool:
    """True for the id of an actor the text describes but resolution could not name."""
    return bool(actor_id) and str(actor_id).startswith(DESCRIBED)


def known_to_gazetteer(actor: Actor) -> bool:
    """Whether the actor comes from the gazetteer: it has roles from there or a Wikidata id."""
    return bool(actor.wikidata) or any(r.origin == "gazetteer" for r in actor.roles)


#: the sector of a country's civilians ("an Iraqi civilian", "the Russian lawyer"): CAMEO's CVL
CIVILIANS = "CVL"


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A reference to an actor as it appears in one fact, with its surface text."""

    actor_id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """An event between actors, coded in PLOVER 2021 and CAMEO."""

    event_id: str
    type: str
    cameo: str | None
    source: ActorRef | None
    target: ActorRef | None
    evidence: Evidence
    mode: str | None = None
    context: tuple[str, ...] = ()
    polarity: str = "asserted"
    modality: str = "actual"
    date: DateValue = field(default_factory=lambda: DateValue(None))
    location: Place | None = None
    confidence: float = 0.5
    trigger: str = ""
    #: the event's country dyad as event datasets code it (``extract.dyad``)
    dyad_source: str | None = _stored(public="dyad.source", default=None)
    dyad_target: str | None = _stored(public="dyad.target", default=None)
    #: how central the event is in its sentence as coded (trigger near the root, arguments found,
    #: not inside another event's clause), before calibration: what picks a sentence's main event
    salience: float = 0.0

    PUBLIC_ORDER: ClassVar[tuple[str, ...]] = (
        "event_id", "type", "mode", "context", "cameo", "source", "target", "polarity", "modality",
        "date", "date_precision", "location", "evidence", "confidence", "trigger", "date_season",
        "date_text", "dyad",
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Quote:
    """Something an actor (or an anonymous source) said."""

    quote_id: str
    speaker: ActorRef | None
    text: str
    cue: str | None
    direct: bool
    evidence: Evidence
    speaker_text: str | None = _stored(column="speaker_text", default=None)
    """The speaker as the text names it; stored in the speaker's ``text`` column."""
    #: how likely ``speaker`` is right, 0 to 1; ``None`` when there is no speaker
    speaker_confidence: float | None = None

    PUBLIC_ORDER: ClassVar[tuple[str, ...]] = (
        "quote_id", "speaker", "speaker_text", "speaker_confidence", "text", "cue", "direct", "evidence",
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Relation:
    """One statement or event supporting a relationship between two actors."""

    source: ActorRef
    target: ActorRef
    relation: str
    evidence: Evidence
    polarity: str = "positive"
    strength: float = 0.5
    date: DateValue = field(default_factory=lambda: DateValue(None))
    origin: str = "statement"


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """Everything the analysis stages found in one article."""

    article: CleanArticle
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    relations: tuple[Relation, ...]
    warnings: tuple[str, ...] = ()
    """Caveats of the analysis (an over-long sentence cut, facts over the per-sentence cap dropped)."""
    settings: tuple[Actor, ...] = ()
    """States and bodies the article names only as a setting ("the war in Yemen") or, unknown,
    once in passing: resolved, their mentions kept, but no nodes of the network (not stored as
    the article's actors)."""


@dataclass
class RunReport:
    """Counts of one run or shard load, for the CLI summary and exit code."""

    db: str
    run_id: str = ""
    n_read: int = 0
    n_new: int = 0
    n_unchanged: int = 0
    n_failed: int = 0
    n_warnings: int = 0
    failures: list[Failure] = field(default_factory=list)

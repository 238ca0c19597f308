"""Turn coded frames, quote spans and statements into evidence-linked fact records."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span

from patronage.extract.coding import EventFrame, code_sentence
from patronage.extract.dyad import coded_dyad
from patronage.extract.quotes import QuoteSpan, find_quotes
from patronage.extract.relations import relations_from_events
from patronage.extract.statements import find_statements
from patronage.model.records import (
    ActorRef,
    CleanArticle,
    DateValue,
    Event,
    Evidence,
    Place,
    Quote,
    Relation,
    Sentence,
)
from patronage.nlp.sentences import doc_text
from patronage.resolve.dates import Timeline
from patronage.resolve.docactors import DocActors
from patronage.resolve.titles import is_role_noun

__all__ = ["EXTRACTOR", "assemble_facts"]

EXTRACTOR = "patronage.extract.v1"

#: nominal triggers of a prisoner swap ("in exchange for", "in a swap for")
_SWAP_WORDS = frozenset({"exchange", "swap", "trade"})


def _fact_id(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _document_date(date: dt.date | None) -> DateValue:
    """The fallback date of a fact with no date expression: the reporting month."""
    if date is None:
        return DateValue(None, "unknown")
    return DateValue(date.strftime("%Y-%m"), "month", None, "document date")


def assemble_facts(
    article: CleanArticle,
    found: DocActors,
    sentences: Sequence[Sentence],
    evidence: dict[int, Evidence],
    date: dt.date | None,
    min_confidence: float = 0.0,
) -> tuple[list[Event], list[Quote], list[Relation]]:
    """Events, quotes and relation statements of one analysed article."""
    doc = found.doc
    by_start = {s.start: s for s in sentences}
    timeline = Timeline(date)
    events: list[Event] = []
    relations: list[Relation] = []
    sets: dict[str, tuple[str, ActorRef]] = {}
    fallback = _document_date(date)
    for sent in doc.sents:
        record = _record_for(sent, by_start)
        if record is None:
            continue
        ev = evidence[record.idx]
        sent_date = timeline.sentence_date(record.text) or fallback
        countries: list[str] | None = None
        frames = code_sentence(sent)
        for frame in frames:
            coded = _events(
                article.doc_id, frame, found, ev, sent_date, min_confidence, _swap_side(frame, frames, found)
            )
            if coded and countries is None:
                countries = found.countries_in(sent.start_char, sent.end_char)
            events.extend(_with_dyad(e, countries or []) for e in coded)
        for st in find_statements(sent, found, sets):
            relations.append(
                Relation(st.source, st.target, st.relation, ev, st.polarity, st.strength, sent_date)
            )
    relations.extend(relations_from_events(events))
    quotes = _quotes(article.doc_id, found, sentences)
    # two frames can describe one fact (a verb and its noun, a quote found twice): one record per id
    events = list({e.event_id: e for e in reversed(events)}.values())[::-1]
    quotes = list({q.quote_id: q for q in reversed(quotes)}.values())[::-1]
    return events, quotes, relations


def _with_dyad(event: Event, countries: Sequence[str]) -> Event:
    source, target = coded_dyad(event.source, event.target, event.location, countries)
    return replace(event, dyad_source=source, dyad_target=target)


def _record_for(sent: Span, by_start: dict[int, Sentence]) -> Sentence | None:
    start = sent.start_char
    text = doc_text(sent.doc)
    while start < sent.end_char and text[start].isspace():
        start += 1
    return by_start.get(start)


def _swap_side(frame: EventFrame, frames: Sequence[EventFrame], found: DocActors) -> list[ActorRef]:
    """Who releases the other prisoner of a swap: "Russia freed A in exchange for B".

    The exchange frame names only B. The country of A, whom the other side set free,
    is the one that releases B (A's country got A back for B).
    """
    text = doc_text(found.doc)
    if frame.type != "RETREAT" or frame.sources:
        return []
    if text[frame.trigger_start : frame.trigger_end].lower() not in _SWAP_WORDS:
        return []
    out: list[ActorRef] = []
    for other in frames:
        if other is frame or other.type != "RETREAT" or not other.sources:
            continue
        releasers = {r.country for r in _refs(found, other.sources)}
        for freed in _refs(found, other.targets):
            country = found.actors.get(f"country/{freed.country}") if freed.country else None
            if country is None or freed.country in releasers:
                continue
            ref = ActorRef(country.actor_id, country.name, country.kind, country.country, "GOV", freed.text)
            if all(ref.actor_id != r.actor_id for r in out):
                out.append(ref)
    return out


def _events(
    doc_id: str,
    frame: EventFrame,
    found: DocActors,
    ev: Evidence,
    date: DateValue,
    min_confidence: float,
    implied_sources: Sequence[ActorRef] = (),
) -> list[Event]:
    if frame.confidence < min_confidence:
        return []
    sources = _refs(found, frame.sources) or list(implied_sources)
    targets = _refs(found, frame.targets)
    if not sources and not targets:
        return []
    location: Place | None = None
    if frame.location is not None:
        location = found.place_for_span(*frame.location)
        if not targets and sources:
            # PLOVER codes the place of a one-sided event as its recipient: a visit's host is the
            # country visited ("arrived in Moscow" → Russia), a curfew lifted "in X" concerns X
            hosts = [r for r in found.refs_for_span(*frame.location) if r.kind == "country"]
            if frame.type == "CONSULT":
                hosts = [h for h in hosts if all(h.country != s.country for s in sources)]
            targets = hosts
    # an actor is never its own recipient ("X ended its dispute"): such targets fall away
    targets = [t for t in targets if all(t.actor_id != s.actor_id for s in sources)]
    if sources and not targets:
        targets = _implicit_targets(found, frame, sources)
    out = []
    source_options: list[ActorRef | None] = list(sources) or [None]
    target_options: list[ActorRef | None] = list(targets) or [None]
    for source in source_options:
        for target in target_options:
            if source is not None and target is not None and source.actor_id == target.actor_id:
                continue
            trigger = doc_text(found.doc)[frame.trigger_start : frame.trigger_end]
            event_id = _fact_id(
                doc_id,
                frame.trigger_start,
                frame.type,
                source and source.actor_id,
                target and target.actor_id,
            )
            out.append(
                Event(
                    event_id=event_id,
                    type=frame.type,
                    cameo=frame.cameo,
                    source=source,
                    target=target,
                    evidence=ev,
                    mode=frame.mode,
                    context=frame.context,
                    polarity=frame.polarity,
                    modality=frame.modality,
                    date=date,
                    location=location,
                    confidence=round(frame.confidence, 3),
                    trigger=trigger,
                )
            )
    return out


def _refs_in_modifiers(found: DocActors, start: int, end: int) -> list[ActorRef]:
    """A country or organisation named in the argument's modifiers, when its head names no one.

    "Doctors from two American aid groups", "Rebels in the Ivory Coast", "Thousands of Iraqi
    Kurds": event data codes such groups by the country or organisation they belong to.
    Relative and participial clauses are not searched: they describe other events.
    """
    span = found.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    head = span.root
    for child in head.rights:
        if child.dep_ in ("prep", "amod", "compound", "appos") and child.i > span.end - 1:
            for ref in found.refs_for_span(
                child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
            ):
                if ref.kind in ("country", "organization", "group") and ref.text.lower() not in _POSSESSIVES:
                    return [ref]
    for ref in found.refs_for_span(head.left_edge.idx, head.idx + len(head.text)):
        if ref.kind in ("country", "organization", "group") and ref.text.lower() not in _POSSESSIVES:
            return [ref]
    return []


_POSSESSIVES = {"its", "it", "their", "they", "his", "her"}


def _implicit_targets(found: DocActors, frame: EventFrame, sources: list[ActorRef]) -> list[ActorRef]:
    """The country a one-sided event concerns, named inside the trigger's phrase.

    "France is ready to contribute troops to a force in Liberia", "Israel will evacuate the
    settlements in the Gaza Strip": PLOVER codes the country named in the event's own
    phrase as its recipient. Only countries (and places resolved to one) count, never the
    source's own, and nothing from the subject's phrase.
    """
    span = found.doc.char_span(frame.trigger_start, frame.trigger_end, alignment_mode="expand")
    if span is None:
        return []
    trigger = span.root
    head = (
        trigger.head
        if trigger.dep_ in ("xcomp", "acomp") and trigger.head.pos_ in ("AUX", "ADJ")
        else trigger
    )
    subject_tokens = {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    own = {s.country for s in sources if s.country}
    out: list[ActorRef] = []
    for token in trigger.subtree:
        if token.i in subject_tokens:
            continue
        for idx in found.token_mentions.get(token.i, []):
            mention = found.mentions[idx]
            ref = found.ref(mention)
            if ref is None or ref.kind != "country" or ref.country in own:
                continue
            if all(ref.actor_id != r.actor_id for r in out):
                out.append(ref)
    return out[:1]


def _refs(found: DocActors, spans: Sequence[tuple[int, int]]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for start, end in spans:
        refs = found.refs_for_span(start, end)
        if not refs:
            refs = _refs_in_modifiers(found, start, end)
        for ref in refs:
            if all(ref.actor_id != r.actor_id for r in out):
                out.append(ref)
    return out


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "him", "her", "them", "this", "that"}


def _names_head(found: DocActors, start: int, end: int) -> bool:
    """True when a mention covers the head word of the phrase (it names the speaker, not a modifier)."""
    span = found.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and bool(found.token_mentions.get(span.root.i))


def _described_source(text: str) -> ActorRef | None:
    """An anonymous, described speaker kept as such: "a senior administration official", "one analyst"."""
    words = text.split()
    if not words or len(words) > 12 or text.strip().lower() in _PRONOUNS:
        return None
    plural = words[-1].lower().endswith("s") and not words[-1].lower().endswith("ss")
    return ActorRef(
        f"source/{_fact_id(text.lower())}", text.strip(), "group" if plural else "person", None, None, text
    )


_HUMAN_HEADS = {
    "source",
    "sources",
    "people",
    "person",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "observer",
    "observers",
    "critic",
    "critics",
    "supporter",
    "supporters",
    "voter",
    "voters",
    "colleague",
    "colleagues",
    "friend",
    "friends",
    "insider",
    "insiders",
    "statement",
    "report",
    "newspaper",
    "agency",
    "ministry",
    "government",
    "administration",
    "committee",
    "office",
    "campaign",
}


def _human(found: DocActors, start: int, end: int) -> bool:
    """True when a speaker phrase names someone who can speak: a named actor, a person noun, a role."""
    span = found.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or head.lower_ in ("he", "she", "they", "we", "i"):
        return True
    return head.lower_ in _HUMAN_HEADS or head.lemma_.lower() in _HUMAN_HEADS or is_role_noun(head)


def _quotes(doc_id: str, found: DocActors, sentences: Sequence[Sentence]) -> list[Quote]:
    """Quotes of the article: every direct quote, and reported speech with a speaker who can speak.

    A "he said" right after another person's quote continues that speaker ("…,” Mr. X added.
    The issue, he said, …").
    """
    out: list[Quote] = []
    last: tuple[ActorRef, int] | None = None
    for span in find_quotes(found.doc):
        has_speaker = span.speaker_start is not None and span.speaker_end is not None
        if not span.direct and not (
            has_speaker and _human(found, span.speaker_start or 0, span.speaker_end or 0)
        ):
            continue
        quote = _quote(doc_id, span, found, sentences)
        if quote is None:
            continue
        speaker_text = (quote.speaker_text or "").strip().lower()
        if speaker_text in ("he", "she") and last is not None and quote.evidence.sentence_idx - last[1] <= 2:
            quote = Quote(
                quote.quote_id,
                last[0],
                quote.text,
                quote.cue,
                quote.direct,
                quote.evidence,
                quote.speaker_text,
            )
        if (
            quote.speaker is not None
            and quote.speaker.kind == "person"
            and not quote.speaker.actor_id.startswith("source/")
        ):
            last = (quote.speaker, quote.evidence.sentence_idx)
        out.append(quote)
    return out


def _quote(doc_id: str, span: QuoteSpan, found: DocActors, sentences: Sequence[Sentence]) -> Quote | None:
    text = doc_text(found.doc)
    content = text[span.content_start : span.content_end].strip()
    if not content:
        return None
    speaker: ActorRef | None = None
    speaker_text: str | None = None
    if span.speaker_start is not None and span.speaker_end is not None:
        speaker_text = text[span.speaker_start : span.speaker_end]
        refs = found.refs_for_span(span.speaker_start, span.speaker_end)
        speaker = refs[0] if refs else None
        if speaker is None or not _names_head(found, span.speaker_start, span.speaker_end):
            # "one Belarusian political analyst": a described source, from the country it names
            described = _described_source(speaker_text)
            if described is not None and speaker is not None and speaker.kind == "country":
                described = ActorRef(
                    described.actor_id, described.name, described.kind, speaker.country, None, described.text
                )
            speaker = described or speaker
    cue = (
        text[span.cue_start : span.cue_end]
        if span.cue_start is not None and span.cue_end is not None
        else None
    )
    lo = min(span.content_start, span.speaker_start if span.speaker_start is not None else span.content_start)
    hi = max(span.content_end, span.speaker_end if span.speaker_end is not None else span.content_end)
    covering = [s for s in sentences if s.end > lo and s.start < hi]
    if not covering:
        return None
    start, end = covering[0].start, covering[-1].end
    evidence = Evidence(doc_id, start, end, text[start:end], covering[0].idx, EXTRACTOR)
    quote_id = _fact_id(doc_id, span.content_start, span.content_end)
    return Quote(quote_id, speaker, content, cue, span.direct, evidence, speaker_text)

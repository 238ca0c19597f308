"""Event records from coded frames: actors resolved, one-sided events given their recipient.

:func:`sentence_events` codes one sentence (:func:`~patronage.extract.events.frames.code_sentence`),
turns each frame's argument spans into resolved actors, fills a one-sided event's recipient
from its place or its own phrase (the PLOVER conventions), gives a prisoner swap's other
release its releasing side, and codes the country dyad.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from spacy.tokens import Span, Token

from patronage.extract.dates.clauses import SentenceDates
from patronage.extract.events.arguments import (
    POLITICAL_HEADS,
    addressed,
    event_noun_phrase,
    implicit_targets,
    people_of,
    quoted_self,
    resolve_spans,
)
from patronage.extract.events.dyad import coded_dyad
from patronage.extract.events.features import event_features, quoted_tokens
from patronage.extract.events.frames import EventFrame, code_sentence
from patronage.extract.events.framing import without_framed
from patronage.extract.events.score import load_scorer
from patronage.extract.ids import fact_id
from patronage.model.records import (
    DESCRIBED,
    DOCUMENT_DATE,
    ActorRef,
    DateValue,
    Event,
    Evidence,
    Place,
    is_described,
)
from patronage.nlp.sentences import doc_text
from patronage.nlp.tokens import token_table
from patronage.resolve.docactors import DocActors

__all__ = ["sentence_events"]

#: words of promising: an agreement only with someone it is made to
_PROMISING = frozenset({"promise", "pledge", "vow", "commit", "commitment", "ensure", "guarantee", "swear"})


def _promise(found: DocActors, frame: EventFrame) -> bool:
    trigger = frame.trigger_token(found.doc)
    return trigger is not None and trigger.lemma_.lower() in _PROMISING


#: types the PLOVER manual codes only with a recipient ("Requires recipient: Yes")
_NEEDS_RECIPIENT = frozenset({"AID", "COOPERATE", "SANCTION"})
#: types whose coordinated subjects act with each other when no one else is named
_MUTUAL = frozenset({"CONSULT", "AGREE", "COOPERATE", "RETREAT"})
#: verbs whose coordinated subjects act with each other ("Blair and Brown met"), unlike "hosted"
_RECIPROCAL = frozenset(
    {
        "meet",
        "talk",
        "negotiate",
        "confer",
        "agree",
        "sign",
        "cooperate",
        "collaborate",
        "reconcile",
        "discuss",
        "exchange",
        "swap",
        "trade",
        "reach",  # "Britain and France reached an agreement", "struck a deal", "sealed a pact"
        "strike",
        "seal",
        "clinch",
        "conclude",
        "agreement",  # "the US and China announced an agreement"
        "deal",
        "accord",
        "treaty",
        "pact",
        "ceasefire",
        "truce",
        "exercise",  # "Russia and China held joint exercises"
        "drill",
        "game",
        "maneuver",
        "manoeuvre",
    }
)


def _mutual(frame: EventFrame) -> bool:
    """A type of act done with one another: meeting, agreeing, cooperating, pulling back, and the
    signing of an agreement (CAMEO 057, which PLOVER 2021 files under SUPPORT)."""
    return frame.type in _MUTUAL or frame.cameo == SIGNING


def _reciprocal(found: DocActors, frame: EventFrame) -> bool:
    trigger = frame.trigger_token(found.doc)
    if trigger is None or trigger.lemma_.lower() not in _RECIPROCAL:
        return False
    # "Both Google and Bilderberg are holding meetings": each on its own
    return not any(t.lower_ in ("both", "each", "separately") for t in trigger.sent)


#: CAMEO's "sign formal agreement"
SIGNING = "057"
#: CAMEO's "grant asylum"
ASYLUM = "075"
#: types of physical acts, whose unnamed victims are described targets ("arrested a medic")
_PHYSICAL = frozenset({"ASSAULT", "COERCE"})
#: CAMEO's "make a visit": an event only with someone or some state visited
VISIT = "042"
#: nominal triggers of a prisoner swap ("in exchange for", "in a swap for")
_SWAP_WORDS = frozenset({"exchange", "swap", "trade"})


def sentence_events(
    doc_id: str,
    sent: Span,
    found: DocActors,
    ev: Evidence,
    date: DateValue | SentenceDates,
    min_confidence: float,
) -> list[Event]:
    """The events one parsed sentence reports, each with its calibrated confidence.

    Events the scorer gives less than ``min_confidence`` are left out. With the sentence's
    :class:`SentenceDates`, each event takes the date of the clauses that hold its trigger.
    """
    scorer = load_scorer()
    out: list[Event] = []
    for event, features, vector in candidate_events(doc_id, sent, found, ev, date):
        confidence = round(scorer.confidence(features, vector), 3)  # as stored, and as filters compare it
        if confidence >= min_confidence:
            out.append(replace(event, confidence=confidence))
    return out


def candidate_events(
    doc_id: str, sent: Span, found: DocActors, ev: Evidence, date: DateValue | SentenceDates
) -> list[tuple[Event, list[str], np.ndarray]]:
    """Every event the lexicon and the parse propose in one sentence, with the scorer's inputs.

    Each comes with its features and its trigger's tok2vec vector; its ``confidence`` is
    still the coding heuristic's (training reads these candidates as they are).
    """
    frames = _swaps_with_their_release(without_framed(code_sentence(sent), found.doc), doc_text(found.doc))
    quoted = quoted_tokens(sent)
    asked = _asked(sent, quoted)
    frames = [f for f in frames if not _in_question(found, f, asked, quoted)]
    out: list[tuple[Event, list[str], np.ndarray]] = []
    roots: list[Token] = []
    countries: list[str] | None = None
    crime = _crime_story(sent)
    for frame in frames:
        when = date.at(frame.trigger_start) if isinstance(date, SentenceDates) else date
        if when.text == DOCUMENT_DATE and _earlier(found, frame):
            when = DateValue(None, "unknown")  # "Trump had ordered McGahn to …": before, not when reported
        coded = _events(doc_id, frame, found, ev, when, 0.0, _swap_side(frame, frames, found))
        if crime:
            # "the suspect was freed from jail", "the gang mistook a gray Toyota": ordinary crime
            coded = [e for e in coded if _political(e.source) or _political(e.target)]
        if not coded:
            continue
        if countries is None:
            countries = found.countries_in(sent.start_char, sent.end_char)
        tok = frame.trigger_token(found.doc) or sent.root
        vector = found.doc.tensor[tok.i] if found.doc.tensor.shape[0] > tok.i else np.zeros(96, np.float32)
        for event in coded:
            features = event_features(
                tok,
                event.type,
                event.modality,
                event.polarity,
                frame.flags,
                event.source,
                event.target,
                found,
                quoted,
            )
            out.append((_with_dyad(event, countries), features, vector))
            roots.append(tok)
    return _once_per_act(out, roots)


#: closing quotation marks a question may end inside of
_CLOSING = ('"', "”", "’", "'", "»")


def _asked(sent: Span, quoted: set[int]) -> str | None:
    """Whether the sentence is a question: ``"writer"`` (it ends with "?"), ``"quote"`` (the
    question mark ends a quotation that ends it), else None."""
    text = doc_text(sent.doc)[sent.start_char : sent.end_char].rstrip()
    if text.endswith("?"):
        return "writer"
    if text.rstrip("".join(_CLOSING)).endswith("?") and quoted:
        return "quote"
    return None


def _in_question(found: DocActors, frame: EventFrame, asked: str | None, quoted: set[int]) -> bool:
    """ "But will House Republicans subvert the deal?": an act asked about has not happened.

    A writer's question asks about everything in it; a quoted question ('"Why did you attack
    him?" she asked') only about what is inside the quotation.
    """
    if asked is None:
        return False
    if asked == "writer":
        return True
    trigger = frame.trigger_token(found.doc)
    return trigger is not None and trigger.i in quoted


def _within(inner: Token, outer: Token) -> bool:
    """Whether ``inner`` is in ``outer``'s phrase, not in an act coordinated with it ("and")."""
    tok = inner
    while tok.i != outer.i:
        if tok.dep_ == "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return inner.i != outer.i


def _once_per_act(
    candidates: list[tuple[Event, list[str], np.ndarray]], roots: list[Token]
) -> list[tuple[Event, list[str], np.ndarray]]:
    """One event for an act the sentence words twice, one word inside the other's phrase.

    "argued that prime ministers should not have the right of veto" is one demand, coded from
    "have" and from "veto": of two events of one type and one source whose triggers are nested,
    the one that names no recipient, or the inner one of two with the same recipient, goes.
    """
    drop: set[int] = set()
    for i, (a, _f, _v) in enumerate(candidates):
        for j, (b, _g, _w) in enumerate(candidates):
            if i == j or j in drop or a.type != b.type or a.polarity != b.polarity:
                continue
            if (a.source and a.source.actor_id) != (b.source and b.source.actor_id):
                continue
            if a.target is None:
                continue
            a_inside = _within(roots[i], roots[j])
            if not (a_inside or _within(roots[j], roots[i])):
                continue
            if b.target is None:
                drop.add(j)  # the same act, once with its recipient and once without
            elif b.target.actor_id == a.target.actor_id and a_inside:
                drop.add(i)  # the same act with the same recipient: the inner wording goes
    return [c for k, c in enumerate(candidates) if k not in drop]


#: words of a crime story: between people of no political standing, its acts are no political events
_CRIME = frozenset(
    """
    murder killing shooting stabbing robbery theft burglary gang mob mobster felon suspect jail
    homicide manslaughter kidnapper drug dealer gunman carjacking assault rape crime criminal
    """.split()
)
#: sectors of political standing (government, military, parties, courts, rebels, organisations of states)
_POLITICAL_SECTORS = frozenset({"GOV", "MIL", "PTY", "JUD", "LEG", "IGO", "REB", "OPP", "SPY", "INS", "COP"})


def _earlier(found: DocActors, frame: EventFrame) -> bool:
    """Whether the trigger's clause tells of a time before the report: "had ordered", "had met"."""
    tok = frame.trigger_token(found.doc)
    if tok is None:
        return False
    for _ in range(4):
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.tag_ == "VBN"
            and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children)
        ):
            return True
        if tok.pos_ == "VERB" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _crime_story(sent: Span) -> bool:
    lemmas = token_table(sent.doc).lemma
    return any(lemmas[i] in _CRIME for i in range(sent.start, sent.end))


def _political(ref: ActorRef | None) -> bool:
    """Whether an actor has political standing: a state, a body, an office or a known politician."""
    if ref is None:
        return False
    if ref.kind == "country" or ref.sector in _POLITICAL_SECTORS:
        return True
    if ref.actor_id.startswith(DESCRIBED):
        return ref.name.split()[-1].lower().rstrip("s") in POLITICAL_HEADS
    return ref.country is not None and "@" not in ref.actor_id


def _with_dyad(event: Event, countries: Sequence[str]) -> Event:
    source, target = coded_dyad(event.source, event.target, event.location, countries)
    return replace(event, dyad_source=source, dyad_target=target)


def _swaps_with_their_release(frames: list[EventFrame], text: str) -> list[EventFrame]:
    """A swap and the release it won are one event: "Putin arranged a swap, securing his release".

    The swap noun names who arranged it but not whom it freed; a release frame of the same
    sentence with the same sources names the freed person. The swap takes those targets and
    the release frame, which repeats it, is dropped.
    """
    out = list(frames)
    for i, swap in enumerate(frames):
        if swap.type != "RETREAT" or swap.targets or not swap.sources:
            continue
        if text[swap.trigger_start : swap.trigger_end].lower() not in _SWAP_WORDS:
            continue
        for other in frames:
            if (
                other is not swap
                and other.type == "RETREAT"
                and other.cameo == swap.cameo
                and other.polarity == swap.polarity
                and other.targets
                and set(other.sources) == set(swap.sources)
                and other in out
            ):
                out[i] = replace(swap, targets=other.targets)
                out.remove(other)
                break
    return out


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
        releasers = {r.country for r in resolve_spans(found, other.sources)}
        for freed in resolve_spans(found, other.targets):
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
    agents = [s for s in frame.sources if not event_noun_phrase(found, s)]
    sources = resolve_spans(found, agents) or list(implied_sources) or quoted_self(found, frame)
    targets = resolve_spans(found, addressed(found, frame), victims=frame.type in _PHYSICAL)
    if not sources and not targets:
        return []
    # "Blair and Brown met", "Russia and Ukraine signed a deal in Minsk": the sides act with each other
    mutual = len(sources) > 1 and not targets and _mutual(frame) and _reciprocal(found, frame)
    location: Place | None = None
    if frame.location is not None:
        location = found.place_for_span(*frame.location)
        if not sources and targets and frame.cameo == ASYLUM:
            # "Snowden was granted asylum in Russia": the country of refuge gives it
            sources = [r for r in found.refs_for_span(*frame.location) if r.kind == "country"]
            targets = [t for t in targets if all(t.actor_id != s.actor_id for s in sources)]
        unplaced = [t for t in targets if is_described(t.actor_id) and not t.country]
        if frame.type in _PHYSICAL and unplaced:
            # "killed 23 people in Tel Aviv": unnamed victims are of the country it happened in
            where = [
                r.country for r in found.refs_for_span(*frame.location) if r.kind == "country" and r.country
            ]
            if where:
                targets = [replace(t, country=where[0]) if t in unplaced else t for t in targets]
        if not targets and sources and not mutual:
            # PLOVER codes the place of a one-sided event as its recipient: a visit's host is the
            # country visited ("arrived in Moscow" → Russia), a curfew lifted "in X" concerns X
            hosts = [r for r in found.refs_for_span(*frame.location) if r.kind == "country"]
            if frame.type == "CONSULT":
                hosts = [h for h in hosts if all(h.country != s.country for s in sources)]
            targets = hosts
    # an actor is never its own recipient ("X ended its dispute"): such targets fall away
    targets = [t for t in targets if all(t.actor_id != s.actor_id for s in sources)]
    # "Putin met the returning Russians": people of the source's own country, not its state
    targets = [t for t in targets if not (people_of(t) and any(s.country == t.country for s in sources))]
    if mutual:  # no place was made the recipient of a mutual act
        sources, targets = sources[:1], sources[1:]
    if sources and not targets:
        targets = implicit_targets(found, frame, sources)
    if not targets and frame.type in _NEEDS_RECIPIENT:
        return []  # "Iran sent out missiles during a test": no one aided, no one sanctioned
    if frame.cameo == VISIT:
        # "Putin returned to Moscow" is going home; "a trip to East Kilbride", "his campaign tour",
        # "visited constituencies" visit no state and no one
        targets = [
            t for t in targets if not (t.kind == "country" and any(s.country == t.country for s in sources))
        ]
        if not targets:
            return []
    if not targets and frame.type == "AGREE" and _promise(found, frame):
        return []  # "the Tories have promised tax cuts", "vowed to pick a woman": a pledge to voters
    out = []
    source_options: list[ActorRef | None] = list(sources) or [None]
    target_options: list[ActorRef | None] = list(targets) or [None]
    for source in source_options:
        for target in target_options:
            if source is not None and target is not None and source.actor_id == target.actor_id:
                continue
            trigger = doc_text(found.doc)[frame.trigger_start : frame.trigger_end]
            event_id = fact_id(
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
                    salience=round(frame.confidence, 3),
                    trigger=trigger,
                )
            )
    return out

"""PLOVER 2021 / CAMEO event coding of one parsed sentence.

``code_sentence`` finds verb and noun triggers from the packaged lexicon
(:mod:`patronage.extract.events.lexicon`), reads their source and target actors
from the dependency parse (:mod:`patronage.extract.events.phrases`) and their
polarity and modality (:mod:`patronage.extract.events.modality`). It is pure: it
takes spaCy objects and returns frozen :class:`EventFrame` records with
character offsets into ``doc.text``.

Choices worth knowing:

* Argument spans are noun phrases without right modifiers; a generic head with a
  possessor ("Mr. Putin's military") is replaced by the possessor ("Mr. Putin").
* Evacuating, extracting, airlifting or rescuing a person is coded AID 070
  (provide aid): the PLOVER manual codes rescues as AID, and no CAMEO code names
  it; 075 is kept for asylum actually granted, and 074 would add a wrong
  peacekeeping context.
* An offered, intended or conditional action keeps its own type, with its modality
  ("will visit" is CONSULT, intended): the modality carries what the PLOVER manual's
  intent types (AGREE, THREATEN) carry, and :func:`patronage.model.plover.manual_type`
  maps an event to the manual's coding. A refused cooperation ("will not accept") is
  REJECT and "X must do Y" in someone's mouth is REQUEST, as in the manual.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from patronage.extract.events.features import quoted_tokens
from patronage.extract.events.lexicon import Lexicon, TriggerRule, load_lexicon
from patronage.extract.events.modality import demand_clause, modality_of, polarity_of
from patronage.extract.events.noun_senses import holding_verb, labour_strike, noun_sense, offers_event
from patronage.extract.events.objects import is_actor
from patronage.extract.events.phrases import Span2, arg_spans, owners, phrase_span, pobjs, subject_of
from patronage.extract.events.recode import reject_code, request_code
from patronage.extract.events.roles import (
    PLACE_PREPS,
    PLACES,
    actor_like,
    lemma,
    match_verb,
    noun_anchor,
    noun_args,
    noun_rule,
    place_of,
    verb_args,
)
from patronage.extract.events.senses import verb_sense
from patronage.extract.events.speech import speech_acts
from patronage.extract.events.violence import DISPLAY
from patronage.model.plover import plover
from patronage.nlp.tokens import token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["EventFrame", "Hit", "code_sentence", "rule_hits"]


@dataclass(frozen=True, slots=True)
class EventFrame:
    """One coded event: trigger, PLOVER/CAMEO code, argument spans, polarity and modality."""

    trigger_start: int
    trigger_end: int
    type: str
    cameo: str | None
    mode: str | None
    context: tuple[str, ...]
    sources: tuple[Span2, ...]
    targets: tuple[Span2, ...]
    polarity: str
    modality: str
    confidence: float
    location: Span2 | None
    flags: tuple[str, ...] = ()
    """What coding knew of the frame: ``embedded`` (in another trigger's clause), ``nominal``
    (a noun trigger), ``anchored`` (a noun after a light verb), ``adjective``."""

    def trigger_token(self, doc: Doc) -> Token | None:
        """The head word of the trigger in ``doc`` (the parse's root of its span)."""
        span = doc.char_span(self.trigger_start, self.trigger_end, alignment_mode="expand")
        return span.root if span is not None else None


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head != tok and depth < 6:
        tok = tok.head
        depth += 1
    return depth


@dataclass(frozen=True, slots=True)
class Hit:
    """A matched trigger before recoding and scoring."""

    trigger: Token
    end: int
    rule: TriggerRule
    args: tuple[list[Span2], list[Span2]]
    base: float
    location: Span2 | None
    anchor: Token
    speech: bool = False
    """A demand or denial read from a reported clause (:mod:`~patronage.extract.events.speech`)."""


def _embedded(hit: Hit, anchors: set[int]) -> bool:
    """True when the trigger sits in the complement of another trigger.

    Coordination does not count, nor does a clause that describes a noun: "Yanukovych, also
    extracted by Russia" reports its own event, whatever governs the noun.
    """
    cur = hit.anchor
    for _ in range(12):
        if cur.head == cur or cur.dep_ in {"acl", "relcl"}:
            return False
        coordinated = cur.dep_ == "conj"
        cur = cur.head
        if not coordinated and cur.i in anchors:
            return True
    return False


def _recode(lex: Lexicon, hit: Hit) -> tuple[str, str, str, str, list[Span2], list[Span2]]:
    """(cameo, type, polarity, modality, sources, targets) after the refusal and demand rules.

    An offered or intended action keeps its own type and says so in its modality ("will
    visit" is an intended CONSULT); :func:`patronage.model.plover.manual_type` gives the
    PLOVER manual's intent coding (AGREE, THREATEN) of such an event.
    """
    cameo = hit.rule.cameo
    type_ = lex.info(cameo).type
    sources, targets = hit.args
    if hit.speech:
        return cameo, type_, "asserted", "actual", sources, targets
    polarity, modality = polarity_of(hit.trigger), modality_of(hit.trigger)
    must, reporter = demand_clause(hit.trigger)
    if must:
        speaker: list[Span2] = []
        if reporter is not None:
            subj, passive = subject_of(reporter)
            if subj is not None and not passive:
                speaker = arg_spans(subj)
        return request_code(cameo), "REQUEST", "asserted", "actual", speaker, [*sources, *targets][:4]
    future = modality in {"offered", "intended", "conditional"}
    intent = plover().types[type_].intent
    if polarity == "negated" and future and (intent == "AGREE" or type_ == "AGREE"):
        return reject_code(cameo), "REJECT", "asserted", modality, sources, targets
    return cameo, type_, polarity, modality, sources, targets


def _frame(lex: Lexicon, hit: Hit, embedded: bool) -> EventFrame:
    original = lex.info(hit.rule.cameo)
    cameo, type_, polarity, modality, sources, targets = _recode(lex, hit)
    info = lex.info(cameo)
    context = hit.rule.context if hit.rule.context is not None else (original.context or info.context)
    confidence = (
        hit.base
        + 0.1 * bool(sources)
        + 0.1 * bool(targets)
        - 0.05 * min(_depth(hit.anchor), 5)
        - 0.15 * embedded
    )
    return EventFrame(
        trigger_start=hit.trigger.idx,
        trigger_end=hit.end,
        type=type_,
        cameo=cameo,
        mode=info.mode,
        context=context,
        sources=tuple(sources),
        targets=tuple(targets),
        polarity=polarity,
        modality=modality,
        confidence=round(max(0.05, min(0.95, confidence)), 3),
        location=hit.location,
        flags=_flags(hit, embedded),
    )


def _flags(hit: Hit, embedded: bool) -> tuple[str, ...]:
    flags = ["embedded"] if embedded else []
    if hit.trigger.pos_ in {"NOUN", "PROPN"}:
        flags.append("nominal")
    elif hit.trigger.pos_ == "ADJ":
        flags.append("adjective")
    if hit.anchor is not hit.trigger:
        flags.append("anchored")
    return tuple(flags)


_ADJ_TARGET_PREPS = frozenset({"of", "toward", "towards", "about", "to", "with", "at", "by", "in"})


def rule_hits(sent: Span) -> list[Hit]:
    """Triggers of the lexicon in one parsed sentence, with their rules and argument spans."""
    lex = load_lexicon()
    hits: list[Hit] = []
    consumed: set[int] = set()
    doc, table = sent.doc, token_table(sent.doc)
    pos, lemmas = table.pos, table.lemma
    for i in range(sent.start, sent.end):
        if pos[i] != "VERB" or (rules := lex.verbs.get(lemmas[i])) is None:
            continue
        tok = doc[i]
        hit = match_verb(rules, tok)
        if hit is None or offers_event(tok, lex.verbs.keys(), lex.nouns.keys()):
            continue
        rule, matched = hit
        code = verb_sense(tok, lex.info(rule.cameo).type, rule.cameo)
        if code is None:
            continue
        if code != rule.cameo:
            rule = replace(rule, cameo=code, context=None)
        if matched is not None:
            consumed.add(matched.i)
        end = tok.idx + len(tok.text)
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.dep_ == "prt" and nxt.head == tok:
            end = nxt.idx + len(nxt.text)
        location = place_of(tok, frozenset({"in", "at"}))
        if location is None and matched is not None and matched.dep_ == "dobj":
            location = place_of(matched, frozenset({"in"}))  # "granted asylum in the United States"
        if lex.info(rule.cameo).type == "CONSULT" and location is None:
            location = place_of(tok, PLACE_PREPS)
            if location is None:
                location = next(
                    (phrase_span(c) for c in tok.children if c.dep_ == "dobj" and c.ent_type_ in PLACES),
                    None,
                )
        hits.append(Hit(tok, end, rule, verb_args(tok, rule, matched, lex), 0.7, location, tok))
    verb_triggers = {h.trigger.i for h in hits}
    for i in range(sent.start, sent.end):
        if lemmas[i] not in lex.nouns or i in consumed or pos[i] not in {"NOUN", "PROPN"} or table.ent[i]:
            continue
        tok = doc[i]
        if tok.dep_ == "compound" and lemma(tok.head) in lex.nouns:
            continue  # "a veto threat", "an asylum request": the head noun is the act
        if tok.dep_ == "compound" and (is_actor(tok.head) or lemma(tok.head) in _KINDS_OF_PEOPLE):
            continue  # "trade unions", "aid workers", "protest leaders": who they are, not an act
        found = noun_rule(lex.nouns[lemmas[i]], tok)
        if found is None:
            continue
        if lemmas[i] == "strike" and found.cameo == "190" and labour_strike(tok):
            found = replace(found, cameo="143")  # the unions' strikes: a walkout, no attack
        anchor = noun_anchor(tok, verb_triggers)
        if found.cameo == DISPLAY and _together(tok, anchor):
            found = replace(found, cameo=JOINT_DRILLS)  # "exercises with Belarus": done together
        type_ = lex.info(found.cameo).type
        args = noun_args(tok, found, type_, verb_triggers)
        location = place_of(tok, frozenset({"in", "at"} - found.host_preps))
        if location is None and type_ == "CONSULT":
            location = place_of(tok, frozenset({"to"}))
        partner = bool(args[1]) or any(
            c.dep_ == "prep" and c.lower_ in {"between", "among"} for c in tok.children
        )
        if not noun_sense(tok, type_, anchor, partner):
            continue
        base = 0.55 if anchor is None else 0.7
        hits.append(Hit(tok, tok.idx + len(tok.text), found, args, base, location, anchor or tok))
    for i in range(sent.start, sent.end):
        if (
            pos[i] != "ADJ"
            or table.dep[i] not in {"acomp", "oprd", "xcomp"}
            or lemmas[i] not in lex.adjectives
        ):
            continue
        tok = doc[i]
        adj_hit = match_verb(lex.adjectives[lemmas[i]], tok)
        if adj_hit is None:
            continue
        if any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.head.children):
            continue  # "some who have been critical of the NRA": a standing stance, no act
        subj, _passive = subject_of(tok.head)
        sources_adj = arg_spans(subj) if subj is not None else []
        targets_adj: list[Span2] = []
        for _p, obj in pobjs(tok, _ADJ_TARGET_PREPS):
            # "angry at Trump", "critical of the president's decision"; a feeling about a policy
            # or a result is no act towards anyone
            targets_adj += arg_spans(obj) if actor_like(obj) else owners(obj)
        if adj_hit[0].preps and not targets_adj:
            continue
        hits.append(
            Hit(tok, tok.idx + len(tok.text), adj_hit[0], (sources_adj, targets_adj), 0.6, None, tok.head)
        )
    taken = {h.trigger.i for h in hits} | {h.anchor.i for h in hits}
    for act in speech_acts(sent, taken):
        rule = TriggerRule(act.cameo)
        args = (act.sources, act.targets)
        end = act.trigger.idx + len(act.trigger.text)
        hits.append(Hit(act.trigger, end, rule, args, 0.6, None, act.trigger, speech=True))
    return hits


#: CAMEO's "cooperate militarily": exercises held with another force (PLOVER: joint ones are COOPERATE)
JOINT_DRILLS = "062"


def _together(noun: Token, anchor: Token | None) -> bool:
    """An exercise held with another actor ("exercises with Belarus", "held drills with India",
    "joint air exercises between the two allies", "French and Egyptian warships launched war games")."""
    if any(lemma(t) == "joint" for t in noun.subtree if t.i < noun.i):
        return True  # "joint air exercises": "joint" may modify the word before the noun
    heads = (noun,) if anchor is None else (noun, anchor)
    if any(is_actor(o) for h in heads for _p, o in pobjs(h, {"with", "alongside", "between"})):
        return True
    # "French and Egyptian warships launched war games", "Russia and China held exercises": two sides
    anchor = anchor or holding_verb(noun)
    holder = subject_of(anchor)[0] if anchor is not None else None
    return holder is not None and any(
        c.dep_ == "conj"
        for t in (holder, *holder.children)
        if t is holder or t.dep_ in {"amod", "compound"}
        for c in t.children
    )


#: people and bodies a trigger noun before them only describes ("trade unions", "a protest movement")
_KINDS_OF_PEOPLE = frozenset({"union", "worker", "group", "movement", "organisation", "organization"})


#: words a headline leaves in lower case
_HEADLINE_SMALL = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by", "with", "as", "is", "but",
     "from", "into", "over", "after", "about", "vs"}
)  # fmt: skip


def _headline_word(trigger: Token, sent: Span) -> bool:
    """A trigger capitalised as a headline's word: a related story's headline inside the text ("Rex
    Tillerson Gets Fired the Day After He Criticized Russia"), a cited story's title ("Flynn Is Said
    to Have Talked to Russians"), the article's own title ("Ted Cruz Challenges Donald Trump on
    Immigration"). A headline's words parse badly ("Trump's Labor Pick … Opposes Minimum Wage
    Increase", "Central America Calls BS"), others' headlines report nothing of this story, and what
    its own title reports its text says again, as a sentence.
    """
    if trigger.i == sent.start or not trigger.is_title:
        return False
    if trigger.nbor(-1).text in {'"', "“", "‘", "'", ":", "—", "-", "("}:
        return False  # "tweeted: "Welcome…" opens a quotation, as a sentence would
    words = [t for t in sent if t.is_alpha and t.lower_ not in _HEADLINE_SMALL]
    return len(words) >= 4 and sum(t.is_title or t.is_upper for t in words) >= 0.75 * len(words)


#: what "it is … to" says of an act in the writer's words, an opinion: "it is right to condemn",
#: "it is time to sanction" (not the experience of "an honour to meet", "the first time to meet")
_OUGHT = frozenset(
    {"right", "wrong", "time", "important", "necessary", "essential", "vital", "imperative", "crucial",
     "wise", "unwise", "fit", "appropriate", "inappropriate", "proper", "fair", "unfair", "reasonable",
     "justified", "urgent", "critical", "mistake", "better", "best", "legitimate", "sensible"}
)  # fmt: skip


def _no_act(hit: Hit, quoted: set[int]) -> bool:
    """A power or a judgement, no act: what someone "can" do ("the government can prosecute
    extortion", "the president can pardon anyone") and, in the writer's own words, what "it is
    right" or "time" to do ("It is right and fit to condemn the administration")."""
    verb = hit.anchor
    if any(c.dep_ == "aux" and c.lower_ in {"can", "ca"} for c in verb.children):
        return True
    if verb.i in quoted or verb.dep_ not in {"xcomp", "relcl", "acl"}:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head  # "right and fit to condemn", "time to sanction": up to the copula
    words = []
    while head.dep_ in {"conj", "acomp", "attr"} and head.head != head:
        words.append(head)
        head = head.head
    words += [c for c in head.children if c.dep_ in {"acomp", "attr"}]  # "important to support"
    return (
        lemma(head) == "be"
        and any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in head.children)
        and any(lemma(w) in _OUGHT and not any(c.dep_ == "amod" for c in w.children) for w in words)
    )


def code_sentence(sent: Span) -> list[EventFrame]:
    """PLOVER/CAMEO event frames of one parsed sentence, in trigger order."""
    lex = load_lexicon()
    quoted = quoted_tokens(sent)
    # "he and the two members should resign", in the writer's own words: an opinion, no one's demand
    hits = [
        h
        for h in rule_hits(sent)
        if (h.speech or h.trigger.i in quoted or demand_clause(h.trigger) != (True, None))
        and not _headline_word(h.trigger, sent)
        and not _no_act(h, quoted)
    ]
    anchors = {h.anchor.i for h in hits}
    frames = [_frame(lex, h, _embedded(h, anchors - {h.anchor.i})) for h in hits]
    frames.sort(key=lambda f: f.trigger_start)
    return frames

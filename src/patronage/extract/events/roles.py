"""Trigger matching and argument roles of verb and noun triggers.

A verb trigger's subject is its source (its target when passive, with the
"by" phrase as source); direct and dative objects and the objects of to, with,
against, on and similar prepositions are targets. A noun trigger takes its
source from a possessor, a demonym or named modifier, or a by/between phrase,
and its target from to/with/against/on/for phrases; nouns such as asylum,
release or arrest take their possessor as the target, and asylum-like nouns
take the country "in"/"into" which the person went as the source. A noun that
is the object of a non-trigger verb ("staged protests", "held talks") borrows
that verb's subject, or gives it the target role after receive/require/seek.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patronage.extract.events.lexicon import Lexicon, TriggerRule
from patronage.extract.events.phrases import (
    GENERIC_HEADS,
    Span2,
    accused_in,
    actor_head,
    arg_spans,
    listed_people,
    named_among,
    owners,
    phrase_span,
    pobjs,
    subject_of,
)
from patronage.extract.events.words import OUTLETS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "ASKING",
    "FORCES",
    "PLACES",
    "PLACE_PREPS",
    "actor_like",
    "lemma",
    "match_verb",
    "noun_anchor",
    "noun_args",
    "noun_rule",
    "place_of",
    "verb_args",
]

_TARGET_PREPS = frozenset(
    {"to", "with", "against", "on", "upon", "at", "into", "toward", "towards", "between"}
)
#: types of acts done with someone: whom a light verb's "with" names is the other side
_DONE_TOGETHER = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_NOUN_TARGET_PREPS = frozenset(
    {"to", "with", "against", "on", "upon", "for", "toward", "towards", "over", "into"}
)
_LIGHT_HEADS = frozenset(
    {
        "deal",
        "program",
        "programme",
        "package",
        "supply",
        "shipment",
        "delivery",
        "agreement",
        "exchange",
        "swap",
    }
)
# objects that stay arguments even when they satisfy a rule's object constraint
_PEOPLE = frozenset(
    {"prisoner", "captive", "detainee", "hostage", "diplomat", "ambassador", "envoy", "refugee", "soldier",
     "official", "journalist", "delegation", "minister", "leader", "president", "activist", "dissident",
     "defector", "fugitive", "exile", "national", "citizen", "civilian", "worker", "inspector", "observer",
     "monitor", "peacekeeper", "counterpart", "pow"}
)  # fmt: skip
PLACE_PREPS = frozenset({"in", "at", "to", "into"})
PLACES = {"GPE", "LOC", "FAC"}
_ACTOR_ENTS = {"NORP", "GPE", "ORG", "PERSON"}
_RECIPIENT_VERBS = {
    "win", "gain", "receive",
    # "Labour has attracted media criticism", "drew praise from Democrats": the one it falls on
    "attract", "draw", "earn", "garner", "incur", "require", "need", "get", "accept", "obtain", "enjoy", "seek",
    "request",
    # what one does with a demand made of one: "flouted congressional requests", "ignored the call"
    "flout", "flaunt", "ignore", "defy", "heed", "answer", "face",
}  # fmt: skip


def lemma(tok: Token) -> str:
    """The lower-cased lemma of a token."""
    return tok.lemma_.lower()


def actor_like(tok: Token) -> bool:
    """True for a noun that can name an actor: a named entity, pronoun, person noun or possessed generic."""
    head = actor_head(tok)
    return (
        head.ent_type_ in _ACTOR_ENTS
        or head.pos_ in {"PRON", "PROPN"}
        or lemma(head) in _PEOPLE
        or lemma(head) in GENERIC_HEADS
    )


def _object_tokens(verb: Token) -> list[Token]:
    """Candidate objects of a verb: direct/dative objects, passive subjects and prepositional objects."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}:
            out.append(child)
        elif child.dep_ in {"dative", "prep", "agent"}:
            out.extend(c for c in child.children if c.dep_ == "pobj")
            if child.dep_ == "dative" and child.pos_ != "ADP":
                out.append(child)
    return [c for o in out for c in [o, *(x for x in o.children if x.dep_ == "conj")]]


#: adverbs that are a verb's particle when they follow it ("hit back", "called off")
_PARTICLE_WORDS = frozenset({"back", "off", "out", "down", "up", "away", "over"})


def match_verb(rules: tuple[TriggerRule, ...], verb: Token) -> tuple[TriggerRule, Token | None] | None:
    """The first rule of a verb lemma whose constraints hold, with the object that satisfied it."""
    objects = _object_tokens(verb)
    # "on Thursday" is when, not whom: a date's preposition never satisfies a rule ("call on X")
    preps = {
        c.lower_
        for c in verb.children
        if c.dep_ in {"prep", "dative"} and not any(o.ent_type_ in {"DATE", "TIME"} for o in c.children)
    }
    # a particle the parser took for an adverb right after the verb: "clapped back at the president"
    particles = {
        c.lower_
        for c in verb.children
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in _PARTICLE_WORDS)
    }
    for rule in rules:
        matched: Token | None = None
        if rule.objects:
            for obj in objects:
                lemmas = {lemma(obj)}
                if obj.ent_type_ == "PERSON" or obj.lower_ in {"him", "her", "them"}:
                    lemmas.add("@person")  # a rule's "@person" object: any named person
                if lemmas & _LIGHT_HEADS:
                    # "an arms shipment", "a prisoner swap": the modifier names what moves
                    lemmas |= {lemma(c) for c in obj.children if c.dep_ in {"compound", "amod"}}
                if lemmas & rule.objects:
                    matched = obj
                    break
            if matched is None:
                continue
        if rule.preps and not rule.preps & preps:
            continue
        if rule.particles and not rule.particles & particles:
            continue
        return rule, matched
    return None


def _add(spans: list[Span2], new: list[Span2]) -> None:
    for span in new:
        if span not in spans:
            spans.append(span)


def place_of(tok: Token, preps: frozenset[str]) -> Span2 | None:
    """The span of a place-named object of one of ``preps`` under ``tok``, if any."""
    for _prep, obj in pobjs(tok, preps):
        if obj.ent_type_ in PLACES:
            return phrase_span(obj)
    return None


def _shared_object(verb: Token) -> list[Token]:
    """ "police assaulted and arrested a medic": the object of the verb coordinated after this one,
    when that verb has no subject of its own, is this verb's object too."""
    for conj in verb.children:
        if (
            conj.dep_ == "conj"
            and conj.pos_ == "VERB"
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children)
        ):
            return [c for c in conj.children if c.dep_ == "dobj"][:1]
    return []


def _prep_objects(verb: Token, objects: list[Token]) -> list[Token]:
    """The verb's prepositional objects that can be its recipient.

    "accused X of …, to a packed audience": with a named object, "to" and "at" give the
    audience and the venue; "met with the NRA at the White House": with another partner,
    "at" gives the place.
    """
    found = list(pobjs(verb, _TARGET_PREPS))
    named = any(o.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for o in objects)
    partnered = bool(objects) or any(
        p != "at" and actor_like(o) and o.ent_type_ not in {"DATE", "TIME"} for p, o in found
    )
    return [
        o
        for p, o in found
        if not (p in ("to", "at") and named)
        and not (p == "at" and partnered)
        and not (p == "on" and lemma(o) in _BROADCASTS)  # "criticised the rivalry on GMTV's Sunday Programme"
        and not (p == "on" and o.text[:1].isupper() and o.lower_ in OUTLETS)  # "echoed on MSNBC"
        and not (p == "with" and lemma(verb) in _GOING)  # "arrived in Cleveland with his aides": company
    ]


#: verbs of going somewhere, whose "with" is the company kept, not someone met
_GOING = frozenset({"arrive", "travel", "fly", "go", "come", "journey", "head", "return", "land", "sail"})


#: where one speaks, never whom one speaks to or against
_BROADCASTS = frozenset(
    {"programme", "program", "show", "broadcast", "radio", "television", "tv", "channel", "podcast", "air",
     "twitter", "facebook", "instagram", "youtube", "tiktok", "website", "blog", "airwaves"}
)  # fmt: skip


def verb_args(
    verb: Token, rule: TriggerRule, matched: Token | None, lex: Lexicon
) -> tuple[list[Span2], list[Span2]]:
    """(sources, targets) of a verb trigger; ``matched`` is the object that selected its rule."""
    sources: list[Span2] = []
    targets: list[Span2] = []
    type_ = lex.info(rule.cameo).type
    subj, passive = subject_of(verb)
    if subj is not None and (subj != matched or actor_like(subj)):
        _add(targets if passive else sources, arg_spans(subj))
    for _prep, obj in pobjs(verb, {"by"}):
        if passive or any(c.dep_ == "agent" for c in verb.children):
            _add(sources, arg_spans(obj))
    if passive and not sources and matched is not None:
        # "was granted asylum by Venezuela": the parser may hang the agent on the object
        _add(sources, [span for _p, obj in pobjs(matched, {"by"}) for span in arg_spans(obj)])
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.pos_ != "ADP"]
    if not objects:
        objects = _shared_object(verb)
    objects += _prep_objects(verb, objects)
    if type_ in _JUDGING:
        objects += [obj for _p, obj in pobjs(verb, {"about"})]  # "complained about Trump's decision"
    if lex.info(rule.cameo).type == "REQUEST":
        objects += [obj for _p, obj in pobjs(verb, {"from", "of"})]
        # "called for Obama's impeachment": whom the act asked for would befall
        objects += [
            obj
            for _p, obj in pobjs(verb, {"for"})
            if lemma(obj) in lex.nouns or any(c.dep_ == "poss" for c in obj.children)
        ]
    for obj in objects:
        if actor_head(obj).tag_ == "PRP$":
            continue  # "withdrew its troops": the actor's own forces are not a recipient
        if lex.info(rule.cameo).type in _SENDING_FORCES and lemma(obj) in FORCES and not obj.ent_type_:
            continue  # "deployed 2,000 troops to Poland", "sent American forces": what is sent, not to whom
        if (obj == matched and not actor_like(obj)) or lemma(obj) in lex.nouns:
            # "condemned Russia's attack", "called for sanctions against Iran": the event noun's actor
            _add(targets, [phrase_span(c) for c in obj.children if c.dep_ == "poss"])
            if type_ in _JUDGING and obj != matched:
                # "condemned the American sanctions against Venezuela": who is judged is who acted
                # (the United States), never the one the act befell
                _add(
                    targets,
                    [phrase_span(c) for c in obj.children if c.dep_ == "amod" and c.ent_type_ in _STATES],
                )
                continue
            # the act's own noun ("voiced support for Feinstein's suggestion") is for whom it says;
            # "called for sanctions" asks for a thing
            preps = _NOUN_TARGET_PREPS if type_ == "SUPPORT" else _NOUN_TARGET_PREPS - {"for"}
            if type_ in _JUDGING:
                preps |= {"about"}  # "expressed concerns about Trump's handling of the dispute"
            for _p, o in pobjs(obj, preps):
                _add(targets, _and_owners(o) if type_ in _JUDGING else arg_spans(o))
            continue
        if subj is not None and passive and obj.dep_ == "pobj" and obj.head.dep_ == "agent":
            continue
        # "criticised the president's decision": the president is judged
        _add(targets, _and_owners(obj) if type_ in _JUDGING else arg_spans(obj))
        if obj.dep_ in {"dobj", "dative"}:
            _add(targets, listed_people(obj))
            _add(targets, named_among(obj, verb))
    if not targets and matched is not None:
        # "granted Edward Snowden temporary asylum": the parser may make the recipient a noun modifier
        _add(
            targets,
            [
                phrase_span(c)
                for c in matched.children
                if (c.dep_ == "nmod" and actor_like(c)) or (c.dep_ == "compound" and c.ent_type_ == "PERSON")
            ],
        )
    if not targets and lex.info(rule.cameo).type != "REJECT":
        # "demanded that the US cancel ...": the one asked, warned or accused is the clause subject
        # (what a rebuttal insists on is the rebutter's own case: "insisted his plans were sound")
        for clause in verb.children:
            if clause.dep_ == "ccomp" and type_ != "ACCUSE":
                _add(targets, _clause_subject(clause))
            elif clause.dep_ == "ccomp" and (accused := accused_in(clause)) is not None:
                _add(targets, _and_owners(accused))  # "alleged that the Saudis funded it"
    if not targets:
        for clause in verb.children:
            if clause.dep_ in {"xcomp", "advcl"}:
                for obj in clause.children:
                    if obj.dep_ == "dobj" and actor_like(obj):
                        _add(targets, arg_spans(obj))
    if lemma(verb) == "blame" and verb.dep_ in {"xcomp", "acomp"} and lemma(verb.head) == "be":
        return [], sources  # "Hamas had been to blame": the one blamed, not the one blaming
    return sources, [t for t in targets if t not in sources]


def _clause_subject(clause: Token) -> list[Span2]:
    """Who a demanded, warned or alleged clause is about: its subject, or whose thing the subject is
    ("that the US cancel …", "that the government's plans be put on hold")."""
    subj, _passive = subject_of(clause)
    if subj is None or subj.head != clause:
        return []
    return _and_owners(subj)


def _and_owners(tok: Token) -> list[Span2]:
    """The phrase ``tok`` heads, after whose it is when it names a thing ("the president's decision")."""
    return arg_spans(tok) if actor_like(tok) else owners(tok) + arg_spans(tok)


#: verbs of gaining something from someone: one wins praise, or wins a release for another
_WINNING = frozenset({"win", "gain"})
#: types that judge an act: their target is whoever did it
_JUDGING = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
#: entity labels of an adjective that names a state or a people ("the American sanctions")
_STATES = frozenset({"NORP", "GPE"})
#: armed personnel and craft a state sends, deploys or withdraws: its own forces, never a recipient
FORCES = frozenset(
    {"troop", "soldier", "force", "warship", "marine", "personnel", "paratrooper", "battalion", "brigade",
     "unit", "guard", "reinforcement", "ship", "jet", "plane", "carrier", "submarine", "destroyer"}
)  # fmt: skip
#: types whose object may be the forces moved rather than the one they go to
_SENDING_FORCES = frozenset({"MOBILIZE", "AID", "RETREAT"})
#: verbs asking for what the noun names: "appealed for the release of X", "called for an inquiry
#: into Y" ask someone else to act, so their subject is no party to the act
ASKING = frozenset(
    {"appeal", "call", "demand", "urge", "press", "push", "ask", "plead", "lobby", "petition", "campaign"}
)
#: CAMEO codes of leaving: resigning (0831), withdrawing, retreating, demobilising (087):
#: "the resignation of the chairman", "the withdrawal of US troops" name who leaves
_LEAVING = ("0831", "087")
#: prepositions that place a clause's act at a meeting its subject attends
_MEETING_TIME = frozenset({"during", "at", "after", "before", "following", "in", "into"})
#: nouns of going somewhere: "of" names where to ("a tour of Senegal"), not who goes
_JOURNEYS = frozenset({"visit", "trip", "tour", "journey"})
#: nouns that count meetings: "after a series of talks with Y, X said"
_ROUNDS = frozenset({"series", "round", "couple", "day", "week", "month", "hour"})


def noun_args(
    noun: Token, rule: TriggerRule, type_: str, verb_triggers: set[int]
) -> tuple[list[Span2], list[Span2]]:
    """(sources, targets) of a noun trigger."""
    sources: list[Span2] = []
    targets: list[Span2] = []
    has_of = any(True for _ in pobjs(noun, {"of"}))
    for child in noun.children:
        if child.dep_ == "poss":
            # "Assad's asylum": the possessor receives; "Peru's release of prisoners": it acts
            patient = rule.possessor_is_target and not has_of
            _add(targets if patient else sources, arg_spans(child))
    for left in noun.subtree:
        if left.i >= noun.i:
            break
        if left.dep_ in {"amod", "compound"} and left.ent_type_ in _ACTOR_ENTS and left.head.i <= noun.i:
            # "the Snowden asylum" is Snowden's: a person before a noun whose possessor receives it;
            # "the Russia investigation", "the Benghazi probe" are into what they name
            inquiry = rule.cameo.startswith("09")
            if inquiry and left.ent_type_ == "ORG":
                continue  # "the FBI probe" is the FBI's, "the IRS probe" into the IRS: the name does not say
            recipient = (rule.possessor_is_target and left.ent_type_ == "PERSON") or inquiry
            _add(targets if recipient else sources, [phrase_span(left)])
    leaving = rule.cameo.startswith(_LEAVING)
    about = {"about"} if type_ in _JUDGING else set()  # "his complaints about Trump's handling"
    for prep, obj in pobjs(
        noun, {"of", "by", "from", "between", *_NOUN_TARGET_PREPS, *about, *rule.host_preps}
    ):
        if prep == "between" and not sources:
            # "the call between Trump and Zelensky": one side calls, the other is called
            sides = arg_spans(obj)
            _add(sources, sides[:1])
            _add(targets, sides[1:])
        elif prep in rule.host_preps or prep == "by" or prep == "between":
            _add(sources, arg_spans(obj))
        elif prep == "of" and lemma(noun) in _JOURNEYS and obj.ent_type_ in {"GPE", "LOC"}:
            _add(targets, arg_spans(obj))  # "a tour of Senegal and Tanzania": the places visited
        elif prep == "of":
            _add(sources if type_ == "CONSULT" or leaving else targets, arg_spans(obj))
        elif prep == "from":
            if leaving:
                _add(targets, arg_spans(obj))  # "the withdrawal of US troops from Syria": Syria is left
            elif not rule.possessor_is_target:
                _add(sources, arg_spans(obj))
        else:
            # "support for Feinstein's suggestion"
            _add(targets, _and_owners(obj) if type_ in _JUDGING else arg_spans(obj))
    head = noun.head
    anchor = noun_anchor(noun, verb_triggers)
    if anchor is not None:
        # "offered him asylum", "offered asylum to the whistleblower": the light verb's recipient
        for child in anchor.children:
            if child.dep_ == "dative" and child.pos_ != "ADP":
                _add(targets, arg_spans(child))
        # "held talks on Monday with Erdogan", "held exercises with Belarus": the other side
        joint = {"with"} if type_ in _DONE_TOGETHER else set()
        _add(
            targets,
            [
                span
                for p, obj in pobjs(anchor, {"to", "into", "against", *joint})
                if p != "with" or actor_like(obj)
                for span in arg_spans(obj)
            ],
        )
        subj, passive = subject_of(anchor)
        if subj is not None and not passive and lemma(anchor) not in ASKING:
            # "won praise from Democrats" falls on the winner; "winning the release of the pastor"
            # is the winner's own doing for the one released
            won = lemma(anchor) in _WINNING and bool(targets)
            if lemma(anchor) in _RECIPIENT_VERBS and not won:
                if not targets:
                    _add(targets, arg_spans(subj))
                if not sources:  # "drew criticism from Labour": the one it comes from
                    _add(sources, [span for _p, obj in pobjs(anchor, {"from"}) for span in arg_spans(obj)])
            elif not sources:
                _add(sources, arg_spans(subj))
    held = noun
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and lemma(head.head) in _ROUNDS
        and head.head.dep_ == "pobj"
    ):
        held = head.head  # "after a series of back-channel talks with Y, X agreed"
    if (
        not sources
        and held.dep_ == "pobj"
        and (held.head.lower_ == "for" or (type_ == "CONSULT" and held.head.lower_ in _MEETING_TIME))
        and held.head.head.pos_ == "VERB"
        and lemma(held.head.head) not in ASKING
    ):
        # "X flew to Moscow for talks with Y", "after talks with Y, X said", "X complained
        # during a meeting with Y", "X walked into the meeting with Y": the clause's subject
        # is a party to the talks
        subj, passive = subject_of(held.head.head)
        if subj is not None and not passive:
            _add(sources, arg_spans(subj))
    if type_ in {"REQUEST", "THREATEN"} and not targets:
        # "Tory demands that the government's plans be put on hold": the one asked is the clause's
        for clause in noun.children:
            if clause.dep_ in {"acl", "ccomp"} and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
            ):
                _add(targets, _clause_subject(clause))
    for clause in noun.children:
        # "the assistance he is receiving from Russia and Iran": the clause names giver and receiver
        if clause.dep_ in {"relcl", "acl"} and lemma(clause) in _RECIPIENT_VERBS:
            subj, passive = subject_of(clause)
            if subj is not None and not passive and subj.i != noun.i:
                _add(targets, arg_spans(subj))
            _add(sources, [span for _p, obj in pobjs(clause, {"from"}) for span in arg_spans(obj)])
    if noun.dep_ == "pobj" and head.lower_ == "under" and not targets:
        governor = head.head
        if governor.pos_ in {"VERB", "AUX"}:
            subj, _passive = subject_of(governor)
            if subj is not None:
                _add(targets, arg_spans(subj))
        else:
            _add(targets, arg_spans(governor))
    return sources, [t for t in targets if t not in sources]


def noun_anchor(noun: Token, verb_triggers: set[int]) -> Token | None:
    """The light verb a nominal trigger is the object of ("staged protests", "held talks"), if any."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "funneled money, intelligence and aid": aid is funneled too
    head = first.head
    if first.dep_ in {"dobj", "attr"} and head.pos_ == "VERB" and head.i not in verb_triggers:
        return head
    return None


def noun_rule(rules: tuple[TriggerRule, ...], noun: Token) -> TriggerRule | None:
    """The first noun rule whose modifier constraint holds ("hunger strike", "war games")."""
    modifiers = {lemma(c) for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}}
    for rule in rules:
        if rule.objects and not rule.objects & modifiers:
            continue
        return rule
    return None

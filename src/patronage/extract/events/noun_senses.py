"""Which sense of an event noun or an offering verb the sentence uses.

:func:`noun_sense` tells an act named by a noun ("voiced support", "a meeting with House
Republicans") from a standing position or a name for something ("the Iran deal", "his
investigation"); :func:`offers_event` tells an offer of an event ("offered asylum") from the
event itself. The verbs' senses are in :mod:`patronage.extract.events.senses`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patronage.extract.events.phrases import pobjs, subject_of
from patronage.extract.events.press import PRESS_ASKS, is_press
from patronage.extract.events.roles import ASKING, PLACES, actor_like, lemma
from patronage.extract.events.senses import (
    MATERIAL_NEEDS_RECIPIENT,
    is_actor,
    recipient_ok,
)
from patronage.extract.events.words import EASING, RECORDS, THINGS, VIOLENCE

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Token

__all__ = ["holding_verb", "labour_strike", "noun_sense", "offers_event", "undone"]


_OFFERING = frozenset({"offer", "promise", "pledge", "vow", "propose", "volunteer", "guarantee"})


def offers_event(verb: Token, verbs: Collection[str], nouns: Collection[str]) -> bool:
    """True when ``verb`` offers or promises something that is itself an event trigger."""
    if lemma(verb) not in _OFFERING:
        return False
    return any(
        (c.dep_ == "xcomp" and lemma(c) in verbs) or (c.dep_ == "dobj" and lemma(c) in nouns)
        for c in verb.children
    )


#: light verbs that make a noun of support or threat an act: "voiced support", "issued a threat"
_EXPRESSING = frozenset(
    {
        "express", "voice", "offer", "pledge", "declare", "give", "lend", "throw", "promise", "signal",
        "reiterate", "reaffirm", "extend", "show", "issue", "make", "repeat", "renew", "send", "announce",
    }
)  # fmt: skip
#: what one does with a concern one voices: "raised concerns about", "aired their concerns"
_RAISING = frozenset({"raise", "air", "flag", "share"})
#: nouns that name a standing arrangement or a stance more often than an act
_STANDING = frozenset({"deal", "agreement", "accord", "treaty", "pact", "support", "threat", "backing"})
_VISITS = frozenset({"visit", "trip", "tour", "journey", "arrival", "stay"})
_PROMISES = frozenset({"pledge", "promise", "vow", "commitment"})


_INQUIRIES = frozenset({"investigation", "inquiry", "enquiry", "probe"})


#: what one does to an inquiry that opens or conducts it: "launched an investigation into X"
_CONDUCTING = frozenset(
    {"launch", "open", "reopen", "begin", "start", "conduct", "lead", "head", "order", "announce", "organise",
     "organize", "initiate", "carry", "undertake", "expand", "pursue", "run", "establish", "gin", "commission",
     "trigger", "prompt", "spark", "set"}
)  # fmt: skip

#: what an inquiry does as it gets under way or grows
_UNDER_WAY = frozenset({"begin", "start", "open", "expand", "widen", "deepen", "intensify", "escalate"})


def _conducted(noun: Token) -> bool:
    """ "is conducting an investigation into X", "the investigation of Craig was opened", "the
    inquiry widened", "was put under investigation": an inquiry the sentence has someone open,
    carry out or widen, or someone under it, not one it only names."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "nsubj":
        return lemma(first.head) in _UNDER_WAY  # "the Justice Department's investigation expanded"
    if first.dep_ == "pobj" and first.head.lower_ == "under":
        return True  # "was put under investigation in Italy": someone is being investigated
    return first.dep_ in {"dobj", "nsubjpass"} and lemma(first.head) in _CONDUCTING


#: shows of force named by a noun: weapons tests, launches and military exercises
_DISPLAYS = frozenset({"test", "launch", "exercise", "drill", "game", "maneuver", "manoeuvre"})
#: what one does with a test or an exercise when one holds it
_STAGING = frozenset(
    {"conduct", "carry", "hold", "stage", "perform", "launch", "begin", "start", "resume", "complete",
     "undertake", "run", "mount", "make"}
)  # fmt: skip


def holding_verb(noun: Token) -> Token | None:
    """The verb that holds a measured act: "launched [10 days of] war games", "began [a series of]
    drills"."""
    tok = noun
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head is not tok.head:
        tok = tok.head.head
    return tok.head if tok is not noun and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None


def _staged(noun: Token, anchor: Token | None) -> bool:
    """A test or exercise someone holds: "conducted a missile test", "carried out its sixth nuclear
    test", "North Korea's missile launches", "launches by North Korea"; not one halted, fuelled or
    asked for, nor one with no one holding it."""
    anchor = anchor or holding_verb(noun)
    if anchor is not None:
        return lemma(anchor) in _STAGING
    own = any(c.dep_ == "poss" for c in noun.children) or any(True for _ in pobjs(noun, {"by"}))
    return own or any(
        c.dep_ in {"compound", "amod"} and c.ent_type_ in {"GPE", "NORP"} for c in noun.children
    )


def _voiced(anchor: Token | None) -> bool:
    """A concern someone voices: "Republicans raised concerns", not what a deed or a fact raises
    ("the firm hiring his son raises ethical concerns", "the visit is renewing concerns")."""
    if anchor is None or lemma(anchor) not in _EXPRESSING | _RAISING:
        return False
    subj, passive = subject_of(anchor)
    return subj is None or passive or actor_like(subj)


def _asked_for(noun: Token) -> bool:
    """ "called for the release of X", "demanded an inquiry": an act someone asks others to do."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for":
        return lemma(head.head) in ASKING
    return noun.dep_ == "dobj" and lemma(head) in {"demand", "request", "urge"}


#: what one does with a call that is a demand, never a conversation
_HEEDING = frozenset({"heed", "answer", "ignore", "echo", "reject", "join", "renew", "repeat", "dismiss"})


def _heeded(noun: Token) -> bool:
    return noun.dep_ == "dobj" and lemma(noun.head) in _HEEDING


def undone(noun: Token) -> bool:
    """Whether a penalty noun is lifted rather than laid: "lifted sanctions on Sudan", "a halt to
    American sanctions", "the easing of the embargo" (CAMEO's easing of sanctions, not sanctions)."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and lemma(head) in EASING:
        return True
    return noun.dep_ == "pobj" and head.lower_ in ("of", "to", "on") and lemma(head.head) in EASING | _EASINGS


#: nouns for lifting one
_EASINGS = frozenset({"lifting", "easing", "end", "removal", "suspension", "halt", "relaxation", "waiver",
                      "repeal", "rollback", "withdrawal", "loosening"})  # fmt: skip


#: who strikes by downing tools: a strike of theirs is a protest, not an attack
_LABOUR = frozenset(
    {"union", "unionist", "worker", "employee", "teacher", "nurse", "doctor", "miner", "driver", "staff",
     "workforce", "docker", "firefighter", "porter", "lecturer", "student"}
)  # fmt: skip


#: who rallies to protest, not to campaign
_PROTESTERS = frozenset(
    {"protester", "protestor", "demonstrator", "activist", "union", "worker", "student", "opponent", "critic",
     "crowd", "thousand", "hundred", "resident", "people", "group", "movement", "party"}
)  # fmt: skip


def _protesting(rally: Token, anchor: Token | None) -> bool:
    """A rally is a protest when it is against or for a cause ("a rally against the war", "rallies to
    stop the bill", "a protest rally") or protesters hold it; a politician's rally is campaigning."""
    if any(
        p in {"against", "over"} or (p == "for" and not is_actor(o))
        for p, o in pobjs(rally, {"against", "over", "for"})
    ):
        return True
    if any(lemma(c) == "protest" or _against(c) for c in rally.children):
        return True
    verb = anchor if anchor is not None else (rally.head if rally.dep_ in {"dobj", "nsubj", "pobj"} else None)
    if any(_purpose(c) for c in rally.children) or (
        verb is not None and any(_purpose(c) for c in verb.children)
    ):
        return True  # "attended rallies to stop Obama administration priorities"
    holders = [c for c in rally.children if c.dep_ in {"poss", "compound"}]
    if verb is not None:
        subj, _passive = subject_of(verb)
        if subj is not None:
            holders.append(subj)
    return any(lemma(t) in _PROTESTERS or any(_against(c) for c in t.children) for t in holders)


def _against(tok: Token) -> bool:
    """ "opposition", "anti-war": a word that says its noun is against something."""
    return lemma(tok) == "opposition" or tok.lower_.startswith("anti")


def _purpose(clause: Token) -> bool:
    """ "to stop the bill": a clause saying what a rally is for."""
    return clause.dep_ in {"acl", "relcl", "advcl", "xcomp"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def labour_strike(noun: Token) -> bool:
    """ "trade unions carried out strikes", "teachers went on strike", "a miners' strike": a walkout."""
    near = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "on":
        verb = verb.head  # "went on strike"
    if noun.dep_ in {"dobj", "pobj"}:
        subj, _passive = subject_of(verb)
        if subj is not None:
            near.append(subj)
    return any(lemma(t) in _LABOUR for t in near)


def noun_sense(noun: Token, type_: str, anchor: Token | None, has_partner: bool) -> bool:
    """Whether an event noun reports an act here (PLOVER codes acts, not standing positions).

    "His support of the bill", "the Iran deal", "a threat to the party" describe; "voiced
    support", "issued a threat" act. A meeting is an interaction only with someone ("a
    meeting with House Republicans", "talks between the two generals"); a cabinet or party
    meeting is internal. Violence
    named by a noun is physical only where the sentence says so (weapons, casualties,
    forces): "Romney's attack", "IRS attacks" are not.
    """
    lem = lemma(noun)
    if type_ == "SANCTION" and undone(noun):
        return False  # "lifted sanctions on Sudan", "a halt to sanctions": an easing, no penalty
    if type_ == "REQUEST" and any(lemma(o) in PRESS_ASKS for _p, o in pobjs(noun, {"for"})):
        return False  # "requests for comment": the press asking, not a political demand
    if type_ in MATERIAL_NEEDS_RECIPIENT and any(not recipient_ok(o) for _p, o in pobjs(noun, {"of"})):
        return False  # "the release of the texts", "the release of the report": records, not prisoners
    if type_ == "REQUEST" and any(c.dep_ == "poss" and is_press(c) for c in noun.children):
        return False  # "CNN's request for the transcript": newsgathering
    if type_ in MATERIAL_NEEDS_RECIPIENT and any(
        c.dep_ in ("compound", "amod") and (lemma(c) in RECORDS | THINGS or c.lower_ in RECORDS | THINGS)
        for c in noun.children
    ):
        return False  # "state data releases", "a press release": records, not prisoners
    if lem == "call" and type_ == "CONSULT" and (any(True for _ in pobjs(noun, {"of"})) or _heeded(noun)):
        return False  # "heeding the call of Dreamers": a demand answered, no phone call
    if lem == "call" and type_ == "CONSULT" and any(True for _ in pobjs(noun, {"for"})):
        return False  # "the administration's call for lawmakers to back the bill": a demand, no phone call
    if _asked_for(noun):
        return False  # "appealed for the release of X", "demanded talks": asked of others, not done
    if type_ == "PROTEST" and any(o.tag_ == "NN" and not is_actor(o) for _p, o in pobjs(noun, {"of"})):
        return False  # "a demonstration of loyalty", "a show of unity": a display, no protest
    if lem == "rally" and type_ == "PROTEST" and not _protesting(noun, anchor):
        return False  # "Biden's rally at Renaissance High School", "en route to a rally": campaigning
    if lem == "retreat" and not any(True for _ in pobjs(noun, {"from", "of", "to"})):
        return False  # "the annual House GOP retreat": a gathering, no pulling back from anywhere
    if type_ == "PROTEST" and any(lemma(c) in {"campaign", "election", "victory"} for c in noun.children):
        return False  # "a campaign rally": electioneering, no protest
    if lem in _VISITS and noun.tag_ == "NNS" and not has_partner:
        return False  # "profited from tours": visits in general, none made
    if lem in _PROMISES and anchor is not None and lemma(anchor) not in _EXPRESSING:
        return False  # "to meet a campaign pledge", "broke his promise": the promise was made before
    if lem in _STANDING and (anchor is None or lemma(anchor) not in _EXPRESSING):
        return False
    if lem == "concern" and not _voiced(anchor):
        return False  # "a matter of concern", "their concerns grew": a worry named, none voiced
    if lem in _INQUIRIES and (not has_partner or not _conducted(noun)):
        # "Mueller used his appearance to defend his investigation", "amid the Russia probe", "the
        # future of Mueller's investigation": a name for it, no act
        return False
    if lem in _DISPLAYS and type_ in {"MOBILIZE", "COOPERATE"} and not _staged(noun, anchor):
        return False  # "urged North Korea to halt missile tests", "to fuel missile launches": none held
    if type_ == "CONSULT" and lem not in _VISITS and not has_partner:
        return False
    partners = [o for _p, o in pobjs(noun, {"with", "to"})]
    if type_ == "CONSULT" and partners and all(is_press(o) for o in partners):
        return False  # "in a conference call with reporters": a briefing of the press, no consultation
    if type_ == "ASSAULT":
        return any(lemma(t) in VIOLENCE for t in noun.sent if t is not noun) or any(
            o.ent_type_ in PLACES for p in noun.children if p.dep_ == "prep" for o in p.children
        )
    return True

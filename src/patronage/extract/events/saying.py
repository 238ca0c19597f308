"""What a verb of saying says: calling someone something, warning, insisting.

The lexicon codes "called", "warned" and "insisted" with one CAMEO code each, but what they
report depends on what follows them: calling someone a liar blames (ACCUSE) and a hero praises
(SUPPORT), while calling a session to order names; warning of one's own act threatens, warning
someone to act asks, warning of a danger is no event; insisting that someone act demands,
insisting that something is so rebuts. :func:`~patronage.extract.events.senses.verb_sense`
asks these for the code the verb has in its sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patronage.extract.events.phrases import subject_of
from patronage.extract.events.roles import actor_like, lemma
from patronage.extract.events.speech import OBLIGING, REJECT_CODE, REQUEST_CODE
from patronage.extract.events.words import BLAME, PRAISE

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "CRITICIZE",
    "DESCRIBING",
    "asking_sense",
    "calling_sense",
    "describing_sense",
    "insisting_sense",
    "seeming",
    "warning_sense",
]

#: the CAMEO code of criticism, for violence words used of words ("attacked his record")
CRITICIZE = "111"

_SELF = frozenset({"i", "we", "he", "she", "it", "they"})


def calling_sense(verb: Token) -> str | None:
    """Calling someone something: blame (ACCUSE), praise (SUPPORT), or naming (no event).

    "Called Giuliani confused", "called the proposal a gimmick" blame; "called Assad a true
    friend" praises; "called the session to order" or "called it Operation X" names, as does
    "called" with no predicate word.
    """
    predicates = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "acomp"}]
    if not predicates or verb.dep_ == "acl":
        return None  # "a group called Hope Not Hate": a name
    said = [t for p in predicates for t in (p, *p.children) if t.dep_ in {"oprd", "xcomp", "acomp", "amod"}]
    words = {lemma(t) for t in said} | {t.lower_ for t in said}
    negated = any(c.dep_ == "neg" for p in predicates for c in p.children)
    if words & BLAME and not negated:
        return CRITICIZE
    if words & PRAISE and not negated:
        return "051"
    return None


#: verbs that say what someone or something is "as": blame or praise only by the words after "as"
DESCRIBING = frozenset({"describe", "characterize", "characterise", "portray", "depict"})


def describing_sense(verb: Token) -> str | None:
    """Describing something *as* blameworthy is criticism, as praiseworthy praise; else no event.

    "Described the legal code as an outdated grandfather clock" blames; "described Lord Butler's
    intervention as very important" praises (a thing praised must be someone's: "described the
    meeting as important" praises no one); "described the scene as chaotic" or "described himself
    as a moderate" only says what something is.
    """
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    phrases = [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "as"]
    said = [t for p in phrases for t in p.subtree if t is not p]
    words = {lemma(t) for t in said} | {t.lower_ for t in said}
    if not said or any(t.dep_ == "neg" or t.lower_ in {"not", "never", "hardly"} for t in said):
        return None
    if words & BLAME:
        return CRITICIZE
    # praise of a thing is praise of someone only when it is someone's ("Lord Butler's intervention")
    owned = any(
        c.dep_ == "dobj" and (actor_like(c) or any(g.dep_ == "poss" for g in c.children))
        for c in verb.children
    )
    return "051" if words & PRAISE and owned else None


def warning_sense(verb: Token, subj: Token | None) -> str | None:
    """A warning is a threat only of the warner's own act ("warned it would retaliate").

    "Warned X to leave", "warned against complacency" ask for something (REQUEST); "warned
    that the plan could fail", "warned of dangers" report a danger, which is no event.
    """
    children = list(verb.children)
    told = any(c.dep_ in {"dobj", "dative"} for c in children)
    if any(c.dep_ == "xcomp" for c in children) and told:
        return REQUEST_CODE  # "warned Iran not to test"
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in children):
        return REQUEST_CODE  # "warned against disunity"
    for clause in children:
        if clause.dep_ != "ccomp":
            continue
        own, _passive = subject_of(clause)
        if own is None:
            continue
        same = subj is not None and own.lower_ == subj.lower_
        if (same or own.lower_ in _SELF) and any(
            c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll", "wo", "could"} for c in clause.children
        ):
            return "130"  # "warned it would retaliate": the warner's own act, threatened
    return None


def insisting_sense(verb: Token) -> str | None:
    """Insisting *that someone act* is a demand; insisting that something *is so* is a rebuttal.

    "Insisted that he resign", "insisted on a vote" ask (REQUEST); "insisted the tariffs are
    working", "insisted he had permission" deny what critics say (REJECT).
    """
    if any(c.dep_ == "prep" and c.lower_ in {"on", "upon"} for c in verb.children):
        return REQUEST_CODE
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        if clause.tag_ == "VB" and not any(c.dep_ == "aux" for c in clause.children):
            return REQUEST_CODE  # the subjunctive: "insisted that he resign"
        if any(c.dep_ == "aux" and c.lower_ in OBLIGING for c in clause.children):
            return REQUEST_CODE
        return REJECT_CODE
    return None


#: what one is asked to do when a question is put: "was asked to explain", "to comment"
_ANSWERING = frozenset(
    {
        "explain",
        "comment",
        "respond",
        "clarify",
        "elaborate",
        "say",
        "describe",
        "discuss",
        "answer",
        "address",
    }
)


def asking_sense(verb: Token, passive: bool) -> bool:
    """Whether "ask" asks for something (REQUEST) rather than puts a question.

    "Asked Iran to free the sailors", "asked for help" request; "asked whether", "asked Trump a
    question" and "the president was asked to explain a comment" (by reporters the sentence does
    not name) put a question.
    """
    children = list(verb.children)
    unasked = passive and not any(c.dep_ == "agent" for c in children)
    if unasked and any(c.dep_ == "xcomp" and lemma(c) in _ANSWERING for c in children):
        return False
    return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in children)


#: verbs of seeming: what follows says how someone looks ("didn't appear threatening")
_SEEMING = frozenset({"appear", "seem", "look", "sound", "become", "feel", "be"})


def seeming(verb: Token) -> bool:
    """A verb used to say how someone seems: "he didn't appear threatening", "a threatening tone"."""
    return verb.dep_ in {"acomp", "oprd", "amod"} or (verb.dep_ == "xcomp" and lemma(verb.head) in _SEEMING)

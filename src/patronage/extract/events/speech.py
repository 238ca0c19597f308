"""Speech acts that only the reported content reveals: demands and denials made with "said".

Most political speech in the news comes through verbs that carry no event type of their own
("said", "told", "added"); what makes it an event is the clause reported. Two families are
read here, from the parse of that clause, never from other words of the sentence:

* an **obligation** laid on a named actor is a demand (REQUEST, from the speaker to that
  actor): "Kennedy said the prime minister should make a statement", "the president needs
  to clean up the mess, Durbin said", "Prince Harry should apologise, says Howard";
* a **denial** is a rejection (REJECT, of the speaker): the speaker says that the thing
  alleged did not happen or is untrue: "he said there had been no meddling", "she said the
  reports were untrue". A speaker's own negated statements ("I don't see it", "we are not
  sure") are mostly opinions and stay uncoded.

A clause whose own verb is already a trigger is left to it (its demand is coded there, see
:func:`patronage.extract.events.modality.demand_clause`). Actors are only those the parse
names or describes by a political role; "we need to", "you have to" and "one should" are
the speaker's own resolve or advice to no one and are not demands on anyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from patronage.extract.events.phrases import Span2, arg_spans, subject_of
from patronage.extract.events.roles import actor_like, lemma
from patronage.nlp.tokens import token_table
from patronage.resolve.titles import is_role_noun

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["OBLIGING", "REJECT_CODE", "REQUEST_CODE", "SpeechAct", "speech_acts"]

#: verbs that report what someone said, wrote or maintained
REPORTING = frozenset(
    {
        "say", "tell", "write", "add", "stress", "maintain", "state", "declare", "tweet", "contend",
        "assert", "reiterate", "explain", "argue", "note", "insist", "claim", "respond", "reply",
    }
)  # fmt: skip
#: auxiliaries that lay an obligation ("should", "must", "ought to")
OBLIGING = frozenset({"must", "should", "ought"})
#: "needs to", "has to": obligation verbs taking a to-infinitive
_NEED = frozenset({"need", "have"})
#: subjects that lay an obligation on no one in particular
_NO_ONE = frozenset(
    {"i", "we", "you", "it", "this", "that", "there", "one", "everyone", "everybody", "anyone", "someone",
     "nobody", "people", "something", "nothing", "everything", "they", "he", "she", "who", "which"}
)  # fmt: skip
#: what a denial is about when it is not the speaker itself
_CHARGES = frozenset(
    {"allegation", "report", "claim", "accusation", "charge", "story", "suggestion", "rumour", "rumor"}
)
#: "there would be no comment", "no sign", "no timeline": nothing denied
_NO_NEWS = frozenset({"comment", "sign", "timeline", "decision", "word", "update", "indication", "date"})
_UNTRUE = frozenset({"untrue", "false", "inaccurate", "baseless", "wrong", "unfounded", "nonsense"})

REQUEST_CODE = "100"
REJECT_CODE = "120"


@dataclass(frozen=True, slots=True)
class SpeechAct:
    """One demand or denial: its trigger, CAMEO code, and who speaks to whom."""

    trigger: Token
    cameo: str
    sources: list[Span2]
    targets: list[Span2]


def _speaker(verb: Token) -> Token | None:
    subj, passive = subject_of(verb)
    if subj is None or passive:
        return None
    if subj.lower_ in {"i", "we"} and not _quoted(verb):
        return None  # the writer's own "I said"
    return subj if actor_like(subj) or is_role_noun(subj) else None


def _quoted(tok: Token) -> bool:
    return any(mark in tok.sent.text for mark in ('"', "“", "”"))


def _named(tok: Token) -> bool:
    """A named actor or one described by a political role ("the government", "ministers")."""
    if tok.lower_ in _NO_ONE:
        return False
    return tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or (
        tok.pos_ in {"NOUN", "PROPN"} and (is_role_noun(tok) or actor_like(tok))
    )


def _clauses(verb: Token) -> list[Token]:
    """The clauses ``verb`` reports: its complement, or the clause it is inserted in ("…, he said")."""
    out = [c for c in verb.children if c.dep_ == "ccomp"]
    if not out and verb.dep_ in {"parataxis", "ccomp"} and verb.head.i < verb.i:
        out.append(verb.head)
    return out


def _obligation(clause: Token) -> Token | None:
    """The verb of an obligation the clause lays on its subject, if it lays one."""
    if clause.lower_ == "ought" or any(c.dep_ == "aux" and c.lower_ in OBLIGING for c in clause.children):
        return clause
    if lemma(clause) in _NEED and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in clause.children
    ):
        return clause
    return None


def _denies(clause: Token) -> bool:
    """True when the clause says that a thing alleged did not happen or is untrue.

    "There was no pressure", "there had been no meddling", "the reports were untrue". A
    speaker's own negated statements ("I don't see any coronation", "we are not sure") are
    mostly opinions, not denials, and are left alone.
    """
    subj, _passive = subject_of(clause)
    if subj is None:
        return False
    if lemma(subj) in _CHARGES:
        return any(lemma(c) in _UNTRUE for c in clause.children if c.dep_ in {"acomp", "attr"})
    if subj.dep_ != "expl":
        return False
    return any(
        c.dep_ in {"attr", "dobj"}
        and lemma(c) not in _NO_NEWS
        and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in clause.children
    )


def speech_acts(sent: Span, taken: set[int]) -> list[SpeechAct]:
    """Demands and denials reported in one sentence; ``taken`` are tokens already triggers."""
    if sent[-1].text == "?" or (len(sent) > 1 and sent[-2].text == "?"):
        return []
    out: list[SpeechAct] = []
    doc, table = sent.doc, token_table(sent.doc)
    for i in range(sent.start, sent.end):
        if table.pos[i] != "VERB" or table.lemma[i] not in REPORTING:
            continue
        verb = doc[i]
        speaker = _speaker(verb)
        if speaker is None:
            continue
        for clause in _clauses(verb):
            if clause.i in taken or any(c.i in taken for c in clause.children if c.dep_ == "xcomp"):
                continue
            obliged = _obligation(clause)
            if obliged is not None:
                subj, passive = subject_of(obliged)
                if subj is not None and not passive and _named(subj) and subj.i != speaker.i:
                    out.append(SpeechAct(obliged, REQUEST_CODE, arg_spans(speaker), arg_spans(subj)))
                continue
            if verb.i not in taken and lemma(verb) != "insist" and _denies(clause):
                out.append(SpeechAct(verb, REJECT_CODE, arg_spans(speaker), []))
    return out

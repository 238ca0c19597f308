"""The press as the other side of an act: talking to reporters is reporting, not consultation.

Politicians "told reporters", "spoke to CNN" and "declined requests for comment" all day; none of
it is a meeting, a demand or a refusal between political actors. The sense checks
(:mod:`~patronage.extract.events.senses`, :mod:`~patronage.extract.events.noun_senses`) ask here
whether a word names a news outlet or its people, or what reporters ask for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patronage.extract.events.roles import lemma
from patronage.extract.events.words import OUTLETS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PRESS_ASKS", "commentator", "is_press", "press_asked"]

#: what the press asks for: declining it refuses no one anything ("declined requests for comment")
PRESS_ASKS = frozenset({"comment", "interview", "response", "reaction", "statement", "clarification"})
#: the press as the other side of a conversation: talking to it is reporting, not consultation
_PRESS = frozenset(
    {"reporter", "journalist", "press", "media", "newspaper", "interviewer", "broadcaster", "newsroom"}
)

#: what a person named with it does for a living is news: "CNN anchor Jake Tapper"
_NEWS_JOBS = frozenset({"host", "anchor", "correspondent", "columnist", "editor", "commentator", "presenter"})


def is_press(tok: Token) -> bool:
    """ "reporters", "the press", "NPR", "The New York Times", "Fox News host Chris Wallace": a
    news outlet or its people."""
    if lemma(tok) in _PRESS or _outlet(tok):
        return True
    if lemma(tok) in _NEWS_JOBS and any(c.dep_ == "compound" and _outlet(c) for c in tok.children):
        return True  # "Fox News host", "a CNN anchor"
    return _named_as(tok, _NEWS_JOBS)


def _named_as(tok: Token, jobs: frozenset[str]) -> bool:
    """A person the text names with one of ``jobs`` ("host Chris Wallace", "Tapper, an anchor")."""
    return tok.ent_type_ == "PERSON" and any(
        c.dep_ in {"compound", "appos"} and lemma(c) in jobs for c in tok.children
    )


def _outlet(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.lower_ in OUTLETS and tok.ent_type_ in {"ORG", "WORK_OF_ART", ""}


def press_asked(obj: Token | None) -> bool:
    """ "requests for comment", "a call for an interview": what reporters ask of everyone."""
    if obj is None or lemma(obj) not in {"request", "call", "question", "inquiry"}:
        return False
    return any(lemma(t) in PRESS_ASKS for t in obj.subtree if t is not obj)


#: who comments on politics for a living: no party to the events they judge
_COMMENTATORS = frozenset(
    {"analyst", "pundit", "commentator", "columnist", "scholar", "academic", "professor", "researcher",
     "historian", "pollster"}
)  # fmt: skip


def commentator(tok: Token) -> bool:
    """ "CNN anchor Jake Tapper", "analysts", "a Harvard professor": the press or a commentator,
    whose praise and blame the annotation guide codes as no event (a journalist is no actor)."""
    if is_press(tok) or (tok.pos_ == "NOUN" and lemma(tok) in _COMMENTATORS):
        return True
    return _named_as(tok, _COMMENTATORS)  # named as a journalist, is_press said so already

"""The press as the other side of an act: talking to reporters is reporting, not consultation.

Politicians "told reporters", "spoke to CNN" and "declined requests for comment" all day; none of
it is a meeting, a demand or a refusal between political actors. The sense checks
(:mod:`~patronage.extract.events.senses`, :mod:`~patronage.extract.events.noun_senses`) ask here
whether a word names a news outlet or its people, or what reporters ask for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patronage.extract.events.roles import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PRESS_ASKS", "is_press", "press_asked"]

#: what the press asks for: declining it refuses no one anything ("declined requests for comment")
PRESS_ASKS = frozenset({"comment", "interview", "response", "reaction", "statement", "clarification"})
#: the press as the other side of a conversation: talking to it is reporting, not consultation
_PRESS = frozenset(
    {"reporter", "journalist", "press", "media", "newspaper", "interviewer", "broadcaster", "newsroom"}
)
#: news outlets named as such ("told NPR", "spoke to CNN")
_OUTLETS = frozenset(
    {"npr", "cnn", "msnbc", "fox", "bbc", "reuters", "ap", "afp", "axios", "politico", "nbc", "abc", "cbs",
     "pbs", "bloomberg", "times", "post", "journal", "guardian", "telegraph", "independent", "economist"}
)  # fmt: skip


def is_press(tok: Token) -> bool:
    """ "reporters", "the press", "NPR", "The New York Times": a news outlet or its people."""
    if lemma(tok) in _PRESS:
        return True
    return tok.text[:1].isupper() and tok.lower_ in _OUTLETS and tok.ent_type_ in {"ORG", "WORK_OF_ART", ""}


def press_asked(obj: Token | None) -> bool:
    """ "requests for comment", "a call for an interview": what reporters ask of everyone."""
    if obj is None or lemma(obj) not in {"request", "call", "question", "inquiry"}:
        return False
    return any(lemma(t) in PRESS_ASKS for t in obj.subtree if t is not obj)

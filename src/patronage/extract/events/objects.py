"""What a trigger's argument names, which decides the trigger's sense: an actor or a thing, a
record or someone released, one's own case or another's, a case at court or a claim.

The sense checks (:mod:`~patronage.extract.events.senses`, :mod:`~patronage.extract.events.noun_senses`)
ask here about the words around a trigger.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patronage.extract.events.roles import actor_like, lemma
from patronage.extract.events.words import ABSTRACT, RECORDS, THINGS
from patronage.resolve.titles import is_role_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["dismissal", "holds_nothing", "is_actor", "own_case", "recipient_ok", "thing"]

_OWN = frozenset({"his", "her", "its", "their", "my", "our"})


def is_actor(tok: Token) -> bool:
    """Whether a phrase head names an actor: an entity, a person, a role or a political body."""
    return tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or actor_like(tok) or is_role_noun(tok)


def thing(tok: Token) -> bool:
    """True for a common noun that names a thing or an idea, never an agent."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and (lemma(tok) in THINGS or lemma(tok) in ABSTRACT)


def recipient_ok(tok: Token) -> bool:
    """Can one release, free or aid what ``tok`` names? Not a thing, a record or an idea."""
    if tok.ent_type_ in _WORKS:
        return False  # a title: "Fear: Trump in the White House", the Patriot Act
    return tok.ent_type_ != "" or lemma(tok) not in THINGS | ABSTRACT | RECORDS


#: entities that name works, laws and products, never anyone to free or aid
_WORKS = frozenset({"WORK_OF_ART", "LAW", "PRODUCT"})


def holds_nothing(obj: Token | None) -> bool:
    """No one held: no object, or things ("measures", "atrocities") rather than someone."""
    if obj is None:
        return True
    return not is_actor(obj) and (thing(obj) or (not obj.ent_type_ and obj.tag_ == "NNS"))


#: what a court dismisses: a case, never a claim rebutted
_CASES = frozenset({"case", "suit", "lawsuit", "charge", "indictment"})


#: what one has done or holds oneself, defended when it is criticised: "defended the measures"
_OWN_DOINGS = frozenset(
    {"decision", "move", "measure", "remark", "comment", "action", "handling", "response", "conduct",
     "tweet", "record", "statement", "package", "stance", "position", "view", "policy", "proposal",
     "plan", "integrity", "reputation", "approach", "strategy", "choice", "vote", "investigation"}
)  # fmt: skip


def own_case(obj: Token) -> bool:
    """What one defends as one's own: "his decision", "the measures"; not "the president's plan"
    or someone ("defended Trump", "defended the aides' use of email")."""
    if is_actor(obj) or obj.pos_ != "NOUN" or lemma(obj) not in _OWN_DOINGS:
        return False
    owners = [
        c for c in obj.children if c.dep_ in {"poss", "compound"} and c.pos_ in {"PROPN", "NOUN", "PRON"}
    ]
    if any(c.lower_ in _OWN for c in owners if c.dep_ == "poss"):
        return True
    return not owners and any(c.dep_ == "det" for c in obj.children)


def dismissal(verb: Token, obj: Token) -> bool:
    """Dismissing a person from a post or a case from court, not a claim or a critic as wrong."""
    if lemma(obj) in _CASES:
        return True
    return obj.ent_type_ == "PERSON" and not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)

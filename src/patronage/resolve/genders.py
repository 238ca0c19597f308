"""The gender of people the gazetteer does not know, read from how the article names them.

Pronoun resolution (:mod:`patronage.resolve.antecedents`) only lets "she" refer to someone
who may be a woman; for the many people the gazetteer does not know, that used to be anyone.
The text says more: an honorific ("Mrs Beckett", "Sir John"), a gendered title
("Congresswoman", "spokesman", "the Queen") or a given name that is almost always one
gender's ("Amanda", "Howard"; names used for both are not listed). Evidence that disagrees
leaves the gender unknown.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from spacy.tokens import Span

from patronage.model.yamldata import load_yaml
from patronage.nlp.sentences import doc_text
from patronage.resolve.docactors import MentionTable
from patronage.resolve.simple import display_name

__all__ = ["given_name", "given_name_gender", "looks_like_person", "text_genders"]

_HONORIFICS = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lord": "m", "lady": "f", "dame": "f",
    "baroness": "f", "baron": "m", "madam": "f", "king": "m", "queen": "f", "prince": "m",
    "princess": "f", "congressman": "m", "congresswoman": "f", "spokesman": "m", "spokeswoman": "f",
    "chairman": "m", "chairwoman": "f", "businessman": "m", "businesswoman": "f", "actress": "f",
    # kin named just before the name: "his wife Audrey", "her son Hunter"
    "wife": "f", "widow": "f", "daughter": "f", "mother": "f", "sister": "f", "husband": "m",
    "widower": "m", "son": "m", "father": "m", "brother": "m",
}  # fmt: skip
#: last words of organisations named after a person ("Howard University", "Marine Corps")
_ORG_HEADS = frozenset(
    """
    university college school institute foundation fund center centre group party corps tech times
    post news bank hospital company corporation association council committee trust church station
    airport hall house street square park county city club museum library society union league
    agency service network media capital partners holdings inc ltd llc co report journal
    """.split()
)


@cache
def _given_names() -> dict[str, str]:
    raw = load_yaml(files("patronage.resolve").joinpath("data/given_names.yaml").read_text("utf-8"))
    return {name.casefold(): gender for gender in ("m", "f") for name in raw[gender]}


def given_name_gender(name: str) -> str | None:
    """``"m"`` or ``"f"`` for a full name whose first word is a one-gender given name, else None."""
    words = display_name(name).split()
    if len(words) < 2:
        return None
    return given_name(words[0])


def given_name(word: str) -> str | None:
    """``"m"`` or ``"f"`` for a word that is a one-gender given name ("Audrey", "Hunter"), else None."""
    return _given_names().get(word.casefold())


def looks_like_person(ent: Span) -> bool:
    """An organisation the tagger found that is a person's name: "Amanda Renteria", "Vince Cable".

    Two or three capitalised words, the first a one-gender given name and the last no word an
    organisation ends with ("Howard University" stays an organisation).
    """
    words = [t for t in ent if not t.is_punct]
    if not 2 <= len(words) <= 3 or not all(t.text[:1].isupper() for t in words):
        return False
    if words[-1].lower_ in _ORG_HEADS or any(t.is_stop for t in words):
        return False
    return words[0].text.casefold() in _given_names()


def text_genders(found: MentionTable) -> None:
    """Record in ``found.genders`` the gender the text shows for each person it does not know."""
    text = doc_text(found.doc)
    seen: dict[str, set[str]] = {}
    for mention in found.mentions:
        actor = found.actors.get(mention.actor_id) if mention.actor_id else None
        if actor is None or actor.kind != "person" or actor.actor_id in found.genders:
            continue
        clues = seen.setdefault(actor.actor_id, set())
        before = text[max(0, mention.start - 20) : mention.start].split()
        if before and (g := _HONORIFICS.get(before[-1].rstrip(".").casefold())) is not None:
            clues.add(g)
        if (g := given_name_gender(actor.name)) is not None:
            clues.add(g)
        elif "@" in actor.actor_id and (g := given_name(actor.name)) is not None:
            clues.add(g)  # a lone given name the article calls someone by: "his wife Audrey"
    for actor_id, clues in seen.items():
        if len(clues) == 1:
            found.genders[actor_id] = clues.pop()

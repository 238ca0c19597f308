"""A person's country as the text states it without an office: "Derek Mbi of Cameroon",
"Baha Mousa, an Iraqi civilian", "Lev Parnas and Igor Fruman, both U.S. citizens".

Offices give most people their country (:mod:`patronage.resolve.roles`); these phrases give it to
the people news names with no office at all: victims, detainees, citizens, activists. Only a
country the phrase itself names counts (a demonym, a country or a place in it), read from a
name's own "of"/"from" phrase or its apposition; when a person's uses state two countries,
none is given.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from patronage.resolve.docactors import MentionTable, country_at

__all__ = ["stated_nationalities"]

#: prepositions of a name that say where the person is from: "Derek Mbi of Cameroon"
_ORIGIN_PREPS = frozenset({"of", "from"})


def stated_nationalities(table: MentionTable) -> None:
    """Give each person without a country the one country their name's phrases state."""
    found: dict[str, set[str]] = {}
    for mention in table.mentions:
        if mention.how == "coref" or not mention.actor_id:
            continue
        actor = table.actors.get(mention.actor_id)
        if actor is None or actor.kind != "person" or actor.country:
            continue
        span = table.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        countries = _stated(table, span.root, actor.actor_id)
        if countries:
            found.setdefault(actor.actor_id, set()).update(countries)
    for actor_id, countries in found.items():
        if len(countries) == 1:
            table.actors[actor_id] = replace(table.actors[actor_id], country=countries.pop())


def _stated(table: MentionTable, name: Token, own: str) -> set[str]:
    out: set[str] = set()
    for child in name.children:
        if child.dep_ == "prep" and child.lower_ in _ORIGIN_PREPS:
            # "Derek Mbi of Cameroon", "a doctor from Aleppo"
            out |= {c for o in child.children if o.dep_ == "pobj" and (c := country_at(table, o.i, own))}
        elif child.dep_ == "appos":
            out |= _described_as(table, child, own)
    if name.dep_ == "appos":
        out |= _described_as(table, name.head, own)  # "an Iraqi civilian, Baha Mousa"
    if name.dep_ == "conj":
        # "Lev Parnas and Igor Fruman, both U.S. citizens": a plural apposition describes them all
        out |= {
            c
            for child in name.head.children
            if child.dep_ == "appos" and child.tag_ == "NNS"
            for c in _described_as(table, child, own)
        }
    return out


def _described_as(table: MentionTable, noun: Token, own: str) -> set[str]:
    """The country of a descriptive noun's nationality word: "an Iraqi civilian", "U.S. citizens"."""
    if noun.pos_ != "NOUN" or table.token_mentions.get(noun.i):
        return set()
    return {
        c
        for m in noun.children
        if m.dep_ in ("amod", "compound", "nmod") and m.i < noun.i and (c := country_at(table, m.i, own))
    }

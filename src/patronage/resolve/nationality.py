"""A person's country as the text states it without an office: "Derek Mbi of Cameroon",
"Baha Mousa, an Iraqi civilian", "Lev Parnas and Igor Fruman, both U.S. citizens", "Arizona's
Jeff Flake", "Sen. Dick Durbin (Ill.)".

Offices give most people their country (:mod:`patronage.resolve.roles`); these phrases give it to
the people news names with no office at all: victims, detainees, citizens, activists. Only a
country the phrase itself names counts (a demonym, a country or a place in it), read from a
name's own "of"/"from" phrase, its possessor, its apposition or the state American news puts
in brackets after a member of Congress; when a person's uses state two countries,
none is given.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from patronage.nlp.sentences import doc_text
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
        if _STATE_AFTER.match(doc_text(table.doc), mention.end):
            countries.add("USA")  # "Dick Durbin (Ill.)", "Jeff Flake (R-Ariz.)"
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
        elif child.dep_ == "poss" and (c := country_at(table, child.i, own)):
            out.add(c)  # "Arizona's Jeff Flake", "Syria's Bashar Jaafari"
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


#: the bracketed state (with or without party letter) American news writes after a member of
#: Congress, in AP style: "(Ill.)", "(R-Texas)", "(D-N.Y.)"
_STATE_AFTER = re.compile(
    r"\s*\((?:[RDI]\s*[-–]\s*)?(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss"
    r"|Mo|Mont|Neb|Nev|N\.\s?H|N\.\s?J|N\.\s?M|N\.\s?Y|N\.\s?C|N\.\s?D|Okla|Ore|Pa|R\.\s?I|S\.\s?C|S\.\s?D|Tenn|Va|Vt"
    r"|Wash|W\.\s?Va|Wis|Wyo)\.\)|\s*\((?:[RDI]\s*[-–]\s*)?(?:Texas|Utah|Ohio|Iowa|Idaho|Maine|Alaska|Hawaii)\)"
)

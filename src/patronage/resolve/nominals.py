"""Noun phrases that refer to actors: titles, groups of two, country nouns and agent nouns.

- titles ("the Syrian dictator", "Syria's beleaguered leader", "the Russian president") to
  the person of that country named in the article, else to the gazetteer's holder of that
  role at the article's date;
- plural groups ("the two leaders", "the two men") to the last two people named;
- "the kingdom" to the country named just before;
- agent nouns with a country ("a senior administration official in Washington", "Russian
  troops", "the Syrian government") to that country with a sector.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from patronage.model.records import Actor
from patronage.resolve.antecedents import thing_antecedent
from patronage.resolve.docactors import MentionTable
from patronage.resolve.protocol import GazetteerLike
from patronage.resolve.titles import HEAD_OF_STATE_TITLES, canonical_title

__all__ = ["AGENT_SECTORS", "nominal_mention"]

_GROUP_HEADS = {"leaders", "men", "presidents", "women", "sides", "allies", "rivals", "countries", "nations"}
_COUNTRY_GROUPS = {"sides", "countries", "nations"}
_LEADERS = {"leaders", "presidents"}
#: "the kingdom had taken him in": a definite country noun names the country named just before
_COUNTRY_NOUNS = frozenset({"country", "kingdom", "republic", "emirate", "sultanate", "monarchy"})
_TITLE_HEADS = HEAD_OF_STATE_TITLES | {"premier", "minister", "chancellor", "president"}

#: agent nouns and the CAMEO-style sector of the actor they make of a country
AGENT_SECTORS = {
    "official": "GOV",
    "officials": "GOV",
    "government": "GOV",
    "administration": "GOV",
    "regime": "GOV",
    "authorities": "GOV",
    "authority": "GOV",
    "ministry": "GOV",
    "diplomat": "GOV",
    "diplomats": "GOV",
    "spokesman": "GOV",
    "spokeswoman": "GOV",
    "spokesperson": "GOV",
    "envoy": "GOV",
    "embassy": "GOV",
    "military": "MIL",
    "army": "MIL",
    "troops": "MIL",
    "soldiers": "MIL",
    "forces": "MIL",
    "navy": "MIL",
    "jets": "MIL",
    "warplanes": "MIL",
    "aircraft": "MIL",
    "helicopter": "MIL",
    "commander": "MIL",
    "police": "COP",
    "rebels": "REB",
    "insurgents": "REB",
    "militants": "REB",
    "opposition": "OPP",
    "protesters": "CVL",
    "lawmakers": "LEG",
    "parliament": "LEG",
    "legislators": "LEG",
    "court": "JUD",
    "prosecutors": "JUD",
    "media": "MED",
    "analysts": "CVL",
    "leaders": "GOV",
    "leader": "GOV",
    "leadership": "GOV",
    "cabinet": "GOV",
    "minister": "GOV",
    "ministers": "GOV",
    "delegation": "GOV",
    "negotiators": "GOV",
    "guerrillas": "REB",
    "fighters": "REB",
    "separatists": "REB",
    "militia": "REB",
    "warships": "MIL",
    "ships": "MIL",
    "planes": "MIL",
    "officers": "MIL",
    "peacekeepers": "MIL",
    "police officers": "COP",
    "students": "EDU",
    "workers": "LAB",
    "unions": "LAB",
    "judges": "JUD",
    "doctors": "HLH",
    "groups": "NGO",
    "companies": "BUS",
    "firms": "BUS",
    "banks": "BUS",
    "state": "GOV",
}


def nominal_mention(
    found: MentionTable,
    head: Token,
    persons: list[tuple[int, str]],
    date: dt.date | None,
    gaz: GazetteerLike | None,
    covered: set[int],
) -> None:
    lower = head.lower_
    lemma = head.lemma_.lower()
    span = _span_of(head)
    start, end = span.start_char, span.end_char
    if any(t.i in covered and t.i != head.i for t in span if t.ent_type_ == "PERSON"):
        return
    if lower in _GROUP_HEADS and any(c.lower_ in ("two", "both") for c in head.children):
        if lower in _COUNTRY_GROUPS:
            return
        if not any(c.lower_ in ("the", "these", "those", "both") for c in head.children):
            return  # "Two men, both from Keighley, were arrested": new people, not the last two named
        # "Ian Gibson urged the two men": whoever acts on the pair is not one of them
        own = {
            t.i
            for c in head.head.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != head.i
            for t in c.subtree
        }
        distinct: list[str] = []
        for i, actor_id in reversed(persons):
            if i in own or (lower in _LEADERS and not _holds_office(found.actors[actor_id])):
                continue  # "the two leaders" are no analyst quoted between them
            if actor_id not in distinct:
                distinct.append(actor_id)
            if len(distinct) == 2:
                break
        if len(distinct) == 2:
            for actor_id in reversed(distinct):
                found.add(start, end, "GROUP", found.actors[actor_id], "group")
        return
    if (
        lemma in _TITLE_HEADS
        and head.tag_ in ("NN", "NNP")
        and not any(c.dep_ == "appos" for c in head.children)
    ):
        if head.dep_ == "appos" or any(c.ent_type_ == "PERSON" for c in head.subtree if c.i != head.i):
            return  # a role phrase attached to a name, handled by roles
        country = _country_modifier(head, found, gaz)
        if country is None:
            # "the deposed president": the person just named who holds or held that office
            when = None if _past(head) else date  # "the deposed president" held it before
            holder = _recent_holder(found, persons, _title_of(head), when) if _definite(head) else None
            if holder is not None:
                found.add(start, end, "TITLE", holder, "title")
                persons.append((head.i, holder.actor_id))
                covered.update(range(span.start, span.end))
            return
        former = any(c.lower_ in ("former", "ex", "late") for c in head.children)
        actor = _person_of_country(found, country, persons)
        if actor is None and gaz is not None and not former:
            holders = gaz.holders(lemma if lemma != "leader" else "president", country.country or "", date)
            if holders:
                actor = gaz.to_actor(holders[0])
        if actor is not None:
            found.add(start, end, "TITLE", actor, "title")
            persons.append((head.i, actor.actor_id))
            covered.update(range(span.start, span.end))
        return
    if (
        lemma in _COUNTRY_NOUNS
        and head.tag_ == "NN"
        and any(c.lower_ == "the" for c in head.children)
        and not any(c.dep_ in ("amod", "compound", "poss", "prep") for c in head.children)
    ):
        antecedent = thing_antecedent(found, head, countries_only=True)
        if antecedent is not None:
            found.add(start, end, "AGENT", found.actors[antecedent], "coref")
            covered.update(range(span.start, span.end))
        return
    if lower in AGENT_SECTORS or lemma in AGENT_SECTORS:
        country = _country_modifier(head, found, gaz)
        if country is not None:
            sector = AGENT_SECTORS.get(lower) or AGENT_SECTORS[lemma]
            found.add(start, end, "AGENT", country, "agent", sector)
            covered.update(range(span.start, span.end))


def _country_modifier(head: Token, found: MentionTable, gaz: GazetteerLike | None) -> Actor | None:
    """The country actor modifying a noun: a demonym, a possessor, "of X" or "in <city>"."""
    for child in head.children:
        candidates: list[Token] = []
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            candidates = [child]
        elif child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
            candidates = [c for c in child.children if c.dep_ == "pobj"]
        for cand in candidates:
            for idx in found.token_mentions.get(cand.i, []):
                mention = found.mentions[idx]
                if mention.actor_id:
                    actor = found.actors[mention.actor_id]
                    if actor.kind == "country":
                        return actor
    return None


def _span_of(head: Token) -> Span:
    doc: Doc = head.doc
    left = head.left_edge.i
    right = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "of") and child.i == right:
            right = child.right_edge.i + 1
    return doc[left:right]


def _definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _title_of(head: Token) -> str:
    """The office a title phrase names: "the prime minister" → "prime minister", "the premier" too."""
    words = [c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound") and c.lower_ in _OFFICE_WORDS]
    return canonical_title([*words, head.lemma_.lower()])


#: words that belong to an office's name ("prime minister", "foreign secretary")
_OFFICE_WORDS = frozenset({"prime", "foreign", "home", "defence", "defense", "finance", "vice", "first"})


def _recent_holder(
    found: MentionTable, persons: list[tuple[int, str]], title: str, date: dt.date | None
) -> Actor | None:
    """The last of the few people named just before whose known roles include ``title``, held at
    ``date`` when it is given and the role is dated ("the prime minister" of a 2005 story is not
    Gordon Brown, prime minister from 2007, though the story names him as chancellor)."""
    day = date.isoformat() if date is not None else None
    seen: set[str] = set()
    for _i, actor_id in reversed(persons):
        if actor_id in seen:
            continue
        seen.add(actor_id)
        if len(seen) > 3:
            return None
        actor = found.actors[actor_id]
        if any(
            canonical_title(r.title.split()) == title and (day is None or not r.dated or r.covers(day))
            for r in actor.roles
        ):
            return actor
    return None


#: words that put an office in the past: "the deposed president", "the former prime minister"
_PAST_WORDS = frozenset({"former", "ex", "late", "deposed", "ousted", "exiled", "toppled", "fallen", "then"})


def _past(head: Token) -> bool:
    return any(c.lower_ in _PAST_WORDS for c in head.children)


def _person_of_country(found: MentionTable, country: Actor, persons: list[tuple[int, str]]) -> Actor | None:
    for _i, actor_id in reversed(persons):
        actor = found.actors[actor_id]
        if actor.kind == "person" and actor.country == country.country:
            return actor
    for m in found.mentions:
        if m.actor_id and m.label == "PERSON":
            actor = found.actors[m.actor_id]
            if actor.country == country.country:
                return actor
    return None


def _holds_office(actor: Actor) -> bool:
    """Whether the gazetteer knows a person as holding some office (a leader, not a pundit)."""
    return bool(actor.roles) or actor.sector == "GOV"

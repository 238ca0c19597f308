"""Which resolved actors are nodes of the network: those an article tells something about.

A name is not always an actor. "The war in Yemen", "places like Afghanistan and Yemen", "a
panel at the National Press Club", "a Citibank retreat", "the Lower Manhattan office tower":
the article names a state or a body only as where something happens or as the venue of it. A
body the gazetteer does not know and the article names once, in passing, with nothing said of
it ("a YouGov survey", "the 1945 case of Marsh v. Alabama", "MacBooks") is no node either: half
such names are no actors at all (products, places, cases, credits) and the others would stand
alone in the network, tied to nothing. Such an actor is a node only when a fact (an event, a
quote, a relation) has it as a side; the mention stays, so a search for the name still finds the
sentence. People are nodes, unless a name no list knows is only ever seen labelling a thing ("a Kinsa
thermometer", "the Hamilton audience"): a product, a show or a brand more often than a person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from patronage.model.records import known_to_gazetteer
from patronage.resolve.nominals import AGENT_SECTORS
from patronage.resolve.titles import OCCUPATION_NOUNS, ROLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from patronage.model.records import Actor, Mention

__all__ = ["not_nodes"]

#: prepositions whose object is where something is or happens
_WHERE = frozenset({"in", "at", "across", "throughout", "inside", "outside", "near", "around", "within"})
#: nouns of places, whose examples ("places like Yemen") are places too; not "groups like Hamas"
_PLACE_NOUNS = frozenset(
    {"place", "city", "town", "region", "area", "location", "destination", "spot", "site"}
)
#: things named after the body they belong to or take place at: "a Citibank retreat"
_VENUES = frozenset(
    {"tower", "building", "office", "retreat", "colloquium", "conference", "panel", "forum",
     "headquarters", "campus", "hotel", "stadium", "studio", "hall", "auditorium", "gala", "dinner",
     "symposium", "seminar", "event", "ballroom", "lobby", "museum"}
)  # fmt: skip


def not_nodes(
    doc: Doc, mentions: Iterable[Mention], actors: Mapping[str, Actor], sides: set[str]
) -> set[str]:
    """Ids of the states, bodies and groups named only as a setting or, unknown, once in passing;
    ``sides`` (the actors of the article's facts) are nodes whatever their mentions."""
    settings: set[str] = set()
    acting: set[str] = set()
    count: dict[str, int] = {}
    unknown: set[str] = set()
    labels: dict[str, bool] = {}  # unknown names only ever seen on a thing: "a Kinsa thermometer"
    for mention in mentions:
        actor = actors.get(mention.actor_id or "")
        if actor is None:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        new = mention.how in _UNKNOWN | {"surname"} and not known_to_gazetteer(actor)
        labels[actor.actor_id] = (
            labels.get(actor.actor_id, True) and new and span is not None and _label(span.root)
        )
        if actor.kind == "person" or mention.how == "region":
            continue  # a state named through its cities or regions is no node anyway
        count[actor.actor_id] = count.get(actor.actor_id, 0) + 1
        if mention.how in _UNKNOWN and not known_to_gazetteer(actor):
            unknown.add(actor.actor_id)
        if span is not None and (
            _setting(span.root)
            or (mention.how == "demonym" and _attribute(span.root))
            or (actor.sector in _OUTLETS and _platform(span.root))
        ):
            settings.add(actor.actor_id)
        elif mention.how != "coref":
            # a pronoun alone does not make a setting act: "The clip went viral on Twitter. Mr Kinnock
            # said it was a fake" (it is the clip); a fact with the pronoun as a side keeps the node
            acting.add(actor.actor_id)
    passing = {actor_id for actor_id in unknown if count[actor_id] == 1 and actors[actor_id].kind in _BODIES}
    labelled = {actor_id for actor_id, only in labels.items() if only}
    return ((settings - acting) | passing | labelled) - sides


def _label(root: Token) -> bool:
    """A name before a thing it labels: "the Kinsa data", "N95 masks", "the Hamilton audience"; not
    before people or bodies ("Kinsa officials", "the Smith campaign") or another name."""
    head = root.head
    return (
        root.dep_ in {"compound", "nmod", "amod"}
        and head is not root
        and head.pos_ == "NOUN"
        and not head.ent_type_
        and head.lemma_.lower() not in _AGENTS | _PEOPLE | _FOLLOWING
    )


#: those who work or stand with someone: "the Jones campaign", "the Smith camp" name a person's own
_FOLLOWING = frozenset(
    {"campaign", "team", "staff", "supporter", "camp", "ally", "loyalist", "follower", "aide", "base"}
)


#: kinds of actor an unknown name may wrongly make: a body or a group (never a person or a state)
_BODIES = frozenset({"organization", "group"})
#: how a mention names an actor the gazetteer does not know: a new name, or an unsure kind
_UNKNOWN = frozenset({"new", "unsure"})


def _attribute(adjective: Token) -> bool:
    """ "A type of Greek monastery", "Chinese goods": a people's adjective that says where a thing
    is from; not of people ("Russian hackers"), a body ("the Greek government") or an act ("Russian
    interference", "the Iranian election"), whose country takes part."""
    if adjective.dep_ != "amod":
        return False
    head = adjective.head
    word = head.lemma_.lower()
    if head.pos_ != "NOUN" or head.ent_type_ or word in _AGENTS:
        return False
    return not word.endswith(_ACTS) and word not in _PEOPLE


#: nouns of people who act, and bodies, whose country takes part ("Russian hackers", "Greek government")
_AGENTS = ROLE_NOUNS | OCCUPATION_NOUNS | AGENT_SECTORS.keys()
#: endings of nouns of acts and states of affairs ("interference", "election", "meddling")
_ACTS = ("tion", "sion", "ment", "ence", "ance", "ing", "ism", "ity", "ure", "cy", "al")
#: nouns of people in general, which a people's adjective makes that people
_PEOPLE = frozenset({"people", "citizen", "national", "voter", "public", "population", "community", "family"})


#: sectors of bodies one speaks or posts on: media and companies ("on Fox News", "on Twitter")
_OUTLETS = frozenset({"MED", "BUS"})


def _platform(root: Token) -> bool:
    """ "posted on Twitter", "said on Fox News": a channel the words went out on, not a party."""
    while root.dep_ in {"conj", "appos"} and root.head is not root:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ == "on"


def _setting(root: Token) -> bool:
    while root.dep_ in {"conj", "appos"} and root.head is not root:
        root = root.head  # "places like Afghanistan and Yemen": Yemen is listed with Afghanistan
    if root.dep_ == "pobj" and root.head.lower_ in _WHERE:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "like" and root.head.head.lemma_.lower() in _PLACE_NOUNS:
        return True
    venue = root.head
    return (
        root.dep_ == "compound"
        and venue.lemma_.lower() in _VENUES
        and venue.dep_ not in {"nsubj", "nsubjpass"}  # "Ritz-Carlton hotels opened in Riyadh": its own
    )

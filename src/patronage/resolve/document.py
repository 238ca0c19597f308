"""Resolve one parsed article: its actors, their mentions, roles and coreference, as one value.

:func:`resolve_document` runs the resolution steps in order on a :class:`MentionTable`
(named entities, coreference, roles from the text, namesakes kept apart, countries that
phrases state) and returns the frozen :class:`DocActors` the extract stage reads.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Doc

from patronage.model.records import Evidence, Role
from patronage.nlp.sentences import doc_text
from patronage.resolve.actors import resolve_entities
from patronage.resolve.coref import resolve_coreference
from patronage.resolve.docactors import DocActors, MentionTable, qualify_mentions
from patronage.resolve.genders import text_genders
from patronage.resolve.homecountry import home_country, national_office, office_country
from patronage.resolve.nationality import stated_nationalities
from patronage.resolve.protocol import GazetteerLike
from patronage.resolve.roles import text_roles

__all__ = ["resolve_document"]


def resolve_document(
    doc: Doc,
    doc_id: str,
    date: dt.date | None,
    gazetteer: GazetteerLike | None,
    evidence: dict[int, Evidence],
) -> DocActors:
    """The actors of one parsed article and every span that refers to them.

    ``evidence`` is the evidence of each sentence by index, for roles read from the text.
    """
    table = resolve_entities(doc, doc_id, date, gazetteer)
    text_genders(table)
    resolve_coreference(table, date, gazetteer)
    served: set[str] = set()
    for actor_id, role in text_roles(table, evidence):
        actor = table.actors[actor_id]
        # "Serbian President X", "X, Syria's foreign minister": a stated office gives an unknown person a country
        country = actor.country or _country_placed(table, role.of) or _country_named(gazetteer, role.of)
        if country is None:
            # "senior adviser to Donald Trump", "Home Secretary Charles Clarke": the state served,
            # which separates no namesakes (and would split the person from stories that omit it)
            country = (
                _country_served(table, gazetteer, role)
                or office_country(role.title)
                or _country_in_title(gazetteer, role.title)
            )
            if country is not None:
                served.add(actor_id)
        table.actors[actor_id] = replace(actor, roles=(*actor.roles, role), country=country)
    for actor_id, actor in list(table.actors.items()):
        if actor.kind == "person" and actor.country is None and _peer(table, actor_id):
            # "Lord Falconer", "Baroness Scotland": a member of the House of Lords is British
            table.actors[actor_id] = replace(actor, country="GBR")
            served.add(actor_id)
    stated_nationalities(table)
    home = home_country(table)
    if home is not None:
        # "Massachusetts Sen. Elizabeth Warren" in an American story: a country the story's own
        # people share separates no namesakes (and would split her from stories that omit it)
        served |= {a for a, actor in table.actors.items() if actor.kind == "person" and actor.country == home}
        # "former national security adviser Michael Flynn" in an American story is American
        for actor_id, actor in list(table.actors.items()):
            if (
                actor.kind == "person"
                and actor.country is None
                and any(r.origin == "text" and national_office(r, home) for r in actor.roles)
            ):
                table.actors[actor_id] = replace(actor, country=home)
                served.add(actor_id)
        _home_bodies(table, gazetteer, home)
    _separate_namesakes(table, keep=served)
    qualify_mentions(table)
    return table.freeze()


#: a state's bodies its own news names by their kind alone: "the House", "the Supreme Court"
_HOME_BODIES = {"USA": {"house": "org/us-house", "supreme court": "org/us-supreme-court"}}


def _home_bodies(table: MentionTable, gazetteer: GazetteerLike | None, home: str) -> None:
    """ "The House voted", "the Supreme Court ruled" in an American story: that state's body, one
    node with the body named in full elsewhere, not a body called "House" of its own."""
    bodies = _HOME_BODIES.get(home, {})
    if gazetteer is None or not bodies:
        return
    renamed: dict[str, str] = {}
    for actor_id, actor in list(table.actors.items()):
        entry_id = bodies.get(actor.name.casefold()) if actor.kind == "organization" else None
        entry = gazetteer.get(entry_id) if entry_id and actor_id != entry_id else None
        if entry is not None:
            renamed[actor_id] = entry.id
            table.actors.setdefault(entry.id, gazetteer.to_actor(entry))
            del table.actors[actor_id]
    _rename(table, renamed, how="gazetteer")


#: the style of a member of the House of Lords before the name ("warlord" is none)
_PEERAGE = re.compile(r"(?:^|[^\w])(?:lord|baroness|baron)\s+$", re.IGNORECASE)


def _peer(table: MentionTable, actor_id: str) -> bool:
    """Whether the text names the person with a peer's style: "Lord Falconer", "Baroness Amos"."""
    text = doc_text(table.doc)
    return any(
        m.actor_id == actor_id and _PEERAGE.search(text[max(0, m.start - 12) : m.start]) is not None
        for m in table.mentions
    )


def _country_placed(table: MentionTable, name: str | None) -> str | None:
    """The country the article itself placed a named place in ("Georgia" the state, in a US story)."""
    found = {p.country for p in table.places.values() if name and p.name == name and p.country}
    return found.pop() if len(found) == 1 else None


def _country_named(gazetteer: GazetteerLike | None, name: str | None) -> str | None:
    """The country a title's "of" names: a country, or a place in one ("Scotland's first minister")."""
    if not name or gazetteer is None:
        return None
    for entry in gazetteer.lookup(name):
        if entry.kind == "country" and entry.country:
            return str(entry.country)
    place = gazetteer.place(name)
    return place.country if place is not None else None


def _country_in_title(gazetteer: GazetteerLike | None, title: str) -> str | None:
    """The country a title's own words name: a people, a party or a body ("Lib Dem leader",
    "Labour MP", "BBC political editor", "Irish republican leader"); every entry the words
    name must agree on it, and a title tying the person to another side names none."""
    words = title.lower().split()
    if gazetteer is None or set(words) & _ACROSS or "foreign" in words:
        return None
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            demonym = gazetteer.demonym(phrase)
            if demonym is not None and demonym.country:
                return str(demonym.country)
            building = gazetteer.metonym(phrase)  # "White House aide", "Pentagon press secretary"
            if building is not None and building[0].country:
                return str(building[0].country)
            countries = {e.country for e in gazetteer.lookup(phrase) if e.kind in {"organization", "country"}}
            if len(countries) == 1 and None not in countries:
                return str(countries.pop())
    return None


#: titles that tie a person to someone of another side: no country follows from them
_ACROSS = frozenset(
    {"counterpart", "rival", "opponent", "critic", "foe", "enemy", "guest", "host", "visitor", "interviewer",
     "challenger", "accuser", "victim", "biographer", "translator", "captor", "kidnapper"}
)  # fmt: skip


def _country_served(table: MentionTable, gazetteer: GazetteerLike | None, role: Role) -> str | None:
    """The country of the actor a person serves: "Jared Kushner, senior adviser to Donald Trump".

    The actor the title belongs to is looked up in the gazetteer (every entry that name has must
    agree on one country) and among the article's own actors. Titles that tie a person to the
    other side ("Putin's counterpart", "a critic of the Kremlin") give nothing.
    """
    if not role.of or not role.title or set(role.title.lower().split()) & _ACROSS:
        return None
    key = role.of.lower()
    # the article's own actor of that name says which one is meant ("Labour" as the UK party)
    found = {str(a.country) for a in table.actors.values() if a.country and a.name.lower() == key}
    if not found and gazetteer is not None:
        entries = gazetteer.lookup(role.of)
        if not entries and role.of[:1].isupper() and " " not in role.of:
            entries = gazetteer.lookup(f"{role.of} Party")  # "Conservative leader Michael Howard"
        found = {str(e.country) for e in entries if e.country}
    return found.pop() if len(found) == 1 else None


def _separate_namesakes(table: MentionTable, keep: set[str]) -> None:
    """Give a new person whose country the text states an id that carries it.

    A name alone merges across articles ("person/john-smith"); when the article says
    where the person belongs ("John Smith, Britain's ambassador"), the id becomes
    "person/john-smith~gbr", so two namesakes of different countries never merge while
    the same person described the same way in two articles does. A country known only from
    whom the person serves (``keep``: "an adviser to Trump") keeps the id: it says less about
    the person than a stated nationality or office does.
    """
    renamed: dict[str, str] = {}
    known = {m.actor_id for m in table.mentions if m.how == "gazetteer"}
    for actor_id, actor in list(table.actors.items()):
        is_new = actor_id.startswith("person/") and "@" not in actor_id and "~" not in actor_id
        if is_new and actor.country and actor_id not in known | keep and not actor.wikidata:
            new_id = f"{actor_id}~{actor.country.lower()}"
            renamed[actor_id] = new_id
            table.actors[new_id] = replace(actor, actor_id=new_id)
            del table.actors[actor_id]
    _rename(table, renamed)


def _rename(table: MentionTable, renamed: dict[str, str], how: str | None = None) -> None:
    """Point the mentions (and acronyms) of each actor id in ``renamed`` at its new id; ``how``,
    when given, becomes the mentions' way of finding it."""
    if not renamed:
        return
    table.mentions[:] = [
        replace(m, actor_id=renamed[m.actor_id], how=how or m.how) if m.actor_id in renamed else m
        for m in table.mentions
    ]
    table.acronyms.update({k: renamed.get(v, v) for k, v in table.acronyms.items()})

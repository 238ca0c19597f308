"""Each kind of entity to its actor: a person, a place, an organisation or a group.

:func:`~patronage.resolve.actors.resolve_entities` decides what kind an entity of the parse names
and hands it to one of these, which match it against the gazetteer with the article's context
(countries named, the date, the people named in full so far) and record the mention in the
:class:`~patronage.resolve.docactors.MentionTable`; an unknown name becomes a new actor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Doc

from patronage.model.records import Actor, Place
from patronage.nlp.sentences import doc_text
from patronage.resolve.candidates import countries_named, country_mentions, is_creed, pick_entry
from patronage.resolve.docactors import MentionTable
from patronage.resolve.entries import GazetteerEntry
from patronage.resolve.genders import given_name
from patronage.resolve.keys import normalize
from patronage.resolve.personcues import person_cue
from patronage.resolve.protocol import GazetteerLike
from patronage.resolve.simple import body_name, display_name, slug
from patronage.resolve.surnames import (
    acronym,
    doubtful_surname,
    family_name_of,
    given_by_several,
    given_name_of,
    in_office,
    office_holder,
    peer_style,
    peerage,
    short_form,
    spelled_out,
)

__all__ = ["gaz_knows", "region_not_country", "resolve_org", "resolve_person", "resolve_place"]


def _record_acronym(found: MentionTable, end: int, actor: Actor) -> None:
    """ "Islamic State of Iraq and the Levant (ISIL)": the bracketed acronym names the same actor later."""
    text = doc_text(found.doc)
    tail = text[end : end + 14]
    if tail.startswith(" (") and ")" in tail:
        acronym = tail[2 : tail.index(")")]
        if acronym.isupper() and 2 <= len(acronym) <= 10:
            found.acronyms[acronym] = actor.actor_id


def _same_surface(found: MentionTable, text: str) -> Actor | None:
    """A new (non-gazetteer) actor this article already gave the same name, under any label."""
    key = slug(body_name(display_name(text)))
    for m in found.mentions:
        if m.actor_id and m.how == "new" and slug(body_name(display_name(m.text))) == key:
            return found.actors[m.actor_id]
    if text.strip() in found.acronyms:
        return found.actors.get(found.acronyms[text.strip()])
    bodies = [found.actors[m.actor_id] for m in found.mentions if m.actor_id and m.label == "ORG"]
    if acronym(text.strip()) and len(text.strip()) > 2:  # "ODNI" after "the Office of the Director of …"
        return next((a for a in bodies if a.kind != "person" and spelled_out(text.strip(), a.name)), None)
    return short_form(display_name(text), [a for a in bodies if a.kind != "person"])


def _new_actor(kind: str, name: str, scope: str | None = None) -> Actor:
    # "Department of Justice" is the Justice Department's node; "Charles D. Swift" the Charles Swift of other stories
    key = slug(_MIDDLE_INITIAL.sub(" ", name)) if kind == "person" else slug(body_name(name))
    actor_id = f"{kind}/{key}" if scope is None else f"{kind}/{key}@{scope}"
    return Actor(actor_id, name, kind, aliases=())


#: a middle initial between a given name and a surname: "Cory A. Booker", "George W. Bush"
_MIDDLE_INITIAL = re.compile(r"(?<=\w)\s+(?:[A-Z]\.?\s+)+(?=[A-Z][a-z])")


def gaz_knows(gaz: GazetteerLike | None, text: str) -> bool:
    return gaz is not None and bool(gaz.lookup(text))


#: the party letter before a member of Congress's state: "R-", "D-", "I-"
def resolve_person(
    found: MentionTable,
    start: int,
    end: int,
    text: str,
    gaz: GazetteerLike | None,
    countries: set[str],
    date: dt.date | None,
    persons: dict[str, Actor],
    record: bool = True,
) -> None:
    name = display_name(text)
    tokens = name.split()
    if len(tokens) == 1 and (held := family_name_of(name, persons, gaz)) is not None:
        if record:  # "Kim Jong Un … Kim called the missile a success"
            found.add(start, end, "PERSON", held, "surname")
        return
    if len(tokens) == 2 and tokens[1].rstrip(".").casefold() in ("jr", "sr"):
        junior = {
            a.actor_id: a for full, a in persons.items() if len(full.split()) > 2 and full.endswith(name)
        }
        if len(junior) == 1:  # "Trump Jr." after "Donald Trump Jr."
            if record:
                found.add(start, end, "PERSON", next(iter(junior.values())), "surname")
            return
    # a surname already seen in this article as part of a full name is the same person, unless
    # it is a peer's title ("Lord Roberts of Conwy" is not Sion Aubrey Roberts); a lone word in news
    # prose is a surname before it is someone else's first name ("Warren" of Elizabeth Warren, not
    # of Warren Harding)
    if len(tokens) == 1 and not peerage(found.doc, text, end):
        bearers = _bearing(name, persons, found.doc)
        holder = office_holder(gaz, name, date, found.doc, start) if bearers else None
        if len(bearers) > 1 and holder is None:
            # "Breitbart" in a story naming Susie and Andrew Breitbart: the gazetteer may know the
            # word as a body (Breitbart the news site); a surname used before anyone bearing it is
            # named in full ("Mr. Paul" before Ron and Rand Paul) is neither; else the one named first
            bodies = [e for e in gaz.lookup(name) if e.kind != "person"] if gaz is not None else []
            if bodies and gaz is not None:
                if record:
                    found.add(start, end, "ORG", gaz.to_actor(bodies[0]), "gazetteer")
                return
            if start < min(at for _actor, at in bearers):
                if record:
                    found.add(start, end, "PERSON", None, "ambiguous")
                return
        if bearers:
            actor = bearers[0][0]
            if (
                holder is not None
                and holder.id != actor.actor_id
                and gaz is not None
                and (not countries or holder.country in countries)
                and actor.country in (None, holder.country)  # Liam Fox's "Fox" is no Vicente Fox
                and not _overshadowed(found, holder, name, gaz)
            ):
                # "Melania Trump" named in full, then "Trump" alone: the president in office
                # (not Australia's prime minister in a British story of "Mr Howard")
                actor = gaz.to_actor(holder)
            if record:
                found.add(start, end, "PERSON", actor, "surname")
            return
    entry = None
    matches: list[GazetteerEntry] = []
    if gaz is not None:
        matches = gaz.lookup(name)
        if text == name and any(e.kind == "country" for e in matches):
            # "Jordan", "Sri Lanka" tagged as a person is the country, not a king whose title names it
            if record:
                resolve_place(found, start, end, name, "GPE", gaz)
            return
        demonym = gaz.demonym(name) if len(tokens) == 1 and not matches else None
        if demonym is not None:
            # "Bangladeshi", "Ugandan" tagged as a person: the people of a country
            if record:
                found.add(start, end, "NORP", gaz.to_actor(demonym), "demonym")
            return
        entry = pick_entry([e for e in matches if e.kind == "person"], gaz, countries, date)
        if (
            entry is not None
            and len(tokens) == 1
            and (
                doubtful_surname(found, entry, name, countries, date)
                or _overshadowed(found, entry, name, gaz)
            )
        ):
            matches, entry = [], None
    if entry is not None and gaz is not None:
        actor = gaz.to_actor(entry)
        if entry.gender:
            found.genders[actor.actor_id] = entry.gender
        if record:
            found.add(start, end, "PERSON", actor, "gazetteer")
        persons.setdefault(name if len(tokens) > 1 else actor.name, actor)
        return
    if len(tokens) == 1 and gaz is not None and text == name and (gaz.place(name) or matches):
        # the tagger calls some places people ("flew to Sochi"); a known place or country wins
        if record:
            resolve_place(found, start, end, name, "GPE", gaz)
        return
    same = _same_surface(found, text)
    if same is not None and same.kind != "person" and len(tokens) == 1:
        same = None  # one word tagged both ways stays apart: the kinds disagree and nothing decides
    if same is not None:
        if same.kind != "person":
            # a full personal name seen earlier under another label is a person after all
            same = replace(same, kind="person")
            found.actors[same.actor_id] = same
        if record:
            found.add(start, end, "PERSON", same, "new")
        return
    if len(tokens) == 1 and (known := given_name_of(name, persons)) is not None:
        # "his son Hunter", "Bernie" in a story that named Hunter Biden, Bernie Sanders
        if record:
            found.add(start, end, "PERSON", known, "given")
        return
    if len(tokens) == 1:
        if not person_cue(found.doc, start, end) or given_by_several(name, persons):
            # one unknown word with nothing showing it is a person ("Twitter"), or a first name
            # several of the article's people bear ("John" of John Kasich and John Weaver): no node
            if record:
                found.add(start, end, "PERSON", None, "unsure")
            return
        style = peer_style(found.doc, start, end)  # "Lord Falconer" is one peer; two Mr. Lees never merge
        actor = _new_actor("person", f"{style} {name}") if style else _new_actor("person", name, found.doc_id)
    else:
        actor = _new_actor("person", name)
    persons.setdefault(name, actor)
    if record:
        found.add(start, end, "PERSON", actor, "new")


def _bearing(name: str, persons: dict[str, Actor], doc: Doc) -> list[tuple[Actor, int]]:
    """The article's people named in full whose surname ``name`` is, with where each is first
    named in full, in that order.

    Two forms of one name ("Dennis Hastert", "J. Dennis Hastert") are one bearer; one named in
    full only to describe something else ("a Bill Clinton strategist") is left out when another
    bears the name too: the story is not about them.
    """
    text = doc_text(doc)
    out: dict[str, tuple[Actor, int, str]] = {}
    for full, actor in persons.items():
        last = full.split()[-1]
        if acronym(name) and last != name:
            continue  # "the UN" is no "Kim Jong Un"
        if (
            last.casefold() == name.casefold()
            or slug(full).split("-")[-1] == slug(name)
            or ("-" in last and last.split("-")[0] == name)  # "Kilroy" of Robert Kilroy-Silk
        ):
            at = text.find(full)
            at = len(text) if at < 0 else at  # never named in these words: last
            if actor.actor_id not in out or at < out[actor.actor_id][1]:
                out[actor.actor_id] = (actor, at, full)
    kept: list[tuple[Actor, int, str]] = []
    forms: list[set[str]] = []
    for bearer in sorted(out.values(), key=lambda b: b[1]):
        words = _name_words(bearer[2])
        if not any(words <= other or other <= words for other in forms):
            kept.append(bearer)
            forms.append(words)
    if len(kept) > 1:
        kept = [b for b in kept if not _only_describing(doc, b[2])] or kept
    return [(actor, at) for actor, at, _full in kept]


def _name_words(full: str) -> set[str]:
    """A name's words without initials and suffixes: "J. Dennis Hastert" → {dennis, hastert}."""
    return {
        w.casefold()
        for w in full.replace(".", " ").split()
        if len(w) > 1 and w.casefold() not in ("jr", "sr")
    }


def _only_describing(doc: Doc, full: str) -> bool:
    """Whether every use of the full name ``full`` modifies a noun after it ("a Bill Clinton strategist")."""
    text = doc_text(doc)
    uses = [m.start() for m in re.finditer(re.escape(full), text)]
    if not uses:
        return False
    for at in uses:
        span = doc.char_span(at, at + len(full), alignment_mode="expand")
        if span is None or span.root.dep_ != "compound" or span.root.head.i < span.end:
            return False
    return True


def region_not_country(
    gaz: GazetteerLike | None, text: str, ents: list[tuple[str, int, int, str]], start: int | None = None
) -> bool:
    """A name shared by a country and a region of another country, read as the region when the
    article names the region's country and not the other ("Georgia" in a story about Atlanta)."""
    if gaz is None:
        return False
    region = gaz.place(text)
    homonyms = {e.country for e in gaz.lookup(text) if e.kind == "country" and e.country}
    if region is None or not region.country or not homonyms or region.country in homonyms:
        return False
    for _label, _s, end, city in ents:
        if start is not None and start - 3 <= end < start and _label == "GPE":
            # "Decatur, Georgia": a town, then its state; "Tbilisi, Georgia" names the country
            place = gaz.place(city)
            return place is None or place.country == region.country
    others = countries_named([e for e in ents if e[3] != text], gaz)
    return region.country in others and not others & homonyms


def resolve_place(
    found: MentionTable,
    start: int,
    end: int,
    text: str,
    label: str,
    gaz: GazetteerLike | None,
    region_first: bool = False,
) -> None:
    if gaz is not None:
        entries = [] if region_first else [e for e in gaz.lookup(text) if e.kind == "country"]
        if entries:
            actor = gaz.to_actor(entries[0])
            found.places[(start, end)] = Place(actor.name, actor.country)
            found.add(start, end, label, actor, "gazetteer")
            return
        place = gaz.place(text)
        if place is not None:
            found.places[(start, end)] = place
            country = gaz.get(f"country/{place.country}") if place.country else None
            # a capital stands for its government ("Moscow agreed"); a region ("Texas sued") is no party
            capital = country is not None and normalize(country.capital or "") == normalize(text)
            stands = gaz.to_actor(country) if country else None
            found.add(start, end, label, stands, "place" if capital else "region", "GOV")
            return
        others = [e for e in gaz.lookup(text) if e.kind != "person"]
        if others:
            found.add(start, end, label, gaz.to_actor(others[0]), "gazetteer")
            return
        entry = gaz.demonym(text)
        if entry is not None:  # "Ukrainian" tagged as a place
            found.add(start, end, "NORP", gaz.to_actor(entry), "demonym")
            return
    # an unknown place is kept as a place, not invented as a country
    found.places[(start, end)] = Place(text, None)


def resolve_org(
    found: MentionTable,
    start: int,
    end: int,
    text: str,
    label: str,
    gaz: GazetteerLike | None,
    countries: set[str],
    date: dt.date | None,
    kind: str,
) -> None:
    if (
        gaz is not None
        and not any(e.kind != "person" for e in gaz.lookup(text))
        and gaz.place(text) is not None
    ):
        resolve_place(found, start, end, text, "GPE", gaz)  # "Crimea" tagged as an organisation
        return
    if gaz is not None:
        field_first = body_name(text)  # "Department of Justice" may be known as "Justice Department"
        matches = gaz.lookup(text) or (gaz.lookup(field_first) if field_first != text else [])
        entries = [e for e in matches if e.kind != "person"]
        entry = pick_entry(list(entries), gaz, countries, date)
        if entry is not None and entry.sector == "PTY" and countries and entry.country not in countries:
            # "Conservatives complained about Obamacare": not Britain's party (a party's own
            # name, "Labour" or "the Lib Dems", says whose it is wherever the story is)
            entry = None if is_creed(text) else entry
        if entry is not None:
            found.add(start, end, label, gaz.to_actor(entry), "gazetteer")
            return
        # a full name the tagger called an organisation ("Edward Snowden" as ORG)
        key = normalize(text)
        people = [
            e for e in matches if e.kind == "person" and key in {normalize(n) for n in (e.name, *e.aliases)}
        ]
        if people and " " in text.strip():
            found.add(start, end, "PERSON", gaz.to_actor(people[0]), "gazetteer")
            return
        # a known person's surname the tagger called an organisation ("Trump said"): the person,
        # when the article names them in full or they held office at its date
        surnamed = pick_entry([e for e in matches if e.kind == "person"], gaz, countries, date)
        if (
            surnamed is not None
            and label == "ORG"
            and not entries
            and " " not in text.strip()
            and (surnamed.id in found.actors or in_office(surnamed, date))
        ):
            found.add(start, end, "PERSON", gaz.to_actor(surnamed), "gazetteer")
            return
    actor = _same_surface(found, text) or _new_actor(kind, text)
    found.add(start, end, label, actor, "new")
    _record_acronym(found, end, actor)


def _overshadowed(found: MentionTable, entry: GazetteerEntry, word: str, gaz: GazetteerLike) -> bool:
    """A surname that is also a given name, of a foreigner the story names less than half as often as
    its own country: a British story on migration that mentions "a points system similar to
    Australia's" is no story of Australia's prime minister, and its "Mr Howard" is a British Howard."""
    if entry.country is None or given_name(word) is None:
        return False
    counts = country_mentions(found.doc, gaz)
    top = max(counts.values(), default=0)
    return 2 * counts[entry.country] < top

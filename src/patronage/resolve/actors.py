"""Mentions to canonical actors, within one parsed article.

Entities are matched against the gazetteer by alias with context (a person's role at the article's
date, countries named in the article); demonyms and metonyms ("the Kremlin") resolve to countries with
a sector; unknown people and organisations become new actors, never dropped. The mentions go into a
:class:`~patronage.resolve.docactors.MentionTable`; coreference (``coref.py``) then links surnames,
titles and pronouns to these actors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Doc

from patronage.model.records import Actor, Place
from patronage.nlp.sentences import doc_text
from patronage.resolve.candidates import countries_named, is_creed, only_bodies, pick_entry
from patronage.resolve.docactors import MentionTable
from patronage.resolve.entries import GazetteerEntry
from patronage.resolve.genders import looks_like_person
from patronage.resolve.keys import normalize
from patronage.resolve.matcher import gazetteer_spans
from patronage.resolve.names import (
    checked_name,
    known_person,
    named_by_role,
    people_joined,
    person_by_role,
    person_cue,
)
from patronage.resolve.protocol import GazetteerLike
from patronage.resolve.simple import body_name, display_name, entity_text, slug
from patronage.resolve.surnames import (
    acronym,
    doubtful_surname,
    family_name_of,
    first_name_elsewhere,
    given_by_several,
    given_name_of,
    in_office,
    missed_full_names,
    named_by_one_word,
    office_holder,
    peer_style,
    peerage,
    shared_surnames,
    short_form,
    spelled_out,
    surname_of,
    titled_before,
    untagged_surnames,
)

__all__ = ["resolve_entities"]

_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


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
    key = slug(body_name(name))  # "Department of Justice" is the Justice Department's node
    actor_id = f"{kind}/{key}" if scope is None else f"{kind}/{key}@{scope}"
    return Actor(actor_id, name, kind, aliases=())


def resolve_entities(doc: Doc, doc_id: str, date: dt.date | None, gaz: GazetteerLike | None) -> MentionTable:
    """Resolve the named entities of ``doc`` to actors (coreference comes after, in ``coref``)."""
    found = MentionTable(doc, doc_id)
    ents: list[tuple[str, int, int, str]] = []
    covered: set[int] = set()
    known = gazetteer_spans(doc, gaz) if gaz is not None else []
    # a known name the tagger cut ("Zine El" + "Abidine Ben Ali") or shortened ("Democrat") is the whole name
    whole = [(s, e) for s, e, _label in known]
    is_known = known_person(doc, gaz)
    for ent in doc.ents:
        if any(
            s <= ent.start_char and ent.end_char <= e and (s, e) != (ent.start_char, ent.end_char)
            for s, e in whole
        ):
            continue
        covered.update(range(ent.start_char, ent.end_char))
        if ent.label_ not in _ACTOR_LABELS:
            continue
        start, end, text = entity_text(ent)
        if not text or not any(ch.isalpha() for ch in text):
            continue
        label = person_by_role(ent) or ent.label_
        if label == "ORG" and looks_like_person(ent) and not (gaz is not None and gaz.lookup(ent.text)):
            label = "PERSON"  # "Amanda Renteria", "Vince Cable" tagged as organisations
        elif label == "PERSON" and gaz is not None and only_bodies(gaz.lookup(text)):
            label = "ORG"  # "the Lib Dems", "Hamas" tagged as people
        parts = people_joined(text, start, end)
        names = {text[s - start : e - start] for s, e in parts}
        if label != "PERSON" and (
            "&" in text or len(names) < len(parts) or not all(is_known(n, text) for n in names)
        ):
            parts = [(start, end)]  # "Procter & Gamble" is one company; "Trump and Pence" two people
        for part_start, part_end in parts:
            bounds = checked_name(doc, part_start, part_end, label, is_known)
            if bounds is None:
                # a fragment, a handle or a credit: it stays a mention and never becomes an actor
                found.add(part_start, part_end, label, None, "unsure")
                continue
            ents.append((label, *bounds, doc_text(doc)[bounds[0] : bounds[1]]))
    for start, end, label in known:
        if not any(i in covered for i in range(start, end)):
            ents.append((label, start, end, doc_text(doc)[start:end]))
            covered.update(range(start, end))
    ents.extend(named_by_role(doc, covered))
    ents = missed_full_names(doc, ents, covered)
    ents.sort(key=lambda e: e[1])
    ents = shared_surnames(doc, ents)
    countries = countries_named(ents, gaz)
    persons: dict[str, Actor] = {}
    # full names first, so a surname used before the full name and a name the tagger mislabelled as an
    # organisation still find their person (not a Title Case headline's: "Handoff That Freed Bergdahl")
    headline_end = _headline_end(doc)
    full_names = [
        (s, e, t)
        for label, s, e, t in ents
        if label == "PERSON" and len(display_name(t).split()) > 1 and s >= headline_end
    ]
    for s, e, t in full_names:
        _resolve_person(found, s, e, t, gaz, countries, date, persons, record=False)
    for label, start, end, text in ents:
        if start < headline_end and not _known(text, gaz, persons):
            continue  # Title Case headlines fool the tagger: only names known elsewhere count there
        if gaz is not None:
            meto = gaz.metonym(text)
            if meto is not None:
                found.add(start, end, label, gaz.to_actor(meto[0]), "metonym", meto[1])
                continue
        if label == "PERSON":
            _resolve_person(found, start, end, text, gaz, countries, date, persons)
        elif label in ("GPE", "LOC", "FAC") and (person := surname_of(text, persons)) is not None:
            found.add(start, end, "PERSON", person, "surname")
        elif label in ("GPE", "LOC", "FAC"):
            if _PARTY_STATE.search(doc_text(doc)[max(0, start - 3) : start]) or _members_state(
                doc, start, end
            ):
                continue  # "Rep. Darrell Issa, R-Calif.", "the Arizona Republican": the member's state
            if _region_not_country(gaz, text, ents, start):
                _resolve_place(found, start, end, text, label, gaz, region_first=True)
                continue  # "Georgia Gov. Brian Kemp" in an American story: the state
            _resolve_place(found, start, end, text, label, gaz)
        elif label == "NORP":
            entry = gaz.demonym(text) if gaz is not None else None
            if entry is None and gaz is not None and text.endswith("s"):
                entry = gaz.demonym(text[:-1])  # "Nigerians", "Serbs": plural demonyms name the people
            if entry is not None and gaz is not None:
                found.add(start, end, label, gaz.to_actor(entry), "demonym")
            elif gaz is not None and any(e.kind == "country" for e in gaz.lookup(text)):
                _resolve_place(found, start, end, text, "GPE", gaz)  # "the Mozambique government"
            elif (person := surname_of(text, persons)) is not None and titled_before(doc, start):
                # "As foreign secretary, Lord Callaghan kept …" tagged as a nationality: after a
                # title it is no people (a bare word may be both: a Kurd and Mr Kurd)
                found.add(start, end, "PERSON", person, "surname")
            elif _adjectival(doc, start, end) or (_modifier(doc, start, end) and not gaz_knows(gaz, text)):
                continue  # "Western", "Islamic", "the Scottish Executive": modifiers name no actor
            elif _one_member(doc, start, end):
                found.add(start, end, "PERSON", None, "unsure")  # "the Arizona Republican": a person
            else:
                _resolve_org(found, start, end, text, label, gaz, countries, date, kind="group")
        elif first_name_elsewhere(display_name(text), persons):
            found.add(start, end, "PERSON", None, "unsure")  # "Anas": Anas Ahmad's or Omar Abu Anas's
        elif (named := named_by_one_word(text, persons)) is not None:
            found.add(start, end, "PERSON", *named)  # "Trump said", "Amanda was 19": the person
        else:
            _resolve_org(found, start, end, text, label, gaz, countries, date, kind="organization")
    for start, end, actor in untagged_surnames(doc, persons, covered, headline_end):
        found.add(start, end, "PERSON", actor, "surname")
    return found


def _headline_end(doc: Doc) -> int:
    """End of the Title Case headline paragraphs that open the text (a title, then often the
    page's own copy of it), else 0."""
    text = doc_text(doc)
    end = 0
    for _ in range(3):
        start = end
        while start < len(text) and text[start] == "\n":
            start += 1
        stop = text.find("\n", start)
        if stop <= start:
            break
        words = [w for w in text[start:stop].split() if w[:1].isalpha()]
        capitalised = sum(1 for w in words if w[0].isupper())
        if not (3 <= len(words) <= 30 and capitalised / len(words) > 0.6):
            break
        end = stop
    return end


def _known(text: str, gaz: GazetteerLike | None, persons: dict[str, Actor]) -> bool:
    """True when a name is known without the tagger: the gazetteer, or a person named in the body."""
    name = display_name(text)
    if surname_of(name, persons) is not None or name in persons:
        return True
    if any(
        name.casefold() == full.casefold() or name.casefold() == full.split()[-1].casefold()
        for full in persons
    ):
        return True
    if gaz is None:
        return False
    return bool(gaz.lookup(name) or gaz.metonym(name) or gaz.demonym(name) or gaz.place(name))


def _adjectival(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.pos_ == "ADJ"


def _modifier(doc: Doc, start: int, end: int) -> bool:
    """A name that modifies a noun after it: "Scottish" of "the Scottish Executive"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return (
        root.dep_ in ("amod", "compound") and root.head.i >= span.end and root.head.pos_ in ("NOUN", "PROPN")
    )


#: determiners of one person: "the Arizona Republican", "a Democrat", "another Tory"
_ONE = frozenset({"the", "a", "an", "another", "one", "this", "that", "every", "each", "any"})


def _one_member(doc: Doc, start: int, end: int) -> bool:
    """A party's name used of one of its members: "the Arizona Republican criticized Trump".

    A singular head with a determiner is a person the text describes, never the party; said of a
    person named beside it ("Dana Whitfield, a Republican", "she is a Democrat") it stays the
    party, which places that person.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ not in ("appos", "attr", "conj") and (
        root.tag_ in ("NN", "NNP")
        and not root.lower_.endswith("s")
        and any(c.dep_ == "det" and c.lower_ in _ONE for c in root.children)
    )


def _members_state(doc: Doc, start: int, end: int) -> bool:
    """A place naming the party member after it: "Arizona" of "the Arizona Republican"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.ent_type_ == "NORP" and _one_member(doc, after.idx, after.idx + len(after))


def gaz_knows(gaz: GazetteerLike | None, text: str) -> bool:
    return gaz is not None and bool(gaz.lookup(text))


#: the party letter before a member of Congress's state: "R-", "D-", "I-"
_PARTY_STATE = re.compile(r"(?:^|[\s(,])[RDI][-–]$")


def _resolve_person(
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
    # a surname already seen in this article as part of a full name is the same person, unless
    # it is a peer's title ("Lord Roberts of Conwy" is not Sion Aubrey Roberts)
    if len(tokens) == 1 and not peerage(found.doc, text, end) and not first_name_elsewhere(name, persons):
        for full, actor in persons.items():
            if acronym(name) and full.split()[-1] != name:
                continue  # "the UN" is no "Kim Jong Un"
            if full.split()[-1].casefold() == name.casefold() or slug(full).split("-")[-1] == slug(name):
                holder = office_holder(gaz, name, date, found.doc, start)
                if (
                    holder is not None
                    and holder.id != actor.actor_id
                    and gaz is not None
                    and (not countries or holder.country in countries)
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
                _resolve_place(found, start, end, name, "GPE", gaz)
            return
        demonym = gaz.demonym(name) if len(tokens) == 1 and not matches else None
        if demonym is not None:
            # "Bangladeshi", "Ugandan" tagged as a person: the people of a country
            if record:
                found.add(start, end, "NORP", gaz.to_actor(demonym), "demonym")
            return
        entry = pick_entry([e for e in matches if e.kind == "person"], gaz, countries, date)
        if entry is not None and len(tokens) == 1 and doubtful_surname(found, entry, name, countries, date):
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
            _resolve_place(found, start, end, name, "GPE", gaz)
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


def _region_not_country(
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


def _resolve_place(
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


def _resolve_org(
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
        _resolve_place(found, start, end, text, "GPE", gaz)  # "Crimea" tagged as an organisation
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

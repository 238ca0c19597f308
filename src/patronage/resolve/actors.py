"""Mentions to canonical actors, within one parsed article.

This module reads the entities of the parse, checks that each is a name (``names.py``) and decides
what kind of actor it names; :mod:`patronage.resolve.kinds` matches each kind against the gazetteer
by alias with context (a person's role at the article's date, countries named in the article):
demonyms and metonyms ("the Kremlin") resolve to countries with a sector, unknown people and
organisations become new actors. The mentions go into a
:class:`~patronage.resolve.docactors.MentionTable`; coreference (``coref.py``) then links surnames,
titles and pronouns to these actors.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from patronage.model.records import Actor
from patronage.nlp.sentences import doc_text
from patronage.resolve.candidates import countries_named, only_bodies
from patronage.resolve.docactors import MentionTable
from patronage.resolve.genders import looks_like_person
from patronage.resolve.kinds import gaz_knows, region_not_country, resolve_org, resolve_person, resolve_place
from patronage.resolve.matcher import gazetteer_spans
from patronage.resolve.names import checked_name, known_person, people_joined
from patronage.resolve.personcues import named_by_role, person_by_role
from patronage.resolve.protocol import GazetteerLike
from patronage.resolve.simple import display_name, entity_text
from patronage.resolve.surnames import (
    first_name_elsewhere,
    missed_full_names,
    named_by_one_word,
    shared_surnames,
    surname_of,
    titled_before,
    untagged_surnames,
)

__all__ = ["resolve_entities"]

_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


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
        resolve_person(found, s, e, t, gaz, countries, date, persons, record=False)
    for label, start, end, text in ents:
        if start < headline_end and (
            not _known(text, gaz, persons) or _capitalised_word(doc, text, gaz, headline_end)
        ):
            continue  # Title Case headlines fool the tagger: only names known elsewhere count there
        if gaz is not None:
            meto = gaz.metonym(text)
            if meto is not None:
                found.add(start, end, label, gaz.to_actor(meto[0]), "metonym", meto[1])
                continue
        if label == "PERSON":
            resolve_person(found, start, end, text, gaz, countries, date, persons)
        elif label in ("GPE", "LOC", "FAC") and (person := surname_of(text, persons, gaz)) is not None:
            found.add(start, end, "PERSON", person, "surname")
        elif label in ("GPE", "LOC", "FAC"):
            if _PARTY_STATE.search(doc_text(doc)[max(0, start - 3) : start]) or _members_state(
                doc, start, end
            ):
                continue  # "Rep. Darrell Issa, R-Calif.", "the Arizona Republican": the member's state
            if region_not_country(gaz, text, ents, start):
                resolve_place(found, start, end, text, label, gaz, region_first=True)
                continue  # "Georgia Gov. Brian Kemp" in an American story: the state
            resolve_place(found, start, end, text, label, gaz)
        elif label == "NORP":
            entry = gaz.demonym(text) if gaz is not None else None
            if entry is None and gaz is not None and text.endswith("s"):
                entry = gaz.demonym(text[:-1])  # "Nigerians", "Serbs": plural demonyms name the people
            if entry is not None and gaz is not None:
                found.add(start, end, label, gaz.to_actor(entry), "demonym")
            elif gaz is not None and any(e.kind == "country" for e in gaz.lookup(text)):
                resolve_place(found, start, end, text, "GPE", gaz)  # "the Mozambique government"
            elif (person := surname_of(text, persons)) is not None and titled_before(doc, start):
                # "As foreign secretary, Lord Callaghan kept …" tagged as a nationality: after a
                # title it is no people (a bare word may be both: a Kurd and Mr Kurd)
                found.add(start, end, "PERSON", person, "surname")
            elif _adjectival(doc, start, end) or (_modifier(doc, start, end) and not gaz_knows(gaz, text)):
                continue  # "Western", "Islamic", "the Scottish Executive": modifiers name no actor
            elif _one_member(doc, start, end):
                found.add(start, end, "PERSON", None, "unsure")  # "the Arizona Republican": a person
            else:
                resolve_org(found, start, end, text, label, gaz, countries, date, kind="group")
        elif first_name_elsewhere(display_name(text), persons):
            found.add(start, end, "PERSON", None, "unsure")  # "Anas": Anas Ahmad's or Omar Abu Anas's
        elif (named := named_by_one_word(text, persons, gaz)) is not None:
            found.add(start, end, "PERSON", *named)  # "Trump said", "Amanda was 19": the person
        else:
            resolve_org(found, start, end, text, label, gaz, countries, date, kind="organization")
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


def _capitalised_word(doc: Doc, text: str, gaz: GazetteerLike | None, body: int) -> bool:
    """A Title Case headline's one word that only a body's short name matches and the story never
    uses again: "Obama Amnesty Plan" names no Amnesty International."""
    if " " in text.strip() or gaz is None:
        return False
    entries = gaz.lookup(text)
    return (
        bool(entries)
        and all(e.kind in ("organization", "group") for e in entries)
        and re.search(rf"\b{re.escape(text.strip())}\b", doc_text(doc)[body:]) is None
    )


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


_PARTY_STATE = re.compile(r"(?:^|[\s(,])[RDI][-–]$")

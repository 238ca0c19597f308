"""Whom a lone surname or a bare name points to, within one article.

A surname seen before as part of a full name is that person, unless it is a peer's title
("Lord Roberts of Conwy") or an organisation's initials ("the UN" is no "Kim Jong Un"); a
bare name the gazetteer gives to one office holder at the article's date is that holder;
a surname the gazetteer knows is doubtful when the article uses the word as a given name or
names only other countries at a date its bearer held no office.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from patronage.model.records import Actor
from patronage.nlp.sentences import doc_text
from patronage.nlp.tokens import token_table
from patronage.resolve.docactors import MentionTable
from patronage.resolve.entries import GazetteerEntry
from patronage.resolve.genders import given_name, given_name_gender
from patronage.resolve.protocol import GazetteerLike
from patronage.resolve.simple import display_name, slug

__all__ = [
    "missed_full_names",
    "named_by_one_word",
    "TITLES",
    "acronym",
    "spelled_out",
    "doubtful_surname",
    "family_name_of",
    "first_name_elsewhere",
    "first_name_of",
    "given_by_several",
    "given_name_of",
    "in_office",
    "office_holder",
    "peer_style",
    "peerage",
    "shared_surnames",
    "short_form",
    "surname_of",
    "titled_before",
    "untagged_surnames",
]


def in_office(entry: GazetteerEntry, date: dt.date | None) -> bool:
    """True when one of the entry's dated roles covers ``date``."""
    day = date.isoformat() if date is not None else None
    return day is not None and any(r.dated and r.covers(day) for r in entry.roles)


def office_holder(
    gaz: GazetteerLike | None, word: str, date: dt.date | None, doc: Doc, start: int
) -> GazetteerEntry | None:
    """The one person the gazetteer calls by this bare name who held office at the article's date.

    Not for a name under a woman's honorific ("Mrs. Trump"), which points to the family member.
    """
    if gaz is None:
        return None
    before = doc_text(doc)[max(0, start - 6) : start].strip().rstrip(".").lower()
    if before.endswith(("mrs", "ms", "miss", "lady")):
        return None
    holders = [e for e in gaz.lookup(word) if e.kind == "person" and word in e.aliases and in_office(e, date)]
    return holders[0] if len(holders) == 1 else None


_PEERS = ("lord ", "lady ", "baroness ", "baron ", "viscount ", "earl ")


def peerage(doc: Doc, text: str, end: int) -> bool:
    """ "Lord Roberts of Conwy": a title that names a peer, not a surname to link."""
    after = doc_text(doc)[end : end + 4]
    return text.lower().startswith(_PEERS) and after.startswith(" of ")


def peer_style(doc: Doc, start: int, end: int) -> str | None:
    """The peer's style before a name ("Lord" of "Lord Falconer"), which names one peer in every
    story; none for a name a place follows ("Lord Roberts of Conwy": a title several may hold)."""
    text = doc_text(doc)
    before = text[max(0, start - 12) : start]
    words = before.split()
    if (
        not before.endswith(" ")
        or not words
        or words[-1] not in _PEER_STYLES
        or text[end:].startswith(" of ")
    ):
        return None
    return words[-1]


#: styles a peer is called by with a title name alone
_PEER_STYLES = frozenset({"Lord", "Baroness", "Baron", "Viscount"})


def acronym(word: str) -> bool:
    """ "UN", "NATO", "FBI": capitals an organisation's initials are written in, never a surname."""
    return word.isupper() and word.isalpha() and len(word) <= 6


#: words an organisation's initials may leave out ("Office of the Director …" is ODNI)
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "&"})


def spelled_out(initials: str, name: str) -> bool:
    """Whether ``name`` is what the capitals ``initials`` stand for: "USDA" and "U.S. Department of
    Agriculture", "ODNI" and "Office of the Director of National Intelligence", "NYSDOH" and "New York
    State Department of Health" (initials keep or drop the small words)."""
    words = [w.replace(".", "") for w in name.replace("-", " ").split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return False
    full = "".join(w if w.isupper() and len(w) <= 3 else w[0] for w in words).upper()
    short = "".join(
        w if w.isupper() and len(w) <= 3 else w[0] for w in words if w.lower() not in _SMALL_WORDS
    )
    return initials in {full, short.upper()}


def surname_of(text: str, persons: dict[str, Actor], gaz: GazetteerLike | None = None) -> Actor | None:
    """The person of this article whose surname ``text`` is (the tagger sometimes calls it an ORG):
    of two, the one named first, unless the gazetteer knows a body by the word ("Breitbart")."""
    name = display_name(text)
    if len(name.split()) != 1:
        return None
    if acronym(name):
        return None  # "the UN" is no "Kim Jong Un"
    bearers = {
        actor.actor_id: actor
        for full, actor in persons.items()
        if len(words := full.split()) > 1 and (slug(full).split("-")[-1] == slug(name) or words[-1] == name)
    }  # "Kilroy-Silk" of Robert Kilroy-Silk too
    if len(bearers) > 1 and gaz is not None and any(e.kind != "person" for e in gaz.lookup(name)):
        return None  # "Breitbart" of Susie and of Andrew Breitbart, and of the news site: the site
    return next(iter(bearers.values()), None)


def family_name_of(name: str, persons: dict[str, Actor], gaz: GazetteerLike | None) -> Actor | None:
    """The one person this article named in full whose family name, as the gazetteer gives it, is
    ``name``: "Kim" after "Kim Jong Un", "bin Salman" after "Mohammed bin Salman"."""
    if gaz is None:
        return None
    key = slug(name)
    held = {
        actor.actor_id: actor
        for actor in persons.values()
        if (entry := gaz.get(actor.actor_id)) is not None and entry.surname and slug(entry.surname) == key
    }
    return next(iter(held.values())) if len(held) == 1 else None


def named_by_one_word(
    text: str, persons: dict[str, Actor], gaz: GazetteerLike | None = None
) -> tuple[Actor, str] | None:
    """The person of this article one word the tagger took for a body names, and how: by surname
    ("Trump said") or by the given name only one of them bears ("Amanda was 19")."""
    if (person := surname_of(text, persons, gaz)) is not None:
        return person, "surname"
    if (person := given_name_of(display_name(text), persons)) is not None:
        return person, "given"
    if (person := first_name_of(display_name(text), persons)) is not None:
        return person, "given"
    return None


def first_name_of(word: str, persons: dict[str, Actor]) -> Actor | None:
    """The one person of this article named in full whose first word ``word`` is, when no one
    has it as a surname: "Cliven said" after "Cliven Bundy", "what Herman is up to" after Herman
    Cain (first names no list knows)."""
    if " " in word or word.isupper() or first_name_elsewhere(word, persons):
        return None
    owners = _bearers(word, persons)
    if len(owners) == 1 and not any(full.split()[-1] == word for full in persons):
        (actor,) = owners.values()
        words = display_name(actor.name).split()
        return (
            actor if len(words) > 1 and all(w[:1].isupper() for w in words) else None
        )  # no "Yazidi traditions"
    return None


def doubtful_surname(
    found: MentionTable, entry: GazetteerEntry, word: str, countries: set[str], date: dt.date | None
) -> bool:
    """Whether a lone surname the gazetteer knows points to someone else in this article.

    "Mr Howard" is not John Howard of Australia when the article names a "Howard Flight" (the
    word is a given name here), nor when it names countries, none of them his, at a date he held
    no office, or at all when the word is also a given name (a British story's "Mr Howard" is a
    British Howard; its "Putin" is Putin). Otherwise the surname is all there is to go on.
    """
    key = word.casefold()
    for ent in found.doc.ents:
        words = display_name(ent.text).split()
        if ent.label_ in ("PERSON", "ORG") and len(words) > 1 and key in (w.casefold() for w in words[:-1]):
            return True
    foreign = bool(entry.country and countries and entry.country not in countries)
    return foreign and (not in_office(entry, date) or given_name(word) is not None)


def first_name_elsewhere(word: str, persons: dict[str, Actor]) -> bool:
    """Whether ``word`` is both one person's surname and another's first name in this article
    ("Anas" of Anas Ahmad and of Omar Abu Anas): then it names neither for sure."""
    firsts = set(_bearers(word, persons))
    lasts = {a.actor_id for f, a in persons.items() if len(f.split()) > 1 and f.split()[-1] == word}
    return bool(firsts) and bool(lasts) and firsts != lasts


def _bearers(word: str, persons: dict[str, Actor]) -> dict[str, Actor]:
    """The people this article named in full whose first word is ``word``, by actor id (after a
    royal style: "Charles" of "Prince Charles")."""
    out: dict[str, Actor] = {}
    for full, actor in persons.items():
        words = full.split()
        first = words[1] if len(words) > 1 and words[0].casefold() in _STYLES else words[0]
        if len(words) > 1 and first == word:
            out[actor.actor_id] = actor
    return out


#: styles before a royal's or a cleric's given name
_STYLES = frozenset({"prince", "princess", "king", "queen", "sheikh", "emir", "pope"})


def short_form(word: str, bodies: list[Actor]) -> Actor | None:
    """The one body named before whose name ``word`` begins or ends: "Cato" after "the Cato
    Institute", "the Post" after "The Washington Post" (two such bodies: neither; a name that
    does not end as a body's does, none)."""
    if len(word.split()) != 1 or not word[:1].isupper() or acronym(word) or word.casefold() in _NO_SHORT_FORM:
        return None
    owners = {
        a.actor_id: a
        for a in bodies
        if len(words := display_name(a.name).split()) > 1
        and word in (words[0], words[-1])
        and words[-1] in _BODY_HEADS
    }
    return next(iter(owners.values())) if len(owners) == 1 else None


#: last words of the names of bodies ("the Cato Institute", "The Washington Post"): a name ending
#: otherwise ("the Brandbergen Mosque", "the Yazidi Book of Revelation") names no body to shorten
_BODY_HEADS = frozenset(
    {"Institute", "Foundation", "Party", "Post", "Times", "Journal", "News", "University", "College", "Council",
     "Committee", "Coalition", "Agency", "Association", "Union", "Group", "Front", "Army", "Movement",
     "Organization", "Organisation", "Commission", "Center", "Centre", "Company", "Corporation", "Bank",
     "Network", "Trust", "League", "Alliance", "Brigade", "Brigades", "Forces", "Service", "Society", "Tribune",
     "Herald", "Telegraph", "Guardian", "Review", "Standard"}
)  # fmt: skip
#: words that begin or end many bodies' names and stand for none alone
_NO_SHORT_FORM = frozenset(
    {"state", "house", "national", "united", "new", "american", "british", "international", "party", "department",
     "office", "court", "committee", "council", "union", "group", "city", "university", "college", "school",
     "republic", "democratic", "republican", "federal", "royal", "world", "global", "general", "first", "news",
     "coalition", "army", "front", "alliance", "forces", "movement", "government", "bank"}
)  # fmt: skip


def given_by_several(word: str, persons: dict[str, Actor]) -> bool:
    """Whether ``word`` is a given name that several people this article named in full bear."""
    return given_name(word) is not None and len(_bearers(word, persons)) > 1


def given_name_of(word: str, persons: dict[str, Actor]) -> Actor | None:
    """The one person of this article whose given name ``word`` is, when it is a given name.

    "Hunter" in a story that named Hunter Biden, "Bernie" after Bernie Sanders: news calls some
    people by their first name. Only a word the given-name list knows, and only when exactly
    one person of the article bears it and none has it as a surname.
    """
    if given_name(word) is None:
        return None
    owners = _bearers(word, persons)
    if len(owners) != 1 or any(len(full.split()) > 1 and full.split()[-1] == word for full in persons):
        return None
    (actor,) = owners.values()
    return actor if len(display_name(actor.name).split()) > 1 else None


def untagged_surnames(
    doc: Doc, persons: dict[str, Actor], taken: set[int], after: int
) -> list[tuple[int, int, Actor]]:
    """Surnames of this article's people that the tagger left untagged: (start, end, person).

    "Born in 1912 and educated in Portsmouth, Lord Callaghan became a clerk": the tagger may miss
    a name it found elsewhere in the article. A capitalised proper noun that is the last word of
    exactly one person's full name, standing alone or after an honorific or title, is that person.
    Characters in ``taken`` (other entities) and before ``after`` (a headline) are left alone.
    """
    owners: dict[str, list[Actor]] = {}
    for full, actor in persons.items():
        words = display_name(full).split()
        if len(words) > 1 and all(actor.actor_id != a.actor_id for a in owners.get(words[-1], [])):
            owners.setdefault(words[-1], []).append(actor)
    out: list[tuple[int, int, Actor]] = []
    table = token_table(doc)
    for i in sorted(i for word, people in owners.items() if len(people) == 1 for i in table.at(word)):
        if table.ent[i] or table.pos[i] != "PROPN":
            continue
        token, people = doc[i], owners[table.text[i]]
        if first_name_elsewhere(token.text, persons):
            continue  # "Anas" of Anas Ahmad, not of Omar Abu Anas
        if token.idx < after or token.idx in taken or acronym(token.text):
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after_tok = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after_tok is not None and after_tok.pos_ == "PROPN" and after_tok.is_title:
            continue  # "Callaghan Street": part of another name
        if before is not None and before.pos_ == "PROPN" and not titled_before(doc, token.idx):
            continue  # "Jim Callaghan" is matched whole; "Sunny Callaghan" is someone else
        if before is not None and before.lower_ in _PARTICLES:
            continue  # "the Al bu Nimr tribe": the end of a longer name
        out.append((token.idx, token.idx + len(token.text), people[0]))
    return out


#: lowercase words inside Arabic, Dutch, German, Spanish and French names
_PARTICLES = frozenset("al el bu bin ibn abu van von der de del da di la le du dos das".split())
#: honorifics and peerages that may stand before a surname
TITLES = frozenset("mr mrs ms miss dr sir dame lord lady baroness baron sen rep gov gen col prof rev".split())


def titled_before(doc: Doc, start: int) -> bool:
    """Whether an honorific or a title stands just before the text at ``start`` ("Lord", "Mr")."""
    before = doc_text(doc)[max(0, start - 12) : start].split()
    return bool(before) and before[-1].rstrip(".").casefold() in TITLES


def shared_surnames(doc: Doc, ents: list[tuple[str, int, int, str]]) -> list[tuple[str, int, int, str]]:
    """ "Jim and Susan McDougal": a lone given name joined to a full name shares its surname."""
    text = doc_text(doc)
    out = list(ents)
    for k, (label, s, e, name) in enumerate(ents[:-1]):
        nxt = ents[k + 1]
        words = nxt[3].split()
        if label != "PERSON" or nxt[0] != "PERSON" or len(name.split()) != 1 or len(words) < 2:
            continue
        full = f"{name} {words[-1]}"
        if text[e : nxt[1]] in (" and ", " & ") and given_name_gender(full):
            out[k] = (label, s, e, full)
    return out


def missed_full_names(
    doc: Doc, ents: list[tuple[str, int, int, str]], covered: set[int]
) -> list[tuple[str, int, int, str]]:
    """``ents`` with the full names the tagger left untagged whose surname is a person elsewhere.

    "Michael Howard is to make a pitch …", then "Mr Howard said": the small model may miss the
    name where it first stands in full (or find only the surname there, as a name it knows). A
    given name (one the given-name list knows) before a word that is a one-word person entity
    of the article makes that person's full name.
    """
    surnames = {text for label, _s, _e, text in ents if label == "PERSON" and " " not in text.strip()}
    if not surnames:
        return ents
    alone = {(s, e): k for k, (label, s, e, _t) in enumerate(ents) if label == "PERSON"}
    out = list(ents)
    table = token_table(doc)
    for word in surnames:
        for i in table.at(word):
            if i == 0 or table.ent[i - 1] or table.pos[i - 1] != "PROPN":
                continue
            first, last = doc[i - 1], doc[i]
            if given_name(first.text) is None or not first.is_title or first.idx in covered:
                continue
            start, end = first.idx, last.idx + len(last.text)
            full = ("PERSON", start, end, doc_text(doc)[start:end])
            if (k := alone.get((last.idx, end))) is not None:
                out[k] = full  # the surname alone was found: the name is the whole of it
            elif table.ent[i] or any(c in covered for c in range(last.idx, end)):
                continue
            else:
                out.append(full)
            covered.update(range(start, end))
    return out

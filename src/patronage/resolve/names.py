"""Is a tagged entity a name? Mention boundaries checked before a mention may become an actor.

The small English model's entities are often fragments of the text around a name: a
leading adjective or verb ("Nervous Nancy Pelosi", "Attacks Comey" from a subheading),
a bracket left open ("Group of Seven (G-7"), a quotation mark, a possessor glued to the
name ("J.P. Morgan’s Doug Anmuth"), two names run together ("SessionsLewandowski"), a
handle or a credit ("@handle", "Name/Agency"). :func:`checked_name` trims what is not part
of the name, or says that nothing of it is one. :func:`person_cue` says whether a lone
unknown word is shown to be a person by its own context (a title, an honorific, an
apposed role, a speech verb): without a cue it stays a mention and never becomes a node.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from patronage.nlp.sentences import doc_text
from patronage.resolve.protocol import GazetteerLike
from patronage.resolve.simple import display_name
from patronage.resolve.titles import is_role_noun

__all__ = ["HONORIFIC", "ILLNESSES", "SPEECH", "checked_name", "known_person", "people_joined"]

#: characters no actor's name contains: handles, hashtags, credits ("Name/Agency"), times
#: never in an actor's name: handles, paths, clock times, and "v." between a case's parties
#: ("Brown v. Board of Education", "Marsh v. Alabama": a court case, no actor)
_NEVER = re.compile(r"[@#/|]|\d{1,2}:\d{2}|\s(?:v|vs)\.?\s")
_EDGE_OPEN = "“”\"‘’'([«"
_EDGE_CLOSE = "“”\"‘’'»"
_POSSESSIVE = re.compile(r"[’']s\s+")
#: what follows a person's name in the name of a place or a day called after them
_PLACE_AFTER = re.compile(
    r"[’']s?\s+(?:Square|Basilica|Cathedral|Church|Chapel|Abbey|Hospital|College|School|Street|Road|Avenue"
    r"|Park|Bridge|Palace|Hall|Island|Day|Eve)\b"
)
#: tags of words that describe or act but never start a proper name
_NOT_NAME_TAGS = frozenset(
    {"JJ", "JJR", "JJS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB", "RBR", "RBS", "NNS", "NNPS", "UH"}
)
HONORIFIC = frozenset(
    "mr mrs ms miss dr sir dame lord lady sen rep gov gen col lt sgt capt prof rev fr".split()
)


_JOINED = re.compile(r"\s+(?:and|&)\s+")


def people_joined(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names an entity joins ("Trump and Pence"): each its own, never one actor."""
    bounds: list[tuple[int, int]] = []
    at = 0
    for m in _JOINED.finditer(text):
        bounds.append((start + at, start + m.start()))
        at = m.end()
    bounds.append((start + at, end))
    return [(s, e) for s, e in bounds if e > s]


def _linked(piece: str, label: str, is_known: Callable[[str], bool]) -> bool:
    """Two names joined by a preposition ("Boone to Cunningham"): no person's name holds one, and an
    organisation's ("Committee to Protect Journalists") does not end in a person the text names."""
    words = piece.split()
    cuts = [i for i, w in enumerate(words[1:-1], 1) if w in _LINKING_WORDS]
    return bool(cuts) and (label == "PERSON" or is_known(" ".join(words[cuts[-1] + 1 :])))


#: tags of a lone word that is no name: adjectives, adverbs, verbs, interjections
_NO_NAME_TAGS = frozenset(
    {"JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "UH"}
)


#: words for a party that, before a noun, describe ("a Democratic strategist")
_PARTY_WORDS = frozenset(
    {
        "democratic",
        "republican",
        "conservative",
        "liberal",
        "labour",
        "tory",
        "progressive",
        "green",
        "socialist",
    }
)
#: a party, or its member, named before a name: "Tory Liam Fox", "Democrat Joe Manchin" (not "Green",
#: a surname too)
_PARTY_BEFORE_NAMES = (_PARTY_WORDS - {"green"}) | {"democrat", "gop"}
#: heads of the names of a government's departments
_DEPARTMENTS = frozenset({"Department", "Ministry", "Agency"})
#: endings of the one-word names of policies, programmes and creeds
_POLICY_ENDINGS = ("exit", "care", "caid", "ism", "phobia")
#: faiths named as such (their followers are peoples: "Muslims", "Christians")
_FAITHS = frozenset({"islam", "christianity", "judaism"})
#: a body's kind alone, which names no one body: "the Committee", "the Department"
_GENERIC = frozenset(
    {"committee", "department", "office", "authority", "agency", "commission", "council", "board", "panel",
     "ministry", "bank", "court", "church", "order", "government", "administration", "company", "firm",
     "group", "union", "institute", "legislature", "embassy", "consulate", "left", "right", "generals",
     "success", "pac", "msp", "mep", "mp"}
)  # fmt: skip
#: prefixes of a word for a stance or a time: "pro-Israel", "anti-Terrorism", "ex-FBI", "pre-Budget"
_PREFIXES = ("pro-", "anti-", "non-", "ex-", "pre-", "post-")


#: last words of names of places, parties and offices, never of a person
_NO_SURNAMES = frozenset(
    {"Abbey", "Cathedral", "Square", "Palace", "Street", "Road", "Avenue", "Hospital", "Bridge", "Castle",
     "Tower", "Prison", "Airport", "Station", "Stadium", "City", "County", "GOP", "Democrats", "Republicans",
     "Councillor", "Councilor", "Senator", "Governor", "Minister", "Secretary", "Chairman", "Spokesman", "Mayor",
     "Fortress", "Prospect", "Boulevard", "Cemetery", "Memorial", "Monument", "Museum", "Populism", "Scout",
     "House", "Senate", "Congress", "Administration", "MPs", "MEPs", "MSPs", "Lawmakers", "Senators"}
)  # fmt: skip
#: what follows a surname and is no name alone ("Jr.", "III")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: first words of the names of storms and other weather, never of people ("Superstorm Sandy")
_STORMS = frozenset({"Hurricane", "Superstorm", "Storm", "Typhoon", "Cyclone", "Tropical"})


def _people_word(doc: Doc, piece: str) -> bool:
    """Whether one word is the singular of a people the text names ("Hutu" beside "Hutus")."""
    return len(piece.split()) == 1 and any(
        e.label_ == "NORP" and e.text in (piece + "s", piece + "es") for e in doc.ents
    )


def _paired(tokens: list[Token], is_known: Callable[[str], bool]) -> bool:
    """Two names hyphenated before a noun ("the Trump-Russia investigation"), one a person the
    text or the gazetteer knows: a pair something is about, not a body."""
    if len(tokens) != 3 or tokens[1].text not in ("-", "–") or tokens[1].whitespace_ or tokens[0].whitespace_:
        return False
    first, last = tokens[0], tokens[2]
    after = last.head if last.head.i > last.i else None
    return (
        first.text[:1].isupper()
        and last.text[:1].isupper()
        and after is not None
        and after.pos_ == "NOUN"
        and (is_known(first.text) or is_known(last.text))
    )


def _listed(piece: str) -> bool:
    """A surname, a comma and a full name: two people of a list the tagger ran together."""
    head, _comma, tail = piece.partition(", ")
    words = tail.split()
    return (
        bool(tail)
        and len(head.split()) == 1
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() and not w.isupper() for w in words)
        and not tail.endswith(("Inc.", "Ltd", "Co.", "LLC"))
    )


#: lowercase words that start or continue a clause: no name runs through them
_CLAUSE_WORDS = frozenset(
    "that who which whom whose said says is was are were has had have will would told when where "
    "while because but if".split()
)
#: prepositions between two names: no one person's name holds them ("Prince of Wales" may hold "of")
_LINKING_WORDS = frozenset("to at for from with by in on than as into about against".split())
#: diseases the tagger names like organisations
ILLNESSES = frozenset(
    {"coronavirus", "covid", "covid-19", "ebola", "zika", "sars", "mers", "h1n1", "mpox", "monkeypox"}
)
_PARTICLES = frozenset(
    {"al", "el", "ad", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "du", "la", "le"}
)
SPEECH = frozenset({"say", "tell", "add", "write", "argue", "note", "claim", "explain", "insist", "reply"})

#: known(name, entity) -> True when the gazetteer, or the article in a name other than the
#: entity being checked, knows ``name`` as a person
Known = Callable[[str, str], bool]
#: derived adjectives before a name ("Machiavellian", "Orwellian", "heroic"), never given names
_ADJECTIVE_END = re.compile(r"(?:ian|ic|ous|ive|ful|less|esque|ish)$")


def _title_word(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


_WORDS_KEY = "patronage.words"


def _doc_words(doc: Doc) -> frozenset[str]:
    """The alphabetic words of ``doc``, collected once per document (entities are checked many times)."""
    words = doc.user_data.get(_WORDS_KEY)
    if words is None:
        words = doc.user_data[_WORDS_KEY] = frozenset(t.text for t in doc if t.is_alpha)
    return words


def _glued(doc: Doc, span: Span) -> bool:
    """Two words run together ("TrumpGOP"), each of which the article uses on its own."""
    for token in span:
        text = token.text
        for i in range(4, len(text) - 2):
            if text[i - 1].islower() and text[i].isupper():
                left, right = text[:i], text[i:]
                words = _doc_words(doc)
                if (left in words and (right in words or right.isupper())) or (
                    len(right) >= 5 and right in words
                ):
                    return True  # "TrumpGOP"; "AguilarSenate", a credit run into a headline
            if (
                text[i - 1] == "."
                and text[i].isupper()
                and text[i - 2].isalpha()
                and text[i:] in _doc_words(doc)
            ):
                return True  # "AFL-CIO.Lighthizer": a sentence run into the next one's name
    return False


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut an entity at a bracket it opens but never closes ("Group of Seven (G-7", a citation
    mark "al-Assad,[1"), or after one it closes unopened."""
    for opening, closing in ("()", "[]"):
        piece = text[start:end]
        if piece.count(opening) > piece.count(closing):
            end = start + len(piece[: piece.rindex(opening)].rstrip(" ,.;:"))
        elif piece.count(closing) > piece.count(opening):
            start += piece.index(closing) + 1
    return start, end


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _EDGE_OPEN or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _EDGE_CLOSE or text[end - 1].isspace()):
        end -= 1
    return start, end


def checked_name(doc: Doc, start: int, end: int, label: str, known: Known) -> tuple[int, int] | None:
    """The part of an entity that is a name, as char bounds; None when no part of it is one."""
    text = doc_text(doc)
    if _NEVER.search(text[start:end]):
        return None
    start, end = _strip_edges(text, start, end)
    start, end = _balanced(text, start, end)
    start, end = _strip_edges(text, start, end)
    piece = text[start:end]
    if not piece or not any(ch.isalpha() for ch in piece):
        return None
    if piece.casefold().split()[0] in ILLNESSES:
        return None  # "Coronavirus protests": a disease names no actor
    # "Sgt" alone; "Secretary of State Clinton", "the departments of Defense": an office's field
    if piece.casefold().rstrip(".") in HONORIFIC or (label == "ORG" and _PORTFOLIO.search(text, 0, start)):
        return None
    if len(piece.split()) == 1 and (
        piece.casefold().endswith(_POLICY_ENDINGS) or piece.casefold() in _FAITHS
    ):
        return None  # "Brexit", "Obamacare", "Medicaid", "Trumpism", "Islam": a policy, a creed, no actor

    def is_known(name: str) -> bool:
        return known(name, piece)

    if label == "PERSON" and (_PLACE_AFTER.match(text, end) or _PLACE_AFTER.search(piece)):
        return None  # "St Peter's Square", "St Thomas' Hospital": a place named after someone
    if label == "PERSON" and (
        piece.split()[-1] in _NO_SURNAMES or piece.split()[0] in _STORMS or _people_word(doc, piece)
    ):
        return None  # "Westminster Abbey", "Maverick GOP strategist", "an ethnic Hutu leader" (Hutus)
    if label == "PERSON" and piece.casefold().rstrip(".") in _SUFFIXES:
        return None  # "Jr." cut from "Martin Luther King Jr.": a suffix, no one's name
    if label == "PERSON" and (" and " in piece or " & " in piece or any(ch.isdigit() for ch in piece)):
        return None  # one person's name has no "and" and no number
    if any(w in _CLAUSE_WORDS for w in piece.split()[1:]):
        return None  # "Sherman that Ailes": a clause the tagger ran through, no name
    if label in ("PERSON", "ORG") and _linked(piece, label, is_known):
        return None  # "insulted Boone to Cunningham": two people and a preposition, no one name
    if label in ("PERSON", "ORG") and _listed(piece):
        return None  # "Ailes, Laurie Luhn": two people in a list, no one name
    owner = _POSSESSIVE.search(piece)
    if owner is not None:
        head, tail = piece[: owner.start()], piece[owner.end() :]
        tail_is_name = len(tail.split()) >= 2 and all(w[0].isupper() for w in tail.split())
        if tail_is_name and (label == "PERSON" or is_known(head)):
            start += owner.end()  # "J.P. Morgan’s Doug Anmuth": the name after the possessor
        elif label == "PERSON":
            end = start + owner.start()  # "Donald Trump’s Cabinet" tagged a person: the possessor
        elif is_known(head):
            return None  # "Trump’s July 25": a person's thing, not an organisation's name
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    tokens = list(span)
    # lowercase words before the name ("new Department of …"), never a particle or a prefix
    # joined to it ("al-Qaida", "pro-Assad"); all lowercase is no name
    while (
        tokens
        and not _title_word(tokens[0].text)
        and tokens[0].whitespace_
        and tokens[0].lower_ not in _PARTICLES
    ):
        tokens = tokens[1:]
    if not any(_title_word(t.text) for t in tokens):
        return None
    if not tokens or _glued(doc, span):
        return None
    if label != "PERSON" and (
        tokens[-1].text in _DOCUMENTS | _NAMED_THINGS
        or any(a.text in _DOCUMENTS and b.lower_ in _DOCUMENT_OF for a, b in zip(tokens, tokens[1:]))
    ):
        # "the Paris Agreement", "the First Amendment", "the European Convention on Human Rights":
        # what is negotiated or enacted, no party
        return None
    after = doc[span.end] if span.end < len(doc) else None
    if label != "PERSON" and after is not None and tokens[-1].lower_ in _OFFICE_FRONT and is_role_noun(after):
        return None  # "New Home Secretary Charles Clarke": the front of an office's name, no body
    if any(
        t.is_lower and (t.pos_ in ("VERB", "AUX") or (t.like_num and _counted(t, label))) for t in tokens[1:]
    ):
        return None  # "Carlson sued Ailes", "shot Smith five times": a clause the tagger ran through
    if (
        label == "ORG"
        and len(tokens) == 1
        and (tokens[0].tag_ in _NO_NAME_TAGS or tokens[0].lower_ in _GENERIC)
        and tokens[0].lower_ not in _PARTY_WORDS
    ):
        return None  # "FREE", "Suffice": a word of a heading or a slogan; "the Committee": which one?
    if label == "ORG" and len(piece.split()) == 1 and piece.casefold().startswith(_PREFIXES):
        return None  # "pro-Dreamers", "Anti-Terrorism": what one is for or against, no body
    if (
        label == "ORG"
        and len(tokens) > 1
        and tokens[-1].lower_ in _PARTY_WORDS
        and after is not None
        and after.pos_ == "NOUN"
        and after.is_lower
        and after.lemma_ != "party"
    ):
        tokens = tokens[-1:]  # "Longtime Democratic strategist": the party of one it describes
    if label == "ORG" and len(tokens) >= 3 and tokens[-1].text in _DEPARTMENTS and is_known(tokens[0].text):
        tokens = tokens[1:]  # "the Obama Justice Department" is the Justice Department
    if label == "ORG" and _paired(tokens, is_known):
        return None  # "the Trump-Russia investigation", "the Strzok-Page texts": whom it is about
    if label == "PERSON" or is_known(" ".join(t.text for t in tokens[1:])):
        tokens = _drop_descriptors(tokens, is_known)
    # a token may reach past the cut ("al-Assad,[1" is one token): the cut holds
    return max(tokens[0].idx, start), min(tokens[-1].idx + len(tokens[-1].text), end)


#: last words of the names of treaties and laws: documents, never actors
_DOCUMENTS = frozenset(
    {"Partnership", "Agreement", "Treaty", "Accord", "Accords", "Pact", "Act", "Protocol", "Deal", "Charter",
     "Amendment", "Amendments", "Bill", "Clause", "Convention", "Constitution", "Declaration", "Directive"}
)  # fmt: skip
#: last words of the names of meetings, speeches, papers and topics: "the Singapore Summit", "the State
#: of the Union Address", "the Steele Dossier", "the Illegal Immigration problem": never actors
_NAMED_THINGS = frozenset(
    {
        "Summit",
        "Address",
        "Speech",
        "Dossier",
        "Memo",
        "Incident",
        "Incidents",
        "Immigration",
        "Rally",
        "Dinner",
    }
)
#: words after a document's name that say what it is about ("Convention on", "Bill of Rights")
_DOCUMENT_OF = frozenset({"on", "of", "against", "for"})
#: first words of an office's name ("Home Secretary", "Defence Minister") that the tagger may take
#: with a word before them for a body ("New Home", "Shadow Foreign")
_OFFICE_FRONT = frozenset(
    {"home", "foreign", "defence", "defense", "interior", "finance", "health", "education", "culture",
     "environment", "transport", "energy", "treasury", "exchequer"}
)  # fmt: skip


def _drop_descriptors(tokens: list[Token], known: Callable[[str], bool]) -> list[Token]:
    """Leading adjectives, verbs and plurals before a known name: "Nervous Nancy Pelosi", "Attacks Comey".

    A capitalised word the tagger still calls a proper noun goes only when it is shaped like a
    derived adjective, is no known name and the rest is a person already known
    ("Machiavellian Trump"); an honorific or title never goes.
    """
    while len(tokens) > 1:
        first, rest = tokens[0], " ".join(t.text for t in tokens[1:])
        if first.lower_ in _ROYAL and len(tokens) > 2 and known(rest):
            # "Crown Prince Mohammed bin Salman" is the prince known ("Prince Harry" stays whole)
            tokens = tokens[1:]
            continue
        if first.lower_.rstrip(".") in HONORIFIC or is_role_noun(first):
            break
        if first.lower_ in _PARTY_BEFORE_NAMES and len(tokens) >= 3:
            tokens = tokens[1:]  # "Tory Liam Fox", "Democrat Joe Manchin": the party, then the name
            continue
        capitals = (first.is_upper and len(first) >= 4) or first.lower_ in _ONCE or _asking(first)
        adjective = len(first) >= 8 and _ADJECTIVE_END.search(first.lower_) is not None
        described = first.tag_ in _NOT_NAME_TAGS or (adjective and not known(first.text))
        if capitals or (described and known(rest)):
            tokens = tokens[1:]
            continue
        break
    return tokens


def _counted(number: Token, label: str) -> bool:
    """A number word no name holds: any in a person's, a count of a lowercase noun in a body's."""
    return label == "PERSON" or (number.i + 1 < len(number.doc) and number.nbor(1).is_lower)


def _asking(token: Token) -> bool:
    """ "Will Bernie try again?": the auxiliary opening a question, no given name."""
    opens = token.i == token.sent.start or token.nbor(-1).is_punct
    return token.lower_ in _AUXILIARIES and opens and token.sent.text.rstrip(' "”’)').endswith("?")


#: what an office or a department is "of" when the tagger takes the field alone for a body
_PORTFOLIO = re.compile(
    r"\b(?:Secretary|Secretaries|Director|Minister|Ministers|[Dd]epartments) of (?:the )?$"
)
#: royal styles the tagger takes into a known name ("Crown Prince Mohammed bin Salman")
_ROYAL = frozenset({"crown", "prince", "princess", "king", "queen", "sheikh", "emir"})
#: words that open a question; "Onetime", "Longtime" before a name describe the person
_AUXILIARIES, _ONCE = (
    frozenset("will would can could should did does do is are was were".split()),
    {"onetime", "longtime"},
)


def known_person(doc: Doc, gaz: GazetteerLike | None) -> Callable[[str, str], bool]:
    """Whether a name is a person the gazetteer knows, or one the article names in full (or by
    surname) in another entity than the one being checked."""
    named: dict[str, set[str]] = {}
    for ent in doc.ents:
        words = display_name(ent.text).split()  # "Ms Beynon" names no one in full
        if ent.label_ == "PERSON" and len(words) > 1:
            for key in (" ".join(words).casefold(), words[-1].casefold()):
                named.setdefault(key, set()).add(ent.text.casefold())

    def known(name: str, entity: str) -> bool:
        name = display_name(name)
        if not name:
            return False
        if named.get(name.casefold(), set()) - {entity.casefold()}:
            return True
        return gaz is not None and any(e.kind == "person" for e in gaz.lookup(name))

    return known

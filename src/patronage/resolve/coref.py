"""Rule-based coreference within one article, over the parse.

Links to the actors ``actors.resolve_entities`` found:
- pronouns (he/him/his, she/her) to the nearest compatible person, preferring
  the subject of a governing clause, then the subject of the previous sentence;
- titles ("the Syrian dictator", "Syria's beleaguered leader", "the Russian
  president") to the person of that country named in the article, else to the
  gazetteer's holder of that role at the article's date;
- plural groups ("the two leaders", "the two men") to the last two people named;
- agent nouns with a country ("a senior administration official in Washington",
  "Russian troops", "the Syrian government") to that country with a sector.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from patronage.model.records import Actor
from patronage.resolve.docactors import MentionTable
from patronage.resolve.protocol import GazetteerLike
from patronage.resolve.titles import HEAD_OF_STATE_TITLES

__all__ = ["AGENT_SECTORS", "resolve_coreference"]

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_GROUP_HEADS = {"leaders", "men", "presidents", "women", "sides", "allies", "rivals", "countries", "nations"}
_COUNTRY_GROUPS = {"sides", "countries", "nations"}
_PLURAL = frozenset({"they", "their", "them"})
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


def resolve_coreference(found: MentionTable, date: dt.date | None, gaz: GazetteerLike | None) -> None:
    """Add coreference mentions to ``found`` in place."""
    doc = found.doc
    covered = set(found.token_mentions)
    persons: list[tuple[int, str]] = []  # (token index, actor id) of person mentions, in order
    by_token = {
        doc.char_span(m.start, m.end, alignment_mode="expand").start: m  # type: ignore[union-attr]
        for m in found.mentions
        if doc.char_span(m.start, m.end, alignment_mode="expand") is not None
    }
    person_ids = {m.actor_id for m in found.mentions if m.label == "PERSON" and m.actor_id}
    for sent in doc.sents:
        for token in sent:
            mention = by_token.get(token.i)
            if mention is not None and mention.actor_id in person_ids:
                mspan = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                persons.append((mspan.root.i if mspan is not None else token.i, mention.actor_id))
                continue
            if token.i in covered:
                continue
            lower = token.lower_
            if token.tag_ in ("PRP", "PRP$") and lower in ("it", "its"):
                antecedent = _thing_antecedent(found, token)
                if antecedent is not None:
                    _add(
                        found,
                        token.idx,
                        token.idx + len(token.text),
                        "PRON",
                        found.actors[antecedent],
                        "coref",
                    )
            elif token.tag_ in ("PRP", "PRP$") and (lower in _MALE or lower in _FEMALE):
                actor_id = _pronoun_antecedent(found, token, persons, "f" if lower in _FEMALE else "m")
                if actor_id:
                    _add(
                        found, token.idx, token.idx + len(token.text), "PRON", found.actors[actor_id], "coref"
                    )
                    persons.append((token.i, actor_id))
            elif token.tag_ in ("PRP", "PRP$") and lower in _PLURAL:
                for actor in _plural_antecedents(found, token):
                    _add(found, token.idx, token.idx + len(token.text), "GROUP", actor, "coref")
            elif token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
                _nominal(found, token, persons, date, gaz, covered)


def _add(
    found: MentionTable, start: int, end: int, label: str, actor: Actor, how: str, sector: str | None = None
) -> None:
    found.add(start, end, label, actor, how, sector)


def _pronoun_antecedent(
    found: MentionTable, token: Token, persons: list[tuple[int, str]], gender: str
) -> str | None:
    def compatible(actor_id: str) -> bool:
        g = found.genders.get(actor_id)
        return g is None or g == gender

    sent = token.sent
    governing_subjects = {
        child.i
        for ancestor in token.ancestors
        for child in ancestor.children
        if child.dep_ in ("nsubj", "nsubjpass")
    }
    # 0. a possessive prefers another participant named earlier in its sentence: "Despite
    #    Medvedchuk's capture, Putin secured his release" (his = Medvedchuk, not the agent)
    if token.tag_ == "PRP$":
        for i, actor_id in reversed(persons):
            if (
                sent.start <= i < token.i
                and compatible(actor_id)
                and not any(
                    found.doc[s].left_edge.i <= i <= found.doc[s].right_edge.i for s in governing_subjects
                )
            ):
                return actor_id
    # 1. the subject of a clause governing the pronoun ("Putin said he would…"), never across a
    #    parenthetical speech clause ("Mr. Assad, he said, had spent…": he is not Assad)
    governors: list[Token] = []
    node = token
    while node.head.i != node.i:
        if node.dep_ == "parataxis" or (
            node.dep_ in ("ccomp", "advcl") and node.i > node.head.i and _speech(node)
        ):
            break
        node = node.head
        governors.append(node)
    for ancestor in governors:
        if token.head.i == ancestor.i and token.dep_ in ("nsubj", "nsubjpass"):
            continue  # the pronoun is this clause's subject: a second "subject" is dislocated content
        for child in ancestor.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < token.i and child.i != token.i:
                for i, actor_id in reversed(persons):
                    if child.left_edge.i <= i <= child.right_edge.i and compatible(actor_id):
                        return actor_id
    # 2. possessives may point back within their own sentence ("Putin and his ex-wife")
    if token.tag_ == "PRP$":
        for i, actor_id in reversed(persons):
            if sent.start <= i < token.i and compatible(actor_id):
                return actor_id
    # 3. the subject of the previous sentences, then the most recent person before this sentence
    earlier = [(i, a) for i, a in persons if i < sent.start]
    if not earlier:
        return None
    prev_sent = found.doc[earlier[-1][0]].sent
    for i, actor_id in earlier:
        if (
            prev_sent.start <= i < prev_sent.end
            and found.doc[i].dep_ in ("nsubj", "nsubjpass")
            and compatible(actor_id)
        ):
            return actor_id
    for _i, actor_id in reversed(earlier[-8:]):
        if compatible(actor_id):
            return actor_id
    return None


_SPEECH = {"say", "add", "tell", "note", "insist", "argue", "claim", "explain", "warn", "write"}


def _speech(verb: Token) -> bool:
    return verb.lemma_.lower() in _SPEECH


def _thing_antecedent(found: MentionTable, token: Token, countries_only: bool = False) -> str | None:
    """ "it"/"its" → the nearest country or organisation named before it, preferring a subject.

    Looks in the pronoun's sentence, then the previous one; people are never "it".
    ``countries_only`` keeps countries alone ("the kingdom").
    """
    doc = found.doc
    sent = token.sent
    prev_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    candidates: list[tuple[int, str, bool]] = []
    for m in found.mentions:
        if not m.actor_id or m.start >= token.idx or m.label in ("PRON", "GROUP"):
            continue
        actor = found.actors[m.actor_id]
        if actor.kind == "person" or (countries_only and actor.kind != "country"):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start < prev_start:
            continue
        subject = span.root.dep_ in ("nsubj", "nsubjpass") or span.root.head.dep_ in ("nsubj", "nsubjpass")
        candidates.append((span.start, m.actor_id, subject))
    if not candidates:
        return None
    same = [c for c in candidates if c[0] >= sent.start]
    pool = same or candidates
    subjects = [c for c in pool if c[2]]
    return (subjects or pool)[-1][1]


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


def _nominal(
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
        distinct: list[str] = []
        for _i, actor_id in reversed(persons):
            if actor_id not in distinct:
                distinct.append(actor_id)
            if len(distinct) == 2:
                break
        if len(distinct) == 2:
            for actor_id in reversed(distinct):
                _add(found, start, end, "GROUP", found.actors[actor_id], "group")
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
            holder = _recent_holder(found, persons, lemma) if _definite(head) else None
            if holder is not None:
                _add(found, start, end, "TITLE", holder, "title")
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
            _add(found, start, end, "TITLE", actor, "title")
            persons.append((head.i, actor.actor_id))
            covered.update(range(span.start, span.end))
        return
    if (
        lemma in _COUNTRY_NOUNS
        and head.tag_ == "NN"
        and any(c.lower_ == "the" for c in head.children)
        and not any(c.dep_ in ("amod", "compound", "poss", "prep") for c in head.children)
    ):
        antecedent = _thing_antecedent(found, head, countries_only=True)
        if antecedent is not None:
            _add(found, start, end, "AGENT", found.actors[antecedent], "coref")
            covered.update(range(span.start, span.end))
        return
    if lower in AGENT_SECTORS or lemma in AGENT_SECTORS:
        country = _country_modifier(head, found, gaz)
        if country is not None:
            sector = AGENT_SECTORS.get(lower) or AGENT_SECTORS[lemma]
            _add(found, start, end, "AGENT", country, "agent", sector)
            covered.update(range(span.start, span.end))


def _actor_of(found: MentionTable, token: Token) -> Actor | None:
    """The actor a subject token names: its own mention, else a country modifying it ("Palestinian leaders")."""
    for i in (token.i, *(c.i for c in token.children if c.dep_ in ("amod", "compound", "poss"))):
        for idx in found.token_mentions.get(i, ()):
            mention = found.mentions[idx]
            if mention.actor_id and mention.label not in ("PRON", "GROUP"):
                actor = found.actors[mention.actor_id]
                if i == token.i or actor.kind == "country":
                    return actor
    return None


def _plural_antecedents(found: MentionTable, token: Token) -> list[Actor]:
    """ "they"/"their" → the nearest plural subject before it: "Iran and Syria", "Palestinian leaders".

    Looks back through the pronoun's sentence and the previous one; a subject that
    names no actor ("the protesters") ends the search, so nothing is guessed.
    """
    doc = found.doc
    sent = token.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for i in range(token.i - 1, first - 1, -1):
        subject = doc[i]
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.tag_ in ("PRP", "PRP$"):
            continue
        group = [subject, *subject.conjuncts]
        if len(group) == 1 and subject.tag_ not in ("NNS", "NNPS"):
            continue
        actors: list[Actor] = []
        for member in group:
            actor = _actor_of(found, member)
            if actor is None:
                return []
            if actor not in actors:
                actors.append(actor)
        return actors
    return []


def _definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _recent_holder(found: MentionTable, persons: list[tuple[int, str]], title: str) -> Actor | None:
    """The last of the few people named just before whose known roles include ``title``."""
    seen: set[str] = set()
    for _i, actor_id in reversed(persons):
        if actor_id in seen:
            continue
        seen.add(actor_id)
        if len(seen) > 3:
            return None
        actor = found.actors[actor_id]
        if any(r.title.lower() == title for r in actor.roles):
            return actor
    return None


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

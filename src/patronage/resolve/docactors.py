"""The actors of one article and the text spans that refer to them.

Resolution fills a :class:`MentionTable` (``actors.py`` from named entities, ``coref.py``
with coreferent mentions, ``document.py`` with roles and namesakes, :func:`qualify_mentions`
with the countries phrases state) and freezes it once into a :class:`DocActors` value: the
per-article table every later stage reads and none can change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from spacy.tokens import Doc, Span

from patronage.model.records import Actor, ActorRef, Mention, Place
from patronage.nlp.sentences import doc_text
from patronage.resolve.titles import is_role_noun

__all__ = ["OTHER_PEOPLE", "PLACED", "WHOSE", "DocActors", "MentionTable", "country_at", "qualify_mentions"]

#: creeds a government or movement is said to hold ("the Hindu nationalist government")
_CREEDS = frozenset(
    {
        "hindu",
        "muslim",
        "islamic",
        "islamist",
        "christian",
        "jewish",
        "sunni",
        "shia",
        "shiite",
        "catholic",
        "evangelical",
        "buddhist",
        "sikh",
    }
)
#: bodies that govern or rule, which a creed's name before them only describes
_GOVERNING = frozenset(
    {"government", "regime", "administration", "state", "leadership", "authorities", "rule"}
)
#: words for a party's members before a noun ("Senate Republican leaders")
_PARTY_ADJECTIVES = frozenset({"republican", "democratic", "conservative", "labour", "liberal", "tory"})
#: how a mention names a place: a capital (which may stand for its government) or another city or region
PLACED = frozenset({"place", "region"})

#: how a modifier ties a phrase to a country: "Iraqi Kurds", "Kurds of Iraq", "rebels in Chad"
_QUALIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
_QUALIFIER_PREPS = frozenset({"of", "in", "from"})

#: nouns for people known by their tie to someone else: "Putin's critics", "supporters of Assad",
#: "Trump campaign aides" and "his son" are never Putin, Assad, Trump or him. (A spokesman or a
#: lawyer speaks and acts for the one named, so they are not here.)
OTHER_PEOPLE = frozenset(
    """
    critic opponent rival detractor enemy foe adversary challenger accuser attacker killer murderer
    claimant plaintiff complainant
    assassin captor kidnapper victim supporter backer ally loyalist follower fan voter donor
    constituent admirer friend associate aide adviser advisor staffer employee successor predecessor
    nominee appointee pick biographer interviewer family relative wife husband son daughter child
    brother sister father mother nephew niece cousin parent grandparent grandfather grandmother
    grandson granddaughter stepson stepdaughter spouse widow widower fiancee fiance association
    """.split()
)


#: what two sides have between them: a name inside is one side, never the whole
_TIES = frozenset(
    {
        "relationship",
        "relation",
        "tie",
        "alliance",
        "partnership",
        "friendship",
        "rapport",
        "bond",
        "rivalry",
        "feud",
        "row",
        "spat",
        "quarrel",
    }
)
#: heads whose names inside say whose they are, not who they are
#: spans of time named after whoever held an office: "the eighth veto of Obama's presidency"
_TERMS = frozenset({"presidency", "tenure", "term", "reign", "premiership", "era", "administration's"})
WHOSE = OTHER_PEOPLE | _TIES | _TERMS


class _Reads:
    """The lookups both the table under construction and the frozen value answer."""

    doc: Doc
    mentions: Sequence[Mention]
    actors: Mapping[str, Actor]
    sectors: Mapping[tuple[int, int], str]
    places: Mapping[tuple[int, int], Place]
    token_mentions: Mapping[int, Sequence[int]]
    qualified: Mapping[tuple[int, int], str]

    def _near(self, start: int, end: int) -> list[Mention]:
        """The mentions touching a token of ``[start, end)``, in table order (through the token
        index, so a long article is not scanned once per phrase)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return list(self.mentions)
        found: set[int] = set()
        for i in range(span.start, span.end):
            found.update(self.token_mentions.get(i, ()))
        return [self.mentions[i] for i in sorted(found)]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside the char span ``[start, end)``, in text order."""
        return [m for m in self._near(start, end) if m.start >= start and m.end <= end and m.actor_id]

    def ref(self, mention: Mention, text: str | None = None, sector: str | None = None) -> ActorRef | None:
        """An :class:`ActorRef` for a mention (with the sector it carries, e.g. GOV for "the Kremlin")."""
        if not mention.actor_id:
            return None
        actor = self.actors[mention.actor_id]
        return ActorRef(
            actor.actor_id,
            actor.name,
            actor.kind,
            actor.country or self.qualified.get((mention.start, mention.end)),
            sector or self.sectors.get((mention.start, mention.end)) or actor.sector,
            text if text is not None else mention.text,
        )

    def refs_for_span(self, start: int, end: int) -> list[ActorRef]:
        """Actors an argument phrase refers to: the mention at its head, else its first mention.

        A group mention ("the two leaders") gives several refs.
        """
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            # the mention at the phrase's head, even when it reaches outside the phrase
            # ("al-Assad" as an argument inside the mention "Bashar al-Assad")
            root = span.root
            at_root = [m for m in self._mentions_at(root.i) if m.how != "region"]
            if all(m.how == "agent" for m in at_root):
                # "Syria's beleaguered leader, Bashar al-Assad": the apposed name is who is meant,
                # not the government the description alone would stand for
                for child in root.children:
                    if child.dep_ == "appos" and (named := self._mentions_at(child.i)):
                        at_root = named
                        break
            if not at_root and root.pos_ == "NOUN" and root.lemma_.lower() in WHOSE:
                return []  # "Putin's critics", "the U.S. relationship with Canada": whose, not who
            if at_root:
                key = (at_root[0].start, at_root[0].end)
                return [r for m in at_root if (m.start, m.end) == key if (r := self.ref(m)) is not None]
        inside = [m for m in self.mentions_in(start, end) if not self._against(m) and m.how != "region"]
        if span is not None:
            # "Sessions' decision to recuse himself from the Russia investigation": a clause about
            # the head names other things, never who the phrase is
            # (or any clause deeper in the phrase: "the court of fabricating accusations that Jews
            # living there commit a crime" names no Jews)
            clauses = [c for c in span.root.subtree if c.dep_ in ("relcl", "acl", "ccomp", "advcl")]
            inside = [
                m
                for m in inside
                if not any(c.left_edge.idx <= m.start < c.right_edge.idx + len(c.right_edge) for c in clauses)
            ]
        if not inside:
            return []
        if (
            span is not None
            and span.root.tag_ == "NN"
            and all(m.how in PLACED and m.end <= span.root.idx for m in inside)
        ):
            return []  # "a Florida neighborhood watch organizer": one person from a place, not its state
        if span is not None:
            head = span.root
            at_head = [m for m in inside if m.start <= head.idx < m.end]
            if at_head:
                key = (at_head[0].start, at_head[0].end)
                same = [m for m in at_head if (m.start, m.end) == key]
                return [r for m in same if (r := self.ref(m)) is not None]
        first = self._owner(span, inside) if span is not None else inside[0]
        if first is None:
            return []  # "criticised its record on the NHS": whose record is not said, and not the NHS's
        return [
            r
            for m in inside
            if (m.start, m.end) == (first.start, first.end)
            if (r := self.ref(m)) is not None
        ]

    def _owner(self, span: Span, inside: list[Mention]) -> Mention | None:
        """Who a phrase with no name at its head stands for: its possessor ("Democrat John Kerry's
        campaign" is Kerry's), none when that is unnamed; not the house a party's members sit in
        ("Senate Republican leaders" are no Senate); else the first name in it."""
        owners = [c for c in span.root.children if c.dep_ == "poss"]
        if owners and span.root.tag_ == "NN" and not is_role_noun(span.root):
            return next((m for m in inside if any(m.start <= c.idx < m.end for c in owners)), None)
        first = inside[0]
        sectors = [self.actors[m.actor_id].sector if m.actor_id else None for m in inside]
        if sectors[0] == "LEG" and any(t.lower_ in _PARTY_ADJECTIVES for t in span if t.i < span.root.i):
            return next((m for m, sector in zip(inside, sectors, strict=True) if sector == "PTY"), None)
        if first.text.lower() in _CREEDS and span.root.lemma_.lower() in _GOVERNING:
            return None  # "the Hindu nationalist government": a creed it is said to hold, not its people
        return first

    def _against(self, mention: Mention) -> bool:
        """ "an anti-ISIL coalition", "anti-Putin protesters": the name says what they are against."""
        text = doc_text(self.doc)
        before = text[max(0, mention.start - 8) : mention.start].lower().rstrip()
        return before.endswith(("anti-", "anti–", "counter-"))

    def _mentions_at(self, token_i: int) -> list[Mention]:
        return [self.mentions[i] for i in self.token_mentions.get(token_i, []) if self.mentions[i].actor_id]

    def countries_in(self, start: int, end: int) -> list[str]:
        """ISO3 codes of the actors and places named in ``[start, end)``, in text order, each once."""
        found: list[tuple[int, str]] = []
        for m in self._near(start, end):
            if start <= m.start and m.end <= end and m.actor_id:
                country = self.actors[m.actor_id].country
                if country:
                    found.append((m.start, country))
        for (s, e), place in self.places.items():
            if start <= s and e <= end and place.country:
                found.append((s, place.country))
        out: list[str] = []
        for _, country in sorted(found, key=lambda x: x[0]):
            if country not in out:
                out.append(country)
        return out

    def place_for_span(self, start: int, end: int) -> Place | None:
        """A place named inside the span, if any."""
        for (s, e), place in self.places.items():
            if s >= start and e <= end:
                return place
        return None


@dataclass(eq=False)
class MentionTable(_Reads):
    """The mention table while resolution builds it; :meth:`freeze` gives the value later stages read."""

    doc: Doc
    doc_id: str
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    sectors: dict[tuple[int, int], str] = field(default_factory=dict)
    places: dict[tuple[int, int], Place] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    token_mentions: dict[int, list[int]] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)
    qualified: dict[tuple[int, int], str] = field(default_factory=dict)

    def add(
        self, start: int, end: int, label: str, actor: Actor | None, how: str, sector: str | None = None
    ) -> None:
        """Record a mention of ``actor`` (or of no actor, for places) at ``[start, end)``."""
        if actor is not None:
            self.actors.setdefault(actor.actor_id, actor)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        sent_idx = -1
        if span is not None:
            sent_idx = _sentence_index(self.doc, span.start)
        idx = len(self.mentions)
        self.mentions.append(
            Mention(
                self.doc_id,
                start,
                end,
                doc_text(self.doc)[start:end],
                label,
                sent_idx,
                actor.actor_id if actor else None,
                how,
            )
        )
        if sector:
            self.sectors[(start, end)] = sector
        if span is not None:
            for token in span:
                self.token_mentions.setdefault(token.i, []).append(idx)

    def freeze(self) -> DocActors:
        """The finished table as a value (copies: later changes to the table never reach it)."""
        return DocActors(
            self.doc,
            self.doc_id,
            tuple(self.mentions),
            MappingProxyType(dict(self.actors)),
            MappingProxyType(dict(self.sectors)),
            MappingProxyType(dict(self.places)),
            MappingProxyType({k: tuple(v) for k, v in self.token_mentions.items()}),
            MappingProxyType(dict(self.qualified)),
            MappingProxyType(dict(self.genders)),
        )


@dataclass(frozen=True, eq=False)
class DocActors(_Reads):
    """The actors of one article and the text spans that refer to them, as resolution left them."""

    doc: Doc
    doc_id: str
    mentions: tuple[Mention, ...]
    actors: Mapping[str, Actor]
    sectors: Mapping[tuple[int, int], str]
    places: Mapping[tuple[int, int], Place]
    token_mentions: Mapping[int, tuple[int, ...]]
    qualified: Mapping[tuple[int, int], str]
    genders: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """actor id -> ``m`` or ``f`` where the gazetteer knows it"""


def _sentence_index(doc: Doc, token_i: int) -> int:
    starts = doc.user_data.get("patronage_sent_starts")
    if starts is None:
        starts = [s.start for s in doc.sents]
        doc.user_data["patronage_sent_starts"] = starts
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= token_i:
            lo = mid
        else:
            hi = mid - 1
    return lo


def qualify_mentions(found: MentionTable) -> None:
    """Give mentions of actors without a country the country their phrase states.

    "Iraqi Kurds", "the Kurds of Iraq", "rebels in Chad": the group has no country
    of its own, but this mention ties it to one. The country is recorded per mention
    (``found.qualified``), so the actor itself stays country-less elsewhere.
    """
    doc = found.doc
    for m in found.mentions:
        if not m.actor_id or found.actors[m.actor_id].country or (m.start, m.end) in found.qualified:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        candidates = [t for t in span if t.i < root.i]
        candidates += [t for t in root.children if t.dep_ in _QUALIFIER_DEPS and t.i < root.i]
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ in _QUALIFIER_PREPS:
                candidates += [t for t in prep.children if t.dep_ == "pobj"]
        for token in candidates:
            country = country_at(found, token.i, m.actor_id)
            if country:
                found.qualified[(m.start, m.end)] = country
                break


def country_at(found: MentionTable, token_i: int, own: str) -> str | None:
    """The country a mention at token ``token_i`` names, other than actor ``own``."""
    for idx in found.token_mentions.get(token_i, ()):
        other = found.mentions[idx]
        if other.actor_id and other.actor_id != own:
            actor = found.actors[other.actor_id]
            if actor.kind == "country" and actor.country:
                return actor.country
    return None

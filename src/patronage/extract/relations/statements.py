"""Relationship statements: how actors stand with each other, even without an event.

- protection words with a possessor: "figures under Putin's protection, including A
  and B", "X's sanctuary", "Putin's protective umbrella" → harbours;
- tie nouns in apposition or as predicate: "Viktor Medvedchuk, a close friend of Putin"
  → personal_tie; "X's long-standing ally" → allied_with; "a fierce critic of X" → opposes;
- relationship nouns with a sentiment: "the chilly personal relationship between the two
  men", "X's warm relations with Y" → personal_tie / relations, with a sign;
- set continuation: once "figures" are said to be under X's protection, a later
  "figures like C and D" puts C and D there too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from patronage.model.records import ActorRef
from patronage.nlp.tokens import token_table
from patronage.resolve.docactors import DocActors

__all__ = ["StatementFrame", "find_statements"]

_PROTECTION = {
    "protection",
    "refuge",
    "sanctuary",
    "asylum",
    "shelter",
    "haven",
    "umbrella",
    "patronage",
    "wing",
}
_TIES = {
    "friend": ("personal_tie", "positive", 0.8),
    "confidant": ("personal_tie", "positive", 0.8),
    "protege": ("personal_tie", "positive", 0.7),
    "protégé": ("personal_tie", "positive", 0.7),
    "associate": ("personal_tie", "positive", 0.5),
    "crony": ("personal_tie", "positive", 0.7),
    "godfather": ("personal_tie", "positive", 0.8),
    "mentor": ("personal_tie", "positive", 0.7),
    "wife": ("personal_tie", "positive", 0.9),
    "ex-wife": ("personal_tie", "positive", 0.5),
    "husband": ("personal_tie", "positive", 0.9),
    "son": ("personal_tie", "positive", 0.9),
    "daughter": ("personal_tie", "positive", 0.9),
    "brother": ("personal_tie", "positive", 0.9),
    "ally": ("allied_with", "positive", 0.7),
    "partner": ("allied_with", "positive", 0.5),
    "loyalist": ("supports", "positive", 0.7),
    "supporter": ("supports", "positive", 0.6),
    "enemy": ("opposes", "negative", 0.8),
    "foe": ("opposes", "negative", 0.8),
    "rival": ("opposes", "negative", 0.6),
    "critic": ("opposes", "negative", 0.6),
    "opponent": ("opposes", "negative", 0.7),
    "adversary": ("opposes", "negative", 0.7),
}
_RELATIONSHIP = {"relationship", "relations", "relation", "ties", "friendship", "alliance", "rapport", "bond"}
_NEGATIVE = {
    "chilly",
    "cold",
    "frosty",
    "icy",
    "tense",
    "strained",
    "uneasy",
    "distant",
    "hostile",
    "cool",
    "troubled",
    "difficult",
    "rocky",
    "fraught",
    "bitter",
    "poor",
    "bad",
    "prickly",
    "wary",
}
_POSITIVE = {
    "warm",
    "close",
    "friendly",
    "cordial",
    "strong",
    "good",
    "special",
    "deep",
    "long-standing",
    "longstanding",
    "enduring",
    "solid",
    "excellent",
}
_MEMBERSHIP = {"including", "like", "such", "among"}


@dataclass(frozen=True, slots=True)
class StatementFrame:
    """A relationship stated in one sentence, between resolved actors."""

    source: ActorRef
    target: ActorRef
    relation: str
    polarity: str
    strength: float
    cue: str
    #: document offset of the cue word (the date of the clause holding it dates the statement)
    cue_start: int | None = None


def _refs_at(found: DocActors, token: Token) -> list[ActorRef]:
    span = (
        token.doc[token.left_edge.i : token.right_edge.i + 1]
        if token.dep_ != "poss"
        else token.doc[token.i : token.i + 1]
    )
    refs = found.refs_for_span(span.start_char, span.end_char)
    if not refs:
        refs = found.refs_for_span(token.idx, token.idx + len(token.text))
    return refs


def _possessor(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "poss":
            return child
    return None


def _person_refs_in(found: DocActors, span: Span, exclude: set[str]) -> list[ActorRef]:
    out: list[ActorRef] = []
    seen = set(exclude)
    for m in found.mentions_in(span.start_char, span.end_char):
        ref = found.ref(m)
        if ref is not None and ref.kind == "person" and ref.actor_id not in seen:
            seen.add(ref.actor_id)
            out.append(ref)
    return out


def find_statements(
    sent: Span, found: DocActors, sets: dict[str, tuple[str, ActorRef]]
) -> list[StatementFrame]:
    """Relationship statements in one sentence. ``sets`` carries set continuation across sentences."""
    out: list[StatementFrame] = []
    doc, table = sent.doc, token_table(sent.doc)
    for i in range(sent.start, sent.end):
        if table.pos[i] != "NOUN":  # each kind of statement is cued by a noun
            continue
        token, lemma = doc[i], table.lemma[i]
        found_here: list[StatementFrame] = []
        if lemma in _PROTECTION:
            found_here = _protection(token, sent, found, sets)
        elif lemma in _TIES:
            found_here = _tie(token, found)
        elif lemma in _RELATIONSHIP:
            found_here = _relationship(token, sent, found)
        elif table.tag[i] == "NNS" and lemma in sets:
            found_here = _continuation(token, found, sets[lemma])
        out.extend(replace(st, cue_start=token.idx) for st in found_here)
    return out


def _protection(
    token: Token, sent: Span, found: DocActors, sets: dict[str, tuple[str, ActorRef]]
) -> list[StatementFrame]:
    owner = _possessor(token)
    if owner is None and token.lower_ == "umbrella":
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None or token.tag_ == "NNS":
        return []  # "Duka and Koski's free speech protections": rights, no refuge
    if token.lower_ == "wing" and not (token.dep_ == "pobj" and token.head.lower_ in ("under", "beneath")):
        return []  # "Israel's pro-settler right wing": a faction; only "under X's wing" shelters
    sources = _refs_at(found, owner)
    if not sources:
        return []
    source = sources[0]
    if any(c.dep_ == "neg" or c.lower_ in ("no", "without") for c in token.children):
        return []
    # who is protected: the noun the phrase modifies ("figures under X's protection"), its members,
    # and the subject of the clause ("Assad joins a cohort of figures under X's protection")
    holder = token.head.head if token.head.dep_ == "prep" else token.head
    targets: list[ActorRef] = []
    # a list introduced after the protection word ("…, including A, …, and B") names the protected,
    # even where the parser attaches its last members elsewhere
    for tok in sent[token.i - sent.start + 1 :]:
        if tok.lower_ in ("including", "like") or (tok.lower_ == "such" and tok.nbor().lower_ == "as"):
            rest = sent.doc[tok.i : sent.end]
            targets.extend(r for r in _person_refs_in(found, rest, {source.actor_id}) if r not in targets)
            break
    if holder.pos_ in ("NOUN", "PROPN"):
        members = sent.doc[holder.left_edge.i : holder.right_edge.i + 1]
        targets.extend(r for r in _person_refs_in(found, members, {source.actor_id}) if r not in targets)
        for noun in sent.doc[holder.i : token.i]:
            if noun.tag_ == "NNS" and noun.pos_ == "NOUN":
                sets[noun.lemma_.lower()] = ("harbours", source)
        governor = holder
        while governor.dep_ in ("pobj", "prep", "dobj", "attr") and governor.head.i != governor.i:
            governor = governor.head
            if governor.pos_ in ("VERB", "AUX"):
                break
        subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
        for subj in subjects:
            for ref in _refs_at(found, subj):
                if ref.actor_id != source.actor_id and ref.kind == "person" and ref not in targets:
                    targets.append(ref)
    else:
        subjects = (
            [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if token.head.pos_ in ("VERB", "AUX")
            else []
        )
        for subj in subjects:
            targets.extend(r for r in _refs_at(found, subj) if r.actor_id != source.actor_id)
    return [StatementFrame(source, t, "harbours", "positive", 0.8, token.text) for t in targets]


def _continuation(token: Token, found: DocActors, known: tuple[str, ActorRef]) -> list[StatementFrame]:
    relation, source = known
    members: list[ActorRef] = []
    for child in token.children:
        if child.dep_ in ("prep", "acl", "amod") and child.lower_ in _MEMBERSHIP:
            span = token.doc[child.i : child.right_edge.i + 1]
            members.extend(_person_refs_in(found, span, {source.actor_id}))
    return [StatementFrame(source, m, relation, "positive", 0.6, token.text) for m in members]


def _denied(token: Token) -> bool:
    """ "no friend of", "is not an ally of", "never a critic": the tie is denied, so nothing is stated."""
    if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in token.children):
        return True
    head = token.head
    return token.dep_ in ("attr", "oprd") and any(c.dep_ == "neg" for c in head.children)


def _tie(token: Token, found: DocActors) -> list[StatementFrame]:
    relation, polarity, strength = _TIES[token.lemma_.lower()]
    if _denied(token) or _in_a_race(token):
        return []
    if relation == "personal_tie" and _broken(token):
        return []  # "He and his wife, Jenny Sanford, have since divorced": no tie to speak of now
    others: list[ActorRef] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "to"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    others.extend(_refs_at(found, obj))
        elif child.dep_ == "poss":
            others.extend(_refs_at(found, child))
    if not others:
        return []
    # the person the tie noun describes: apposition head, copular subject, or compound name
    subjects: list[ActorRef] = []
    if token.dep_ == "appos":
        subjects = _refs_at(found, token.head) if token.head.dep_ != "poss" else []
        subjects = [
            r for r in found.refs_for_span(token.head.idx, token.head.idx + len(token.head.text))
        ] or subjects
    elif token.dep_ == "attr":
        subjects = [r for c in token.head.children if c.dep_ == "nsubj" for r in _refs_at(found, c)]
    elif token.dep_ in ("oprd", "xcomp", "ccomp"):
        # "X has called Y his best friend": Y is the friend, X (his) the other side
        subjects = [r for c in token.head.children if c.dep_ == "dobj" for r in _refs_at(found, c)]
    else:
        for child in token.children:
            # "his business partner, Igor Fruman": the name; "…, both U.S. citizens" says what they
            # are, and no country is a partner for being theirs
            if child.dep_ == "appos" and child.pos_ == "PROPN" and not _across_semicolon(token, child):
                subjects.extend(_refs_at(found, child))
    strong = any(
        c.lower_ in ("close", "closest", "old", "long-standing", "longtime", "staunch", "loyal")
        for c in token.children
    )
    # a stance goes from the one holding it ("Navalny, a critic of Putin": Navalny opposes Putin);
    # a tie is stated from the side of the one it belongs to ("Putin's ally Assad")
    stance = relation in ("supports", "opposes")
    if relation == "personal_tie":
        # kin and friends are people: "the daughter of a Mexican immigrant" has no tie to Mexico
        subjects = [r for r in subjects if r.kind == "person"]
        others = [r for r in others if r.kind == "person"]
    out = []
    for subj in subjects:
        for other in others:
            if subj.actor_id != other.actor_id:
                out.append(
                    StatementFrame(
                        subj if stance else other,
                        other if stance else subj,
                        relation,
                        polarity,
                        min(1.0, strength + (0.1 if strong else 0)),
                        token.text,
                    )
                )
    return out


def _broken(token: Token) -> bool:
    """A tie its sentence says is over: a former or estranged one, or one ended by divorce."""
    if token.lower_.startswith("ex-") or any(
        c.lower_ in ("former", "ex", "estranged") for c in token.children
    ):
        return True
    return any(t.lemma_.lower() in _PARTING for t in token.sent)


#: words that end a marriage or a friendship
_PARTING = frozenset({"divorce", "separate", "estrange", "split", "annul", "separation"})
#: what makes a rival or opponent one in a race: "his Democratic opponent", "her 2016 rival"
_RACES = frozenset(
    {"election", "electoral", "primary", "presidential", "runoff", "race", "campaign", "general"}
)


def _in_a_race(token: Token) -> bool:
    """ "Moore's Democratic opponent, Doug Jones", "his 2016 opponent": a rival in an election, which
    states no stand of either against the other."""
    if token.lemma_.lower() not in ("rival", "opponent", "challenger"):
        return False
    return any(
        c.dep_ in ("amod", "compound", "nmod", "nummod")
        and (c.ent_type_ in ("NORP", "DATE") or c.lemma_.lower() in _RACES)
        for c in token.children
    )


def _across_semicolon(a: Token, b: Token) -> bool:
    """ "X and his daughter; Rep. Y and his wife": a list's items, never an apposition."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[lo:hi])


def _relationship(token: Token, sent: Span, found: DocActors) -> list[StatementFrame]:
    """How two actors stand, from a qualified relationship noun: "the chilly relations between
    Putin and Assad", "Murray's close relationship with Ryan", "Putin has a warm friendship with
    Assad and Erdogan" (Putin with each of them, never the two partners with each other)."""
    mods = {t.lower_ for t in token.subtree if t.i < token.i and t.dep_ in ("amod", "compound", "advmod")}
    sign = "negative" if mods & _NEGATIVE else "positive" if mods & _POSITIVE else None
    if sign is None:
        return []
    relation = "personal_tie" if "personal" in mods or token.lemma_ == "friendship" else "relations"
    holders: list[ActorRef] = []
    partners: list[ActorRef] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "with", "among"):
            # the phrase's own members: "with a man long vilified by the White House" names no
            # party in its clause
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                for obj in (pobj, *pobj.conjuncts, *(a for a in pobj.children if a.dep_ == "appos")):
                    (partners if child.lower_ == "with" else holders).extend(_refs_at(found, obj))
        elif child.dep_ == "poss":
            holders[:0] = _refs_at(found, child)
    if not holders and token.dep_ in ("dobj", "attr"):
        for subj in token.head.children:
            if subj.dep_ == "nsubj":
                holders += [r for t in (subj, *subj.conjuncts) for r in _refs_at(found, t)]
    holders, partners = _distinct(holders), _distinct(partners)
    if partners:
        pairs = [(holders[0], p) for p in partners if p.actor_id != holders[0].actor_id] if holders else []
    else:
        pairs = [(holders[0], holders[1])] if len(holders) >= 2 else []
    strength = 0.7 if mods & (_NEGATIVE | _POSITIVE) - {"personal"} else 0.5
    name = relation if sign == "positive" or relation == "personal_tie" else "opposes"
    return [StatementFrame(a, b, name, sign, strength, token.text) for a, b in pairs]


def _distinct(refs: list[ActorRef]) -> list[ActorRef]:
    """``refs`` with each actor once, in order."""
    out: list[ActorRef] = []
    for ref in refs:
        if all(ref.actor_id != u.actor_id for u in out):
            out.append(ref)
    return out

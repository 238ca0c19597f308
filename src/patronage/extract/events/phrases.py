"""Argument phrases of event triggers over the spaCy dependency parse.

An argument is returned as the character span of its noun phrase: the head with
its left modifiers (titles, compounds, adjectives, determiners), split on
coordination ("Russia and Iran" gives two spans). When the head is a generic
institutional noun with a possessor ("Mr. Putin's military", "Syria's
government"), the possessor's phrase ("Mr. Putin", "Syria") is the argument,
because that is the actor the analyst tracks; the generic head adds nothing the
resolver could use. Relative pronouns stand for the noun their clause modifies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patronage.extract.events.words import BLAME
from patronage.resolve.docactors import OTHER_PEOPLE

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Token

__all__ = [
    "GENERIC_HEADS",
    "Span2",
    "accused_in",
    "actor_head",
    "arg_spans",
    "conjuncts",
    "listed_people",
    "named_among",
    "owners",
    "phrase_span",
    "pobjs",
    "resolve_relative",
    "subject_of",
    "with_members",
]

Span2 = tuple[int, int]

GENERIC_HEADS = frozenset(
    {
        "military",
        "government",
        "force",
        "troop",
        "army",
        "regime",
        "administration",
        "authority",
        "official",
        "leadership",
        "navy",
        "ministry",
        "police",
        "security",
        "soldier",
        "cabinet",
        "delegation",
    }
)
_LEFT_KEEP = {"compound", "amod", "det", "poss", "nmod", "nummod", "flat", "quantmod", "punct"}
_NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
_QUANTITIES = {"thousand", "hundred", "dozen", "million", "group", "number", "crowd", "some", "many"}
_RELATIVE = {"who", "whom", "which", "that", "whose"}
_SUBJECTS = {"nsubj", "csubj", "expl"}
# clauses whose understood subject is the subject of the governing verb
_CONTROL = {"xcomp", "conj", "advcl", "pcomp", "acomp"}
#: verbs whose object does what their complement says: "urged Japan to buy", "forced Barr to admit"
_OBJECT_CONTROL = frozenset(
    {"urge", "ask", "force", "persuade", "order", "tell", "allow", "pressure", "press", "encourage",
     "invite", "compel", "push", "require", "instruct", "convince", "permit", "enable", "call"}
)  # fmt: skip


def phrase_span(tok: Token) -> Span2:
    """Character span of the noun phrase headed by ``tok`` (without right modifiers)."""
    start = tok.i
    for child in reversed(list(tok.lefts)):
        if child.dep_ not in _LEFT_KEEP or child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    doc = tok.doc
    while start < tok.i and (doc[start].is_punct or doc[start].dep_ in {"cc", "preconj"}):
        start += 1
    end_tok = tok
    for child in tok.rights:
        if child.dep_ in {"flat", "compound"} and child.i == end_tok.i + 1:
            end_tok = child
    return doc[start].idx, end_tok.idx + len(end_tok.text)


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the nouns coordinated with it, in order."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON", "X"}:
            out.extend(conjuncts(child))
    return out


def resolve_relative(tok: Token) -> Token:
    """The noun a relative pronoun stands for, else ``tok`` itself."""
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def actor_head(tok: Token) -> Token:
    """The possessor when ``tok`` is a generic institutional noun with one, else ``tok``."""
    if tok.lemma_.lower() in GENERIC_HEADS:
        for child in tok.children:
            if child.dep_ == "poss":
                return child
    return tok


def arg_spans(tok: Token) -> list[Span2]:
    """Argument spans for an argument head, split on coordination."""
    spans: list[Span2] = []
    for conj in conjuncts(resolve_relative(tok)):
        if conj.ent_type_ in _NOT_ACTORS or conj.lemma_.lower() in _QUANTITIES:
            # "thousands of students": the people are in the of-phrase
            members = [o for p in conj.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            if not members:
                continue
            conj = members[0]
        span = phrase_span(actor_head(conj))
        if span not in spans:
            spans.append(span)
    return spans


def owners(thing: Token) -> list[Span2]:
    """Who a thing the parse names is of: its author or holder, when the phrase says so.

    "the president's decision", "Feinstein's suggestion", "the claims made by Michael Howard",
    "the policies of the Obama administration". A possessive pronoun ("his decision") says
    nothing certain of whose it is, and an "of" phrase names an owner only when it is a name
    ("the treatment of migrants" is what befalls them). People known by their tie to someone
    are nobody's thing ("thanked Weinstein's accusers" judges the accusers alone).
    """
    spans: list[Span2] = []
    if thing.lemma_.lower() in OTHER_PEOPLE:
        return spans
    for child in thing.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}:
            spans += arg_spans(child)
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            spans += [span for _p, obj in pobjs(child, {"by"}) for span in arg_spans(obj)]
        elif child.dep_ == "prep" and child.lower_ == "of":
            spans += [
                span
                for obj in child.children
                if obj.dep_ == "pobj" and obj.ent_type_ in {"PERSON", "ORG", "GPE"}
                for span in arg_spans(obj)
            ]
    return spans


def with_members(tok: Token) -> list[Token]:
    """``tok`` and what its "of" names: "hundreds of demonstrators", "the two sets of sanctions"."""
    return [tok, *(obj for _p, obj in pobjs(tok, {"of"}))]


def pobjs(tok: Token, preps: set[str] | frozenset[str]) -> Iterator[tuple[str, Token]]:
    """``(preposition, object)`` for the prepositional children of ``tok`` in ``preps``."""
    for child in tok.children:
        if child.dep_ in {"prep", "dative", "agent"} and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield child.lower_, obj


_NAMED = {"PERSON", "NORP", "GPE", "ORG"}


def _acl_head(participle: Token) -> Token:
    """The noun a participle clause describes.

    The parser often hangs "…, including Ukraine's former president X, also extracted by
    Russia" on a noun further left; when the noun it chose names no one, the nearest
    named actor between that noun and the participle is the one described.
    """
    head = participle.head
    if head.ent_type_ in _NAMED or head.pos_ in {"PROPN", "PRON"}:
        return head
    for i in range(participle.i - 1, head.i, -1):
        tok = participle.doc[i]
        if (
            tok.ent_type_ in _NAMED
            and tok.ent_iob_ != ""
            and (i + 1 >= len(tok.doc) or tok.doc[i + 1].ent_iob_ != "I")
        ):
            return tok
    return head


#: verbs whose passive participle keeps an object: "officials given immunity", "a man denied bail"
_TWO_OBJECTS = frozenset(
    {"give", "grant", "offer", "award", "deny", "show", "tell", "send", "hand", "pay", "promise", "allow",
     "refuse", "teach", "ask", "charge", "lend", "owe", "assign", "issue", "serve", "cost"}
)  # fmt: skip


def _finite(verb: Token) -> bool:
    """A verb tagged as a finite past, or a participle with a direct object its passive could not have."""
    if verb.tag_ == "VBD":
        return True
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() not in _TWO_OBJECTS
        and any(c.dep_ == "dobj" for c in verb.children)
        and not any(c.dep_ in {"auxpass", "agent"} for c in verb.children)
    )


#: what one takes, has or makes to do something oneself ("took the opportunity to chide")
_CHANCES = frozenset(
    {"opportunity", "chance", "occasion", "moment", "time", "step", "effort", "bid", "attempt", "decision",
     "right", "power", "trouble", "pain", "liberty"}
)  # fmt: skip


#: prepositions whose gerund tells what the governing clause's subject did, when and how
_OWN_DOING = frozenset(
    {"after", "before", "by", "in", "despite", "while", "since", "upon", "on", "without", "through", "when"}
)


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb`` and whether it is a passive subject, following control and coordination."""
    seen = 0
    cur = verb
    coordinated = True  # every step up so far was a coordination ("was arrested and charged")
    # "fled Honduras and was granted asylum": a passive verb's subject, found on the verb it is
    # coordinated with, is the one it happens to
    passive_verb = any(c.dep_ == "auxpass" for c in verb.children)
    while seen < 8:
        seen += 1
        for child in cur.children:
            if child.dep_ in _SUBJECTS:
                return child, cur is not verb and passive_verb and coordinated
            if child.dep_ in {"nsubjpass", "csubjpass"}:
                # "Smith was allowed to resign": the one allowed, forced or asked does the act itself
                return child, coordinated
        if cur.dep_ == "relcl":
            return cur.head, False
        if cur.dep_ == "acl" and _finite(cur):
            # "McConnell in his own floor speech castigated Democrats": a verb the parser hung on
            # a noun as if it were a participle, though it is finite or has an object of its own;
            # the noun heading the clause it sits in is its subject
            for up in cur.ancestors:
                if up.pos_ in {"PROPN", "NOUN"} and up.dep_ in {"nsubj", "ROOT"}:
                    return up, False
            return None, False
        if cur.dep_ == "acl" and cur.tag_ in {"VBG", "VBN"}:
            return _acl_head(cur), cur.tag_ == "VBN"
        if (
            cur.dep_ == "acl"
            and cur.head.lemma_.lower() in _CHANCES
            and cur.head.dep_ in {"dobj", "attr", "pobj"}
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        ):
            # "the Russian leader took an opportunity to chide Macron", "jumped at the chance to
            # help an ally": who takes the chance acts
            cur = cur.head.head if cur.head.dep_ != "pobj" else cur.head.head.head
            coordinated = False
            continue
        if (
            cur.dep_ == "pcomp"
            and cur.tag_ == "VBG"
            and cur.head.lower_ in _OWN_DOING
            and cur.head.dep_ == "prep"
            and cur.head.head.pos_ in {"VERB", "AUX"}
        ):
            # "after meeting Tony Blair he had been left with the impression", "responded by
            # praising his adversaries": the clause's subject ("charged with blocking", "opposed to
            # ending" name what is charged or opposed, not what the subject did)
            cur = cur.head.head
            coordinated = False
            continue
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in _OBJECT_CONTROL:
            # "urged Japan to buy more arms": Japan buys, not the one who urged
            obj = next((c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i), None)
            if obj is not None:
                return obj, False
        if cur.dep_ in _CONTROL and cur.head != cur:
            coordinated = coordinated and cur.dep_ == "conj"
            cur = cur.head
            continue
        break
    return None, False


def named_among(obj: Token, verb: Token) -> list[Span2]:
    """Actors named as members of the object: "freed five prisoners, including Paul Whelan",
    "pardoned the four men, among them Igor Sutyagin" (the parser may hang "among" on the verb)."""
    out: list[Span2] = []
    for head, preps in ((obj, {"including", "among"}), (verb, {"among"})):
        for _prep, member in pobjs(head, preps):
            if member.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or member.pos_ == "PROPN":
                out.extend(arg_spans(member))
    for member in verb.children:
        # "…, among them Paul Whelan": the parser may make the name the head of "among them"
        if (
            member.dep_ in {"dep", "npadvmod", "appos"}
            and member.pos_ == "PROPN"
            and any(o.lower_ == "them" for _p, o in pobjs(member, {"among"}))
        ):
            out.extend(arg_spans(member))
    return out


def listed_people(obj: Token) -> list[Span2]:
    """Named people listed with an object that the parser hung elsewhere in its phrase.

    In "freed A, a reporter for the Journal, B and C", B and C end up as appositions of
    "Journal" and "reporter"; a person in apposition or coordination inside the object's
    phrase is one more object. A person after "of"/"for" ("the lawyer of D") is not, nor one
    named as someone's ("his adviser, D").
    """
    out: list[Span2] = []
    for tok in obj.subtree:
        if tok.i == obj.i or tok.ent_type_ != "PERSON" or tok.dep_ not in {"appos", "conj"}:
            continue
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.ent_iob_ == "I":
            continue  # not the last word of the name
        if tok.dep_ == "appos" and tok.head.i != obj.i and any(c.dep_ == "poss" for c in tok.head.children):
            continue  # "blamed Democrats, his senior adviser, Stephen Miller, said": whose adviser
        if any(a.lower_ in ("between", "among") for a in tok.ancestors if a.i > obj.i):
            continue  # "criticised the rivalry between Blair and Brown": the sides of what was criticised
        out.append(phrase_span(tok))
    return out


#: verbs whose subject is described, never accused of an act: "claimed the NHS was not safe",
#: "claimed that Stone seemed to know"
_LINKING = frozenset({"be", "seem", "appear", "become", "remain", "look", "sound", "feel", "stay"})


#: verbs of what happens to their subject, which does nothing: "came down", "collapsed", "died"
_BEFALLING = frozenset(
    {"come", "fall", "collapse", "happen", "occur", "die", "crash", "sink", "burn", "suffer"}
)


def accused_in(clause: Token) -> Token | None:
    """Whom an alleged, claimed or charged clause accuses: the one who did what it says.

    "alleged that the Saudis funded the group" accuses the Saudis; a passive clause accuses only
    the one its "by" names ("claimed he was fired by the board"); a clause that describes its
    subject accuses it only of a blame word or a deed ("charged that Smith was a liar", "claimed
    Obama is willing to manipulate forecasts"), since "claimed the NHS was not safe" or "said
    Stone seemed to know" blames no one it names.
    """
    subj, passive = subject_of(clause)
    if subj is None or subj.head != clause:
        return None
    if passive:
        return next((obj for _p, obj in pobjs(clause, {"by"})), None)
    if clause.lemma_.lower() in _BEFALLING and not any(c.dep_ == "dobj" for c in clause.children):
        return None  # "charged that the World Trade Center came down": what befell it, no deed
    if clause.lemma_.lower() in _LINKING:
        # "was a liar", "were responsible for the chaos", "is willing to manipulate forecasts"
        said = [t for c in clause.children if c.dep_ in {"attr", "acomp", "oprd"} for t in (c, *c.children)]
        blamed = any(t.lemma_.lower() in BLAME or t.lower_ in BLAME or t.dep_ == "xcomp" for t in said)
        if not blamed or any(c.dep_ == "neg" for c in clause.children):
            return None
    return subj

"""The features the event scorer reads: of the trigger word, of its arguments, of the event.

The features of a trigger describe the word (lemma, part of speech, dependency), its arguments as the
parse gives them (is the subject a named person, a country, a pronoun; does it resolve to a
known actor; what kind of thing is the object: "attacked Syria" vs "attacked the plan"),
what the trigger lexicon says of it (the PLOVER type of the rule it matches, if any), how
the sentence frames it (negation, modals, conditions, questions, quotation marks) and the
contextual vector spaCy's tok2vec layer gives it. The features of an event add what
resolution made of its source and target and how the event was coded (type, modality,
polarity, embedded in another event's clause, nominal). The same functions serve training
(``training/events``) and analysis, so the two can never drift apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patronage.extract.events.phrases import actor_head, subject_of
from patronage.nlp.tokens import token_table

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from patronage.model.records import ActorRef
    from patronage.resolve.docactors import DocActors

__all__ = ["event_features", "quoted_tokens", "token_features"]

_KEPT_CHILD_DEPS = frozenset({"prep", "prt", "neg", "aux", "auxpass", "mark", "agent", "dative"})
_OPEN = frozenset({"“", "«", "„"})
_CLOSE = frozenset({"”", "»"})
_STRAIGHT = frozenset({'"', "''", "``"})


def quoted_tokens(sent: Span) -> set[int]:
    """Indices of the tokens of ``sent`` inside quotation marks."""
    inside = False
    out: set[int] = set()
    texts = token_table(sent.doc).text
    for i in range(sent.start, sent.end):
        text = texts[i]
        if text in _OPEN or (text in _STRAIGHT and not inside):
            inside = True
            continue
        if text in _CLOSE or (text in _STRAIGHT and inside):
            inside = False
            continue
        if inside:
            out.add(i)
    return out


def _kind(tok: Token, found: DocActors | None) -> str:
    """What kind of actor a phrase head names: an actor kind, a named entity type, a pronoun or a thing."""
    head = actor_head(tok)
    if found is not None:
        for idx in found.token_mentions.get(head.i, ()):
            actor_id = found.mentions[idx].actor_id
            if actor_id:
                return found.actors[actor_id].kind
    if head.ent_type_:
        return "ent:" + head.ent_type_
    if head.pos_ == "PRON":
        return "pron:" + head.lower_
    return "thing"


def token_features(tok: Token, rule_type: str | None, found: DocActors | None, quoted: set[int]) -> list[str]:
    """Sparse features of one candidate trigger (strings; the detector hashes nothing)."""
    lem = tok.lemma_.lower()
    feats = [
        "b",
        f"l={lem}",
        f"p={tok.pos_}",
        f"lp={lem}|{tok.pos_}",
        f"d={tok.dep_}",
        f"ld={lem}|{tok.dep_}",
        f"h={tok.head.lemma_.lower()}|{tok.head.pos_}",
        f"hd={tok.dep_}|{tok.head.dep_}",
        f"r={rule_type or '-'}",
        f"lr={lem}|{rule_type or '-'}",
        f"t={tok.tag_}",
    ]
    if tok.i in quoted:
        feats.append("q")
    sent = tok.sent
    if sent[-1].text == "?" or (len(sent) > 1 and sent[-2].text == "?"):
        feats.append("question")
    subj, passive = subject_of(tok) if tok.pos_ == "VERB" else (None, False)
    if passive:
        feats.append("passive")
    if subj is not None:
        kind = _kind(subj, found)
        feats += [f"s={kind}", f"ls={lem}|{kind}"]
    else:
        feats.append("s=-")
    for child in tok.children:
        dep = child.dep_
        if dep in {"dobj", "dative", "attr", "nsubjpass"}:
            kind = _kind(child, found)
            feats += [f"o={dep}|{kind}", f"lo={lem}|{kind}", f"ol={child.lemma_.lower()}"]
        elif dep == "poss":
            feats.append(f"poss={_kind(child, found)}")
        elif dep in _KEPT_CHILD_DEPS:
            feats.append(f"c={dep}|{child.lower_}")
            if dep == "prep":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        kind = _kind(pobj, found)
                        feats += [f"pk={child.lower_}|{kind}", f"lpk={lem}|{child.lower_}|{kind}"]
        elif dep in {"ccomp", "xcomp"}:
            feats.append(f"c={dep}")
    return feats


def _ref_kind(ref: ActorRef | None) -> str:
    if ref is None:
        return "none"
    if ref.text.strip().lower() in _PRONOUNS:
        return "pron:" + ref.kind
    return ref.kind


_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "his", "its", "their"}
)


def event_features(
    tok: Token,
    type_: str,
    modality: str,
    polarity: str,
    flags: tuple[str, ...],
    source: ActorRef | None,
    target: ActorRef | None,
    found: DocActors | None,
    quoted: set[int],
) -> list[str]:
    """Features of one coded event: its trigger's, plus its type, arguments and coding.

    ``flags`` are what coding knew of the frame (``embedded``, ``nominal``, ``anchored``,
    ``implied-target``).
    """
    lem = tok.lemma_.lower()
    skind, tkind = _ref_kind(source), _ref_kind(target)
    feats = token_features(tok, type_, found, quoted)
    feats += [
        f"T={type_}",
        f"Tl={type_}|{lem}",
        f"Ts={type_}|{skind}",
        f"Tt={type_}|{tkind}",
        f"st={skind}|{tkind}",
        f"m={modality}",
        f"Tm={type_}|{modality}",
        f"pol={polarity}",
        f"Tpol={type_}|{polarity}",
        f"ssec={source.sector if source is not None else '-'}",
        f"tsec={target.sector if target is not None else '-'}",
    ]
    feats += [f"f={flag}" for flag in flags]
    feats += [f"Tf={type_}|{flag}" for flag in flags]
    return feats

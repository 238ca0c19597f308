"""Rule-based coreference within one article, over the parse.

Links to the actors ``actors.resolve_entities`` found:
- pronouns (he/him/his, she/her) to the nearest compatible person, preferring
  the subject of a governing clause, then the subject of the previous sentence; "it" to
  the nearest country or organisation; "they" to the nearest plural subject
  (:mod:`patronage.resolve.antecedents`);
- titles, groups of two, country nouns and agent nouns (:mod:`patronage.resolve.nominals`).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from patronage.nlp.tokens import token_table
from patronage.resolve.antecedents import plural_antecedents, pronoun_antecedent, thing_antecedent
from patronage.resolve.docactors import MentionTable
from patronage.resolve.nominals import nominal_mention
from patronage.resolve.protocol import GazetteerLike

__all__ = ["resolve_coreference"]

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_PLURAL = frozenset({"they", "their", "them"})


def resolve_coreference(found: MentionTable, date: dt.date | None, gaz: GazetteerLike | None) -> None:
    """Add coreference mentions to ``found`` in place."""
    doc = found.doc
    covered = set(found.token_mentions)
    persons: list[tuple[int, str]] = []  # (token index, actor id) of person mentions, in order
    by_token = {  # the mention opening at each token, with its span's root
        span.start: (m, span.root.i)
        for m in found.mentions
        if (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
    }
    person_ids = {m.actor_id for m in found.mentions if m.label == "PERSON" and m.actor_id}
    # people named but left unresolved ("Mr. Paul" of two Pauls): a pronoun after one is no one else's
    unnamed = sorted(root for m, root in by_token.values() if m.how == "ambiguous")
    table = token_table(doc)
    tags, lowers, pos, deps = table.tag, table.lower, table.pos, table.dep
    for i in range(len(doc)):  # the sentences' tokens, in order
        opening = by_token.get(i)
        if opening is not None and opening[0].actor_id in person_ids:
            persons.append((opening[1], opening[0].actor_id))
            continue
        if i in covered:
            continue
        lower = lowers[i]
        pronoun = tags[i] in ("PRP", "PRP$")
        if pronoun and lower in ("it", "its"):
            token = doc[i]
            antecedent = thing_antecedent(found, token)
            if antecedent is not None:
                found.add(
                    token.idx,
                    token.idx + len(token.text),
                    "PRON",
                    found.actors[antecedent],
                    "coref",
                )
        elif pronoun and (lower in _MALE or lower in _FEMALE):
            token = doc[i]
            actor_id = pronoun_antecedent(found, token, persons, "f" if lower in _FEMALE else "m")
            if actor_id and not _after_unnamed(doc, i, actor_id, persons, unnamed):
                found.add(token.idx, token.idx + len(token.text), "PRON", found.actors[actor_id], "coref")
                persons.append((i, actor_id))
        elif pronoun and lower in _PLURAL:
            token = doc[i]
            for actor in plural_antecedents(found, token):
                found.add(token.idx, token.idx + len(token.text), "GROUP", actor, "coref")
        elif lower == "both" and deps[i] in ("nsubj", "nsubjpass") and not list(doc[i].children):
            # "Manafort and Flynn … Both have denied": the two just named, and only two
            token = doc[i]
            pair = plural_antecedents(found, token)
            for actor in pair if len(pair) == 2 else []:
                found.add(token.idx, token.idx + len(token.text), "GROUP", actor, "coref")
        elif pos[i] in ("NOUN", "PROPN") and deps[i] != "compound":
            nominal_mention(found, doc[i], persons, date, gaz, covered)


def _after_unnamed(
    doc: Doc, i: int, actor_id: str, persons: list[tuple[int, str]], unnamed: list[int]
) -> bool:
    """Whether a person left unresolved stands between the pronoun at ``i`` and the antecedent
    found for it, in the pronoun's sentence or the one before: "the crowd grew restless for Mr.
    Paul himself. When he took the stage" is not about the man named before Mr. Paul."""
    last = max((j for j, a in persons if a == actor_id and j < i), default=-1)
    between = [u for u in unnamed if last < u < i]
    if not between:
        return False
    sent = doc[i].sent
    previous = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return between[-1] >= previous

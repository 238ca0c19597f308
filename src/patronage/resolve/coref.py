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
                antecedent = thing_antecedent(found, token)
                if antecedent is not None:
                    found.add(
                        token.idx,
                        token.idx + len(token.text),
                        "PRON",
                        found.actors[antecedent],
                        "coref",
                    )
            elif token.tag_ in ("PRP", "PRP$") and (lower in _MALE or lower in _FEMALE):
                actor_id = pronoun_antecedent(found, token, persons, "f" if lower in _FEMALE else "m")
                if actor_id:
                    found.add(token.idx, token.idx + len(token.text), "PRON", found.actors[actor_id], "coref")
                    persons.append((token.i, actor_id))
            elif token.tag_ in ("PRP", "PRP$") and lower in _PLURAL:
                for actor in plural_antecedents(found, token):
                    found.add(token.idx, token.idx + len(token.text), "GROUP", actor, "coref")
            elif lower == "both" and token.dep_ in ("nsubj", "nsubjpass") and not list(token.children):
                # "Manafort and Flynn … Both have denied": the two just named, and only two
                pair = plural_antecedents(found, token)
                for actor in pair if len(pair) == 2 else []:
                    found.add(token.idx, token.idx + len(token.text), "GROUP", actor, "coref")
            elif token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
                nominal_mention(found, token, persons, date, gaz, covered)

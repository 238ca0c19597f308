"""Which of a sentence's dates belongs to one fact: a date counts only in the clauses it governs.

"Assad joins a cohort under Putin's protection, including Yanukovych, also extracted by Russia in
2014" holds one date, and it dates the extraction, not Assad's asylum: "in 2014" sits in a clause
(``acl``) that does not hold "protection". "Russia granted asylum to Assad, who had ruled since
2000" dates the rule, not the asylum. A date applies to a fact when the clause the date sits in
holds the fact's word; among those, the date of the nearest clause wins, then the sentence's usual
ranking (finest precision, then reading order). A date in a clause beside the fact's counts after
those (parsers often hang a fronted date under the wrong verb), unless that clause describes a
noun. When no date of the sentence applies, the fact takes the fallback (the article's date), as
a sentence without any date does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from patronage.extract.dates.timeline import DatedSpan
    from patronage.model.records import DateValue

__all__ = ["SentenceDates", "clause_head"]

#: dependency labels that start a clause of their own
_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp", "csubj", "csubjpass", "parataxis"})
_VERBAL = frozenset({"VERB", "AUX"})


def clause_head(token: Token) -> Token:
    """The head of the smallest clause holding ``token`` (the sentence root at the top)."""
    while True:
        if token.dep_ == "ROOT" or token.head.i == token.i:
            return token
        if token.dep_ in _CLAUSE_DEPS or (token.dep_ == "conj" and token.pos_ in _VERBAL):
            return token
        token = token.head


def _distance(inner: Token, outer: Token) -> int | None:
    """Clause steps from clause head ``inner`` up to clause head ``outer``; None when ``outer`` is not above."""
    steps = 0
    while inner.i != outer.i:
        if inner.dep_ == "ROOT" or inner.head.i == inner.i:
            return None
        inner = clause_head(inner.head)
        steps += 1
    return steps


#: the rank of a date whose clause is beside the fact's rather than above it
_ELSEWHERE = 1_000
#: clauses that describe a noun ("Yanukovych, also extracted in 2014"; "Assad, who ruled since 2000")
_NOMINAL = frozenset({"acl", "relcl"})


def _nouns_described(clause: Token, fact: Token) -> list[Token] | None:
    """The nouns ``clause`` (which does not hold the fact) may describe, on the way up to the fact's clause.

    A date in such a clause is about that noun's own story, not the fact's. None when the clause
    describes no noun: a date in any other clause beside the fact's ("until, on 1 August, Russia
    granted…", which the parser may hang under the other verb) is still taken when no clause above
    the fact holds a date. The noun is the clause's head, or the word before the comma that opens
    it ("…including Viktor Yanukovych, also extracted in 2014", which the parser may hang elsewhere).
    """
    above = {t.i for t in fact.ancestors} | {fact.i}
    while clause.i not in above:
        if _describes_noun(clause):
            nouns = [clause.head] if clause.dep_ in _NOMINAL else []
            start = clause.left_edge.i
            if start >= 2 and clause.doc[start - 1].text == ",":
                nouns.append(clause.doc[start - 2])
            return nouns
        if clause.dep_ == "ROOT" or clause.head.i == clause.i:
            return None
        clause = clause_head(clause.head)
    return None


def _home(span: Span) -> Token:
    """The clause a date expression belongs to.

    The parser hangs a date after a closing comma on the clause before it ("Reed, a Marine
    imprisoned since 2019, on Wednesday"): a clause that describes a noun ends at its comma, so
    such a date belongs to the clause above it.
    """
    clause = clause_head(span.root)
    doc = span.doc
    while (
        _describes_noun(clause)
        and clause.i < span.start
        and any(t.text == "," for t in doc[clause.i : span.start])
    ):
        if clause.dep_ == "ROOT" or clause.head.i == clause.i:
            break
        clause = clause_head(clause.head)
    return clause


def _describes_noun(clause: Token) -> bool:
    return clause.dep_ in _NOMINAL or _reduced_relative(clause)


def _reduced_relative(clause: Token) -> bool:
    """A participle without a subject right after ", " and a noun: "Petrov, also flown out in 2019".

    The parser often hangs it under the main verb (``advcl``), but it describes the noun before it.
    """
    if clause.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    start = clause.left_edge.i
    doc = clause.doc
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ in ("PROPN", "NOUN")


@dataclass(frozen=True)
class SentenceDates:
    """The resolved dates of one sentence, placed in its parse, and the date each fact takes."""

    sent: Span
    dated: tuple[DatedSpan, ...]
    #: where the sentence text the dates were found in starts in the document
    offset: int
    fallback: DateValue

    @property
    def best(self) -> DateValue:
        """The sentence's date regardless of clauses (the timeline's anchor), else the fallback."""
        return min(self.dated, key=lambda d: d.rank).value if self.dated else self.fallback

    @cached_property
    def _homes(self) -> list[tuple[DatedSpan, Token]]:
        """Each date placed in the parse, with the clause it belongs to (found once per sentence)."""
        out = []
        for d in self.dated:
            span = self.sent.doc.char_span(
                self.offset + d.start, self.offset + d.end, alignment_mode="expand"
            )
            if span is not None and len(span):
                out.append((d, _home(span)))
        return out

    def at(self, char: int | None, about: str | None = None) -> DateValue:
        """The date of the fact whose word starts at document offset ``char``.

        ``about`` is the surface text of the one actor a relation statement is about: a date in a
        clause describing that actor ("…including Yanukovych, extracted by Russia in 2014") dates
        the statement about it, and no other one of the sentence.
        """
        if not self.dated:
            return self.fallback
        if char is None:
            return self.best
        doc = self.sent.doc
        word = doc.char_span(char, char + 1, alignment_mode="expand")
        if word is None or not len(word):
            return self.best
        fact = clause_head(word[0])
        scored: list[tuple[int, tuple[bool, int, int], DateValue]] = []
        for d, home in self._homes:
            steps = _distance(fact, home)
            if steps is None:
                nouns = _nouns_described(home, fact)
                if nouns is None:
                    steps = _ELSEWHERE
                elif about is not None and any(n.text in about.split() for n in nouns):
                    steps = _ELSEWHERE - 1  # the story of the very actor the fact is about
            if steps is not None:
                scored.append((steps, d.rank, d.value))
        return min(scored, key=lambda s: (s[0], s[1]))[2] if scored else self.fallback

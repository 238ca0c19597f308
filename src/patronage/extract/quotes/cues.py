"""Attribution cues (reporting verbs and nouns) and the phrases around them.

The cue table ``data/quote_cues.txt`` was learned from PolNeAR *train*: a
(lemma, part of speech, argument) row is kept when that argument of the word
overlapped a gold attribution content in at least half of its occurrences.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from patronage.errors import ModelError

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "SPEECH_LEMMAS",
    "cue_arguments",
    "cue_extent",
    "speaker_extent",
    "subject_of",
]

#: verbs that introduce direct quotes or parenthetical cues even without a parsed complement
SPEECH_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "write",
        "note",
        "argue",
        "insist",
        "warn",
        "claim",
        "explain",
        "continue",
        "ask",
        "declare",
        "state",
        "tweet",
        "post",
        "announce",
        "acknowledge",
        "admit",
        "reply",
        "respond",
        "recall",
        "remark",
        "quip",
        "joke",
        "complain",
        "concede",
        "predict",
        "boast",
        "suggest",
        "observe",
        "caution",
        "charge",
        "contend",
        "assert",
        "allege",
        "maintain",
        "emphasize",
        "stress",
        "report",
        "reveal",
    }
)

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# children that describe the speaker but are not part of the name phrase as written
_SPEAKER_CUT = frozenset({"appos", "relcl", "acl", "advcl", "parataxis"})


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], frozenset[str]]:
    text = (
        resources.files("patronage.extract.quotes")
        .joinpath("data", "quote_cues.txt")
        .read_text(encoding="utf-8")
    )
    table: dict[tuple[str, str], set[str]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise ModelError(f"line {n}: expected 5 tab-separated columns", source="quote_cues.txt")
        table.setdefault((cols[0], cols[1]), set()).add(cols[2])
    for lemma in SPEECH_LEMMAS:
        table.setdefault((lemma, "VERB"), set()).add("ccomp")
    return {key: frozenset(args) for key, args in table.items()}


def cue_arguments(token: Token) -> frozenset[str]:
    """Argument dependencies (``ccomp``, ``dobj``, ``xcomp``, ``prep``) that make ``token`` a cue."""
    return _table().get((token.lemma_.lower(), token.pos_), frozenset())


def subject_of(token: Token) -> Token | None:
    """The subject of a cue verb, borrowed from the governing verb for conjuncts and participles."""
    seen = 0
    while seen < 4:
        for child in token.children:
            if child.dep_ in _SUBJECTS:
                if child.tag_ in {"WP", "WDT"} and token.dep_ == "relcl":
                    return token.head  # "an official who said …": the antecedent speaks
                return child
            if child.dep_ == "agent":  # "was told by officials"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if token.dep_ in {"conj", "xcomp", "advcl"} and token.head is not token:
            token = token.head
            seen += 1
            continue
        return None
    return None


def speaker_extent(head: Token, sent: Span | None = None) -> tuple[int, int]:
    """Character span of the speaker phrase headed by ``head``, without appositions or relative clauses."""
    cut: set[int] = set()
    for child in head.children:
        if child.dep_ in _SPEAKER_CUT:
            cut.update(t.i for t in child.subtree)
    # a comma after the head starts an apposition or aside; "Clinton, who ..." keeps "Clinton"
    left, right = head.i, head.i
    for token in head.subtree:
        if token.i in cut:
            continue
        if token.i < head.i and all(t.i not in cut for t in token.doc[token.i : head.i]):
            left = min(left, token.i)
        elif token.i > head.i and all(t.i not in cut for t in token.doc[head.i + 1 : token.i + 1]):
            right = max(right, token.i)
    doc = head.doc
    if sent is not None:
        left, right = max(left, sent.start), min(right, sent.end - 1)
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def cue_extent(token: Token) -> tuple[int, int]:
    """Character span of a cue: the word plus a verb particle ("point out") or "to" of "according to"."""
    start, end = token.idx, token.idx + len(token)
    for child in token.children:
        is_particle = child.dep_ == "prt" or (child.dep_ == "prep" and token.lemma_.lower() == "accord")
        if is_particle and child.i == token.i + 1:
            end = child.idx + len(child)
    return start, end

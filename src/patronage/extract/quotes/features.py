"""Features of the trained attribution model, shared by training and prediction.

Two kinds of instance, each with a fixed number of feature templates (one string per
template, hashed into a weight table), so a document's instances score as one numpy
gather:

- a *cue candidate* token: its lemma, part of speech, tag and dependency, the
  dependencies of its children (a clausal complement, an object, a subject) and the word
  opening its complement ("that", "to"), its head, and where it stands relative to
  quotation marks;
- a *(cue, token)* pair within the cue's sentence: the dependency path from the cue to
  the token (up to their common ancestor, then down), the clause the path enters and
  whether a comma sets it off ("…, which forced her to leave"), the side and distance, a
  colon between them, the token's own tags, and whether either sits inside quotation
  marks. The pair model labels the token content, source or neither for that cue.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Collection, Sequence
from itertools import chain
from typing import TYPE_CHECKING, TypeVar

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE

from patronage.extract.quotes.marks import QuoteRegion, quote_regions
from patronage.nlp.tokens import token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "CONTENT",
    "CUE_TEMPLATES",
    "NONE",
    "PAIR_TEMPLATES",
    "SOURCE",
    "DocView",
    "cue_candidates",
    "cue_features",
    "cue_rows",
    "feature_name",
    "hash_keys",
    "hash_rows",
    "pair_features",
    "pair_keys",
    "pair_rows",
    "pair_tokens",
]

#: labels of a (cue, token) pair, in weight-column order
NONE, CONTENT, SOURCE = 0, 1, 2
#: number of feature strings per instance (one per template)
CUE_TEMPLATES = 21
PAIR_TEMPLATES = 18

_KEY_CHILD_DEPS = ("ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "agent", "dative", "advcl", "parataxis")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: dependencies that open a clause or phrase of their own, noted along a path
_CLAUSE_DEPS = frozenset(
    {"relcl", "advcl", "acl", "conj", "appos", "parataxis", "ccomp", "xcomp", "pcomp", "prep", "npadvmod"}
)
#: a feature as its parts, joined only when first hashed (:func:`feature_name`)
Key = tuple[str, ...]
F = TypeVar("F", str, Key)
_BIAS: Key = ("bias",)
#: longest chain of a token and its heads followed (a bound on pathological parses)
_CHAIN = 40
_SEPARATORS = frozenset({",", ";", "--", "—", "–", ":", "(", ")"})
_MARKS = frozenset({'"', "“", "”", "''", "``", "«", "»", "„"})


def _bucket(n: int) -> str:
    """A coarse distance: 0, 1, 2, 3, 4-6, 7-12, 13+."""
    if n <= 3:
        return str(n)
    return "4" if n <= 6 else ("7" if n <= 12 else "13")


class DocView:
    """Token attributes of one parsed document, read from spaCy once, as plain lists."""

    def __init__(self, doc: Doc, regions: Sequence[QuoteRegion] | None = None) -> None:
        self.doc = doc
        n = len(doc)
        # the document's token table (shared with the other rules: never changed here)
        table = token_table(doc)
        self.lemma, self.pos, self.dep, self.ent, self.text, self.tag, self.head = (
            table.lemma,
            table.pos,
            table.dep,
            table.ent,
            table.text,
            table.tag,
            table.head,
        )
        self.punct: list[bool] = (doc.to_array([IS_PUNCT, IS_SPACE]).sum(axis=1) > 0).tolist()
        self.seps = [0] * (n + 1)  # separators before each token, for counting between two tokens
        self.colons = [0] * (n + 1)  # the same for colons alone
        for i, text in enumerate(self.text):
            self.seps[i + 1] = self.seps[i] + (text in _SEPARATORS)
            self.colons[i + 1] = self.colons[i] + (text == ":")
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        self._ancestors: dict[int, list[int]] = {}
        self.left_edge = left_edge = list(range(n))  # first token of each subtree
        head = self.head
        for i in range(n):
            # up the heads as ancestors() goes; an ancestor whose subtree already starts at or
            # before i has ancestors that do too
            a, steps = i, 1
            while head[a] != a and steps < _CHAIN:
                a, steps = head[a], steps + 1
                if left_edge[a] <= i:
                    break
                left_edge[a] = i
        self.regions = list(quote_regions(doc) if regions is None else regions)
        self.region_of = [-1] * n
        for k, region in enumerate(self.regions):
            for i in range(region.start, region.end):
                self.region_of[i] = k
        self.sents = [(s.start, s.end) for s in doc.sents]
        self.sent_of = [0] * n
        for k, (start, end) in enumerate(self.sents):
            for i in range(start, end):
                self.sent_of[i] = k
        self.sent_quoted = [False] * len(self.sents)
        for region in self.regions:
            for k in range(self.sent_of[region.start], self.sent_of[region.end - 1] + 1):
                self.sent_quoted[k] = True

    def ancestors(self, i: int) -> list[int]:
        """``i`` and its heads up to the sentence root."""
        chain = self._ancestors.get(i)
        if chain is None:
            chain = [i]
            head = self.head
            while head[chain[-1]] != chain[-1] and len(chain) < _CHAIN:
                chain.append(head[chain[-1]])
            self._ancestors[i] = chain
        return chain

    def near_mark(self, i: int, step: int) -> bool:
        """A quotation mark within three tokens of ``i`` in direction ``step`` (commas and spaces skipped)."""
        j, seen = i + step, 0
        while 0 <= j < len(self.text) and seen < 3:
            if self.text[j] in _MARKS:
                return True
            if not self.punct[j]:
                seen += 1
            j += step
        return False


def cue_features(view: DocView, i: int) -> list[str]:
    """The feature strings of token ``i`` as a cue candidate (``CUE_TEMPLATES`` of them)."""
    lemma, pos, dep = view.lemma[i], view.pos[i], view.dep[i]
    kids = view.children[i]
    kid_deps = {view.dep[c] for c in kids}
    preps = sorted(view.lemma[c] for c in kids if view.dep[c] in ("prep", "prt", "agent"))
    subj = next((c for c in kids if view.dep[c] in _SUBJECTS), -1)
    if subj < 0:
        subj_kind = "none"
    elif view.pos[subj] == "PRON":
        subj_kind = "pron"
    else:
        subj_kind = view.ent[subj] or view.pos[subj]
    head = view.head[i]
    start, end = view.sents[view.sent_of[i]]
    key = ",".join(d for d in _KEY_CHILD_DEPS if d in kid_deps)
    in_quote = "q" if view.region_of[i] >= 0 else "-"
    sent_quotes = "sq" if view.sent_quoted[view.sent_of[i]] else "-"
    around = ("L" if view.near_mark(i, -1) else "-") + ("R" if view.near_mark(i, 1) else "-")
    prev_word = view.lemma[i - 1] if i > start else "<s>"
    # how the complement opens: "said that", "want to", "asked whether"
    opener = next(
        (
            view.lemma[g]
            for c in kids
            if view.dep[c] in ("ccomp", "xcomp")
            for g in view.children[c]
            if view.dep[g] in ("mark", "aux") and g < c
        ),
        "-",
    )
    next_word = view.lemma[i + 1] if i + 1 < end else "</s>"
    return [
        "l=" + lemma,
        "p=" + pos,
        "d=" + dep,
        "ld=" + lemma + "|" + dep,
        "k=" + key,
        "lk=" + lemma + "|" + key,
        "pr=" + lemma + "|" + "+".join(preps),
        "s=" + subj_kind,
        "ls=" + lemma + "|" + subj_kind,
        "hd=" + dep + "|" + view.pos[head],
        "hl=" + dep + "|" + view.lemma[head],
        "q=" + in_quote + sent_quotes + around,
        "lq=" + lemma + "|" + in_quote + sent_quotes + around,
        "nw=" + lemma + "|" + next_word,
        "pw=" + prev_word + "|" + lemma,
        "pos=" + _bucket(i - start) + "|" + ("end" if end - i <= 3 else "-"),
        "anc=" + _clause_ancestor(view, i),
        "t=" + lemma + "|" + view.tag[i],
        "tk=" + view.tag[i] + "|" + key,
        "op=" + lemma + "|" + opener,
        "bias",
    ]


def _clause_ancestor(view: DocView, i: int) -> str:
    """The nearest verb above ``i`` and the dependency that leads to it ("say|ccomp")."""
    chain = view.ancestors(i)
    for k in range(1, len(chain)):
        j = chain[k]
        if view.pos[j] in ("VERB", "AUX"):
            return view.lemma[j] + "|" + view.dep[chain[k - 1]]
    return "-"


def cue_candidates(view: DocView, lexicon: Collection[str]) -> list[int]:
    """Tokens whose ``lemma|POS`` headed a cue in training: the tokens worth scoring as cues."""
    lemma, pos = view.lemma, view.pos
    return [i for i in range(len(lemma)) if lemma[i] + "|" + pos[i] in lexicon]


def cue_rows(view: DocView, lexicon: Collection[str], bits: int) -> tuple[list[int], np.ndarray]:
    """The cue candidates of ``view`` and their hashed feature rows."""
    tokens = cue_candidates(view, lexicon)
    return tokens, hash_rows([cue_features(view, i) for i in tokens], bits)


def pair_rows(view: DocView, cue: int, bits: int) -> tuple[list[int], np.ndarray]:
    """The words a cue can take and their hashed feature rows."""
    tokens = pair_tokens(view, cue)
    return tokens, hash_keys(pair_keys(view, cue, tokens), bits)


def pair_tokens(view: DocView, cue: int) -> list[int]:
    """The tokens a cue can take as content or source: the words of its sentence."""
    start, end = view.sents[view.sent_of[cue]]
    return [t for t in range(start, end) if not view.punct[t]]


def pair_features(view: DocView, cue: int, tokens: Sequence[int]) -> list[list[str]]:
    """The feature strings of each token for cue ``cue`` (``PAIR_TEMPLATES`` per token)."""
    return [[feature_name(key) for key in row] for row in pair_keys(view, cue, tokens)]


def feature_name(key: Key) -> str:
    """The feature string a key stands for: ``("cl=", "R", "ccomp")`` is ``"cl=R|ccomp"``."""
    return key[0] + "|".join(key[1:])


def pair_keys(view: DocView, cue: int, tokens: Sequence[int]) -> list[list[Key]]:
    """The features of each token for cue ``cue`` (``PAIR_TEMPLATES`` per token) as keys: the
    feature named ``key[0] + "|".join(key[1:])`` (:func:`feature_name`), not yet joined."""
    up = view.ancestors(cue)
    up_pos = {a: k for k, a in enumerate(up)}
    lemma, cue_pos, cue_dep = view.lemma[cue], view.pos[cue], view.dep[cue]
    cq = view.region_of[cue]
    dep, head, seps = view.dep, view.head, view.seps
    rows: list[list[Key]] = []
    for t in tokens:
        down: list[str] = []  # dependencies from the common ancestor down to t
        # the topmost clause opened below the first step down, and whether a separator sets it off
        clause = "-"
        j = t
        while j not in up_pos:
            down.append(dep[j])
            if dep[j] in _CLAUSE_DEPS and head[j] not in up_pos:
                edge = view.left_edge[j]
                clause = dep[j] + ("," if edge > 0 and view.text[edge - 1] in _SEPARATORS else "")
            if head[j] == j:
                break
            j = head[j]
        down.reverse()
        up_deps = [dep[a] for a in up[: up_pos.get(j, len(up))]]
        u = "/".join(up_deps[:2]) + ("+" if len(up_deps) > 2 else "")
        first = down[0] if down else ("self" if t == cue else "anc")
        short = (up_deps[0] if up_deps else "") + ">" + first
        side = "L" if t < cue else ("R" if t > cue else "0")
        tq = view.region_of[t]
        quote = (
            ("tq" if tq >= 0 else "-") + ("cq" if cq >= 0 else "-") + ("=" if tq >= 0 and tq == cq else "")
        )
        deeper = ",".join(sorted({x for x in down[1:-1] if x in _CLAUSE_DEPS})) or "-"
        between = seps[max(t, cue)] - seps[min(t, cue) + 1]
        rows.append(
            [
                ("S=", short),
                ("F=", first, side),
                ("lP=", lemma, short),
                ("lF=", lemma, first),
                ("lsp=", lemma, side, u),
                ("q=", quote, side),
                ("qF=", quote, first),
                ("cp=", cue_pos, short),
                ("cd=", cue_dep, first, side),
                ("tl=", view.lemma[t], first),
                ("dp=", first, deeper),
                ("dpt=", first, deeper, dep[t]),
                ("sep=", side, _bucket(between), first),
                ("hd=", dep[head[t]], dep[t], first),
                ("cl=", side, first, clause),
                ("tt=", first, view.tag[t]),
                ("col=", side, first, str(view.colons[max(t, cue)] > view.colons[min(t, cue) + 1])),
                _BIAS,
            ]
        )
    return rows


_HASHES: dict[str, int] = {}
_KEY_HASHES: dict[Key, int] = {}


def hash_rows(rows: Sequence[Sequence[str]], bits: int) -> np.ndarray:
    """Hash feature strings into row indices of a ``2**bits`` weight table (``int32``, one row per instance)."""
    return _hashed(rows, bits, _HASHES, str)


def hash_keys(rows: Sequence[Sequence[Key]], bits: int) -> np.ndarray:
    """:func:`hash_rows` of the features the keys name, without joining a string for a key seen before."""
    return _hashed(rows, bits, _KEY_HASHES, feature_name)


def _hashed(
    rows: Sequence[Sequence[F]], bits: int, cache: dict[F, int], name: Callable[[F], str]
) -> np.ndarray:
    """The CRC-32 of each feature's ``name``, masked to ``bits``; most features recur (paths, tags),
    so hashes are memoised in ``cache``, which is bounded."""
    if len(cache) > 1_000_000:
        cache.clear()
    features = list(chain.from_iterable(rows))
    flat = list(map(cache.get, features))
    for k, h in enumerate(flat):
        if h is None:
            flat[k] = cache[features[k]] = zlib.crc32(name(features[k]).encode("utf-8")) & 0xFFFFFFFF
    width = len(rows[0]) if rows else 0
    return (np.asarray(flat, dtype=np.int64) & ((1 << bits) - 1)).astype(np.int32).reshape(len(rows), width)

"""Gazetteer names the tagger missed: a phrase matcher over the gazetteer's names and aliases.

The small English model misses well-known names in some contexts ("Xi Jinping, China's
president, held talks…"). Every name and alias of a person, organisation or metonym
(matched case-sensitively, so "US" never matches "us") fills those gaps; entities the
tagger found always win.
"""

from __future__ import annotations

import spacy
from spacy.attrs import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from patronage.nlp.tokens import token_table
from patronage.resolve.protocol import GazetteerLike

__all__ = ["gazetteer_spans"]

_LABEL = {"person": "PERSON", "organization": "ORG", "group": "ORG", "country": "GPE"}


def _names(gaz: GazetteerLike) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {label: set() for label in _LABEL.values()}
    for entry in gaz:
        label = _LABEL.get(entry.kind)
        if label is None:
            continue
        candidates = [entry.name, *entry.aliases]
        if entry.kind == "country":
            candidates += [m for m, _sector in entry.metonyms]
        for name in candidates:
            # one capitalised word is only safe when it is long and not a person's bare surname
            if not name or not name[0].isupper():
                continue
            if " " not in name and (entry.kind == "person" or len(name) < 4):
                continue
            names[label].add(name)
    return names


class _Names:
    """Gazetteer names as tuples of token ids, looked up by their first token and length.

    A dict of small tuples takes about a quarter of the memory of spaCy's ``PhraseMatcher`` for
    the same names (50,000 imported entries with five aliases each: about 80 MB against 290 MB),
    and each worker process holds its own copy.
    """

    def __init__(self, vocab: Vocab, gaz: GazetteerLike) -> None:
        tokenizer: Tokenizer = spacy.blank("en", vocab=vocab).tokenizer  # type: ignore[assignment]
        #: one-word names of people ("Trump", "Putin"), matched only where the tagger agrees elsewhere
        self.surnames: frozenset[str] = frozenset(
            name
            for entry in gaz
            if entry.kind == "person"
            for name in (entry.name, *entry.aliases)
            if name and " " not in name and name[0].isupper() and len(name) >= 4
        )
        self.labels: dict[tuple[int, ...], str] = {}
        spans: dict[int, set[int]] = {}
        for label, names in _names(gaz).items():
            for doc in tokenizer.pipe(sorted(names), batch_size=_CHUNK):
                key = tuple(token.orth for token in doc)
                if key and key not in self.labels:
                    self.labels[key] = label
                    spans.setdefault(key[0], set()).add(len(key))
        self.lengths: dict[int, tuple[int, ...]] = {first: tuple(sorted(n)) for first, n in spans.items()}

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        orths = doc.to_array(ORTH).tolist()
        found: list[tuple[str, int, int]] = []
        for start, first in enumerate(orths):
            for length in self.lengths.get(first, ()):
                label = self.labels.get(tuple(orths[start : start + length]))
                if label is not None:
                    found.append((label, start, start + length))
        return found


_CACHE: dict[tuple[int, int], _Names] = {}
_CHUNK = 500


def _matcher(vocab: Vocab, gaz: GazetteerLike) -> _Names:
    """One name index per (vocabulary, gazetteer), built on first use in each process."""
    key = (id(vocab), id(gaz))
    matcher = _CACHE.get(key)
    if matcher is None:
        matcher = _Names(vocab, gaz)
        _CACHE.clear()  # a new gazetteer or model replaces the old index
        _CACHE[key] = matcher
    return matcher


def gazetteer_spans(doc: Doc, gaz: GazetteerLike) -> list[tuple[int, int, str]]:
    """(start_char, end_char, label) of gazetteer names in ``doc``, longest first, not overlapping."""
    matcher = _matcher(doc.vocab, gaz)
    found = sorted(matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1]))
    taken: set[int] = set()
    out: list[tuple[int, int, str]] = []
    for label, start, end in found:
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        span = doc[start:end]
        out.append((span.start_char, span.end_char, label))
    # "Trump met Putin in Helsinki": a known one-word name the tagger missed here but called a
    # person elsewhere in the same article
    tagged = {t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent} & matcher.surnames
    table = token_table(doc)
    for i in sorted(i for word in tagged for i in table.at(word)):
        if (
            i not in taken
            and not table.ent[i]
            and table.pos[i] in ("PROPN", "NOUN")  # "Trump" opening a sentence is tagged a noun
            and doc[i].is_title
        ):
            token = doc[i]
            out.append((token.idx, token.idx + len(token.text), "PERSON"))
    return sorted(out)

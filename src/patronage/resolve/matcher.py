"""Gazetteer names the tagger missed: a phrase matcher over the gazetteer's names and aliases.

The small English model misses well-known names in some contexts ("Xi Jinping, China's
president, held talks…"). Every name and alias of a person, organisation or metonym
(matched case-sensitively, so "US" never matches "us") fills those gaps; entities the
tagger found always win.
"""

from __future__ import annotations

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

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


_CACHE: dict[tuple[int, int], PhraseMatcher] = {}


def _matcher(vocab: Vocab, gaz: GazetteerLike) -> PhraseMatcher:
    """One matcher per (vocabulary, gazetteer), built on first use in each process."""
    key = (id(vocab), id(gaz))
    matcher = _CACHE.get(key)
    if matcher is None:
        nlp = spacy.blank("en", vocab=vocab)
        matcher = PhraseMatcher(vocab, attr="ORTH")
        for label, names in _names(gaz).items():
            matcher.add(label, [nlp.make_doc(name) for name in sorted(names)])
        _CACHE.clear()  # a new gazetteer or model replaces the old matcher
        _CACHE[key] = matcher
    return matcher


def gazetteer_spans(doc: Doc, gaz: GazetteerLike) -> list[tuple[int, int, str]]:
    """(start_char, end_char, label) of gazetteer names in ``doc``, longest first, not overlapping."""
    matcher = _matcher(doc.vocab, gaz)
    found = sorted(matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1]))
    taken: set[int] = set()
    out: list[tuple[int, int, str]] = []
    for match_id, start, end in found:
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        span = doc[start:end]
        out.append((span.start_char, span.end_char, doc.vocab.strings[match_id]))
    return sorted(out)

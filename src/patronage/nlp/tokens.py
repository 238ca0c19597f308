"""A parsed document's token attributes as plain lists, read from spaCy once per document.

Every read through a spaCy :class:`~spacy.tokens.Token` makes a Python object and looks the
value up in the string store (about 0.3 µs for ``tok.pos_``, 1.7 µs for ``doc.char_span``), and the
resolution and extraction rules make a dozen passes over every token of an article. Passes that
look for a few tokens filter on these lists and make Token objects only for the ones they keep.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, ORTH, POS, TAG

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc

__all__ = ["TokenTable", "token_table"]

_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE]
_NAMES: dict[int, str] = {}


def _names(strings: StringStore, keys: list[int]) -> list[str]:
    """The strings of vocabulary hashes (empty for 0), memoised across documents."""
    names = _NAMES
    for key in set(keys).difference(names):
        names[key] = strings[key] if key else ""
    return [names[key] for key in keys]


class TokenTable:
    """Token attributes of one document by token index: ``text``, ``lower``, ``lemma`` (lower-cased),
    ``pos``, ``tag``, ``dep``, ``ent`` (the entity type) and ``head`` (the head's index)."""

    __slots__ = ("_at", "dep", "ent", "head", "lemma", "lower", "pos", "tag", "text")

    def __init__(self, doc: Doc) -> None:
        table = doc.to_array(_ATTRS)
        strings = doc.vocab.strings
        self.text, self.lower, lemma, self.pos, self.tag, self.dep, self.ent = (
            _names(strings, table[:, col].tolist()) for col in range(7)
        )
        self.lemma = [word.lower() for word in lemma]
        self.head: list[int] = (doc.to_array(HEAD).astype(np.int64) + np.arange(len(doc))).tolist()
        self._at: dict[str, list[int]] | None = None

    def at(self, text: str) -> list[int]:
        """Indices of the tokens whose text is ``text``, in order."""
        if self._at is None:
            at: dict[str, list[int]] = {}
            for i, word in enumerate(self.text):
                at.setdefault(word, []).append(i)
            self._at = at
        return self._at.get(text, [])


_TABLES: weakref.WeakKeyDictionary[Doc, TokenTable] = weakref.WeakKeyDictionary()


def token_table(doc: Doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, built on first use and kept while the document lives.

    The document must not be changed (retokenised, entities reset) after its table is built.
    """
    table = _TABLES.get(doc)
    if table is None:
        table = _TABLES[doc] = TokenTable(doc)
    return table

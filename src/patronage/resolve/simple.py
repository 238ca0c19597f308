"""Named entities as actors: the fallback resolution when no gazetteer matches.

Every PERSON, ORG, GPE and NORP entity becomes a mention of an actor whose id
is derived from its normalised name, so the same name in two articles is the
same actor. The gazetteer-based resolver refines this; nothing is dropped.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Span

from patronage.nlp.sentences import doc_text

__all__ = ["display_name", "entity_text", "slug"]

_NON_WORD = re.compile(r"[^a-z0-9]+")
_HONORIFIC = re.compile(
    r"^(mr|mrs|ms|miss|dr|sir|dame|lord|lady|gen|col|sen|rep|gov|prof)\.?\s+", re.IGNORECASE
)


def slug(name: str) -> str:
    """Lowercase ASCII slug of a name: ``Bashar al-Assad`` → ``bashar-al-assad``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub("-", ascii_name.lower()).strip("-") or "unnamed"


def entity_text(ent: Span) -> tuple[int, int, str]:
    """The entity's char bounds and text, without a leading "the", possessive or honorific."""
    tokens = list(ent)
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_space or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return ent.start_char, ent.end_char, ent.text
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(ent.doc)[start:end]
    if "\n" in text:  # an entity never spans a line break (headlines run into the body)
        text = text.split("\n", 1)[0].rstrip()
        end = start + len(text)
    return start, end, text


def display_name(text: str) -> str:
    """A mention's name without honorifics: ``Mr. Trenin`` → ``Trenin``."""
    return _HONORIFIC.sub("", text).strip()

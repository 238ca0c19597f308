"""Named entities as actors: the fallback resolution when no gazetteer matches.

Every PERSON, ORG, GPE and NORP entity becomes a mention of an actor whose id
is derived from its normalised name, so the same name in two articles is the
same actor. The gazetteer-based resolver refines this; nothing is dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from spacy.tokens import Span

from patronage.nlp.sentences import doc_text
from patronage.resolve.translit import TRANSLIT

__all__ = ["body_name", "display_name", "entity_text", "slug"]

_WORDS = re.compile(r"[^\W_]+")
_HONORIFIC = re.compile(
    r"^(mr|mrs|ms|miss|dr|sir|dame|lord|lady|gen|col|sen|rep|gov|prof)\.?\s+", re.IGNORECASE
)


def _ascii_word(word: str) -> str | None:
    """The ASCII spelling of one lowercase word, or None when a letter or digit has none."""
    out: list[str] = []
    for ch in word:
        for part in (ch,) if ch in TRANSLIT else unicodedata.normalize("NFKD", ch):
            if part in TRANSLIT:
                out.append(TRANSLIT[part])
            elif part.isascii():
                out.append(part if part.isalnum() else "")
            elif unicodedata.category(part) == "Nd":
                out.append(str(unicodedata.digit(part)))
            elif unicodedata.category(part) in ("Lu", "Ll", "Lt", "Lo", "Nl", "No"):
                return None  # a letter without an ASCII spelling (marks and modifier letters are dropped)
    return "".join(out)


def _hashed(word: str) -> str:
    return "x" + hashlib.sha1(word.encode("utf-8", "surrogatepass")).hexdigest()[:8]


@lru_cache(maxsize=1 << 16)
def slug(name: str) -> str:
    """Lowercase ASCII slug of a name: ``Bashar al-Assad`` → ``bashar-al-assad``.

    Cyrillic and Greek letters are transliterated (``Олег Сидоров`` → ``oleg-sidorov``); a word
    of another script becomes ``x`` and 8 hex digits of its hash, so names in any script keep
    distinct, stable ids and a surname still matches the last word of the full name. Cached:
    resolution asks for the same names many times per article.
    """
    words: list[str] = []
    for word in _WORDS.findall(unicodedata.normalize("NFC", name).casefold()):
        spelled = _ascii_word(word)
        words.extend(w for w in re.split(r"[^a-z0-9]+", _hashed(word) if spelled is None else spelled) if w)
    if words:
        return "-".join(words)
    # no letters or digits at all: two different names of symbols still get two ids
    return _hashed(name.strip()) if name.strip() else "unnamed"


def entity_text(ent: Span) -> tuple[int, int, str]:
    """The entity's char bounds and text, without a leading "the", a trailing possessive or
    lowercase function word, or an honorific."""
    tokens = list(ent)
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].tag_ == "POS"
        or tokens[-1].is_space
        or tokens[-1].is_punct
        # "the Ministry of Foreign Affairs of| Ukraine": a name never ends in a lowercase "of", "and"
        or (tokens[-1].tag_ in ("IN", "CC", "DT", "TO") and tokens[-1].text.islower())
    ):
        tokens = tokens[:-1]
    if not tokens:
        return ent.start_char, ent.end_char, ent.text
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(ent.doc)[start:end]
    if "\n" in text:  # an entity never spans a line break (headlines run into the body)
        text = text.split("\n", 1)[0].rstrip()
        end = start + len(text)
    if len(text) > 2 and text[-2:] in ("‘s", "’s", "'s"):  # "the Times‘s coverage": one token to the tagger
        text, end = text[:-2], end - 2
    return start, end, text


@lru_cache(maxsize=1 << 16)
def display_name(text: str) -> str:
    """A mention's name without honorifics: ``Mr. Trenin`` → ``Trenin``."""
    return _HONORIFIC.sub("", text).strip()


#: "Department of Justice", "the Ministry of Foreign Affairs": a body named by its field after "of"
_BODY_OF = re.compile(
    r"(?:[Tt]he\s+)?([Dd]epartment|[Mm]inistry|DEPARTMENT|MINISTRY)\s+of\s+(?:the\s+)?"
    r"([A-Z][\w'’.-]*(?:\s+(?:and\s+)?[A-Z][\w'’.-]*){0,3})"
)


def body_name(name: str) -> str:
    """The field-first name of a department or ministry, which news uses either way round:
    ``Department of Justice`` → ``Justice Department``, ``Ministry of Foreign Affairs`` →
    ``Foreign Affairs Ministry``. Any other name, and a body of a named country ("Ministry of
    Defence of Ukraine"), is returned unchanged."""
    match = _BODY_OF.fullmatch(name.strip())
    if match is None:
        return name
    return f"{match.group(2)} {match.group(1).title()}"

"""Names shown to be people by what stands beside them: a title before one of their uses,
a role in apposition, a speech verb they are the subject of.

"Anatoly Kucherena, his lawyer,": the small model misses or mislabels names that only their
role shows to be a person's; these checks find them and confirm a lone unknown name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from patronage.nlp.tokens import token_table
from patronage.resolve.names import HONORIFIC, SPEECH
from patronage.resolve.titles import is_role_noun

__all__ = ["named_by_role", "person_by_role", "person_cue"]


def person_cue(doc: Doc, start: int, end: int) -> bool:
    """True when a lone unknown name is shown to be a person somewhere in the article.

    An honorific or title just before one of its uses ("Mr Kinnock", "Sen. Warren",
    "President Macron"), a role in apposition ("Goldsmith, the attorney general"), a speech
    verb it is the subject of ("Goldsmith said"), or the tagger calling it a person twice.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    uses = [doc[i] for i in token_table(doc).at(span.root.text)]
    if sum(1 for t in uses if t.ent_type_ == "PERSON" and t.ent_iob_ == "B") >= 2:
        return True
    return any(_cued(doc, t) for t in uses)


def _cued(doc: Doc, token: Token) -> bool:
    before = [t for t in doc[max(0, token.i - 3) : token.i] if not t.is_punct]
    if before and (before[-1].lower_.rstrip(".") in HONORIFIC or is_role_noun(before[-1])):
        return True
    if any(c.dep_ == "appos" and is_role_noun(c) for c in token.children):
        return True
    if token.dep_ == "appos" and is_role_noun(token.head):
        return True
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEECH


def person_by_role(ent: Span) -> str | None:
    """``PERSON`` for a proper name the tagger called an organisation but an apposed role shows to be a person."""
    if ent.label_ != "ORG" or len(ent) < 2 or not all(t.tag_ == "NNP" and t.is_title for t in ent):
        return None
    return "PERSON" if any(c.dep_ == "appos" and is_role_noun(c) for c in ent.root.children) else None


def named_by_role(doc: Doc, covered: set[int]) -> list[tuple[str, int, int, str]]:
    """Names the tagger missed that an apposed role shows to be people: "Anatoly Kucherena, his lawyer,".

    Two or more capitalised proper nouns, in no entity, followed by an apposition whose
    head is a role or occupation noun.
    """
    out: list[tuple[str, int, int, str]] = []
    deps = token_table(doc).dep
    for i in range(len(doc)):
        if deps[i] != "appos" or not is_role_noun(tok := doc[i]):
            continue
        head = tok.head
        if head.i >= tok.i or head.tag_ != "NNP" or head.ent_type_ or not head.is_title:
            continue
        left = head.i
        while (
            left > 0
            and doc[left - 1].tag_ == "NNP"
            and doc[left - 1].dep_ == "compound"
            and doc[left - 1].is_title
            and not doc[left - 1].ent_type_
        ):
            left -= 1
        span = doc[left : head.i + 1]
        if len(span) < 2 or any(i in covered for i in range(span.start_char, span.end_char)):
            continue
        out.append(("PERSON", span.start_char, span.end_char, span.text))
        covered.update(range(span.start_char, span.end_char))
    return out

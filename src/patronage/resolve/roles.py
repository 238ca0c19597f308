"""Roles stated in the text, with evidence.

Two shapes cover most news prose:
- a title before the name: "Ukraine's former president Viktor Yanukovych",
  "former Ukrainian Prime Minister Mykola Azarov", "American whistleblower Edward Snowden";
- an apposition: "Dmitri Trenin, the director of the Carnegie Moscow Center",
  "Syria's beleaguered leader, Bashar al-Assad", "Vladimir V. Putin, the Russian president".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from patronage.model.records import Evidence, Role
from patronage.resolve.docactors import PLACED, MentionTable
from patronage.resolve.titles import TITLE_ABBREVIATIONS, american_style, canonical_title, is_role_noun

__all__ = ["text_roles"]

_MODIFIERS = {"former", "ex", "late", "then", "acting", "deputy", "vice", "interim", "outgoing", "current"}
# adjectives that belong to a title ("prime minister", "supreme leader"); other adjectives
# ("beleaguered leader", "embattled president") describe, they are not part of the office
_TITLE_ADJECTIVES = _MODIFIERS | {
    "prime",
    "foreign",
    "supreme",
    "chief",
    "general",
    "senior",
    "first",
    "second",
    "attorney",
    "national",
    "military",
    "political",
    "presidential",
    "federal",
    "regional",
    "top",
    "special",
    "defense",
    "defence",
}


_NOT_TITLE = frozenset({"most", "also", "now", "once", "still", "even", "and", "or", "but"})


def _in_title(t: Token) -> bool:
    return t.pos_ != "ADJ" or t.lower_ in _TITLE_ADJECTIVES


def _of_phrase(doc: Doc, title_head: Token, found: MentionTable, skip: set[int]) -> str | None:
    """The organisation or country a title belongs to: possessor, demonym or "of X"."""
    for child in title_head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "for"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                obj = objs[0]
                tokens = [t for t in obj.subtree if t.dep_ != "det" or t.i != obj.left_edge.i]
                return doc[tokens[0].i : obj.right_edge.i + 1].text if tokens else obj.text
    for child in title_head.children:
        if child.i in skip:
            continue
        if child.dep_ == "poss" or (
            child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE")
        ):
            for idx in found.token_mentions.get(child.i, []):
                mention = found.mentions[idx]
                if mention.how in PLACED:
                    return mention.text  # "New York Gov. Andrew Cuomo": the state, not the country
                if mention.actor_id:
                    return found.actors[mention.actor_id].name
            return child.text
    return None


def _body_in_title(found: MentionTable, tokens: list[Token]) -> str | None:
    """The party or body a title's modifier names: "Labour MP Diane Abbott", "Conservative leader X".

    A modifier resolved to an organisation gives its name; a capitalised adjective the
    article did not resolve ("Conservative") is kept as written, for the gazetteer to place.
    """
    for t in tokens:
        if t.dep_ not in ("amod", "compound") or is_role_noun(t) or t.lower_ in TITLE_ABBREVIATIONS:
            continue
        mentions = [found.mentions[idx] for idx in found.token_mentions.get(t.i, [])]
        for mention in mentions:
            actor = found.actors.get(mention.actor_id) if mention.actor_id else None
            if actor is not None and actor.kind in ("organization", "country"):
                return actor.name
        if not mentions and t.pos_ == "ADJ" and t.text[:1].isupper() and t.lower_ not in _TITLE_ADJECTIVES:
            return t.text
    return None


#: the party letters of "R-Calif.", "D-N.Y." after a member of Congress
_PARTY_LETTERS = {"R": "Republican Party", "D": "Democratic Party"}


def _party_of(found: MentionTable, tokens: list[Token]) -> str | None:
    """The political party one of these words names, as the article resolved it."""
    for t in tokens:
        for idx in found.token_mentions.get(t.i, []):
            mention = found.mentions[idx]
            actor = found.actors.get(mention.actor_id) if mention.actor_id else None
            if actor is not None and actor.sector == "PTY":
                return actor.name
    return None


def _party_label(appos: Token) -> str | None:
    """ "Darrell Issa, R-Calif.": the party an apposed party-and-state label names."""
    first = appos.left_edge
    following = first.nbor(1) if first.i + 1 < len(first.doc) else None
    if first.text in _PARTY_LETTERS and following is not None and following.text in ("-", "–"):
        return _PARTY_LETTERS[first.text]
    return None


def _title_words(tokens: list[Token]) -> list[str]:
    return [
        t.text
        for t in tokens
        if (
            t.dep_ not in ("det", "poss", "case", "punct")
            and t.ent_type_ not in ("NORP", "GPE")
            and _in_title(t)
        )
        or t.text == "-"
    ]


def text_roles(found: MentionTable, sentence_evidence: dict[int, Evidence]) -> list[tuple[str, Role]]:
    """(actor id, role) pairs stated in the article, each with the sentence as evidence."""
    doc = found.doc
    out: list[tuple[str, Role]] = []
    seen: set[tuple[str, str, str | None]] = set()
    for mention in found.mentions:
        if mention.label != "PERSON" or not mention.actor_id or mention.how == "coref":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        name_tokens = {t.i for t in span}
        root = span.root
        evidence = sentence_evidence.get(mention.sentence_idx)
        # 1. title words before the name, inside its noun phrase
        pre = [t for t in root.lefts if t.i not in name_tokens and t.dep_ in ("compound", "amod", "nmod")]
        title_tokens: list[Token] = []
        for t in pre:
            title_tokens.extend(x for x in t.subtree if x.i not in name_tokens)
        title_tokens.sort(key=lambda t: t.i)
        heads = [
            t
            for t in title_tokens
            if is_role_noun(t)
            or t.lower_ in ("president", "minister", "prime")
            or t.lower_ in TITLE_ABBREVIATIONS
        ]
        if heads:
            head = heads[-1]
            words = _title_words(title_tokens)
            of = _of_phrase(doc, head, found, name_tokens)
            if of is None:
                for t in root.lefts:
                    if (
                        t.dep_ == "poss"
                        or (t.dep_ == "amod" and t.ent_type_ in ("NORP", "GPE"))
                        or t.ent_type_ == "NORP"
                    ):
                        of = _of_phrase(doc, root, found, name_tokens)
                for t in title_tokens:
                    if t.ent_type_ in ("NORP", "GPE") and of is None:
                        for idx in found.token_mentions.get(t.i, []):
                            m = found.mentions[idx]
                            if m.actor_id:
                                of = found.actors[m.actor_id].name
            if of is None:
                of = _of_phrase(doc, root, found, name_tokens)
            if of is None:
                of = _body_in_title(found, title_tokens)
            if of is None and any(american_style(t) for t in title_tokens):
                of = "US Congress"  # "Sen. Ted Cruz", "Congresswoman Maxine Waters"
            _keep(out, seen, mention.actor_id, canonical_title(words), of, evidence)
        elif (party := _party_of(found, title_tokens)) is not None:
            _keep(out, seen, mention.actor_id, "member", party, evidence)  # "Kansas Republican Tim Huelskamp"
        # "Rep. Darrell Issa, R-Calif.", "Mitch McConnell, a Republican": the member's party
        for child in root.children:
            if child.dep_ != "appos" or child.i in name_tokens:
                continue
            party = _party_label(child) or _party_of(found, [child])
            if party is not None:
                _keep(out, seen, mention.actor_id, "member", party, evidence)
        # 2. an apposition after the name, or the name as apposition of a title
        for child in root.children:
            if child.dep_ == "appos" and child.i not in name_tokens and is_role_noun(child):
                words = [
                    t.text
                    for t in child.subtree
                    if t.i <= child.i
                    and t.dep_ not in ("det", "poss", "case")
                    and t.ent_type_ not in ("NORP", "GPE")
                    and t.i not in name_tokens
                    and _in_title(t)
                ]
                _keep(
                    out,
                    seen,
                    mention.actor_id,
                    canonical_title(words),
                    _of_phrase(doc, child, found, name_tokens),
                    evidence,
                )
                # "a legislator who is head of the Foreign Affairs Committee": the relative clause
                # states a second role
                for clause in child.children:
                    if clause.dep_ == "relcl" and clause.lemma_ == "be":
                        for attr in clause.children:
                            if attr.dep_ == "attr" and is_role_noun(attr):
                                title = [
                                    t.text
                                    for t in attr.lefts
                                    if t.dep_ in ("amod", "compound") and _in_title(t)
                                ]
                                _keep(
                                    out,
                                    seen,
                                    mention.actor_id,
                                    canonical_title([*title, attr.text]),
                                    _of_phrase(doc, attr, found, name_tokens),
                                    evidence,
                                )
        if (office := _office_before(root, name_tokens)) is not None:
            _keep(
                out, seen, mention.actor_id, office, None, evidence
            )  # "Director of National Intelligence X"
        if root.dep_ == "appos" and is_role_noun(root.head) and root.head.i not in name_tokens:
            head = root.head
            words = [
                t.text
                for t in head.lefts
                if t.dep_ in ("amod", "compound") and t.ent_type_ not in ("NORP", "GPE") and _in_title(t)
            ]
            words.append(head.text)
            _keep(
                out,
                seen,
                mention.actor_id,
                canonical_title(words),
                _of_phrase(doc, head, found, name_tokens),
                evidence,
            )
    return out


def _office_before(root: Token, name_tokens: set[int]) -> str | None:
    """An office whose name the parser ran into the name after it: in "Director of National
    Intelligence James Clapper" the name is the object of "of" and "National Intelligence" its
    modifiers. Only capitalised words between "of" and the name count, so "the son of John Smith"
    and "a critic of Jeff Flake" give nothing."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or not is_role_noun(prep.head):
        return None
    rest = sorted(
        (x for t in root.lefts if t.i not in name_tokens and t.dep_ == "compound" for x in t.subtree),
        key=lambda t: t.i,
    )
    if not rest or not all(t.text[:1].isupper() for t in rest):
        return None
    words = [t.text for t in prep.head.lefts if t.dep_ in ("amod", "compound") and _in_title(t)]
    return canonical_title([*words, prep.head.text, "of", *(t.text for t in rest)])


def _keep(
    out: list[tuple[str, Role]],
    seen: set[tuple[str, str, str | None]],
    actor_id: str,
    title: str,
    of: str | None,
    evidence: Evidence | None,
) -> None:
    title = title.strip(" ,-")
    # a title is one office: words joined by "and" or led by an adverb come from a list or a
    # neighbouring phrase ("president donald trump and house speaker"), not this person's role
    if (
        not title
        or (actor_id, title, of) in seen
        or " and " in f" {title} "
        or title.split()[0] in _NOT_TITLE
    ):
        return
    seen.add((actor_id, title, of))
    out.append((actor_id, Role(title=title, of=of, origin="text", evidence=evidence)))

"""Quote records: each speaker phrase resolved through the article's people, or kept as described.

Every direct quote is kept; reported speech only when its speaker phrase names someone who
can speak and it is a statement (``statements.py``: the pieces one attribution cuts, joined;
things, seeming, wanting and narration left out). A speaker phrase resolves, in order:

- a personal pronoun ("he said") to the person quoted last, within three sentences and of a
  compatible gender, else to what coreference found; a pronoun opening its sentence ("He also
  said …") to what coreference found (the subject before it) first; "they" never to one person,
  and when coreference found no one, opening its sentence, to the plural subject before it;
- a description apposed to a name ("Steve Bannon, a publisher who has vowed …") or with a name
  apposed ("its chair, Maria Lopez") to the named person;
- several coordinated speakers ("Edwards and other experts") to one described group, never
  the first of them;
- a definite title ("the attorney general", "the spokesman") to the person the article
  named with that role, the most recently mentioned one;
- a counted or quantified plural ("two Republicans") to a described group, never the party;
- a name to its actor; a country only when the phrase is the country's own name ("Russia
  said", "the Kremlin said"), never for a description ("a senior administration official
  in Washington", "the Saudis"), which stays an unnamed described source that keeps the
  country as an attribute;
- anything else that can speak to a described source ("one analyst").

A quote's ``speaker_confidence`` is how likely its speaker is right: the confidence of the
speaker span (the model's source probability, or the measured accuracy of the rule that
found it) times how sure the resolution is (``RESOLUTION``). A speaker left unresolved is
``None`` with its words kept in ``speaker_text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from patronage.extract.ids import EXTRACTOR, fact_id
from patronage.extract.quotes.cues import speaker_extent
from patronage.extract.quotes.spans import QuoteSpan, find_quotes
from patronage.extract.quotes.statements import statement_text, statements, vet
from patronage.model.records import ActorRef, Evidence, Quote, Sentence
from patronage.nlp.sentences import doc_text
from patronage.resolve.docactors import DocActors
from patronage.resolve.titles import canonical_title, is_role_noun

__all__ = ["RESOLUTION", "article_quotes", "resolve_speaker"]

#: how sure each way of resolving a speaker phrase is (a factor on the span's confidence)
RESOLUTION = {
    "name": 1.0,  # the phrase names the actor
    "described": 1.0,  # an unnamed source kept as described
    "title": 0.85,  # "the attorney general" → the person named with that role
    "last_speaker": 0.85,  # "he said" → the person quoted just before
    "coref": 0.75,  # "he said" → the antecedent coreference chose
}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "him", "her", "them", "this", "that"}
_PERSONAL = {"he": "m", "she": "f", "him": "m", "her": "f", "they": "", "we": "", "i": ""}
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_POSSESSIVES = {"his", "her", "their", "its", "our", "my", "your"}
_INDEFINITE = {"a", "an", "one", "some", "several", "two", "three", "many", "another", "other", "few", "most"}
_HUMAN_HEADS = frozenset(
    """
    source people person witness resident expert analyst observer critic supporter voter colleague
    friend insider statement report newspaper agency ministry government administration committee office
    campaign
    """.split()
)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A speaker phrase resolved: the actor (or ``None``), and which way (a ``RESOLUTION`` key)."""

    ref: ActorRef | None
    how: str


def _head(found: DocActors, start: int, end: int) -> Span | None:
    return found.doc.char_span(start, end, alignment_mode="expand")


def _human(found: DocActors, start: int, end: int) -> bool:
    """True when a speaker phrase names someone who can speak: a named actor, a person noun, a role."""
    span = _head(found, start, end)
    if span is None:
        return False
    head = span.root
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or head.lower_ in _PERSONAL:
        return True
    return head.lemma_.lower() in _HUMAN_HEADS or is_role_noun(head)


def _described(text: str, country: str | None, *, plural: bool = False) -> ActorRef | None:
    """An anonymous, described speaker kept as such: "a senior administration official", "one analyst"."""
    words = text.split()
    if not words or len(words) > 12 or text.strip().lower() in _PRONOUNS:
        return None
    plural = plural or (words[-1].lower().endswith("s") and not words[-1].lower().endswith("ss"))
    kind = "group" if plural else "person"
    return ActorRef(f"source/{fact_id(text.lower())}", text.strip(), kind, country, None, text)


def _plural_subject_before(pronoun: Token) -> Token | None:
    """The plural subject of the sentence before a "they" that opens its own sentence."""
    sent = pronoun.sent
    if not _fronted(pronoun) or sent.start == 0:
        return None
    before = pronoun.doc[sent.start - 1].sent
    subject = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    if subject is None or subject.tag_ not in _PLURAL_TAGS:
        return None
    return subject


def _fronted(pronoun: Token) -> bool:
    """A pronoun opening its sentence ("He said", "But she also added"), not after a quotation."""
    for token in pronoun.sent:
        if token.i == pronoun.i:
            return pronoun.head.i > pronoun.i
        if not (token.is_space or token.pos_ in ("CCONJ", "ADV") or token.text in (",", "-", "—")):
            return False
    return False


def _apposed_person(found: DocActors, head: Token) -> ActorRef | None:
    """The named person apposed to a speaker phrase's head ("its chair, Maria Lopez"), if any."""
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i:
            refs = found.refs_for_span(child.idx, child.idx + len(child))
            person = next((r for r in refs if r.kind == "person"), None)
            if person is not None and child.ent_type_ == "PERSON":
                return person
    return None


class _People:
    """The article's people with the roles the text or gazetteer gives them, and where they are named."""

    def __init__(self, found: DocActors) -> None:
        self.found = found
        self.last: tuple[ActorRef, int] | None = None  # the person quoted last, with the sentence index

    def by_title(self, head: Token, before: int) -> ActorRef | None:
        """The person named before char ``before`` whose role has this title ("attorney general")."""
        words = [t.text for t in head.lefts if t.dep_ in ("compound", "amod") and t.pos_ != "DET"] + [
            head.text
        ]
        title = canonical_title(words)
        best: tuple[int, ActorRef] | None = None
        for m in self.found.mentions:
            if m.start >= before or not m.actor_id:
                continue
            actor = self.found.actors[m.actor_id]
            if actor.kind != "person" or not any(_same_title(r.title, title) for r in actor.roles):
                continue
            ref = self.found.ref(m)
            if ref is not None and (best is None or m.start > best[0]):
                best = (m.start, ref)
        return best[1] if best else None


def _same_title(role: str, title: str) -> bool:
    """ "attorney general" matches "attorney general" and "u.s. attorney general"; "general" alone does not."""
    role = role.lower()
    return role == title or (" " in title and role.endswith(" " + title))


def resolve_speaker(found: DocActors, people: _People, start: int, end: int, sentence: int) -> Resolved:
    """Resolve the speaker phrase at ``[start, end)`` of sentence index ``sentence``."""
    text = doc_text(found.doc)[start:end]
    span = _head(found, start, end)
    if span is None:
        return Resolved(None, "name")
    head = span.root
    lower = head.lower_
    refs = found.refs_for_span(start, end)
    if lower in _PERSONAL and len(span) <= 2:
        gender = _PERSONAL[lower]
        last = people.last
        antecedent = next((r for r in refs if r.kind == "person"), None) if gender else None
        if antecedent is not None and _fronted(head):
            # "Dr. Howard made a nod to the critics. He also said …": a sentence opened by the
            # pronoun goes on about the subject before it, whoever was quoted last
            agree = last is not None and last[0].actor_id == antecedent.actor_id
            return Resolved(antecedent, "last_speaker" if agree else "coref")
        if last is not None and sentence - last[1] <= 3 and gender:
            known = found.genders.get(last[0].actor_id)
            if not known or known == gender:
                return Resolved(last[0], "last_speaker")
        if gender:
            return Resolved(next((r for r in refs if r.kind == "person"), None), "coref")
        if lower == "they":  # several speak: never one person
            refs = [r for r in refs if r.kind != "person"]
        if refs or lower != "they":
            return Resolved(refs[0] if refs else None, "coref")  # "they said", "we said": whoever they are
        group = _plural_subject_before(head)
        if group is None:
            return Resolved(None, "coref")
        # "Lib Dem strategists are jubilant. They argue that …": the plural subject before it
        start, end = speaker_extent(group)
        found_group = resolve_speaker(found, people, start, end, sentence)
        return Resolved(found_group.ref, "coref")
    first = span[0].lower_
    named_at_head = bool(found.token_mentions.get(head.i)) and bool(refs)
    if head.dep_ == "appos" and not named_at_head:
        # "Steve Bannon, a financial executive and publisher who has vowed …": the name it describes
        person = next(
            (
                r
                for r in found.refs_for_span(head.head.idx, head.head.idx + len(head.head))
                if r.kind == "person"
            ),
            None,
        )
        if person is not None and head.head.ent_type_ == "PERSON":
            return Resolved(person, "name")
    apposed = None if named_at_head else _apposed_person(found, head)
    if apposed is not None:  # "the vice president's spokeswoman, Kendra Barkoff"
        return Resolved(apposed, "name")
    if any(child.dep_ == "conj" for child in head.children):
        # "Prince Charles and Camilla Parker Bowles", "Edwards and other experts": several speak,
        # none of them alone
        return Resolved(_described(text, _country(refs), plural=True), "described")
    if is_role_noun(head) and head.pos_ == "NOUN":
        # "his lawyer" is not the "his": only a mention at the head names the speaker
        if first not in _INDEFINITE and first not in _POSSESSIVES:
            at_head = next((r for r in refs if r.kind == "person"), None) if named_at_head else None
            named = at_head or people.by_title(head, start)
            if named is not None:
                return Resolved(named, "title")
        return Resolved(_described(text, _country(refs), plural=head.tag_ in _PLURAL_TAGS), "described")
    if named_at_head and head.tag_ in _PLURAL_TAGS and (first in _INDEFINITE or span[0].like_num):
        # "two Republicans", "many Conservatives": some members, not the party
        return Resolved(_described(text, _country(refs), plural=True), "described")
    if named_at_head and refs[0].kind == "country" and (head.pos_ != "PROPN" or head.ent_type_ == "NORP"):
        # "a senior administration official in Washington", "the Saudis": described, never the country
        return Resolved(_described(text, refs[0].country, plural=head.tag_ in _PLURAL_TAGS), "described")
    if named_at_head:
        return Resolved(refs[0], "name")
    return Resolved(
        _described(text, _country(refs), plural=head.tag_ in _PLURAL_TAGS) or (refs[0] if refs else None),
        "described",
    )


def _country(refs: Sequence[ActorRef]) -> str | None:
    return next((r.country for r in refs if r.kind == "country"), None)


def article_quotes(
    doc_id: str, found: DocActors, sentences: Sequence[Sentence], version: str = "v2"
) -> list[Quote]:
    """Quotes of the article (found by quote finder ``version``): every direct quote, and
    reported speech with a speaker who can speak."""
    out: list[Quote] = []
    people = _People(found)
    for pieces in statements(found.doc, find_quotes(found.doc, version)):
        span = pieces[0]
        has_speaker = span.speaker_start is not None and span.speaker_end is not None
        if not span.direct and not (
            has_speaker and _human(found, span.speaker_start or 0, span.speaker_end or 0)
        ):
            continue
        vetted = vet(found.doc, pieces)
        if vetted is None:
            continue
        quote = _quote(doc_id, vetted, found, sentences, people)
        if quote is None:
            continue
        speaker = quote.speaker
        if speaker is not None and speaker.kind == "person" and not speaker.actor_id.startswith("source/"):
            people.last = (speaker, quote.evidence.sentence_idx)
        out.append(quote)
    return out


def _quote(
    doc_id: str, pieces: Sequence[QuoteSpan], found: DocActors, sentences: Sequence[Sentence], people: _People
) -> Quote | None:
    text = doc_text(found.doc)
    span, last = pieces[0], pieces[-1]
    content = statement_text(found.doc, pieces)
    if not content:
        return None
    lo = min(span.content_start, span.speaker_start if span.speaker_start is not None else span.content_start)
    hi = max(last.content_end, span.speaker_end if span.speaker_end is not None else last.content_end)
    covering = [s for s in sentences if s.end > lo and s.start < hi]
    if not covering:
        return None
    speaker: ActorRef | None = None
    speaker_text: str | None = None
    confidence: float | None = None
    if span.speaker_start is not None and span.speaker_end is not None:
        speaker_text = text[span.speaker_start : span.speaker_end]
        at = next((s.idx for s in sentences if s.start <= span.speaker_start < s.end), covering[0].idx)
        resolved = resolve_speaker(found, people, span.speaker_start, span.speaker_end, at)
        # the reference keeps the words of this quote ("the attorney general"), the actor its name
        speaker = replace(resolved.ref, text=speaker_text) if resolved.ref is not None else None
        if speaker is not None:
            confidence = round((span.speaker_confidence or 0.0) * RESOLUTION[resolved.how], 3)
    cue = (
        text[span.cue_start : span.cue_end]
        if span.cue_start is not None and span.cue_end is not None
        else None
    )
    start, end = covering[0].start, covering[-1].end
    evidence = Evidence(doc_id, start, end, text[start:end], covering[0].idx, EXTRACTOR)
    quote_id = fact_id(doc_id, span.content_start, span.content_end)
    return Quote(quote_id, speaker, content, cue, span.direct, evidence, speaker_text, confidence)

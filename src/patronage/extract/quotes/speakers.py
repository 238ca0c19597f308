"""Quote records: a speaker resolved through the article's actors, or kept as a described source.

Every direct quote is kept; reported speech only when its speaker phrase names someone who
can speak. An anonymous speaker ("a senior administration official") stays a described
source, never a country; a "he said" right after another person's quote continues that
speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from patronage.extract.ids import EXTRACTOR, fact_id
from patronage.extract.quotes.spans import QuoteSpan, find_quotes
from patronage.model.records import ActorRef, Evidence, Quote, Sentence
from patronage.nlp.sentences import doc_text
from patronage.resolve.docactors import DocActors
from patronage.resolve.titles import is_role_noun

__all__ = ["article_quotes"]

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "him", "her", "them", "this", "that"}


def _names_head(found: DocActors, start: int, end: int) -> bool:
    """True when a mention covers the head word of the phrase (it names the speaker, not a modifier)."""
    span = found.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and bool(found.token_mentions.get(span.root.i))


def _described_source(text: str) -> ActorRef | None:
    """An anonymous, described speaker kept as such: "a senior administration official", "one analyst"."""
    words = text.split()
    if not words or len(words) > 12 or text.strip().lower() in _PRONOUNS:
        return None
    plural = words[-1].lower().endswith("s") and not words[-1].lower().endswith("ss")
    return ActorRef(
        f"source/{fact_id(text.lower())}", text.strip(), "group" if plural else "person", None, None, text
    )


_HUMAN_HEADS = {
    "source",
    "sources",
    "people",
    "person",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "observer",
    "observers",
    "critic",
    "critics",
    "supporter",
    "supporters",
    "voter",
    "voters",
    "colleague",
    "colleagues",
    "friend",
    "friends",
    "insider",
    "insiders",
    "statement",
    "report",
    "newspaper",
    "agency",
    "ministry",
    "government",
    "administration",
    "committee",
    "office",
    "campaign",
}


def _human(found: DocActors, start: int, end: int) -> bool:
    """True when a speaker phrase names someone who can speak: a named actor, a person noun, a role."""
    span = found.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or head.lower_ in ("he", "she", "they", "we", "i"):
        return True
    return head.lower_ in _HUMAN_HEADS or head.lemma_.lower() in _HUMAN_HEADS or is_role_noun(head)


def article_quotes(doc_id: str, found: DocActors, sentences: Sequence[Sentence]) -> list[Quote]:
    """Quotes of the article: every direct quote, and reported speech with a speaker who can speak.

    A "he said" right after another person's quote continues that speaker ("…,” Mr. X added.
    The issue, he said, …").
    """
    out: list[Quote] = []
    last: tuple[ActorRef, int] | None = None
    for span in find_quotes(found.doc):
        has_speaker = span.speaker_start is not None and span.speaker_end is not None
        if not span.direct and not (
            has_speaker and _human(found, span.speaker_start or 0, span.speaker_end or 0)
        ):
            continue
        quote = _quote(doc_id, span, found, sentences)
        if quote is None:
            continue
        speaker_text = (quote.speaker_text or "").strip().lower()
        if speaker_text in ("he", "she") and last is not None and quote.evidence.sentence_idx - last[1] <= 2:
            quote = Quote(
                quote.quote_id,
                last[0],
                quote.text,
                quote.cue,
                quote.direct,
                quote.evidence,
                quote.speaker_text,
            )
        if (
            quote.speaker is not None
            and quote.speaker.kind == "person"
            and not quote.speaker.actor_id.startswith("source/")
        ):
            last = (quote.speaker, quote.evidence.sentence_idx)
        out.append(quote)
    return out


def _quote(doc_id: str, span: QuoteSpan, found: DocActors, sentences: Sequence[Sentence]) -> Quote | None:
    text = doc_text(found.doc)
    content = text[span.content_start : span.content_end].strip()
    if not content:
        return None
    speaker: ActorRef | None = None
    speaker_text: str | None = None
    if span.speaker_start is not None and span.speaker_end is not None:
        speaker_text = text[span.speaker_start : span.speaker_end]
        refs = found.refs_for_span(span.speaker_start, span.speaker_end)
        speaker = refs[0] if refs else None
        if speaker is None or not _names_head(found, span.speaker_start, span.speaker_end):
            # "one Belarusian political analyst": a described source, from the country it names
            described = _described_source(speaker_text)
            if described is not None and speaker is not None and speaker.kind == "country":
                described = ActorRef(
                    described.actor_id, described.name, described.kind, speaker.country, None, described.text
                )
            speaker = described or speaker
    cue = (
        text[span.cue_start : span.cue_end]
        if span.cue_start is not None and span.cue_end is not None
        else None
    )
    lo = min(span.content_start, span.speaker_start if span.speaker_start is not None else span.content_start)
    hi = max(span.content_end, span.speaker_end if span.speaker_end is not None else span.content_end)
    covering = [s for s in sentences if s.end > lo and s.start < hi]
    if not covering:
        return None
    start, end = covering[0].start, covering[-1].end
    evidence = Evidence(doc_id, start, end, text[start:end], covering[0].idx, EXTRACTOR)
    quote_id = fact_id(doc_id, span.content_start, span.content_end)
    return Quote(quote_id, speaker, content, cue, span.direct, evidence, speaker_text)

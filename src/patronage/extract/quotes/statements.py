"""Quote pieces made statements: the pieces one attribution cuts, joined; what is no statement, left out.

The quote finder (``spans.py``) returns pieces, as PolNeAR scores them. A quote record is a
statement:

- the pieces of one sentence that share a cue and a speaker, cut by that attribution inside one
  clause, are one statement ("The deal, he said, was never on the table" → "The deal was never on
  the table"; quotation pieces are joined with an ellipsis);
- reported speech states something: a clause or quoted words of three words or more, never a
  thing ("has said many controversial things"), nor what follows a verb of seeming, perceiving,
  showing or wanting ("appear divided", "polls show", "want to repeal the law"), nor a
  description ("a senator known for his politeness"), nor the article's own voice ("we reported");
  a quotation such a verb claimed keeps no speaker;
- a reported piece holding its own speaker is narration around the quote;
- a reported piece ends on a word of its own ("… a tax, even though" → "… a tax") and closes the
  quotation it opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from patronage.extract.quotes.cues import SPEECH_LEMMAS
from patronage.extract.quotes.finder import QuoteSpan
from patronage.nlp.sentences import doc_text

__all__ = ["statement_text", "statements", "vet"]

_MARKS = ('"', "“", "”", "«", "»")
#: verbs of seeming, perceiving, showing and wanting: what follows them is no one's statement
#: ("They have seen their pensions cut", "Experts appear divided", "Republicans want to repeal it")
_NOT_SPEECH = frozenset(
    "see seem appear sound look watch show want plan intend aim wish seek try attempt refuse decline need "
    "vote decide prefer".split()
)
#: words a reported piece does not end with, and the punctuation it may end with
_PROMISES = frozenset({"promise", "predict", "vow", "pledge"})
_LOOSE_ENDS = frozenset({"CCONJ", "SCONJ", "ADP", "DET"})
_ENDS = frozenset({".", "?", "!", "”", '"', ")"})


def statements(doc: Doc, spans: Sequence[QuoteSpan]) -> list[list[QuoteSpan]]:
    """The quote pieces of a document grouped into statements, narration left out (see the module)."""
    kept = [
        q
        for q in spans
        if q.direct or q.speaker_start is None or not q.content_start <= q.speaker_start < q.content_end
    ]
    return _statements(doc, kept)


def vet(doc: Doc, pieces: Sequence[QuoteSpan]) -> list[QuoteSpan] | None:
    """The pieces of a statement as a quote keeps them, or ``None`` when they are no statement."""
    span = pieces[0]
    cue = _cue_word(doc, span)
    if not span.direct:
        if cue is not None and cue.tag_ == "VBN" and cue.dep_ in ("acl", "amod"):
            return None  # "a senator known for his politeness": a description, not a report
        if _narrator(doc, span):
            return None  # "we reported on a gathering …": the article's own voice
        if cue is not None and cue.lemma_.lower() in _NOT_SPEECH:
            return None
        return list(pieces) if _says_something(doc, pieces, cue) else None
    if cue is not None and cue.lemma_.lower() in _NOT_SPEECH:
        # "They've seen their pensions cut. “…”": the quotation is someone's, not the seer's
        return [
            replace(
                p,
                cue_start=None,
                cue_end=None,
                speaker_start=None,
                speaker_end=None,
                speaker_confidence=None,
                speaker_how=None,
            )
            for p in pieces
        ]
    return list(pieces)


def statement_text(doc: Doc, pieces: Sequence[QuoteSpan]) -> str:
    """The words of a statement: its pieces, tidied, joined (by an ellipsis in a quotation)."""
    text = doc_text(doc)
    joint = " … " if pieces[0].direct else " "
    bounds = [
        _balanced(text, *((p.content_start, p.content_end) if p.direct else _tidy(doc, p))) for p in pieces
    ]
    return joint.join(t for start, end in bounds if (t := text[start:end].strip()))


def _statements(doc: Doc, spans: Sequence[QuoteSpan]) -> list[list[QuoteSpan]]:
    """Quote pieces grouped into statements: the pieces of one sentence that share a cue and a
    speaker, cut by that attribution ("The deal, he said, was never on the table"), are one
    statement; pieces cut by other words (what another cue took) stay apart."""
    groups: dict[tuple[object, ...], list[QuoteSpan]] = {}
    out: list[list[QuoteSpan]] = []
    for span in spans:
        if span.cue_start is None:
            out.append([span])
            continue
        token = doc.char_span(span.content_start, span.content_end, alignment_mode="expand")
        sent = token.sent.start if token is not None else span.content_start
        key = (span.cue_start, span.speaker_start, span.speaker_end, span.direct, sent)
        last = groups[key][-1] if key in groups else None
        if (
            last is not None
            and any(
                at is not None and last.content_end <= at < span.content_start
                for at in (span.cue_start, span.speaker_start)
            )
            and (span.direct or _one_clause(doc, last, span))
        ):
            groups[key].append(span)
        else:
            groups[key] = [span]
            out.append(groups[key])
    return out


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """A piece that opens a quotation inside it closes it too ('for the "forgotten majority"')."""
    piece = text[start:end]
    opened = piece.count("“") > piece.count("”") or piece.count('"') % 2 == 1
    if opened:
        for skip in (0, 1):  # '… very quickly.”': the stop inside the quotation comes with it
            if text[end : end + skip] in ("", ".", "!", "?") and text[end + skip : end + skip + 1] in (
                "”",
                '"',
            ):
                return start, end + skip + 1
    return start, end


def _one_clause(doc: Doc, first: QuoteSpan, second: QuoteSpan) -> bool:
    """Two reported pieces are one clause when one hangs on a word of the other ("The deal | was
    never on the table"), not only through the cue between them."""
    a = doc.char_span(first.content_start, first.content_end, alignment_mode="expand")
    b = doc.char_span(second.content_start, second.content_end, alignment_mode="expand")
    if a is None or b is None:
        return False
    return b.start <= a.root.head.i < b.end or a.start <= b.root.head.i < a.end


def _tidy(doc: Doc, piece: QuoteSpan) -> tuple[int, int]:
    """A reported piece without the joining words left at its end ("… was actually a tax, even though")."""
    span = doc.char_span(piece.content_start, piece.content_end, alignment_mode="expand")
    if span is None:
        return piece.content_start, piece.content_end
    end = span.end
    last = doc[end - 1]
    if end - 3 > span.start and last.pos_ == "VERB" and last.lemma_.lower() in SPEECH_LEMMAS | _PROMISES:
        end -= 1  # "… won't hide from the charges, and promised": the next report, cut off
    while end - 1 > span.start and (
        doc[end - 1].pos_ in _LOOSE_ENDS
        or (doc[end - 1].is_punct and doc[end - 1].text not in _ENDS)
        or (end < span.end and doc[end - 1].lower_ == "even")  # "even though"
    ):
        end -= 1
    last = doc[end - 1]
    return piece.content_start, min(piece.content_end, last.idx + len(last.text))


def _narrator(doc: Doc, span: QuoteSpan) -> bool:
    """The speaker is the article's writer: "I" or "we" outside quotation marks."""
    if span.speaker_start is None or span.speaker_end is None:
        return False
    return doc_text(doc)[span.speaker_start : span.speaker_end].lower() in ("i", "we")


def _cue_word(doc: Doc, span: QuoteSpan) -> Token | None:
    if span.cue_start is None or span.cue_end is None:
        return None
    cue = doc.char_span(span.cue_start, span.cue_end, alignment_mode="expand")
    return cue.root if cue is not None else None


def _says_something(doc: Doc, pieces: Sequence[QuoteSpan], cue: Token | None) -> bool:
    """Reported speech states something: a clause ("that the talks failed", "to resign") or words
    it quotes ("accused them of “squabbling like schoolboys”"), of three words or more; not a thing
    ("many controversial things", "it", "her dissatisfaction")."""
    words = 0
    clause = cue is not None and cue.text == ":"  # a headline: "Obama campaign: DNC to focus on …"
    text = doc_text(doc)
    for piece in pieces:
        span = doc.char_span(piece.content_start, piece.content_end, alignment_mode="expand")
        if span is None:
            continue
        around = text[max(0, piece.content_start - 1) : piece.content_end + 1]
        clause = clause or any(mark in around for mark in _MARKS)
        words += sum(1 for t in span if not (t.is_punct or t.is_space))
        for t in span:
            if (t.head.i == t.i or not span.start <= t.head.i < span.end) and t.pos_ in ("VERB", "AUX"):
                clause = True
    return clause and words >= 3

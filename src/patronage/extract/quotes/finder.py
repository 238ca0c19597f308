"""The state of quote finding in one document, and the quotations no cue claimed.

:class:`Finder` holds the quotation regions, the sentence of each token and the
quotes found so far. The cue passes (the trained model in ``spans``, the rules in
``rules``) claim regions and record who spoke; :meth:`Finder.run_leftovers` then
attributes each quotation left over to a colon-introduced speaker, a cue in the
same or next sentence, a named person right after the closing mark, the other
pieces of its multi-paragraph quote, or the speaker of the previous sentence (a quote
continuing over sentences and paragraphs keeps its speaker and its cue); else it
stays unattributed.

Each way of finding a speaker carries a confidence: how often it was right on
PolNeAR dev (``SPEAKER_CONFIDENCE``); the model's own source probability replaces it
for sources the model picks.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from patronage.extract.quotes.cues import SPEECH_LEMMAS, speaker_extent
from patronage.extract.quotes.marks import QuoteRegion, quote_regions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["SPEAKER_CONFIDENCE", "Char", "Finder", "QuoteSpan", "Who", "trimmed"]

Char = tuple[int, int]

#: share of speakers found each way that overlapped the gold Source on PolNeAR dev, both versions
#: pooled where both use the rule (``scripts/speaker_confidence.py``); the model's own sources carry
#: their probability instead (0.97 of them right on dev)
SPEAKER_CONFIDENCE = {
    "subject": 0.94,  # the cue's grammatical subject, in the rules (v1)
    "fallback_subject": 0.69,  # the same when the model found a cue but no source (v2)
    "according": 0.97,  # "according to X"
    "headline": 0.78,  # "Trump: ..."
    "colon": 0.8,  # "He listed them:" then a quoted paragraph (no case on dev: the rules' usual level)
    "next_cue": 0.69,  # “…” he said / “…” — in the next sentence
    "fragment": 0.52,  # “…,” Jane Doe, the director of …
    "continued": 0.83,  # the previous sentence's speaker goes on (at most this sure)
}
_TITLES = frozenset(
    {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sen.", "rep.", "gov.", "gen.", "president"}
)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quote: content, cue and speaker as character offsets into ``doc.text``.

    The content excludes the quotation marks (and a comma before the cue); cue and
    speaker are ``None`` when not found. ``direct`` is True for quoted text.
    ``speaker_confidence`` is how likely the speaker span is right (``None`` without one).
    """

    content_start: int
    content_end: int
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    direct: bool
    speaker_confidence: float | None = None
    speaker_how: str | None = None
    """Which way the speaker was found: ``model`` or a ``SPEAKER_CONFIDENCE`` key."""


@dataclass(frozen=True, slots=True)
class Who:
    """Who said it: the speaker and cue spans, how likely the speaker is right, and how it was found."""

    speaker: Char | None
    cue: Char | None
    confidence: float = 0.0
    how: str | None = None

    @classmethod
    def rule(cls, speaker: Char | None, cue: Char | None, how: str) -> Who:
        """A speaker found by the rule ``how``, with that rule's measured confidence."""
        return cls(speaker, cue, SPEAKER_CONFIDENCE[how], how)


def trimmed(doc: Doc, start: int, end: int, *, punct: bool) -> Char | None:
    """Character span of tokens ``start..end`` without edge spaces (and edge punctuation if asked)."""
    end -= 1
    while start <= end and (doc[start].is_space or (punct and doc[start].is_punct)):
        start += 1
    while end >= start and (doc[end].is_space or (punct and doc[end].is_punct)):
        end -= 1
    if end < start:
        return None
    return doc[start].idx, doc[end].idx + len(doc[end])


def _dash(text: str) -> bool:
    return bool(text) and not text.strip('―—–-”“"')


class Finder:
    """State for one document: regions, sentence index per token, claims and results."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.regions = quote_regions(doc)
        self.sents = list(doc.sents)
        self.sent_of = [0] * len(doc)
        for n, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self.region_of = [-1] * len(doc)
        self.sent_regions: dict[int, list[int]] = {}
        for k, region in enumerate(self.regions):
            for i in range(region.start, region.end):
                self.region_of[i] = k
            for n in sorted({self.sent_of[i] for i in range(region.start, region.end)}):
                self.sent_regions.setdefault(n, []).append(k)
        self.claimed: dict[int, Who] = {}  # region index -> attribution
        self.dangling: dict[int, list[tuple[Token, Who]]] = {}  # sentence -> cues with no content
        self.sent_starts = [sent[0].idx for sent in self.sents]
        self.emitted: set[tuple[int, Char | None]] = set()  # (region, cue) pairs already recorded
        self.sent_who: dict[int, Who] = {}  # sentence -> last attribution with a speaker
        self.out: list[QuoteSpan] = []

    def emit(self, content: Char, who: Who, *, direct: bool, sent: int) -> None:
        """Record one quote piece said by ``who``."""
        speaker = who.speaker or (None, None)
        cue = who.cue or (None, None)
        confidence, how = (who.confidence, who.how) if who.speaker is not None else (None, None)
        self.out.append(
            QuoteSpan(content[0], content[1], cue[0], cue[1], speaker[0], speaker[1], direct, confidence, how)
        )
        if who.speaker is not None:
            # every sentence the quote or its attribution touches ("“A? B,” she said. “C.”": C continues)
            last = max(
                sent, self._sent_at(content[1] - 1), self._sent_at(cue[0]) if cue[0] is not None else 0
            )
            for n in range(sent, last + 1):
                self.sent_who[n] = who

    def _sent_at(self, char: int) -> int:
        """The sentence holding character ``char``."""
        return bisect_right(self.sent_starts, char) - 1

    def emit_region(self, k: int, who: Who) -> None:
        """Record quotation region ``k`` as a direct quote said by ``who``."""
        region = self.regions[k]
        end = region.end
        while end > region.start + 1 and (
            self.doc[end - 1].text in {",", ":", ";"} or self.doc[end - 1].is_space
        ):
            end -= 1  # the comma before "he said" belongs to the attribution, not the quote
        span = trimmed(self.doc, region.start, end, punct=False)
        self.claimed[k] = who
        if (k, who.cue) in self.emitted:
            return  # a quotation spanning sentences comes once per cue
        self.emitted.add((k, who.cue))
        if span is not None:
            self.emit(span, who, direct=True, sent=self.sent_of[region.start])

    def open_regions(self, n: int) -> list[int]:
        """Quotation regions of sentence ``n`` no attribution has claimed yet."""
        return [k for k in self.sent_regions.get(n, ()) if k not in self.claimed]

    def speaker(self, head: Token, how: str) -> Who:
        """A cue-less attribution to the phrase headed by ``head`` (found the ``how`` way)."""
        return Who.rule(speaker_extent(head, self.sents[self.sent_of[head.i]]), None, how)

    # -- quotations no cue claimed ----------------------------------------------------------
    def run_leftovers(self) -> None:
        """Attribute every quotation-like region no cue claimed."""
        covered = sorted((q.content_start, q.content_end) for q in self.out)
        for k, region in enumerate(self.regions):
            if k in self.claimed or not self.quote_like(region, covered):
                continue
            who = self.colon_who(region) or self.next_cue(region) or self.fragment_speaker(region)
            who = who or self.group_who(k)
            # (the subject of the next sentence was right for none of 25 such quotes on dev: not used)
            who = who or self.previous_who(region)
            self.emit_region(k, who or Who(None, None))

    def quote_like(self, region: QuoteRegion, covered: list[Char]) -> bool:
        """A region of three words opening its sentence, or of eight anywhere, outside found quotes."""
        doc = self.doc
        start = doc[region.start].idx
        if any(s <= start < e for s, e in covered):
            return False
        words = sum(1 for i in range(region.start, region.end) if not doc[i].is_punct and not doc[i].is_space)
        sent = self.sents[self.sent_of[region.start]]
        opens_sentence = region.start - 1 <= sent.start or not region.closed
        return words >= 3 and (opens_sentence or words >= 8)

    def fragment_speaker(self, region: QuoteRegion) -> Who | None:
        """“…,” Jane Doe, the director of … — a named person right after the closing mark."""
        doc = self.doc
        i = region.end
        while (
            i < len(doc) and i < region.end + 3 and (doc[i].is_punct or doc[i].is_space or _dash(doc[i].text))
        ):
            i += 1  # “…” ― Jane Doe: the dash may be tagged a verb
        if i >= len(doc) or any("\n" in t.text_with_ws for t in doc[region.end - 1 : i]):
            return None  # a name opening the next paragraph does not say the quote before it
        first = i
        if doc[i].lower_ in _TITLES and i + 1 < len(doc):
            i += 1
        if doc[i].ent_type_ != "PERSON" or doc[i].ent_iob_ != "B":
            return None
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        span = (doc[first].idx, doc[end - 1].idx + len(doc[end - 1]))
        return Who.rule(span, None, "fragment")

    def colon_who(self, region: QuoteRegion) -> Who | None:
        """ "He then listed them:" followed by a quoted paragraph."""
        n = self.sent_of[region.start] - 1
        if n < 0 or self.sents[n][-1].text != ":" and self.doc[self.sents[n].end - 1].text.strip() != ":":
            return None
        for _, who in self.dangling.get(n, ()):
            return who
        subject = next((c for c in self.sents[n].root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return None if subject is None else self.speaker(subject, "colon")

    def next_cue(self, region: QuoteRegion) -> Who | None:
        """A cue with no content of its own after the quotation, in its sentence or the next (in
        the same paragraph: a cue opening the next paragraph introduces what follows it)."""
        n = self.sent_of[region.end - 1]
        for m in (n, n + 1):
            for token, who in self.dangling.get(m, ()):
                if token.i >= region.end and "\n" not in self.doc[region.end : token.i].text:
                    return replace(
                        who, confidence=min(who.confidence, SPEAKER_CONFIDENCE["next_cue"]), how="next_cue"
                    )
        return None

    def group_who(self, k: int) -> Who | None:
        """Whoever said another piece of the same multi-paragraph quotation."""
        group = self.regions[k].group
        for j, other in enumerate(self.regions):
            if j != k and other.group == group and j in self.claimed:
                return self.claimed[j]
        return None

    def previous_who(self, region: QuoteRegion) -> Who | None:
        """The speaker of the previous sentence (or of this one) goes on, with the same cue."""
        n = self.sent_of[region.start]
        who = self.sent_who.get(n - 1) or self.sent_who.get(n)
        if who is None and n >= 2 and "\n" not in self.doc[self.sents[n - 2].end : self.sents[n].start].text:
            # “…,” Obama said. He did not suggest retaliation. “…”: one aside in the paragraph
            who = self.sent_who.get(n - 2)
            cue = self.doc.char_span(*who.cue) if who is not None and who.cue is not None else None
            if cue is None or cue.root.lemma_.lower() not in SPEECH_LEMMAS:
                who = None
        if who is None:
            return None
        return replace(who, confidence=min(who.confidence, SPEAKER_CONFIDENCE["continued"]), how="continued")

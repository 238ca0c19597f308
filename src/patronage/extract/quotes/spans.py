"""Direct and indirect quotes with their cue and speaker spans, from the spaCy parse.

Two passes over the document: cue words (reporting verbs learned from PolNeAR
train, "according to") claim their content (a quotation-mark region or the
clausal complement) and subject; then quotation regions left over are attributed
to a named person right after the quote, a cue in the next sentence, the speaker
of the previous quote, or the subject of the next sentence. The lead resolves
speaker spans to actors; this module only finds spans.

A content interrupted by its cue ("“…,” he said, “…”", "The plan, he said,
will fail") comes back as several :class:`QuoteSpan` sharing the same cue and
speaker; a cue-less quote continuing the previous speaker shares that cue too.
A relative pronoun subject ("an official who said …") gives its antecedent as
the speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from patronage.extract.quotes.cues import SPEECH_LEMMAS, cue_arguments, cue_extent, speaker_extent, subject_of
from patronage.extract.quotes.marks import QuoteRegion, quote_regions

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["QuoteExtractor", "QuoteSpan", "find_quotes", "make_quote_extractor"]

_ARG_ORDER = ("ccomp", "xcomp", "dobj", "prep")
_PREDICATE_DEPS = frozenset({"dobj", "oprd", "prep", "xcomp", "ccomp", "dative", "attr", "acomp"})
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "ADP", "CCONJ", "PUNCT", "NUM"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_TITLES = frozenset(
    {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sen.", "rep.", "gov.", "gen.", "president"}
)
Char = tuple[int, int]


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quote: content, cue and speaker as character offsets into ``doc.text``.

    The content excludes the quotation marks (and a comma before the cue); cue
    and speaker are ``None`` when not found. ``direct`` is True for quoted text.
    """

    content_start: int
    content_end: int
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    direct: bool


@dataclass(slots=True)
class _Who:
    speaker: Char | None
    cue: Char | None


def _trimmed(doc: Doc, start: int, end: int, *, punct: bool) -> Char | None:
    """Character span of tokens ``start..end`` without edge spaces (and edge punctuation if asked)."""
    end -= 1
    while start <= end and (doc[start].is_space or (punct and doc[start].is_punct)):
        start += 1
    while end >= start and (doc[end].is_space or (punct and doc[end].is_punct)):
        end -= 1
    if end < start:
        return None
    return doc[start].idx, doc[end].idx + len(doc[end])


def _runs(doc: Doc, sent: Span, skip: set[int]) -> list[Char]:
    """Contiguous stretches of ``sent`` outside ``skip``, each with at least two words."""
    out: list[Char] = []
    run: list[int] = []
    for token in [*sent, None]:
        if token is not None and token.i not in skip:
            run.append(token.i)
            continue
        if sum(1 for i in run if not doc[i].is_punct and not doc[i].is_space) >= 2:
            span = _trimmed(doc, run[0], run[-1] + 1, punct=True)
            if span:
                out.append(span)
        run = []
    return out


class _Finder:
    """State for one document: regions, sentence index per token, results."""

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
        self.claimed: dict[int, _Who] = {}  # region index -> attribution
        self.dangling: dict[int, list[tuple[Token, _Who]]] = {}  # sentence -> cues with no content
        self.sent_who: dict[int, _Who] = {}  # sentence -> last attribution with a speaker
        self.out: list[QuoteSpan] = []

    # -- emitting ---------------------------------------------------------------------------
    def emit(self, content: Char, who: _Who, *, direct: bool, sent: int) -> None:
        speaker = who.speaker or (None, None)
        cue = who.cue or (None, None)
        self.out.append(QuoteSpan(content[0], content[1], cue[0], cue[1], speaker[0], speaker[1], direct))
        if who.speaker is not None:
            self.sent_who[sent] = who

    def emit_region(self, k: int, who: _Who) -> None:
        region = self.regions[k]
        end = region.end
        while end > region.start + 1 and (
            self.doc[end - 1].text in {",", ":", ";"} or self.doc[end - 1].is_space
        ):
            end -= 1  # the comma before "he said" belongs to the attribution, not the quote
        span = _trimmed(self.doc, region.start, end, punct=False)
        self.claimed[k] = who
        if span is not None:
            self.emit(span, who, direct=True, sent=self.sent_of[region.start])

    # -- pass 1: cues -------------------------------------------------------------------------
    def who_for(self, cue: Token, subject: Token | None) -> _Who:
        speaker = None
        if subject is not None and self.region_of[subject.i] < 0:
            speaker = speaker_extent(subject, self.sents[self.sent_of[cue.i]])
        return _Who(speaker, cue_extent(cue))

    def run_cues(self) -> None:
        for n, sent in enumerate(self.sents):
            self.headline_colon(n, sent)
            for token in sent:
                if self.region_of[token.i] >= 0 or token.pos_ not in {"VERB", "NOUN"}:
                    continue
                if token.lemma_ == "accord":
                    self.according(token, n, sent)
                    continue
                args = cue_arguments(token)
                if args and not self.modifier_or_markup(token):
                    self.cue(token, args, n, sent)

    def modifier_or_markup(self, token: Token) -> bool:
        """ "a group known as …" (participle modifier) or "<tweet" (markup left in the text)."""
        if token.tag_ == "VBN" and token.dep_ in {"acl", "amod"}:
            return True
        return token.i > 0 and self.doc[token.i - 1].text == "<"

    def open_regions(self, n: int) -> list[int]:
        return [k for k in self.sent_regions.get(n, ()) if k not in self.claimed]

    def cue(self, token: Token, args: frozenset[str], n: int, sent: Span) -> None:
        arg = None
        for dep in _ARG_ORDER:
            if dep in args:
                arg = next((c for c in token.children if c.dep_ == dep), None)
                if arg is not None:
                    if dep == "prep":
                        arg = next((c for c in arg.children if c.dep_ in {"pobj", "pcomp"}), None)
                    break
        speech = token.pos_ == "VERB" and token.lemma_ in SPEECH_LEMMAS
        if arg is None and not speech:
            return
        who = self.who_for(token, subject_of(token))
        regions = self.open_regions(n)
        if arg is not None:
            # direct when the complement is the quotation itself ("“…,” he said"); a complement
            # with its own unquoted words ("he said Trump is “unelectable”") is indirect speech
            unquoted = sum(
                1 for t in arg.subtree if self.region_of[t.i] < 0 and not (t.is_punct or t.is_space)
            )
            if regions and speech and unquoted <= 1:
                for k in regions:
                    self.emit_region(k, who)
                return
            right = arg.right_edge.i
            if arg.dep_ in {"dobj", "pobj", "pcomp"}:
                # "called him a liar", "accused Sanders of stealing": the predicate after the verb
                for child in token.rights:
                    if child.dep_ in _PREDICATE_DEPS and child.i > right:
                        right = child.right_edge.i
            else:
                right = self.before_next_report(arg, right)
            span = _trimmed(self.doc, arg.left_edge.i, right + 1, punct=True)
            if span is not None:
                for k in regions:
                    if (
                        self.regions[k].start >= arg.left_edge.i
                        and self.regions[k].end <= arg.right_edge.i + 1
                    ):
                        self.claimed[k] = who
                self.emit(span, who, direct=False, sent=n)
            return
        if token.dep_ in {"parataxis", "advcl"} and token.head.i != token.i:
            # "The Kremlin, he said, was frustrated": the rest of the sentence is the content
            self.emit_rest(sent, {t.i for t in token.subtree}, who, n)
            return
        if regions:
            for k in regions:
                self.emit_region(k, who)
            return
        self.dangling.setdefault(n, []).append((token, who))

    def before_next_report(self, arg: Token, right: int) -> int:
        """End a complement before a conjoined clause that reports someone else ("…, and 4 in 10 said …")."""
        doc = self.doc
        for token in arg.subtree:
            if token.dep_ != "conj" or token.i < arg.i or self.region_of[token.i] >= 0:
                continue
            if cue_arguments(token) and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
                right = min(right, token.left_edge.i - 1)
                while right > arg.i and (doc[right].pos_ == "CCONJ" or doc[right].is_punct):
                    right -= 1
                break
        return right

    def emit_rest(self, sent: Span, skip: set[int], who: _Who, n: int) -> None:
        """Emit the stretches of ``sent`` outside ``skip`` as content, direct when inside quotes."""
        for k in self.open_regions(n):
            self.claimed[k] = who
        for span in _runs(self.doc, sent, skip):
            token = self.doc.char_span(span[0], span[1], alignment_mode="expand")
            direct = token is not None and self.region_of[token.start] >= 0
            self.emit(span, who, direct=direct, sent=n)

    def headline_colon(self, n: int, sent: Span) -> None:
        """ "Trump: Cruz Has a Long Way to Go" — a short name phrase, a colon, then the content."""
        doc = self.doc
        colon = next((t for t in sent[:7] if t.text == ":"), None)
        if colon is None or colon.i == sent.start or self.region_of[colon.i] >= 0 or colon.i + 3 > sent.end:
            return
        before = doc[sent.start : colon.i]
        if not before[0].text[:1].isupper() or any(t.pos_ not in _NAME_POS for t in before):
            return
        speaker = _trimmed(doc, sent.start, colon.i, punct=True)
        if speaker is not None:
            who = _Who(speaker, (colon.idx, colon.idx + 1))
            self.emit_rest(sent, {t.i for t in doc[sent.start : colon.i + 1]}, who, n)

    def according(self, token: Token, n: int, sent: Span) -> None:
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is None:
            return
        who = _Who(speaker_extent(pobj, sent), cue_extent(token))
        regions = self.open_regions(n)
        if regions:
            for k in regions:
                self.emit_region(k, who)
            return
        self.emit_rest(sent, {t.i for t in token.subtree}, who, n)

    # -- pass 2: quotes with no cue in their sentence -----------------------------------------------
    def run_leftovers(self) -> None:
        covered = sorted((q.content_start, q.content_end) for q in self.out)
        for k, region in enumerate(self.regions):
            if k in self.claimed or not self.quote_like(region, covered):
                continue
            who = self.colon_who(region) or self.next_cue(region) or self.fragment_speaker(region)
            who = who or self.group_who(k)
            who = who or self.previous_who(region) or self.next_subject(region)
            self.emit_region(k, who or _Who(None, None))

    def quote_like(self, region: QuoteRegion, covered: list[Char]) -> bool:
        doc = self.doc
        start = doc[region.start].idx
        if any(s <= start < e for s, e in covered):
            return False
        words = sum(1 for i in range(region.start, region.end) if not doc[i].is_punct and not doc[i].is_space)
        sent = self.sents[self.sent_of[region.start]]
        opens_sentence = region.start - 1 <= sent.start or not region.closed
        return words >= 3 and (opens_sentence or words >= 8)

    def fragment_speaker(self, region: QuoteRegion) -> _Who | None:
        """“…,” Jane Doe, the director of … — a named person right after the closing mark."""
        doc = self.doc
        i = region.end
        while i < len(doc) and i < region.end + 3 and (doc[i].is_punct or doc[i].is_space):
            i += 1
        if i >= len(doc):
            return None
        first = i
        if doc[i].lower_ in _TITLES and i + 1 < len(doc):
            i += 1
        if doc[i].ent_type_ != "PERSON" or doc[i].ent_iob_ != "B":
            return None
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return _Who((doc[first].idx, doc[end - 1].idx + len(doc[end - 1])), None)

    def colon_who(self, region: QuoteRegion) -> _Who | None:
        """ "He then listed them:" followed by a quoted paragraph."""
        n = self.sent_of[region.start] - 1
        if n < 0 or self.sents[n][-1].text != ":" and self.doc[self.sents[n].end - 1].text.strip() != ":":
            return None
        for _, who in self.dangling.get(n, ()):
            return who
        subject = next((c for c in self.sents[n].root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return None
        return _Who(speaker_extent(subject, self.sents[n]), None)

    def next_cue(self, region: QuoteRegion) -> _Who | None:
        n = self.sent_of[region.end - 1]
        for m in (n, n + 1):
            for token, who in self.dangling.get(m, ()):
                if token.i >= region.end:
                    return who
        return None

    def group_who(self, k: int) -> _Who | None:
        group = self.regions[k].group
        for j, other in enumerate(self.regions):
            if j != k and other.group == group and j in self.claimed:
                return self.claimed[j]
        return None

    def previous_who(self, region: QuoteRegion) -> _Who | None:
        n = self.sent_of[region.start]
        return self.sent_who.get(n - 1) or self.sent_who.get(n)

    def next_subject(self, region: QuoteRegion) -> _Who | None:
        n = self.sent_of[region.end - 1] + 1
        if n >= len(self.sents):
            return None
        root = self.sents[n].root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        if subject.ent_type_ == "PERSON" or subject.lower_ in _PERSON_PRONOUNS:
            return _Who(speaker_extent(subject, self.sents[n]), None)
        return None


def find_quotes(doc: Doc) -> list[QuoteSpan]:
    """Return the direct and indirect quotes of a parsed ``doc``, in text order."""
    finder = _Finder(doc)
    finder.run_cues()
    finder.run_leftovers()
    return sorted(finder.out, key=lambda q: (q.content_start, q.content_end))


class QuoteExtractor:
    """spaCy component storing :func:`find_quotes` results in ``doc._.patronage_quotes``."""

    def __init__(self, nlp: Language, name: str = "patronage_quotes") -> None:
        self.name = name
        if not Doc.has_extension("patronage_quotes"):
            Doc.set_extension("patronage_quotes", default=None)

    def __call__(self, doc: Doc) -> Doc:
        """Find the quotes of ``doc`` and store them on it."""
        doc._.patronage_quotes = find_quotes(doc)
        return doc


@Language.factory(
    "patronage_quotes", requires=["token.dep", "token.lemma"], assigns=["doc._.patronage_quotes"]
)
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    """Build the ``patronage_quotes`` component (``patronage.quotes.v1``)."""
    return QuoteExtractor(nlp, name)

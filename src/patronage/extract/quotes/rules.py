"""The rule-based cue pass (``patronage.quotes.v1``): reporting words and their arguments.

Cue words (reporting verbs and nouns from the cue table learned on PolNeAR train,
"according to") claim their content (a quotation-mark region or the clausal
complement) and subject. A content interrupted by its cue ("“…,” he said, “…”",
"The plan, he said, will fail") comes back as several pieces sharing the same cue
and speaker. A relative pronoun subject ("an official who said …") gives its
antecedent as the speaker. The trained model replaces this pass in ``v2``; the
headline rule ("Trump: Cruz Has a Long Way to Go") stays in both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from patronage.extract.quotes.cues import SPEECH_LEMMAS, cue_arguments, cue_extent, speaker_extent, subject_of
from patronage.extract.quotes.finder import Char, Finder, Who, trimmed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["headline_colon", "run_rule_cues", "subject_who"]

_ARG_ORDER = ("ccomp", "xcomp", "dobj", "prep")
_PREDICATE_DEPS = frozenset({"dobj", "oprd", "prep", "xcomp", "ccomp", "dative", "attr", "acomp"})
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "ADP", "CCONJ", "PUNCT", "NUM"})


def _runs(doc: Doc, sent: Span, skip: set[int]) -> list[Char]:
    """Contiguous stretches of ``sent`` outside ``skip``, each with at least two words."""
    out: list[Char] = []
    run: list[int] = []
    for token in [*sent, None]:
        if token is not None and token.i not in skip:
            run.append(token.i)
            continue
        if sum(1 for i in run if not doc[i].is_punct and not doc[i].is_space) >= 2:
            span = trimmed(doc, run[0], run[-1] + 1, punct=True)
            if span:
                out.append(span)
        run = []
    return out


def subject_who(f: Finder, cue: Token, how: str = "subject") -> Who:
    """The cue's grammatical subject as the speaker (none inside quotation marks)."""
    subject = subject_of(cue)
    speaker = None
    if subject is not None and f.region_of[subject.i] < 0:
        speaker = speaker_extent(subject, f.sents[f.sent_of[cue.i]])
    return Who.rule(speaker, cue_extent(cue), how)


def run_rule_cues(f: Finder) -> None:
    """Claim content and speakers for every cue word of the cue table."""
    for n, sent in enumerate(f.sents):
        headline_colon(f, n, sent)
        for token in sent:
            if f.region_of[token.i] >= 0 or token.pos_ not in {"VERB", "NOUN"}:
                continue
            if token.lemma_ == "accord":
                _according(f, token, n, sent)
                continue
            args = cue_arguments(token)
            if args and not _modifier_or_markup(f, token):
                _cue(f, token, args, n, sent)


def _modifier_or_markup(f: Finder, token: Token) -> bool:
    """ "a group known as …" (participle modifier) or "<tweet" (markup left in the text)."""
    if token.tag_ == "VBN" and token.dep_ in {"acl", "amod"}:
        return True
    return token.i > 0 and f.doc[token.i - 1].text == "<"


def _cue(f: Finder, token: Token, args: frozenset[str], n: int, sent: Span) -> None:
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
    who = subject_who(f, token)
    regions = f.open_regions(n)
    if arg is not None:
        # direct when the complement is the quotation itself ("“…,” he said"); a complement
        # with its own unquoted words ("he said Trump is “unelectable”") is indirect speech
        unquoted = sum(1 for t in arg.subtree if f.region_of[t.i] < 0 and not (t.is_punct or t.is_space))
        if regions and speech and unquoted <= 1:
            for k in regions:
                f.emit_region(k, who)
            return
        right = arg.right_edge.i
        if arg.dep_ in {"dobj", "pobj", "pcomp"}:
            # "called him a liar", "accused Sanders of stealing": the predicate after the verb
            for child in token.rights:
                if child.dep_ in _PREDICATE_DEPS and child.i > right:
                    right = child.right_edge.i
        else:
            right = _before_next_report(f, arg, right)
        span = trimmed(f.doc, arg.left_edge.i, right + 1, punct=True)
        if span is not None:
            for k in regions:
                if f.regions[k].start >= arg.left_edge.i and f.regions[k].end <= arg.right_edge.i + 1:
                    f.claimed[k] = who
            f.emit(span, who, direct=False, sent=n)
        return
    if token.dep_ in {"parataxis", "advcl"} and token.head.i != token.i:
        # "The Kremlin, he said, was frustrated": the rest of the sentence is the content
        _emit_rest(f, sent, {t.i for t in token.subtree}, who, n)
        return
    if regions:
        for k in regions:
            f.emit_region(k, who)
        return
    f.dangling.setdefault(n, []).append((token, who))


def _before_next_report(f: Finder, arg: Token, right: int) -> int:
    """End a complement before a conjoined clause that reports someone else ("…, and 4 in 10 said …")."""
    doc = f.doc
    for token in arg.subtree:
        if token.dep_ != "conj" or token.i < arg.i or f.region_of[token.i] >= 0:
            continue
        if cue_arguments(token) and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            right = min(right, token.left_edge.i - 1)
            while right > arg.i and (doc[right].pos_ == "CCONJ" or doc[right].is_punct):
                right -= 1
            break
    return right


def _emit_rest(f: Finder, sent: Span, skip: set[int], who: Who, n: int) -> None:
    """Emit the stretches of ``sent`` outside ``skip`` as content, direct when inside quotes."""
    for k in f.open_regions(n):
        f.claimed[k] = who
    for span in _runs(f.doc, sent, skip):
        token = f.doc.char_span(span[0], span[1], alignment_mode="expand")
        direct = token is not None and f.region_of[token.start] >= 0
        f.emit(span, who, direct=direct, sent=n)


def headline_colon(f: Finder, n: int, sent: Span) -> bool:
    """ "Trump: Cruz Has a Long Way to Go" — a short name phrase, a colon, then the content."""
    doc = f.doc
    colon = next((t for t in sent[:7] if t.text == ":"), None)
    if colon is None or colon.i == sent.start or f.region_of[colon.i] >= 0 or colon.i + 3 > sent.end:
        return False
    before = doc[sent.start : colon.i]
    if not before[0].text[:1].isupper() or any(t.pos_ not in _NAME_POS for t in before):
        return False
    speaker = trimmed(doc, sent.start, colon.i, punct=True)
    if speaker is None:
        return False
    who = Who.rule(speaker, (colon.idx, colon.idx + 1), "headline")
    _emit_rest(f, sent, {t.i for t in doc[sent.start : colon.i + 1]}, who, n)
    return True


def _according(f: Finder, token: Token, n: int, sent: Span) -> None:
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None:
        return
    who = Who.rule(speaker_extent(pobj, sent), cue_extent(token), "according")
    regions = f.open_regions(n)
    if regions:
        for k in regions:
            f.emit_region(k, who)
        return
    _emit_rest(f, sent, {t.i for t in token.subtree}, who, n)

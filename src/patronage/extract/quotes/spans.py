"""Direct and indirect quotes with their cue and speaker spans, from the spaCy parse.

Two versions, named as config and provenance name them:

- ``patronage.quotes.v2`` (the default): the trained attribution model
  (``model.py``, ``patronage.attribution.v1``) finds cues, their content and source;
  a cue it finds with no source gets its grammatical subject;
- ``patronage.quotes.v1``: the reporting-word rules of ``rules.py``.

Both keep the headline rule ("Trump: …") and end with the same pass over quotations
no cue claimed (``Finder.run_leftovers``): a quote continuing over sentences and
paragraphs keeps the speaker and cue of the quote before it. The lead resolves
speaker spans to actors (``speakers.py``); this module only finds spans.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from patronage.errors import ConfigError
from patronage.extract.quotes.cues import SPEECH_LEMMAS, cue_extent, speaker_extent
from patronage.extract.quotes.features import DocView
from patronage.extract.quotes.finder import SPEAKER_CONFIDENCE, Finder, QuoteSpan, Who, trimmed
from patronage.extract.quotes.model import Attribution, AttributionModel, load_model
from patronage.extract.quotes.rules import headline_colon, run_rule_cues, subject_who

__all__ = ["VERSIONS", "QuoteExtractor", "QuoteSpan", "find_quotes", "make_quote_extractor"]

#: quote finder versions: the trained model (default) and the rules alone
VERSIONS = ("v2", "v1")


#: a source word in one of these relations stands for the phrase it belongs to ("his" of "his lawyer",
#: "the director" apposed to "Dmitri Trenin")
_PART_OF_PHRASE = frozenset({"poss", "compound", "amod", "det", "nummod", "nmod"})


def _source_root(doc: Doc, source: tuple[int, int] | None, cue: int) -> int | None:
    """The head word of a source run, climbing to the noun it modifies; none for a relative pronoun."""
    if source is None:
        return None
    start, end = source
    root = next(i for i in range(start, end) if not start <= doc[i].head.i < end or doc[i].head.i == i)
    token = doc[root]
    while token.head.i not in (token.i, cue) and (
        token.dep_ in _PART_OF_PHRASE or (token.dep_ == "appos" and token.head.pos_ == "PROPN")
    ):
        token = token.head
    if token.tag_ in ("WP", "WDT"):
        # "an official who said" (the grammar's subject will do), "Ms Dunwoody, who chairs the
        # committee, says": the pronoun's antecedent
        clause = token.head
        if clause.i != cue and clause.dep_ == "relcl" and clause.head.pos_ in ("PROPN", "NOUN"):
            return clause.head.i
        return None
    return token.i


def _model_pass(f: Finder, model: AttributionModel) -> None:
    """Claim content and speakers for the cues the model finds (headline sentences excepted)."""
    doc = f.doc
    headlines = {n for n, sent in enumerate(f.sents) if headline_colon(f, n, sent)}
    for a in model.predict(DocView(doc, f.regions)):
        n = f.sent_of[a.cue]
        if n in headlines:
            continue
        root = _source_root(doc, a.source, a.cue)
        if _asked(doc[a.cue]):
            # "He was asked if …", "Asked about the deal, Boehner repeated …": the one asked is no
            # speaker; whoever asked is, when named ("was told by officials")
            agent = next((g for c in doc[a.cue].children if c.dep_ == "agent" for g in c.children), None)
            speaker = speaker_extent(agent, f.sents[n]) if agent is not None else None
            who = Who(speaker, cue_extent(doc[a.cue]), SPEAKER_CONFIDENCE["subject"], "subject")
        elif root is not None:
            # the phrase headed by the source's root, without appositions and relative clauses
            speaker = speaker_extent(doc[root], f.sents[f.sent_of[root]])
            who = Who(speaker, cue_extent(doc[a.cue]), round(a.source_prob, 3), "model")
        else:  # no source, or a relative pronoun ("an official who said"): the grammar's subject
            who = subject_who(f, doc[a.cue], "fallback_subject")
            if who.speaker is None:
                left = _named_before(f, doc[a.cue])
                if left is not None:
                    speaker = speaker_extent(left, f.sents[n])
                    who = Who(
                        speaker,
                        cue_extent(doc[a.cue]),
                        SPEAKER_CONFIDENCE["fallback_subject"],
                        "fallback_subject",
                    )
        if not a.content:
            f.dangling.setdefault(n, []).append((doc[a.cue], who))
            continue
        for k in a.regions:
            f.claimed[k] = who
        for piece, (start, end) in enumerate(a.content):
            quoted = sorted({f.region_of[i] for i in range(start, end) if f.region_of[i] >= 0})
            if quoted and all(
                f.region_of[i] >= 0 or doc[i].is_punct or doc[i].is_space for i in range(start, end)
            ):
                for k in quoted:  # quotations alone: each one as a direct quote, its own punctuation kept
                    f.emit_region(k, who)
                continue
            for k in quoted:
                if k != f.region_of[a.cue]:  # a cue inside a quotation does not say the quotation
                    f.claimed.setdefault(k, who)
            # a content piece never reaches back into the piece before it
            start = max(_with_subject(doc, start, end, a), a.content[piece - 1][1] if piece else 0)
            start = _past_addressee(doc, start, end, doc[a.cue])
            if start >= end:
                continue
            span = trimmed(doc, start, end, punct=True)
            if span is not None:
                words = [i for i in range(start, end) if not (doc[i].is_punct or doc[i].is_space)]
                direct = 2 * sum(1 for i in words if f.region_of[i] >= 0) >= len(words)
                f.emit(span, who, direct=direct, sent=f.sent_of[start])


#: verbs whose passive subject is the one spoken to ("was told", "was asked")
_ADDRESSED = frozenset({"ask", "tell", "inform", "brief", "assure", "warn", "advise", "remind", "question"})


def _asked(cue: Token) -> bool:
    """A passive verb of addressing: "He was asked if …", "Asked about the deal, …"."""
    if cue.lemma_.lower() not in _ADDRESSED or cue.tag_ != "VBN":
        return False
    kids = list(cue.children)
    said = any(c.dep_ in ("ccomp", "xcomp", "advcl", "dobj") for c in kids)  # what was asked or told
    subject = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if subject is not None:  # "He was told that …", not "A different story was told by …"
        return said or subject.tag_ == "PRP" or subject.ent_type_ in ("PERSON", "ORG", "NORP")
    return any(c.dep_ == "auxpass" for c in kids) or (
        cue.dep_ in ("advcl", "acl") and not any(c.dep_ == "nsubj" for c in kids)
    )


def _past_addressee(doc: Doc, start: int, end: int, cue: Token) -> int:
    """Where a content starts once the one spoken to is left out ("[The mayor] was told by officials
    that …", "suggested [to his followers] that …"); ``end`` when nothing else is left."""
    lemma = cue.lemma_.lower()
    if lemma not in SPEECH_LEMMAS and lemma not in _ADDRESSED:
        return start  # "pointed to the crime bill": what follows "to" is the content
    for child in cue.children:
        passive = child.dep_ == "nsubjpass" and _asked(cue)
        told = passive or child.dep_ == "dative" or (child.dep_ == "prep" and child.lower_ == "to")
        told = told or (child.dep_ == "dobj" and lemma in _ADDRESSED)  # "told the BBC [that] …"
        if not told or not child.left_edge.i <= start <= child.right_edge.i:
            continue
        rest = child.right_edge.i + 1
        while rest < end and (doc[rest].is_punct or doc[rest].is_space):
            rest += 1
        if rest == end and passive:
            return end  # the piece is only the one spoken to
        if rest < end and doc[rest].dep_ in ("mark", "nsubj", "nsubjpass", "ccomp"):
            return rest  # a clause follows the one spoken to
    return start


def _named_before(f: Finder, cue: Token) -> Token | None:
    """A subject the parse missed: the name right before the cue, with only its own apposition or
    relative clause between ("Ms Dunwoody, who chairs the committee, says: …")."""
    doc = f.doc
    i = cue.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i < 0 or f.region_of[i] >= 0 or f.sent_of[i] != f.sent_of[cue.i]:
        return None
    token, named = doc[i], None
    while True:  # the outermost name whose phrase ends right before the cue
        if token.ent_type_ in ("PERSON", "ORG") and token.dep_ != "compound" and token.right_edge.i >= i:
            named = token
        if token.head.i == token.i or token.head.i >= cue.i:
            break
        token = token.head
    return None if named is None or f.region_of[named.i] >= 0 else named


def _with_subject(doc: Doc, start: int, end: int, a: Attribution) -> int:
    """Where a content starts, its clause's subject included ("[The Conservatives] would stand up
    for the forgotten majority, Michael Howard pledged")."""
    root = next((i for i in range(start, end) if not start <= doc[i].head.i < end), None)
    if root is None or doc[root].pos_ not in ("VERB", "AUX"):
        return start
    if doc[root].head.i != a.cue and doc[a.cue].head.i != root:
        return start  # only the clause the cue reports, not a piece of another one
    subject = next((c for c in doc[root].lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i >= start or a.cue in range(subject.left_edge.i, start):
        return start
    if a.source is not None and a.source[0] < start and a.source[1] > subject.left_edge.i:
        return start
    if any(not (t.is_punct or t.is_space) for t in doc[subject.right_edge.i + 1 : start]):
        return start
    return subject.left_edge.i


def find_quotes(doc: Doc, version: str = "v2", model: AttributionModel | None = None) -> list[QuoteSpan]:
    """Return the direct and indirect quotes of a parsed ``doc``, in text order.

    ``version`` picks the cue pass (``v2`` the trained model, ``v1`` the rules);
    ``model`` replaces the shipped model (tests, training).
    """
    if version not in VERSIONS:
        raise ConfigError(f"unknown quote finder version {version!r} (known: {', '.join(VERSIONS)})")
    finder = Finder(doc)
    if version == "v1":
        run_rule_cues(finder)
    else:
        _model_pass(finder, model or load_model())
    finder.run_leftovers()
    return sorted(finder.out, key=lambda q: (q.content_start, q.content_end))


class QuoteExtractor:
    """spaCy component storing :func:`find_quotes` results in ``doc._.patronage_quotes``."""

    def __init__(self, nlp: Language, name: str = "patronage_quotes", version: str = "v2") -> None:
        self.name = name
        if version not in VERSIONS:
            raise ConfigError(f"unknown quote finder version {version!r} (known: {', '.join(VERSIONS)})")
        self.version = version
        if not Doc.has_extension("patronage_quotes"):
            Doc.set_extension("patronage_quotes", default=None)

    def __call__(self, doc: Doc) -> Doc:
        """Find the quotes of ``doc`` and store them on it."""
        doc._.patronage_quotes = find_quotes(doc, self.version)
        return doc


@Language.factory(
    "patronage_quotes",
    default_config={"version": "v2"},
    requires=["token.dep", "token.lemma"],
    assigns=["doc._.patronage_quotes"],
)
def make_quote_extractor(nlp: Language, name: str, version: str) -> QuoteExtractor:
    """Build the ``patronage_quotes`` component: ``patronage.quotes.v2`` (trained), or ``v1`` (rules)."""
    return QuoteExtractor(nlp, name, version)

"""The trained attribution model (``patronage.attribution.v1``): cues, their content and source.

Weights are package data (``data/attribution.json`` and two ``.npy`` tables), fitted
on PolNeAR *train* by ``patronage train quotes``; they load in milliseconds and nothing
is fetched. Prediction, per document:

1. every token whose ``lemma|POS`` headed a cue in training is scored as a cue;
2. for each cue above the threshold, every word of its sentence is scored as its
   content, its source or neither (content once its probability reaches the content
   threshold, a stricter bar than the most probable label); a word goes to the cue and
   label that score it highest;
3. a clause before its cue that the cue reports is content whole once a word of it is;
   a quotation-mark region is content as a whole (across sentences and paragraphs)
   when most of its words in the cue's sentence are, else not at all;
4. content words make runs (punctuation between them bridged); the source is the run
   around the best-scored source word, and its probability is the source's confidence.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from io import BytesIO
from typing import Any

import numpy as np

from patronage.errors import ModelError
from patronage.extract.quotes import features
from patronage.extract.quotes.features import CONTENT, NONE, SOURCE, DocView

__all__ = ["MODEL_FILES", "MODEL_NAME", "Attribution", "AttributionModel", "load_model", "model_files"]

MODEL_NAME = "patronage.attribution.v1"
#: the files of a model, under ``extract/quotes/data/``
MODEL_FILES = ("attribution.json", "attribution_cue.npy", "attribution_pair.npy")


@dataclass(slots=True)
class Attribution:
    """One predicted attribution, in token indices.

    ``content`` holds ``(start, end)`` token runs (end exclusive) in text order and
    ``regions`` the quotation regions taken whole; ``source`` is a run or ``None``.
    """

    cue: int
    cue_prob: float
    content: list[tuple[int, int]] = field(default_factory=list)
    regions: set[int] = field(default_factory=set)
    source: tuple[int, int] | None = None
    source_prob: float = 0.0


def _softmax(scores: np.ndarray) -> np.ndarray:
    out: np.ndarray = np.exp(scores - scores.max(axis=1, keepdims=True))
    out /= out.sum(axis=1, keepdims=True)
    return out


class AttributionModel:
    """Cue and (cue, word) weight tables with the candidate lexicon and the cue threshold."""

    def __init__(self, cue: np.ndarray, pair: np.ndarray, meta: Mapping[str, Any]) -> None:
        try:
            self.bits = int(meta["bits"])
            self.lexicon = frozenset(meta["lexicon"])
            self.cue_threshold = float(meta["cue_threshold"])
            self.content_threshold = float(meta["content_threshold"])
            templates = (int(meta["cue_templates"]), int(meta["pair_templates"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"incomplete model metadata: {exc}", source=MODEL_NAME) from exc
        if templates != (features.CUE_TEMPLATES, features.PAIR_TEMPLATES):
            raise ModelError("the model was trained with other features; retrain it", source=MODEL_NAME)
        if cue.shape != (1 << self.bits, 2) or pair.shape != (1 << self.bits, 3):
            raise ModelError("weight tables do not match their metadata", source=MODEL_NAME)
        self.cue_weights = cue.astype(np.float32)
        self.pair_weights = pair.astype(np.float32)
        self.meta = dict(meta)

    def cue_probs(self, view: DocView) -> tuple[list[int], np.ndarray]:
        """Cue candidates of ``view`` and the probability that each is a cue."""
        tokens, rows = features.cue_rows(view, self.lexicon, self.bits)
        if not tokens:
            return [], np.zeros(0, dtype=np.float32)
        return tokens, _softmax(self.cue_weights[rows].sum(axis=1))[:, 1]

    def pair_probs(self, view: DocView, cue: int) -> tuple[list[int], np.ndarray]:
        """Words a cue may take, with their none/content/source probabilities."""
        tokens, rows = features.pair_rows(view, cue, self.bits)
        if not tokens:
            return [], np.zeros((0, 3), dtype=np.float32)
        return tokens, _softmax(self.pair_weights[rows].sum(axis=1))

    def predict(self, view: DocView) -> list[Attribution]:
        """The attributions of one document, by cue position (some may have no content)."""
        tokens, probs = self.cue_probs(view)
        found = [Attribution(tokens[k], float(probs[k])) for k in np.flatnonzero(probs >= self.cue_threshold)]
        scored = [self.pair_probs(view, a.cue) for a in found]
        best: dict[int, tuple[float, int, int]] = {}  # word -> (probability, attribution, label)
        for n, (words, p) in enumerate(scored):
            cue = found[n].cue
            labels = _labels(p, self.content_threshold)
            chosen = p[np.arange(len(labels)), labels]
            for t, label, prob in zip(words, labels.tolist(), chosen.tolist(), strict=True):
                if label != NONE and t != cue and prob > best.get(t, (0.0,))[0]:
                    best[t] = (prob, n, label)
        mine: dict[tuple[int, int], set[int]] = {}
        for t, (_, n, label) in best.items():
            mine.setdefault((n, label), set()).add(t)
        # a gap in a content may be bridged unless a cue, a source or another content holds a word of it
        owner = {t: n if label == CONTENT else -1 for t, (_, n, label) in best.items()}
        owner.update((a.cue, -1) for a in found)
        for n, a in enumerate(found):
            content = mine.get((n, CONTENT), set())
            # a word no one took goes with the content word it depends on ("giving Russia [diplomatic cover]")
            for t in sorted(scored[n][0], key=lambda w: len(view.ancestors(w))):
                if t not in owner and view.head[t] in content:
                    content.add(t)
            _fronted_clause(view, a.cue, n, content, owner)
            own = self._regions(view, a, content)
            a.content = _runs(view, own, owner, n)
            words, p = scored[n]
            a.source, a.source_prob = _source(view, words, p, mine.get((n, SOURCE), set()))
        return found

    def _regions(self, view: DocView, a: Attribution, own: set[int]) -> set[int]:
        """Quotation regions in the cue's sentence count whole: all their tokens, or none."""
        start, end = view.sents[view.sent_of[a.cue]]
        for k in sorted({view.region_of[t] for t in range(start, end) if view.region_of[t] >= 0}):
            region = view.regions[k]
            words = [t for t in range(max(start, region.start), min(end, region.end)) if not view.punct[t]]
            if words and 2 * sum(1 for t in words if t in own) >= len(words):
                a.regions.add(k)
                # a quote left open at a paragraph end continues in the next paragraph's quote
                pieces = [r for r in view.regions if r.group == region.group]
                for piece in pieces:
                    own.update(range(piece.start, piece.end))
            else:
                own.difference_update(range(region.start, region.end))
        return own


def _fronted_clause(view: DocView, cue: int, n: int, content: set[int], owner: dict[int, int]) -> None:
    """A content before its cue takes the whole clause the cue reports ("[The Greens would stand up
    for the forgotten valleys], Anna Berg pledged") once a word of it is content and no other
    attribution holds any of it."""
    for c in view.children[cue]:
        if view.dep[c] != "ccomp" or c > cue:
            continue
        clause = {t for t in range(view.left_edge[c], cue) if c in view.ancestors(t) and not view.punct[t]}
        if content & clause and all(owner.get(t, n) == n for t in clause):
            content |= clause


def _labels(probs: np.ndarray, content_threshold: float) -> np.ndarray:
    """Each word's label for a cue: content when its content probability reaches the threshold,
    else source when that beats both others, else none."""
    source = (probs[:, SOURCE] > probs[:, NONE]) & (probs[:, SOURCE] > probs[:, CONTENT])
    out: np.ndarray = np.where(
        probs[:, CONTENT] >= content_threshold, CONTENT, np.where(source, SOURCE, NONE)
    )
    return out


def _runs(view: DocView, tokens: set[int], owner: dict[int, int], n: int) -> list[tuple[int, int]]:
    """Maximal runs of ``tokens`` in a sentence, each holding a word; a gap is bridged when it is
    punctuation only, or words no one else took ("has [forcefully] intervened")."""
    out: list[tuple[int, int]] = []
    for t in sorted(tokens):
        if (
            out
            and view.sent_of[out[-1][0]] == view.sent_of[t]
            and all(
                view.punct[g] or (owner.get(g, n) == n and view.region_of[g] < 0)
                for g in range(out[-1][1], t)
            )
        ):
            out[-1] = (out[-1][0], t + 1)
        else:
            out.append((t, t + 1))
    return [(s, e) for s, e in out if any(not view.punct[t] for t in range(s, e))]


def _source(
    view: DocView, words: list[int], probs: np.ndarray, chosen: set[int]
) -> tuple[tuple[int, int] | None, float]:
    """The source run around the best-scored source word, with that word's probability."""
    if not chosen:
        return None, 0.0
    score = {t: float(probs[k, SOURCE]) for k, t in enumerate(words)}
    top = max(chosen, key=lambda t: (score[t], -t))
    start = end = top
    # extend over source words, bridging punctuation ("Jane Doe, the director")
    while start > 0 and (start - 1 in chosen or (view.punct[start - 1] and start - 2 in chosen)):
        start -= 1
    while end + 1 < len(view.punct) and (end + 1 in chosen or (view.punct[end + 1] and end + 2 in chosen)):
        end += 1
    return (start, end + 1), score[top]


def model_files(cue: np.ndarray, pair: np.ndarray, meta: Mapping[str, Any]) -> dict[str, bytes]:
    """The bytes of a model's files (weights stored as float16), the same for the same model."""
    out = {
        "attribution.json": (
            json.dumps({"name": MODEL_NAME, **meta}, indent=1, sort_keys=True) + "\n"
        ).encode()
    }
    for name, table in (("attribution_cue.npy", cue), ("attribution_pair.npy", pair)):
        buf = BytesIO()
        np.save(buf, table.astype(np.float16), allow_pickle=False)
        out[name] = buf.getvalue()
    return out


def model_from_files(files: Mapping[str, bytes]) -> AttributionModel:
    """An :class:`AttributionModel` from the bytes :func:`model_files` wrote."""
    try:
        meta = json.loads(files["attribution.json"])
        cue = np.load(BytesIO(files["attribution_cue.npy"]), allow_pickle=False)
        pair = np.load(BytesIO(files["attribution_pair.npy"]), allow_pickle=False)
    except (KeyError, ValueError, OSError) as exc:
        raise ModelError(f"cannot read the attribution model: {exc}", source=MODEL_NAME) from exc
    return AttributionModel(cue, pair, meta)


@lru_cache(maxsize=1)
def load_model() -> AttributionModel:
    """The shipped attribution model, loaded once per process."""
    data = resources.files("patronage.extract.quotes").joinpath("data")
    try:
        files = {name: data.joinpath(name).read_bytes() for name in MODEL_FILES}
    except OSError as exc:
        raise ModelError(
            f"the attribution model is missing ({exc}); rebuild it with: make train-quotes", source=MODEL_NAME
        ) from exc
    return model_from_files(files)

"""Training the attribution model: gold spans to instances, and a seeded logistic regression.

Pure functions over parsed documents and character spans; reading the corpus and
writing the weights belong to ``patronage train quotes`` (``commands/train.py``).
The fit is multinomial logistic regression over hashed features with AdaGrad
updates, in numpy, visiting instances in an order drawn from the seed: the same
inputs give the same weights, byte for byte.

The hyperparameters below were chosen on PolNeAR *dev*; the weights are fitted on
*train* only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from patronage.errors import ModelError
from patronage.extract.quotes.features import (
    CONTENT,
    CUE_TEMPLATES,
    NONE,
    PAIR_TEMPLATES,
    SOURCE,
    DocView,
    cue_rows,
    pair_rows,
)

__all__ = ["SETTINGS", "GoldAttribution", "TrainedModel", "fit", "train_attribution"]

Fragments = Sequence[tuple[int, int]]
#: a gold attribution as character fragments: content, cue, source (cue and source may be missing)
GoldSpans = tuple[Fragments, Fragments | None, Fragments | None]

#: training settings, stored with the weights
SETTINGS: dict[str, float | int] = {
    "bits": 18,  # 2**18 hashed feature rows per table
    "min_cue_count": 2,  # a lemma|POS is a cue candidate once it headed this many training cues
    "min_cue_rate": 0.01,  # ... and at least this share of its occurrences
    "cue_epochs": 2,
    "cue_rate": 0.05,
    "pair_epochs": 2,
    "pair_rate": 0.02,
    "cue_threshold": 0.5,  # tuned on dev
    "content_threshold": 0.6,  # a word is a cue's content from this probability on (dev: 0.55-0.65 alike)
}


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution as token indices: the cue's head token, content and source tokens."""

    cue: int
    content: frozenset[int]
    source: frozenset[int]

    @classmethod
    def from_chars(cls, view: DocView, spans: GoldSpans) -> GoldAttribution | None:
        """Align character fragments to tokens; ``None`` without a cue.

        The cue's head is the cue word that governs the content ("worried" in "were
        worried about the economy"), else the root of the cue phrase.
        """
        content, cue, source = spans
        if not cue:
            return None
        cue_tokens = _tokens(view, cue)
        heads = sorted(i for i in cue_tokens if view.head[i] not in cue_tokens or view.head[i] == i)
        if not heads:
            return None
        content_tokens = _tokens(view, content)
        votes: Counter[int] = Counter()
        for t in content_tokens:
            governor = next((a for a in view.ancestors(t)[1:] if a in cue_tokens), None)
            if governor is not None and view.pos[governor] in ("VERB", "NOUN", "ADJ", "AUX"):
                votes[governor] += 1
        head = min(votes, key=lambda a: (-votes[a], a)) if len(cue_tokens) > 1 and votes else heads[0]
        return cls(head, frozenset(content_tokens), frozenset(_tokens(view, source or ())))


def _tokens(view: DocView, frags: Fragments) -> set[int]:
    out: set[int] = set()
    for start, end in frags:
        span = view.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(i for i in range(span.start, span.end) if not view.doc[i].is_space)
    return out


@dataclass(frozen=True)
class TrainedModel:
    """Fitted weight tables and the metadata :class:`~patronage.extract.quotes.model.AttributionModel` reads."""

    cue: np.ndarray
    pair: np.ndarray
    meta: dict[str, object]


def train_attribution(examples: Iterable[tuple[Doc, Sequence[GoldSpans]]], seed: int = 17) -> TrainedModel:
    """Fit the cue and pair tables on parsed documents with their gold attributions."""
    bits = int(SETTINGS["bits"])
    data: list[tuple[DocView, list[GoldAttribution]]] = []
    for doc, spans in examples:
        view = DocView(doc)
        data.append((view, [a for s in spans if (a := GoldAttribution.from_chars(view, s)) is not None]))
    counts = Counter(view.lemma[a.cue] + "|" + view.pos[a.cue] for view, golds in data for a in golds)
    seen = Counter(
        lemma + "|" + pos for view, _ in data for lemma, pos in zip(view.lemma, view.pos, strict=True)
    )
    lexicon = sorted(
        key
        for key, n in counts.items()
        if n >= int(SETTINGS["min_cue_count"]) and n >= float(SETTINGS["min_cue_rate"]) * seen[key]
    )
    cue_x, cue_y, pair_x, pair_y = [], [], [], []
    for view, golds in data:
        heads = {a.cue for a in golds}
        candidates, rows = cue_rows(view, lexicon, bits)
        if candidates:
            cue_x.append(rows)
            cue_y.append(np.asarray([i in heads for i in candidates], dtype=np.int8))
        for a in golds:
            tokens, rows = pair_rows(view, a.cue, bits)
            if tokens:
                pair_x.append(rows)
                labels = [CONTENT if t in a.content else SOURCE if t in a.source else NONE for t in tokens]
                pair_y.append(np.asarray(labels, dtype=np.int8))
    if not cue_x or not pair_x:
        raise ModelError("no attributions with a cue to train on", source="train quotes")
    cue, pair = (
        fit(
            np.concatenate(x),
            np.concatenate(y),
            classes=classes,
            bits=bits,
            epochs=int(SETTINGS[f"{name}_epochs"]),
            seed=seed,
            rate=float(SETTINGS[f"{name}_rate"]),
        )
        for name, classes, x, y in (("cue", 2, cue_x, cue_y), ("pair", 3, pair_x, pair_y))
    )
    meta: dict[str, object] = {
        **SETTINGS,
        "seed": seed,
        "lexicon": lexicon,
        "cue_templates": CUE_TEMPLATES,
        "pair_templates": PAIR_TEMPLATES,
        "documents": len(data),
        "attributions": sum(len(golds) for _, golds in data),
    }
    return TrainedModel(cue, pair, meta)


def fit(
    x: np.ndarray,
    y: np.ndarray,
    *,
    classes: int,
    bits: int,
    epochs: int,
    seed: int,
    rate: float,
    batch: int = 64,
) -> np.ndarray:
    """Multinomial logistic regression over hashed rows ``x`` (AdaGrad, shuffled by ``seed``).

    Returns float32 weights of shape ``(2**bits, classes)``; an instance's class scores
    are the sum of its rows.
    """
    weights = np.zeros((1 << bits, classes), dtype=np.float64)
    squares = np.full((1 << bits, classes), 1e-8, dtype=np.float64)
    rng = np.random.default_rng(seed)
    width = x.shape[1]
    eye = np.eye(classes)
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for lo in range(0, len(order), batch):
            pick = order[lo : lo + batch]
            rows = x[pick]
            scores = weights[rows].sum(axis=1)
            scores -= scores.max(axis=1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=1, keepdims=True)
            grad = probs - eye[y[pick]]
            # rows repeat within a batch (the bias, common paths): sum their gradients first
            uniq, inverse = np.unique(rows.ravel(), return_inverse=True)
            g = np.zeros((len(uniq), classes))
            np.add.at(g, inverse, np.repeat(grad, width, axis=0))
            squares[uniq] += g * g
            weights[uniq] -= rate * g / np.sqrt(squares[uniq])
    return weights.astype(np.float32)

"""The event scorer: how likely a coded event is to be right, learned from annotated real news.

The trigger lexicon and the parse propose events; many are not events at all ("a survey
released Monday", "an onslaught of attacks on his credibility") or not the type the lexicon
says. A logistic regression over :func:`~patronage.extract.events.features.event_features`
and the trigger's tok2vec vector estimates the probability that an event's type is right;
an isotonic map, fitted on held-out folds, turns that into the probability that the event is
*fully* right (type, polarity, source and target), which is what ``confidence`` means.

Weights are package data (``data/scorer.npz``), rebuilt by ``make train-events`` from the
annotated sentences in ``training/events`` and the corpora in ``../shared``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from patronage.errors import ModelError

__all__ = ["EventScorer", "load_scorer"]

_SOURCE = "patronage/extract/events/data/scorer.npz"


@dataclass(frozen=True, eq=False)
class EventScorer:
    """Weights of the scorer and its calibration."""

    vocab: dict[str, int]
    weights: np.ndarray
    dense: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    knots: np.ndarray
    """Calibration: raw scores (row 0) and the share of fully right events at each (row 1)."""

    def raw(self, features: list[str], vector: np.ndarray) -> float:
        """The probability that the event's type is right."""
        z = float(sum(self.weights[i] for f in features if (i := self.vocab.get(f)) is not None))
        z += float(((vector - self.mean) * self.scale) @ self.dense)
        return 1.0 / (1.0 + float(np.exp(-z)))

    def confidence(self, features: list[str], vector: np.ndarray) -> float:
        """The calibrated probability that the event is fully right."""
        return float(np.interp(self.raw(features, vector), self.knots[0], self.knots[1]))

    def save(self) -> bytes:
        """The weights as an ``.npz`` archive."""
        buf = io.BytesIO()
        names = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(
            buf,
            vocab=np.array(names),
            weights=self.weights.astype(np.float32),
            dense=self.dense.astype(np.float32),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            knots=self.knots.astype(np.float32),
        )
        return buf.getvalue()

    @classmethod
    def load(cls, data: bytes) -> EventScorer:
        """Weights from an ``.npz`` archive written by :meth:`save`."""
        try:
            npz = np.load(io.BytesIO(data), allow_pickle=False)
            vocab = {str(name): i for i, name in enumerate(npz["vocab"])}
            scorer = cls(vocab, npz["weights"], npz["dense"], npz["mean"], npz["scale"], npz["knots"])
        except (KeyError, ValueError, OSError) as exc:
            raise ModelError(f"unreadable event scorer weights: {exc}", source=_SOURCE) from exc
        if scorer.weights.shape != (len(vocab),) or scorer.knots.ndim != 2 or scorer.knots.shape[0] != 2:
            raise ModelError("event scorer weights have the wrong shape", source=_SOURCE)
        return scorer


@cache
def load_scorer() -> EventScorer:
    """The packaged scorer, loaded once per process."""
    data = resources.files("patronage.extract.events").joinpath("data", "scorer.npz").read_bytes()
    return EventScorer.load(data)

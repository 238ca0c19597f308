"""Sentence-level PLOVER 2021 event-type classifier (a small linear model shipped as package data).

The model is a multinomial logistic regression over lowercase word unigrams, bigrams and short word
prefixes (a cheap stand-in for lemmas that needs no parse). It is trained by
``scripts/train_event_types.py`` on the NGEC synthetic stories and stored in ``data/event_types.json``:
the vocabulary, a float16 weight matrix (base64) and, per event type, a small mode model over the most
frequent part of the same vocabulary.

Prediction is a sparse dot product: the features of a sentence are looked up in a vocabulary dict and the
matching weight rows are summed, so it is cheap enough to run on every sentence of a large corpus.

PLOVER gold sentences nearly always hold an event; news sentences often do not. The model cannot know that
(it never saw a sentence without an event), so it ships a per-type probability threshold, chosen on held-out
synthetic sentences, under which a top type should be treated as "no confident event". Use :meth:`best` for
that rule, or combine :meth:`predict` probabilities with a verb lexicon.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from patronage.errors import InputError, ModelError

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from spacy.tokens import Span

__all__ = [
    "EVENT_TYPES",
    "EventTypeClassifier",
    "FeatureConfig",
    "featurize",
    "tokenize",
]

#: The 16 PLOVER 2021 event types.
EVENT_TYPES: tuple[str, ...] = (
    "ACCUSE",
    "AGREE",
    "AID",
    "ASSAULT",
    "COERCE",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "MOBILIZE",
    "PROTEST",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
)

_DATA_FILE = "event_types.json"
_TOKEN_RE = re.compile(r"[a-z]+|[0-9]+")


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """How a text becomes features; stored with the model so training and prediction agree."""

    #: include word bigrams ("called for", "agreed to")
    bigrams: bool = True
    #: add a prefix feature of this many letters for longer words (0 = off); merges inflections
    prefix: int = 5
    #: scale each feature by 1/sqrt(n features) so long and short texts score on one scale
    l2_norm: bool = True

    def to_json(self) -> dict[str, Any]:
        """Return the config as a JSON-ready dict."""
        return {"bigrams": self.bigrams, "prefix": self.prefix, "l2_norm": self.l2_norm}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FeatureConfig:
        """Build a config from :meth:`to_json` output."""
        return cls(bool(data["bigrams"]), int(data["prefix"]), bool(data["l2_norm"]))


def tokenize(text: str) -> list[str]:
    """Lowercase word tokens of ``text``; every number becomes ``0``."""
    return ["0" if tok[0].isdigit() else tok for tok in _TOKEN_RE.findall(text.lower())]


def featurize(text: str, config: FeatureConfig) -> list[str]:
    """Return the distinct feature strings of ``text`` under ``config`` (order of first appearance)."""
    toks = tokenize(text)
    feats: list[str] = list(toks)
    if config.bigrams:
        feats.extend(f"{a} {b}" for a, b in zip(toks, toks[1:]))
    if config.prefix:
        n = config.prefix
        feats.extend("~" + tok[:n] for tok in toks if len(tok) > n)
    return list(dict.fromkeys(feats))


def _decode_matrix(blob: str, rows: int, cols: int) -> NDArray[np.float32]:
    raw = np.frombuffer(base64.b64decode(blob), dtype="<f2")
    if raw.size != rows * cols:
        raise ModelError(f"weight matrix has {raw.size} values, expected {rows}x{cols}", source=_DATA_FILE)
    return raw.reshape(rows, cols).astype(np.float32)


def _softmax(scores: NDArray[np.float32]) -> NDArray[np.float32]:
    exp = np.exp(scores - scores.max())
    out: NDArray[np.float32] = exp / exp.sum()
    return out


@dataclass(frozen=True, slots=True)
class _ModeModel:
    labels: tuple[str, ...]
    weights: NDArray[np.float32]
    bias: NDArray[np.float32]


class EventTypeClassifier:
    """Score a sentence against the 16 PLOVER 2021 event types; load it with :meth:`load`."""

    def __init__(self, data: dict[str, Any]) -> None:
        try:
            self.version: str = str(data["version"])
            self.labels: tuple[str, ...] = tuple(data["labels"])
            self.config = FeatureConfig.from_json(data["features"])
            vocab: list[str] = list(data["vocab"])
            self._weights = _decode_matrix(data["weights"], len(vocab), len(self.labels))
            self._bias = np.asarray(data["bias"], dtype=np.float32)
            #: per type, the top-type probability under which there is no confident event
            self.thresholds: dict[str, float] = {k: float(v) for k, v in data["thresholds"].items()}
            self._mode_rows = int(data.get("mode_rows", 0))
            self._modes = {
                etype: _ModeModel(
                    tuple(m["labels"]),
                    _decode_matrix(m["weights"], self._mode_rows, len(m["labels"])),
                    np.asarray(m["bias"], dtype=np.float32),
                )
                for etype, m in data.get("modes", {}).items()
            }
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"invalid event-type model: {exc!r}", source=_DATA_FILE) from exc
        if sorted(self.labels) != sorted(EVENT_TYPES):
            raise ModelError(f"model labels {self.labels} are not the 16 PLOVER types", source=_DATA_FILE)
        self._index = {feat: i for i, feat in enumerate(vocab)}

    @classmethod
    def load(cls) -> EventTypeClassifier:
        """Return the packaged classifier, loaded once per process."""
        return _load_packaged()

    def _rows(self, text: str | Span) -> list[int]:
        if not isinstance(text, str):
            text = text.text
        if not isinstance(text, str):
            raise InputError(f"expected text or a spaCy Span, got {type(text).__name__}")
        index = self._index
        return [i for f in featurize(text, self.config) if (i := index.get(f)) is not None]

    def _scale(self, rows: list[int]) -> float:
        if not self.config.l2_norm or not rows:
            return 1.0
        return float(1.0 / np.sqrt(len(rows)))

    def probabilities(self, text: str | Span) -> NDArray[np.float32]:
        """Return the probability vector over :attr:`labels` (in that order) for ``text``."""
        rows = self._rows(text)
        scores = self._bias + self._weights[rows].sum(axis=0) * self._scale(rows)
        return _softmax(scores)

    def predict(self, text: str | Span) -> list[tuple[str, float]]:
        """Return all 16 event types with their probabilities, best first."""
        probs = self.probabilities(text)
        order = np.argsort(-probs, kind="stable")
        return [(self.labels[i], float(probs[i])) for i in order]

    def best(self, text: str | Span) -> tuple[str, float] | None:
        """Return the top type and its probability, or None when it is under that type's threshold."""
        label, prob = self.predict(text)[0]
        return (label, prob) if prob >= self.thresholds.get(label, 0.0) else None

    def predict_mode(self, text: str | Span, event_type: str) -> str | None:
        """Return the most likely PLOVER 2021 mode of ``event_type`` for ``text``, or None for no mode."""
        if event_type not in self.labels:
            raise InputError(f"unknown PLOVER event type {event_type!r}")
        model = self._modes.get(event_type)
        if model is None:
            return None
        rows = [i for i in self._rows(text) if i < self._mode_rows]
        scores = model.bias + model.weights[rows].sum(axis=0) * self._scale(rows)
        label = model.labels[int(np.argmax(scores))]
        return label or None

    def modes(self, event_type: str) -> tuple[str, ...]:
        """Return the modes the model knows for ``event_type`` ('' stands for no mode)."""
        model = self._modes.get(event_type)
        return model.labels if model is not None else ()


@lru_cache(maxsize=1)
def _load_packaged() -> EventTypeClassifier:
    source = resources.files("patronage.extract").joinpath("data", _DATA_FILE)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"cannot read packaged event-type model: {exc}", source=_DATA_FILE) from exc
    return EventTypeClassifier(data)

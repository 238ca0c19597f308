"""The event scorer: packaged weights, calibrated confidences, and what run stores."""

from __future__ import annotations

import numpy as np
import pytest

from patronage.errors import ModelError
from patronage.extract.events.score import EventScorer, load_scorer
from patronage.model.plover import manual_type
from tests.conftest import analyse_text


def test_packaged_scorer_loads_with_a_monotone_calibration() -> None:
    scorer = load_scorer()
    assert len(scorer.vocab) > 500
    xs, ys = scorer.knots
    assert np.all(np.diff(xs) >= 0) and np.all(np.diff(ys) >= 0)
    assert 0.0 <= ys[0] <= ys[-1] <= 1.0


def test_confidence_is_a_probability() -> None:
    scorer = load_scorer()
    vector = np.zeros(96, np.float32)
    for features in ([], ["b"], ["b", "T=ACCUSE", "l=accuse"], ["never seen"]):
        assert 0.0 <= scorer.confidence(features, vector) <= 1.0


def test_unreadable_weights_are_a_model_error() -> None:
    with pytest.raises(ModelError):
        EventScorer.load(b"not an npz archive")


def test_events_carry_the_scorer_confidence() -> None:
    result = analyse_text("Russia accused Ukraine of shelling the power plant on Tuesday.", date="2023-03-01")
    accuse = [e for e in result.events if e.type == "ACCUSE"]
    assert accuse, result.events
    assert all(0.0 < e.confidence <= 1.0 for e in result.events)


@pytest.mark.parametrize(
    ("type_", "modality", "manual"),
    [
        ("CONSULT", "intended", "AGREE"),
        ("AID", "offered", "AGREE"),
        ("ASSAULT", "intended", "THREATEN"),
        ("ASSAULT", "offered", "ASSAULT"),
        ("SANCTION", "conditional", "THREATEN"),
        ("ACCUSE", "intended", "ACCUSE"),
        ("CONSULT", "actual", "CONSULT"),
    ],
)
def test_manual_type_codes_intents_as_the_plover_manual_does(type_: str, modality: str, manual: str) -> None:
    assert manual_type(type_, modality) == manual

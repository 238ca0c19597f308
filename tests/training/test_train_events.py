"""The event scorer's training: deterministic, calibrated monotonically, loadable as package data."""

from __future__ import annotations

import sys

import numpy as np

from patronage.extract.events.score import EventScorer
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "training" / "events"))

from dataset import Sample  # type: ignore[import-not-found]  # noqa: E402
from train import fit, isotonic  # type: ignore[import-not-found]  # noqa: E402


def _samples() -> list[Sample]:
    rng = np.random.default_rng(7)
    out = []
    for i in range(200):
        right = i % 3 == 0
        feats = ["b", f"T={'ACCUSE' if right else 'ASSAULT'}", f"l=w{i % 5}"]
        out.append(
            Sample(
                f"d{i % 20}",
                "ACCUSE",
                feats,
                rng.normal(size=96).astype(np.float32),
                right,
                right and i % 2 == 0,
            )
        )
    return out


def test_training_is_deterministic_to_the_byte() -> None:
    samples = _samples()
    first, second = fit(samples, 1e-3, steps=50), fit(samples, 1e-3, steps=50)
    assert first.save() == second.save()


def test_the_scorer_learns_the_signal_and_round_trips() -> None:
    samples = _samples()
    scorer = EventScorer.load(fit(samples, 1e-3, steps=200).save())
    vec = np.zeros(96, np.float32)
    assert scorer.raw(["b", "T=ACCUSE"], vec) > 0.8 > 0.2 > scorer.raw(["b", "T=ASSAULT"], vec)


def test_isotonic_calibration_is_monotone_and_bounded() -> None:
    raw = np.linspace(0, 1, 101)
    target = (np.sin(raw * 9) + raw * 3 > 1.5).astype(float)
    knots = isotonic(raw, target)
    assert np.all(np.diff(knots[0]) >= 0) and np.all(np.diff(knots[1]) >= 0)
    assert knots[1].min() >= 0.0 and knots[1].max() <= 1.0

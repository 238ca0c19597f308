"""Quality gate: end-to-end PLOVER scores on the dev gold, and fact recovery through the public CLI.

Floors only go up. Lowering one needs an explicit decision recorded in the commit message.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from patronage.config import Settings
from patronage.evaluate.pipeline import evaluate_plover
from tests.conftest import ROOT, shared_path

# measured with `patronage eval plover ../shared/data/plover/PLOVER_GSR_dev.json --json`
PLOVER_FLOORS = {
    "event_type_accuracy": 0.77,
    "source_country_accuracy": 0.89,
    "target_country_accuracy": 0.74,
}
# the dyad conventions were designed on this file: held-out figures must clear the bar too
PLOVER_CV_FLOORS = {
    "event_type_accuracy": 0.70,
    "source_country_accuracy": 0.80,
    "target_country_accuracy": 0.65,
}


def test_plover_dev_floors() -> None:
    result = evaluate_plover(shared_path("data", "plover", "PLOVER_GSR_dev.json"), Settings())
    assert result["n"] == 179
    for key, floor in PLOVER_FLOORS.items():
        value = result[key]
        assert isinstance(value, float)
        assert value >= floor, f"{key} {value:.3f} fell below its floor {floor}"
    cv = result["cv"]
    assert isinstance(cv, dict)
    assert cv["folds"] == 5 and len(cv["policies"]) == 5
    for key, floor in PLOVER_CV_FLOORS.items():
        assert cv[key] >= floor, f"cross-validated {key} {cv[key]:.3f} fell below its floor {floor}"


def _patronage() -> str:
    exe = Path(sys.executable).with_name("patronage")
    if not exe.exists():
        pytest.skip("the patronage console script is not installed in this environment")
    return str(exe)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("facts", "articles", "floor"),
    [
        ("shared:checks/seed_facts.json", "shared:checks/seeds.jsonl", 1.0),
        ("tests/fixtures/articles/unseen_facts.json", "tests/fixtures/articles/unseen.jsonl", 0.89),
        ("examples/articles_facts.json", "examples/articles.jsonl", 0.95),
        # written by a helper who never saw the extraction code; first blind run 23/30, one forbidden
        ("tests/fixtures/articles/heldout_facts.json", "tests/fixtures/articles/heldout.jsonl", 0.96),
    ],
)
def test_fact_recovery_through_the_cli(facts: str, articles: str, floor: float) -> None:
    script = shared_path("checks", "facts.py")

    def resolve(p: str) -> str:
        return str(shared_path(*p[7:].split("/"))) if p.startswith("shared:") else str(ROOT / p)

    proc = subprocess.run(
        [sys.executable, str(script), _patronage(), resolve(facts), resolve(articles), str(floor)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


# measured with `python3 ../shared/checks/realnews.py .venv/bin/patronage
# ../shared/checks/realnews/articles.jsonl ../shared/checks/realnews/gold.jsonl --json`
# (160 real sentences annotated exhaustively; the event scorer never trained on them, but earlier
# sessions read their errors, so they flatter: see README, "Events on real news")
REALNEWS_FLOORS = {"type_precision": 0.85, "type_f1": 0.43, "full_f1": 0.26}
REALNEWS_CEILINGS = {"false_alarm": 0.02}


@pytest.mark.slow
def test_realnews_dev_floors() -> None:
    import json

    script = shared_path("checks", "realnews.py")
    articles = shared_path("checks", "realnews", "articles.jsonl")
    gold = shared_path("checks", "realnews", "gold.jsonl")
    proc = subprocess.run(
        [sys.executable, str(script), _patronage(), str(articles), str(gold), "--json"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    for key, floor in REALNEWS_FLOORS.items():
        assert result[key] >= floor, f"{key} {result[key]:.3f} fell below its floor {floor}"
    for key, ceiling in REALNEWS_CEILINGS.items():
        assert result[key] <= ceiling, f"{key} {result[key]:.3f} rose above its ceiling {ceiling}"

"""``patronage eval plover|polnear|re3d``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from patronage.config import Settings
from patronage.errors import InputError

__all__ = ["do_eval"]


def do_eval(settings: Settings, dataset: str, path: Path, as_json: bool, limit: int | None) -> None:
    """Score the system on gold data and print the figures."""
    if dataset == "plover":
        from patronage.evaluate.pipeline import evaluate_plover
        from patronage.evaluate.plover import format_report

        if not path.is_file():
            raise InputError("expected a PLOVER gold-standard JSON file", source=str(path))
        result = evaluate_plover(path, settings, limit)
        click.echo(json.dumps(result, indent=2, default=str) if as_json else format_report(result))
        return
    if dataset == "re3d":
        from patronage.evaluate.re3d import evaluate_re3d
        from patronage.evaluate.re3d import format_report as format_re3d

        if not path.is_dir():
            raise InputError(
                "expected the re3d directory (source folders with documents.json)", source=str(path)
            )
        re3d_scores = evaluate_re3d(path, settings, limit)
        click.echo(json.dumps(re3d_scores, indent=2) if as_json else format_re3d(re3d_scores))
        return
    from patronage.evaluate.polnear import evaluate_polnear
    from patronage.nlp.loader import load_nlp

    if not path.is_dir():
        raise InputError(
            "expected a PolNeAR split directory (with text/ and attributions/)", source=str(path)
        )
    nlp = load_nlp(str(settings.get("nlp.model")))
    scores = evaluate_polnear(path, nlp, limit, str(settings.get("extract.quotes")))
    if as_json:
        click.echo(json.dumps(scores, indent=2))
        return
    for key, value in scores.items():
        click.echo(f"{key:>20}  {value}")

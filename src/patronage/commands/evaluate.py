"""``patronage eval plover|polnear|re3d``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from patronage.commands.context import Context, pass_ctx
from patronage.config import Settings
from patronage.errors import InputError

__all__ = ["do_eval", "eval_"]


@click.command("eval")
@click.argument("dataset", type=click.Choice(["plover", "polnear", "re3d"]))
@click.argument("path", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N records or documents.")
@pass_ctx
def eval_(c: Context, dataset: str, path: str, as_json: bool, limit: int | None) -> None:
    """Measure accuracy against gold data (PLOVER gold standard JSON, a PolNeAR split directory,
    or the re3d directory for actor mentions, kinds and linking)."""
    do_eval(c.settings, dataset, Path(path), as_json, limit)


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

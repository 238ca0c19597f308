"""``patronage train quotes``: fit the attribution model on PolNeAR train and write its files.

Reads the split with the PolNeAR loader (the first annotator's file per article, as
``eval polnear`` does), parses it with the pipeline's spaCy model, fits
(``extract/quotes/learn.py``) and writes ``attribution.json`` and the two weight
tables. The same split, seed and library versions give the same bytes.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

import click

from patronage.errors import InputError

__all__ = ["do_train_quotes", "train"]

#: splits that are kept for measuring: training on them would make the figures meaningless
_HELD_OUT = frozenset({"dev", "test"})


def default_output() -> Path:
    """The package's model directory (the source tree in an editable install)."""
    return Path(__file__).resolve().parents[1] / "extract" / "quotes" / "data"


def do_train_quotes(split: Path, output: Path, seed: int, model: str = "") -> dict[str, Any]:
    """Train on ``split`` and write the model files into ``output``; return a summary."""
    from patronage.evaluate.polnear import load_polnear
    from patronage.extract.quotes.learn import train_attribution
    from patronage.extract.quotes.model import model_files
    from patronage.nlp.loader import load_nlp

    if split.name in _HELD_OUT:
        raise InputError(
            f"{split.name} is held out for measuring; train on the train split", source=str(split)
        )
    started = time.perf_counter()
    docs = load_polnear(split)
    if not docs:
        raise InputError("no annotated articles", source=str(split))
    digest = hashlib.sha256()
    for doc in docs:
        digest.update(doc.name.encode() + b"\0" + doc.text.encode() + b"\0")
    nlp = load_nlp(model)
    parsed = nlp.pipe((d.text for d in docs), batch_size=16)
    examples = (
        (parse, [(a.content, a.cue, a.source) for a in d.attributions])
        for d, parse in zip(docs, parsed, strict=True)
    )
    trained = train_attribution(examples, seed=seed)
    meta = {**trained.meta, "split": split.name, "texts_sha256": digest.hexdigest()}
    files = model_files(trained.cue, trained.pair, meta)
    output.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (output / name).write_bytes(data)
    return {
        "documents": meta["documents"],
        "attributions": meta["attributions"],
        "bytes": sum(len(b) for b in files.values()),
        "sha256": {name: hashlib.sha256(data).hexdigest()[:16] for name, data in sorted(files.items())},
        "seconds": round(time.perf_counter() - started, 1),
        "output": str(output),
    }


@click.group()
def train() -> None:
    """Train the models patronage ships (from gold data in ../shared)."""


@train.command("quotes")
@click.argument("split", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", type=click.Path(file_okay=False), help="Directory for the model files.")
@click.option("--seed", type=int, default=17, show_default=True, help="Seed of the training order.")
@click.pass_obj
def train_quotes(obj: Any, split: str, output: str | None, seed: int) -> None:
    """Fit the quote attribution model on a PolNeAR train split (text/ + attributions/)."""
    out = Path(output) if output else default_output()
    summary = do_train_quotes(Path(split), out, seed, str(obj.settings.get("nlp.model")))
    click.echo(
        f"trained on {summary['documents']} articles ({summary['attributions']} attributions) "
        f"in {summary['seconds']} s; wrote {summary['bytes']} bytes to {summary['output']}"
    )
    for name, digest in summary["sha256"].items():
        click.echo(f"  {name}  sha256 {digest}")

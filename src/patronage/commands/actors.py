"""``patronage actors import``: dictionaries of other coders into gazetteer YAML."""

from __future__ import annotations

from pathlib import Path

import click

from patronage.errors import InputError
from patronage.export.atomic import atomic_output

__all__ = ["do_actors_import"]


def do_actors_import(path: str, fmt: str, output: str, force: bool) -> None:
    """Convert ``path`` (``phoenix`` or ``countryinfo``) and write it whole to ``output``."""
    from patronage.resolve.importers import import_countryinfo, import_phoenix, write_entries

    out = Path(output)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"cannot create the output's directory: {exc.strerror or exc}", source=output
        ) from None
    entries = import_phoenix(Path(path)) if fmt == "phoenix" else import_countryinfo(Path(path))
    with atomic_output(output, force) as tmp:
        n = write_entries(entries, tmp)
    click.echo(f"wrote {n} actors to {out}; use them with --set resolve.gazetteer={out}", err=True)

"""``patronage actors import``: analysts' actor dictionaries as gazetteer YAML."""

from __future__ import annotations

from pathlib import Path

import click

from patronage.errors import InputError

__all__ = ["actors"]


@click.group()
def actors() -> None:
    """Manage the actor gazetteer."""


@actors.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["phoenix", "countryinfo"]),
    required=True,
    help="Dictionary format of PATH.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    required=True,
    help="Gazetteer YAML file to write; add it to resolve.gazetteer to use it.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
def actors_import(path: str, fmt: str, output: str, force: bool) -> None:
    """Convert a Phoenix/PETRARCH actor dictionary or CountryInfo file into gazetteer YAML."""
    from patronage.resolve.importers import import_countryinfo, import_phoenix, write_entries

    out = Path(output)
    if out.exists() and not force:
        raise InputError("output file exists; use --force to overwrite", source=output)
    entries = import_phoenix(Path(path)) if fmt == "phoenix" else import_countryinfo(Path(path))
    n = write_entries(entries, out)
    click.echo(f"wrote {n} actors to {out}; use them with --set resolve.gazetteer={out}", err=True)

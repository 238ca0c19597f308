"""``patronage actors import``: analysts' actor dictionaries as gazetteer YAML."""

from __future__ import annotations

import os
from pathlib import Path

import click

from patronage.errors import InputError
from patronage.export.atomic import atomic_output

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
    """Convert a Phoenix/PETRARCH actor dictionary or CountryInfo file into gazetteer YAML.

    The output is written whole or not at all.
    """
    from patronage.resolve.importers import import_countryinfo, import_phoenix, write_entries

    if _is_database(output):
        raise InputError(
            "the output is a DuckDB database, never replaced; write the YAML to another file", source=output
        )
    if _same_file(path, output):
        raise InputError(
            "the output is the dictionary being read; write the YAML to another file", source=output
        )
    entries = import_phoenix(Path(path)) if fmt == "phoenix" else import_countryinfo(Path(path))
    if not entries:  # an empty file, or one of another format: writing nothing would look like success
        raise InputError(f"no actors were found in {path}; is it a {fmt} dictionary?")
    out = Path(output)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"cannot create the output's directory: {exc.strerror or exc}", source=output
        ) from None
    with atomic_output(output, force) as tmp:
        n = write_entries(entries, tmp)
    click.echo(f"wrote {n} actors to {out}; use them with --set resolve.gazetteer={out}", err=True)


def _same_file(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name one file (by path, link or hard link)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # the output does not exist yet
        return False


def _is_database(path: str) -> bool:
    """Whether ``path`` is an existing DuckDB file (its header says ``DUCK``)."""
    try:
        if not os.path.isfile(path):  # a FIFO would block the read
            return False
        with open(path, "rb") as fh:
            return fh.read(12)[8:12] == b"DUCK"
    except OSError:
        return False

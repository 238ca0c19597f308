"""``patronage export``: a table in the DESIGN.md schema, or the whole network."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from patronage.commands.context import Context, db_option, pass_ctx
from patronage.config import Settings
from patronage.errors import InputError
from patronage.export import rows_for, write_csv, write_jsonl, write_parquet
from patronage.export.atomic import atomic_output

if TYPE_CHECKING:
    from patronage.store import Store

__all__ = ["do_export", "export"]


@click.command()
@click.argument("kind", type=click.Choice(["events", "quotes", "actors", "relations", "failures", "removed"]))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "graphml", "gexf", "ftm"]),
    default="jsonl",
    show_default=True,
    help="graphml/gexf (Gephi) write the whole actor network and ftm writes FollowTheMoney entities, "
    "whichever table is named.",
)
@db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File to write (default, or -: standard output).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace an existing output file (keeping its permissions); never the database itself.",
)
@click.option(
    "--min-support",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="relations: keep those stated or implied in at least N independent articles.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="events: keep those whose confidence (the calibrated probability of being fully right) is at "
    "least C; `run` already leaves out events below extract.min_confidence.",
)
@pass_ctx
def export(
    c: Context,
    kind: str,
    fmt: str,
    db: str | None,
    output: str | None,
    force: bool,
    min_support: int,
    min_confidence: float,
) -> None:
    """Export a table in the DESIGN.md schema (JSONL, CSV, Parquet) or the network (GraphML, GEXF, FtM)."""
    do_export(kind, fmt, c.with_db(db), None if output == "-" else output, force, min_support, min_confidence)


def do_export(
    kind: str,
    fmt: str,
    settings: Settings,
    output: str | None,
    force: bool,
    min_support: int = 1,
    min_confidence: float = 0.0,
) -> None:
    """Write one export to a file (whole or not at all) or standard output.

    ``min_support`` filters relations, ``min_confidence`` events.
    """
    from patronage.store import Store

    if fmt == "parquet" and not output:
        raise InputError("parquet needs an output file: add -o FILE")
    filters = {"min_support": min_support, "min_confidence": min_confidence}
    if output is None:
        with Store(str(settings.get("run.db")), read_only=True) as store:
            _write_export(store, kind, fmt, sys.stdout, None, filters)
        return
    db = str(settings.get("run.db"))
    with atomic_output(output, force, protected=(db, db + ".wal")) as tmp, Store(db, read_only=True) as store:
        if fmt == "parquet":
            _write_export(store, kind, fmt, None, tmp, filters)
            return
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            _write_export(store, kind, fmt, fh, None, filters)


def _write_export(
    store: Store, kind: str, fmt: str, out: IO[str] | None, path: Path | None, filters: dict[str, Any]
) -> None:
    """The export of ``kind`` in ``fmt`` to the text stream ``out`` (or, for Parquet, to ``path``)."""
    if fmt in ("graphml", "gexf", "ftm"):
        from patronage.export.ftm import write_ftm
        from patronage.export.graph import write_gexf, write_graphml

        writer = {"graphml": write_graphml, "gexf": write_gexf, "ftm": write_ftm}[fmt]
        assert out is not None
        writer(store, out)
        return
    rows = rows_for(kind, store, filters["min_support"], filters["min_confidence"])
    if fmt == "parquet":
        assert path is not None
        write_parquet(rows, path)
        return
    assert out is not None
    (write_jsonl if fmt == "jsonl" else write_csv)(rows, out)

"""``patronage run`` and ``patronage export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Any

import click

from patronage.config import Settings
from patronage.errors import InputError
from patronage.export import rows_for, write_csv, write_jsonl, write_parquet
from patronage.export.atomic import atomic_output
from patronage.ingest.dates import parse_doc_date
from patronage.runner import RunReport, exit_code, run
from patronage.store import Store

__all__ = ["do_export", "do_run", "summary_lines"]


def do_run(paths: list[str], settings: Settings, doc_date: str | None) -> int:
    """Run the pipeline with a progress bar on a terminal; return the exit code."""
    date = parse_doc_date(doc_date, "--date") if doc_date else None
    stdin = sys.stdin.buffer if "-" in paths else None
    if sys.stderr.isatty():
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("[bold]patronage run"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("inputs"),
            TimeElapsedColumn(),
            transient=True,
        ) as bar:
            task = bar.add_task("run", total=None)
            report = run(paths, settings, date, stdin, progress=lambda n: bar.advance(task, n))
    else:
        report = run(paths, settings, date, stdin)
    for line in summary_lines(report):
        click.echo(line, err=True)
    return exit_code(report)


def summary_lines(report: RunReport) -> list[str]:
    """A short human summary of a run, with the first failures."""
    lines = [
        f"{report.n_new} articles processed, {report.n_unchanged} unchanged, {report.n_failed} failed"
        + (f", {report.n_warnings} warnings" if report.n_warnings else "")
        + f" → {report.db}"
    ]
    errors = [f for f in report.failures if f.level == "error"]
    for f in errors[:10]:
        lines.append(f"  failed: {f.doc}: {f.message} ({f.stage})")
    if len(errors) > 10:
        lines.append(f"  … and {len(errors) - 10} more: patronage export failures --format csv")
    return lines


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
    if fmt == "parquet" and not output:
        raise InputError("parquet needs an output file: add -o FILE")
    rows = {"min_support": min_support, "min_confidence": min_confidence}
    if output is None:
        with Store(str(settings.get("run.db")), read_only=True) as store:
            _write_export(store, kind, fmt, sys.stdout, None, rows)
        return
    with atomic_output(output, force) as tmp, Store(str(settings.get("run.db")), read_only=True) as store:
        if fmt == "parquet":
            _write_export(store, kind, fmt, None, tmp, rows)
            return
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            _write_export(store, kind, fmt, fh, None, rows)


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

"""The ``patronage`` command line: the group, its error handling and the registered commands.

Each command is declared once, options and body together, in its module of
:mod:`patronage.commands`. Errors print one line, ``error: …``, and exit 1 (2 for usage
errors); ``--debug`` shows the traceback instead. A write to standard output that fails (a full
disk, a dead terminal) is one such line too, and a closed pipe (``| head``) ends the command quietly.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Iterable
from typing import Any, TextIO

import click

from patronage.commands.actors import actors
from patronage.commands.bench import bench
from patronage.commands.context import Context
from patronage.commands.evaluate import eval_
from patronage.commands.export import export
from patronage.commands.link import link
from patronage.commands.load import load
from patronage.commands.migrate import migrate
from patronage.commands.query import query
from patronage.commands.report import report
from patronage.commands.run import run
from patronage.commands.serve import serve
from patronage.commands.summary import summary
from patronage.commands.train import train
from patronage.config import load_settings
from patronage.errors import PatronageError

__all__ = ["COMMANDS", "cli", "main"]

#: every command of ``patronage``, each declared in its module of ``patronage.commands``
COMMANDS = (run, load, migrate, link, export, summary, query, report, eval_, bench, serve, actors, train)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="User settings file (TOML).")
@click.option("--set", "overrides", multiple=True, metavar="SECTION.KEY=VALUE", help="Override one setting.")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.version_option(package_name="patronage")
@click.pass_context
def cli(ctx: click.Context, config_file: str | None, overrides: tuple[str, ...], debug: bool) -> None:
    """patronage: news articles in, an evidence-linked network of political actors out.

    Every event is coded in PLOVER 2021 with CAMEO codes and points to the exact
    sentence it came from. Start with `patronage run ARTICLES`, then `patronage export`.
    """
    ctx.obj = Context(load_settings(config_file, overrides), debug)


for _command in COMMANDS:
    cli.add_command(_command)


cli.add_command(train)


class _StdoutError(OSError):
    """A write to standard output failed; its ``errno`` is the cause's (EPIPE stays a closed pipe)."""


class _Stdout:
    """Standard output whose write errors are told apart from every other ``OSError``.

    Every command writes to ``sys.stdout`` (through ``click.echo`` or an export writer), so this is
    the one place a failed write is met. Anything else is passed through to the stream.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except OSError as exc:
            raise _StdoutError(exc.errno, exc.strerror) from None

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as exc:
            raise _StdoutError(exc.errno, exc.strerror) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _silence_stdout(stream: TextIO) -> None:
    """Point the failed standard output at the null device, so the exit's own flush fails no more."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, stream.fileno())
        os.close(fd)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``patronage`` console script."""
    args = sys.argv[1:] if argv is None else argv
    stdout = sys.stdout
    sys.stdout = _Stdout(stdout)  # type: ignore[assignment]
    try:
        return _main(args)
    finally:
        if isinstance(sys.stdout, _Stdout):  # click leaves its own wrapper after a closed pipe
            sys.stdout = stdout


def _main(args: list[str]) -> int:
    debug = "--debug" in args
    try:
        cli.main(args=args, prog_name="patronage", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.exceptions.Abort:  # click's form of Ctrl+C (KeyboardInterrupt) while a command runs
        click.echo("error: interrupted", err=True)
        return 130
    except click.UsageError as exc:
        if exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True)
        click.echo(f"error: {exc.format_message()}", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    except PatronageError as exc:
        if debug:
            traceback.print_exc()
        click.echo(f"error: {exc}", err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("error: interrupted", err=True)
        return 130
    except _StdoutError as exc:
        if debug:
            traceback.print_exc()
        if isinstance(sys.stdout, _Stdout):
            _silence_stdout(sys.stdout.stream)
        click.echo(f"error: cannot write to standard output: {exc.strerror or exc}", err=True)
        return 1
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if _interrupted(exc):
            click.echo("error: interrupted", err=True)
            return 130
        if debug:
            traceback.print_exc()
        click.echo(
            f"error: internal error ({type(exc).__name__}: {exc}); rerun with --debug for details", err=True
        )
        return 1
    return 0


def _interrupted(exc: Exception) -> bool:
    """Ctrl+C met inside a DuckDB query: DuckDB stops the query and raises its own error instead."""
    name = type(exc).__name__
    return name == "InterruptException" or (name == "RuntimeError" and str(exc) == "Query interrupted")


if __name__ == "__main__":
    sys.exit(main())

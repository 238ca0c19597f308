"""``patronage serve``: the local web app over the database."""

from __future__ import annotations

import importlib.util

import click

from patronage.commands.context import Context, db_option, pass_ctx
from patronage.config import Settings
from patronage.errors import ConfigError

__all__ = ["WEB_EXTRA_HINT", "do_serve", "serve"]

WEB_EXTRA_HINT = "the web app needs the [web] extra: pip install 'patronage[web]'"


@click.command()
@db_option
@click.option("--host", help="Address to bind (default 127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default 8000).")
@pass_ctx
def serve(c: Context, db: str | None, host: str | None, port: int | None) -> None:
    """Explore the network in a local web app (needs the [web] extra)."""
    do_serve(c.with_db(db), host, port)


def _require_web_extra() -> None:
    for module in ("fastapi", "uvicorn"):
        if importlib.util.find_spec(module) is None:
            raise ConfigError(WEB_EXTRA_HINT)


def do_serve(settings: Settings, host: str | None = None, port: int | None = None) -> None:
    """Serve the explorer over ``run.db`` on ``host:port`` until interrupted."""
    _require_web_extra()
    import uvicorn

    from patronage.web.app import create_app

    bind_host = host or str(settings.get("web.host"))
    bind_port = int(port if port is not None else settings.get("web.port"))
    if not 1 <= bind_port <= 65535:
        raise ConfigError(f"port must be between 1 and 65535, got {bind_port}", source="web.port")
    app = create_app(str(settings.get("run.db")), int(settings.get("web.max_rows")))
    uvicorn.run(app, host=bind_host, port=bind_port, log_level="info", server_header=False)

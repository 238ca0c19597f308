"""``patronage serve``: the local web app over the database."""

from __future__ import annotations

import importlib.util
import ipaddress
import socket

import click

from patronage.commands.context import Context, db_option, pass_ctx
from patronage.config import Settings
from patronage.errors import ConfigError

__all__ = ["WEB_EXTRA_HINT", "do_serve", "exposed", "listen", "serve"]

WEB_EXTRA_HINT = "the web app needs the [web] extra: pip install 'patronage[web]'"


@click.command()
@db_option
@click.option("--host", help="Address to bind (default 127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default 8000).")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for this host name (repeatable); loopback names and --host always are.",
)
@pass_ctx
def serve(
    c: Context, db: str | None, host: str | None, port: int | None, allow_hosts: tuple[str, ...]
) -> None:
    """Explore the network in a local web app (needs the [web] extra)."""
    do_serve(c.with_db(db), host, port, allow_hosts)


def _require_web_extra() -> None:
    for module in ("fastapi", "uvicorn"):
        if importlib.util.find_spec(module) is None:
            raise ConfigError(WEB_EXTRA_HINT)


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port``, or a one-line :class:`ConfigError` (a port in use…).

    The server gets this socket instead of binding itself, so a busy port is one clear line
    rather than uvicorn's log lines and exit code 3.
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (OSError, UnicodeError) as exc:
        raise ConfigError(f"cannot use host {host!r}: {getattr(exc, 'strerror', None) or exc}") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        hint = "; choose another with --port" if exc.errno in (98, 48, 10048) else ""
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}{hint}") from None
    sock.set_inheritable(True)
    return sock


def exposed(sock: socket.socket) -> bool:
    """Whether a listening socket can be reached from other machines: bound to no loopback address."""
    host = str(sock.getsockname()[0]).split("%")[0]  # an IPv6 scope (fe80::1%eth0) is no part of it
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_loopback


def do_serve(
    settings: Settings, host: str | None = None, port: int | None = None, allow_hosts: tuple[str, ...] = ()
) -> None:
    """Serve the explorer over ``run.db`` on ``host:port`` until interrupted."""
    _require_web_extra()
    import uvicorn

    from patronage.web.app import create_app

    bind_host = host or str(settings.get("web.host"))
    bind_port = int(port if port is not None else settings.get("web.port"))
    if not 1 <= bind_port <= 65535:
        raise ConfigError(f"port must be between 1 and 65535, got {bind_port}", source="web.port")
    db = str(settings.get("run.db"))
    app = create_app(
        db,
        int(settings.get("web.max_rows")),
        allowed_hosts=[bind_host, *settings.get("web.allowed_hosts"), *allow_hosts],
        max_concurrency=int(settings.get("web.max_concurrency")),
        max_queue=int(settings.get("web.max_queue")),
        max_wait=float(settings.get("web.max_wait")),
        cache_mb=int(settings.get("web.cache_mb")),
    )
    sock = listen(bind_host, bind_port)
    shown = f"[{bind_host}]" if ":" in bind_host else bind_host
    if exposed(sock):
        click.echo(
            f"warning: {shown} is reachable from other machines: anyone on the network can read every "
            f"article, actor and quote in {db} (the explorer has no login); use 127.0.0.1 to keep it local",
            err=True,
        )
    click.echo(f"serving {db} on http://{shown}:{bind_port}/ (Ctrl+C stops)", err=True)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, server_header=False, lifespan="on")
    )
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()

"""The server's guards (issue #20, items 7, 20, 22 and load): Host allow-list, bounded queue, HEAD, cache."""

from __future__ import annotations

import importlib.util
import socket
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import pytest

if importlib.util.find_spec("fastapi") is None:
    pytest.skip("fastapi (the [web] extra) is not installed", allow_module_level=True)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from patronage.cli import main
from patronage.commands.serve import listen
from patronage.errors import ConfigError
from patronage.web import create_app
from patronage.web.guard import host_allowed
from tests.fixtures.server import serve

ASSAD = "person/Q44329"


def _shape(body: dict[str, Any], status: int) -> None:
    assert (
        set(body) == {"ok", "error", "errors", "status"} and body["ok"] is False and body["status"] == status
    )


FOREIGN = [
    "attacker.example",
    "attacker.example:8000",
    "127.0.0.1.attacker.example",
    "",
    "localhost.evil",
    "10.0.0.1",
]
LOOPBACK = [
    "localhost",
    "localhost:8000",
    "127.0.0.1:8000",
    "[::1]:8000",
    "127.0.0.2",
    "app.localhost",
    "LOCALHOST.",
]


@pytest.mark.parametrize(("host", "status"), [(h, 421) for h in FOREIGN] + [(h, 200) for h in LOOPBACK])
def test_only_loopback_host_headers_are_served(sample_db: Path, host: str, status: int) -> None:
    client = TestClient(create_app(str(sample_db)), base_url="http://localhost")
    for path in ("/api/meta", "/api/network?actor=" + ASSAD, "/", "/static/app.js"):
        response = client.get(path, headers={"host": host})
        assert response.status_code == status, (host, path, response.status_code)
        if status == 421:
            _shape(response.json(), 421)
            assert "--allow-host" in response.json()["error"]


def test_bound_and_allowed_hosts_are_served(sample_db: Path) -> None:
    app = create_app(str(sample_db), allowed_hosts=["0.0.0.0", "Explorer.Lan"])
    client = TestClient(app, base_url="http://localhost")
    assert client.get("/api/meta", headers={"host": "explorer.lan:8000"}).status_code == 200
    assert client.get("/api/meta", headers={"host": "other.lan"}).status_code == 421
    assert host_allowed("anything.example", frozenset({"*"}))


def test_head_is_answered_like_get_without_a_body(sample_db: Path) -> None:
    client = TestClient(create_app(str(sample_db)), base_url="http://localhost")
    for path in ("/", "/api/meta", "/api/network?actor=" + ASSAD, "/static/app.js"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
        assert head.headers["content-security-policy"] == get.headers["content-security-policy"]
    assert client.head("/api/evidence/nope").status_code == 404


def test_repeated_network_queries_come_from_the_cache(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import patronage.web.api as api

    calls: list[tuple[Any, ...]] = []
    real = api.network

    def counted(*args: Any, **kw: Any) -> Any:
        calls.append((args[1], kw["depth"], kw["as_of"]))
        return real(*args, **kw)

    monkeypatch.setattr(api, "network", counted)
    client = TestClient(create_app(str(sample_db)), base_url="http://localhost")
    first = client.get("/api/network", params={"actor": ASSAD, "depth": 2})
    again = client.get("/api/network", params={"actor": ASSAD, "depth": 2})
    other = client.get("/api/network", params={"actor": ASSAD, "depth": 2, "as_of": "2015"})
    assert first.status_code == again.status_code == other.status_code == 200
    assert first.content == again.content and first.content != other.content
    assert calls == [(ASSAD, 2, None), (ASSAD, 2, "2015")]
    assert again.headers["cache-control"] == "no-store"
    off = TestClient(create_app(str(sample_db), cache_mb=0), base_url="http://localhost")
    off.get("/api/network", params={"actor": ASSAD})
    off.get("/api/network", params={"actor": ASSAD})
    assert len(calls) == 4


@pytest.mark.network
def test_a_full_queue_is_a_fast_503_with_retry_after(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    import patronage.web.api as api

    entered, release = threading.Event(), threading.Event()
    real = api.network

    def slow(*args: Any, **kw: Any) -> Any:
        entered.set()
        release.wait(10)
        return real(*args, **kw)

    monkeypatch.setattr(api, "network", slow)
    with serve(sample_db, max_concurrency=1, max_queue=0, cache_mb=0) as url:
        results: list[int] = []

        def ask() -> None:
            results.append(httpx.get(url + "/api/network", params={"actor": ASSAD}, timeout=20).status_code)

        running = threading.Thread(target=ask)
        running.start()
        assert entered.wait(10)
        busy = httpx.get(url + "/api/meta", timeout=5)
        assert busy.status_code == 503 and busy.headers["retry-after"] == "1"
        assert busy.elapsed.total_seconds() < 1
        _shape(busy.json(), 503)
        assert httpx.get(url + "/", timeout=5).status_code == 200, "the page itself is not queued"
        release.set()
        running.join(timeout=20)
        assert results == [200]


def test_the_queue_holds_max_queue_waiting_requests() -> None:
    import asyncio

    from patronage.web.guard import Limiter

    statuses: list[int] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        await asyncio.sleep(0.05)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    async def call(limiter: Limiter) -> None:
        async def send(message: Any) -> None:
            if message["type"] == "http.response.start":
                statuses.append(message["status"])

        await limiter({"type": "http", "path": "/api/x", "method": "GET", "headers": []}, None, send)  # type: ignore[arg-type]

    async def main_() -> None:
        limiter = Limiter(inner, concurrency=2, queue=3)
        await asyncio.gather(*(call(limiter) for _ in range(8)))

    asyncio.run(main_())
    assert sorted(statuses) == [200] * 5 + [503] * 3


def test_a_request_that_waits_too_long_gets_503() -> None:
    import asyncio

    from patronage.web.guard import Limiter

    done: list[tuple[int, float]] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        await asyncio.sleep(0.5)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    async def call(limiter: Limiter, t0: float) -> None:
        async def send(message: Any) -> None:
            if message["type"] == "http.response.start":
                done.append((message["status"], time.perf_counter() - t0))

        await limiter({"type": "http", "path": "/api/x", "method": "GET", "headers": []}, None, send)  # type: ignore[arg-type]

    async def main_() -> None:
        limiter = Limiter(inner, concurrency=1, queue=10, max_wait=0.1)
        t0 = time.perf_counter()
        await asyncio.gather(*(call(limiter, t0) for _ in range(3)))

    asyncio.run(main_())
    assert sorted(s for s, _ in done) == [200, 503, 503]
    assert all(elapsed < 0.4 for status, elapsed in done if status == 503), done


def test_serve_on_a_busy_port_is_one_line(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with pytest.raises(ConfigError, match="choose another with --port"):
            listen("127.0.0.1", port)
        assert main(["serve", "--db", str(sample_db), "--port", str(port)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("error: cannot listen on 127.0.0.1:") and "in use" in err[-1], err
    assert not any("uvicorn" in line.lower() or "INFO" in line for line in err)

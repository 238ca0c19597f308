"""Measure the web API's latency on a store: p50/p95 of /api/search and /api/network.

usage: python scripts/web_latency.py DB [--requests N]
       python scripts/web_latency.py DB --clients 50 [--seconds 20] [--depth 2] [--route network|search|mix]

Without --clients: starts the app in-process on 127.0.0.1 (a free port), asks the busiest actors'
networks and searches for their names, one request at a time, and prints the figures. It also
searches three-word phrases taken from a fixed sample of stored sentences ("phrase": mostly rare
text, mid-word cuts and punctuation, the kind of query a name search does not exercise).

With --clients N: starts `patronage serve` as a separate process (its own interpreter, as a user
runs it) and lets N clients (one event loop) ask, each as soon as it is answered (after a 503, when
Retry-After says), for --seconds; prints p50/p95/p99
of the answers, how many were shed (503), the throughput and the server's peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import uvicorn

from patronage.web import create_app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sample(db: str) -> tuple[list[tuple[str, str]], list[str]]:
    con = duckdb.connect(db, read_only=True)
    actors = con.execute(
        "SELECT actor_id, any_value(text) FROM mentions WHERE actor_id IS NOT NULL "
        "GROUP BY actor_id ORDER BY count(*) DESC LIMIT 50"
    ).fetchall()
    sample = con.execute(
        "SELECT text FROM sentences USING SAMPLE reservoir(50 ROWS) REPEATABLE (7)"
    ).fetchall()
    con.close()
    phrases = [" ".join(str(t[0]).split()[1:4])[1:] or "zzz" for t in sample]
    return [(str(a), str(t)) for a, t in actors], phrases


def _percentile(values: list[float], q: float) -> float:
    return round(values[int(q * (len(values) - 1))], 1) if values else float("nan")


def sequential(db: str, requests: int) -> dict[str, object]:
    """One request at a time against the app served in this process."""
    actors, phrases = _sample(db)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.1)
    timings: dict[str, list[float]] = {"search": [], "network": [], "phrase": []}
    errors = 0
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        for i in range(requests):
            actor_id, text = actors[i % len(actors)]
            for kind, url, params in (
                ("search", "/api/search", {"q": str(text)[:40]}),
                ("network", "/api/network", {"actor": actor_id, "depth": 1}),
                ("phrase", "/api/search", {"q": phrases[i % len(phrases)]}),
            ):
                t0 = time.perf_counter()
                r = client.get(url, params=params)
                timings[kind].append((time.perf_counter() - t0) * 1000)
                errors += r.status_code != 200
    server.should_exit = True
    thread.join(timeout=10)
    out: dict[str, object] = {"requests": sum(len(v) for v in timings.values()), "errors": errors}
    for kind, values in timings.items():
        values.sort()
        out[f"{kind}_p50_ms"] = round(statistics.median(values), 1)
        out[f"{kind}_p95_ms"] = _percentile(values, 0.95)
    return out


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 1)


def concurrent(db: str, clients: int, seconds: float, depth: int, route: str) -> dict[str, object]:
    """``clients`` closed-loop clients against `patronage serve` in its own process."""
    actors, phrases = _sample(db)
    port = _free_port()
    patronage = Path(sys.executable).with_name("patronage")
    server = subprocess.Popen(
        [str(patronage), "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/meta", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        latencies: list[float] = []
        shed: list[float] = []
        errors: list[str] = []
        until = time.monotonic() + seconds

        async def client(seed: int, http: httpx.AsyncClient) -> None:
            rng = random.Random(seed)
            while time.monotonic() < until:
                actor_id, text = rng.choice(actors)
                kind = route if route != "mix" else rng.choice(["network", "search", "phrase"])
                if kind == "network":
                    url, params = "/api/network", {"actor": actor_id, "depth": str(depth)}
                else:
                    q = str(text)[:40] if kind == "search" else rng.choice(phrases)
                    url, params = "/api/search", {"q": q}
                t0 = time.perf_counter()
                try:
                    response = await http.get(url, params=params)
                except httpx.HTTPError as exc:
                    errors.append(type(exc).__name__)
                    continue
                ms = (time.perf_counter() - t0) * 1000
                if response.status_code == 200:
                    latencies.append(ms)
                elif response.status_code == 503:
                    shed.append(ms)
                    # a polite client waits as told before asking again
                    await asyncio.sleep(float(response.headers.get("retry-after", "1")))
                else:
                    errors.append(str(response.status_code))

        async def all_clients() -> None:
            # one event loop for every client: threads would spend the cores the server needs
            limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
            async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
                await asyncio.gather(*(client(n, http) for n in range(clients)))

        asyncio.run(all_clients())
        peak = _peak_rss_mb(server.pid)
        server_cpu = _cpu_seconds(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies.sort()
    shed.sort()
    return {
        "clients": clients,
        "seconds": seconds,
        "route": route,
        "depth": depth,
        "answered": len(latencies),
        "per_second": round(len(latencies) / seconds, 1),
        "p50_ms": _percentile(latencies, 0.5),
        "p95_ms": _percentile(latencies, 0.95),
        "p99_ms": _percentile(latencies, 0.99),
        "shed_503": len(shed),
        "shed_p95_ms": _percentile(shed, 0.95),
        "errors": len(errors),
        "server_peak_rss_mb": peak,
        "server_cpu_s": server_cpu,
        "client_cpu_s": round(sum(resource.getrusage(resource.RUSAGE_SELF)[:2]), 1),
        "load_average": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--route", choices=["network", "search", "mix"], default="network")
    args = parser.parse_args()
    if args.clients:
        out = concurrent(args.db, args.clients, args.seconds, args.depth, args.route)
    else:
        out = sequential(args.db, args.requests)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()

"""Measure the web API's latency on a store: p50/p95 of /api/search and /api/network.

usage: python scripts/web_latency.py DB [--requests N]
Starts `patronage serve` in-process on 127.0.0.1 (a free port), asks the busiest actors'
networks and searches for their names, one request at a time, and prints the figures. It also
searches three-word phrases taken from a fixed sample of stored sentences ("phrase": mostly rare
text, mid-word cuts and punctuation, the kind of query a name search does not exercise).
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import threading
import time

import duckdb
import httpx
import uvicorn

from patronage.web import create_app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    actors = con.execute(
        "SELECT actor_id, any_value(text) FROM mentions WHERE actor_id IS NOT NULL "
        "GROUP BY actor_id ORDER BY count(*) DESC LIMIT 50"
    ).fetchall()
    sample = con.execute(
        "SELECT text FROM sentences USING SAMPLE reservoir(50 ROWS) REPEATABLE (7)"
    ).fetchall()
    con.close()
    phrases = [" ".join(str(t[0]).split()[1:4])[1:] or "zzz" for t in sample]
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.1)
    timings: dict[str, list[float]] = {"search": [], "network": [], "phrase": []}
    errors = 0
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        for i in range(args.requests):
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
    out = {"requests": sum(len(v) for v in timings.values()), "errors": errors}
    for kind, values in timings.items():
        values.sort()
        out[f"{kind}_p50_ms"] = round(statistics.median(values), 1)
        out[f"{kind}_p95_ms"] = round(values[int(0.95 * (len(values) - 1))], 1)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()

"""Time the explorer on a real store: from navigation to a drawn graph, 1 and 2 hops, busiest actors.

usage: PYTHONPATH=src:. python scripts/explorer_timing.py DB (Debian chromium, Playwright)
"""

import pathlib
import sys
import time
from urllib.parse import quote

import duckdb
from playwright.sync_api import sync_playwright

from tests.fixtures.server import serve

db = pathlib.Path(sys.argv[1])
con = duckdb.connect(str(db), read_only=True)
ids = [
    r[0]
    for r in con.execute(
        "SELECT actor_id FROM mentions GROUP BY actor_id ORDER BY count(*) DESC LIMIT 5"
    ).fetchall()
]
con.close()
with serve(db) as url, sync_playwright() as pw:
    b = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
    errors = []
    for actor in ids:
        for depth in (1, 2):
            pg = b.new_page(viewport={"width": 1366, "height": 900})
            pg.on("pageerror", lambda e: errors.append(str(e)))
            t0 = time.perf_counter()
            pg.goto(url + f"/#actor={quote(actor, safe='')}&depth={depth}")
            pg.wait_for_selector("#graph .node", timeout=30000)
            pg.wait_for_load_state("networkidle")
            dt = time.perf_counter() - t0
            n = pg.evaluate("document.querySelectorAll('#graph .node').length")
            print(
                f"{actor:40s} depth {depth}: {n:3d} nodes drawn in {dt * 1000:.0f} ms (fresh page load to network idle)"
            )
            pg.close()
    print("page errors:", errors)
    b.close()

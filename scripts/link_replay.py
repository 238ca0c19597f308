"""Time event linking as `run` does it, and check it against a full rebuild, on an existing store.

usage: python scripts/link_replay.py SOURCE_DB NEW_DB [--batch 32]

Copies SOURCE_DB's articles and events into a new store NEW_DB batch by batch, in the order they
were stored, linking each batch as ``Store.write`` does (``keys_of_docs`` then ``relink_docs``),
and times only the linking. Then relinks NEW_DB whole and says whether the links are the same:
they must be, whatever the batches (``store/links.py``).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from patronage.store import Store
from patronage.store.links import keys_of_docs, relink_docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("new")
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()
    if Path(args.new).exists():
        raise SystemExit(f"{args.new} exists; give a new file")
    with Store(args.source, read_only=True) as source:
        docs = [str(d) for (d,) in source.query("SELECT doc_id FROM articles ORDER BY ingested_at, rowid")]
    spent = 0.0
    with Store(args.new) as store:
        con = store.con
        con.execute("ATTACH ? AS src (READ_ONLY)", [args.source])
        for i in range(0, len(docs), args.batch):
            batch = docs[i : i + args.batch]
            con.begin()
            for table in ("articles", "events"):
                con.execute(
                    f"INSERT INTO {table} SELECT * FROM src.{table} WHERE doc_id IN (SELECT unnest(?))",
                    [batch],
                )
            t0 = time.perf_counter()
            relink_docs(con, batch, keys_of_docs(con, batch))
            spent += time.perf_counter() - t0
            con.commit()
        incremental = dict(con.execute("SELECT event_id, linked_event_id FROM event_links").fetchall())
        n = store.rebuild_links()
        rebuilt = dict(con.execute("SELECT event_id, linked_event_id FROM event_links").fetchall())
    print(  # noqa: T201
        f"{len(docs)} articles, {n} reports; linking {spent:.2f} s in all, "
        f"{spent / max(len(docs), 1) * 1000:.1f} ms per article; same links as a rebuild: {incremental == rebuilt}"
    )


if __name__ == "__main__":
    main()

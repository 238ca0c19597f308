"""The database schema, created and migrated by the program.

Each migration is a list of statements applied in one transaction; the
``schema_version`` table records which have run. Add a migration, never edit
an applied one.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "ACTOR_REF_COLUMNS", "EVIDENCE_COLUMNS", "FACT_TABLES"]


def _ref(prefix: str) -> str:
    return ", ".join(
        f"{prefix}_{col} VARCHAR" for col in ("actor_id", "name", "kind", "country", "sector", "text")
    )


EVIDENCE_COLUMNS = (
    "ev_start INTEGER, ev_end INTEGER, sentence VARCHAR, sentence_idx INTEGER, extractor VARCHAR"
)
ACTOR_REF_COLUMNS = ("actor_id", "name", "kind", "country", "sector", "text")

#: tables holding per-article facts, all keyed by ``doc_id`` and replaced together
FACT_TABLES = (
    "sentences",
    "mentions",
    "roles",
    "events",
    "quotes",
    "relations",
    "article_actors",
    "sentence_search",
)

MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE IF NOT EXISTS articles (
            doc_id VARCHAR PRIMARY KEY, title VARCHAR, text VARCHAR, date VARCHAR, url VARCHAR,
            source VARCHAR, origin VARCHAR, content_hash VARCHAR, run_id VARCHAR, ingested_at TIMESTAMP)""",
        """CREATE TABLE IF NOT EXISTS sentences (
            doc_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, text VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS actors (
            actor_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR,
            wikidata VARCHAR, aliases VARCHAR[], origin VARCHAR)""",
        "CREATE TABLE IF NOT EXISTS article_actors (doc_id VARCHAR, actor_id VARCHAR)",
        """CREATE TABLE IF NOT EXISTS mentions (
            doc_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, label VARCHAR,
            sentence_idx INTEGER, actor_id VARCHAR, how VARCHAR)""",
        f"""CREATE TABLE IF NOT EXISTS roles (
            doc_id VARCHAR, actor_id VARCHAR, title VARCHAR, "of" VARCHAR, start VARCHAR, "end" VARCHAR,
            origin VARCHAR, {EVIDENCE_COLUMNS})""",
        f"""CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, type VARCHAR, mode VARCHAR, context VARCHAR[],
            cameo VARCHAR, {_ref("source")}, {_ref("target")}, polarity VARCHAR, modality VARCHAR,
            date VARCHAR, date_precision VARCHAR, date_season VARCHAR, date_text VARCHAR,
            location_name VARCHAR, location_country VARCHAR, confidence DOUBLE, trigger VARCHAR,
            {EVIDENCE_COLUMNS})""",
        f"""CREATE TABLE IF NOT EXISTS quotes (
            quote_id VARCHAR PRIMARY KEY, doc_id VARCHAR, {_ref("speaker")}, text VARCHAR, cue VARCHAR,
            direct BOOLEAN, {EVIDENCE_COLUMNS})""",
        f"""CREATE TABLE IF NOT EXISTS relations (
            doc_id VARCHAR, {_ref("source")}, {_ref("target")}, relation VARCHAR, polarity VARCHAR,
            strength DOUBLE, date VARCHAR, date_precision VARCHAR, origin VARCHAR, {EVIDENCE_COLUMNS})""",
        """CREATE TABLE IF NOT EXISTS failures (
            doc VARCHAR, stage VARCHAR, error VARCHAR, message VARCHAR, level VARCHAR, run_id VARCHAR,
            failed_at TIMESTAMP)""",
        """CREATE TABLE IF NOT EXISTS runs (
            run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, command VARCHAR,
            version VARCHAR, n_read INTEGER, n_new INTEGER, n_unchanged INTEGER, n_failed INTEGER)""",
        "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
        "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc_id)",
        "CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id)",
        "CREATE INDEX IF NOT EXISTS relations_doc ON relations (doc_id)",
        "CREATE INDEX IF NOT EXISTS sentences_doc ON sentences (doc_id)",
    ],
    # 2: what sentence search scans (issue #7): each sentence lowercased once when written, since
    # lower() at query time cost more than the substring match itself; back-filled from sentences
    [
        "CREATE TABLE IF NOT EXISTS sentence_search (doc_id VARCHAR, idx INTEGER, text VARCHAR)",
        "INSERT INTO sentence_search SELECT doc_id, idx, lower(text) FROM sentences",
    ],
    # 3: the country dyad of each event as event datasets code it (issue #5, ``extract.dyad``);
    # events stored before it keep the actors' own countries
    [
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS dyad_source VARCHAR",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS dyad_target VARCHAR",
        "UPDATE events SET dyad_source = source_country, dyad_target = target_country",
    ],
    # 4: how likely a quote's speaker is right (issue #17); quotes stored before it have none
    [
        "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_confidence DOUBLE",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)

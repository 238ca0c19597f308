"""The database schema, created and migrated by the program.

Each migration is a list of statements applied in one transaction; the
``schema_version`` table records which have run. Add a migration, never edit
an applied one.
"""

from __future__ import annotations

from patronage.model.plover import plover
from patronage.store.search import INDEX_TABLES

__all__ = [
    "LINKS_MIGRATION",
    "MIGRATIONS",
    "SEARCH_MIGRATION",
    "SCHEMA_VERSION",
    "ACTOR_REF_COLUMNS",
    "EVIDENCE_COLUMNS",
    "FACT_TABLES",
]


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
    "sentence_words_new",
    "removed_lines",
)


def _vocabulary_sql() -> str:
    """The PLOVER vocabulary as a SQL table (type, sign, relation), read from ``model/schema``."""
    rows = ", ".join(
        f"('{t.name}', '{t.sign}', {repr(t.relation) if t.relation else 'NULL'})"
        for t in plover().types.values()
    )
    return f"(VALUES {rows}) AS vocab(type, sign, relation)"


def _rederive_relations() -> list[str]:
    """Migration 4: event-implied relations re-derived by this version's rule; articles re-analysed.

    A relation implied by an event is kept only when the event is asserted and happened (actual or
    reported, as in ``extract.relations.implied``), and only
    with the sign its type has in the vocabulary; a type-level relation takes the name the
    vocabulary now gives it (one cooperation is support, not an alliance). Stored articles are
    marked stale, so the next ``run`` over the same inputs re-analyses them (statements, actors
    and cleaning of this version) instead of skipping them as unchanged; ``removed_lines`` keeps
    what cleaning took out of each article.
    """
    vocab = _vocabulary_sql()
    # relation names given by an event's type: today's, and allied_with (COOPERATE's before schema 4)
    names = {t.relation for t in plover().types.values() if t.relation} | {"allied_with"}
    generic = ", ".join(f"'{name}'" for name in sorted(names))
    return [
        f"""DELETE FROM relations WHERE origin LIKE 'event:%' AND origin NOT IN (
                SELECT 'event:' || e.event_id FROM events e JOIN {vocab} USING (type)
                WHERE e.polarity = 'asserted' AND e.modality IN ('actual', 'reported')
                  AND vocab.sign = relations.polarity
                  AND (vocab.relation IS NOT NULL OR relations.relation NOT IN ({generic})))""",
        f"""UPDATE relations SET relation = vocab.relation FROM events e, {vocab}
            WHERE relations.origin = 'event:' || e.event_id AND e.type = vocab.type
              AND vocab.relation IS NOT NULL AND relations.relation IN ({generic})""",
        "UPDATE articles SET content_hash = 'stale:' || coalesce(content_hash, '')",
        "CREATE TABLE IF NOT EXISTS removed_lines (doc_id VARCHAR, idx INTEGER, text VARCHAR)",
    ]


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
    # 4: relations that say what the text says (issue 16): event relations re-derived, articles
    # re-analysed on the next run, and the lines cleaning removed kept per article
    _rederive_relations(),
    # 5: every table holds its record's fields (issue 14: columns are read from ``model.records``);
    # a relation's date keeps its season and its text, as an event's does
    [
        "ALTER TABLE relations ADD COLUMN IF NOT EXISTS date_season VARCHAR",
        "ALTER TABLE relations ADD COLUMN IF NOT EXISTS date_text VARCHAR",
    ],
    # 6: an event's salience in its sentence (``Event.salience``); events stored before it have none
    ["ALTER TABLE events ADD COLUMN IF NOT EXISTS salience DOUBLE"],
    # 7: how likely a quote's speaker is right (issue 17); quotes stored before it have none
    ["ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_confidence DOUBLE"],
    # 8: event identity across articles (issue 19): the real-world event each report tells, kept
    # per batch by ``store/links.py``; a store migrated to it is linked whole once (``BACKFILLS``)
    [
        """CREATE TABLE IF NOT EXISTS event_links (
            event_id VARCHAR, doc_id VARCHAR, linked_event_id VARCHAR, linker VARCHAR)""",
    ],
    # 9: search without scanning (issue 18: p95 under 100 ms on 10k articles): a word index of the
    # sentences and each actor's mention count, kept per batch by ``store/search.py``; a store
    # migrated to it has both built from what it holds (``SEARCH_MIGRATION``)
    INDEX_TABLES,
]

#: the migration whose table the store fills from the data already there, once it has run
LINKS_MIGRATION = 8
#: the migration whose search tables the store fills from the data already there, once it has run
SEARCH_MIGRATION = 9


SCHEMA_VERSION = len(MIGRATIONS)

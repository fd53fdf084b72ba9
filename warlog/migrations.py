"""Schema changes of the store, as named, recorded steps. Append new steps; never edit an old one.

Each step runs once, inside a transaction, and is recorded in the `migrations` table with the
time it ran. `SCHEMA_VERSION` is the number of steps this warlog knows.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

STEPS: list[tuple[str, str]] = [
    ("create documents, events, actors, deletions and search", """
    CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,              -- content hash of the normalised text
        source_key TEXT NOT NULL UNIQUE,      -- identity across versions (URL, path, path#line)
        source TEXT, title TEXT, url TEXT, publisher TEXT,
        published TEXT, published_from TEXT,  -- ISO date, and where it came from
        input_id TEXT, format TEXT, language TEXT,
        text TEXT NOT NULL,
        extractor_version TEXT,
        event_count INTEGER NOT NULL DEFAULT 0,
        ingested_at TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,               -- stable rowid: the search index points at it
        event_id TEXT NOT NULL UNIQUE,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
        plover_type TEXT, plover_mode TEXT, acled_event_type TEXT, acled_sub_event_type TEXT,
        modality TEXT NOT NULL, confidence REAL,
        date_start TEXT, date_end TEXT, date_precision TEXT,
        country TEXT, admin1 TEXT, location TEXT, lat REAL, lon REAL, geo_precision INTEGER,
        fatalities INTEGER,
        record TEXT NOT NULL,                 -- the full event record as JSON
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE INDEX events_doc ON events(doc_id);
    CREATE INDEX events_date ON events(date_start, date_end);
    CREATE INDEX events_country ON events(country, admin1);
    CREATE INDEX events_type ON events(plover_type, acled_event_type, acled_sub_event_type);
    CREATE INDEX events_modality ON events(modality);
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        role TEXT NOT NULL,                   -- actor | recipient | assoc
        position INTEGER NOT NULL,
        name TEXT NOT NULL, actor_id TEXT, canonical TEXT, type INTEGER, country TEXT,
        PRIMARY KEY (event_id, role, position)
    );
    CREATE INDEX event_actors_id ON event_actors(actor_id);
    CREATE INDEX event_actors_canonical ON event_actors(canonical);
    CREATE TABLE deletions (
        event_id TEXT NOT NULL, doc_id TEXT NOT NULL,
        deleted_at TEXT NOT NULL, reason TEXT NOT NULL
    );
    CREATE INDEX deletions_time ON deletions(deleted_at);
    CREATE VIRTUAL TABLE events_fts USING fts5(  -- rowid = events.id
        quote, actors, place,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    """),
    ("covering index for filtered reads", """
    -- every column the filters, sorts, map points and timeline read, so that their scans of a
    -- large store read this index instead of the wide rows with their JSON records
    CREATE INDEX events_scan ON events(date_start, date_end, country, admin1, location, modality, plover_type,
        acled_event_type, acled_sub_event_type, fatalities, geo_precision, confidence, lat, lon,
        doc_id, span_start, event_id);
    """),
    ("document genre and corroboration groups", """
    ALTER TABLE documents ADD COLUMN genre TEXT;  -- news | roundup | opinion | press_release (genre.py)
    -- the corroboration group of an event (corroboration.py): the event_id of its first member,
    -- so that a group's id never changes as events join it
    ALTER TABLE events ADD COLUMN group_id TEXT;
    CREATE INDEX events_group ON events(group_id);
    CREATE TABLE event_groups (
        group_id TEXT PRIMARY KEY,
        events INTEGER NOT NULL,
        sources INTEGER NOT NULL              -- independent sources: documents' outlets, attributed outlets
    );
    CREATE INDEX event_groups_sources ON event_groups(sources);
    """),
]

SCHEMA_VERSION = len(STEPS)


def current_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='migrations'").fetchone()
    if row is None:
        return 0
    return conn.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every step this store has not had yet; return their names."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    done = current_version(conn)
    applied = []
    for version, (name, sql) in enumerate(STEPS, 1):
        if version <= done:
            continue
        conn.execute("BEGIN IMMEDIATE")  # the connection is in autocommit mode: DDL is transactional too
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO migrations VALUES (?, ?, ?)",
                         (version, name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a step into statements (no step uses semicolons inside strings or triggers)."""
    body = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return [s.strip() for s in body.split(";") if s.strip()]

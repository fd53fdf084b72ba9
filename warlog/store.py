"""The event log on disk: SQLite in WAL mode, one transaction per document.

A document is identified across versions by its source key (URL, path, path#line): saving the
same text again changes nothing; saving a changed text replaces the old version's events and
records each removed event in `deletions` (like ACLED's deletions list). Because each document
is written in one transaction, a process killed mid-batch leaves every document either fully
stored or absent, and a rerun completes the batch without duplicates.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from . import corroboration, migrations
from .errors import Errors, NotFoundError, StoreError, WarlogError
from .filters import EventFilter, fold
from .genre import detect
from .record import Document, Event

DEFAULT_PATH = "warlog.db"


def actor_key(table: str = "") -> str:
    """How an actor is told apart in listings: its knowledge-base id, else its canonical or
    written name (SQL over event_actors, optionally under an alias)."""
    p = f"{table}." if table else ""
    return f"COALESCE({p}actor_id, {p}canonical, {p}name)"


ACTOR_KEY = actor_key()
# Sort keys of events(): the column each orders by. Unknown dates and values come last either way.
SORTS = {
    "date": "e.date_start",
    "type": "e.acled_event_type",
    "country": "e.country",
    "location": "e.location",
    "fatalities": "e.fatalities",
    "modality": "e.modality",
    "confidence": "e.confidence",
}


# An event as read: its stored record, plus its corroboration group and the group's count of
# independent sources, which change as later documents join the group (so they are not in the JSON).
RECORD = "e.record, e.group_id, g.sources"
GROUP_JOIN = "LEFT JOIN event_groups g ON g.group_id = e.group_id"


def as_record(row) -> dict:
    record = json.loads(row[0])
    record["group_id"], record["group_sources"] = row[1], row[2]
    return record


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    def __init__(self, path: str | Path = DEFAULT_PATH):
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            version = migrations.current_version(self.conn)
            if version == 0 and self._has_foreign_tables():
                raise StoreError(Errors.E201.format(path=self.path, detail="it holds other tables"))
        except sqlite3.DatabaseError as exc:
            raise StoreError(Errors.E201.format(path=self.path, detail=exc)) from exc
        if version > migrations.SCHEMA_VERSION:
            raise StoreError(Errors.E202.format(path=self.path, found=version, known=migrations.SCHEMA_VERSION))
        migrations.migrate(self.conn)
        if self.conn.execute("SELECT 1 FROM documents WHERE genre IS NULL LIMIT 1").fetchone():
            self._backfill()

    def _backfill(self) -> None:
        """Documents stored before genres and corroboration groups (migration 3): their genres, and
        groups for their events, oldest first, as if they were ingested now. One transaction, so
        an interrupted backfill is done again on the next opening (every document saved since has
        a genre)."""
        with self.transaction() as c:
            docs = c.execute("SELECT doc_id, title, text FROM documents WHERE genre IS NULL").fetchall()
            for row in docs:
                c.execute("UPDATE documents SET genre = ? WHERE doc_id = ?", (detect(row["text"], row["title"]), row["doc_id"]))
            ids = [r[0] for r in c.execute("SELECT event_id FROM events WHERE group_id IS NULL ORDER BY id")]
            corroboration.refresh(c, corroboration.assign(c, ids))

    def _has_foreign_tables(self) -> bool:
        names = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return bool(names)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def transaction(self):
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(Errors.E204.format(path=self.path)) from exc
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- writing ----------------------------------------------------------------------------
    def status_of(self, document: Document) -> str:
        """What saving this document would do: unchanged | replaced | added."""
        row = self.conn.execute("SELECT doc_id FROM documents WHERE doc_id = ? OR source_key = ?",
                                (document.doc_id, document.source_key)).fetchone()
        if row is None:
            return "added"
        return "unchanged" if row["doc_id"] == document.doc_id else "replaced"

    def save(self, document: Document, events: list[Event]) -> str:
        """Store a document and its events; returns added, replaced or unchanged."""
        now = _now()
        with self.transaction() as c:
            same = c.execute("SELECT doc_id FROM documents WHERE doc_id = ?", (document.doc_id,)).fetchone()
            if same is not None:
                return "unchanged"
            old = c.execute("SELECT doc_id, ingested_at FROM documents WHERE source_key = ?",
                            (document.source_key,)).fetchone()
            status = "added"
            ingested_at = now
            if old is not None:
                status, ingested_at = "replaced", old["ingested_at"]
                c.execute("INSERT INTO deletions SELECT event_id, doc_id, ?, 'document changed' FROM events WHERE doc_id = ?",
                          (now, old["doc_id"]))
                touched = {r[0] for r in c.execute("SELECT DISTINCT group_id FROM events WHERE doc_id = ?"
                                                   " AND group_id IS NOT NULL", (old["doc_id"],))}
                self._delete_document(c, old["doc_id"])
            else:
                touched = set()
            c.execute(
                "INSERT INTO documents (doc_id, source_key, source, title, url, publisher, published, published_from,"
                " input_id, format, language, text, extractor_version, event_count, ingested_at, updated_at, genre)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (document.doc_id, document.source_key, document.source, document.title, document.url,
                 document.publisher, document.published.isoformat() if document.published else None,
                 document.published_from, document.input_id, document.format, document.language, document.text,
                 events[0].extractor_version if events else None, len(events), ingested_at, now,
                 document.genre or detect(document.text, document.title)))
            for ev in events:
                self._insert_event(c, ev, now)
            # groups after the document's own events are in: a later report joins an earlier one's group
            touched |= corroboration.assign(c, [ev.event_id for ev in events])
            corroboration.refresh(c, touched)
        return status

    def _delete_document(self, c, doc_id: str) -> None:
        c.execute("DELETE FROM events_fts WHERE rowid IN (SELECT id FROM events WHERE doc_id = ?)", (doc_id,))
        c.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))  # events and actors cascade

    def _insert_event(self, c, ev: Event, now: str) -> None:
        record = ev.to_dict()
        record["updated_at"] = now
        loc = ev.location
        date = ev.date
        cur = c.execute(
            "INSERT INTO events (event_id, doc_id, span_start, span_end, plover_type, plover_mode,"
            " acled_event_type, acled_sub_event_type, modality, confidence, date_start, date_end, date_precision,"
            " country, admin1, location, lat, lon, geo_precision, fatalities, record, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ev.event_id, ev.doc_id, ev.span[0], ev.span[1], ev.plover_type, ev.plover_mode, ev.acled_event_type,
             ev.acled_sub_event_type, ev.modality, ev.confidence,
             record["date"]["start"], record["date"]["end"], date.precision if date else None,
             loc.country if loc else None, loc.admin1 if loc else None, loc.name if loc else None,
             loc.lat if loc else None, loc.lon if loc else None, loc.geo_precision if loc else None,
             ev.fatalities.best if ev.fatalities else None, json.dumps(record, ensure_ascii=False), now, now))
        for role, refs in (("actor", ev.actors), ("recipient", ev.recipients), ("assoc", ev.assoc_actors)):
            for pos, a in enumerate(refs):
                c.execute("INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          (ev.event_id, role, pos, a.name, a.actor_id, a.canonical, a.type, a.country))
        names = " ".join(f"{a.name} {a.canonical or ''}" for a in ev.actors + ev.recipients)
        place = " ".join(filter(None, [loc.name, loc.admin1] if loc else []))
        c.execute("INSERT INTO events_fts (rowid, quote, actors, place) VALUES (?, ?, ?, ?)",
                  (cur.lastrowid, fold(ev.quote), fold(names), fold(place)))

    # --- reading ----------------------------------------------------------------------------
    def events(self, flt: EventFilter | None = None, limit: int | None = None, offset: int = 0,
               countries=None, sort: str | None = None) -> list[dict]:
        """Event records matching the filter, oldest first (then by document and position), or in
        the order of `sort` (a key of SORTS, "-" in front for descending)."""
        return list(self.iter_events(flt, limit, offset, countries, sort))

    def iter_events(self, flt: EventFilter | None = None, limit: int | None = None, offset: int = 0,
                    countries=None, sort: str | None = None) -> Iterator[dict]:
        """Like events(), one record at a time: exports of a large store never hold it all in memory."""
        where, params = (flt or EventFilter()).where(countries)
        order = order_by(sort)
        if limit is None:
            sql = f"SELECT {RECORD} FROM events e {GROUP_JOIN} WHERE {where} ORDER BY {order}"
        else:
            # pick the page's rows by their narrow columns first: sorting whole JSON records costs
            # more than the query on a large store
            sql = (f"SELECT {RECORD} FROM events e {GROUP_JOIN} WHERE e.id IN (SELECT e.id FROM events e WHERE {where}"
                   f" ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}")
            params = params + [limit, offset]
        for row in self.conn.execute(sql, params):
            yield as_record(row)

    def page(self, flt: EventFilter | None = None, limit: int = 50, offset: int = 0, countries=None,
             sort: str | None = None) -> tuple[int, list[dict]]:
        """One page of events() and the number of all matching events, from one scan when a filter
        is set (without one, counting from the smallest index costs a millisecond)."""
        flt = flt or EventFilter()
        if flt.is_empty():
            return self.count(flt), self.events(flt, limit, offset, countries, sort)
        where, params = flt.where(countries)
        order = order_by(sort)
        sql = (f"WITH hits AS (SELECT e.id, COUNT(*) OVER () AS total FROM events e WHERE {where}"
               f" ORDER BY {order} LIMIT ? OFFSET ?)"
               f" SELECT hits.total, {RECORD} FROM hits JOIN events e ON e.id = hits.id {GROUP_JOIN} ORDER BY {order}")
        rows = self.conn.execute(sql, params + [limit, offset]).fetchall()
        if not rows:  # past the last page, or nothing matches
            return self.count(flt, countries), []
        return rows[0][0], [as_record(r[1:]) for r in rows]

    def count(self, flt: EventFilter | None = None, countries=None) -> int:
        where, params = (flt or EventFilter()).where(countries)
        return self.conn.execute(f"SELECT COUNT(*) FROM events e WHERE {where}", params).fetchone()[0]

    def event(self, event_id: str) -> dict:
        row = self.conn.execute(f"SELECT {RECORD} FROM events e {GROUP_JOIN} WHERE e.event_id = ?",
                                (event_id,)).fetchone()
        if row is None:
            raise NotFoundError(Errors.E203.format(event_id=event_id, path=self.path))
        return as_record(row)

    def document(self, doc_id: str) -> dict | None:
        row = self.conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return dict(row) if row else None

    def documents(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        sql = ("SELECT doc_id, source, title, url, publisher, published, published_from, input_id, format, genre,"
               " event_count, ingested_at, updated_at FROM documents ORDER BY published, source")
        params: list = []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [limit, offset]
        return [dict(r) for r in self.conn.execute(sql, params)]

    def actors(self, flt: EventFilter | None = None, countries=None) -> list[dict]:
        """Each actor (by id, or by name when unknown to the knowledge base) with its event counts,
        over the events that match the filter (all of them without one)."""
        where, params = ("1", []) if flt is None or flt.is_empty() else flt.where(countries)
        scope = "" if where == "1" else f"WHERE event_id IN (SELECT e.event_id FROM events e WHERE {where})"
        sql = f"""
        SELECT {ACTOR_KEY} AS key, MAX(actor_id) AS actor_id,
               COALESCE(MAX(canonical), MAX(name)) AS canonical, MAX(type) AS type, MAX(country) AS country,
               SUM(role = 'actor') AS as_actor, SUM(role = 'recipient') AS as_recipient,
               GROUP_CONCAT(DISTINCT name) AS names
        FROM event_actors {scope} GROUP BY key ORDER BY as_actor + as_recipient DESC, canonical
        """
        return [dict(r) for r in self.conn.execute(sql, params)]

    def deletions(self, since: str | None = None) -> list[dict]:
        sql = "SELECT * FROM deletions" + (" WHERE deleted_at >= ?" if since else "") + " ORDER BY deleted_at"
        return [dict(r) for r in self.conn.execute(sql, (since,) if since else ())]

    def stats(self) -> dict:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT COUNT(*) FROM documents"),
            "events": one("SELECT COUNT(*) FROM events"),
            "deletions": one("SELECT COUNT(*) FROM deletions"),
            "corroborated_groups": one("SELECT COUNT(*) FROM event_groups WHERE sources > 1"),
            "by_modality": dict(self.conn.execute("SELECT modality, COUNT(*) FROM events GROUP BY modality").fetchall()),
        }

    def integrity(self) -> list[str]:
        """Problems found by SQLite's own check and by ours (events without documents, counts off)."""
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        orphans = self.conn.execute(
            "SELECT COUNT(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} events without a document")
        off = self.conn.execute(
            "SELECT COUNT(*) FROM documents d WHERE event_count != (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.doc_id)"
        ).fetchone()[0]
        if off:
            problems.append(f"{off} documents whose event count is wrong")
        return problems


def order_by(sort: str | None) -> str:
    """ORDER BY clause for a sort key ("fatalities", "-date"); the tie-breaks keep pages stable."""
    key = sort or "date"
    descending = key.startswith("-")
    column = SORTS.get(key.lstrip("-"))
    if column is None:
        raise WarlogError(Errors.E306.format(value=sort, choices=", ".join(SORTS)))
    return (f"{column} IS NULL, {column} {'DESC' if descending else 'ASC'},"
            " e.date_start IS NULL, e.date_start, e.doc_id, e.span_start, e.id")


def open_store(path: str | Path = DEFAULT_PATH) -> Store:
    return Store(path)

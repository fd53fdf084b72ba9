"""Corroboration: events of different documents that tell of the same real-world event share a group.

Two events match when their types are the same or compatible, their actors overlap (when both
name any), their points lie within a distance that depends on how precise the places are, and
their date ranges overlap (with a day's slack); rules in `data/corroboration.json`. Grouping is
incremental: each new event joins the group of its best match in another document, or founds a
group named after itself, so a group's id never changes as later reports join it. A group counts
its independent sources: the outlets its events are attributed to, else each document's
publisher, else the document itself (two wires quoting the same outlet are one source).

DOCS: DESIGN.md, "Corroboration".
"""
from __future__ import annotations

import json
import math
import sqlite3
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from .errors import DataError, Errors

RULES_FILE = Path(__file__).resolve().parent / "data" / "corroboration.json"
KM_PER_DEGREE = 111.2
LONGEST_RANGE = timedelta(days=7)  # a week: the widest date range an eligible event has


@lru_cache(maxsize=1)
def rules() -> dict:
    try:
        raw = json.loads(RULES_FILE.read_text(encoding="utf-8"))
        pairs = {frozenset(p) for p in raw["compatible_types"]["pairs"]}
        return {"modalities": set(raw["modalities"]["words"]), "precisions": set(raw["date_precisions"]["words"]),
                "ratio": float(raw["fatalities_ratio"]["value"]),
                "max_km": {int(k): float(v) for k, v in raw["max_km"]["values"].items()},
                "slack": timedelta(days=int(raw["date_slack_days"]["value"])), "pairs": pairs}
    except (ValueError, KeyError, TypeError) as exc:
        raise DataError(Errors.E601.format(path=RULES_FILE, detail=exc)) from None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def eligible(rec: dict) -> bool:
    """Only located, dated reports of something that happened can be matched across documents."""
    loc = rec.get("location") or {}
    when = rec.get("date") or {}
    return (rec.get("modality") in rules()["modalities"] and loc.get("lat") is not None
            and loc.get("admin1") is not None  # a whole country is no place to match reports on
            and when.get("start") is not None and when.get("precision") in rules()["precisions"]
            and rec.get("plover_type") != "STATEMENT")


def _actor_keys(rec: dict) -> set[str]:
    return {a.get("actor_id") or a.get("canonical") or a["name"]
            for a in (rec.get("actors") or []) + (rec.get("recipients") or [])}


def compatible(a: dict, b: dict) -> bool:
    """Same type, or compatible types with a toll on both sides; tolls, when both give one, close."""
    ta, tb = a.get("acled_event_type"), b.get("acled_event_type")
    fa, fb = (a.get("fatalities") or {}).get("best"), (b.get("fatalities") or {}).get("best")
    if fa is not None and fb is not None and min(fa, fb) < rules()["ratio"] * max(fa, fb):
        return False
    if ta and tb:
        return ta == tb or frozenset((ta, tb)) in rules()["pairs"] and fa is not None and fb is not None
    return not ta and not tb and a.get("plover_type") == b.get("plover_type")


def match(a: dict, b: dict) -> tuple | None:
    """How well b matches a (a sort key, larger is better), or None when they are not one event."""
    if not compatible(a, b):
        return None
    ka, kb = _actor_keys(a), _actor_keys(b)
    shared = len(ka & kb)
    if ka and kb and not shared:
        return None
    la, lb = a["location"], b["location"]
    precision = max(la.get("geo_precision") or 3, lb.get("geo_precision") or 3)
    distance = km(la["lat"], la["lon"], lb["lat"], lb["lon"])
    if distance > rules()["max_km"].get(precision, 150.0):
        return None
    return (shared, a.get("acled_sub_event_type") == b.get("acled_sub_event_type"), -distance)


def sources_of(records: list[dict]) -> set[str]:
    """The independent sources behind a group's events: per document, the outlets and actors its
    reports are attributed to, else its publisher, else the document itself (a wire's headline
    and its "security sources said" lead are one source)."""
    by_doc: dict[str, set[str]] = {}
    fallback: dict[str, str] = {}
    for rec in records:
        att = rec.get("attribution") or {}
        named = {s.get("actor_id") or s.get("source") for s in att.get("sources") or [] if s.get("source")}
        if not named and att.get("source"):
            named = {att.get("actor_id") or att["source"]}
        by_doc.setdefault(rec["doc_id"], set()).update(f"said:{s}" for s in named)
        fallback[rec["doc_id"]] = f"publisher:{rec['publisher']}" if rec.get("publisher") else f"doc:{rec['doc_id']}"
    return set().union(*(named or {fallback[doc]} for doc, named in by_doc.items()))


def assign(conn: sqlite3.Connection, event_ids: list[str]) -> set[str]:
    """Give each of these stored events a group (in the caller's transaction); returns the groups
    touched, whose counts `refresh` must then update."""
    touched: set[str] = set()
    for event_id in event_ids:
        rec = json.loads(conn.execute("SELECT record FROM events WHERE event_id = ?", (event_id,)).fetchone()[0])
        if not eligible(rec):
            continue
        group = _best_group(conn, rec) or event_id
        conn.execute("UPDATE events SET group_id = ? WHERE event_id = ?", (group, event_id))
        touched.add(group)
    return touched


def _best_group(conn: sqlite3.Connection, rec: dict) -> str | None:
    r = rules()
    slack = r["slack"]
    start = (date.fromisoformat(rec["date"]["start"]) - slack).isoformat()
    end = (date.fromisoformat(rec["date"]["end"] or rec["date"]["start"]) + slack).isoformat()
    loc = rec["location"]
    reach = max(r["max_km"].values()) / KM_PER_DEGREE
    wide = reach / max(math.cos(math.radians(loc["lat"])), 0.05)
    # the narrow columns first (type, place, date), so that few JSON records are read
    etype = rec.get("acled_event_type")
    types = sorted({etype} | {t for pair in r["pairs"] if etype in pair for t in pair}) if etype else []
    kind = (f"acled_event_type IN ({', '.join('?' * len(types))})" if types
            else "acled_event_type IS NULL AND plover_type = ?")
    # date_start bounded on both sides, so that the scan reads a few days of events, not all before;
    # the covering index events_scan (migration 2) tests place and type before any row is fetched
    earliest = (date.fromisoformat(start) - LONGEST_RANGE).isoformat()
    rows = conn.execute(
        "SELECT group_id, record FROM events INDEXED BY events_scan WHERE group_id IS NOT NULL AND doc_id != ?"
        " AND date_start BETWEEN ? AND ? AND COALESCE(date_end, date_start) >= ?"
        f" AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? AND {kind}",
        (rec["doc_id"], earliest, end, start, loc["lat"] - reach, loc["lat"] + reach, loc["lon"] - wide,
         loc["lon"] + wide, *(types or [rec.get("plover_type")])))
    best = None
    for group, raw in rows:
        key = match(rec, json.loads(raw))
        if key is not None and (best is None or key > best[0]):
            best = (key, group)
    return best[1] if best else None


def refresh(conn: sqlite3.Connection, groups: set[str]) -> None:
    """Recount the events and independent sources of these groups; forget the empty ones."""
    for group in groups:
        records = [json.loads(raw) for (raw,) in conn.execute("SELECT record FROM events WHERE group_id = ?", (group,))]
        if not records:
            conn.execute("DELETE FROM event_groups WHERE group_id = ?", (group,))
            continue
        sources = sources_of(records)
        conn.execute("INSERT INTO event_groups (group_id, events, sources) VALUES (?, ?, ?)"
                     " ON CONFLICT(group_id) DO UPDATE SET events = excluded.events, sources = excluded.sources",
                     (group, len(records), len(sources)))

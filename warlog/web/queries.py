"""Read-only views of a store for the web pages: map points, timeline counts, places, breakdowns
and an actor's neighbourhood. Each takes an EventFilter and uses its SQL condition, so every page
shows the same events the table and the downloads hold.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from ..filters import EventFilter
from ..store import ACTOR_KEY, Store, actor_key
from .params import country_code

OTHER = "Other"  # events without an ACLED type (PLOVER CONSULT, AGREE, ...): one colour on the map
CATEGORY = f"COALESCE(e.acled_event_type, '{OTHER}')"
PALETTE_FILE = Path(__file__).with_name("palette.json")
INTERVALS = ("day", "week")


@lru_cache(maxsize=1)
def _palette() -> tuple[tuple[str, str], ...]:
    return tuple(json.loads(PALETTE_FILE.read_text(encoding="utf-8")).items())


def palette() -> dict[str, str]:
    """Colour of each event category, in legend order; OTHER last."""
    return dict(_palette())


def _where(flt: EventFilter) -> tuple[str, list]:
    return flt.where(country_code)


def points_json(store: Store, flt: EventFilter) -> str:
    """Located events as columns, compact for 100,000 points: {"total", "categories", "id", "lat",
    "lon", "category" (index into categories)}, as JSON text. SQLite builds the arrays itself, in
    one pass, which is several times faster than building them in Python."""
    where, params = _where(flt)
    cats = list(palette())
    case = (f"CASE {CATEGORY} " + " ".join(f"WHEN ? THEN {i}" for i in range(len(cats)))
            + f" ELSE {cats.index(OTHER)} END")
    sql = (f"SELECT COUNT(*), json_group_array(e.event_id), json_group_array(e.lat), json_group_array(e.lon),"
           f" json_group_array({case}) FROM events e WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL")
    total, ids, lat, lon, category = store.conn.execute(sql, cats + params).fetchone()
    return (f'{{"total": {total}, "categories": {json.dumps(cats)}, "id": {ids}, "lat": {lat}, "lon": {lon},'
            f' "category": {category}}}')


def timeline(store: Store, flt: EventFilter, interval: str = "week") -> dict:
    """Events per day or ISO week (from the start of each event's date range), by category."""
    where, params = _where(flt)
    cats = list(palette())
    # one row per day, a count per category: grouping by the indexed day alone needs no sort
    sums = ", ".join(f"SUM({CATEGORY} = ?)" for _ in cats)
    sql = (f"SELECT e.date_start, {sums}, COUNT(*) FROM events e"
           f" WHERE {where} AND e.date_start IS NOT NULL GROUP BY e.date_start ORDER BY e.date_start")
    periods: dict[str, dict[str, int]] = {}
    for day, *counts, total in store.conn.execute(sql, cats + params):
        if interval == "week":  # ISO weeks start on Monday
            d = date.fromisoformat(day)
            day = (d - timedelta(days=d.weekday())).isoformat()
        slot = periods.setdefault(day, {})
        counts[-1] += total - sum(counts)  # a type the palette does not name counts as Other
        for cat, n in zip(cats, counts):
            if n:
                slot[cat] = slot.get(cat, 0) + n
    undated = store.conn.execute(f"SELECT COUNT(*) FROM events e WHERE {where} AND e.date_start IS NULL",
                                 params).fetchone()[0]
    return {"interval": interval, "categories": cats,
            "periods": [{"start": k, "counts": v} for k, v in periods.items()], "undated": undated}


def places(store: Store, flt: EventFilter, limit: int = 1000) -> list[dict]:
    """Places of the filtered events, most events first."""
    where, params = _where(flt)
    sql = (f"SELECT e.location AS name, e.country, e.admin1, e.lat, e.lon, e.geo_precision,"
           f" COUNT(*) AS events, SUM(COALESCE(e.fatalities, 0)) AS fatalities FROM events e"
           f" WHERE {where} AND e.location IS NOT NULL GROUP BY e.location, e.lat, e.lon"
           f" ORDER BY events DESC, name LIMIT ?")
    return [dict(r) for r in store.conn.execute(sql, params + [limit])]


def breakdown(store: Store, flt: EventFilter) -> dict:
    """Counts of the filtered events: in all, located, dead, and by category, country, modality,
    from one scan (a filter with a subquery would run it once per scan)."""
    where, params = _where(flt)
    sql = (f"SELECT {CATEGORY}, +e.country, +e.modality, COUNT(*), COUNT(e.lat), SUM(COALESCE(e.fatalities, 0)),"
           f" MIN(e.date_start), MAX(e.date_end) FROM events e WHERE {where} GROUP BY 1, 2, 3")
    out = {"events": 0, "located": 0, "fatalities": 0, "first": None, "last": None}
    groups: dict[str, Counter] = {"by_category": Counter(), "by_country": Counter(), "by_modality": Counter()}
    for category, country, modality, n, located, dead, first, last in store.conn.execute(sql, params):
        out["events"] += n
        out["located"] += located
        out["fatalities"] += dead
        out["first"] = min(filter(None, (out["first"], first)), default=None)
        out["last"] = max(filter(None, (out["last"], last)), default=None)
        for name, key in (("by_category", category), ("by_country", country or ""), ("by_modality", modality)):
            groups[name][key] += n
    return {**out, **{name: dict(counts.most_common()) for name, counts in groups.items()}}


def choices(store: Store) -> dict:
    """What the filter bar offers: the types and countries present in the store."""
    types = [r[0] for r in store.conn.execute(
        "SELECT DISTINCT acled_event_type FROM events WHERE acled_event_type IS NOT NULL ORDER BY 1")]
    plover = [r[0] for r in store.conn.execute("SELECT DISTINCT plover_type FROM events ORDER BY 1")]
    countries = [r[0] for r in store.conn.execute(
        "SELECT DISTINCT country FROM events WHERE country IS NOT NULL ORDER BY 1")]
    return {"types": types, "plover_types": plover, "countries": countries}


# --- actors ---------------------------------------------------------------------------------
def _is_actor(alias: str = "") -> str:
    """Condition on event_actors rows that are the actor with key `?` (the indexed columns first)."""
    a = f"{alias}." if alias else ""
    return (f"({a}actor_id = ? OR {a}actor_id IS NULL AND ({a}canonical = ?"
            f" OR {a}canonical IS NULL AND {a}name = ?))")


def actor_summary(store: Store, key: str) -> dict | None:
    sql = (f"SELECT MAX(actor_id) AS actor_id, COALESCE(MAX(canonical), MAX(name)) AS canonical, MAX(type) AS type,"
           f" MAX(country) AS country, SUM(role = 'actor') AS as_actor, SUM(role = 'recipient') AS as_recipient,"
           f" SUM(role = 'assoc') AS as_associate, COUNT(*) AS n FROM event_actors WHERE {_is_actor()}")
    row = dict(store.conn.execute(sql, (key, key, key)).fetchone())
    if not row.pop("n"):
        return None
    names = store.conn.execute(f"SELECT name, COUNT(*) FROM event_actors WHERE {_is_actor()} GROUP BY name"
                               f" ORDER BY COUNT(*) DESC", (key, key, key)).fetchall()
    return {"key": key, **row, "names": [{"name": n, "count": c} for n, c in names]}


def actor_events(store: Store, key: str, role: str, flt: EventFilter, limit: int = 100) -> dict:
    """The filtered events in which the actor has this role (actor or recipient), newest first."""
    where, params = _where(flt)
    scope = f"e.event_id IN (SELECT event_id FROM event_actors WHERE role = ? AND {_is_actor()})"
    args = [role, key, key, key] + params
    total = store.conn.execute(f"SELECT COUNT(*) FROM events e WHERE {scope} AND {where}", args).fetchone()[0]
    sql = (f"SELECT record FROM events e WHERE {scope} AND {where}"
           f" ORDER BY e.date_start IS NULL, e.date_start DESC, e.doc_id, e.span_start LIMIT ?")
    events = [json.loads(r[0]) for r in store.conn.execute(sql, args + [limit])]
    return {"total": total, "events": events}


def network(store: Store, key: str, flt: EventFilter, neighbours: int = 24) -> dict:
    """Who acts on whom around one actor: the actor, its most frequent counterparts, and every
    actor -> recipient edge among them, one per category with the number of events. An actor
    on both sides of an event ("clashes between two clans") draws no edge to itself."""
    where, params = _where(flt)
    # only the events of the actors shown are read: their event ids first, through event_actors
    pairs = (f"SELECT {actor_key('a')} AS src, {actor_key('r')} AS dst, {CATEGORY} AS category"
             f" FROM scope JOIN event_actors a ON a.event_id = scope.event_id AND a.role = 'actor'"
             f" JOIN event_actors r ON r.event_id = scope.event_id AND r.role = 'recipient'"
             f" JOIN events e ON e.event_id = scope.event_id WHERE {where}")
    near = store.conn.execute(
        f"WITH scope AS (SELECT DISTINCT event_id FROM event_actors WHERE {_is_actor()}), p AS ({pairs})"
        f" SELECT CASE WHEN src = ? THEN dst ELSE src END AS other, COUNT(*) AS n FROM p"
        f" WHERE (src = ? OR dst = ?) AND src != dst GROUP BY other ORDER BY n DESC, other LIMIT ?",
        [key, key, key] + params + [key, key, key, neighbours]).fetchall()
    keys = [key] + [r[0] for r in near]
    marks = ", ".join("?" * len(keys))
    edges = store.conn.execute(
        f"WITH scope AS (SELECT DISTINCT event_id FROM event_actors WHERE role = 'actor' AND {ACTOR_KEY} IN ({marks})),"
        f" p AS ({pairs}) SELECT src, dst, category, COUNT(*) FROM p"
        f" WHERE src IN ({marks}) AND dst IN ({marks}) AND src != dst GROUP BY src, dst, category"
        f" ORDER BY COUNT(*) DESC",
        keys + params + keys + keys).fetchall()
    labels = dict(store.conn.execute(
        f"SELECT {ACTOR_KEY} AS k, COALESCE(MAX(canonical), MAX(name)) FROM event_actors"
        f" WHERE {ACTOR_KEY} IN ({marks}) GROUP BY k", keys).fetchall())
    nodes = [{"key": k, "label": labels.get(k, k)} for k in keys]
    return {"nodes": nodes, "edges": [{"source": s, "target": t, "category": c, "events": n}
                                      for s, t, c, n in edges]}

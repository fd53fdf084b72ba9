"""Writers for event records: ACLED-style CSV, JSON, JSON Lines, GeoJSON, PLOVER JSON Lines, a table.

Every writer takes event records (dicts of the DESIGN.md contract, as `Event.to_dict()` and the
store return them) and a text stream. Text from articles is untrusted: CSV cells that a
spreadsheet would run as a formula are neutralised with a leading apostrophe.
"""
from __future__ import annotations

import csv
import json
from datetime import datetime
from typing import Callable, Iterable, TextIO

from . import countries
from .events.acled import table as acled_table

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
EXTRA_COLUMNS = [
    "warlog_event_id", "date_start", "date_end", "date_precision", "plover_type", "plover_mode", "modality",
    "attribution_source", "attribution_text", "confidence", "fatalities_low", "fatalities_best",
    "fatalities_high", "source_url", "publisher", "published_at", "text", "span_start", "span_end",
    "doc_id", "input_id", "dedup_cluster_id", "language", "extractor_version", "updated_at",
    "group_sources", "genre", "statement_id", "attribution_sources",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def acled_columns() -> list[str]:
    return list(acled_table()["csv_columns"]) + EXTRA_COLUMNS


def safe_cell(value):
    """Neutralise text a spreadsheet would evaluate ("=HYPERLINK(...)", "@SUM(...)")."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _names(refs: list[dict]) -> tuple[str, str, int]:
    if not refs:
        return "", "", 0
    first = refs[0]
    name = first.get("canonical") or first.get("name") or ""
    assoc = "; ".join(r.get("canonical") or r.get("name") for r in refs[1:])
    return name, assoc, first.get("type") or 0


def _interaction(a: int, b: int) -> str:
    if not a:
        return ""
    if not b:
        return f"{a}0"
    lo, hi = sorted((a, b))
    return f"{lo}{hi}"


def _timestamp(rec: dict) -> int | str:
    stamp = rec.get("updated_at")
    if not stamp:
        return ""
    return int(datetime.fromisoformat(stamp).timestamp())


def acled_row(rec: dict) -> dict:
    loc = rec.get("location") or {}
    date = rec.get("date") or {}
    fat = rec.get("fatalities") or {}
    attribution = rec.get("attribution") or {}
    country = countries.get(loc.get("country"))
    actor1, assoc1, inter1 = _names(rec.get("actors") or [])
    actor2, assoc2, inter2 = _names(rec.get("recipients") or [])
    assoc1 = "; ".join(filter(None, [assoc1] + [a.get("canonical") or a.get("name") for a in rec.get("assoc_actors") or []]))
    start = date.get("start") or ""
    row = {
        "data_id": int(rec["event_id"][:12], 16),
        "iso": country.numeric if country else "",
        "event_id_cnty": f"{country.iso3 if country else 'XXX'}{rec['event_id']}",
        "event_id_no_cnty": rec["event_id"],
        "event_date": start,
        "year": start[:4],
        "time_precision": TIME_PRECISION.get(date.get("precision"), ""),
        "event_type": rec.get("acled_event_type") or "",
        "sub_event_type": rec.get("acled_sub_event_type") or "",
        "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "region": country.region if country and country.region else "",
        "country": country.name if country else "",
        "admin1": loc.get("admin1") or "", "admin2": loc.get("admin2") or "", "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": loc.get("geo_precision") or "",
        "source": rec.get("publisher") or "",
        "source_scale": "",
        "notes": rec.get("quote") or "",
        "fatalities": fat.get("best", 0) if fat else 0,
        "timestamp": _timestamp(rec),
        "iso3": country.iso3 if country else "",
        "warlog_event_id": rec["event_id"],
        "date_start": start, "date_end": date.get("end") or "", "date_precision": date.get("precision") or "",
        "plover_type": rec.get("plover_type") or "", "plover_mode": rec.get("plover_mode") or "",
        "modality": rec.get("modality") or "",
        "attribution_source": attribution.get("source") or "", "attribution_text": attribution.get("text") or "",
        "confidence": rec.get("confidence"),
        "fatalities_low": fat.get("low", "") if fat else "", "fatalities_best": fat.get("best", "") if fat else "",
        "fatalities_high": fat.get("high", "") if fat else "",
        "source_url": rec.get("source_url") or "", "publisher": rec.get("publisher") or "",
        "published_at": rec.get("published_at") or "",
        "text": rec.get("quote") or "", "span_start": rec["span"][0], "span_end": rec["span"][1],
        "doc_id": rec.get("doc_id") or "", "input_id": rec.get("input_id") or "",
        # the corroboration group (corroboration.py) is the cluster of reports of one event
        "dedup_cluster_id": rec.get("group_id") or "", "language": rec.get("language") or "",
        "extractor_version": rec.get("extractor_version") or "", "updated_at": rec.get("updated_at") or "",
        "group_sources": rec.get("group_sources") or "", "genre": rec.get("genre") or "",
        "statement_id": rec.get("statement_id") or "",
        "attribution_sources": "; ".join(s.get("source") or "" for s in attribution.get("sources") or []),
    }
    return {k: safe_cell(v) for k, v in row.items()}


def write_csv(records: Iterable[dict], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=acled_columns(), lineterminator="\n")
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow(acled_row(rec))
        n += 1
    return n


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_json(records: Iterable[dict], out: TextIO) -> int:
    records = list(records)
    json.dump(records, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(records)


def feature(rec: dict) -> dict | None:
    loc = rec.get("location") or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    row = acled_row(rec)
    props = {k: row[k] for k in ("warlog_event_id", "event_type", "sub_event_type", "plover_type", "actor1", "actor2",
                                 "country", "admin1", "location", "geo_precision", "fatalities", "modality",
                                 "date_start", "date_end", "date_precision", "confidence", "source_url", "publisher",
                                 "genre", "statement_id")}
    props["group_id"] = rec.get("group_id")
    props["group_sources"] = rec.get("group_sources")
    props["event_id"] = props.pop("warlog_event_id")
    props["quote"] = rec.get("quote")
    return {"type": "Feature", "id": rec["event_id"],
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},  # GeoJSON order: lon, lat
            "properties": props}


def write_geojson(records: Iterable[dict], out: TextIO) -> int:
    feats = [f for f in (feature(r) for r in records) if f is not None]
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)


def plover_record(rec: dict) -> dict:
    def actors(refs):
        return [{"actorText": r["name"], "code": r.get("country"), "actorId": r.get("actor_id"),
                 "canonical": r.get("canonical"), "type": r.get("type")} for r in refs or []]

    fat = rec.get("fatalities") or {}
    loc = rec.get("location")
    return {
        "id": rec["event_id"],
        "date": (rec.get("date") or {}).get("start"),
        "dateRange": rec.get("date"),
        "source": actors(rec.get("actors")),
        "target": actors(rec.get("recipients")),
        "event": rec["plover_type"],
        "mode": rec.get("plover_mode"),
        "context": None,
        "eventText": (rec.get("trigger") or {}).get("text"),
        "text": rec.get("quote"),
        "dead": fat.get("best") if fat else None,
        "injured": rec.get("injured"),
        "geolocation": loc and {"placeName": loc["name"], "lat": loc["lat"], "lon": loc["lon"],
                                "country": loc["country"], "admin1": loc.get("admin1"),
                                "geoPrecision": loc.get("geo_precision"), "placeId": loc.get("place_id")},
        "modality": rec.get("modality"),
        "attribution": rec.get("attribution"),
        "statementId": rec.get("statement_id"),
        "groupId": rec.get("group_id"),
        "groupSources": rec.get("group_sources"),
        "genre": rec.get("genre"),
        "url": rec.get("source_url"),
        "publication": rec.get("publisher"),
        "language": rec.get("language"),
        "coder": "warlog",
        "version": rec.get("extractor_version"),
    }


def write_plover_jsonl(records: Iterable[dict], out: TextIO) -> int:
    return write_jsonl((plover_record(r) for r in records), out)


def _clip(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def format_table(records: Iterable[dict], width: int = 160) -> str:
    """A plain-text table for terminals: one line per event."""
    cols = [("date", 10), ("type", 26), ("actor", 22), ("recipient", 22), ("location", 18), ("dead", 4), ("modality", 12)]
    quote_w = max(width - sum(w + 2 for _, w in cols), 20)
    lines = ["  ".join(name.ljust(w) for name, w in cols) + "  quote"]
    lines.append("  ".join("-" * w for _, w in cols) + "  " + "-" * quote_w)
    for rec in records:
        loc = rec.get("location") or {}
        fat = rec.get("fatalities")
        etype = rec.get("acled_sub_event_type") or rec.get("acled_event_type") or rec.get("plover_type")
        cells = [
            (rec.get("date") or {}).get("start") or "?",
            f"{rec['plover_type']}/{etype}" if etype != rec["plover_type"] else etype,
            ", ".join(a.get("canonical") or a["name"] for a in rec.get("actors") or []) or "-",
            ", ".join(a.get("canonical") or a["name"] for a in rec.get("recipients") or []) or "-",
            loc.get("name") or "-",
            "" if not fat else str(fat["best"]),
            rec.get("modality") or "",
        ]
        row = "  ".join(_clip(c, w).ljust(w) for c, (_, w) in zip(cells, cols))
        lines.append(row + "  " + _clip(rec.get("quote") or "", quote_w))
    return "\n".join(lines) + "\n"


def write_table(records: Iterable[dict], out: TextIO) -> int:
    records = list(records)
    out.write(format_table(records))
    return len(records)


WRITERS: dict[str, Callable[[Iterable[dict], TextIO], int]] = {
    "table": write_table,
    "csv": write_csv,
    "acled-csv": write_csv,
    "json": write_json,
    "jsonl": write_jsonl,
    "geojson": write_geojson,
    "plover-jsonl": write_plover_jsonl,
}

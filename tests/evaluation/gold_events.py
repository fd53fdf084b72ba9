"""Event records built by hand, shaped like `Event.to_dict()`, for the pure compare steps."""
from __future__ import annotations

import csv
from pathlib import Path


def actor(name: str, actor_id: str | None = None, type_: int | None = None, country: str | None = None,
          canonical: str | None = None) -> dict:
    return {"name": name, "actor_id": actor_id, "canonical": canonical or name, "type": type_,
            "country": country, "span": None}


def event(acled_type: str | None = None, sub_type: str | None = None, *, actors=(), recipients=(),
          lat: float | None = None, lon: float | None = None, admin1: str | None = None,
          country: str | None = None, precision: int | None = None, start: str | None = None,
          end: str | None = None, dead: int | None = None) -> dict:
    location = None
    if lat is not None:
        location = {"name": "somewhere", "place_id": None, "lat": lat, "lon": lon, "country": country,
                    "admin1": admin1, "admin2": None, "geo_precision": precision, "span": None,
                    "geonames_id": None}
    return {
        "acled_event_type": acled_type, "acled_sub_event_type": sub_type,
        "actors": list(actors), "recipients": list(recipients), "assoc_actors": [],
        "location": location,
        "date": {"start": start, "end": end or start, "precision": "day" if start else None, "text": None},
        "fatalities": None if dead is None else {"low": dead, "best": dead, "high": dead, "text": None},
        "modality": "asserted",
    }


def write_csv(path: Path, header: list[str], rows: list[dict], extra_rows: list[list[str]] = ()) -> Path:
    """A CSV in a dataset's column layout: missing cells empty; `extra_rows` (raw) go first."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for raw in extra_rows:
            w.writerow(raw)
        for row in rows:
            w.writerow([row.get(col, "") for col in header])
    return path

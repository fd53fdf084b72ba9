"""ACLED: warlog on ACLED's own analyst-written notes, compared field by field with ACLED's coding.

Each note is one event; it is extracted alone, with the event date as its publication date, and
the event warlog found that best stands for it (`records.best_event`: same ACLED type, then
nearest, then first) is compared with the row.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import metrics as m
from .core import Runner, Section
from .records import ActorKeys, Admin1, best_event, distance_km, extract_once, fatalities, first_type, \
    parse_date, same_day

NAME = "acled"
TITLE = "ACLED notes, 27 Apr - 9 May 2020"
FILES = ("acled/acled_2020-04-27_2020-05-09_global.csv",)
SUBSETS = {"all": None, "syria_iraq": ("SYR", "IRQ")}

NOTES = [
    "Each note is extracted alone with event_date as its publication date. The event compared with "
    "the row is the one of the same ACLED type, else the nearest to ACLED's point, else the first: "
    "choosing with the gold type flatters the type figures a little.",
    "Every figure counts all notes: a note where warlog finds no event misses every field. "
    "fatalities_mae alone is over notes with an event; a toll warlog does not give counts as 0, as ACLED "
    "codes it.",
    "Actors: ACLED's name is resolved with the knowledge base (KnowledgeBase.match); \"X and/or Y\" "
    "accepts either; a name it does not know can never match (actor1_known/actor2_known say how many it knows). Civilians, protesters and "
    "rioters match by ACLED type and country, other generic names (Unidentified Armed Group (Iraq)) by "
    "name and country. A warlog actor also counts as the organisations it belongs to on that date. "
    "actor1 is compared with warlog's actors, actor2 with its recipients; inter codes come from the "
    "first typed actor of each side (0: none).",
    "ACLED types a state's forces abroad as 8 (external); warlog types a state force 1 wherever it is.",
    "admin1: names compared after place-name normalisation, then through the gazetteer's subdivisions "
    "of the event's country. Dates: exact day only.",
    "No published figures: ACLED does not publish an extraction baseline on its notes.",
]


@dataclass
class Gold:
    note: str
    day: date | None
    country3: str
    country2: str
    event_type: str
    sub_event_type: str
    actor1: str
    inter1: int
    actor2: str
    inter2: int
    admin1: str
    lat: float | None
    lon: float | None
    geo_precision: int | None
    fatalities: int


def _int(text: str, default: int = 0) -> int:
    try:
        return int(float(text))
    except (TypeError, ValueError):
        return default


def _float(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def load(path: Path, countries: ActorKeys) -> tuple[list[Gold], int]:
    """The rows with a note, and how many had none."""
    rows, empty = [], 0
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if not (r.get("notes") or "").strip():
                empty += 1
                continue
            iso3 = (r.get("iso3") or "").strip() or countries.country(r.get("country", "")) or ""
            country = countries.kb.country(iso3) if iso3 else None
            rows.append(Gold(
                note=r["notes"].strip(), day=parse_date(r.get("event_date")), country3=iso3,
                country2=country.iso2 if country else "", event_type=r.get("event_type", ""),
                sub_event_type=r.get("sub_event_type", ""), actor1=r.get("actor1", ""),
                inter1=_int(r.get("inter1")), actor2=r.get("actor2", ""), inter2=_int(r.get("inter2")),
                admin1=r.get("admin1", ""), lat=_float(r.get("latitude")), lon=_float(r.get("longitude")),
                geo_precision=_int(r.get("geo_precision"), None), fatalities=_int(r.get("fatalities")),
            ))
    return rows, empty


@dataclass
class Compared:
    """One note's outcome, field by field (the pure result of `compare`)."""

    found: bool
    event_type: str | None
    sub_event_type: str | None
    actor1_known: bool
    actor1: bool
    actor2_known: bool | None  # None: ACLED codes no actor2
    actor2: bool | None
    inter1: int | None
    inter2: int | None
    km: float | None
    admin1: bool
    date: bool
    fatalities: int | None
    geo_precision: bool


def compare(gold: Gold, events: list[dict], actors: ActorKeys, admin1: Admin1) -> Compared:
    ev = best_event(events, (gold.event_type,), gold.lat, gold.lon)
    on, where = gold.day, gold.country3 or None
    keys1 = actors.alternatives(gold.actor1, gold.inter1, on, where)
    keys2 = actors.alternatives(gold.actor2, gold.inter2, on, where) if gold.actor2.strip() else []
    if ev is None:
        return Compared(False, None, None, bool(keys1), False,
                        bool(keys2) if gold.actor2.strip() else None,
                        False if gold.actor2.strip() else None, None, None, None, False, False, None, False)
    loc = ev.get("location") or {}
    here = loc.get("country")
    return Compared(
        found=True,
        event_type=ev.get("acled_event_type"),
        sub_event_type=ev.get("acled_sub_event_type"),
        actor1_known=bool(keys1),
        actor1=bool(set(keys1) & actors.predicted(ev.get("actors", []), on, here)),
        actor2_known=bool(keys2) if gold.actor2.strip() else None,
        actor2=bool(set(keys2) & actors.predicted(ev.get("recipients", []), on, here))
        if gold.actor2.strip() else None,
        inter1=first_type(ev.get("actors", [])),
        inter2=first_type(ev.get("recipients", [])),
        km=distance_km(ev, gold.lat, gold.lon),
        admin1=admin1.same(gold.admin1, loc.get("admin1"), gold.country2),
        date=same_day(ev, gold.day),
        fatalities=fatalities(ev),
        geo_precision=gold.geo_precision is not None and loc.get("geo_precision") == gold.geo_precision,
    )


def section(subset: str, golds: list[Gold], results: list[Compared], empty: int = 0) -> Section:
    """The figures of one subset: pure arithmetic over compared notes."""
    n = len(golds)
    sec = Section(NAME, subset, TITLE if subset == "all" else f"{TITLE}: Syria and Iraq", n, notes=list(NOTES))
    pairs = list(zip(golds, results))
    with_event = [(g, c) for g, c in pairs if c.found]
    with_actor2 = [(g, c) for g, c in pairs if g.actor2.strip()]
    share = lambda hits: m.ratio(sum(1 for h in hits if h), n)  # noqa: E731
    sec.add("no_event", "notes with no event", share(not c.found for c in results), n, better="lower")
    sec.add("event_type_accuracy", "event type accuracy", m.accuracy((g.event_type, c.event_type) for g, c in pairs), n)
    subs = [(g.sub_event_type, c.sub_event_type) for g, c in pairs]
    sec.add("sub_event_type_accuracy", "sub-event type accuracy", m.accuracy(subs), n)
    sec.add("sub_event_type_macro_f1", "sub-event type macro-F1", m.macro_f1(subs), n)
    sec.add("actor1_known", "actor1 known to the knowledge base", share(c.actor1_known for c in results), n)
    sec.add("actor1_match", "actor1 matched", share(c.actor1 for c in results), n)
    n2 = len(with_actor2)
    sec.add("actor2_known", "actor2 known to the knowledge base",
            m.ratio(sum(1 for _, c in with_actor2 if c.actor2_known), n2), n2)
    sec.add("actor2_match", "actor2 matched", m.ratio(sum(1 for _, c in with_actor2 if c.actor2), n2), n2)
    sec.add("inter1_accuracy", "inter1 accuracy", m.accuracy((g.inter1, c.inter1) for g, c in pairs), n)
    sec.add("inter2_accuracy", "inter2 accuracy", m.accuracy((g.inter2, c.inter2) for g, c in pairs), n)
    errors = [c.km for c in results]
    sec.add("location_5km", "location within 5 km", m.within(errors, 5), n)
    sec.add("location_25km", "location within 25 km", m.within(errors, 25), n)
    sec.add("admin1_match", "admin1 matched", share(c.admin1 for c in results), n)
    sec.add("date_exact", "date exact", share(c.date for c in results), n)
    sec.add("fatalities_exact", "fatalities exact",
            share(c.found and c.fatalities == g.fatalities for g, c in pairs), n)
    sec.add("fatalities_mae", "fatalities mean absolute error",
            m.mean_absolute_error((g.fatalities, c.fatalities) for g, c in with_event), len(with_event),
            unit="number", better="lower")
    sec.add("geo_precision_agreement", "geo_precision agreement", share(c.geo_precision for c in results), n)
    if empty:
        sec.add("rows_without_note", "rows without a note (not scored)", empty, empty, unit="count", better=None)
    return sec


def score(paths: list[Path], runner: Runner) -> list[Section]:
    from ..actors import KnowledgeBase
    from ..places import Gazetteer

    kb = KnowledgeBase.load(list(runner.actor_files))
    actors, admin1 = ActorKeys(kb), Admin1(Gazetteer.open())
    golds, empty = [], 0
    for path in paths:
        rows, skipped = load(path, actors)
        golds += rows
        empty += skipped
    found = extract_once(runner, [(g.note, g.day) for g in golds], label=NAME)
    results = [compare(g, evs, actors, admin1) for g, evs in zip(golds, found)]
    sections = []
    for subset, countries in SUBSETS.items():
        keep = [i for i, g in enumerate(golds) if countries is None or g.country3 in countries]
        sections.append(section(subset, [golds[i] for i in keep], [results[i] for i in keep],
                                empty if countries is None else 0))
    return sections

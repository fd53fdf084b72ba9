"""GTD: warlog on the Global Terrorism Database's incident summaries for Iraq, 2012-2015.

Each summary is one incident; it is extracted alone with the incident date as its publication
date, and the event that best stands for it (an ACLED type the attack type allows, then nearest
to the city, then first) is compared with the row.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import metrics as m
from .core import Runner, Section
from .records import ActorKeys, best_event, distance_km, extract_once, fatalities, number, parse_date

NAME = "gtd"
TITLE = "GTD incident summaries, Iraq 2012-2015"
FILES = ("gtd/gtd_iraq_2012_2015.csv",)
ATTACK_TYPES_FILE = Path(__file__).parent / "data" / "gtd_attack_types.json"
UNKNOWN = "Unknown"

NOTES = [
    "Each summary is extracted alone with the incident date as its publication date. The event compared "
    "is one whose ACLED type the attack type allows (data/gtd_attack_types.json), else the nearest to "
    "GTD's city, else the first; type_consistent is therefore whether any event has an allowed type.",
    "Every figure counts all summaries (no event: a miss). killed_exact counts rows with a death toll; "
    "a toll warlog does not give counts as 0. GTD counts perpetrators among the dead; warlog counts "
    "whom the text says died.",
    "Perpetrator: GTD's group name resolved with the knowledge base and compared with the actors of every "
    "event warlog found in the summary (the group is usually named in a claim sentence of its own), "
    "under their names on the incident date (al-Qaida in Iraq is the Islamic State's predecessor; "
    "a unit counts as its parent). 'Unknown': a hit when warlog names no armed group of the knowledge "
    "base in the summary. "
    "Generic names the knowledge base cannot resolve ('Muslim extremists') are not scored "
    "(perpetrator_unscored).",
    "No published figures: GTD publishes no extraction baseline on its summaries.",
]


def attack_types(path: Path = ATTACK_TYPES_FILE) -> dict[str, tuple[str, ...]]:
    with open(path, encoding="utf-8") as f:
        return {k: tuple(v) for k, v in json.load(f)["types"].items()}


@dataclass
class Gold:
    summary: str
    day: date | None
    attack_type: str
    group: str
    lat: float | None
    lon: float | None
    killed: int | None


def load(path: Path) -> list[Gold]:
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if not (r.get("summary") or "").strip():
                continue
            killed = number(r.get("killed"))
            rows.append(Gold(r["summary"].strip(), parse_date(r.get("date")), r.get("attack_type", ""),
                             (r.get("group_name") or "").strip(), number(r.get("latitude")),
                             number(r.get("longitude")), None if killed is None else int(killed)))
    return rows


@dataclass
class Compared:
    found: bool
    type_consistent: bool
    km: float | None
    killed: bool | None  # None: GTD gives no toll
    perpetrator: bool | None  # None: not scored (a generic name the knowledge base cannot resolve)


def compare(gold: Gold, events: list[dict], actors: ActorKeys, allowed: dict[str, tuple[str, ...]]) -> Compared:
    types = allowed.get(gold.attack_type, allowed.get(UNKNOWN, ()))
    ev = best_event(events, types, gold.lat, gold.lon)
    if gold.group == UNKNOWN:
        key = UNKNOWN
    else:
        key = actors.gold(gold.group, None, gold.day, "IRQ")
    scored = key is not None
    if ev is None:
        return Compared(False, False, None, False if gold.killed is not None else None, False if scored else None)
    # The doers of every event of the summary: GTD's summaries name the group in a sentence of its
    # own ("X claimed responsibility"), apart from the attack.
    doers = [a for e in events for a in e.get("actors", [])]
    if key == UNKNOWN:
        perpetrator = not any(actors.is_known_group(a) for a in doers)
    elif scored:
        perpetrator = key in actors.predicted(doers, gold.day, "IRQ")
    else:
        perpetrator = None
    return Compared(
        found=True,
        type_consistent=ev.get("acled_event_type") in types,
        km=distance_km(ev, gold.lat, gold.lon),
        killed=(fatalities(ev) == gold.killed) if gold.killed is not None else None,
        perpetrator=perpetrator,
    )


def section(golds: list[Gold], results: list[Compared]) -> Section:
    n = len(golds)
    sec = Section(NAME, "all", TITLE, n, notes=list(NOTES))
    share = lambda hits, total=n: m.ratio(sum(1 for h in hits if h), total)  # noqa: E731
    sec.add("event_found", "summaries with an event", share(c.found for c in results), n)
    sec.add("type_consistent", "ACLED type allowed by the attack type", share(c.type_consistent for c in results), n)
    sec.add("city_25km", "location within 25 km of the city", m.within([c.km for c in results], 25), n)
    tolls = [c.killed for c in results if c.killed is not None]
    sec.add("killed_exact", "killed exact", share(tolls, len(tolls)), len(tolls))
    named = [c.perpetrator for g, c in zip(golds, results) if c.perpetrator is not None and g.group != UNKNOWN]
    unknown = [c.perpetrator for g, c in zip(golds, results) if g.group == UNKNOWN]
    scored = named + unknown
    sec.add("perpetrator_match", "perpetrator matched", share(scored, len(scored)), len(scored))
    sec.add("perpetrator_named_match", "named perpetrator matched", share(named, len(named)), len(named))
    sec.add("perpetrator_unknown_match", "unknown perpetrator: no group named", share(unknown, len(unknown)),
            len(unknown))
    unscored = sum(1 for c in results if c.perpetrator is None)
    sec.add("perpetrator_unscored", "perpetrators not scored (generic names)", unscored, n, unit="count", better=None)
    return sec


def score(paths: list[Path], runner: Runner) -> list[Section]:
    from ..actors import KnowledgeBase

    actors = ActorKeys(KnowledgeBase.load(list(runner.actor_files)))
    allowed = attack_types()
    golds = [g for path in paths for g in load(path)]
    found = extract_once(runner, [(g.summary, g.day) for g in golds], label=NAME)
    return [section(golds, [compare(g, evs, actors, allowed) for g, evs in zip(golds, found)])]

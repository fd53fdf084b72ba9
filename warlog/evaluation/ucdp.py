"""UCDP GED: warlog on the news headlines UCDP cites for each Iraqi event (GED 19.1).

A row cites one or more headlines joined by ";" (and their dates likewise). They are extracted
together, one paragraph each, with the first source date as the publication date; the event
nearest UCDP's point (then the first) is compared with the row. Rows citing no headline are
skipped and counted.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import metrics as m
from .core import Runner, Section
from .records import ActorKeys, best_event, distance_km, extract_once, fatalities, number, parse_date

NAME = "ucdp"
TITLE = "UCDP GED headlines, Iraq"
FILES = ("ucdp/ucdp_ged_iraq.csv",)

NOTES = [
    "Text: the row's source headlines (';'-separated, one paragraph each), published on the first "
    "source date (date_start when unreadable). Rows with no headline are skipped (rows_without_headline); "
    "identical headline and date pairs are extracted once and scored for every row that cites them.",
    "The event compared is the one nearest UCDP's point, else the first. Every figure counts all rows "
    "with a headline (no event: a miss); a toll warlog does not give counts as 0.",
    "A headline often reports a toll summed over several UCDP events, or none of the event's own: "
    "deaths figures are a floor for what headline-only extraction can reach.",
    "Sides: UCDP's side_a and side_b resolved with the knowledge base (\"IS\", \"PKK\"; a list of "
    "governments: any of them) and looked for among the actors and recipients of the event compared, "
    "in either role (UCDP's sides are not doer and target). A government side also answers to its "
    "state's military and police (UCDP's \"Government of Iraq\" is the state and its forces); "
    "\"Civilians\" to civilians in Iraq. A side the knowledge base cannot name is not scored.",
    "No published figures: UCDP publishes no extraction baseline on its headlines.",
]


@dataclass
class Gold:
    text: str
    published: date | None
    lat: float | None
    lon: float | None
    low: int
    best: int
    high: int
    side_a: str = ""
    side_b: str = ""


def headline_text(headline: str) -> str:
    """One paragraph per cited headline."""
    return "\n\n".join(part.strip() for part in headline.split(";") if part.strip())


def load(path: Path) -> tuple[list[Gold], int]:
    """The rows with a headline, and how many had none. The row after the header holds HXL tags."""
    rows, skipped = [], 0
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        for r in reader:
            if (r.get("year") or "").startswith("#"):
                continue  # the HXL tags row
            text = headline_text(r.get("source_headline") or "")
            if not text:
                skipped += 1
                continue
            first = (r.get("source_date") or "").split(";")[0]
            published = parse_date(first) or parse_date(r.get("date_start"))
            rows.append(Gold(text, published, number(r.get("latitude")), number(r.get("longitude")),
                             int(number(r.get("low")) or 0), int(number(r.get("best")) or 0),
                             int(number(r.get("high")) or 0), (r.get("side_a") or "").strip(),
                             (r.get("side_b") or "").strip()))
    return rows, skipped


@dataclass
class Compared:
    found: bool
    km: float | None
    deaths: int | None
    side_a: bool | None = None  # None: the knowledge base cannot name the side
    side_b: bool | None = None


def side_keys(side: str, actors: ActorKeys | None, on: date | None) -> set[tuple]:
    """The keys a UCDP side answers to: "Government of Iraq" also as Iraq's military and police,
    a list of governments as any of them, "Civilians" as civilians in Iraq."""
    if actors is None or not side:
        return set()
    if side == "Civilians":
        return {("crowd", 7, "IRQ")}
    keys: set[tuple] = set()
    for name in side.split(", "):
        key = actors.gold(name, None, on, "IRQ")
        if key is None:
            continue
        keys.add(key)
        actor = actors.kb.get(key[1])
        if actor is not None and actor.generated and actor.kind == "government" and actor.country:
            for kind in ("military", "police"):
                force = actors.kb.state_force(actor.country, kind)
                if force is not None:
                    keys.add(("id", force.id))
    return keys


def compare(gold: Gold, events: list[dict], actors: ActorKeys | None = None) -> Compared:
    ev = best_event(events, (), gold.lat, gold.lon)
    a_keys, b_keys = side_keys(gold.side_a, actors, gold.published), side_keys(gold.side_b, actors, gold.published)
    if ev is None:
        return Compared(False, None, None, False if a_keys else None, False if b_keys else None)
    both = ev.get("actors", []) + ev.get("recipients", [])
    predicted = actors.predicted(both, gold.published, (ev.get("location") or {}).get("country")) if actors else set()
    return Compared(True, distance_km(ev, gold.lat, gold.lon), fatalities(ev),
                    bool(a_keys & predicted) if a_keys else None, bool(b_keys & predicted) if b_keys else None)


def section(golds: list[Gold], results: list[Compared], skipped: int) -> Section:
    n = len(golds)
    sec = Section(NAME, "all", TITLE, n, notes=list(NOTES))
    share = lambda hits: m.ratio(sum(1 for h in hits if h), n)  # noqa: E731
    pairs = list(zip(golds, results))
    sec.add("event_found", "rows with an event", share(c.found for c in results), n)
    sec.add("location_25km", "location within 25 km", m.within([c.km for c in results], 25), n)
    sec.add("deaths_in_range", "deaths within [low, high]",
            share(c.found and g.low <= c.deaths <= g.high for g, c in pairs), n)
    sec.add("deaths_best_exact", "deaths equal to best", share(c.found and c.deaths == g.best for g, c in pairs), n)
    for side in ("side_a", "side_b"):
        scored = [getattr(c, side) for c in results if getattr(c, side) is not None]
        sec.add(f"{side}_match", f"{side} named (as actor or recipient)", m.ratio(sum(scored), len(scored)),
                len(scored))
    sec.add("rows_without_headline", "rows without a headline (not scored)", skipped, n + skipped,
            unit="count", better=None)
    return sec


def score(paths: list[Path], runner: Runner) -> list[Section]:
    golds, skipped = [], 0
    for path in paths:
        rows, none = load(path)
        golds += rows
        skipped += none
    from ..actors import KnowledgeBase

    actors = ActorKeys(KnowledgeBase.load(list(runner.actor_files)))
    found = extract_once(runner, [(g.text, g.published) for g in golds], label=NAME)
    return [section(golds, [compare(g, evs, actors) for g, evs in zip(golds, found)], skipped)]

"""Reading warlog's event records against one gold event (ACLED, GTD, UCDP rows).

A gold row describes one event; warlog may find several in its text. The scorers pick one with
`best_event` and compare its fields with the small pure functions here, so that each comparison
can be checked by hand on event dicts built in a test.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Iterable, Sequence

from .metrics import haversine_km

# ACLED's generic actor names: "Civilians (Syria)", "Unidentified Armed Group (Iraq)".
_GENERIC = re.compile(r"^(?P<name>[^()]+?) \((?P<country>[^()]+)\)$")
# Crowds and bystanders have no identity beyond their role and country: ACLED types 5-7.
CROWD_TYPES = (5, 6, 7)
_DATE_FORMATS = ("%Y-%m-%d", "%d-%b-%y", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%m/%d/%Y")


def parse_date(text: str | None) -> date | None:
    """A gold date in any of the layouts the datasets use ("9-May-20", "2014-01-25", "09 May 2020")."""
    text = (text or "").strip()
    for layout in _DATE_FORMATS:
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    return None


def number(text: str | None) -> float | None:
    """A gold count ("6.0", "12", "") as a number, None when empty or unreadable."""
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


# --- which event -------------------------------------------------------------------------------

def distance_km(event: dict | None, lat: float | None, lon: float | None) -> float | None:
    """Kilometres from the event's location to a gold point; None when either is unknown."""
    loc = (event or {}).get("location") or {}
    if lat is None or lon is None or loc.get("lat") is None or loc.get("lon") is None:
        return None
    return haversine_km(lat, lon, loc["lat"], loc["lon"])


def best_event(events: Sequence[dict], types: Iterable[str] = (), lat: float | None = None,
               lon: float | None = None) -> dict | None:
    """The event of a text that stands for the gold event: first those whose ACLED type is one of
    `types` (the gold type, or the types a GTD attack type allows), then the one nearest the gold
    point (an event without a location comes after every located one), then the first in the text.
    None when warlog found nothing."""
    allowed = set(types)

    def rank(indexed):
        i, ev = indexed
        km = distance_km(ev, lat, lon)
        return (ev.get("acled_event_type") not in allowed, km is None, km or 0.0, i)

    return min(enumerate(events), key=rank)[1] if events else None


# --- fields ------------------------------------------------------------------------------------

def fatalities(event: dict | None) -> int:
    """warlog's best toll; a toll the text does not give counts as 0, ACLED's convention."""
    toll = (event or {}).get("fatalities")
    return int(toll["best"]) if toll else 0


def same_day(event: dict | None, day: date | None) -> bool:
    """The event is dated to exactly that day (a range that merely contains it is not)."""
    span = (event or {}).get("date") or {}
    return day is not None and span.get("start") == day.isoformat() and span.get("end") == day.isoformat()


def first_type(refs: Sequence[dict]) -> int:
    """The ACLED inter code of a side: its first typed actor, 0 when the side is empty (ACLED's
    code for no actor), -1 when it has actors but none is typed."""
    if not refs:
        return 0
    return next((r["type"] for r in refs if r.get("type") is not None), -1)


class ActorKeys:
    """Keys under which a gold actor name and warlog's actor records are compared.

    - a name the knowledge base resolves: ("id", the actor under its name on the event's date),
      so that Jabhat al-Nusra and Hay'at Tahrir al-Sham are one organisation;
    - civilians, protesters and rioters: ("crowd", ACLED type, ISO3 country);
    - other generic names ("Unidentified Armed Group (Iraq)"): ("generic", name, ISO3 country).
    A warlog actor also stands for the organisations it belongs to on that date (a Tribal
    Mobilization unit is part of the PMU), never the reverse.
    """

    def __init__(self, kb):
        self.kb = kb
        self._countries: dict[str, str] = {}  # normalised country name -> ISO3

    def country(self, name: str) -> str | None:
        """ISO3 of a country as ACLED or GTD writes it ("Syria", "Democratic Republic of Congo")."""
        from ..actors import normalise

        if not self._countries:
            for c in self.kb.countries():
                for form in (c.iso3, c.name, c.acled_name, *c.names, *c.short):
                    self._countries.setdefault(normalise(form), c.iso3)
        return self._countries.get(normalise(name))

    def _current(self, actor_id: str, on: date | None) -> str:
        actor = self.kb.current_name(actor_id, on)
        return actor.id if actor is not None else actor_id

    def gold(self, name: str, inter: int | None = None, on: date | None = None,
             country: str | None = None) -> tuple | None:
        """The key of a gold actor name; None when nothing in warlog could name it. `country` is
        the event's ISO3, used when the name carries none."""
        name = (name or "").strip()
        if not name:
            return None
        generic = _GENERIC.match(name)
        named = self.country(generic["country"]) if generic else None
        if named is None:
            generic = None  # "Military Forces of Syria (2000-)": a period, not a country
        where = named or country
        if generic and inter in CROWD_TYPES:
            return ("crowd", inter, where)
        actor = self.kb.match(name, on, country=country)
        if actor is not None:
            return ("id", self._current(actor.id, on))
        if generic:
            return ("generic", generic["name"], where)
        if name in self.kb.generic_names() and country:
            return ("generic", name, country)  # "Unidentified Gang" written without its country
        return None

    def alternatives(self, name: str, inter: int | None = None, on: date | None = None,
                     country: str | None = None) -> list[tuple]:
        """The keys a gold name accepts: its own, or each side's for "X and/or Y" (ACLED's coder
        could not tell which of the two it was: either is right)."""
        parts = [p.strip() for p in name.split(" and/or ")] if " and/or " in name else [name]
        keys = [self.gold(part, inter, on, country) for part in parts]
        return [k for k in dict.fromkeys(keys) if k is not None]

    def predicted(self, refs: Sequence[dict], on: date | None = None, country: str | None = None) -> set[tuple]:
        """Every key warlog's actor records (one side of an event) answer to. An unnamed actor
        without a country takes `country`, the ISO3 of the event's location (ACLED's naming)."""
        keys: set[tuple] = set()
        for ref in refs:
            if ref.get("actor_id"):
                todo, seen = [ref["actor_id"]], set()
                while todo:  # the actor and the organisations it belongs to
                    aid = self._current(todo.pop(), on)
                    if aid not in seen:
                        seen.add(aid)
                        todo += [p.id for p in self.kb.parents(aid, on)]
                keys |= {("id", aid) for aid in seen}
                continue
            where = ref.get("country") or country
            if ref.get("type") in CROWD_TYPES:
                keys.add(("crowd", ref["type"], where))
            generic = _GENERIC.match(ref.get("canonical") or "")
            if generic:
                keys.add(("generic", generic["name"], where))
        return keys

    def is_known_group(self, ref: dict) -> bool:
        """The record names an armed group of the knowledge base (not a state, not a crowd)."""
        actor = self.kb.get(ref["actor_id"]) if ref.get("actor_id") else None
        return actor is not None and actor.kind == "armed_group"


# --- places ------------------------------------------------------------------------------------

class Admin1:
    """Whether warlog's admin1 is the gold one. Names are compared after place-name normalisation
    (diacritics, articles, consonant skeleton: "Deir-ez-Zor" = "Dayr az Zawr"); names that still
    differ are looked up as subdivisions of the gold country in the gazetteer, whose alternate
    names join exonyms to their local names ("Aleppo" = "Halab")."""

    def __init__(self, gazetteer=None):
        self.gz = gazetteer
        self._lookups: dict[tuple[str, str], str | None] = {}

    @staticmethod
    def keys(name: str) -> set[str]:
        from ..places import bare, skeleton

        name = re.sub(r"\b(governorate|province|region|state)\b", " ", name, flags=re.IGNORECASE)
        return {bare(name), skeleton(name)} - {""}

    def _resolve(self, country2: str, name: str) -> str | None:
        if self.gz is None or not country2:
            return None
        if (country2, name) not in self._lookups:
            place = self.gz.admin1(country2, name)
            self._lookups[country2, name] = place.place_id if place else None
        return self._lookups[country2, name]

    def same(self, gold: str, predicted: str | None, country2: str | None = None) -> bool:
        if not gold or not predicted:
            return False
        if self.keys(gold) & self.keys(predicted):
            return True
        a, b = self._resolve(country2 or "", gold), self._resolve(country2 or "", predicted)
        return a is not None and a == b


def extract_once(runner, items: Sequence[tuple[str, date | None]], label: str) -> list[list[dict]]:
    """runner.extract over the distinct (text, published) pairs only, fanned back out in order:
    datasets repeat a headline or note for every event it reports."""
    distinct = list(dict.fromkeys(items))
    found = dict(zip(distinct, runner.extract(distinct, label=label)))
    return [found[item] for item in items]

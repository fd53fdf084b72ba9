"""Query parameters of the pages and the API, turned into the library's own objects.

The filter bar, `/api/events` and `warlog events` share one set of names: EventQuery's fields
are EventFilter's fields (a test holds them equal), so a URL and a command line mean the same.
"""
from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from .. import countries
from ..filters import EventFilter
from ..record import MODALITIES
from ..store import SORTS

Modality = Literal[MODALITIES]
SORT_KEYS = tuple(SORTS) + tuple(f"-{k}" for k in SORTS)
PAGE_SIZE = 50
MAX_PAGE = 1000


class EventQuery(BaseModel):
    """Event filters as query parameters; repeat `country`, `type` and `modality` for several."""

    since: date | None = Field(None, description="Events whose date range ends on or after this day.")
    until: date | None = Field(None, description="Events whose date range starts on or before this day.")
    country: list[str] = Field([], description="ISO3 code or country name.")
    admin1: str | None = Field(None, description="First-level region (province, governorate).")
    location: str | None = Field(None, description="Place name contains this.")
    actor: str | None = Field(None, description="Actor on either side: name contains this, or an actor id.")
    actor_type: int | None = Field(None, ge=1, le=8, description="ACLED inter code of an actor on either side.")
    type: list[str] = Field([], description="PLOVER type, ACLED event type or sub-event type.")
    modality: list[Modality] = Field([], description="Keep these modalities.")
    text: str | None = Field(None, description="Full-text search over quotes, actors and places.")
    min_fatalities: int | None = Field(None, ge=0, description="At least this many dead (best estimate).")
    max_geo_precision: int | None = Field(None, ge=1, le=3, description="Drop coarser places (3 = province).")
    source: str | None = Field(None, description="Publisher, URL or file contains this.")
    doc_id: str | None = Field(None, description="Events of one document.")
    corroborated: int | None = Field(None, ge=1, description="Events told by at least this many independent sources.")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_absent(cls, value):
        """An empty field of the filter form means no filter, not an invalid value."""
        if isinstance(value, str):
            return value.strip() or None
        if isinstance(value, list):
            return [v.strip() for v in value if isinstance(v, str) and v.strip()] or []
        return value

    def to_filter(self) -> EventFilter:
        return EventFilter(**{f.name: getattr(self, f.name) for f in fields(EventFilter)})


class Page(BaseModel):
    limit: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0)
    sort: Literal[SORT_KEYS] = Field("date", description="Column to sort by; a leading '-' sorts descending.")


# a country name in a filter ("Iraq") means its ISO3 code, as on the command line
country_code = countries.iso3

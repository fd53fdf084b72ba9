"""Event filters, one definition for the CLI, the Python API and (later) the web app.

`EventFilter.where()` turns a filter into an SQL condition over the store's `events` table, with
parameters; every value is bound, never pasted into SQL.

A unary `+` in front of a column keeps SQLite from answering through that column's own index:
on a large store, the rows such an index selects (a whole country, every asserted event) are
each fetched from the wide events table, which costs far more than one scan of the narrow
covering index `events_scan` (migrations.py) that the condition then uses.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from .errors import Errors, WarlogError
from .record import MODALITIES


@dataclass
class EventFilter:
    since: date | None = None  # events whose date range ends on or after this day
    until: date | None = None  # events whose date range starts on or before this day
    country: list[str] = field(default_factory=list)  # ISO3 codes or country names
    admin1: str | None = None
    location: str | None = None  # place name, substring
    actor: str | None = None  # name (substring of written or canonical name) or actor id, either side
    actor_type: int | None = None  # ACLED inter code, either side
    type: list[str] = field(default_factory=list)  # PLOVER type, ACLED event type or sub-event type
    modality: list[str] = field(default_factory=list)
    text: str | None = None  # full-text search over quotes, actors and places
    min_fatalities: int | None = None
    max_geo_precision: int | None = None
    source: str | None = None  # publisher or URL, substring
    doc_id: str | None = None
    corroborated: int | None = None  # events whose corroboration group has at least this many independent sources

    def __post_init__(self):
        for m in self.modality:
            if m not in MODALITIES:
                raise WarlogError(Errors.E305.format(value=m, choices=", ".join(MODALITIES)))

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, [], "") for f in fields(self))

    def where(self, countries=None) -> tuple[str, list]:
        """SQL condition and parameters. `countries` maps a country name to ISO3 when given."""
        sql, params = [], []
        if self.since:
            sql.append("(e.date_end >= ? OR e.date_end IS NULL AND e.date_start >= ?)")
            params += [self.since.isoformat()] * 2
        if self.until:
            sql.append("e.date_start <= ?")
            params.append(self.until.isoformat())
        if self.country:
            codes = [(countries(c) if countries else None) or c.upper() for c in self.country]
            sql.append(f"+e.country IN ({', '.join('?' * len(codes))})")
            params += codes
        if self.admin1:
            sql.append("e.admin1 = ? COLLATE NOCASE")
            params.append(self.admin1)
        if self.location:
            sql.append("e.location LIKE ?")
            params.append(f"%{self.location}%")
        if self.actor:
            sql.append("+e.event_id IN (SELECT event_id FROM event_actors WHERE actor_id = ? OR name LIKE ? OR canonical LIKE ?)")
            params += [self.actor, f"%{self.actor}%", f"%{self.actor}%"]
        if self.actor_type is not None:
            sql.append("+e.event_id IN (SELECT event_id FROM event_actors WHERE type = ?)")
            params.append(self.actor_type)
        if self.type:
            ors = []
            for t in self.type:
                ors.append("(e.plover_type = ? COLLATE NOCASE OR e.acled_event_type = ? COLLATE NOCASE"
                           " OR e.acled_sub_event_type = ? COLLATE NOCASE)")
                params += [t, t, t]
            sql.append("(" + " OR ".join(ors) + ")")
        if self.modality:
            sql.append(f"+e.modality IN ({', '.join('?' * len(self.modality))})")
            params += self.modality
        if self.text:
            sql.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            params.append(fts_query(self.text))
        if self.min_fatalities is not None:
            sql.append("e.fatalities >= ?")
            params.append(self.min_fatalities)
        if self.max_geo_precision is not None:
            sql.append("e.geo_precision <= ?")
            params.append(self.max_geo_precision)
        if self.source:
            sql.append("e.doc_id IN (SELECT doc_id FROM documents WHERE publisher LIKE ? OR url LIKE ? OR source LIKE ?)")
            params += [f"%{self.source}%"] * 3
        if self.doc_id:
            sql.append("e.doc_id = ?")
            params.append(self.doc_id)
        if self.corroborated is not None:
            sql.append("e.group_id IN (SELECT group_id FROM event_groups WHERE sources >= ?)")
            params.append(self.corroborated)
        return (" AND ".join(sql) or "1"), params


# Letters that Unicode does not decompose into a base letter plus a mark, so that FTS5's
# remove_diacritics leaves them alone: "Diyarbakır" must still match "Diyarbakir".
_FOLD = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                       "ħ": "h", "ß": "ss", "æ": "ae", "œ": "oe", "ʿ": "", "ʾ": "", "ʼ": "", "’": "'", "‘": "'"})


def fold(text: str) -> str:
    """What the search index stores and what queries are matched as."""
    return text.translate(_FOLD)


def fts_query(text: str) -> str:
    """Plain words become an AND of quoted terms, so that user punctuation is never FTS syntax."""
    words = [w.replace('"', "") for w in fold(text).split()]
    return " ".join(f'"{w}"' for w in words if w)

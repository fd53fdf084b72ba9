"""warlog: conflict reporting in, a structured, geolocated, sourced event log out.

    >>> import warlog
    >>> events = warlog.extract(text, published="2017-11-03")
    >>> places = warlog.geoparse(text)
    >>> names = warlog.entities(text)
    >>> store = warlog.open("warlog.db")

DOCS: README.md (usage) and DESIGN.md (the pipeline and the event record).
"""
from __future__ import annotations

import logging

from .about import __version__
from .errors import DataError, InputError, NotFoundError, StoreError, WarlogError
from .entities import entities  # binds the name over the submodule of the same name
from .filters import EventFilter
from .geoparse import geoparse  # binds the name over the submodule of the same name
from .record import ActorRef, Attribution, DateValue, Document, Event, Fatalities, Location

__all__ = ["extract", "geoparse", "entities", "open", "Event", "Document", "ActorRef", "Location", "DateValue",
           "Fatalities", "Attribution", "EventFilter", "WarlogError", "InputError", "StoreError", "NotFoundError",
           "DataError", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(text: str, published=None, url: str | None = None, *, title: str | None = None,
            fmt: str = "text") -> list[Event]:
    """Events in one article's text; no store needed. `published` is a date or "YYYY-MM-DD";
    without it, relative dates ("on Friday") stay unresolved."""
    from .documents import read_text
    from .pipeline import default_extractor

    document = read_text(text, url=url, title=title, published=published, fmt=fmt)
    return default_extractor().extract(document)


def open(path: str = "warlog.db"):  # noqa: A001  (the API the design names)
    """Open (or create) a store: `warlog.open("events.db").events(EventFilter(country=["SYR"]))`."""
    from .store import Store

    return Store(path)

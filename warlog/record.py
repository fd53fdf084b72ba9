"""The records warlog passes between its stages and hands to users.

`Event.to_dict()` is the event record contract of DESIGN.md: every field is always present,
null where unknown. Fields may be added; none is renamed without a note in CHANGELOG.md.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date

MODALITIES = ("asserted", "claimed", "denied", "planned", "predicted", "hypothetical", "negated")
PRECISIONS = ("day", "week", "month", "year")
GENRES = ("news", "roundup", "opinion", "press_release")
# plover_type of a speech act that no PLOVER type fits ("X said that ..."): not a PLOVER category
STATEMENT = "STATEMENT"

# ACLED interaction codes (inter1/inter2).
ACTOR_TYPES = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}


def content_hash(text: str, length: int = 16) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


@dataclass
class Document:
    """One article, its text normalised (every offset in warlog refers to `text`)."""

    text: str
    source: str | None = None  # where it came from: a path, "path#line", a URL or "-"
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    published_from: str | None = None  # metadata | html | dateline | title | option
    input_id: str | None = None  # the `id` of a .jsonl input line
    format: str = "text"  # text | markdown | html | jsonl | feed
    language: str = "en"
    genre: str | None = None  # one of GENRES, from the text (genre.py) unless the input says

    @property
    def doc_id(self) -> str:
        return content_hash(self.text)

    @property
    def source_key(self) -> str:
        """Identity of the document across versions: a changed version replaces the old one."""
        return self.url or self.source or self.doc_id


@dataclass(frozen=True)
class DateValue:
    """A resolved date: a day, or a range with the precision of what the text said."""

    start: date | None
    end: date | None
    precision: str | None  # one of PRECISIONS, None when unresolved
    text: str | None = None  # the words the date came from

    def to_dict(self) -> dict:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "text": self.text,
        }


@dataclass
class ActorRef:
    name: str  # as written in the text
    actor_id: str | None = None
    canonical: str | None = None
    type: int | None = None  # ACLED inter code 1-8
    country: str | None = None  # ISO3
    span: tuple[int, int] | None = None

    @classmethod
    def of(cls, actor, text: str | None = None, span: tuple[int, int] | None = None) -> ActorRef:
        """A reference to a knowledge-base actor, as written (`text`, by default its name)."""
        return cls(actor.name if text is None else text, actor.id, actor.name, actor.type, actor.country, span)


@dataclass
class Location:
    name: str
    place_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO3
    admin1: str | None = None
    admin2: str | None = None
    geo_precision: int | None = None  # 1 town, 2 near a town or district, 3 province or region
    span: tuple[int, int] | None = None
    geonames_id: int | None = None


@dataclass
class Fatalities:
    low: int
    best: int
    high: int
    text: str | None = None


@dataclass
class Attribution:
    source: str  # who the text says the information comes from (the first of `sources`)
    text: str  # the words that say so
    actor_id: str | None = None  # the outlet or actor it resolves to in the knowledge base
    # every source when several say it ("Lebanese media is reporting, and Reuters appears to be
    # confirming, that ..."): dicts with source, text, actor_id
    sources: list[dict] = field(default_factory=list)


@dataclass
class Event:
    doc_id: str
    quote: str
    span: tuple[int, int]
    trigger: str
    trigger_span: tuple[int, int]
    plover_type: str
    plover_mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actors: list[ActorRef] = field(default_factory=list)
    recipients: list[ActorRef] = field(default_factory=list)
    assoc_actors: list[ActorRef] = field(default_factory=list)
    location: Location | None = None
    date: DateValue | None = None
    fatalities: Fatalities | None = None
    modality: str = "asserted"
    attribution: Attribution | None = None
    statement_id: str | None = None  # the event_id of the speech act that reports this event, if any
    confidence: float = 0.5
    evidence: dict[str, str] = field(default_factory=dict)  # field -> why it has its value
    # document-level context, filled in by the pipeline
    source_url: str | None = None
    publisher: str | None = None
    published_at: str | None = None
    genre: str | None = None  # the document's genre
    input_id: str | None = None
    language: str = "en"
    extractor_version: str | None = None

    @property
    def event_id(self) -> str:
        """Same document, same span and trigger: same id, in every run."""
        key = f"{self.doc_id}:{self.span[0]}:{self.span[1]}:{self.trigger_span[0]}"
        return content_hash(key)

    def to_dict(self) -> dict:
        def actor(a: ActorRef) -> dict:
            d = asdict(a)
            d["span"] = list(a.span) if a.span else None
            return d

        loc = None
        if self.location is not None:
            loc = asdict(self.location)
            loc["span"] = list(self.location.span) if self.location.span else None
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "quote": self.quote,
            "span": list(self.span),
            "trigger": {"text": self.trigger, "span": list(self.trigger_span)},
            "plover_type": self.plover_type,
            "plover_mode": self.plover_mode,
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "actors": [actor(a) for a in self.actors],
            "recipients": [actor(a) for a in self.recipients],
            "assoc_actors": [actor(a) for a in self.assoc_actors],
            "location": loc,
            "date": self.date.to_dict() if self.date else DateValue(None, None, None).to_dict(),
            "fatalities": asdict(self.fatalities) if self.fatalities else None,
            "modality": self.modality,
            "attribution": asdict(self.attribution) if self.attribution else None,
            "statement_id": self.statement_id,
            "confidence": round(self.confidence, 3),
            "evidence": dict(self.evidence),
            "source_url": self.source_url,
            "publisher": self.publisher,
            "published_at": self.published_at,
            "genre": self.genre,
            "input_id": self.input_id,
            "language": self.language,
            "extractor_version": self.extractor_version,
        }

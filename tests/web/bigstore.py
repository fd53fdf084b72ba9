"""A large store for the web benchmark, made from a store of the example reports: copies of each
document (a line added at the end, so offsets stay valid) with its events, dates moved by up to
three years either way and places moved by a few kilometres, written through `Store.save`.

    python tests/web/bigstore.py TEMPLATE.db OUT.db --events 100000
"""
from __future__ import annotations

import argparse
import random
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path

from warlog.record import ActorRef, Attribution, DateValue, Document, Event, Fatalities, Location
from warlog.store import Store

SHIFT_DAYS = 3 * 365
JITTER_DEG = 0.05  # about 5 km


def _make(cls, d: dict | None):
    if d is None:
        return None
    names = {f.name for f in fields(cls)}
    kw = {k: v for k, v in d.items() if k in names}
    if "span" in kw and kw["span"] is not None:
        kw["span"] = tuple(kw["span"])
    return cls(**kw)


def _shift(iso: str | None, days: int) -> date | None:
    return date.fromisoformat(iso) + timedelta(days=days) if iso else None


def copy_event(rec: dict, doc_id: str, days: int, dlat: float, dlon: float) -> Event:
    """The event of a record, in another document, moved in time and space."""
    loc = _make(Location, rec["location"])
    if loc is not None and loc.lat is not None:
        loc.lat, loc.lon = round(loc.lat + dlat, 5), round(loc.lon + dlon, 5)
    d = rec["date"]
    return Event(
        doc_id=doc_id, quote=rec["quote"], span=tuple(rec["span"]), trigger=rec["trigger"]["text"],
        trigger_span=tuple(rec["trigger"]["span"]), plover_type=rec["plover_type"], plover_mode=rec["plover_mode"],
        acled_event_type=rec["acled_event_type"], acled_sub_event_type=rec["acled_sub_event_type"],
        actors=[_make(ActorRef, a) for a in rec["actors"]], recipients=[_make(ActorRef, a) for a in rec["recipients"]],
        assoc_actors=[_make(ActorRef, a) for a in rec["assoc_actors"]], location=loc,
        date=DateValue(_shift(d["start"], days), _shift(d["end"], days), d["precision"], d["text"]),
        fatalities=_make(Fatalities, rec["fatalities"]), modality=rec["modality"],
        attribution=_make(Attribution, rec["attribution"]), confidence=rec["confidence"],
        evidence=rec["evidence"], source_url=rec["source_url"], publisher=rec["publisher"],
        published_at=rec["published_at"], input_id=rec["input_id"], language=rec["language"],
        extractor_version=rec["extractor_version"])


def generate(template: Path, out: Path, events: int, seed: int = 7) -> int:
    """Write at least `events` events into a new store at `out`; returns how many."""
    with Store(template) as t:
        records = t.events()
        docs = {d["doc_id"]: t.document(d["doc_id"]) for d in t.documents()}
    by_doc: dict[str, list[dict]] = {}
    for rec in records:
        by_doc.setdefault(rec["doc_id"], []).append(rec)
    sources = [(docs[k], v) for k, v in sorted(by_doc.items())]
    rng = random.Random(seed)
    written = copy = 0
    with Store(out) as store:
        while written < events:
            src, recs = sources[copy % len(sources)]
            days = rng.randint(-SHIFT_DAYS, SHIFT_DAYS)
            published = _shift(src["published"], days)
            doc = Document(text=f"{src['text']}\n\n(copy {copy})", source=f"bench:{copy}", title=src["title"],
                           url=None, publisher=src["publisher"], published=published,
                           published_from=src["published_from"], format=src["format"])
            evs = [copy_event(r, doc.doc_id, days, rng.uniform(-JITTER_DEG, JITTER_DEG),
                              rng.uniform(-JITTER_DEG, JITTER_DEG)) for r in recs[:events - written]]
            store.save(doc, evs)
            written += len(evs)
            copy += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("template", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    n = generate(args.template, args.out, args.events)
    print(f"{n} events in {args.out}")


if __name__ == "__main__":
    main()

"""Hand-built documents and events for tests that need no model."""
from __future__ import annotations

from datetime import date

from warlog.record import ActorRef, DateValue, Document, Event, Fatalities, Location


def make_document(text: str = "Gunmen attacked a checkpoint near Kirkuk on Monday.", source: str = "/news/a.txt",
                  published: date | None = date(2017, 11, 3), **kw) -> Document:
    return Document(text=text, source=source, published=published, **kw)


def make_event(doc: Document, start: int = 0, end: int | None = None, **kw) -> Event:
    end = len(doc.text) if end is None else end
    fields = dict(
        doc_id=doc.doc_id, quote=doc.text[start:end], span=(start, end), trigger="attacked",
        trigger_span=(start + 7, start + 15), plover_type="ASSAULT", acled_event_type="Battles",
        acled_sub_event_type="Armed clash",
        actors=[ActorRef("Gunmen", None, "Unidentified Armed Group", 3, "IRQ")],
        recipients=[ActorRef("Iraqi police", "police-irq", "Police Forces of Iraq", 1, "IRQ")],
        location=Location("Kirkuk", "gn:94787", 35.4681, 44.3922, "IRQ", "Kirkuk", None, 2),
        date=DateValue(date(2017, 10, 30), date(2017, 10, 30), "day", "on Monday"),
        fatalities=Fatalities(2, 2, 2, "two"), modality="asserted", confidence=0.7,
        publisher="Example Wire", published_at="2017-11-03", extractor_version="test",
    )
    fields.update(kw)
    return Event(**fields)


def extracted(text: str, published: str = "2017-11-03") -> list[dict]:
    """The event records of `text` from the real pipeline (needs the model: mark the test slow)."""
    import warlog

    return [e.to_dict() for e in warlog.extract(text, published=published)]


def on_trigger(events: list[dict], word: str) -> dict:
    """The first event whose trigger is `word`; fails with the triggers that were found."""
    found = [e for e in events if e["trigger"]["text"] == word]
    assert found, f"no event on {word!r} in {[(e['trigger']['text'], e['plover_type'], e['modality']) for e in events]}"
    return found[0]

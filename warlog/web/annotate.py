"""Where each event sits in its document's text: the quote, the trigger, and the actor, recipient,
place, date and attribution mentions, as character ranges the reader marks.

Actors, places and triggers carry their spans in the event record. Dates and attributions keep
only their words, so they are looked up inside the event's own quote (first occurrence), which
is where the pipeline found them.
"""
from __future__ import annotations

from ..record import ACTOR_TYPES

KINDS = ("quote", "trigger", "actor", "recipient", "place", "date", "attribution")


def _find(text: str, words: str | None, start: int, end: int) -> tuple[int, int] | None:
    if not words:
        return None
    at = text.find(words, start, end)
    return (at, at + len(words)) if at >= 0 else None


def _actor_label(ref: dict) -> str:
    parts = [ref.get("canonical") or ref["name"], ACTOR_TYPES.get(ref.get("type") or 0), ref.get("country")]
    return ", ".join(p for p in parts if p)


def event_marks(rec: dict, text: str) -> list[dict]:
    """The ranges of one event in `text` (its document's text)."""
    start, end = rec["span"]
    eid = rec["event_id"]
    kind_of = rec.get("acled_sub_event_type") or rec.get("acled_event_type") or rec["plover_type"]
    marks = [{"kind": "quote", "start": start, "end": end, "label": f"{kind_of} ({rec['modality']})"}]
    trig = rec.get("trigger") or {}
    if trig.get("span"):
        marks.append({"kind": "trigger", "start": trig["span"][0], "end": trig["span"][1],
                      "label": f"{rec['plover_type']} trigger"})
    for kind, refs in (("actor", rec.get("actors")), ("recipient", rec.get("recipients")),
                       ("actor", rec.get("assoc_actors"))):
        for ref in refs or []:
            if ref.get("span"):
                marks.append({"kind": kind, "start": ref["span"][0], "end": ref["span"][1],
                              "label": _actor_label(ref)})
    loc = rec.get("location") or {}
    if loc.get("span"):
        marks.append({"kind": "place", "start": loc["span"][0], "end": loc["span"][1],
                      "label": ", ".join(p for p in (loc.get("name"), loc.get("admin1"), loc.get("country")) if p)})
    date = rec.get("date") or {}
    found = _find(text, date.get("text"), start, end)
    if found:
        label = date.get("start") or "unresolved"
        if date.get("end") and date["end"] != date.get("start"):
            label += f" to {date['end']}"
        marks.append({"kind": "date", "start": found[0], "end": found[1], "label": label})
    att = rec.get("attribution") or {}
    found = _find(text, att.get("text"), start, end)
    if found:
        marks.append({"kind": "attribution", "start": found[0], "end": found[1],
                      "label": f"according to {att.get('source')}"})
    for m in marks:
        m["event_id"] = eid
    return marks


def document_marks(records: list[dict], text: str) -> list[dict]:
    """Ranges of all events of a document, in text order; a mention shared by several events
    (one actor in two events of a sentence) is one range listing each event."""
    merged: dict[tuple, dict] = {}
    for rec in records:
        for m in event_marks(rec, text):
            key = (m["kind"], m["start"], m["end"])
            if key in merged:
                merged[key]["events"].append(m["event_id"])
            else:
                merged[key] = {**{k: v for k, v in m.items() if k != "event_id"}, "events": [m["event_id"]]}
    return sorted(merged.values(), key=lambda m: (m["start"], -m["end"], KINDS.index(m["kind"])))

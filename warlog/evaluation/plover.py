"""PLOVER gold standard records: example sentences of the CAMEO manual recoded to PLOVER v0.5,
with their event type and the source and target actors as written and coded.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import metrics as m
from .coding import Span, current_plover, occurrences, pick_event, plover_types, prepare
from .core import Runner, Section
from .metrics import overlaps

NAME = "plover"
TITLE = "PLOVER gold standard records (CAMEO manual examples)"
FILES = ("plover/PLOVER_GSR_CAMEO.txt",)

NOTES = [
    "Each sentence is extracted alone (publication date: the record's placeholder 2000-01-01). Gold "
    "types are v0.5 names mapped to current PLOVER (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> "
    "ACCUSE, FIGHT -> ASSAULT: data/plover.json).",
    "The event compared is the one whose actors overlap the gold source and whose recipients overlap "
    "the gold target (coding.pick_event), else the first; a sentence with no event is wrong on every "
    "figure. Gold actor spans are the occurrences of each actorText in the sentence and of the "
    "(SRC: ...)/(TAR: ...) phrases of the markup (SRC/TAR counts for both sides).",
    "source_match: one of the event's actors overlaps a gold source span, or its country (ISO3) is a "
    "gold source code; target_match the same for recipients, over records with a gold target. Choosing "
    "the event by actor overlap makes these figures read 'some event has the right actor'.",
    "No published figures: the records are a reference set, not a benchmark with a baseline.",
]

_MARK = re.compile(r"\((SRC/TAR|SRC|TAR)\s*:\s*([^()]*)\)")


@dataclass
class Gold:
    id: str
    text: str
    event: str  # current PLOVER name
    source_codes: set[str] = field(default_factory=set)
    target_codes: set[str] = field(default_factory=set)
    source_spans: list[Span] = field(default_factory=list)
    target_spans: list[Span] = field(default_factory=list)


def _actors(value) -> list[dict]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def parse(record: dict) -> Gold | None:
    """One gold record as compared; None for documentation records without a sentence."""
    text, event = record.get("text"), current_plover(record.get("event"))
    if not text or not event or event == "DOCUMENT":
        return None
    text = prepare(text)
    gold = Gold(record.get("id", ""), text, event)
    for side, codes, spans in (("source", gold.source_codes, gold.source_spans),
                               ("target", gold.target_codes, gold.target_spans)):
        for actor in _actors(record.get(side)):
            codes.add((actor.get("code") or "").strip().upper())
            spans += occurrences(text, actor.get("actorText") or "")
        codes.discard("")
    markup = (record.get("textInfo") or {}).get("markup") if isinstance(record.get("textInfo"), dict) else None
    for role, phrase in _MARK.findall(markup or ""):
        found = occurrences(text, phrase)
        if "SRC" in role:
            gold.source_spans += found
        if "TAR" in role:
            gold.target_spans += found
    return gold


def load(path: Path) -> list[Gold]:
    records = json.loads(path.read_text(encoding="utf-8"))
    return [g for g in map(parse, records) if g is not None]


@dataclass
class Compared:
    found: bool
    event: str | None
    source: bool | None  # None: no gold source
    target: bool | None  # None: no gold target


def _side_matches(refs: list[dict], spans: list[Span], codes: set[str]) -> bool:
    for ref in refs:
        if ref.get("span") and any(overlaps(tuple(ref["span"]), s) for s in spans):
            return True
        if ref.get("country") and ref["country"] in codes:
            return True
    return False


def compare(gold: Gold, events: list[dict]) -> Compared:
    has_source, has_target = bool(gold.source_codes or gold.source_spans), bool(gold.target_codes or gold.target_spans)
    ev = pick_event(events, gold.source_spans, gold.target_spans)
    if ev is None:
        return Compared(False, None, False if has_source else None, False if has_target else None)
    return Compared(
        True, current_plover(ev.get("plover_type")),
        _side_matches(ev.get("actors") or [], gold.source_spans, gold.source_codes) if has_source else None,
        _side_matches(ev.get("recipients") or [], gold.target_spans, gold.target_codes) if has_target else None,
    )


def section(golds: list[Gold], results: list[Compared]) -> Section:
    n = len(golds)
    sec = Section(NAME, "all", TITLE, n, notes=list(NOTES))
    pairs = [(g.event, c.event) for g, c in zip(golds, results)]
    sources = [c.source for c in results if c.source is not None]
    targets = [c.target for c in results if c.target is not None]
    sec.add("with_event", "sentences with an event", m.ratio(sum(c.found for c in results), n), n)
    sec.add("type_accuracy", "PLOVER type accuracy", m.accuracy(pairs), n)
    sec.add("type_macro_f1", "PLOVER type macro-F1", m.macro_f1(pairs), n)
    sec.add("source_match", "source matched", m.ratio(sum(sources), len(sources)), len(sources))
    sec.add("target_match", "target matched", m.ratio(sum(targets), len(targets)), len(targets))
    unknown = sorted({g.event for g in golds} - set(plover_types()))
    if unknown:
        sec.notes.append(f"Gold types that are not current PLOVER types: {', '.join(unknown)}.")
    return sec


def score(paths: list[Path], runner: Runner) -> list[Section]:
    golds = load(paths[0])
    found = runner.extract([(g.text, "2000-01-01") for g in golds], label=NAME)
    return [section(golds, [compare(g, evs) for g, evs in zip(golds, found)])]

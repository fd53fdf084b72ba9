"""PETRARCH: the coders' own test suites (sentences about invented states coded with CAMEO
triples), run through warlog with the suite's actor and agent dictionaries (--actors).

warlog does not code CAMEO's 300 event codes, so both sides meet on what they share: source actor,
target actor and the event's PLOVER type (the CAMEO code mapped with data/cameo_plover.tsv).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import petrarch_dicts
from ..record import STATEMENT
from . import metrics as m
from .coding import cameo_to_plover
from .core import Runner, Section

NAME = "petrarch"
TITLE = "PETRARCH test suites"
FILES = ("petrarch/PETR_Validate_records_2_02.xml", "petrarch/PETR.UnitTest.records.xml",
         "petrarch/PETR_Validate_actors_2_02.txt", "petrarch/PETR_Validate_agents_2_02.txt")
SUITES = {  # file name -> (subset, title)
    "PETR_Validate_records_2_02.xml": ("validate", "PETRARCH validation suite 2.02 (UD-PETRARCH)"),
    "PETR.UnitTest.records.xml": ("unit_test", "PETRARCH-1 unit tests"),
}
PUBLISHED = {"validate": {"found": {"UD-PETRARCH": 0.6827}, "extra": {"UD-PETRARCH": 0.2295}}}

NOTES = [
    "Each record's text is extracted alone, with the record's date as publication date, after loading "
    "the suite's actor and agent dictionaries. Records marked evaluate=\"false\" or sentence=\"false\" "
    "(features the coders had not implemented) are skipped.",
    "A gold event is (source code, target code, CAMEO code); its CAMEO code is mapped to a PLOVER type "
    "(data/cameo_plover.tsv, after the PLOVER manual's table). Gold events in CAMEO 01-02 (statements, "
    "appeals: no PLOVER type) and the suites' made-up codes (345, 802, 9xx, 21x-22x) are not counted "
    "as gold; an event of warlog's with their actor pair is not counted as extra either, nor is a "
    "STATEMENT event of warlog's (a bare speech act: what CAMEO codes 01, PLOVER has no type for).",
    "warlog's side: each event gives one (source, target, type) per pair of its actors and recipients "
    "(compounds expand, as in PETRARCH); an actor's code is the CAMEO code of the dictionary entry it "
    "matched (petrarch_dicts: actor id cameo-<code>), else its country's ISO3 code, else none; no "
    "recipient is target none, which matches gold '---'. Every event counts, whatever its modality.",
    "A CONSULT event's pair counts both ways: CAMEO codes a meeting for each side (040 twice, "
    "042 visit with 043 host), warlog records it once.",
    "found: the gold (source, target, type) is among warlog's, actors compared on their first three "
    "letters (the state or group: ARN for ARNGOV); found_full_codes compares the whole actor codes, "
    "agents included (ARNGOV). type_found and pair_found relax one side. extra_per_record: warlog's "
    "events matching no gold event, per record.",
    "The PETRARCH-1 unit tests code with the suite's own test verb dictionary, whose codes do not keep "
    "CAMEO's meanings (restoring ties is 064 there, signing a protocol 085): on that suite pair_found "
    "measures warlog, the type figures do not.",
    "Published UD-PETRARCH figures are on full CAMEO event codes (050 vs 057 is a miss) with full "
    "actor codes; ours compare PLOVER types, a coarser level, so they are not the same measure. "
    "warlog keeps one code per dictionary entry (its default, else its latest period): the DATE "
    "records' date-restricted codes mostly miss.",
]

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTRIBUTE = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"")
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)

Triple = tuple[str | None, str | None, str | None]  # (source, target, PLOVER type)


@dataclass
class Gold:
    source: str | None
    target: str | None
    cameo: str
    plover: str | None  # None: no PLOVER type
    cameo_known: bool  # a CAMEO code (statements included), not a made-up one

    @property
    def scored(self) -> bool:
        return self.plover is not None


@dataclass
class Record:
    id: str
    text: str
    published: date | None
    gold: list[Gold] = field(default_factory=list)


def load(path: Path) -> tuple[list[Record], int]:
    """The records to evaluate, and how many were marked not to be. The files are not
    well-formed XML: comments are dropped and each <Sentence> block read with patterns."""
    raw = _COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace"))
    records, skipped = [], 0
    for attrs, body in _SENTENCE.findall(raw):
        a = dict(_ATTRIBUTE.findall(attrs))
        text = _TEXT.search(body)
        if a.get("evaluate", "true").lower() == "false" or a.get("sentence", "true").lower() == "false" or not text:
            skipped += 1
            continue
        record = Record(a.get("id", ""), " ".join(html.unescape(text.group(1)).split()), _date(a.get("date")))
        for coding in _CODING.findall(body):
            c = dict(_ATTRIBUTE.findall(coding))
            if "eventcode" not in c:
                continue  # noevents="True"
            known, plover = cameo_to_plover(c["eventcode"])
            record.gold.append(Gold(code_key(c.get("sourcecode")), code_key(c.get("targetcode")),
                                    c["eventcode"], plover, known))
        records.append(record)
    return records, skipped


def _date(text: str | None) -> date | None:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])) if text and len(text) >= 8 else None
    except ValueError:
        return None


def code_key(code: str | None) -> str | None:
    """An actor code as compared: capitals and digits, other characters as "-" ("FRO/BIL/SAM" and
    warlog's cameo-fro-bil-sam meet as FRO-BIL-SAM). The null code "---" is None, and so is an
    uncoded actor with an agent ("---GOV"): warlog's actors without a code meet it."""
    code = (code or "").strip().upper()
    if code.startswith("---"):
        return None
    return re.sub(r"[^A-Z0-9]+", "-", code).strip("-") or None


def root(code: str | None) -> str | None:
    """The first three letters: the country or group of a code (ARN for ARNGOVFRM)."""
    return code[:3] if code else None


def actor_code(ref: dict) -> str | None:
    return code_key(petrarch_dicts.code_of(ref.get("actor_id")) or ref.get("country"))


def triples(event: dict) -> set[Triple]:
    """(source, target, PLOVER type) for each actor-recipient pair of an event; a CONSULT pair
    also the other way round, as CAMEO codes meetings (040 both ways, 042 visit with 043 host)."""
    sources = [actor_code(a) for a in event.get("actors") or []] or [None]
    targets = [actor_code(r) for r in event.get("recipients") or []] or [None]
    kind = event.get("plover_type")
    out = {(s, t, kind) for s in sources for t in targets}
    if kind == "CONSULT":
        out |= {(t, s, kind) for s, t, _ in out if s and t}
    return out


@dataclass
class Compared:
    """One record's outcome (the pure result of `compare`)."""

    gold: int  # gold events with a PLOVER type
    statements: int  # CAMEO statements and appeals: no PLOVER type
    not_cameo: int  # the suites' made-up codes
    found: int
    found_full: int
    type_found: int
    pair_found: int
    events: int
    extra: int


def compare(record: Record, events: list[dict]) -> Compared:
    events = [ev for ev in events if ev.get("plover_type") != STATEMENT]  # CAMEO's 01: not judged, as in gold
    full = [triples(ev) for ev in events]
    roots = [{(root(s), root(t), p) for s, t, p in ts} for ts in full]
    all_full, all_roots = set().union(*full), set().union(*roots)
    scored = [g for g in record.gold if g.scored]
    gold_roots = {(root(g.source), root(g.target), g.plover) for g in scored}
    # the actor pairs of gold events that cannot be judged by type: an event there is not extra
    unjudged = {(root(g.source), root(g.target)) for g in record.gold if not g.scored}
    extra = sum(1 for ts in roots if not (ts & gold_roots) and not {(s, t) for s, t, _ in ts} & unjudged)
    return Compared(
        gold=len(scored), statements=sum(1 for g in record.gold if g.cameo_known and not g.scored),
        not_cameo=sum(1 for g in record.gold if not g.cameo_known),
        found=sum(1 for g in scored if (root(g.source), root(g.target), g.plover) in all_roots),
        found_full=sum(1 for g in scored if (g.source, g.target, g.plover) in all_full),
        type_found=sum(1 for g in scored if any(p == g.plover for _, _, p in all_roots)),
        pair_found=sum(1 for g in scored if any((s, t) == (root(g.source), root(g.target)) for s, t, _ in all_roots)),
        events=len(events), extra=extra,
    )


def section(subset: str, title: str, results: list[Compared], skipped: int) -> Section:
    n = len(results)
    gold = sum(c.gold for c in results)
    sec = Section(NAME, subset, title, n, notes=list(NOTES))
    published = PUBLISHED.get(subset, {})
    share = lambda attr: m.ratio(sum(getattr(c, attr) for c in results), gold)  # noqa: E731
    sec.add("found", "gold events found (actor roots + PLOVER type)", share("found"), gold)
    sec.add("found_full_codes", "gold events found (full actor codes + PLOVER type)", share("found_full"), gold,
            published=published.get("found", {}))
    sec.add("type_found", "gold events whose PLOVER type warlog found", share("type_found"), gold)
    sec.add("pair_found", "gold events whose actor pair warlog found", share("pair_found"), gold)
    sec.add("extra_per_record", "extra events per record", m.ratio(sum(c.extra for c in results), n), n,
            unit="per_record", better="lower", published=published.get("extra", {}))
    sec.add("events_per_record", "warlog events per record", m.ratio(sum(c.events for c in results), n), n,
            unit="per_record", better=None)
    sec.add("gold_events", "gold events with a PLOVER type", gold, gold, unit="count", better=None)
    for key, label, attr in (("gold_statements", "gold statements and appeals (CAMEO 01-02, not scored)", "statements"),
                             ("gold_not_cameo", "gold events with made-up codes (not scored)", "not_cameo")):
        count = sum(getattr(c, attr) for c in results)
        sec.add(key, label, count, count, unit="count", better=None)
    if skipped:
        sec.add("records_skipped", "records marked not to evaluate", skipped, skipped, unit="count", better=None)
    return sec


def score(paths: list[Path], runner: Runner) -> list[Section]:
    record_files = [p for p in paths if p.suffix.lower() == ".xml"]
    dictionaries = [str(p) for p in paths if p.suffix.lower() != ".xml"]
    sections = []
    for path in record_files:
        records, skipped = load(path)
        found = runner.extract([(r.text, r.published) for r in records], label=f"{NAME} {path.stem}",
                               actor_files=[*runner.actor_files, *dictionaries])
        subset, title = SUITES.get(path.name, (re.sub(r"\W+", "_", path.stem).lower(), path.stem))
        sections.append(section(subset, title, [compare(r, evs) for r, evs in zip(records, found)], skipped))
    return sections

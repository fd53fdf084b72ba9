"""re3d (Dstl): entities in documents on the Syria/Iraq conflict, scored for Organisation,
Location and Person.

Each document goes through the public `warlog.entities` (every actor and place it names, events
or not: the event records carry only the actors of events, with no person/organisation kind).
warlog's types become re3d's through data/re3d_types.json. The comparison is pure arithmetic
over spans and type sets (`compare`).
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import metrics as m
from .core import Runner, Section

NAME = "re3d"
TITLE = "re3d: entities in Syria/Iraq conflict documents"
FILES = ("re3d",)
TYPES = ("Organisation", "Location", "Person")
KEYS = {"Organisation": "org", "Location": "loc", "Person": "per"}
TYPES_FILE = Path(__file__).parent / "data" / "re3d_types.json"
# A place that stands for a state ("Syria has accused Israel ...") is the polity as much as the land.
POLITY = frozenset({"Location", "Organisation"})
NOTES = [
    "Gold: every re3d annotation of type Organisation, Location or Person, whatever its crowd "
    "confidence (a quarter have confidence 0, plainly right ones among them); spans of white space "
    "only are dropped. Pronouns ('we', 'they') and descriptions are re3d entities; warlog names "
    "actors and places and types collective nouns ('militants', 'civilians'), so pronouns count "
    "against recall.",
    "warlog: warlog.entities(text), types mapped by data/re3d_types.json: person -> Person; "
    "organisation and group (unnamed collectives typed by head noun) -> Organisation; place -> "
    "Location; identity (ethnic and religious groups, peoples: re3d's Nationality) is not scored.",
    "Countries as both: re3d gives some spans both Location and Organisation (a country as land "
    "and as a government; counted below) and labels other country names one way or the other. A "
    "gold span with both types is one entity that either type answers; a warlog place that also "
    "stands for a state (its row has an actor_id, as country names do) answers a gold Location or "
    "Organisation. A match counts once, under the type both sides share (warlog's own first when "
    "several); an unmatched gold span counts against its most confident type, an unmatched "
    "prediction against its own type. 'micro F1, one type each' scores without this: one gold type "
    "(the most confident) against warlog's one type.",
    "Exact: same start and end. Overlap: the spans share a character (one to one, exact pairs first, "
    "then each gold span in text order takes the compatible prediction it overlaps most); it forgives "
    "titles and articles ('President Bashar al-Assad' against 'Bashar al-Assad', 'the army' against "
    "'army').",
    "No published figures on re3d entity extraction with these types and this scoring.",
]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    types: frozenset  # every type this mention may be
    main: str  # the type it counts as when unmatched


@dataclass
class Document:
    doc_id: str
    text: str
    gold: list[Mention] = field(default_factory=list)


@dataclass
class Tally:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def __iadd__(self, other: "Tally") -> "Tally":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def prf(self, t: str | None = None):
        if t is None:
            return m.prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        return m.prf(self.tp[t], self.fp[t], self.fn[t])


@lru_cache(maxsize=1)
def type_map() -> dict[str, str | None]:
    with open(TYPES_FILE, encoding="utf-8") as f:
        return json.load(f)["types"]


def _lines(path: Path):
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load(folder: Path) -> list[Document]:
    """Every source subfolder's documents.json and entities.json (one JSON object a line)."""
    docs: list[Document] = []
    for sub in sorted(p for p in folder.iterdir() if (p / "documents.json").is_file()):
        by_id = {d["_id"]: Document(d["_id"], d["text"]) for d in _lines(sub / "documents.json")}
        spans: dict[tuple[str, int, int], dict[str, float]] = {}
        if (sub / "entities.json").is_file():
            for e in _lines(sub / "entities.json"):
                doc = by_id.get(e["documentId"])
                if e["type"] not in TYPES or doc is None or not doc.text[e["begin"]:e["end"]].strip():
                    continue
                types = spans.setdefault((e["documentId"], e["begin"], e["end"]), {})
                types[e["type"]] = max(types.get(e["type"], 0.0), float(e.get("confidence") or 0.0))
        for (doc_id, start, end), types in spans.items():
            main = max(types, key=lambda t: (types[t], -TYPES.index(t)))
            by_id[doc_id].gold.append(Mention(start, end, frozenset(types), main))
        for doc in by_id.values():
            doc.gold.sort(key=lambda g: (g.start, g.end))
        docs += by_id.values()
    return docs


def predicted(rows: list[dict]) -> list[Mention]:
    """warlog.entities rows as mentions of the scored types."""
    out = []
    for row in rows:
        t = type_map().get(row["type"])
        if t is None:
            continue
        types = POLITY if t == "Location" and row.get("actor_id") else frozenset({t})
        out.append(Mention(row["start"], row["end"], types, t))
    return out


def _shared(g: Mention, p: Mention) -> str | None:
    common = g.types & p.types
    if not common:
        return None
    return p.main if p.main in common else min(common, key=TYPES.index)


def match(gold: list[Mention], pred: list[Mention], overlap: bool) -> list[tuple[int, int]]:
    """One-to-one (gold, prediction) index pairs of type-compatible mentions: same span first;
    with `overlap`, then each gold mention in text order takes the free prediction it overlaps most."""
    by_span = {(p.start, p.end): i for i, p in enumerate(pred)}
    pairs, taken = [], set()
    for gi, g in enumerate(gold):
        pi = by_span.get((g.start, g.end))
        if pi is not None and _shared(g, pred[pi]):
            pairs.append((gi, pi))
            taken.add(pi)
    if not overlap:
        return pairs
    done = {gi for gi, _ in pairs}
    for gi, g in enumerate(gold):
        if gi in done:
            continue
        best, size = None, 0
        for pi, p in enumerate(pred):
            if pi in taken or not m.overlaps((g.start, g.end), (p.start, p.end)) or not _shared(g, p):
                continue
            shared = min(g.end, p.end) - max(g.start, p.start)
            if shared > size:
                best, size = pi, shared
        if best is not None:
            pairs.append((gi, best))
            taken.add(best)
    return pairs


def compare(gold: list[Mention], pred: list[Mention], overlap: bool = False) -> Tally:
    """Count one document: a pair counts under its shared type, the rest under their main type."""
    tally = Tally()
    pairs = match(gold, pred, overlap)
    for gi, pi in pairs:
        tally.tp[_shared(gold[gi], pred[pi])] += 1
    matched_g, matched_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            tally.fn[g.main] += 1
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            tally.fp[p.main] += 1
    return tally


def single_typed(mentions: list[Mention]) -> list[Mention]:
    """The same mentions with their main type only (the strict variant)."""
    return [Mention(x.start, x.end, frozenset({x.main}), x.main) for x in mentions]


def section(docs: list[Document], exact: Tally, overlap: Tally, strict: Tally) -> Section:
    sec = Section(NAME, "all", TITLE, len(docs), notes=list(NOTES))
    for t in TYPES:
        k = KEYS[t]
        p, r, f = exact.prf(t)
        sec.add(f"{k}_precision", f"{t} precision", p, exact.tp[t] + exact.fp[t])
        sec.add(f"{k}_recall", f"{t} recall", r, exact.tp[t] + exact.fn[t])
        sec.add(f"{k}_f1", f"{t} F1", f, exact.tp[t] + exact.fn[t])
    p, r, f = exact.prf()
    n_gold = sum(exact.tp.values()) + sum(exact.fn.values())
    sec.add("micro_precision", "micro precision (3 types)", p, sum(exact.tp.values()) + sum(exact.fp.values()))
    sec.add("micro_recall", "micro recall (3 types)", r, n_gold)
    sec.add("micro_f1", "micro F1 (3 types)", f, n_gold)
    for t in TYPES:
        sec.add(f"{KEYS[t]}_f1_overlap", f"{t} F1, overlapping spans", overlap.prf(t)[2],
                overlap.tp[t] + overlap.fn[t])
    p, r, f = overlap.prf()
    sec.add("micro_precision_overlap", "micro precision, overlapping spans", p,
            sum(overlap.tp.values()) + sum(overlap.fp.values()))
    sec.add("micro_recall_overlap", "micro recall, overlapping spans", r, n_gold)
    sec.add("micro_f1_overlap", "micro F1, overlapping spans", f, n_gold)
    sec.add("micro_f1_one_type", "micro F1, one type each (no country leniency)", strict.prf()[2], n_gold)
    counts = Counter(g.main for d in docs for g in d.gold)
    for t in TYPES:
        sec.add(f"gold_{KEYS[t]}", f"gold {t} mentions (most confident type)", counts[t], counts[t],
                unit="count", better=None)
    dual = sum(1 for d in docs for g in d.gold if POLITY <= g.types)
    sec.add("gold_loc_and_org", "gold spans both Location and Organisation", dual, n_gold, unit="count", better=None)
    return sec


def score(paths: list[Path], runner: Runner) -> list[Section]:
    from ..entities import entities
    from ..pipeline import default_extractor

    docs = load(paths[0])
    extractor = default_extractor(tuple(runner.actor_files))
    exact, overlap, strict = Tally(), Tally(), Tally()
    for doc in runner.progress(docs, total=len(docs), label="re3d"):
        pred = predicted(entities(doc.text, extractor=extractor))
        exact += compare(doc.gold, pred)
        overlap += compare(doc.gold, pred, overlap=True)
        strict += compare(single_typed(doc.gold), single_typed(pred))
    return [section(docs, exact, overlap, strict)]

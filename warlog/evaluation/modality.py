"""Modality: did it happen, or is it claimed, denied, planned, predicted, imagined or negated?
Scored on our own labelled set of conflict-reporting sentences (data/modality.jsonl), which ships
with warlog, so this scorer needs no --data.

Each line of the set: text, publication date, the trigger word of the event the label is about,
the gold modality and, when the text names one, who the information comes from.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import metrics as m
from .core import Runner, Section

NAME = "modality"
TITLE = "Modality and attribution, our labelled sentences"
# An absolute path: `data / FILES[0]` resolves inside the package whatever --data says.
FILES = (str(Path(__file__).parent / "data" / "modality.jsonl"),)
CLASSES = ("asserted", "claimed", "denied", "planned", "predicted", "hypothetical", "negated")

NOTES = [
    "Sentences written for warlog in the style of wire copy, round-ups and opinion pieces, each "
    "extracted alone with its publication date. The event scored is warlog's first event whose "
    "trigger contains the labelled trigger word (in any inflection); a sentence where warlog has none is a miss (no "
    "modality), which lowers recall and accuracy.",
    "Attribution matches when warlog's source, resolved or as written, shares a word (other than "
    "articles and 'of') with the gold source; it is scored over the found events whose gold names a source.",
    "There is no published system to compare with: no open event coder reports modality.",
]

_STOP = {"the", "a", "an", "of", "its", "their", "his", "her", "'s"}
_WORD = re.compile(r"[\w-]+", re.UNICODE)


@dataclass
class Gold:
    text: str
    published: str | None
    trigger: str
    modality: str
    source: str | None = None


def load(path: Path) -> list[Gold]:
    golds = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                golds.append(Gold(row["text"], row.get("published"), row["trigger"], row["modality"], row.get("source")))
    return golds


def pick(gold: Gold, events: list[dict]) -> dict | None:
    """The event the label is about: the first whose trigger holds the labelled word, in any
    inflection ("kill" is "killed", "storm" is "storms")."""
    want = gold.trigger.lower()
    for ev in events:
        if any(_same_word(want, w) for w in _words((ev.get("trigger") or {}).get("text") or "")):
            return ev
    return None


def _same_word(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(short) >= 3 and len(long) - len(short) <= 3


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower())} - _STOP


def source_matches(gold: str, attribution: dict | None) -> bool:
    """warlog's source is resolved ("The army" -> "Military Forces"): its words as written count too."""
    if not attribution:
        return False
    said = f"{attribution.get('source') or ''} {attribution.get('text') or ''}"
    return bool(_words(gold) & _words(said))


def section(golds: list[Gold], picked: list[dict | None]) -> Section:
    n = len(golds)
    sec = Section(NAME, "all", TITLE, n, notes=list(NOTES))
    pairs = [(g.modality, ev.get("modality") if ev else None) for g, ev in zip(golds, picked)]
    sec.add("accuracy", "modality accuracy", m.accuracy(pairs), n)
    sec.add("macro_f1", "modality macro-F1", m.macro_f1(pairs, CLASSES), n)
    for c in CLASSES:
        tp = sum(1 for g, p in pairs if g == p == c)
        fp = sum(1 for g, p in pairs if p == c and g != c)
        fn = sum(1 for g, p in pairs if g == c and p != c)
        precision, recall, _ = m.prf(tp, fp, fn)
        sec.add(f"{c}_precision", f"{c}: precision", precision, tp + fp)
        sec.add(f"{c}_recall", f"{c}: recall", recall, tp + fn)
    sourced = [(g, ev) for g, ev in zip(golds, picked) if g.source and ev is not None]
    matched = sum(source_matches(g.source, ev.get("attribution")) for g, ev in sourced)
    sec.add("source_match", "attribution source matched", m.ratio(matched, len(sourced)), len(sourced))
    found = sum(ev is not None for ev in picked)
    sec.add("found", "labelled events found", m.ratio(found, n), n)
    return sec


def score(paths: list[Path], runner: Runner) -> list[Section]:
    golds = load(paths[0])
    found = runner.extract([(g.text, g.published) for g in golds], label=NAME)
    return [section(golds, [pick(g, evs) for g, evs in zip(golds, found)])]

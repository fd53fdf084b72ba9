"""PLV (Zero-Shot-PLOVER): news sentences with a marked source and target and the PLOVER type of
the event between them, in 15 classes (CONCEDE and RETREAT together as YIELD).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import metrics as m
from .coding import Span, nearest, occurrences, pick_event, plv_class, plv_classes, prepare
from .core import Runner, Section

NAME = "plv"
TITLE = "PLV: PLOVER type with the actor pair given (Zero-Shot-PLOVER train split)"
FILES = ("plv/PLV_train.tsv",)
PUBLISHED = {"accuracy": {"ZSP": 0.838}, "macro_f1": {"ZSP": 0.824}}

NOTES = [
    "Each sentence is extracted alone, without a publication date. The actor pair is given as the "
    "classifiers get it: the event scored is the one whose actors overlap the marked source and whose "
    "recipients overlap the marked target (coding.pick_event: a role-swapped overlap counts half), "
    "else the first event; a sentence with no event is a miss.",
    "Classes: warlog's PLOVER type with CONCEDE and RETREAT folded into YIELD (data/plover.json); "
    "macro-F1 averages the 15 gold classes.",
    "Published ZSP figures are on the repository's test split with a trained classifier; ours are on "
    "the train split (the only one here), and warlog was not trained on it.",
]

_TAG = re.compile(r"</?[st]>")


@dataclass
class Gold:
    text: str
    label: str
    source: list[Span] = field(default_factory=list)
    target: list[Span] = field(default_factory=list)


def marked_spans(marked: str) -> tuple[str, dict[str, tuple[int, int, str]]]:
    """The sentence without its <s>..</s> and <t>..</t> marks, and each mark's (start, end, text)."""
    clean, spans, opened = [], {}, {}
    pos, length = 0, 0
    for tag in _TAG.finditer(marked):
        piece = marked[pos:tag.start()]
        clean.append(piece)
        length += len(piece)
        name = tag.group()[-2]
        if tag.group().startswith("</"):
            if name in opened:
                start = opened.pop(name)
                spans[name] = (start, length, "".join(clean)[start:length])
        else:
            opened[name] = length
        pos = tag.end()
    clean.append(marked[pos:])
    return "".join(clean), spans


def parse(row: dict) -> Gold:
    raw, marks = marked_spans(row.get("marked_sentence") or row.get("sentence") or "")
    text = prepare(raw)
    gold = Gold(text, (row.get("gold_root") or "").strip().upper())
    for name, column, spans in (("s", "source", gold.source), ("t", "target", gold.target)):
        if name in marks:
            start, _end, phrase = marks[name]
            spans += nearest(occurrences(text, phrase), start)
        else:
            spans += occurrences(text, row.get(column) or "")
    return gold


def load(path: Path) -> list[Gold]:
    with open(path, encoding="utf-8", newline="") as f:
        return [parse(row) for row in csv.DictReader(f, delimiter="\t") if (row.get("gold_root") or "").strip()]


def predict(gold: Gold, events: list[dict]) -> str | None:
    ev = pick_event(events, gold.source, gold.target)
    return plv_class(ev.get("plover_type")) if ev else None


def section(golds: list[Gold], predicted: list[str | None]) -> Section:
    n = len(golds)
    sec = Section(NAME, "train", TITLE, n, notes=list(NOTES))
    pairs = [(g.label, p) for g, p in zip(golds, predicted)]
    sec.add("accuracy", "PLOVER type accuracy", m.accuracy(pairs), n, published=PUBLISHED["accuracy"])
    sec.add("macro_f1", "PLOVER type macro-F1", m.macro_f1(pairs), n, published=PUBLISHED["macro_f1"])
    sec.add("with_event", "sentences with an event", m.ratio(sum(p is not None for p in predicted), n), n)
    unknown = sorted({g.label for g in golds} - set(plv_classes()))
    if unknown:
        sec.notes.append(f"Gold labels outside the 15 classes: {', '.join(unknown)}.")
    return sec


def score(paths: list[Path], runner: Runner) -> list[Section]:
    golds = load(paths[0])
    found = runner.extract([(g.text, None) for g in golds], label=NAME)
    return [section(golds, [predict(g, evs) for g, evs in zip(golds, found)])]

"""ConfliBERT CAMEO classes: news sentences labelled with the CAMEO quad class of their event
(0 statement, 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from . import metrics as m
from .coding import prepare, quad_class
from .core import Runner, Section

NAME = "conflibert"
TITLE = "ConfliBERT CAMEO quad classes (train split)"
FILES = ("conflibert/cameo_class_train.tsv",)
CLASSES = (0, 1, 2, 3, 4)
STATEMENT = 0

NOTES = [
    "Each sentence is extracted alone, without a publication date. Its class is the quad category of "
    "the PLOVER type of warlog's first event (PLOVER's own table, data/plover.json: AGREE, CONSULT, "
    "SUPPORT, CONCEDE 1; COOPERATE, AID, RETREAT 2; REQUEST, ACCUSE, REJECT, THREATEN, SANCTION 3; "
    "PROTEST, MOBILIZE, COERCE, ASSAULT 4).",
    "A sentence with no event is class 0: PLOVER dropped CAMEO's statements and appeals, so a coder "
    "that finds nothing to code has read a statement. This credits every silence on a statement; "
    "event_found says how often warlog finds an event where gold has one (classes 1-4).",
    "The 0-4 numbering of the labels is inferred from the examples (README of the eval data). No "
    "published ConfliBERT figure is on this split.",
]


@dataclass
class Gold:
    text: str
    label: int


def load(path: Path) -> list[Gold]:
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 2 and row[-1].strip().isdigit():
                out.append(Gold(prepare("\t".join(row[:-1])), int(row[-1])))
    return out


def predict(events: list[dict]) -> tuple[int, bool]:
    """(quad class, whether an event was found): the first event's class, 0 with no event."""
    for ev in events:
        quad = quad_class(ev.get("plover_type"))
        if quad is not None:
            return quad, True
    return STATEMENT, False


def section(golds: list[Gold], predicted: list[tuple[int, bool]]) -> Section:
    n = len(golds)
    sec = Section(NAME, "train", TITLE, n, notes=list(NOTES))
    pairs = [(g.label, p) for g, (p, _) in zip(golds, predicted)]
    sec.add("accuracy", "quad class accuracy", m.accuracy(pairs), n)
    sec.add("macro_f1", "quad class macro-F1", m.macro_f1(pairs), n)
    events = [found for g, (_, found) in zip(golds, predicted) if g.label != STATEMENT]
    sec.add("event_found", "sentences of classes 1-4 with an event", m.ratio(sum(events), len(events)), len(events))
    quiet = [not found for g, (_, found) in zip(golds, predicted) if g.label == STATEMENT]
    sec.add("statement_no_event", "statements (class 0) with no event", m.ratio(sum(quiet), len(quiet)), len(quiet))
    return sec


def score(paths: list[Path], runner: Runner) -> list[Section]:
    golds = load(paths[0])
    found = runner.extract([(g.text, None) for g in golds], label=NAME)
    return [section(golds, [predict(evs) for evs in found])]

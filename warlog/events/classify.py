"""A small event-type model a user fits to their own coded data (`warlog train`): an averaged
perceptron over the words and word pairs of a text, predicting ACLED's event type and
sub-event type together.

It is pure Python and costs a dictionary lookup per word, so it runs on every sentence that
holds an event without touching the speed budget. warlog ships no model: the rules of
`events.acled` type events unless the user passes `--model FILE` (or sets WARLOG_MODEL), and
then the model's label replaces the rules' for every event the rules gave an ACLED type, and
a sentence the rules found no event in yields one when the model is sure enough (`MIN_MARGIN`).

File format (JSON): {"format": FORMAT, "version": 1, "labels": ["Type|Sub-event type", ...],
"weights": {feature: {label index: weight}}, "meta": {...}}.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError, Errors

FORMAT = "warlog-event-model"
MODEL_ENV = "WARLOG_MODEL"
MIN_MARGIN = 1.0  # score gap to the runner-up above which a sentence with no rule event gets one
PARAGRAPH_WEIGHT = 0.5  # the paragraph's words count half as much as the sentence's own
RULE_WEIGHT = 0.3  # the rules' label gains this share of the score range: they break near-ties
_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*|\d+")


def features(text: str) -> list[str]:
    """Lower-cased words and adjacent word pairs; every number is one word ("#")."""
    words = ["#" if w[0].isdigit() else w for w in _WORD.findall(text.lower())]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def split_label(label: str) -> tuple[str, str | None]:
    etype, _, sub = label.partition("|")
    return etype, sub or None


@dataclass
class Model:
    labels: list[str]
    weights: dict[str, dict[int, float]]
    meta: dict = field(default_factory=dict)
    path: str | None = None

    def scores(self, text: str) -> list[float]:
        out = [0.0] * len(self.labels)
        for f in features(text):
            for k, w in self.weights.get(f, {}).items():
                out[k] += w
        return out

    def predict(self, text: str) -> tuple[str, str | None, float]:
        """(event type, sub-event type or None, margin over the runner-up)."""
        s = self.scores(text)
        order = sorted(range(len(s)), key=lambda k: -s[k])
        margin = s[order[0]] - s[order[1]] if len(order) > 1 else s[order[0]]
        etype, sub = split_label(self.labels[order[0]])
        return etype, sub, margin

    def decide(self, sentence: str, paragraph: str = "", rules: tuple[str | None, str | None] | None = None
               ) -> tuple[str, str | None, float]:
        """(event type, sub-event type, margin) of an event in `sentence`: its own words, the
        paragraph's at PARAGRAPH_WEIGHT (a note's later sentences say what the first one was),
        and the rules' label, when they gave one the model knows, raised by RULE_WEIGHT of the
        score range. Measured on held-out ACLED notes, each part adds accuracy (DESIGN.md)."""
        s = self.scores(sentence)
        if paragraph and paragraph != sentence:
            s = [a + PARAGRAPH_WEIGHT * b for a, b in zip(s, self.scores(paragraph))]
        if rules and rules[0]:
            label = f"{rules[0]}|{rules[1] or ''}"
            if label in self.labels:
                s[self.labels.index(label)] += RULE_WEIGHT * (max(s) - min(s))
        order = sorted(range(len(s)), key=lambda k: -s[k])
        etype, sub = split_label(self.labels[order[0]])
        return etype, sub, s[order[0]] - s[order[1]]

    @property
    def digest(self) -> str:
        """A short hash of labels and (rounded, as saved) weights: part of the extractor version."""
        d = self.to_dict()
        blob = json.dumps([d["labels"], d["weights"]], sort_keys=True)
        return hashlib.sha1(blob.encode()).hexdigest()[:8]

    def to_dict(self) -> dict:
        weights = {f: {str(k): round(w, 4) for k, w in ws.items()} for f, ws in sorted(self.weights.items())}
        return {"format": FORMAT, "version": 1, "labels": self.labels, "weights": weights, "meta": self.meta}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n",
                              encoding="utf-8")


def load(path: str | Path) -> Model:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(Errors.E107.format(path=path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(Errors.E508.format(path=path, detail=f"unreadable JSON: {exc}")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataError(Errors.E508.format(path=path, detail=f"no \"format\": \"{FORMAT}\" field"))
    labels, weights = data.get("labels"), data.get("weights")
    if not isinstance(labels, list) or len(labels) < 2 or not isinstance(weights, dict):
        raise DataError(Errors.E508.format(path=path, detail="labels (two or more) and weights are required"))
    try:
        table = {f: {int(k): float(w) for k, w in ws.items()} for f, ws in weights.items()}
    except (AttributeError, TypeError, ValueError) as exc:
        raise DataError(Errors.E508.format(path=path, detail=f"malformed weights: {exc}")) from None
    if any(k >= len(labels) or k < 0 for ws in table.values() for k in ws):
        raise DataError(Errors.E508.format(path=path, detail="a weight names a label that does not exist"))
    return Model(list(labels), table, data.get("meta") or {}, str(path))


def fit(examples: list[tuple[str, str]], epochs: int = 10, seed: int = 0) -> Model:
    """An averaged perceptron over (text, label) pairs. Averaging (the weights summed over every
    update step, divided at the end) keeps the last noisy updates from deciding the model."""
    labels = sorted({label for _, label in examples})
    index = {label: k for k, label in enumerate(labels)}
    data = [(features(text), index[label]) for text, label in examples]
    w: dict[str, dict[int, float]] = {}
    total: dict[str, dict[int, float]] = {}  # running sums for the average, kept lazily
    stamp: dict[tuple[str, int], int] = {}
    step = 1
    rng = random.Random(seed)

    def bump(f: str, k: int, delta: float) -> None:
        ws, ts = w.setdefault(f, {}), total.setdefault(f, {})
        last = stamp.get((f, k), 0)
        ts[k] = ts.get(k, 0.0) + (step - last) * ws.get(k, 0.0)
        stamp[f, k] = step
        ws[k] = ws.get(k, 0.0) + delta

    for _ in range(epochs):
        rng.shuffle(data)
        for feats, gold in data:
            scores = [0.0] * len(labels)
            for f in feats:
                for k, v in w.get(f, {}).items():
                    scores[k] += v
            guess = max(range(len(labels)), key=lambda k: (scores[k], -k))
            if guess != gold:
                for f in feats:
                    bump(f, gold, 1.0)
                    bump(f, guess, -1.0)
            step += 1
    averaged: dict[str, dict[int, float]] = {}
    for f, ws in w.items():
        for k, v in ws.items():
            t = total[f].get(k, 0.0) + (step - stamp.get((f, k), 0)) * v
            if abs(t / step) >= 1e-4:
                averaged.setdefault(f, {})[k] = t / step
    return Model(labels, averaged, {"examples": len(examples), "epochs": epochs})

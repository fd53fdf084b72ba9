"""`warlog train`: read a user's own coded examples and fit the event-type model of
`events.classify` to them.

Accepted files:
- CSV or TSV with a header: the text in a `notes`, `text` or `sentence` column (an ACLED export
  as it comes), the label in `sub_event_type` (with or without `event_type`), `label`, or
  `event_type` alone;
- JSON Lines: {"text": ..., "label": ...} or {"text": ..., "event_type": ..., "sub_event_type": ...}.
Labels are ACLED's names (case and spacing do not matter): a sub-event type ("Armed clash"),
an event type ("Battles"), or both as "Battles|Armed clash".
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Errors
from .events import acled, classify

TEXT_COLUMNS = ("notes", "text", "sentence")
MIN_EXAMPLES = 4


@dataclass
class Report:
    examples: int
    labels: Counter
    training_accuracy: float
    out: Path


def _names() -> tuple[dict[str, str], dict[str, str]]:
    """Normalised ACLED event type and sub-event type names -> the label they stand for."""
    types, subs = {}, {}
    for etype, subtypes in acled.table()["sub_event_types"].items():
        types[_norm(etype)] = f"{etype}|"
        for sub in subtypes:
            subs[_norm(sub)] = f"{etype}|{sub}"
    return types, subs


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("_", " ").split())


def label_of(event_type: str | None, sub_event_type: str | None) -> str | None:
    """The model label for an event type and/or sub-event type, or None if neither is ACLED's."""
    types, subs = _names()
    if sub_event_type and "|" in sub_event_type:
        event_type, sub_event_type = sub_event_type.split("|", 1)
    sub = subs.get(_norm(sub_event_type or ""))
    if sub is not None:
        if event_type and types.get(_norm(event_type)) not in (None, sub.split("|")[0] + "|"):
            return None  # "Riots" with "Armed clash": contradictory
        return sub
    if sub_event_type:
        return types.get(_norm(sub_event_type))  # a type in the label column
    return types.get(_norm(event_type or ""))


def read_examples(path: str | Path) -> list[tuple[str, str]]:
    """(text, label) pairs of a training file; one-line DataErrors (E501-E509) for bad files."""
    path = Path(path)
    if not path.is_file():
        raise DataError(Errors.E107.format(path=path))
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".tsv", ".jsonl"):
        raise DataError(Errors.E509.format(path=path, suffix=suffix or "(none)"))
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(Errors.E109.format(path=path, detail=exc)) from None
    rows = _jsonl_rows(path, raw) if suffix == ".jsonl" else _table_rows(path, raw, "\t" if suffix == ".tsv" else ",")
    out = []
    for line, text, etype, sub in rows:
        text = (text or "").strip()
        if not text or not (etype or sub):
            continue  # a row left uncoded or without a note: not an example
        label = label_of(etype, sub)
        if label is None:
            raise DataError(Errors.E507.format(path=path, line=line, label=" / ".join(x for x in (etype, sub) if x)))
        out.append((text, label))
    if not out:
        raise DataError(Errors.E501.format(path=path))
    if len(out) < MIN_EXAMPLES:
        raise DataError(Errors.E505.format(path=path, n=len(out), min=MIN_EXAMPLES))
    labels = {label for _, label in out}
    if len(labels) < 2:
        raise DataError(Errors.E506.format(path=path, label=labels.pop()))
    return out


def _table_rows(path: Path, raw: str, delimiter: str):
    reader = csv.DictReader(raw.splitlines(), delimiter=delimiter)
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    reader.fieldnames = columns
    text_col = next((c for c in TEXT_COLUMNS if c in columns), None)
    if text_col is None:
        raise DataError(Errors.E503.format(path=path, columns=", ".join(columns) or "(none)"))
    if not {"sub_event_type", "event_type", "label"} & set(columns):
        raise DataError(Errors.E504.format(path=path, columns=", ".join(columns)))
    try:
        for n, row in enumerate(reader, 2):
            if None in row:
                raise DataError(Errors.E502.format(path=path, line=n, detail="more fields than the header names"))
            sub = row.get("sub_event_type") or row.get("label")
            yield n, row.get(text_col), row.get("event_type"), sub
    except csv.Error as exc:
        raise DataError(Errors.E502.format(path=path, line=reader.line_num, detail=exc)) from None


def _jsonl_rows(path: Path, raw: str):
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(Errors.E502.format(path=path, line=n, detail=f"invalid JSON: {exc.msg}")) from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise DataError(Errors.E502.format(path=path, line=n, detail='expected an object with a "text" string'))
        yield n, row["text"], row.get("event_type"), row.get("sub_event_type") or row.get("label")


def train(path: str | Path, out: str | Path, epochs: int = 10) -> Report:
    examples = read_examples(path)
    model = classify.fit(examples, epochs=epochs)
    model.meta["trained_on"] = Path(path).name
    hits = sum(1 for text, label in examples
               if "|".join(x or "" for x in model.predict(text)[:2]) == label)
    model.save(out)
    return Report(len(examples), Counter(label for _, label in examples), hits / len(examples), Path(out))

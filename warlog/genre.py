"""A document's genre: news report, round-up, analysis/opinion or press release, from its text.

Weighted rules in `data/en/genre.json` look at the title, the furniture of a press release, a
wire dateline, headings, questions, and rates of evaluative, first-person, prescriptive and
attribution words. The genre changes how modality reads unattributed statements: in an opinion
piece, what the writer says will happen is a prediction (events/modality.py).

DOCS: DESIGN.md, "Document genre".
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .errors import DataError, Errors
from .record import GENRES

RULES_FILE = Path(__file__).resolve().parent / "data" / "en" / "genre.json"
_WORD = re.compile(r"[a-z]+(?:['\u2019-][a-z]+)*")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]{0,400}[\"\u201d]")


FEATURES = ("title", "lines", "text", "dateline", "headings", "questions", "words")


@lru_cache(maxsize=1)
def rules() -> dict:
    try:
        spec = json.loads(RULES_FILE.read_text(encoding="utf-8"))
        for rule in spec["rules"]:
            if rule["genre"] not in GENRES or rule["feature"] not in FEATURES:
                raise ValueError(f"unknown genre or feature in {rule}")
            if "pattern" in rule:
                rule["regex"] = re.compile(rule["pattern"], re.IGNORECASE | re.MULTILINE)
            if "words" in rule:
                rule["word_set"] = frozenset(rule["words"])
        spec["dateline_regex"] = re.compile(spec["dateline"], re.MULTILINE)
    except (ValueError, KeyError, re.error) as exc:  # JSONDecodeError is a ValueError
        raise DataError(Errors.E601.format(path=RULES_FILE, detail=exc)) from None
    return spec


def scores(text: str, title: str | None = None) -> dict[str, float]:
    """Each genre's total (for explaining a decision)."""
    spec = rules()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if title is None and lines:
        title = lines[0]
    body = lines[1:] if lines and lines[0] == title else lines
    words = [w.replace("\u2019", "'") for w in _WORD.findall(_QUOTED.sub(" ", text).lower())]
    n = max(len(words), 1)
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    out = {g: 0.0 for g in GENRES}
    for rule in spec["rules"]:
        feature = rule["feature"]
        if feature == "title":
            hit = bool(title and rule["regex"].search(title))
        elif feature == "lines":
            hit = any(rule["regex"].match(ln) for ln in lines)
        elif feature == "text":
            hit = bool(rule["regex"].search(text))
        elif feature == "dateline":
            hit = any(spec["dateline_regex"].match(ln) for ln in lines[:3])
        elif feature == "headings":
            hit = sum(1 for ln in body if _heading(ln, spec["heading_max_words"])) >= rule["min"]
        elif feature == "questions":
            hit = _QUOTED.sub(" ", text).count("?") >= rule["min"]
        else:  # words
            rate = 1000 * sum(counts.get(w, 0) for w in rule["word_set"]) / n
            hit = rate < rule["per_1000"] if rule.get("below") else rate >= rule["per_1000"]
        if hit:
            out[rule["genre"]] += rule["weight"]
    return out


def detect(text: str, title: str | None = None) -> str:
    """The genre of a document: one of record.GENRES."""
    totals = scores(text, title)
    best = max(GENRES, key=lambda g: (totals[g], g == "news"))
    return best if totals[best] >= rules()["min_score"] and totals[best] > totals["news"] else "news"


def _heading(line: str, max_words: int) -> bool:
    return len(line.split()) <= max_words and line[-1] not in ".!?:;,\"'\u201d" and line[0].isupper()

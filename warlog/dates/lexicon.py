"""The words the date resolver knows, read from data/<lang>/dates.json.

Internal to warlog.dates: the rules build their regular expressions from this once, at import.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import DataError, Errors


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    vague_counts: dict[str, tuple[int, int]]
    ordinals: dict[str, int]
    parts: dict[str, str]
    part_spans: dict[str, dict[str, tuple[int, int]]]
    seasons: dict[str, int]
    holidays: dict[str, tuple[int, ...]]
    day_words: dict[str, int]
    windows: dict[str, tuple[int, int, str]]
    anchored: frozenset[str]
    not_date_words: frozenset[str]
    time_zones: tuple[str, ...]
    day_parts: tuple[str, ...]
    lead_words: tuple[str, ...]


def alternation(words) -> str:
    """A non-capturing regex group matching any of the words, longest first.

    Refuses an empty list: an empty group would match everywhere.
    """
    words = sorted(set(words), key=lambda w: (-len(w), w))
    if not words or "" in words:
        raise ValueError("alternation() needs non-empty words")
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


@cache
def load(lang: str = "en") -> Lexicon:
    path = resources.files("warlog") / "data" / lang / "dates.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Lexicon(
            months=dict(raw["months"]),
            weekdays=dict(raw["weekdays"]),
            numbers=dict(raw["numbers"]),
            vague_counts={k: tuple(v) for k, v in raw["vague_counts"].items()},
            ordinals=dict(raw["ordinals"]),
            parts=dict(raw["parts"]),
            part_spans={u: {p: tuple(v) for p, v in d.items()} for u, d in raw["part_spans"].items()},
            seasons=dict(raw["seasons"]),
            holidays={k: tuple(v) for k, v in raw["holidays"].items()},
            day_words=dict(raw["day_words"]),
            windows={k: tuple(v) for k, v in raw["windows"].items()},
            anchored=frozenset(raw["anchored"]),
            not_date_words=frozenset(raw["not_date_words"]),
            time_zones=tuple(raw["time_zones"]),
            day_parts=tuple(raw["day_parts"]),
            lead_words=tuple(raw["lead_words"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as e:
        detail = f"{type(e).__name__}: {e}"
        raise DataError(Errors.E301.format(path=path, line=getattr(e, "lineno", 1), detail=detail)) from e

"""What the event-coding scorers (petrarch, plover, plv, conflibert) share: CAMEO and PLOVER
type mappings (data/cameo_plover.tsv, data/plover.json), gold actor spans in a sentence, and the
choice of the warlog event that a gold actor pair points to.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Iterable, Sequence

from ..documents import normalise_text
from .metrics import overlaps

DATA = Path(__file__).parent / "data"

Span = tuple[int, int]


@functools.lru_cache(maxsize=1)
def _plover() -> dict:
    return json.loads((DATA / "plover.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _cameo() -> dict[str, str | None]:
    table = {}
    for raw in (DATA / "cameo_plover.tsv").read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            prefix, plover = raw.split("\t")
            table[prefix] = None if plover == "-" else plover
    return table


def plover_types() -> list[str]:
    """PLOVER's current event types, in the manual's order."""
    return list(_plover()["types"])


def cameo_to_plover(code: str) -> tuple[bool, str | None]:
    """(is a CAMEO code, its PLOVER type): the longest listed prefix wins. Statements and appeals
    (01, 02) are CAMEO codes with no PLOVER type; the suites' made-up codes are not CAMEO codes."""
    table = _cameo()
    code = code.strip()
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return True, table[code[:size]]
    return False, None


def current_plover(name: str | None) -> str | None:
    """A PLOVER type under its current name (v0.5 DEMAND -> REQUEST, FIGHT -> ASSAULT, ...)."""
    if not name:
        return None
    name = name.strip().upper()
    return _plover()["renamed"].get(name, name)


def plv_class(plover_type: str | None) -> str | None:
    """The Zero-Shot-PLOVER class of a PLOVER type: CONCEDE and RETREAT are YIELD."""
    return _plover()["plv"].get(plover_type, plover_type) if plover_type else None


def plv_classes() -> list[str]:
    return list(dict.fromkeys(plv_class(t) for t in plover_types()))


def quad_class(plover_type: str | None) -> int | None:
    """PLOVER's quad category of a type: 1 verbal and 2 material cooperation, 3 verbal and 4
    material conflict; None for no type."""
    return _plover()["quad"].get(plover_type) if plover_type else None


# --- gold spans --------------------------------------------------------------------------------

def prepare(text: str) -> str:
    """The text as warlog will index it (normalise_text is idempotent): gold spans are found in
    this, so that they line up with the spans of warlog's records."""
    return normalise_text(text)


def occurrences(text: str, phrase: str) -> list[Span]:
    """Every case-insensitive occurrence of `phrase` in `text`."""
    phrase = " ".join(phrase.split())
    if not phrase:
        return []
    low, needle, out, start = text.lower(), phrase.lower(), [], 0
    while (i := low.find(needle, start)) >= 0:
        out.append((i, i + len(needle)))
        start = i + 1
    return out


def nearest(spans: Sequence[Span], offset: int) -> list[Span]:
    """The one span that starts nearest `offset` (a phrase marked once may occur twice)."""
    return [min(spans, key=lambda s: abs(s[0] - offset))] if spans else []


# --- which event ---------------------------------------------------------------------------------

def _touches(refs: Iterable[dict], spans: Sequence[Span]) -> bool:
    return any(r.get("span") and overlaps(tuple(r["span"]), s) for r in refs for s in spans)


def pick_event(events: Sequence[dict], source: Sequence[Span], target: Sequence[Span]) -> dict | None:
    """The event about a gold actor pair: the most points for an actor over a gold source span
    and a recipient over a gold target span (2 each), or either the other way round (1 each);
    among equals, and when no event touches the pair, the first. None when there is no event."""
    def points(indexed):
        i, ev = indexed
        actors, recipients = ev.get("actors") or [], ev.get("recipients") or []
        score = 2 * _touches(actors, source) + 2 * _touches(recipients, target)
        score += _touches(recipients, source) + _touches(actors, target)
        return (-score, i)

    return min(enumerate(events), key=points)[1] if events else None

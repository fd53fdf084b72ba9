"""ACLED event type and sub-event type of an event, from its class, means and the types of its actors.

Order matters and follows ACLED's codebook: territory changes first (who gained it decides
government vs non-state), then the weapon (an airstrike on civilians is still
Explosions/Remote violence), then who was hit (civilians: Violence against civilians; armed
actors on both sides: Battles). Verbal and cooperative events have no ACLED type.
"""
from __future__ import annotations

import json
from functools import lru_cache

from .lexicon import DATA, Lexicon

ARMED = {1, 2, 3, 4, 8}


@lru_cache(maxsize=1)
def table() -> dict:
    with (DATA / "acled.json").open(encoding="utf-8") as f:
        return json.load(f)


def classify(cls: str, means: str | None, actor_types: list[int | None], patient_types: list[int | None],
             lex: Lexicon, sentence_lemmas: set[str], noun: bool = False) -> tuple[str | None, str | None]:
    actors = {t for t in actor_types if t}
    patients = {t for t in patient_types if t}
    if cls == "territory":
        if 1 in actors:
            return "Battles", "Government regains territory"
        if actors & {2, 3, 4}:
            return "Battles", "Non-state actor overtakes territory"
        return "Battles", "Armed clash"
    if cls in ("attack", "fight", "raid") and means and lex.means[means]["acled"]:
        return tuple(lex.means[means]["acled"])
    if cls in ("fight", "attack") and 6 in patients and not actors & {5, 6}:
        # force used on protesters: by the state, ACLED's excessive force; by others, an attack
        if 1 in actors:
            return "Protests", "Excessive force against protesters"
        return "Violence against civilians", "Attack"
    if cls == "riot" or (cls in ("fight", "attack") and actors & {5, 6}):
        return "Riots", "Violent demonstration"
    if cls == "protest":
        if sentence_lemmas & {"kill", "shoot", "live", "dead"} and (actors | patients) & {1}:
            return "Protests", "Excessive force against protesters"
        if sentence_lemmas & {w.split()[0] for w in lex.words["protest_intervention"]}:
            return "Protests", "Protest with intervention"
        if sentence_lemmas & {w.split()[0] for w in lex.words["protest_violence"]}:
            return "Riots", "Violent demonstration"
    if cls in ("attack", "raid"):
        if 5 in actors:
            return "Riots", "Mob violence"
        if 7 in patients and not patients & ARMED:
            return "Violence against civilians", "Attack"
        if patients & ARMED or cls == "raid" and actors & ARMED:
            return "Battles", "Armed clash"
        if actors & ARMED and not patients:
            return "Battles", "Armed clash"  # "ISIS attacked Kirkuk": the defenders go unnamed
        if not actors and not patients:
            return None, None
        return "Violence against civilians", "Attack"
    if cls == "agree" and not (noun or (actors | patients) & ARMED):
        return None, None  # "agreed to meet" is not ACLED's Agreement; a ceasefire or a deal between armed actors is
    default = table()["class_defaults"].get(cls)
    return tuple(default) if default else (None, None)

"""The event rules' word lists, loaded once from warlog/data/en/.

triggers.jsonl: a verb or noun lemma that can head an event, with its PLOVER type and mode and
a class (cls) that the ACLED rules and role rules key on. Optional constraints: `particle`
("blow up"), `dobj` ("take control", "open fire"), `needs_prep` ("engage with"), `needs_place`
("secure" counts only when its object is a place), `needs_event_verb` (a bomb or a ceasefire is an
event only as the subject or object of a verb like "explode" or "declare"), `plural_only`,
`needs_crowd` ("gathered" is a protest only when people or a crowd gathered), `with_word` (a word the
trigger's phrase must hold, child or grandchild: "found dead", "set fire to", "took to the streets").
particle, dobj and needs_prep may list alternatives with "|" ("tie|relation"); "dobj": "*" asks for
any object, "@PERSON" a named entity of that label as object ("called @PERSON": a phone call). `blocks`: the lemma under these constraints is no event ("meet a deadline", "fight the
epidemic"); the most specific entry that fits decides.
means.json: weapons and methods that pick ACLED's sub-event type. cues.json: the other lists.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import read_jsonl
from ..errors import DataError, Errors

DATA = Path(__file__).resolve().parent.parent / "data" / "en"


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    cls: str
    plover: str
    mode: str | None = None
    particle: str | None = None
    dobj: str | None = None
    needs_prep: str | None = None
    needs_place: bool = False
    needs_means: bool = False
    needs_event_verb: bool = False
    plural_only: bool = False
    needs_crowd: bool = False
    with_word: str | None = None
    fatal: bool = False
    injury: bool = False
    symmetric: bool = False
    blocks: bool = False  # the lemma under these constraints is no event ("meet a deadline")
    roles: str | None = None
    means: str | None = None

    @property
    def specificity(self) -> int:
        return ((self.particle is not None) + (self.dobj is not None) + (self.needs_prep is not None)
                + (self.with_word is not None))


class Lexicon:
    def __init__(self, triggers: list[Trigger], means: dict, cues: dict):
        self.by_lemma: dict[tuple[str, str], list[Trigger]] = {}
        for t in triggers:
            self.by_lemma.setdefault((t.lemma, t.pos), []).append(t)
        for entries in self.by_lemma.values():
            entries.sort(key=lambda t: -t.specificity)  # "take over" before plain "take"
        self.means_order: list[str] = means["order"]
        self.means: dict = means["means"]
        self.aerial_words = set(means["aerial_actor_words"])
        self._means_phrases: dict[str, list[tuple[str, list[str]]]] = {}  # first word -> (means, phrase words)
        for key in self.means_order:
            for phrase in self.means[key]["phrases"]:
                words = phrase.split()
                self._means_phrases.setdefault(words[0], []).append((key, words))
        self.cues = cues
        self.words = {k: set(v["words"]) for k, v in cues.items() if isinstance(v, dict) and "words" in v}
        self.number_words: dict[str, int] = cues["number_words"]["values"]
        self.vague_numbers: dict[str, list[int]] = cues["vague_numbers"]["values"]
        self.floor_words = cues["lower_bounds"]["floor"]
        self.ceiling_words = cues["lower_bounds"]["ceiling"]

    def triggers_for(self, lemma: str, pos: str) -> list[Trigger]:
        return self.by_lemma.get((lemma, pos), [])

    def means_in(self, lemmas: list[str]) -> set[str]:
        """Every means whose phrase occurs in the lemma sequence, except a phrase inside a longer
        one ("machine gun" in "heavy machine gun")."""
        spans = []
        for i, lemma in enumerate(lemmas):  # only phrases that start with this word can start here
            for key, words in self._means_phrases.get(lemma, ()):
                if lemmas[i:i + len(words)] == words:
                    spans.append((i, i + len(words), key))
        return {key for a, b, key in spans
                if not any(x <= a and b <= y and (y - x) > (b - a) and other != key for x, y, other in spans)}

    def means_of(self, lemmas: list[str]) -> str | None:
        """The first means (in priority order) whose phrase occurs in the lemma sequence."""
        found = self.means_in(lemmas)
        for key in self.means_order:
            if key in found:
                return key
        return None

    def is_(self, group: str, lemma: str) -> bool:
        return lemma in self.words[group]


@lru_cache(maxsize=1)
def load() -> Lexicon:
    path = DATA / "triggers.jsonl"
    triggers = []
    for n, row in read_jsonl(path):
        try:
            triggers.append(Trigger(**row))
        except TypeError as exc:
            raise DataError(Errors.E301.format(path=path, line=n, detail=exc)) from exc
    with (DATA / "means.json").open(encoding="utf-8") as f:
        means = json.load(f)
    with (DATA / "cues.json").open(encoding="utf-8") as f:
        cues = json.load(f)
    return Lexicon(triggers, means, cues)

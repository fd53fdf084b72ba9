"""Choose one place for each toponym of a document, with scores a person can read.

Each candidate's score is the sum of named parts (weights in scoring.py):
  name match (ours > primary > official alias > alternate; article dropped; skeleton),
  population, feature kind, hint words ("province", "city"), the document's countries,
  a containing toponym ("Hader ... in Quneitra province", "Raqqa, Syria"), the distance to
  the other places of the document and joint readings with its other names (`_joint`). Three passes: context-free, then twice with the container
  and neighbour evidence taken from the previous pass.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import scoring as sc
from .gazetteer import Gazetteer, Match, Place
from .normalise import normalise

TERMS_PATH = Path(__file__).resolve().parent.parent / "data" / "places" / "terms.json"


@dataclass
class Toponym:
    text: str
    start: int
    end: int
    hint: str | None = None  # words around it that matter: "province", "countryside", "city", "border"


@dataclass
class Context:
    countries: list[str] = field(default_factory=list)  # ISO3, most important first
    container: dict[int, int] = field(default_factory=dict)  # toponym index -> index of its container
    # country -> the one place name that alone made it a document country ('London' for GBR):
    # that name's own guess is no evidence for itself.
    own: dict[str, frozenset[str]] = field(default_factory=dict)
    # country -> the place names whose likeliest country alone put it there (no actor, no
    # country name): from the second pass on, such a country counts for a toponym only when
    # another name's chosen place lies in it.
    guessed: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass
class Resolved:
    place: Place
    score: float  # probability of the chosen candidate among all candidates, 0..1
    candidates: list[tuple[Place, float, str]]  # (place, total score, reasons), best first
    precision: int = 1  # geo_precision: 1 town, 2 near a town or district, 3 province, region, country
    # None when the name itself was found; else how the place was inferred for a name the
    # gazetteer lacks: "named inside" ('Vancouver Art Gallery'), "container" ('Toco, Texas'),
    # "document" (the place the document is mostly about).
    fallback: str | None = None


@lru_cache(maxsize=1)
def _terms() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    with open(TERMS_PATH, encoding="utf-8") as f:
        terms = json.load(f)
    hint_of = {}
    for category, words in terms["hints"].items():
        if category.startswith("_"):
            continue
        for w in words:
            hint_of[w] = category
    return hint_of, frozenset(terms["directions"]["words"]), frozenset(terms["facilities"]["words"])


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Adjectives of continents and regions -> the place's name ('European' -> 'Europe')."""
    with open(TERMS_PATH, encoding="utf-8") as f:
        return dict(json.load(f)["demonyms"]["names"])


def hint_category(hint: str | None) -> str | None:
    """'province' -> 'admin', 'Countryside' -> 'countryside', None for words that say nothing."""
    if not hint:
        return None
    hint_of, _, _ = _terms()
    for word in re.findall(r"[\w-]+", hint.lower()):
        if word in hint_of:
            return hint_of[word]
    return None


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _variants(text: str, hint: str | None) -> tuple[list[tuple[str, str]], str | None, bool]:
    """Names to look up for a toponym, each with a reason; the hint category; whether a
    direction word was dropped ('western Anbar')."""
    hint_of, directions, _ = _terms()
    words = _POSSESSIVE.sub("", text.strip()).split()
    if len(words) > 1 and words[0].lower() == "the":  # 'the Golan', 'the Sinai'
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in ("co.", "cnty."):  # 'Plymouth Co.'
        words[-1] = "County"
    category = hint_category(hint)
    # Hint words written inside the span: 'Quneitra province', 'Damascus countryside'.
    tail = []
    while len(words) > 1 and words[-1].lower() in hint_of:
        tail.insert(0, words.pop())
    if tail and category is None:
        category = hint_of[tail[-1].lower()]
    out = []
    if tail:
        out.append((" ".join(words + tail), ""))
    elif hint:
        out.append((f"{' '.join(words)} {hint.strip()}", f"with '{hint.strip()}'"))
    out.append((" ".join(words), ""))
    dropped = False
    lead = list(words)
    while len(lead) > 1 and lead[0].lower() in directions:
        lead.pop(0)
        dropped = True
    if dropped:
        out.append((" ".join(lead), f"'{' '.join(words[:len(words) - len(lead)])}' dropped"))
    return out, category, dropped


def _feature_class(place: Place) -> str:
    return "populated" if place.populated else place.feature


def _inside(place: Place, container: Place) -> bool:
    if place.place_id == container.place_id:
        return False
    f = container.feature
    if f == "country":
        return place.country2 == container.country2
    if f == "admin1":
        return place.admin1_id == container.place_id
    if f == "admin2":
        return place.admin2_id == container.place_id
    radius = sc.CONTAINER_RADIUS_KM.get(f)
    if radius is None:
        return False
    return sc.haversine_km(place.lat, place.lon, container.lat, container.lon) <= radius


class _Item:
    """One toponym under resolution."""

    def __init__(self, gz: Gazetteer, toponym: Toponym):
        self.toponym = toponym
        variants, self.category, self.direction = _variants(toponym.text, toponym.hint)
        best: dict[str, tuple[Match, str, float]] = {}
        whole_matched = False
        for name, why in variants:
            dropped = why.endswith("dropped")
            # 'East Jerusalem' is a place of its own: the bare 'Jerusalem' then comes second.
            penalty = sc.DIRECTION_PENALTY if dropped and whole_matched else 0.0
            found = gz.matches(name)
            if not dropped and found:
                whole_matched = True
            for m in found:
                pid = m.place.place_id
                if pid not in best or m.prior + penalty > best[pid][0].prior + best[pid][2]:
                    best[pid] = (m, why, penalty)
        if any(not m.skeleton for m, _, _ in best.values()):
            # a guessed spelling of one variant ('Nassriya city' ~ 'Nasr City') yields to
            # a real name of another ('Nassriya')
            best = {pid: mw for pid, mw in best.items() if not mw[0].skeleton}
        ranked = sorted(best.values(), key=lambda mw: -(mw[0].prior + mw[2]))
        self.matches = ranked[:sc.MAX_CANDIDATES]
        self.direction = self.direction and not whole_matched
        self.joint: dict[str, list[str]] = {}  # place_id -> other names with a reading near it
        self.choice: Place | None = None
        self.prob = 0.0
        self.scored: list[tuple[Place, float, str]] = []

    def copy_scores(self, other: "_Item") -> None:
        self.choice, self.prob, self.scored = other.choice, other.prob, other.scored


def resolve(gz: Gazetteer, toponyms: list[Toponym], context: Context) -> list[Resolved | None]:
    items = [_Item(gz, t) for t in toponyms]
    countries = []
    for code in context.countries or ():
        # ISO3 is the contract; ISO2 and names are accepted and read as such.
        c = gz.country(code) if len(code) != 3 or not code.isupper() else None
        code3 = c.country3 if c is not None else code.upper()
        if code3 and code3 not in countries:
            countries.append(code3)
    containers = {i: j for i, j in (context.container or {}).items()
                  if 0 <= i < len(items) and 0 <= j < len(items) and i != j}
    contents: dict[int, list[_Item]] = {}
    for i, j in containers.items():
        contents.setdefault(j, []).append(items[i])
    own = {c: set(texts) for c, texts in (context.own or {}).items()}
    guessed = set(context.guessed or ())
    _joint(items)
    for passno in range(3):
        if passno == 1:
            # Countries named in the document count too, after the ones the caller gave.
            for it in items:
                c = it.choice
                if c is not None and c.feature == "country" and c.country3 and c.country3 not in countries:
                    countries.append(c.country3)
                    own[c.country3] = {normalise(it.toponym.text)}
                elif c is not None and c.feature == "country" and c.country3 in own:
                    own[c.country3].add(normalise(it.toponym.text))
        # Places confidently chosen in the previous pass anchor the others (not whole countries
        # or regions, whose points say little, and not other mentions of the same name).
        # (a snapshot: scoring below changes the items' choices as it goes)
        anchors = [(it.toponym.text, it.choice) for it in items
                   if it.choice is not None and it.prob >= 0.5 and it.choice.feature not in _AREAS]
        # Where the chosen places lie, by country: what a guessed country needs from the others.
        chosen_in: dict[str, set[str]] = {}
        for it in items:
            c = it.choice
            if passno > 0 and c is not None and c.country3 and it.prob >= sc.GUESS_SUPPORT_PROB:
                chosen_in.setdefault(c.country3, set()).add(normalise(it.toponym.text))
        # Provinces and states the document names ('Missouri', 'Iowa'): its ambiguous names are
        # likelier in them ('Monroe County', 'Paris').
        states = {} if passno == 0 else {
            it.choice.place_id: it.choice for it in items
            if it.choice is not None and it.choice.feature == "admin1" and it.prob >= sc.GUESS_SUPPORT_PROB}
        done: dict[tuple, _Item] = {}  # repeated mentions in the same setting score alike
        for i, it in enumerate(items):
            container = None
            if passno > 0 and i in containers:
                container = items[containers[i]].choice
            inner = contents.get(i, ())
            key = (it.toponym.text, it.toponym.hint, container, tuple(id(x) for x in inner))
            if key in done:
                it.copy_scores(done[key])
                continue
            others = []
            if passno > 0:
                others = [place for text, place in anchors if text != it.toponym.text]
            name = normalise(it.toponym.text)
            theirs = [c for c in countries
                      if (chosen_in.get(c, set()) - {name} if passno and c in guessed else own.get(c) != {name})]
            _score(it, theirs, container, others, inner, states)
            done[key] = it
    out = [
        None if it.choice is None
        else Resolved(it.choice, round(it.prob, 4), it.scored[:10], _precision(it))
        for it in items
    ]
    return out


_POINTS = ("city", "town", "village", "landmark")
_CELL = 0.5  # degrees: JOINT_KM is well under a cell, so a neighbour lies in one of the 9 cells around


def _plausible(it: _Item) -> list[Place]:
    """A name's readings close enough to its best context-free one to be what it means (points only:
    a province's point says little)."""
    if not it.matches:
        return []
    top = it.matches[0][0].prior + it.matches[0][2]
    return [m.place for m, _, penalty in it.matches
            if m.prior + penalty >= top - sc.JOINT_GAP and not m.skeleton and m.place.feature in _POINTS]


def _joint(items: list[_Item]) -> None:
    """For each settlement candidate, the document's other names with a plausible reading within
    JOINT_KM of it (`_Item.joint`): a joint reading of two ambiguous names is evidence for both."""
    readings: dict[str, tuple[str, list[Place]]] = {}
    for it in items:
        name = normalise(it.toponym.text)
        if name not in readings:
            readings[name] = (it.toponym.text, _plausible(it))
    if len(readings) < 2:
        return
    cells: dict[tuple[int, int], list[tuple[str, Place]]] = {}
    for name, (_, places) in readings.items():
        for p in places:
            cells.setdefault((int(p.lat // _CELL), int(p.lon // _CELL)), []).append((name, p))
    for it in items:
        name = normalise(it.toponym.text)
        for m, _, _ in it.matches:
            p = m.place
            if m.skeleton or p.feature not in _POINTS:
                continue
            cy, cx = int(p.lat // _CELL), int(p.lon // _CELL)
            near = {readings[other][0]: None for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                    for other, q in cells.get((cy + dy, cx + dx), ())
                    if other != name and q.place_id != p.place_id
                    and sc.haversine_km(p.lat, p.lon, q.lat, q.lon) <= sc.JOINT_KM}
            if near:
                it.joint[p.place_id] = list(near)


def _focus(resolved: list[Resolved | None]) -> Place | None:
    """The settlement (else district, else province) the document names most often among its
    confident choices; the earliest on a tie."""
    for features in (("city", "town", "village"), ("admin2",), ("admin1",)):
        counts: dict[str, list] = {}
        for k, r in enumerate(resolved):
            if r is not None and r.fallback is None and r.score >= 0.5 and r.place.feature in features:
                counts.setdefault(r.place.place_id, [0, -k, r.place])[0] += 1
        if counts:
            return max(counts.values(), key=lambda v: (v[0], v[1]))[2]
    return None


def infer_unknown(gz: Gazetteer, toponyms: list[Toponym], context: Context,
                  resolved: list[Resolved | None]) -> list[Resolved | None]:
    """`resolved` with a place inferred for the names the gazetteer lacks, from what surrounds
    them: a town named inside the name of a building or site ('Vancouver Art Gallery'), a
    containing toponym ('Toco, Texas'), else the place the document is mostly about (a local
    report's church, school or street lies in its town). The inferred place is coarser:
    geo_precision 2, or 3 for a province or wider or the document's place. `warlog geoparse`
    reports these as kind "inferred"; events do not use them (an unknown name may be no place)."""
    _, _, facilities = _terms()
    out = list(resolved)
    focus = None
    for i, t in enumerate(toponyms):
        if out[i] is not None or not t.text.strip()[:1].isupper():  # a name, not 'mosques'
            continue
        words = _POSSESSIVE.sub("", t.text.strip()).split()
        place, how = None, None
        cut = next((k for k, w in enumerate(words) if w.lower().strip(".,") in facilities), None)
        if cut:  # the words before the facility word: a town's name?
            for n in range(cut, 0, -1):
                found = [m for m in gz.matches(" ".join(words[:n])) if not m.skeleton and m.kind <= 1
                         and m.place.populated and m.place.population >= sc.FALLBACK_TOWN_POPULATION]
                if found:
                    place, how = _prefer(found, [o for o in resolved if o is not None]), "named inside"
                    break
        j = (context.container or {}).get(i)
        if j is None and i + 1 < len(toponyms) and 0 < toponyms[i + 1].start - t.end <= sc.FALLBACK_GAP:
            j = i + 1  # 'Baron Street in Aleppo', 'Toco, Texas'
        if place is None and j is not None and 0 <= j < len(resolved) and resolved[j] is not None:
            place, how = resolved[j].place, "container"
        if place is None:
            focus = focus or _focus(resolved) or False
            if focus:
                place, how = focus, "document"
        if place is not None:
            wide = how == "document" or place.feature in ("continent", "country", "admin1", "region")
            why = {"named inside": f"unknown name; {place.name} is named in it",
                   "container": f"unknown name; inside {place.name}",
                   "document": f"unknown name; {place.name} is the document's main place"}[how]
            out[i] = Resolved(place, sc.FALLBACK_SCORE, [(place, 0.0, why)], 3 if wide else 2, how)
    return out


def _prefer(found: list[Match], others: list[Resolved]) -> Place:
    """Among the places a name inside a building's name can mean, the one in a country the
    document's other places lie in, else the likeliest."""
    countries = {o.place.country3 for o in others}
    return next((m.place for m in found if m.place.country3 in countries), found[0].place)


_AREAS = ("continent", "country", "region")
_SPANNING = ("region", "water", "mountain", "desert")


def _score(it: _Item, countries: list[str], container: Place | None, others: list[Place],
           contents: list[_Item], states: dict[str, Place] | None = None) -> None:
    scored = []
    # the most populous namesake: a hamlet far smaller than it gains less from sharing a document country
    top_pop = max((math.log10(max(m.place.population, 1)) for m, _, _ in it.matches if m.place.populated), default=0.0)
    for m, why, penalty in it.matches:
        p = m.place
        if m.skeleton and countries and p.country3 != countries[0]:
            # a guessed spelling outside the document's main country: better the name unresolved
            # (placed by what surrounds it) than a far namesake
            continue
        parts = [(m.prior, "; ".join(m.reasons))]
        if why:
            parts.append((penalty, f"{why} {penalty:+.1f}" if penalty else why))
        if it.category:
            w = sc.HINT_WEIGHT.get(it.category, {}).get(_feature_class(p), 0.0)
            if w:
                parts.append((w, f"hint {it.category} {w:+.1f}"))
            if m.seat and it.category in ("admin", "district"):
                # "Raqqa province" asks for the unit: its town no longer stands in the way.
                parts.append((-sc.SEAT_PENALTY, f"unit asked for {-sc.SEAT_PENALTY:+.1f}"))
        if p.country3 and p.country3 in countries:
            rank = countries.index(p.country3)
            w = max(sc.COUNTRY_FLOOR, sc.COUNTRY_WEIGHT - sc.COUNTRY_STEP * rank)
            w *= _undwarfed(p, top_pop)
            parts.append((w, f"in {p.country3} {w:+.1f}"))
        elif not p.country3 and countries and p.feature in _SPANNING:
            # a sea or region across borders ('the Caspian', 'the Middle East') is in the
            # document's countries as much as any town of theirs
            parts.append((sc.COUNTRY_WEIGHT, f"spans countries {sc.COUNTRY_WEIGHT:+.1f}"))
        joint = it.joint.get(p.place_id)
        if joint:
            w = sc.JOINT_WEIGHT * _undwarfed(p, top_pop)
            if w:
                parts.append((w, f"joint reading with {', '.join(joint[:3])} {w:+.1f}"))
        state = (states or {}).get(p.admin1_id)
        if state is not None:
            w = sc.STATE_WEIGHT * _undwarfed(p, top_pop)
            parts.append((w, f"in {state.name}, named {w:+.1f}"))
        if container is not None:
            if _inside(p, container):
                parts.append((sc.CONTAINER_INSIDE, f"inside {container.name} {sc.CONTAINER_INSIDE:+.1f}"))
            elif p.place_id != container.place_id:
                parts.append((sc.CONTAINER_OUTSIDE, f"outside {container.name} {sc.CONTAINER_OUTSIDE:+.1f}"))
        for inner in contents:
            held = next((m2.place for m2, _, _ in inner.matches if _inside(m2.place, p)), None)
            if held is not None:
                parts.append((sc.CONTAINS, f"holds {held.name} {sc.CONTAINS:+.1f}"))
                break
        else:
            if contents and p.populated:
                # a town said to hold places none of whose readings lie near it: the name
                # likelier means its province ("Hays (Al Hudaydah)")
                parts.append((-sc.CONTAINS, f"holds none of its places {-sc.CONTAINS:+.1f}"))
        if others and p.feature != "country":
            # a province or district is as near as can be to the places inside it
            near = next((o for o in others if p.feature in ("admin1", "admin2") and _inside(o, p)), None)
            d = 0.0
            if near is None:
                d, near = _nearest(p, others)
            for km, bonus in sc.NEARBY:
                if d <= km:
                    where = f"holds {near.name}" if d == 0.0 and p.feature in ("admin1", "admin2") else \
                        f"{d:.0f} km from {near.name}"
                    parts.append((bonus, f"{where} {bonus:+.1f}"))
                    break
        total = sum(w for w, _ in parts)
        scored.append((p, round(total, 3), "; ".join(r for _, r in parts if r)))
    scored.sort(key=lambda s: (-s[1], s[0].place_id))
    it.scored = scored
    if not scored or scored[0][1] < sc.MIN_SCORE:
        it.choice, it.prob = None, 0.0
        return
    top = scored[0][1]
    z = sum(math.exp(s - top) for _, s, _ in scored)
    it.choice, it.prob = scored[0][0], 1.0 / z


def _undwarfed(p: Place, top_pop: float) -> float:
    """1, or less for a settlement far smaller than its most populous namesake (log10 `top_pop`)."""
    gap = top_pop - math.log10(max(p.population, 1))
    if p.populated and gap > sc.DWARFED_DECADES:
        return max(0.0, 1.0 - (gap - sc.DWARFED_DECADES) / sc.DWARFED_SPAN)
    return 1.0


_NEARBY_DEG = sc.NEARBY[-1][0] / 111.0  # a degree of latitude is 111 km


def _nearest(p: Place, others: list[Place]) -> tuple[float, Place | None]:
    """Distance to the closest of `others`, skipping those a latitude gap already rules out."""
    best, near = math.inf, None
    lon_gap = _NEARBY_DEG / max(math.cos(math.radians(p.lat)), 0.05)  # degrees of longitude shrink poleward
    for o in others:
        if abs(o.lat - p.lat) > _NEARBY_DEG or abs(o.lon - p.lon) > lon_gap:
            continue
        d = sc.haversine_km(p.lat, p.lon, o.lat, o.lon)
        if d < best:
            best, near = d, o
    return best, near


def _precision(it: _Item) -> int:
    p = it.choice
    if p.feature in ("continent", "country", "admin1", "region", "desert", "mountain", "water"):
        return 3
    if p.feature == "admin2":
        return 2
    if it.direction or it.category in ("countryside", "district"):
        return 2  # near the town, or its district ('Azaz district' where the gazetteer has only the town)
    return 1

"""Which of the places a text names is an event's place.

ACLED's convention, which we follow: the most precise named place where the event happened.
`EventFinder._location` gathers the candidates (each with how strongly the parse ties it to the
event); `pick` chooses among them:

- a place that is the doer ("Russia and Turkey patrolled ...", "a union of Punjab staged ...")
  or where someone comes from ("an individual from Afrin") is the actor's home, not where the
  event was, and a town a road is named for ("on Murree road") is not on it: these count only
  when nothing else is named; a town naming the event noun ("the Mosul offensive") is its scene;
- a name that is only a common noun ("the North Zone") is no place;
- a neighbourhood ("Primavera neighborhood", "Colonia Centenario", "Barangay Lawa") is kept
  only when it lies in a town the text names: such small names mostly resolve to a namesake
  elsewhere, and ACLED codes them to their town anyway;
- a town abroad that no other place of the document backs weighs less when another candidate
  lies in the document's main country (a namesake, most likely);
- a place written with its container ("Volta Redonda, Rio de Janeiro", "Tieba (Bankass, Mopti)",
  "Kharistan village of Muqur district") is chosen over the container when its resolution lies
  inside it; when it does not (a namesake abroad or in another province), the container is the place;
  after a comma or a parenthesis only place words may stand between the two ("X district, Y"),
  so "the Mosul offensive, Washington ..." writes no container;
- a country or province chosen by the parse gives way to a finer place of the same sentence
  inside it ("protested in Santa Rosa ... the isolation in Argentina").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..mentions import Mention

# Finer places first when two are equally tied to the event ("in Iraq ... near Mosul").
SPECIFICITY = {"landmark": 6, "village": 5, "town": 5, "city": 4, "admin2": 3, "region": 2, "admin1": 2, "country": 1}
COARSE = {"country", "admin1", "admin2", "region"}
POPULATED = {"city", "town", "village"}
RANK = {"continent": -1, "country": 0, "admin1": 1, "region": 1, "admin2": 2}  # anything else: 3
# Words for a part of a town, after its name ("Sossego neighborhood") or before it ("Colonia X").
NEIGHBOURHOOD_AFTER = {"neighborhood", "neighbourhood", "community", "quarter", "ward", "sector", "estate", "colony",
                       "slum", "locality"}
NEIGHBOURHOOD_BEFORE = {"colonia", "barangay", "barrio", "bairro", "neighborhood", "neighbourhood"}
# What may stand between a place and its container: "X, Y", "X (Y", "X town in Y", "X village of
# Y district", "X area of Y".
CONTAINER_GAP = {",", "(", "[", "in", "of", "the", "city", "town", "village", "villages", "district", "area",
                 "neighborhood", "neighbourhood", "locality", "taluka", "tehsil", "subdivision", "municipality",
                 "county", "sector", "zone", "region", "province", "governorate", "state", "camp"}
GENERIC_PARTS = {"zone", "area", "sector", "district", "quarter", "neighbourhood", "neighborhood", "region", "city",
                 "town", "village", "countryside", "outskirts", "suburbs", "frontline", "front"}
DIRECTIONS = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "northeastern",
              "northwestern", "southeastern", "southwestern", "upper", "lower", "old", "new"}
ROUTES = {"road", "highway", "motorway", "route", "axis", "expressway", "bypass"}
# How far a town may lie from a town written as its container ("Itaborai, Rio de Janeiro").
TOWN_RADIUS_KM = 60.0
ACTOR_STRENGTH = 0.5  # below "in the sentence" (1): the doer's home, not the scene
ABROAD_WEIGHT = 0.75  # a town outside the document's main country, when another lies in it
# Nouns a toponym may modify and still be the place: "the Afrin region", "the Dogon village".
PLACE_HEADS = {"city", "town", "village", "province", "governorate", "district", "region", "countryside", "area",
               "outskirts", "suburbs", "camp", "neighbourhood", "neighborhood"}


@dataclass
class Candidate:
    mention: Mention
    resolved: object  # places.Resolved
    strength: float
    why: str
    dist: int  # tokens to the nearest trigger word

    @property
    def place(self):
        return self.resolved.place

    def key(self) -> tuple:
        return (self.strength, SPECIFICITY.get(self.place.feature, 3), -self.dist)


def _km(a, b) -> float:
    from ..places import scoring

    return scoring.haversine_km(a.lat, a.lon, b.lat, b.lon)


def inside(place, container, strict: bool = False) -> bool:
    """`place` lies in `container` (or is the same place). `strict`: a district holds only the
    places the gazetteer puts in it; otherwise also those within a town's reach of its point."""
    if place.place_id == container.place_id:
        return True
    rank, outer = RANK.get(place.feature, 3), RANK.get(container.feature, 3)
    if rank < outer and not (container.feature in POPULATED and rank == 2):
        return False  # a province is never inside a district or a town (a district may be: see below)
    f = container.feature
    if f == "country":
        return place.country3 == container.country3
    if place.country3 != container.country3:
        return False
    if f == "admin1":
        return place.admin1_id == container.place_id
    if f == "admin2":
        return place.admin2_id == container.place_id or not strict and _km(place, container) <= TOWN_RADIUS_KM
    if f in POPULATED:
        # a town named as a container often stands for its province ("Maywand district, Kandahar")
        return container.admin1_id is not None and place.admin1_id == container.admin1_id \
            or _km(place, container) <= TOWN_RADIUS_KM
    return _km(place, container) <= 150.0


def is_neighbourhood(m: Mention, doc: Doc) -> bool:
    end = m.end + (m.end < len(doc) and doc[m.end].like_num)  # "Sonfonia Gare 2 neighbourhood"
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[m.start - 1].lower_ if m.start > 0 else ""
    first = doc[m.start].lower_
    return after in NEIGHBOURHOOD_AFTER or before in NEIGHBOURHOOD_BEFORE or first in NEIGHBOURHOOD_BEFORE


def written_inside(a: Mention, b: Mention, doc: Doc, starts: set[int]) -> bool:
    """The text writes `a` with `b` as its container: b follows a across a comma, a parenthesis,
    or a noun phrase ending in "in" or "of" ("Binga (Lisala, Mongala)", "Nimbahera taluka
    (Chittorgarh, Rajasthan)", "Kharistan village of Muqur district", "Al Mayadin desert in
    Deir-ez-Zor countryside"). Not in a list ("Afrin, Azaz and Jarablus"): `starts` are where the
    sentence's places begin."""
    if not a.end <= b.start <= a.end + 4:
        return False
    gap = list(doc[a.end:b.start])
    if a.end - 1 > a.start and doc[a.end - 1].text in ("(", ","):
        gap.insert(0, doc[a.end - 1])  # the tokenizer's "Bouficha (" as one name
    words = [t.lower_ for t in gap]
    if not words or not all(w in CONTAINER_GAP or t.like_num or t.is_lower and t.pos_ in ("NOUN", "ADJ")
                            for w, t in zip(words, gap)):
        return False
    if any(w in (",", "(", "[") for w in words) and not all(w in CONTAINER_GAP or t.like_num for w, t in zip(words, gap)):
        return False  # "the Mosul offensive, Washington ...": a noun of its own ends the place's phrase
    if words == [","]:
        after = [t.lower_ for t in doc[b.end:b.end + 2]]
        if after[:1] in (["and"], ["or"]) or after[:1] == [","] and any(i in starts for i in range(b.end + 1, b.end + 3)):
            return False
    return any(w in (",", "(", "[") for w in words) or words[-1] in ("in", "of") and words[0] not in ("in", "of")


def is_generic(m: Mention, doc: Doc) -> bool:
    """A name that is only a common noun for a part of a place ("the North Zone", "the area")."""
    words = [t.lower_ for t in doc[m.start:m.end] if t.lower_ not in ("the", "a") and t.lower_ not in DIRECTIONS]
    return bool(words) and all(w in GENERIC_PARTS for w in words)


def origin(m: Mention, doc: Doc) -> bool:
    """"an individual from Afrin", "reinforcements from Dhamar": where someone comes from, not
    where the event was."""
    prep = doc[m.start - 1] if m.start > 0 else None
    if prep is not None and prep.lower_ in ("the", "a") and m.start > 1:
        prep = doc[m.start - 2]
    return prep is not None and prep.lower_ == "from" and prep.head.pos_ in ("NOUN", "PROPN", "PRON")


def names_a_route(m: Mention, doc: Doc) -> bool:
    """"on Murree road", "the Sidon-Beirut highway": a road is named for where it leads."""
    i = m.end
    while i < len(doc) and i < m.end + 3 and (doc[i].text in ("-", "\u2013") or doc[i].pos_ == "PROPN"):
        i += 1
    return i < len(doc) and doc[i].lower_ in ROUTES


def modifier_weight(m: Mention, doc: Doc, feature: str, event_words: set[int] = frozenset()) -> float:
    """What a toponym that only modifies a noun loses: "the Gaza border fence", "the US dollar"
    (a country says whose, not where), "the Sidon-Beirut highway" (a road is named for where it
    leads). "Syria's Afrin region" keeps its weight: the noun is a place; so does "the Mosul
    offensive": the noun is the event (`event_words`, token indices of its trigger words)."""
    root = doc[m.start:m.end].root
    if root.dep_ not in ("compound", "amod", "poss") or root.head.lower_ in PLACE_HEADS or root.head.i in event_words:
        return 0.0
    return 0.5 + 0.5 * (feature == "country") + 0.5 * names_a_route(m, doc)


def scene_of_event_noun(m: Mention, doc: Doc, feature: str, event_words: set[int]) -> bool:
    """"the Mosul offensive", "the Kabul bombing": a town naming the event noun it modifies is
    where the event was, even when the parse offers it as the doer (a country there is the doer:
    "the Turkish offensive")."""
    root = doc[m.start:m.end].root
    return feature in POPULATED and root.dep_ == "compound" and root.head.i in event_words


def pick(cands: list[Candidate], doc: Doc, country: str | None = None, places: list = ()) -> tuple[Candidate, bool] | None:
    """The event's place among the candidates, and whether it only contains the place meant (a
    name written inside it resolved elsewhere: the event is near it, not in it). `country`: the
    document's main country (ISO3); `places`: the document's resolved places. A town abroad that
    no other place of the document puts in its country is likelier a namesake ("Caceres" in a
    report from Ayacucho) and weighs less when a candidate lies in the main country."""
    cands = [c for c in cands if c.resolved is not None and not is_generic(c.mention, doc)]
    if not cands:
        return None
    if country and any(c.place.country3 == country and c.place.feature != "country" for c in cands):
        for c in cands:
            p = c.place
            if p.country3 not in (country, None) and p.feature not in ("country", "continent") and not any(
                    q.country3 == p.country3 and q.place_id != p.place_id for q in places):
                c.strength -= ABROAD_WEIGHT
    towns = [c for c in cands if c.place.feature in POPULATED and not is_neighbourhood(c.mention, doc)]
    kept = [c for c in cands if not is_neighbourhood(c.mention, doc)
            or any(t.place.place_id != c.place.place_id and inside(c.place, t.place) for t in towns)]
    cands = kept or cands
    aside = set()
    for c in cands:
        if c.why == "actor" or origin(c.mention, doc):
            c.strength = min(c.strength, ACTOR_STRENGTH)
            aside.add(id(c))
        elif names_a_route(c.mention, doc):
            aside.add(id(c))  # weighed as a modifier already; never preferred as the finer place
    starts = {c.mention.start for c in cands}
    best = max(cands, key=Candidate.key)
    near = False
    seen = {id(best)}
    while True:
        nxt = None
        holder = next((c for c in cands if c is not best and written_inside(best.mention, c.mention, doc, starts)), None)
        if holder is not None and not inside(best.place, holder.place):
            nxt, near = holder, True  # "Hays city (Al Hudaydah)" read as Hays, Kansas: the container
        else:
            held = [c for c in cands if c is not best and id(c) not in aside
                    and written_inside(c.mention, best.mention, doc, starts) and inside(c.place, best.place)]
            if not held and best.place.feature in COARSE:
                held = [c for c in cands if c is not best and c is not holder and id(c) not in aside
                        and RANK.get(c.place.feature, 3) > RANK.get(best.place.feature, 3)
                        and inside(c.place, best.place, strict=True)]
            if held:
                nxt, near = max(held, key=Candidate.key), False
        if nxt is None or id(nxt) in seen:
            # the container of a name that resolved elsewhere: the event is in it, not at its point
            near = near or any(c is not best and id(c) not in aside and written_inside(c.mention, best.mention, doc, starts)
                               and not inside(c.place, best.place) for c in cands)
            return best, near
        seen.add(id(nxt))
        best = nxt

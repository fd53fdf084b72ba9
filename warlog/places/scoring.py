"""The weights of place resolution, in one place, so that every score can be explained.

A candidate's score is a sum of named parts (see `Gazetteer.resolve` and `--explain`):
how its name matched, its population, its kind of feature, and what the document says around
it (countries, a containing place, hint words, nearby places).
"""
from __future__ import annotations

import math

# How the toponym matched one of the place's names (build.KIND_*: ours, primary, alias, alternate).
# An alternate name is any GeoNames alternate, in any language and of any quality: it weighs
# far less than a primary name, so a hamlet's odd alternate cannot beat a known place.
NAME_WEIGHT = {0: 7.0, 1: 3.0, 2: 2.5, 3: 1.0}
NAME_REASON = {0: "our alias", 1: "primary name", 2: "official name or alias", 3: "alternate name"}
ARTICLE_PENALTY = -0.3  # matched only once Arabic articles were dropped from both sides
SKELETON_WEIGHT = 0.5  # matched only on the consonant skeleton (last resort)
SKELETON_MIN = 3  # consonants a skeleton needs before it is looked up at all
SKELETON_LIKENESS = 70  # rapidfuzz ratio (0-100) between the article-less names

POPULATION_WEIGHT = 0.8  # per power of ten of inhabitants: London, England before London, Ohio
# Countries and subdivisions count the people of all their settlements: half weight, so that
# a province does not outweigh the city it is named after or a capital its state (Washington).
UNIT_POPULATION_WEIGHT = 0.6
UNITS = ("continent", "country", "admin1", "admin2", "region")

# A bare name means the settlement rather than the province named after it ("Aleppo").
FEATURE_WEIGHT = {"continent": 3.0, "country": 3.0, "admin1": 0.5, "admin2": -1.0}
# ... and still less when a town of that name lies inside it (Raqqa, Daraa, Haditha).
SEAT_PENALTY = -2.0
# ... unless the unit has ten times the town's people (a known number): the name is then the unit's (Quebec).
SEAT_DWARF = 10

# Hint words around the toponym (data/places/terms.json "hints") -> feature -> weight.
# A written "province" or "city" settles what the name alone leaves open, so it outweighs
# our own aliases' preference for the town (Deir Ezzor province is the governorate).
HINT_WEIGHT = {
    "admin": {"admin1": 4.0, "admin2": 2.0, "region": 1.0, "populated": -4.0, "country": -2.0},
    "district": {"admin2": 4.0, "admin1": 1.0, "populated": -3.0},
    "city": {"populated": 2.0, "admin1": -3.0, "admin2": -3.0, "region": -1.0, "country": -3.0},
    "countryside": {},
    "border": {},
}
POPULATED = ("city", "town", "village")

# The document's countries, most important first: the first gets COUNTRY_WEIGHT, each next
# one COUNTRY_STEP less, never below COUNTRY_FLOOR.
COUNTRY_WEIGHT, COUNTRY_STEP, COUNTRY_FLOOR = 2.5, 0.5, 1.5
# A settlement more than DWARFED_DECADES powers of ten smaller than its most populous namesake
# gains less from lying in a document country, nothing once DWARFED_SPAN more decades apart:
# a US report's 'London' is still the British capital, not London, Ohio.
DWARFED_DECADES, DWARFED_SPAN = 2.0, 2.0

# 'western Anbar' means Anbar; but when the whole phrase is a name ('East Jerusalem'), places
# found without the direction word come this much lower.
DIRECTION_PENALTY = -6.0

CONTAINER_INSIDE, CONTAINER_OUTSIDE = 4.0, -2.0
# A candidate inside a province or state the document names anywhere ('Iowa' ... 'Dallas County').
STATE_WEIGHT = 1.0
# ... and the other way round: a container candidate that holds a candidate of the place said
# to be inside it ("Damascus, Maryland": the US state, not the Australian suburb).
CONTAINS = 2.0
CONTAINER_RADIUS_KM = {"city": 30.0, "town": 15.0, "village": 10.0, "region": 150.0, "landmark": 30.0}

# Joint reading: another name of the document that can mean a place within JOINT_KM of this
# candidate supports it, and it supports that reading in turn, before any choice is made
# ('Edmonton' and 'Enfield' both have a north-London reading 3 km apart; their Canadian and US
# readings lie thousands of km apart). Only a name's plausible readings count (context-free score
# within JOINT_GAP of its best), so that a name with fifty namesakes ('Springfield') cannot support
# everything; the radius is small, as two readings that close by chance are rare. Tried and worse:
# 10 and 25 km (chance neighbours), and districts holding another name's reading (US counties).
JOINT_KM, JOINT_GAP, JOINT_WEIGHT = 5.0, 2.0, 3.0

# Other places of the same document: (within km, bonus), first match wins.
NEARBY = ((50.0, 1.5), (150.0, 1.0), (400.0, 0.5))

# A chosen place this likely is evidence that its country is one of the document's.
GUESS_SUPPORT_PROB = 0.5
# The score (0..1) of a place inferred for a name the gazetteer lacks (resolve._fall_back).
FALLBACK_SCORE = 0.2
# ... and the people a town named inside a building's name needs ('Vancouver Art Gallery', not
# a hamlet called 'Thomas' for 'Thomas Memorial Hospital').
FALLBACK_TOWN_POPULATION = 20_000
# ... and how many characters may part it from a following toponym that then holds it (' in ', ', ')
FALLBACK_GAP = 4

# Homonyms weighed in context, best context-free first: context moves a candidate by a few
# points, never past fifty better-known namesakes ("Springfield" has hundreds).
MAX_CANDIDATES = 50

MIN_SCORE = 1.5  # below this the best candidate is not trusted: the toponym stays unresolved

# Label for the dictionary matcher: areas and natural features are LOC, the rest GPE.
FEATURE_LABEL = {f: "LOC" for f in ("continent", "region", "landmark", "water", "mountain", "desert")}


def population_score(population: int, feature: str = "city") -> float:
    weight = UNIT_POPULATION_WEIGHT if feature in UNITS else POPULATION_WEIGHT
    return weight * math.log10(max(population, 1))


def prior(kind: int, bare: bool, skeleton: bool, feature: str, population: int) -> tuple[float, list[str]]:
    """The context-free part of a candidate's score, with its reasons."""
    parts = []
    if skeleton:
        parts.append((SKELETON_WEIGHT, "spelling skeleton"))
    else:
        parts.append((NAME_WEIGHT[kind], NAME_REASON[kind]))
        if bare:
            parts.append((ARTICLE_PENALTY, "article dropped"))
    if population > 1:
        parts.append((population_score(population, feature), f"pop {population:,}"))
    fw = FEATURE_WEIGHT.get(feature)
    if fw:
        parts.append((fw, feature))
    return sum(w for w, _ in parts), [f"{why} {w:+.1f}" for w, why in parts]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))

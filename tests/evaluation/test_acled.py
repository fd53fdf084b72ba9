"""warlog eval acled: ACLED rows against warlog's events, by hand and through the extractor.

The notes are our own sentences about invented events, in ACLED's 31-column layout."""
from __future__ import annotations

from datetime import date

import pytest

from warlog.actors import KnowledgeBase
from warlog.evaluation import acled
from warlog.evaluation.core import Runner
from warlog.evaluation.records import ActorKeys, Admin1

from .gold_events import actor, event, write_csv

HEADER = [
    # ids and date
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
    # event type
    "event_type", "sub_event_type",
    # actors
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    # place
    "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    # source, text, toll
    "source_scale", "notes", "fatalities", "timestamp", "iso3",
]

SHELLING = {
    "event_date": "3-May-20", "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack", "actor1": "Military Forces of Syria (2000-)",
    "inter1": "1", "actor2": "Civilians (Syria)", "inter2": "7", "country": "Syria", "admin1": "Idleb",
    "location": "Kafr Nabl", "latitude": "35.6142", "longitude": "36.5603", "geo_precision": "1",
    "fatalities": "2", "iso3": "SYR",
    "notes": "On 3 May 2020, regime forces shelled the village of Kafr Nabl in southern Idlib with artillery, "
             "killing two civilians.",
}
PROTEST = {
    "event_date": "2-May-20", "event_type": "Protests", "sub_event_type": "Peaceful protest",
    "actor1": "Protesters (Nigeria)", "inter1": "6", "inter2": "0", "country": "Nigeria", "admin1": "Lagos",
    "location": "Lagos", "latitude": "6.4541", "longitude": "3.3947", "geo_precision": "1", "fatalities": "0",
    "iso3": "NGA",
    "notes": "On 2 May 2020, several hundred market traders protested in Lagos against the closure of their stalls.",
}


@pytest.fixture(scope="module")
def keys():
    return ActorKeys(KnowledgeBase.load())


@pytest.fixture
def golds(tmp_path, keys):
    path = write_csv(tmp_path / "acled.csv", HEADER, [SHELLING, PROTEST, {**PROTEST, "notes": ""}])
    rows, empty = acled.load(path, keys)
    assert empty == 1
    return rows


def perfect(gold) -> dict:
    """The event a flawless extractor would give for a row."""
    protest = gold.event_type == "Protests"
    first = actor("a", None, 6, gold.country3, "Protesters") if protest else actor("b", "military-syr", 1, "SYR")
    second = [] if protest else [actor("c", None, 7, "SYR", "Civilians (Syria)")]
    return event(gold.event_type, gold.sub_event_type, actors=[first], recipients=second, lat=gold.lat,
                 lon=gold.lon, admin1=gold.admin1, country=gold.country3, precision=gold.geo_precision,
                 start=gold.day.isoformat(), dead=gold.fatalities or None)


def figures(section) -> dict:
    return {f.key: f.value for f in section.figures}


def test_load_reads_the_layout(golds):
    shelling, protest = golds
    assert shelling.day == date(2020, 5, 3) and shelling.country3 == "SYR" and shelling.country2 == "SY"
    assert shelling.inter2 == 7 and shelling.lat == pytest.approx(35.6142) and shelling.fatalities == 2
    assert protest.actor2 == "" and protest.inter2 == 0


def test_a_perfect_prediction_scores_one(golds, keys):
    results = [acled.compare(g, [perfect(g)], keys, Admin1()) for g in golds]
    got = figures(acled.section("all", golds, results))
    for key, value in got.items():
        if key == "no_event":
            assert value == 0.0
        elif key == "fatalities_mae":
            assert value == 0.0
        else:
            assert value == 1.0, key


def test_a_known_wrong_prediction_scores_what_we_worked_out(golds, keys):
    shelling, protest = golds
    wrong_type = event("Battles", "Armed clash", lat=shelling.lat, lon=shelling.lon)
    # right type, wrong sub-type; the government rather than the army; 0.1 degree (11.1 km) north;
    # a date range; one death too many; a coarser precision
    near_miss = event("Explosions/Remote violence", "Air/drone strike",
                      actors=[actor("Syrian government", "government-syr", 1, "SYR")],
                      recipients=[actor("civilians", None, 7, "SYR", "Civilians (Syria)")],
                      lat=shelling.lat + 0.1, lon=shelling.lon, admin1="Idlib", country="SYR", precision=2,
                      start="2020-05-01", end="2020-05-03", dead=3)
    results = [acled.compare(shelling, [wrong_type, near_miss], keys, Admin1()),  # the type picks near_miss
               acled.compare(protest, [], keys, Admin1())]  # nothing found
    got = figures(acled.section("all", golds, results))
    assert got == pytest.approx({
        "no_event": 0.5,
        "event_type_accuracy": 0.5,
        "sub_event_type_accuracy": 0.0,
        "sub_event_type_macro_f1": 0.0,
        "actor1_known": 1.0,  # Military Forces of Syria (2000-) and Protesters (Nigeria)
        "actor1_match": 0.0,
        "actor2_known": 1.0,  # only the shelling has an actor2
        "actor2_match": 1.0,
        "inter1_accuracy": 0.5,
        "inter2_accuracy": 0.5,
        "location_5km": 0.0,
        "location_25km": 0.5,
        "admin1_match": 0.5,
        "date_exact": 0.0,
        "fatalities_exact": 0.0,
        "fatalities_mae": 1.0,  # over the one note with an event
        "geo_precision_agreement": 0.0,
    })


@pytest.mark.slow
def test_score_runs_the_extractor_on_the_notes(tmp_path):
    path = write_csv(tmp_path / "acled.csv", HEADER, [SHELLING, PROTEST, {**PROTEST, "notes": ""}])
    sections = acled.score([path], Runner())
    assert [(s.subset, s.items) for s in sections] == [("all", 2), ("syria_iraq", 1)]
    everything = figures(sections[0])
    for key in ("event_type_accuracy", "sub_event_type_accuracy", "actor1_match", "actor2_match",
                "location_25km", "admin1_match", "date_exact", "fatalities_exact"):
        assert everything[key] == 1.0, key
    assert everything["no_event"] == 0.0
    assert everything["rows_without_note"] == 1
    assert all(f.better in ("higher", "lower", None) for s in sections for f in s.figures)
    assert sections[0].notes

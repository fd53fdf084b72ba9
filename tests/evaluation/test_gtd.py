"""warlog eval gtd: GTD incidents against warlog's events, by hand and through the extractor.

The summaries are our own sentences about invented incidents, in the dataset's column layout."""
from __future__ import annotations

import pytest

from warlog.actors import KnowledgeBase
from warlog.evaluation import gtd
from warlog.evaluation.core import Runner
from warlog.evaluation.records import ActorKeys

from .gold_events import actor, event, write_csv

HEADER = [
    # date
    "date", "year", "month", "month_name", "day", "day_of_week",
    # place
    "country", "region", "state", "city", "latitude", "longitude",
    # who and how
    "group_name", "attack_type", "target_type", "weapon_type",
    # toll
    "killed", "wounded", "casualties", "log_casualties", "success", "suicide",
    # text
    "summary",
]
ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}

CAR_BOMB = {
    "date": "2014-04-21", "country": "Iraq", "state": "Kirkuk", "city": "Kirkuk", "latitude": "35.4681",
    "longitude": "44.3922", "group_name": "Islamic State of Iraq and the Levant (ISIL)",
    "attack_type": "Bombing/Explosion", "killed": "5.0",
    "summary": "04/21/2014: A car bomb exploded near a vegetable market in Kirkuk city, Kirkuk governorate, Iraq, "
               "killing five people. The Islamic State of Iraq and the Levant claimed responsibility.",
}
SHOOTING = {
    "date": "2013-09-12", "country": "Iraq", "state": "Diyala", "city": "Baqubah", "latitude": "33.7466",
    "longitude": "44.6437", "group_name": "Unknown", "attack_type": "Armed Assault", "killed": "2.0",
    "summary": "09/12/2013: Gunmen opened fire on a police patrol in Baqubah city, Diyala governorate, Iraq, "
               "killing two officers. No group claimed responsibility.",
}
GENERIC = {**SHOOTING, "group_name": "Muslim extremists", "attack_type": "Bombing/Explosion", "killed": ""}


@pytest.fixture(scope="module")
def keys():
    return ActorKeys(KnowledgeBase.load())


@pytest.fixture
def golds(tmp_path):
    return gtd.load(write_csv(tmp_path / "gtd.csv", HEADER, [CAR_BOMB, SHOOTING, GENERIC]))


def figures(section) -> dict:
    return {f.key: f.value for f in section.figures}


def test_every_attack_type_maps_to_acled_types():
    mapping = gtd.attack_types()
    assert gtd.UNKNOWN in mapping and "Bombing/Explosion" in mapping
    assert all(types and set(types) <= ACLED_TYPES for types in mapping.values())


def test_load_reads_the_layout(golds):
    bomb, shooting, generic = golds
    assert bomb.day.isoformat() == "2014-04-21" and bomb.killed == 5 and bomb.lat == pytest.approx(35.4681)
    assert shooting.group == "Unknown" and generic.killed is None


def test_a_perfect_prediction_scores_one(golds, keys):
    bomb, shooting, generic = golds
    predicted = [
        [event("Explosions/Remote violence", actors=[actor("ISIL", "isis", 2)], lat=bomb.lat, lon=bomb.lon,
               country="IRQ", dead=5)],
        [event("Battles", actors=[actor("Gunmen", None, 3, "IRQ", "Unidentified Armed Group (Iraq)")],
               lat=shooting.lat, lon=shooting.lon, country="IRQ", dead=2)],
        [event("Explosions/Remote violence", lat=generic.lat, lon=generic.lon, country="IRQ")],
    ]
    results = [gtd.compare(g, evs, keys, gtd.attack_types()) for g, evs in zip(golds, predicted)]
    got = figures(gtd.section(golds, results))
    assert got == {"event_found": 1.0, "type_consistent": 1.0, "city_25km": 1.0, "killed_exact": 1.0,
                   "perpetrator_match": 1.0, "perpetrator_named_match": 1.0, "perpetrator_unknown_match": 1.0,
                   "perpetrator_unscored": 1}


def test_a_known_wrong_prediction_scores_what_we_worked_out(golds, keys):
    bomb, shooting, generic = golds
    predicted = [
        # a type the bombing does not allow, 0.3 degree (33 km) north, one death short, no group named
        [event("Violence against civilians",
               actors=[actor("gunmen", None, 3, "IRQ", "Unidentified Armed Group (Iraq)")],
               lat=bomb.lat + 0.3, lon=bomb.lon, country="IRQ", dead=4)],
        # right in every way but naming a group where GTD knows none
        [event("Battles", actors=[actor("ISIS", "isis", 2)], lat=shooting.lat, lon=shooting.lon, dead=2)],
        [],  # nothing found
    ]
    results = [gtd.compare(g, evs, keys, gtd.attack_types()) for g, evs in zip(golds, predicted)]
    got = figures(gtd.section(golds, results))
    assert got == pytest.approx({
        "event_found": 2 / 3, "type_consistent": 1 / 3, "city_25km": 1 / 3,
        "killed_exact": 1 / 2,  # the third row has no toll
        "perpetrator_match": 0.0, "perpetrator_named_match": 0.0, "perpetrator_unknown_match": 0.0,
        "perpetrator_unscored": 1,
    })


@pytest.mark.slow
def test_score_runs_the_extractor_on_the_summaries(tmp_path):
    path = write_csv(tmp_path / "gtd.csv", HEADER, [CAR_BOMB, SHOOTING])
    [section] = gtd.score([path], Runner())
    got = figures(section)
    assert section.items == 2
    assert got["event_found"] == 1.0 and got["type_consistent"] == 1.0
    # the gunmen are nobody the knowledge base knows, as GTD says
    assert got["perpetrator_unknown_match"] == 1.0
    assert section.notes

"""Choosing warlog's event for a gold row and comparing actors, places and tolls (records.py)."""
from __future__ import annotations

from datetime import date

import pytest

from warlog.actors import KnowledgeBase
from warlog.evaluation.records import ActorKeys, Admin1, best_event, extract_once, fatalities, first_type, \
    parse_date, same_day

from .gold_events import actor, event


@pytest.fixture(scope="module")
def keys():
    return ActorKeys(KnowledgeBase.load())


def test_best_event_prefers_the_type_then_the_nearest_then_the_first():
    far_same = event("Battles", lat=36.0, lon=43.0)
    near_other = event("Protests", lat=33.3, lon=44.4)
    near_same = event("Battles", lat=33.31, lon=44.41)
    unlocated_same = event("Battles")
    assert best_event([near_other, far_same, near_same], ("Battles",), 33.3, 44.4) is near_same
    assert best_event([near_other, unlocated_same, far_same], ("Battles",), 33.3, 44.4) is far_same
    assert best_event([near_other, far_same], ("Riots",), 33.3, 44.4) is near_other  # no type fits: nearest
    assert best_event([unlocated_same, event("Battles")], ("Battles",)) is unlocated_same  # ties: first
    assert best_event([], ("Battles",), 33.3, 44.4) is None


def test_fields_read_from_a_record():
    assert fatalities(event(dead=4)) == 4 and fatalities(event()) == 0 and fatalities(None) == 0
    assert same_day(event(start="2020-05-09"), date(2020, 5, 9))
    assert not same_day(event(start="2020-05-03", end="2020-05-09"), date(2020, 5, 9))
    assert first_type([]) == 0
    assert first_type([actor("men"), actor("Iraqi army", "military-irq", 1)]) == 1
    assert first_type([actor("men")]) == -1
    assert parse_date("9-May-20") == date(2020, 5, 9) == parse_date("2020-05-09")
    assert parse_date("soon") is None


def test_gold_actor_names_resolve_to_keys(keys):
    on = date(2020, 5, 9)
    assert keys.gold("Military Forces of Syria (2000-)", 1, on) == ("id", "military-syr")
    assert keys.gold("QSD: Syrian Democratic Forces", 2, on) == ("id", "sdf")
    assert keys.gold("Islamic State (Iraq)", 2, on) == ("id", "isis")
    assert keys.gold("Civilians (Syria)", 7, on) == ("crowd", 7, "SYR")
    assert keys.gold("Protesters (Democratic Republic of Congo)", 6, on) == ("crowd", 6, "COD")
    assert keys.gold("Unidentified Armed Group (Iraq)", 3, on) == ("generic", "Unidentified Armed Group", "IRQ")
    assert keys.gold("Sons of the Invented Valley", 2, on) is None
    assert keys.gold("", 0, on) is None
    # the same organisation under its name of the day: GTD's al-Qaida in Iraq in 2012
    assert keys.gold("Al-Qaida in Iraq", None, date(2012, 5, 1)) == ("id", "islamic-state-of-iraq")


def test_an_either_or_gold_name_accepts_each_side(keys):
    on = date(2020, 5, 9)
    assert keys.alternatives("Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah "
                             "lid-Dawatai wal-Jihad", 2, on, "NGA") == [("id", "iswap"), ("id", "boko-haram")]
    # a generic name written without its country takes the event's
    assert keys.alternatives("Unidentified Gang and/or Police Militia", 3, on, "BRA") == [
        ("generic", "Unidentified Gang", "BRA")]
    assert keys.alternatives("Civilians (Syria)", 7, on) == [("crowd", 7, "SYR")]


def test_predicted_actors_answer_for_their_parents_and_take_the_event_country(keys):
    on = date(2020, 5, 9)
    tribal = actor("TMF", "tribal-mobilization", 4, "IRQ")
    assert {("id", "tribal-mobilization"), ("id", "pmu")} <= keys.predicted([tribal], on)
    assert ("id", "tribal-mobilization") not in keys.predicted([actor("PMF", "pmu", 1, "IRQ")], on)
    teachers = actor("teachers", None, 6, None, canonical="Protesters")
    assert keys.predicted([teachers], on, "IRQ") == {("crowd", 6, "IRQ")}
    gunmen = actor("gunmen", None, 3, "IRQ", canonical="Unidentified Armed Group (Iraq)")
    assert keys.predicted([gunmen], on) == {("generic", "Unidentified Armed Group", "IRQ")}
    assert keys.is_known_group(actor("ISIS", "isis", 2)) and not keys.is_known_group(gunmen)
    assert not keys.is_known_group(actor("Iraqi army", "military-irq", 1, "IRQ"))


def test_admin1_names_compare_across_spellings():
    names = Admin1()  # without a gazetteer: names only
    assert names.same("Idleb", "Idlib")
    assert names.same("Deir-ez-Zor", "Dayr az Zawr")
    assert names.same("Al Anbar", "Anbar Governorate")
    assert not names.same("Ninewa", "Kirkuk")
    assert not names.same("Baghdad", None)


class CountingRunner:
    """Stands in for the Runner: records what it was asked to extract."""

    def __init__(self):
        self.calls = []

    def extract(self, items, label=""):
        self.calls.append(list(items))
        return [[event("Battles", dead=len(text))] for text, _ in items]


def test_extract_once_asks_for_each_distinct_text_once_and_keeps_the_order():
    runner = CountingRunner()
    items = [("ab", None), ("abc", None), ("ab", None)]
    out = extract_once(runner, items, "test")
    assert runner.calls == [[("ab", None), ("abc", None)]]
    assert [fatalities(evs[0]) for evs in out] == [2, 3, 2]

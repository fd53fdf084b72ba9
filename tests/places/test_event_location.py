"""Where an event happened (EventFinder._location): the place of its own sentence first, then the
town named earlier in the paragraph; a nationality is never the place. Invented reports."""
import pytest

import warlog

pytestmark = pytest.mark.slow


TAL_AFAR, SINJAR = (36.37, 42.45), (36.32, 41.88)  # facts from any atlas


def _near(loc, point) -> bool:
    return abs(loc["lat"] - point[0]) < 0.1 and abs(loc["lon"] - point[1]) < 0.1


def _located(text, trigger):
    evs = [e.to_dict() for e in warlog.extract(text, published="2019-05-10")]
    found = [e for e in evs if trigger in e["quote"]]
    assert found, [e["quote"] for e in evs]
    return found[0]["location"]


def test_a_sentence_without_a_place_takes_the_town_named_before_it():
    # (a toll told in the next sentence, "Two policemen were killed in the exchange of fire", is
    # folded into the first event, so the second event here is a new attack)
    text = ("Gunmen stormed a police checkpoint in Tal Afar on Thursday night. "
            "Hours later, Islamic State militants ambushed an army patrol, killing two soldiers.")
    loc = _located(text, "ambushed")
    assert _near(loc, TAL_AFAR) and loc["geo_precision"] == 1


def test_a_place_in_the_sentence_beats_the_one_before_it():
    text = ("Militants shelled the outskirts of Tal Afar on Thursday. "
            "On Friday a roadside bomb killed three soldiers near Sinjar.")
    loc = _located(text, "roadside bomb")
    assert _near(loc, SINJAR) and loc["geo_precision"] == 2  # 'near': ACLED's precision 2


def test_an_actors_nationality_is_still_no_place_of_a_later_sentence():
    text = ("Turkish jets struck targets overnight, the ministry said. "
            "Five fighters were killed in the raids.")
    for e in warlog.extract(text, published="2019-05-10"):
        assert e.location is None or e.location.country == "TUR"

"""Which place holds which, as the document's context reads it (pipeline.Extractor._context):
"X, Y" only when Y can be a bigger unit and X is no country and no item of a list; a possessive
before a district makes the possessor the holder. Sentences are our own."""
import pytest

from warlog.documents import read_text
from warlog.pipeline import default_extractor

pytestmark = pytest.mark.slow


def _containers(text):
    ex = default_extractor()
    doc = read_text(text)
    _, sdocs = next(ex.parse_many([doc]))
    mentions, toponyms = ex.mentions(doc, sdocs)
    context, places = ex.resolve_places(mentions, toponyms)
    held = {toponyms[i].text: toponyms[j].text for i, j in context.container.items()}
    return held, {t.text: p for t, p in zip(toponyms, places)}


def test_a_town_comma_its_country_is_held():
    held, _ = _containers("Government shelling killed two farmers in Douma, Syria on Monday.")
    assert held == {"Douma": "Syria"}


def test_a_country_before_a_comma_is_not_held_by_what_follows():
    held, places = _containers("Talks on the ceasefire stalled in Russia, U.S. officials said on Friday.")
    assert "Russia" not in held
    assert places["Russia"].place.country3 == "RUS"


def test_a_list_of_places_is_not_a_chain_of_containers():
    held, _ = _containers("Coalition jets struck targets in Raqqa, Hasakah and Deir Ezzor overnight.")
    assert held == {}


def test_the_possessor_holds_the_district():
    held, places = _containers("A car bomb went off in Aleppo's Azaz district, wounding six.")
    assert held == {"Azaz": "Aleppo"}
    assert places["Aleppo"].place.country3 == "SYR"


def test_a_province_in_brackets_holds_the_town_and_is_read_as_the_province():
    held, places = _containers("On Sunday, Houthi fighters shelled army positions in Hays (Al Hudaydah).")
    assert held == {"Hays": "Al Hudaydah"}
    assert places["Hays"].place.country3 == "YEM"
    assert places["Al Hudaydah"].place.feature == "admin1"


def test_a_hint_word_may_stand_between_a_town_and_its_province():
    held, places = _containers("Gunmen attacked a police post in Qandala town (Bari) on Monday.")
    assert held == {"Qandala": "Bari"}
    assert places["Bari"].place.country3 == "SOM"

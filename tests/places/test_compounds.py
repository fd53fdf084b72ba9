"""Place names of several words that the matcher and NER would cut into pieces ("Ras al Ain"
into Ras and Ain): the whole name is one toponym, resolved as a whole or left unknown, never a
piece resolved to a namesake abroad. Sentences are our own; coordinates are true locations."""
import pytest

import warlog
from warlog.places.scoring import haversine_km

pytestmark = pytest.mark.slow

RAS_AL_AIN, KOBANI, TAL_TAMR = (36.85, 40.07), (36.89, 38.35), (36.65, 40.37)


def _rows(text):
    return {r["text"]: r for r in warlog.geoparse(text)}


@pytest.mark.parametrize("text,name,point", [
    ("Syrian rebels backed by Turkish artillery shelled Ras al Ain on Monday.", "Ras al Ain", RAS_AL_AIN),
    ("Kurdish fighters reinforced Ain al Arab after the Syrian army withdrew.", "Ain al Arab", KOBANI),
    ("A roadside mine hit a patrol on the road to Tal Tamer in northeast Syria.", "Tal Tamer", TAL_TAMR),
])
def test_a_known_name_of_several_words_is_one_toponym(text, name, point):
    rows = _rows(text)
    assert name in rows
    assert haversine_km(rows[name]["lat"], rows[name]["lon"], *point) <= 25


@pytest.mark.parametrize("text,name,piece", [
    ("Inmates at Pul-e-Charkhi rioted for a second day, Afghan officials said.", "Pul-e-Charkhi", "Pul"),
    ("Gunmen attacked a police post in Shar-i-Shali district of Kandahar province.", "Shar-i-Shali", "Shali"),
    ("Militia fighters clashed in Abu Salim, a district of southern Tripoli.", "Abu Salim", "Salim"),
])
def test_an_unknown_compound_name_is_not_cut_into_namesakes(text, name, piece):
    rows = _rows(text)
    assert name in rows and piece not in rows
    # unknown to the gazetteer: left unresolved or placed in the country the text is about
    assert rows[name]["country"] in (None, "AFG", "LBY")


def test_a_persons_name_with_an_article_stays_a_person():
    rows = _rows("Abu Mohammed al-Jolani visited fighters in Idlib on Friday.")
    assert "Idlib" in rows
    assert not any("Jolani" in text for text in rows)


def test_two_towns_joined_by_a_hyphen_stay_two_places():
    rows = _rows("Taliban fighters blocked the Kabul-Jalalabad highway for hours.")
    assert {"Kabul", "Jalalabad"} <= set(rows)

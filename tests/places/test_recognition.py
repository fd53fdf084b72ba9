"""The ways conflict reports write place names, recognised and resolved end to end by
`warlog.geoparse`: hint words around a name, direction words, possessives, 'near' and
'outskirts', and the romanisations of Arabic names. Sentences are our own; coordinates are the
places' true locations (facts from any atlas)."""
import pytest

import warlog
from warlog.places.patterns import surface_forms
from warlog.places.scoring import haversine_km

pytestmark = pytest.mark.slow

IDLIB, HAMA, ALEPPO, AZAZ = (35.93, 36.63), (35.13, 36.75), (36.20, 37.16), (36.59, 37.05)
TIKRIT, DAMASCUS, DEIR_EZZOR = (34.60, 43.68), (33.51, 36.29), (35.34, 40.14)
BUKAMAL, QAIM, RAQQA, SHADDADI = (34.45, 40.92), (34.39, 40.99), (35.95, 39.01), (36.06, 40.73)
ZABADANI, ARISH = (33.72, 36.10), (31.13, 33.80)


def _rows(text):
    return {r["text"]: r for r in warlog.geoparse(text)}


def _at(row, point, km=30.0) -> bool:
    return row["lat"] is not None and haversine_km(row["lat"], row["lon"], *point) <= km


@pytest.mark.parametrize("text,name,point,feature_class", [
    ("Rebels shelled army posts across Idlib province on Tuesday.", "Idlib", IDLIB, "A"),
    ("Jets struck oil wells in Deir Ezzor governorate overnight.", "Deir Ezzor", DEIR_EZZOR, "A"),
    ("Two shepherds died when a shell landed in the Hama countryside.", "Hama", HAMA, "P"),
    ("The army pushed into northern Hama after a week of fighting.", "Hama", HAMA, "P"),
    ("A car bomb went off in Aleppo's Azaz district, wounding six.", "Azaz", AZAZ, "P"),
    ("Insurgents fired on a checkpoint near Tikrit at dawn.", "Tikrit", TIKRIT, "P"),
    ("Mortar rounds fell on the outskirts of Damascus on Monday.", "Damascus", DAMASCUS, "P"),
])
def test_hint_and_direction_words_keep_the_name(text, name, point, feature_class):
    row = _rows(text)[name]
    assert _at(row, point, 120 if feature_class == "A" else 30)
    assert row["feature_class"] == feature_class


def test_the_possessive_names_the_province_and_the_district_the_town():
    rows = _rows("A car bomb went off in Aleppo's Azaz district, wounding six.")
    assert _at(rows["Aleppo"], ALEPPO) and _at(rows["Azaz"], AZAZ)


@pytest.mark.parametrize("spelling,point", [
    ("Deir Ezzor", DEIR_EZZOR), ("Deir ez-Zor", DEIR_EZZOR), ("Dayr az Zawr", DEIR_EZZOR),
    ("al-Bukamal", BUKAMAL), ("Abu Kamal", BUKAMAL), ("Albu Kamal", BUKAMAL),
    ("Qaim", QAIM), ("Al Qa'im", QAIM), ("al-Qaim", QAIM),
    ("ar-Raqqa", RAQQA), ("ash-Shaddadi", SHADDADI), ("az-Zabadani", ZABADANI), ("el-Arish", ARISH),
])
def test_romanisations_are_recognised_whole_and_resolved(spelling, point):
    text = f"Residents said fighting resumed in {spelling} on Friday."
    rows = _rows(text)
    assert spelling in rows, list(rows)  # the whole spelling, article included
    assert _at(rows[spelling], point)


def test_the_article_is_also_written_assimilated_to_a_sun_letter():
    assert {"ar-Raqqa", "Ar-Raqqa"} <= surface_forms("al-Raqqa")
    assert "ash-Shaddadi" in surface_forms("al-Shaddadi")
    assert "ar-Raqqa" not in surface_forms("Raqqa")  # a name written without one gets none
    assert not any(f.startswith("ab-") for f in surface_forms("al-Bukamal"))  # b is no sun letter

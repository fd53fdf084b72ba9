"""warlog.entities: every actor and place a text names, typed, with offsets in the text as given."""
import pytest

import warlog

pytestmark = pytest.mark.slow


def test_types_ids_and_places():
    text = ("Turkish jets struck PKK positions near Amadiya, Iraqi officials said. Militants later attacked "
            "Kurds in Qamishli, and Haider al-Abadi and John Marlow condemned it.")
    rows = {r["text"]: r for r in warlog.entities(text, published="2018-03-01")}
    assert rows["PKK"]["type"] == "organisation" and rows["PKK"]["actor_id"] == "pkk"
    assert rows["Turkish jets"]["actor_id"] == "military-tur"
    assert rows["Militants"]["type"] == "group"
    assert rows["Kurds"]["type"] == "identity"
    assert rows["Haider al-Abadi"]["type"] == "person" and rows["Haider al-Abadi"]["country"] == "IRQ"
    assert rows["John Marlow"]["type"] == "person" and rows["John Marlow"]["actor_id"] is None
    amadiya = rows["Amadiya"]
    assert amadiya["type"] == "place" and amadiya["place"]["country"] == "IRQ" and amadiya["actor_id"] is None
    for r in rows.values():
        assert text[r["start"]:r["end"]] == r["text"]


def test_a_country_is_a_place_that_names_its_state_and_offsets_survive_normalisation():
    # trailing spaces and a zero-width mark are dropped from the document text; offsets still index ours
    text = "Syria accused Israel of shelling \u200eQuneitra.   \nThe army denied it."
    rows = warlog.entities(text)
    by_text = {r["text"]: r for r in rows}
    assert by_text["Syria"]["type"] == "place" and by_text["Syria"]["actor_id"] == "government-syr"
    assert by_text["Quneitra"]["start"] == text.index("Quneitra")
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)

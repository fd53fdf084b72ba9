"""Modality rules added with document genres and speech acts (events/modality.py), on sentences
we wrote: near misses, plans stated as aims, predictions over an infinitive."""
import pytest

import warlog

pytestmark = pytest.mark.slow


def on(text, word):
    evs = [e.to_dict() for e in warlog.extract(text, published="2017-11-03")]
    found = [e for e in evs if e["trigger"]["text"] == word]
    assert found, f"no event on {word!r} in {[(e['trigger']['text'], e['modality']) for e in evs]}"
    return found[0]


@pytest.mark.parametrize("text,word,modality", [
    ("Government troops nearly captured the town of Kafr Nabl before the rebels counterattacked.", "captured", "negated"),
    ("The Obama administration came close to striking Jabhat Fateh al-Sham in 2016.", "striking", "negated"),
    ("Artillery shelled the town of Kafr Nabl, killing nearly 40 people.", "shelled", "asserted"),
    ("The stated aims of the coalition have included capturing territory from Islamic State in Syria.", "capturing", "planned"),
    ("When Mosul looked set to fall to Islamic State, the Kurds deployed around Kirkuk.", "fall", "predicted"),
    ("When Mosul fell to Islamic State, the Kurds deployed around Kirkuk.", "fell", "asserted"),
])
def test_modality(text, word, modality):
    assert on(text, word)["modality"] == modality

"""Extraction behaviour on sentences we wrote: modality, attribution, fatalities, dates, roles,
places, and the record contract. Uses the real model, knowledge base and gazetteer."""
from datetime import date

import pytest

import warlog
from warlog.record import MODALITIES

pytestmark = pytest.mark.slow
FRIDAY = "2017-11-03"

CONTRACT = {"event_id", "doc_id", "quote", "span", "plover_type", "plover_mode", "acled_event_type",
            "acled_sub_event_type", "actors", "recipients", "location", "date", "fatalities", "modality",
            "attribution", "confidence"}


def only(text, published=FRIDAY, **where):
    evs = [e.to_dict() for e in warlog.extract(text, published=published)]
    found = [e for e in evs if all(e.get(k) == v for k, v in where.items())]
    assert len(found) >= 1, f"no event with {where} in {[(e['trigger'], e['plover_type'], e['modality']) for e in evs]}"
    return found[0]


def test_every_contract_field_is_present_and_offsets_point_at_the_quote():
    text = "Gunmen killed four shepherds near Kirkuk on Monday, police said."
    evs = warlog.extract(text, published=FRIDAY)
    assert evs
    rec = evs[0].to_dict()
    assert CONTRACT <= set(rec)
    assert text[rec["span"][0]:rec["span"][1]] == rec["quote"]
    assert set(rec["date"]) == {"start", "end", "precision", "text"}
    assert 0 <= rec["confidence"] <= 1 and rec["modality"] in MODALITIES


def test_event_ids_are_the_same_in_every_run():
    text = "Turkish jets struck villages around Afrin on Saturday, killing five civilians."
    first = [e.event_id for e in warlog.extract(text, published="2018-01-22")]
    again = [e.event_id for e in warlog.extract(text, published="2018-01-22")]
    assert first and first == again


def test_text_with_no_events_gives_none():
    assert warlog.extract("The ministry published its annual budget figures on Thursday.", published=FRIDAY) == []
    assert warlog.extract("Markets in Erbil were busy on Thursday as shoppers bought bread.", published=FRIDAY) == []


@pytest.mark.parametrize("text,modality", [
    ("Iraqi forces recaptured the town of Rawa from Islamic State on Friday.", "asserted"),
    ("Iraqi forces plan to attack Rawa next week.", "planned"),
    ("The army is considering an offensive on Rawa.", "planned"),
    ("Iraqi forces will attack Rawa within days.", "predicted"),
    ("Thousands of families are expected to flee as the army attacks Rawa.", "predicted"),
    ("If the army attacks Rawa, thousands will flee.", "hypothetical"),
    ("Imagine that the militias attack Aleppo from the east.", "hypothetical"),
    ("The Syrian army did not shell Douma on Friday.", "negated"),
    ("The Houthis denied that they had attacked the tanker.", "denied"),
    ("Islamic State said its fighters killed 20 soldiers near Rawa.", "claimed"),
    ("Gunmen reportedly killed two policemen in Tikrit on Friday.", "claimed"),
])
def test_modality(text, modality):
    evs = [e for e in warlog.extract(text, published=FRIDAY) if e.plover_type in ("ASSAULT", "COERCE")]
    assert evs, text
    assert evs[0].modality == modality, f"{text}: {evs[0].modality} ({evs[0].evidence.get('modality')})"


def test_a_reported_attack_is_claimed_by_the_speaker():
    e = only("Islamic State said its fighters killed 20 soldiers near Rawa on Thursday.", plover_type="ASSAULT")
    assert e["modality"] == "claimed"
    assert e["attribution"]["source"] == "Islamic State"
    e = only("Two soldiers were killed in a roadside bombing near Tuz Khurmatu, according to a police source.",
             plover_type="ASSAULT")
    assert e["modality"] == "claimed" and "police source" in e["attribution"]["text"]


@pytest.mark.parametrize("text,best", [
    ("A car bomb exploded in Baghdad's Sadr City on Friday, killing 6 civilians.", 6),
    ("At least 16 police officers were killed when gunmen stormed a checkpoint in Arish on Friday.", 16),
    ("Two people - a soldier and a child - were killed by shelling in Jaramana on Friday.", 2),
    ("A policeman was shot dead in Diyarbakir on Friday.", 1),
    ("A rocket hit a school in Kirkuk on Friday; no casualties were reported.", 0),
])
def test_fatalities(text, best):
    e = only(text, plover_type="ASSAULT")
    assert e["fatalities"] is not None and e["fatalities"]["best"] == best, e["fatalities"]


def test_an_attack_with_no_toll_has_no_fatalities():
    e = only("Militants attacked an army post near Baiji on Friday.", plover_type="ASSAULT")
    assert e["fatalities"] is None


def test_relative_dates_need_a_publication_date():
    e = only("Gunmen killed three farmers near Hawija on Friday.", published=None, plover_type="ASSAULT")
    assert e["date"]["start"] is None and e["date"]["text"] == "Friday"
    e = only("Gunmen killed three farmers near Hawija on 27 April 2016.", published=None, plover_type="ASSAULT")
    assert e["date"]["start"] == "2016-04-27" and e["date"]["precision"] == "day"
    e = only("Gunmen killed three farmers near Hawija earlier this week.", published=date(2017, 11, 3), plover_type="ASSAULT")
    assert (e["date"]["start"], e["date"]["end"], e["date"]["precision"]) == ("2017-10-30", "2017-11-03", "week")


def test_passive_voice_and_coordinated_actors():
    e = only("The town of Tal Abyad was captured by the YPG and Free Syrian Army units on Monday.",
             plover_type="COERCE", published="2015-06-19")
    assert {a["canonical"] for a in e["actors"]} >= {"People's Protection Units"}
    assert e["location"]["name"].startswith("Tall Abyaḑ") or "Abyad" in e["location"]["name"]
    assert e["acled_sub_event_type"] == "Non-state actor overtakes territory"


def test_the_druze_village_of_hader_is_placed_in_quneitra():
    e = only("A car bomb hit Hader, a Druze village in Quneitra province, on Friday.", plover_type="ASSAULT")
    assert e["location"]["name"] == "Hader" and e["location"]["country"] == "SYR"
    assert abs(e["location"]["lat"] - 33.27) < 0.1 and abs(e["location"]["lon"] - 35.86) < 0.1


def test_a_nationality_is_not_a_place():
    e = only("Gunmen killed four Iranian border guards near the Iraqi border on Friday.", plover_type="ASSAULT")
    assert e["location"]["country"] == "IRN"
    assert e["recipients"][0]["country"] == "IRN"


def test_protest_and_riot_typing():
    e = only("Thousands of people protested peacefully in Amman on Friday against price rises.", plover_type="PROTEST")
    assert (e["acled_event_type"], e["acled_sub_event_type"]) == ("Protests", "Peaceful protest")
    assert e["actors"][0]["canonical"] == "Protesters (Jordan)"
    e = only("Police fired tear gas to disperse protesters in Basra on Friday.", plover_type="PROTEST")
    assert e["acled_sub_event_type"] == "Protest with intervention"

"""Speech acts as events of their own, linked to what they report, and attribution resolved to
outlets and actors, on sentences we wrote."""
import pytest

import warlog

pytestmark = pytest.mark.slow


def events(text):
    return [e.to_dict() for e in warlog.extract(text, published="2017-11-03")]


def on(evs, word):
    found = [e for e in evs if e["trigger"]["text"] == word]
    assert found, f"no event on {word!r} in {[(e['trigger']['text'], e['plover_type']) for e in evs]}"
    return found[0]


def test_two_outlets_reporting_one_thing_are_both_its_sources():
    evs = events("Iraqi media are reporting, and AFP appears to be confirming, that Turkish officials travelled "
                 "to Erbil on Monday for a meeting with Masoud Barzani.")
    meeting = next(e for e in evs if e["plover_type"] == "CONSULT")  # "travelled ... for a meeting": one event
    assert meeting["modality"] == "claimed"
    assert [s["actor_id"] for s in meeting["attribution"]["sources"]] == ["media-irq", "afp"]
    statement = on(evs, "confirming")
    assert statement["plover_type"] == "STATEMENT" and statement["modality"] == "asserted"
    assert {a["actor_id"] for a in statement["actors"]} == {"media-irq", "afp"}
    assert meeting["statement_id"] == statement["event_id"]


def test_a_report_is_a_statement_by_its_speaker_and_its_content_is_claimed():
    evs = events("The Syrian Observatory for Human Rights said government jets bombed a market in Ariha on Sunday.")
    said, bombed = on(evs, "said"), on(evs, "bombed")
    assert said["plover_type"] == "STATEMENT" and said["modality"] == "asserted"
    assert said["actors"][0]["actor_id"] == "sohr" and said["attribution"] is None
    assert bombed["modality"] == "claimed" and bombed["attribution"]["actor_id"] == "sohr"
    assert bombed["statement_id"] == said["event_id"]


def test_an_accusation_typed_by_the_lexicon_is_the_statement_itself():
    evs = events("Hezbollah accused Israel of shelling a village near the border on Thursday.")
    accused, shelling = on(evs, "accused"), on(evs, "shelling")
    assert accused["plover_type"] == "ACCUSE" and accused["modality"] == "asserted"
    assert shelling["modality"] == "claimed" and shelling["statement_id"] == accused["event_id"]
    assert not [e for e in evs if e["plover_type"] == "STATEMENT"]  # one speech act, one event


def test_a_vow_is_a_statement_and_what_is_vowed_stays_a_plan():
    evs = events("The Houthis vowed to strike Riyadh again.")
    vowed, strike = on(evs, "vowed"), on(evs, "strike")
    assert vowed["modality"] == "asserted" and vowed["actors"][0]["actor_id"] == strike["actors"][0]["actor_id"]
    assert strike["modality"] == "planned" and strike["statement_id"] == vowed["event_id"]


def test_a_warning_about_the_future_links_a_prediction_to_its_speaker():
    evs = events("Iran's foreign minister warned that Israeli strikes on Syria would drag the region into war.")
    warned, strikes = on(evs, "warned"), on(evs, "strikes")
    assert warned["modality"] == "asserted" and warned["actors"][0]["actor_id"] == "government-irn"
    assert strikes["modality"] == "predicted" and strikes["statement_id"] == warned["event_id"]


def test_which_is_what_they_said_makes_the_sentence_before_a_claim():
    evs = events("Hayat Tahrir al-Sham fighters attacked an army post near Hama on Saturday. "
                 "That is what the Syrian army said on Sunday.")
    attacked, said = on(evs, "attacked"), on(evs, "said")
    assert said["modality"] == "asserted" and said["actors"][0]["actor_id"] == "military-syr"
    assert attacked["modality"] == "claimed" and attacked["attribution"]["actor_id"] == "military-syr"
    assert attacked["statement_id"] == said["event_id"]


def test_a_plain_report_has_no_statement():
    evs = events("Government jets bombed a market in Ariha on Sunday, killing nine people.")
    assert [e["plover_type"] for e in evs] == ["ASSAULT"] and evs[0]["statement_id"] is None


@pytest.mark.parametrize("text,word,modality,source", [
    ("Hezbollah vowed to strike the port of Haifa.", "strike", "planned", "hezbollah"),
    ("Rebels will shell the airport of Aleppo within days, the Syrian government predicted.", "shell", "predicted",
     "government-syr"),
    ("AFP appears to be confirming that rebels shelled the town of Idlib.", "shelled", "claimed", "afp"),
])
def test_the_speaker_of_a_vow_a_prediction_or_a_confirmation_is_its_source(text, word, modality, source):
    e = on(events(text), word)
    assert e["modality"] == modality and e["attribution"]["actor_id"] == source

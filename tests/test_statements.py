"""Speech acts as events of their own, linked to what they report, and attribution resolved to
outlets and actors, on sentences we wrote."""
import pytest

from factories import extracted, on_trigger

pytestmark = pytest.mark.slow


def test_two_outlets_reporting_one_thing_are_both_its_sources():
    evs = extracted("Iraqi media are reporting, and AFP appears to be confirming, that Turkish officials travelled "
                 "to Erbil on Monday for a meeting with Masoud Barzani.")
    meeting = next(e for e in evs if e["plover_type"] == "CONSULT")  # "travelled ... for a meeting": one event
    assert meeting["modality"] == "claimed"
    assert [s["actor_id"] for s in meeting["attribution"]["sources"]] == ["media-irq", "afp"]
    statement = on_trigger(evs, "confirming")
    assert statement["plover_type"] == "STATEMENT" and statement["modality"] == "asserted"
    assert {a["actor_id"] for a in statement["actors"]} == {"media-irq", "afp"}
    assert meeting["statement_id"] == statement["event_id"]


def test_a_report_is_a_statement_by_its_speaker_and_its_content_is_claimed():
    evs = extracted("The Syrian Observatory for Human Rights said government jets bombed a market in Ariha on Sunday.")
    said, bombed = on_trigger(evs, "said"), on_trigger(evs, "bombed")
    assert said["plover_type"] == "STATEMENT" and said["modality"] == "asserted"
    assert said["actors"][0]["actor_id"] == "sohr" and said["attribution"] is None
    assert bombed["modality"] == "claimed" and bombed["attribution"]["actor_id"] == "sohr"
    assert bombed["statement_id"] == said["event_id"]


def test_an_accusation_typed_by_the_lexicon_is_the_statement_itself():
    evs = extracted("Hezbollah accused Israel of shelling a village near the border on Thursday.")
    accused, shelling = on_trigger(evs, "accused"), on_trigger(evs, "shelling")
    assert accused["plover_type"] == "ACCUSE" and accused["modality"] == "asserted"
    assert shelling["modality"] == "claimed" and shelling["statement_id"] == accused["event_id"]
    assert not [e for e in evs if e["plover_type"] == "STATEMENT"]  # one speech act, one event


def test_a_vow_is_a_statement_and_what_is_vowed_stays_a_plan():
    evs = extracted("The Houthis vowed to strike Riyadh again.")
    vowed, strike = on_trigger(evs, "vowed"), on_trigger(evs, "strike")
    assert vowed["modality"] == "asserted" and vowed["actors"][0]["actor_id"] == strike["actors"][0]["actor_id"]
    assert strike["modality"] == "planned" and strike["statement_id"] == vowed["event_id"]


def test_a_warning_about_the_future_links_a_prediction_to_its_speaker():
    evs = extracted("Iran's foreign minister warned that Israeli strikes on Syria would drag the region into war.")
    warned, strikes = on_trigger(evs, "warned"), on_trigger(evs, "strikes")
    assert warned["modality"] == "asserted" and warned["actors"][0]["actor_id"] == "government-irn"
    assert strikes["modality"] == "predicted" and strikes["statement_id"] == warned["event_id"]


def test_which_is_what_they_said_makes_the_sentence_before_a_claim():
    evs = extracted("Hayat Tahrir al-Sham fighters attacked an army post near Hama on Saturday. "
                 "That is what the Syrian army said on Sunday.")
    attacked, said = on_trigger(evs, "attacked"), on_trigger(evs, "said")
    assert said["modality"] == "asserted" and said["actors"][0]["actor_id"] == "military-syr"
    assert attacked["modality"] == "claimed" and attacked["attribution"]["actor_id"] == "military-syr"
    assert attacked["statement_id"] == said["event_id"]


def test_a_plain_report_has_no_statement():
    evs = extracted("Government jets bombed a market in Ariha on Sunday, killing nine people.")
    assert [e["plover_type"] for e in evs] == ["ASSAULT"] and evs[0]["statement_id"] is None


@pytest.mark.parametrize("text,word,modality,source", [
    ("Hezbollah vowed to strike the port of Haifa.", "strike", "planned", "hezbollah"),
    ("Rebels will shell the airport of Aleppo within days, the Syrian government predicted.", "shell", "predicted",
     "government-syr"),
    ("AFP appears to be confirming that rebels shelled the town of Idlib.", "shelled", "claimed", "afp"),
])
def test_the_speaker_of_a_vow_a_prediction_or_a_confirmation_is_its_source(text, word, modality, source):
    e = on_trigger(extracted(text), word)
    assert e["modality"] == modality and e["attribution"]["actor_id"] == source

"""Document genre (warlog/genre.py) on texts we wrote, and what it changes: in an opinion piece
the writer's unattributed look ahead is a prediction, while the background it recounts stays
asserted; the same sentences in a news report stay as they are."""
import pytest

from factories import extracted, on_trigger
from warlog.genre import detect

OPINION = """Hawija after the siege: the next war is already here

Let us be honest about what happened last year. Government troops and Shi'ite militias recaptured Hawija from Islamic State in October 2017 after a three-week offensive. That much is history. What comes next is the real disaster.

Once the militias capture the villages south of the town, the tribes there lose everything. The army will besiege the Hamrin hills before the winter. Sooner or later, the jihadists attack Kirkuk, and nobody in Baghdad seems to care.

Imagine the tribes rearming. Would anyone in Washington notice? Should we really be surprised when the cycle repeats? It is a shameful failure, and frankly an absurd one.

I have watched this folly for a decade. The government must stop pretending that its victory was clean.
"""

NEWS = """Militia commander warns of new fighting south of Hawija

KIRKUK, Iraq, Nov 3, 2017 (LPA) - A commander of the Shi'ite militias said on Friday that his men were massing near the villages south of Hawija, which government troops recaptured from Islamic State last month.

Once the militias capture the villages south of the town, the tribes there lose everything, a tribal elder told reporters. Sooner or later, the jihadists attack Kirkuk, the provincial governor said, according to a statement from his office.

Police officials said two people were wounded by a roadside bomb near Daquq on Thursday.
"""

ROUNDUP = """Iraq and Syria update: November 3 2017

Iraq

Government troops moved into the last Islamic State pocket near the Syrian border, officials said. I will have more on this tomorrow.

Syria

Rebels shelled a government-held district of Damascus, state media reported.

Turkey

Police detained eleven people in Istanbul over alleged links to Islamic State.
"""

RELEASE = """FOR IMMEDIATE RELEASE

Relief agency opens two clinics for displaced families near Mosul

The Northern Relief Alliance today announced the opening of two primary health clinics in camps east of Mosul. The clinics will treat up to 400 patients a day.

"Families who fled the fighting deserve care close to where they now live," the alliance's director said.

For more information, please contact the press office.

###
"""


@pytest.mark.parametrize("text,genre", [(OPINION, "opinion"), (NEWS, "news"), (ROUNDUP, "roundup"),
                                        (RELEASE, "press_release")])
def test_genre_is_told_from_the_text(text, genre):
    assert detect(text) == genre


def test_a_label_in_the_title_makes_an_opinion_piece_whatever_its_style():
    text = "Analysis: the battle for Raqqa enters its last phase\n\nFighters of the SDF said on Sunday they had taken the stadium."
    assert detect(text) == "opinion"


@pytest.mark.slow
def test_in_an_opinion_piece_the_look_ahead_is_predicted_and_the_background_asserted():
    events = extracted(OPINION)
    assert {e["genre"] for e in events} == {"opinion"}
    assert on_trigger(events, "recaptured")["modality"] == "asserted"  # what happened last year
    capture = on_trigger(events, "capture")  # "Once the militias capture ...": not yet done
    assert capture["modality"] == "predicted" and "opinion piece" in capture["evidence"]["modality"]
    assert on_trigger(events, "attack")["modality"] == "predicted"  # "Sooner or later, the jihadists attack Kirkuk"
    assert on_trigger(events, "besiege")["modality"] == "predicted"  # "will"
    assert not [e for e in events if e["modality"] == "asserted" and e["trigger"]["text"] != "recaptured"]


@pytest.mark.slow
def test_in_a_news_report_the_same_words_are_claimed_by_their_sources_not_predicted_by_the_genre():
    events = extracted(NEWS)
    assert {e["genre"] for e in events} == {"news"}
    for word in ("capture", "attack"):
        e = on_trigger(events, word)
        assert e["modality"] == "claimed" and "opinion" not in e["evidence"]["modality"]

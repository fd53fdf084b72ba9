from datetime import date, datetime

import pytest

from warlog.documents import read_path, read_text
from warlog.documents.published import find_date, find_dateline, parse_date
from warlog.errors import InputError

BODY = (
    "Government forces shelled the outskirts of Daraa al-Balad, activists said, in the heaviest "
    "bombardment of the district since the truce of last summer.\n\n"
    "A local committee said two people were killed and that many families had fled north."
)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2017-11-03", date(2017, 11, 3)),
        ("2017-11-03T23:30:00-05:00", date(2017, 11, 3)),  # the date as written, not moved to UTC
        ("2017-11-03T01:10:00+03:00", date(2017, 11, 3)),
        ("Fri, 03 Nov 2017 23:30:00 -0500", date(2017, 11, 3)),
        ("3 November 2017", date(2017, 11, 3)),
        ("November 3, 2017", date(2017, 11, 3)),
        ("Nov. 3rd 2017", date(2017, 11, 3)),
        (datetime(2017, 11, 3, 22, 0), date(2017, 11, 3)),
        ("November 3", None),  # no year: never guessed
        ("2017", None),
        ("2017-11", None),
        ("31 June 2017", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_is_strict(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BEIRUT, Nov 3, 2017 (Reuters) - Israeli jets struck near Damascus.", date(2017, 11, 3)),
        ("November 3, 2017 - The army said it had retaken the town.", date(2017, 11, 3)),
        ("3 November 2017\n\nThe army said it had retaken the town.", date(2017, 11, 3)),
        ("2017-11-03: the army said it had retaken the town.", date(2017, 11, 3)),
        ("Headline here\nBy A. Writer\nPosted on Friday, 3 November 2017\n\nBody.", date(2017, 11, 3)),
        ("Mosul, Iraq - 12 July 2017 - Iraqi forces declared victory.", date(2017, 7, 12)),
        ("BEIRUT, Nov 3 (Reuters) - Israeli jets struck near Damascus.", None),  # no year
        ("On 3 November 2017 the army said it had retaken the town.", None),  # a sentence, not a dateline
        ("Headline\n\nOne.\n\nTwo.\n\nThree.\n\n3 November 2017 - too far down.", None),
    ],
)
def test_datelines(text, expected):
    assert find_dateline(text) == expected


def test_find_date_in_a_title():
    assert find_date("Middle East update: November 3 2017") == date(2017, 11, 3)
    assert find_date("Weekly update, week 44") is None


def test_option_is_the_fallback_for_documents_that_state_no_date():
    doc = read_text("DARAA, May 2, 2019 - " + BODY, published="2019-05-05")
    assert (doc.published, doc.published_from) == (date(2019, 5, 2), "dateline")
    doc = read_text(BODY, published="2019-05-05")
    assert (doc.published, doc.published_from) == (date(2019, 5, 5), "option")


def test_dateline_beats_the_title():
    doc = read_text("Daraa update: 1 May 2019\n\nDARAA, May 2, 2019 - " + BODY)
    assert (doc.published, doc.published_from) == (date(2019, 5, 2), "dateline")


def test_title_when_there_is_nothing_else():
    doc = read_text("Daraa update: 1 May 2019\n\n" + BODY)
    assert (doc.published, doc.published_from) == (date(2019, 5, 1), "title")
    doc = read_text(BODY, title="Daraa: shelling resumes (4 May 2019)")
    assert (doc.published, doc.published_from) == (date(2019, 5, 4), "title")


def test_a_date_in_a_first_sentence_is_not_a_publication_date():
    doc = read_text("The truce signed on 1 May 2019 in Amman did not last a week.")
    assert doc.published is None and doc.published_from is None


def test_none_when_no_absolute_date(caplog):
    caplog.set_level("INFO", logger="warlog.documents")
    doc = read_text("Daraa update\n\nOn Friday, " + BODY, source="notes.txt")
    assert doc.published is None and doc.published_from is None
    assert "[W101] notes.txt" in caplog.text


def test_jsonl_metadata_beats_the_dateline(fixtures):
    docs = read_path(fixtures / "wire.jsonl", problems=[])
    by_id = {d.input_id: d for d in docs}
    assert (by_id["w-101"].published, by_id["w-101"].published_from) == (date(2018, 7, 14), "metadata")
    assert (by_id["w-103"].published, by_id["w-103"].published_from) == (date(2017, 10, 16), "dateline")


def test_html_meta_beats_a_date_in_the_title(write):
    page = write(
        "page.html",
        "<html><head><title>Talks resume: 9 March 2020</title>"
        '<meta property="article:published_time" content="2020-03-10T23:50:00-04:00"></head>'
        "<body><article><h1>Talks resume: 9 March 2020</h1><p>" + BODY + "</p></article></body></html>",
    )
    doc = read_path(page)[0]
    assert (doc.published, doc.published_from) == (date(2020, 3, 10), "html")


def test_feed_dates_keep_the_feed_time_zone(fixtures):
    doc = read_path(fixtures / "frontline.rss", problems=[])[0]
    # 23:10 at UTC-5 on the 12th is already the 13th in UTC
    assert (doc.published, doc.published_from) == (date(2019, 10, 12), "metadata")


def test_a_bad_published_option_is_refused():
    with pytest.raises(InputError, match=r"\[E110\] 'last friday' is not a date"):
        read_text(BODY, published="last friday")

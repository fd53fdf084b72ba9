"""warlog.dates: date expressions resolved against the publication date, with precision.

Expected values are worked out by hand on a calendar. Most cases use a report published on
Friday 3 November 2017 (ISO week 44 runs Monday 30 October to Sunday 5 November).
"""
from datetime import date, datetime

import pytest

from warlog.dates import parse_iso, resolve
from warlog.record import DateValue

FRI = date(2017, 11, 3)
D = date


def check(text, published, tense, start, end, precision):
    got = resolve(text, published, tense=tense)
    assert got == DateValue(start, end, precision, text), got


# (sentence from a report we made up, the DATE span spaCy would find in it, tense, start, end, precision)
IN_CONTEXT = [
    ("Gunmen opened fire on a checkpoint on Friday, police said.", "on Friday", "past",
     D(2017, 11, 3), D(2017, 11, 3), "day"),
    ("The envoy will return to Geneva on Friday for another round.", "on Friday", "future",
     D(2017, 11, 10), D(2017, 11, 10), "day"),
    ("Residents said the shelling stopped this Sunday after mediation.", "this Sunday", "past",
     D(2017, 10, 29), D(2017, 10, 29), "day"),
    ("The brigade is due to withdraw this Sunday.", "this Sunday", "future",
     D(2017, 11, 5), D(2017, 11, 5), "day"),
    ("An adviser to the supreme leader visited Beirut earlier this week.", "earlier this week", "past",
     D(2017, 10, 30), D(2017, 11, 3), "week"),
    ("Government troops retook the bridge in mid-October.", "mid-October", "past",
     D(2017, 10, 11), D(2017, 10, 20), "month"),
    ("The trial of the three commanders is set for Nov. 27.", "Nov. 27", "present",
     D(2017, 11, 27), D(2017, 11, 27), "day"),
    ("A convoy was hit by a roadside bomb on Monday night near the border.", "Monday night", "past",
     D(2017, 10, 30), D(2017, 10, 30), "day"),
]


@pytest.mark.parametrize("sentence,text,tense,start,end,precision", IN_CONTEXT)
def test_dates_in_report_sentences(sentence, text, tense, start, end, precision):
    assert text in sentence
    check(text, FRI, tense, start, end, precision)


@pytest.mark.parametrize("text,tense,start,end,precision", [
    # weekdays: the last one on or before publication, the next one after it in future tense
    ("Friday", None, D(2017, 11, 3), D(2017, 11, 3), "day"),
    ("Friday", "past", D(2017, 11, 3), D(2017, 11, 3), "day"),
    ("Friday", "future", D(2017, 11, 10), D(2017, 11, 10), "day"),
    ("Monday", "past", D(2017, 10, 30), D(2017, 10, 30), "day"),
    ("Thursday", "future", D(2017, 11, 9), D(2017, 11, 9), "day"),
    ("last Friday", "past", D(2017, 10, 27), D(2017, 10, 27), "day"),
    ("next Monday", "future", D(2017, 11, 6), D(2017, 11, 6), "day"),
    ("this Sunday", None, D(2017, 11, 5), D(2017, 11, 5), "day"),
    ("Tuesday of last week", "past", D(2017, 10, 24), D(2017, 10, 24), "day"),
    ("Friday's", "past", D(2017, 11, 3), D(2017, 11, 3), "day"),
    # times of day keep their day
    ("early Thursday morning", "past", D(2017, 11, 2), D(2017, 11, 2), "day"),
    ("around 9 p.m. Sunday", "past", D(2017, 10, 29), D(2017, 10, 29), "day"),
    ("at 3 pm on Monday", "past", D(2017, 10, 30), D(2017, 10, 30), "day"),
    ("the early hours of Saturday", "past", D(2017, 10, 28), D(2017, 10, 28), "day"),
    ("late on Wednesday", "past", D(2017, 11, 1), D(2017, 11, 1), "day"),
    ("10 a.m. Nov. 29, 2016", "past", D(2016, 11, 29), D(2016, 11, 29), "day"),
    # days named from publication
    ("yesterday", "past", D(2017, 11, 2), D(2017, 11, 2), "day"),
    ("last night", "past", D(2017, 11, 2), D(2017, 11, 2), "day"),
    ("today", "present", D(2017, 11, 3), D(2017, 11, 3), "day"),
    ("tonight", "future", D(2017, 11, 3), D(2017, 11, 3), "day"),
    ("this morning", "past", D(2017, 11, 3), D(2017, 11, 3), "day"),
    ("tomorrow", "future", D(2017, 11, 4), D(2017, 11, 4), "day"),
    ("the day before yesterday", "past", D(2017, 11, 1), D(2017, 11, 1), "day"),
    ("the past 24 hours", "past", D(2017, 11, 2), D(2017, 11, 3), "day"),
    ("overnight", "past", D(2017, 11, 2), D(2017, 11, 3), "day"),
    # ISO weeks, clipped at publication in past tense
    ("last week", "past", D(2017, 10, 23), D(2017, 10, 29), "week"),
    ("this week", "past", D(2017, 10, 30), D(2017, 11, 3), "week"),
    ("this week", None, D(2017, 10, 30), D(2017, 11, 5), "week"),
    ("this week", "future", D(2017, 11, 3), D(2017, 11, 5), "week"),
    ("next week", "future", D(2017, 11, 6), D(2017, 11, 12), "week"),
    ("Earlier in the week", "past", D(2017, 10, 30), D(2017, 11, 3), "week"),
    ("the weekend", "past", D(2017, 10, 28), D(2017, 10, 29), "week"),
    ("over the weekend", "past", D(2017, 10, 28), D(2017, 10, 29), "week"),
    ("this weekend", "future", D(2017, 11, 4), D(2017, 11, 5), "week"),
    ("the first week of May", "past", D(2017, 5, 1), D(2017, 5, 7), "week"),
    # months and parts of them
    ("early October", "past", D(2017, 10, 1), D(2017, 10, 10), "month"),
    ("late October", "past", D(2017, 10, 21), D(2017, 10, 31), "month"),
    ("the end of May", "past", D(2017, 5, 21), D(2017, 5, 31), "month"),
    ("mid-October", "future", D(2018, 10, 11), D(2018, 10, 20), "month"),
    ("last month", "past", D(2017, 10, 1), D(2017, 10, 31), "month"),
    ("earlier this month", "past", D(2017, 11, 1), D(2017, 11, 3), "month"),
    ("next month", "future", D(2017, 12, 1), D(2017, 12, 31), "month"),
    ("last December", "past", D(2016, 12, 1), D(2016, 12, 31), "month"),
    ("October", "past", D(2017, 10, 1), D(2017, 10, 31), "month"),
    # month-days without a year
    ("Nov. 27", None, D(2017, 11, 27), D(2017, 11, 27), "day"),
    ("Nov. 27", "past", D(2016, 11, 27), D(2016, 11, 27), "day"),
    ("the 27th", "past", D(2017, 10, 27), D(2017, 10, 27), "day"),
    ("Monday 19 December", None, D(2016, 12, 19), D(2016, 12, 19), "day"),
    ("Friday the 13th", "past", D(2017, 10, 13), D(2017, 10, 13), "day"),
    ("Christmas", "future", D(2017, 12, 25), D(2017, 12, 25), "day"),
    # absolute dates
    ("27 April 2020", None, D(2020, 4, 27), D(2020, 4, 27), "day"),
    ("April 27, 2020", None, D(2020, 4, 27), D(2020, 4, 27), "day"),
    ("2020-04-27", None, D(2020, 4, 27), D(2020, 4, 27), "day"),
    ("Monday, April 27th, 2020", None, D(2020, 4, 27), D(2020, 4, 27), "day"),
    ("the 3rd of November 2017", None, D(2017, 11, 3), D(2017, 11, 3), "day"),
    ("October 2016", None, D(2016, 10, 1), D(2016, 10, 31), "month"),
    ("2015", None, D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("in 2015", "past", D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("early 2016", "past", D(2016, 1, 1), D(2016, 4, 30), "year"),
    ("mid-2016", "past", D(2016, 5, 1), D(2016, 8, 31), "year"),
    ("the summer of 2016", "past", D(2016, 6, 1), D(2016, 8, 31), "year"),
    ("the first half of 2016", "past", D(2016, 1, 1), D(2016, 6, 30), "year"),
    ("the 1990s", "past", D(1990, 1, 1), D(1999, 12, 31), "year"),
    ("the early 1940s", "past", D(1940, 1, 1), D(1943, 12, 31), "year"),
    # ranges
    ("2013-2014", "past", D(2013, 1, 1), D(2014, 12, 31), "year"),
    ("in 2013 and 2014", "past", D(2013, 1, 1), D(2014, 12, 31), "year"),
    ("from 2012 to 2014", "past", D(2012, 1, 1), D(2014, 12, 31), "year"),
    ("2013-14", "past", D(2013, 1, 1), D(2014, 12, 31), "year"),
    ("October 25-26, 2016", None, D(2016, 10, 25), D(2016, 10, 26), "day"),
    ("2-3 November 2017", None, D(2017, 11, 2), D(2017, 11, 3), "day"),
    ("Nov. 3 to 6", "future", D(2017, 11, 3), D(2017, 11, 6), "day"),
    ("Monday to Wednesday", "past", D(2017, 10, 30), D(2017, 11, 1), "day"),
    # counted back from publication
    ("two days ago", "past", D(2017, 11, 1), D(2017, 11, 1), "day"),
    ("a couple of days ago", "past", D(2017, 10, 31), D(2017, 11, 1), "week"),
    ("a few days ago", "past", D(2017, 10, 29), D(2017, 11, 1), "week"),
    ("two weeks ago", "past", D(2017, 10, 16), D(2017, 10, 22), "week"),
    ("a month ago", "past", D(2017, 10, 1), D(2017, 10, 31), "month"),
    ("10 years ago", "past", D(2007, 1, 1), D(2007, 12, 31), "year"),
    ("about two years ago", "past", D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("the past two weeks", "past", D(2017, 10, 20), D(2017, 11, 3), "week"),
    ("the last three months", "past", D(2017, 8, 3), D(2017, 11, 3), "month"),
    ("recently", "past", D(2017, 10, 4), D(2017, 11, 3), "month"),
    ("in recent weeks", "past", D(2017, 9, 22), D(2017, 11, 3), "month"),
    ("in recent days", "past", D(2017, 10, 27), D(2017, 11, 3), "week"),
    ("the coming days", "future", D(2017, 11, 3), D(2017, 11, 10), "week"),
    ("in two weeks", "future", D(2017, 11, 13), D(2017, 11, 19), "week"),
    ("earlier this year", "past", D(2017, 1, 1), D(2017, 11, 3), "year"),
    ("late last year", "past", D(2016, 9, 1), D(2016, 12, 31), "year"),
    ("last summer", "past", D(2017, 6, 1), D(2017, 8, 31), "year"),
])
def test_published_friday_3_november_2017(text, tense, start, end, precision):
    check(text, FRI, tense, start, end, precision)


@pytest.mark.parametrize("text,published,tense,start,end,precision", [
    # the nearest year across new year
    ("Dec. 30", D(2018, 1, 2), "past", D(2017, 12, 30), D(2017, 12, 30), "day"),
    ("Dec. 30", D(2018, 1, 2), None, D(2017, 12, 30), D(2017, 12, 30), "day"),
    ("Jan. 3", D(2017, 12, 28), "future", D(2018, 1, 3), D(2018, 1, 3), "day"),
    ("Jan. 3", D(2017, 12, 28), None, D(2018, 1, 3), D(2018, 1, 3), "day"),
    ("Dec. 30 - Jan. 2", D(2018, 1, 5), "past", D(2017, 12, 30), D(2018, 1, 2), "day"),
    ("last week", D(2018, 1, 3), "past", D(2017, 12, 25), D(2017, 12, 31), "week"),
    ("last month", D(2018, 1, 15), "past", D(2017, 12, 1), D(2017, 12, 31), "month"),
    ("December", D(2018, 1, 15), None, D(2017, 12, 1), D(2017, 12, 31), "month"),
    # a leap day only exists in some years
    ("Feb. 29", D(2017, 3, 10), "past", D(2016, 2, 29), D(2016, 2, 29), "day"),
    # published on a Sunday: "the weekend" is the part of it up to publication
    ("over the weekend", D(2017, 11, 5), "past", D(2017, 11, 4), D(2017, 11, 5), "week"),
    ("last weekend", D(2017, 11, 5), "past", D(2017, 10, 28), D(2017, 10, 29), "week"),
    ("Sunday", D(2017, 11, 5), "past", D(2017, 11, 5), D(2017, 11, 5), "day"),
    # published on a Monday
    ("earlier this week", D(2017, 10, 30), "past", D(2017, 10, 30), D(2017, 10, 30), "week"),
    ("Friday", D(2017, 10, 30), "past", D(2017, 10, 27), D(2017, 10, 27), "day"),
])
def test_other_publication_dates(text, published, tense, start, end, precision):
    check(text, published, tense, start, end, precision)


def test_publication_datetime_is_taken_as_its_day():
    got = resolve("yesterday", datetime(2017, 11, 3, 23, 59))
    assert got == DateValue(D(2017, 11, 2), D(2017, 11, 2), "day", "yesterday")


@pytest.mark.parametrize("text,start,end,precision", [
    ("27 April 2020", D(2020, 4, 27), D(2020, 4, 27), "day"),
    ("October 2016", D(2016, 10, 1), D(2016, 10, 31), "month"),
    ("2015", D(2015, 1, 1), D(2015, 12, 31), "year"),
    ("2013-2014", D(2013, 1, 1), D(2014, 12, 31), "year"),
    ("the summer of 2016", D(2016, 6, 1), D(2016, 8, 31), "year"),
    ("Christmas 2016", D(2016, 12, 25), D(2016, 12, 25), "day"),
])
def test_unknown_publication_still_resolves_absolute_dates(text, start, end, precision):
    check(text, None, "past", start, end, precision)


@pytest.mark.parametrize("text", [
    "Friday", "on Friday", "yesterday", "tonight", "earlier this week", "last week", "mid-October", "Nov. 27",
    "two days ago", "a couple of days ago", "the past 24 hours", "recently", "the weekend", "Christmas",
    "the 27th", "Monday night",
    # not known to the rules: dateparser must not count from today either
    "the 27th of last month",
])
def test_unknown_publication_keeps_relative_dates_unresolved(text):
    assert resolve(text, None, tense="past") == DateValue(None, None, None, text)


@pytest.mark.parametrize("text", [
    "the next day", "the following week", "two days later", "A month later", "hours later", "that night",
    "six months after the election",
])
def test_dates_counted_from_the_story_stay_unresolved(text):
    assert resolve(text, FRI, tense="past") == DateValue(None, None, None, text)


@pytest.mark.parametrize("text", [
    "every day", "daily", "annual", "decades", "a year", "weeks", "four years", "24 hours", "three-day",
    "more than a decade", "23-year-old", "the age of 15", "his 40s", "at 3 pm", "5:30 p.m.", "late afternoon",
    "morning", "27", "1789", "2115", "15 and 17", "6.4", "all day every day", "this holiday season", "",
])
def test_not_dates(text):
    assert resolve(text, FRI, tense="past") is None


def test_dateparser_fallback_counts_from_publication():
    got = resolve("the 27th of last month", D(2017, 11, 3), tense="past")
    assert got == DateValue(D(2017, 10, 27), D(2017, 10, 27), "day", "the 27th of last month")


def test_spans_with_stray_text_around_them():
    # spaCy spans sometimes carry citation marks or run over a paragraph break
    text = "February 13, 2016.[4]"
    assert resolve(text, None) == DateValue(D(2016, 2, 13), D(2016, 2, 13), "day", text)
    text = "November 3 2017\n\nSo"
    assert resolve(text, None) == DateValue(D(2017, 11, 3), D(2017, 11, 3), "day", text)
    assert resolve("Nov.\u00a027", FRI).start == D(2017, 11, 27)


def test_unknown_tense_is_refused():
    with pytest.raises(ValueError, match="tense"):
        resolve("Friday", FRI, tense="pluperfect")


@pytest.mark.parametrize("value,expected", [
    ("2017-11-03", D(2017, 11, 3)),
    (" 2017-11-03 ", D(2017, 11, 3)),
    ("2017-11", D(2017, 11, 1)),
    ("2017", D(2017, 1, 1)),
])
def test_parse_iso(value, expected):
    assert parse_iso(value) == expected


@pytest.mark.parametrize("value", ["03/11/2017", "2017-02-30", "2017-13", "yesterday", "", "17-11-03", "2017-11-3"])
def test_parse_iso_refuses_other_forms(value):
    with pytest.raises(ValueError, match=r"\[E110\].*YYYY-MM-DD"):
        parse_iso(value)

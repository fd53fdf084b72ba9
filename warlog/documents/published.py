"""Publication dates: strict absolute dates from metadata strings, datelines and titles.

Strict means a day, a month and a year (or an ISO date). A month and day without a year
("Nov 3") is never completed with a guessed year, and today's date is never used.
"""
from __future__ import annotations

import email.utils
import re
from datetime import date, datetime

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<{name}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)"
_ISO = r"(?P<iy>(?:19|20)\d\d)[-/.](?P<im>[01]?\d)[-/.](?P<id>[0-3]?\d)(?![\d])"
_DMY = rf"{_DAY.format(name='dd')}\s+(?:of\s+)?{_MONTH.format(name='dm')},?\s+{_YEAR.format(name='dy')}"
_MDY = rf"{_MONTH.format(name='mm')}\s+{_DAY.format(name='md')},?\s+{_YEAR.format(name='my')}"
DATE_PATTERN = rf"(?i:\b(?:{_ISO}|{_DMY}|{_MDY})\b)"
_DATE_RE = re.compile(DATE_PATTERN)

# A dateline: the date at the very start of a line, after an optional place ("BEIRUT, ",
# "Mosul, Iraq (Reuters) -"), "Posted on" / "Published:" and a weekday; then the end of the
# line or a separator (dash, colon, bar, opening bracket). A comma does not count: a sentence
# may open with a date that is not the publication date.
_PLACE = r"(?:[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}(?:,\s*[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3})?\s*(?:\([^()\n]{1,40}\)\s*)?[-–—,:]\s*)"
_LEAD = r"(?:(?i:posted|published|dated|first published)(?i:\s+on)?\s*:?\s+)"
_WEEKDAY = r"(?:(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?\.?,?\s+)"
_DATELINE_RE = re.compile(
    rf"^\s*{_PLACE}?{_LEAD}?{_WEEKDAY}?(?P<date>{DATE_PATTERN})\s*(?:$|[-–—:|(])"
)
_DATELINE_LINES = 4  # how many of the first non-empty lines may hold a dateline


def _build(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 31 June, 29 February 2017...
        return None


def _from_match(m: re.Match) -> date | None:
    g = m.groupdict()
    if g.get("iy"):
        return _build(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g.get("dy"):
        return _build(int(g["dy"]), _MONTHS[g["dm"][:3].lower()], int(g["dd"]))
    return _build(int(g["my"]), _MONTHS[g["mm"][:3].lower()], int(g["md"]))


def find_date(text: str) -> date | None:
    """The first strict absolute date anywhere in `text`."""
    for m in _DATE_RE.finditer(text):
        found = _from_match(m)
        if found:
            return found
    return None


_ISO_START_RE = re.compile(r"^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)(?:$|[T\s])")


def parse_date(value) -> date | None:
    """A publication date from a metadata value, or None when it is not an absolute date.

    Accepts date and datetime objects, ISO dates and datetimes (with or without a time zone:
    the date is kept as written, not moved to UTC), RFC 822 dates as in RSS
    ("Fri, 03 Nov 2017 14:00:00 +0300") and English day-month-year dates ("3 November 2017").
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    m = _ISO_START_RE.match(value)
    if m:
        return _build(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    parsed = email.utils.parsedate_tz(value)
    if parsed and parsed[0] and re.search(r"\b(?:19|20)\d\d\b", value):
        found = _build(parsed[0], parsed[1], parsed[2])
        if found:
            return found
    return find_date(value)


def find_dateline(text: str) -> date | None:
    """A date at the start of one of the first lines of `text` (a dateline or a "Posted on" line)."""
    lines = [line for line in text.split("\n", 40)[:40] if line.strip()][:_DATELINE_LINES]
    for line in lines:
        m = _DATELINE_RE.match(line)
        if m:
            found = _from_match(m)
            if found:
                return found
    return None

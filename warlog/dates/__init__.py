"""Resolve date expressions in conflict reporting against the publication date.

    >>> from datetime import date
    >>> resolve("on Friday", date(2017, 11, 3)).to_dict()
    {'start': '2017-11-03', 'end': '2017-11-03', 'precision': 'day', 'text': 'on Friday'}

`resolve(text, published, tense=None)` takes a DATE or TIME span as spaCy's NER finds it and
returns a `DateValue(start, end, precision, text)`, or None when the words are no date for an
event (a frequency, an age, a duration, a bare number, a clock time alone).

Precision is the unit the text names: "day", "week", "month" or "year". `start` and `end` are
the inclusive range of days the text allows; words like early/mid/late narrow the range but not
the precision: "mid-October" is 11-20 October with precision month, "early 2016" January to
April with precision year, "the first week of May" 1-7 May with precision week. A single day
has start == end and precision day. Explicit day spans keep precision day ("Nov. 2-3", "the
past 24 hours"); vague counts are one unit coarser than the unit they count ("a couple of days
ago" is a week-precision range); windows ending at publication ("the past two weeks",
"recently") get the precision of their length.

Relative words count from `published`, never from today:

- weekdays: the last one on or before publication ("on Friday" published on a Friday is that
  day), or with tense="future" the next one after it. "last Friday" is the one before
  publication, "next Friday" the one after, "this Sunday" the last one (past tense), the next
  one (future) or the one in the publication's ISO week (no tense); "Monday last week".
- month-days, months, seasons and holidays without a year ("Nov. 27", "mid-October",
  "summer", "Christmas"): past tense takes the last occurrence on or before publication,
  future the next on or after it, otherwise the nearest to publication (which may be in the
  future: that is a modality signal for the event layer, not a reason to move the date).
- weeks are ISO weeks (Monday to Sunday). "this week/month/year" is the whole unit, clipped
  at publication in past tense ("earlier this week" always is) and starting at it in future
  tense; "last/next week" the previous/next one; "the weekend" (past) the last Saturday and
  Sunday, or the days of it up to publication when published at a weekend (precision week:
  the text does not say which of the two days).
- "two days ago" is a day, "two weeks ago" the ISO week, "last month"/"two months ago" the
  month, "10 years ago" the year; "the past 24 hours" and "overnight" run from the day before
  publication to publication; "today", "tonight", "this morning" are the publication day.
- times of day keep their day ("Monday night", "at 3 pm on Monday"); a time alone is None.
- decades ("the 1990s") and centuries are year-precision ranges; a bare year must be 1900-2100.
- ranges join two dates: "2013-2014", "in 2013 and 2014", "Nov. 2-3", "from Monday to Wednesday".
- prepositions and hedges in front are dropped: "since 2011", "nearly two years ago", "as
  early as December 22" resolve as 2011, two years ago and December 22.

Without a publication date, absolute dates ("27 April 2020", "October 2016", "2015") still
resolve; relative ones return `DateValue(None, None, None, text)`, unresolved but kept. So do
dates counted from another event in the story ("the next day", "two days later").

Rules handle the common forms in microseconds; anything they do not know goes to dateparser
(imported on first use), which never sees today's date either.
"""
from __future__ import annotations

import logging
import re
from datetime import date, datetime
from functools import lru_cache

from ..errors import Errors
from ..record import DateValue
from . import fallback, rules

__all__ = ["resolve", "parse_iso", "TENSES"]

logger = logging.getLogger(__name__)

TENSES = (None, "past", "present", "future")
# dateparser reads bare numbers ("15 and 17", "6.4") as dates: only call it on text that names
# a month, a weekday, a relative day or a plausible year
_WORTH_DATEPARSER = re.compile(
    r"\b(?:" + "|".join(sorted(set(rules.LEX.months) | set(rules.LEX.weekdays), key=len, reverse=True))
    + r"|ago|yesterday|today|tomorrow|last|next|this|(?:19|20)\d\d)\b"
)


def resolve(text: str, published: date | None, *, tense: str | None = None) -> DateValue | None:
    """The range of days a date expression names, with its precision; None if it names none.

    `published` is the article's publication date (None when unknown); `tense` ("past",
    "present", "future" or None) is the tense of the verb the date attaches to. See the module
    docstring for the rules.
    """
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {TENSES}, not {tense!r}")
    if isinstance(published, datetime):
        published = published.date()
    return _resolve(text, published, tense)


@lru_cache(maxsize=16384)
def _resolve(text: str, published: date | None, tense: str | None) -> DateValue | None:
    got = rules.apply(text, published, tense)
    if got is None and _WORTH_DATEPARSER.search(text.lower()):
        got = fallback.resolve(rules.normalise(text), published, tense)
        logger.debug("dateparser fallback for %r: %r", text, got)
    if got is None or got == rules.NOT_A_DATE:
        return None
    if got == rules.UNRESOLVED:
        return DateValue(None, None, None, text)
    start, end, precision = got
    return DateValue(start, end, precision, text)


_ISO_OPTION = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_iso(value: str) -> date:
    """A date given as an option: YYYY-MM-DD, or YYYY-MM / YYYY meaning their first day.

    Raises ValueError (message E110) for anything else, including impossible days.
    """
    m = _ISO_OPTION.fullmatch(value.strip()) if isinstance(value, str) else None
    if m is None:
        raise ValueError(Errors.E110.format(value=value))
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError as e:
        raise ValueError(Errors.E110.format(value=value)) from e

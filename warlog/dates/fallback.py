"""dateparser, as a last resort for date expressions the rules do not know.

Internal to warlog.dates. dateparser is imported on first use: importing it takes ~0.1 s
and its first parse ~0.25 s, and most documents never need it.

It never sees today's date: with a publication date it counts from that (RELATIVE_BASE);
without one, the text is parsed against two far-apart reference days and kept only when
both give the same date, i.e. when the text names the date by itself.
"""
from __future__ import annotations

import logging
from datetime import date, datetime
from functools import lru_cache

from .units import month_range, week_range, year_range
from .rules import UNRESOLVED, Result

logger = logging.getLogger(__name__)

# Two reference days differing in year, month, day and weekday.
_PROBES = (datetime(2001, 1, 10), datetime(2010, 7, 25))
_PREFER = {"past": "past", "future": "future"}
# dateparser's period of a result -> our precision
_PERIOD_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}


@lru_cache(maxsize=64)
def _parser(base: datetime, prefer: str):
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": prefer,
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
            "TIMEZONE": "UTC",
            "TO_TIMEZONE": "UTC",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def _parse(text: str, base: datetime, prefer: str) -> Result | None:
    try:
        data = _parser(base, prefer).get_date_data(text)
    except (ValueError, OverflowError, TypeError) as e:  # odd input can push it off the calendar
        logger.debug("dateparser failed on %r: %s", text, e)
        return None
    day, period = data.date_obj, data.period
    # 'time' and 'part_of_day' come from a clock time; the rules strip those, so here they mean a misreading
    if day is None or period not in _PERIOD_PRECISION:
        return None
    day = day.date()
    if period == "week":
        start, end = week_range(day)
    elif period == "month":
        start, end = month_range(day.year, day.month)
    elif period == "year":
        start, end = year_range(day.year)
    else:
        start = end = day
    return start, end, _PERIOD_PRECISION[period]


def resolve(text: str, published: date | None, tense: str | None) -> Result | str | None:
    """(start, end, precision), UNRESOLVED (relative, nothing to count from) or None."""
    if published is not None:
        base = datetime(published.year, published.month, published.day)
        got = _parse(text, base, _PREFER.get(tense, "current_period"))
        if got and abs(got[0].year - published.year) > 100:
            return None
        return got
    a = _parse(text, _PROBES[0], "current_period")
    b = _parse(text, _PROBES[1], "current_period")
    if a is None and b is None:
        return None
    if a != b:
        return UNRESOLVED
    return a

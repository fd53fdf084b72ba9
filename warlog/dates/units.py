"""Calendar units for the date resolver (weeks, months, years) as inclusive (start, end) pairs.

Internal to warlog.dates. Weeks are ISO weeks (Monday to Sunday).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

Range = tuple[date, date]

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
ONE_DAY = timedelta(days=1)


def coarser(a: str, b: str) -> str:
    return a if PRECISION_RANK[a] >= PRECISION_RANK[b] else b


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_range(year: int, month: int) -> Range:
    return date(year, month, 1), date(year, month, last_day(year, month))


def year_range(year: int) -> Range:
    return date(year, 1, 1), date(year, 12, 31)


def week_range(day: date) -> Range:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def shift_months(day: date, n: int) -> date:
    """The same day of the month n months away (the month's last day if it is shorter)."""
    y, m = add_months(day.year, day.month, n)
    return date(y, m, min(day.day, last_day(y, m)))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday (0 = Monday) of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, last_day(year, month))
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def span_precision(days: int) -> str:
    """Precision of a window by its length, for windows like 'the past 10 days'."""
    if days <= 3:
        return "day"
    if days <= 14:
        return "week"
    if days <= 93:
        return "month"
    return "year"


def distance(r: Range, day: date) -> int:
    """Days from a day to a range (0 when inside)."""
    if r[0] <= day <= r[1]:
        return 0
    return min(abs((r[0] - day).days), abs((r[1] - day).days))


def choose(candidates: list[Range], published: date, tense: str | None, by_month: bool) -> Range | None:
    """Pick the occurrence of a year-less date (Nov. 27, October, summer) the text means.

    Candidates are in date order. Past tense: the latest occurrence that starts on or before
    publication; future: the earliest that ends on or after it; otherwise the one nearest
    publication (the earlier on a tie). With by_month the comparison is by calendar month, so
    "mid-November" in a past-tense sentence published on 3 November is this November.
    """
    if not candidates:
        return None
    if tense == "past":
        if by_month:
            now = published.year * 12 + published.month
            ok = [r for r in candidates if r[0].year * 12 + r[0].month <= now]
        else:
            ok = [r for r in candidates if r[0] <= published]
        return ok[-1] if ok else candidates[0]
    if tense == "future":
        if by_month:
            now = published.year * 12 + published.month
            ok = [r for r in candidates if r[1].year * 12 + r[1].month >= now]
        else:
            ok = [r for r in candidates if r[1] >= published]
        return ok[0] if ok else candidates[-1]
    best, best_gap = None, None
    for r in candidates:
        gap = distance(r, published)
        if best_gap is None or gap < best_gap:
            best, best_gap = r, gap
    return best

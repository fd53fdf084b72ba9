"""The rules that turn a date expression into a range of days and a precision.

Internal to warlog.dates: call warlog.dates.resolve. `apply(text, published, tense)` returns
a `(start, end, precision)` triple, UNRESOLVED (a date, but relative and nothing to count
from), NOT_A_DATE, or None when no rule knows the words (the caller may try dateparser).

All regular expressions are compiled once, at import, from the words in data/en/dates.json.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .units import (
    ONE_DAY,
    Range,
    add_months,
    choose,
    coarser,
    last_day,
    month_range,
    nth_weekday,
    shift_months,
    span_precision,
    week_range,
    year_range,
)
from .lexicon import alternation, load

UNRESOLVED = "unresolved"
NOT_A_DATE = "not-a-date"
Result = tuple[date, date, str]

LEX = load("en")
MIN_YEAR, MAX_YEAR = 1900, 2100  # a number alone is only a year in this range
MIN_DATED_YEAR = 1000  # with a month named, older years are dates too ("October 3, 1863")
MAX_LENGTH = 200  # longer text is a sentence, not a date expression

# ---------------------------------------------------------------- building blocks
MONTH = alternation(LEX.months)
WEEKDAY = alternation(LEX.weekdays)
SEASON = alternation(LEX.seasons)
HOLIDAY = alternation(LEX.holidays)
PART = alternation(LEX.parts)
ORDINAL = alternation(LEX.ordinals)
COUNT = r"(?:\d+|" + alternation(list(LEX.numbers) + [k for k in LEX.vague_counts if k]) + ")"
UNIT = (r"(?:hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|century|centuries"
        r"|minutes?|moments?|seconds?)")
YEAR_WORDS = r"(?:\d{4}|last year|this year|next year)"
REL = r"(?:this past|this coming|last|this|next|past|coming)"

# unit word -> (base unit, how many of it)
UNIT_SIZE = {
    "hour": ("hour", 1), "minute": ("minute", 1), "moment": ("minute", 1), "second": ("minute", 1),
    "day": ("day", 1), "night": ("day", 1), "week": ("day", 7), "fortnight": ("day", 14),
    "month": ("month", 1), "year": ("year", 1), "decade": ("year", 10), "century": ("year", 100),
}
# a vague count is one unit coarser than the unit it counts: "a few days ago" has precision week
VAGUE_PRECISION = {"minute": "day", "hour": "day", "day": "week", "week": "month", "month": "year", "year": "year"}
REL_SHIFT = {"last": -1, "past": -1, "this past": -1, "this": 0, "the": 0, "current": 0,
             "next": 1, "coming": 1, "this coming": 1}


@dataclass(frozen=True, slots=True)
class Ctx:
    published: date | None
    tense: str | None


@dataclass(slots=True)
class Cal:
    """A calendar date, possibly partial: 'Nov. 27' has no year, '2015' only a year."""

    y: int | None = None
    m: int | None = None
    d: int | None = None
    mod: tuple | None = None  # ("part", name) | ("nth", per, k) | ("season", month) | ("quarter", k)
    yrel: int | None = None  # "October last year": -1
    wd: int | None = None  # "Monday 19 December": picks the year when none is given


# ---------------------------------------------------------------- normalising
_CHARS = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2013": "-", "\u2014": "-",
    "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-", "\xa0": " ", "\u202f": " ",
    ",": " ", "\u201c": " ", "\u201d": " ", '"': " ", "(": " ", ")": " ",
})
_CITATION = re.compile(r"\[\d*\]?")
_ABBR_DOT = re.compile(r"(?<=[a-z])\.")
_POSSESSIVE = re.compile(r"(?<=[a-z])'(?:s\b|(?=\s|$))")
_DASH = re.compile(r" ?- ?")
_DANGLING = re.compile(r"(?:\.[a-z].*| (?:and|or|to|through|until|till|of|the|on|in|at))+$")


def normalise(text: str) -> str:
    """Lower case, straight quotes, no commas or abbreviation dots, no possessive 's."""
    s = text.lower()
    if "\n" in s:  # a span running across a paragraph break ends at it
        s = re.split(r"\n\s*\n", s, maxsplit=1)[0]
    s = s.translate(_CHARS)
    if "[" in s:
        s = _CITATION.sub(" ", s)
    s = _ABBR_DOT.sub("", s)
    if "'" in s:
        s = _POSSESSIVE.sub("", s)
    if "-" in s:
        s = _DASH.sub("-", s)
    s = " ".join(s.split()).strip(" .;:-/'!?")
    return _DANGLING.sub("", s) if s[-1:].isalpha() else s


_WORD = re.compile(r"[a-z]+")
_CLOCK = re.compile(
    r"\b(?:(?:at|around|about|approximately|shortly after|shortly before|just after|just before"
    r"|after|before|by|from|until|till|between|circa) )*"
    r"(?:\d{1,2}(?:[:.]\d{2})? ?(?:am|pm)\b|\d{1,2}:\d{2}\b|\d{1,2} o'clock\b|\d{4} ?(?:hrs|hours)\b"
    r"|noon\b|midday\b|midnight\b)"
    r"(?: " + alternation(LEX.time_zones) + r"\b)?"
)
_DAY_PART_OF = re.compile(r"^(?:the )?(?:(?:early|late|mid) )?" + alternation(LEX.day_parts) + r"(?: hours)? of ")
_DAY_PART = re.compile(
    r"(?:\b(?:early|late|mid)[- ])?\b(?:in the |on the |during the |at |by |overnight )?"
    + alternation(LEX.day_parts) + r"\b"
)
_EARLY_DAY = re.compile(r"^(?:early|late|later|earlier)(?: on)? (?=(?:" + WEEKDAY + r"|yesterday|today|tomorrow)\b)")
_DAY_PART_WORDS = frozenset(_WORD.findall(part)[-1] for part in LEX.day_parts)  # morning, night, hours...
_LEFTOVER = re.compile(r"^(?:(?:the|of|on|in|at|to|and|or|-) )+|(?: (?:the|of|on|in|at|to|and|or|-))+$")
_LEAD = re.compile(r"^" + alternation(LEX.lead_words) + r" ")
_THE = re.compile(r"^the (?!last )")


def _strip_time(s: str, words: list[str]) -> str:
    """Drop clock times and parts of the day: 'Monday night' and 'at 3 pm Monday' are Monday."""
    original = s
    if any(c.isdigit() for c in s) or "noon" in s or "midday" in s or "midnight" in s:
        s = _CLOCK.sub(" ", s)
    if not _DAY_PART_WORDS.isdisjoint(words):
        s = _DAY_PART_OF.sub("", s)
        s = " ".join(_DAY_PART.sub(" ", s).split())
    if s.startswith(("early", "late")):
        s = _EARLY_DAY.sub("", s)
    return s if s == original else _LEFTOVER.sub("", s).strip(" -")


def _strip_lead(s: str) -> tuple[str, str | None]:
    """Drop leading prepositions and hedges ('on', 'since', 'nearly'); return the first one."""
    first = None
    m = _LEAD.match(s)
    while m:
        if first is None:
            first = m.group(0).strip()
        s = s[m.end():]
        m = _LEAD.match(s)
    return s, first


# ---------------------------------------------------------------- small helpers
def _count(word: str | None, plural: bool) -> tuple[int, int, bool]:
    """(fewest, most, exact) for a count word; no word means 1, or a vague few when plural."""
    if word is None:
        return (*LEX.vague_counts[""], False) if plural else (1, 1, True)
    if word.isdigit():
        n = int(word)
        return (n, n, True)
    if word in LEX.numbers:
        n = LEX.numbers[word]
        return (n, n, True)
    lo, hi = LEX.vague_counts[word]
    return (lo, hi, False)


def _unit(word: str) -> tuple[str, int]:
    return UNIT_SIZE["century" if word == "centuries" else word.removesuffix("s")]


def _back(p: date, base: str, n: int) -> date:
    """The day n base units before p (n < 0: after)."""
    if base == "day":
        return p - timedelta(days=n)
    if base == "hour":
        return p - timedelta(days=math.ceil(n / 24) if n > 0 else math.floor(n / 24))
    if base == "month":
        return shift_months(p, -n)
    if base == "year":
        return shift_months(p, -12 * n)
    return p  # minutes


def _unit_range(day: date, base: str, size: int) -> tuple[Range, str]:
    """The calendar unit around a day: its ISO week for weeks, its month, its year."""
    if base == "day" and size >= 7:
        return week_range(day), "week"
    if base == "month":
        return month_range(day.year, day.month), "month"
    if base == "year":
        return year_range(day.year), "year"
    return (day, day), "day"


def _part(unit: str, name: str) -> tuple[int, int]:
    return LEX.part_spans[unit][LEX.parts[name] if name in LEX.parts else name]


def _month_span(y: int, m: int, mod: tuple | None) -> tuple[Range, str] | None:
    start, end = month_range(y, m)
    if mod is None:
        return (start, end), "month"
    if mod[0] == "part":
        a, b = _part("month", mod[1])
        return (date(y, m, a), date(y, m, min(b, end.day))), "month"
    if mod[0] == "nth":
        per, k = mod[1], mod[2]
        if per == "half":
            first, last = (1, 15) if k == 1 else (16, end.day) if k in (2, -1) else (0, 0)
            return ((date(y, m, first), date(y, m, last)), "month") if first else None
        size = 14 if per == "fortnight" else 7
        if k == -1:
            return (end - timedelta(days=size - 1), end), "week"
        first = size * (k - 1) + 1
        if first > end.day:
            return None
        return (date(y, m, first), date(y, m, min(first + size - 1, end.day))), "week"
    return None


def _year_span(y: int, mod: tuple | None) -> Range | None:
    if mod is None:
        return year_range(y)
    kind = mod[0]
    if kind == "part":
        a, b = _part("year", mod[1])
    elif kind == "season":
        first = mod[1]
        a_y, a_m = y, first
        b_y, b_m = add_months(y, first, 2)
        if len(mod) > 2:  # early / mid / late summer
            lo, hi = _part("season", mod[2])
            a_y, a_m = add_months(y, first, lo)
            b_y, b_m = add_months(y, first, hi)
        return date(a_y, a_m, 1), date(b_y, b_m, last_day(b_y, b_m))
    elif kind == "quarter":
        k = 4 if mod[1] == -1 else mod[1]
        a, b = 3 * k - 2, 3 * k
    elif kind == "nth" and mod[1] == "half":
        a, b = (1, 6) if mod[2] == 1 else (7, 12) if mod[2] in (2, -1) else (0, 0)
    elif kind == "nth" and mod[1] == "quarter":
        return _year_span(y, ("quarter", mod[2])) if mod[2] in (1, 2, 3, 4, -1) else None
    else:
        return None
    if not a:
        return None
    return date(y, a, 1), date(y, b, last_day(y, b))


def _years_around(p: date) -> range:
    return range(p.year - 1, p.year + 2)


def _resolve_cal(c: Cal, ctx: Ctx) -> Result | str | None:
    """A partial calendar date to a range; the year is inferred from publication when missing."""
    p = ctx.published
    if c.d is not None and not 1 <= c.d <= 31:
        return NOT_A_DATE
    if c.y is None and c.yrel is not None:
        if p is None:
            return UNRESOLVED
        c.y = p.year + c.yrel
    if c.y is not None and not (MIN_YEAR if c.m is None else MIN_DATED_YEAR) <= c.y <= MAX_YEAR:
        return NOT_A_DATE
    if c.d is not None and c.m is not None:
        if c.y is not None:
            try:
                day = date(c.y, c.m, c.d)
            except ValueError:
                return NOT_A_DATE
            return day, day, "day"
        if p is None:
            return UNRESOLVED
        cands = []
        for y in _years_around(p):
            try:
                cands.append((date(y, c.m, c.d),) * 2)
            except ValueError:
                pass
        if c.wd is not None and any(r[0].weekday() == c.wd for r in cands):
            cands = [r for r in cands if r[0].weekday() == c.wd]
        r = choose(cands, p, ctx.tense, by_month=False)
        return (r[0], r[1], "day") if r else NOT_A_DATE
    if c.d is not None:  # "the 27th"
        if p is None:
            return UNRESOLVED
        cands = []
        for k in range(-6, 7) if c.wd is not None else (-1, 0, 1):
            y, m = add_months(p.year, p.month, k)
            if c.d <= last_day(y, m) and (c.wd is None or date(y, m, c.d).weekday() == c.wd):
                cands.append((date(y, m, c.d),) * 2)
        r = choose(cands, p, ctx.tense, by_month=False)
        return (r[0], r[1], "day") if r else NOT_A_DATE
    if c.m is not None:
        if c.y is not None:
            got = _month_span(c.y, c.m, c.mod)
            return (got[0][0], got[0][1], got[1]) if got else NOT_A_DATE
        if p is None:
            return UNRESOLVED
        spans = [_month_span(y, c.m, c.mod) for y in _years_around(p)]
        spans = [s for s in spans if s]
        if not spans:
            return NOT_A_DATE
        r = choose([s[0] for s in spans], p, ctx.tense, by_month=True)
        return r[0], r[1], spans[0][1]
    if c.y is not None:
        r = _year_span(c.y, c.mod)
        return (r[0], r[1], "year") if r else NOT_A_DATE
    return None


# ---------------------------------------------------------------- calendar patterns -> Cal
def _yr(m: re.Match) -> tuple[int | None, int | None]:
    """The year group: (year, None), (None, relative year) or (None, None)."""
    w = m.group("yr")
    if w is None:
        return None, None
    if w[0].isdigit():
        return int(w), None
    return None, REL_SHIFT[w.split()[0]]


def _cal_iso(m):
    return Cal(int(m[1]), int(m[2]), int(m[3]))


def _cal_numeric(m):
    a, b, y = int(m[1]), int(m[3]), int(m[4])
    if y < 100:
        y += 2000 if y < 50 else 1900
    if m[2] == "." or a > 12:  # day first: European dotted dates, or 27/4/2020
        a, b = b, a
    return Cal(y, a, b)


def _cal_iso_month(m):
    y, mm = int(m[1]), int(m[2])
    if mm == (y + 1) % 100 or mm > 12:  # 2010-11, 2017-18: a span of years
        return None
    return Cal(y, mm)


def _cal_day_month(m):
    y, yrel = _yr(m)
    wd = LEX.weekdays[m["wd"]] if m["wd"] else None
    return Cal(y, LEX.months[m["m"]], int(m["d"]), yrel=yrel, wd=wd)


def _cal_month(m):
    y, yrel = _yr(m)
    mod = None
    if m["part"]:
        mod = ("part", m["part"])
    elif m["ord"]:
        mod = ("nth", m["per"], LEX.ordinals[m["ord"]])
    return Cal(y, LEX.months[m["m"]], None, mod, yrel)


def _cal_year(m):
    mod = None
    if m["part"]:
        mod = ("part", m["part"])
    elif m["ord"]:
        mod = ("nth", m["per"], LEX.ordinals[m["ord"]])
    elif m["q"]:
        mod = ("quarter", int(m["q"]))
    elif m["season"]:
        mod = ("season", LEX.seasons[m["season"]])
        if m["spart"]:
            mod += (m["spart"],)
    return Cal(int(m["y"]), mod=mod)


def _cal_day_year(m):  # only on a side of a range: "October 25-26, 2016" -> "26 2016"
    return Cal(int(m[2]), None, int(m[1]))


def _cal_dom(m):
    if m["rel"] and m["rel"] not in ("this", "the"):
        return None  # "the 27th of last month": rare, left to dateparser
    d = int(m["d"])
    return Cal(d=d, wd=LEX.weekdays[m["wd"]] if m["wd"] else None) if 1 <= d <= 31 else NOT_A_DATE


def _g(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


def _opt(*parts: str) -> str:
    return "(?:" + "".join(parts) + ")?"


def _rx(*parts: str) -> re.Pattern:
    """A pattern for the whole (normalised) text, from its parts."""
    return re.compile("^" + "".join(parts) + "$")


_WD = _g("wd", WEEKDAY)
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_AFTER = _opt(" (?:of )?", _g("yr", YEAR_WORDS))  # "... 2016", "... of last year"
_EARLY_MID_LATE = "early|mid|late"

CAL_RULES = {
    # 2015, early 2016, mid-2016, the first half of 2016, Q1 2016, the summer of 2016
    "year": (_rx(r"(?:year )?",
                 "(?:", _g("part", PART), "[- ]?",
                 "|", _g("ord", ORDINAL), " ", _g("per", "half|quarter"), " of ",
                 r"|q(?P<q>[1-4]) ",
                 "|", _opt(_g("spart", _EARLY_MID_LATE), "[- ]"), _g("season", SEASON), "(?: of)? ",
                 ")?", r"(?P<y>\d{4})"), _cal_year),
    # Nov. 27, Monday, April 27, 2020, November 27th of last year
    "month_day": (_rx(_opt(_WD, " "), _g("m", MONTH), " (?:the )?", _DAY, _YEAR_AFTER), _cal_day_month),
    # 27 April 2020, the 27th of April, Friday 3 November
    "day_month": (_rx(_opt(_WD, " "), "(?:the )?", _DAY, "(?: of)? ", _g("m", MONTH), _YEAR_AFTER), _cal_day_month),
    # October, October 2016, mid-October, the first week of May, the end of May last year
    "month": (_rx("(?:", _g("part", PART), "[- ]?",
                  "|(?:the )?", _g("ord", ORDINAL), " ", _g("per", "week|half|fortnight"), " of ",
                  ")?", _g("m", MONTH), _YEAR_AFTER), _cal_month),
    "iso": (_rx(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})"), _cal_iso),
    "numeric": (_rx(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})"), _cal_numeric),  # 27/04/2020, 27.04.20
    "iso_month": (_rx(r"(\d{4})-(\d{2})"), _cal_iso_month),
    # the 27th, the 3rd of this month, Friday the 13th
    "day_of_month": (_rx(_opt(_WD, " (?:the )?"), r"(?P<d>\d{1,2})(?:st|nd|rd|th)",
                         _opt(" of ", _g("rel", "this|last|next|the"), " month")), _cal_dom),
}
SIDE_RULES = [(_rx(r"(\d{1,2})(?:st|nd|rd|th)? (\d{4})"), _cal_day_year)]


# ---------------------------------------------------------------- relative patterns -> Result
def _rel_weekday(m, ctx: Ctx):
    p = ctx.published
    if p is None:
        return UNRESOLVED
    wd = LEX.weekdays[m["wd"]]
    if m["wk"]:  # "Monday last week"
        monday = week_range(p)[0] + timedelta(days=7 * REL_SHIFT[m["wk"]])
        day = monday + timedelta(days=wd)
        return day, day, "day"
    since = (p.weekday() - wd) % 7  # days since the last such weekday, 0 = publication day
    until = (wd - p.weekday()) % 7
    rel = m["rel"]
    if rel in ("last", "past", "this past"):
        day = p - timedelta(days=since or 7)
    elif rel in ("next", "coming", "this coming"):
        day = p + timedelta(days=until or 7)
    elif rel == "this":
        if ctx.tense == "past":
            day = p - timedelta(days=since)
        elif ctx.tense == "future":
            day = p + timedelta(days=until)
        else:
            day = week_range(p)[0] + timedelta(days=wd)
    elif ctx.tense == "future":
        day = p + timedelta(days=until or 7)
    else:
        day = p - timedelta(days=since)
    return day, day, "day"


def _rel_period(m, ctx: Ctx):
    """last week, this month, earlier this week, early next year, the end of last year."""
    p = ctx.published
    mod, rel, unit = m["mod"], m["rel"], m["unit"]
    if rel == "the" and not mod:
        return UNRESOLVED
    if p is None:
        return UNRESOLVED
    shift = REL_SHIFT[rel]
    if unit == "week":
        start = week_range(p)[0] + timedelta(days=7 * shift)
        end = start + timedelta(days=6)
    elif unit == "month":
        y, mo = add_months(p.year, p.month, shift)
        start, end = month_range(y, mo)
    else:
        start, end = year_range(p.year + shift)
    if mod == "earlier":
        if shift == 0:
            end = min(end, p)
    elif mod == "later":
        if shift == 0:
            start = min(p + ONE_DAY, end)
    elif mod:
        a, b = _part(unit, mod)
        if unit == "week":
            start, end = start + timedelta(days=a), start + timedelta(days=b)
        elif unit == "month":
            start, end = start.replace(day=a), start.replace(day=min(b, end.day))
        else:
            start, end = date(start.year, a, 1), date(start.year, b, last_day(start.year, b))
    elif shift == 0 and ctx.tense == "past":
        end = min(end, p)
    elif shift == 0 and ctx.tense == "future":
        start = max(start, p)
    return start, end, unit


def _rel_weekend(m, ctx: Ctx):
    p = ctx.published
    if p is None:
        return UNRESOLVED
    saturday = week_range(p)[0] + timedelta(days=5)
    on_weekend = p >= saturday
    rel = m["rel"]
    if rel in ("last", "past", "this past"):
        start = saturday - timedelta(days=7)
    elif rel in ("next", "coming", "this coming"):
        start = saturday if not on_weekend else saturday + timedelta(days=7)
    elif rel == "this" and ctx.tense is None:
        start = saturday
    elif ctx.tense == "future":
        start = saturday
    else:  # the weekend, over the weekend: the last one, or the one under way
        start = saturday if on_weekend else saturday - timedelta(days=7)
    end = start + ONE_DAY
    if on_weekend and start == saturday:
        if ctx.tense == "future":
            start = p
        elif rel != "this" or ctx.tense == "past":
            end = p
    return start, end, "week"


def _rel_ago(m, ctx: Ctx):
    """two days ago, a couple of weeks ago, 10 years ago; 'two days later' counts from the story."""
    direction = m["dir"]
    if direction not in ("ago", "back", "from now", "hence"):
        return UNRESOLVED
    p = ctx.published
    if p is None:
        return UNRESOLVED
    unit_word = m["unit"]
    lo, hi, exact = _count(m["n"], unit_word.endswith("s"))
    base, size = _unit(unit_word)
    sign = -1 if direction in ("from now", "hence") else 1
    if base == "minute":
        return p, p, "day"
    if base == "hour":
        first = p - sign * timedelta(days=math.ceil(hi / 24))
        last = p - sign * timedelta(days=math.floor(lo / 24))
        return min(first, last), max(first, last), "day"
    far = _back(p, base, sign * hi * size)
    near = _back(p, base, sign * lo * size)
    (a, _), unit = _unit_range(min(far, near), base, size)
    (_, b), _ = _unit_range(max(far, near), base, size)
    return a, b, unit if exact else VAGUE_PRECISION[unit]


def _window(p: date, n_word: str | None, unit_word: str, forward: bool) -> Result:
    lo, hi, exact = _count(n_word, unit_word.endswith("s"))
    base, size = _unit(unit_word)
    far = _back(p, base, (-1 if forward else 1) * hi * size)
    start, end = (p, far) if forward else (far, p)
    precision = span_precision((end - start).days)
    if not exact:
        precision = coarser(precision, VAGUE_PRECISION["week" if base == "day" and size >= 7 else base])
    return start, end, precision


def _rel_window(m, ctx: Ctx):
    """the past 24 hours, the last two weeks, the next few days, the past decade."""
    direction = m["dir"]
    if direction == "following":
        return UNRESOLVED
    if ctx.published is None:
        return UNRESOLVED
    return _window(ctx.published, m["n"], m["unit"], direction in ("next", "coming", "upcoming"))


def _rel_month(m, ctx: Ctx):
    """last October, this March, next May."""
    p = ctx.published
    if p is None:
        return UNRESOLVED
    mo, shift = LEX.months[m["m"]], REL_SHIFT[m["rel"]]
    if shift == 0:
        y = p.year
    elif shift < 0:
        y = p.year if mo < p.month else p.year - 1
    else:
        y = p.year if mo > p.month else p.year + 1
    start, end = month_range(y, mo)
    return start, end, "month"


def _season_range(y: int, first: int, part: str | None) -> Range:
    return _year_span(y, ("season", first) + ((part,) if part else ()))


def _rel_season(m, ctx: Ctx):
    """summer, this summer, last winter, early spring."""
    p = ctx.published
    if p is None:
        return UNRESOLVED
    first, part, rel = LEX.seasons[m["season"]], m["part"], m["rel"]
    whole = [_season_range(y, first, None) for y in range(p.year - 2, p.year + 2)]
    if rel in ("last", "past", "this past"):
        i = max(i for i, r in enumerate(whole) if r[1] < p)
    elif rel in ("next", "coming", "this coming"):
        i = min(i for i, r in enumerate(whole) if r[0] > p)
    else:
        inside = [i for i, r in enumerate(whole) if r[0] <= p <= r[1]]
        i = inside[0] if inside and rel == "this" else whole.index(choose(whole, p, ctx.tense, by_month=False))
    start, end = _season_range(p.year - 2 + i, first, part)
    return start, end, "year"


def _rel_holiday(m, ctx: Ctx):
    spec = LEX.holidays[m["h"]]

    def on(y: int) -> date:
        return date(y, spec[0], spec[1]) if len(spec) == 2 else nth_weekday(y, spec[0], spec[1], spec[2])

    if m["y"]:
        y = int(m["y"])
        if not MIN_YEAR <= y <= MAX_YEAR:
            return NOT_A_DATE
        day = on(y)
        return day, day, "day"
    p = ctx.published
    if p is None:
        return UNRESOLVED
    days = [on(y) for y in range(p.year - 1, p.year + 2)]
    rel = m["rel"]
    if rel == "last":
        day = max(d for d in days if d < p)
    elif rel == "next":
        day = min(d for d in days if d > p)
    elif rel == "this":
        day = on(p.year)
    else:
        day = choose([(d, d) for d in days], p, ctx.tense, by_month=False)[0]
    return day, day, "day"


def _rel_decade(m, ctx: Ctx):
    if m["cc"]:
        first = int(m["cc"] + m["dd"] + "0")
    else:
        d = int(m["d2"])
        first = (2000 if d <= 1 else 1900) + 10 * d
    a, b = 0, 9
    if m["part"]:
        a, b = _part("decade", m["part"])
    return date(first + a, 1, 1), date(first + b, 12, 31), "year"


def _rel_century(m, ctx: Ctx):
    n = int(m["n"])
    if not 1 <= n <= 21:
        return NOT_A_DATE
    a, b = 1, 100
    if m["part"]:
        a, b = _part("century", m["part"])
    base = 100 * (n - 1)
    return date(base + a, 1, 1), date(base + b, 12, 31), "year"


def _duration(m, ctx: Ctx, lead: str | None):
    """'two years' is a duration, not a date; 'in two days' / 'within weeks' count forward."""
    if lead not in ("in", "within"):
        return NOT_A_DATE
    p = ctx.published
    if p is None:
        return UNRESOLVED
    if lead == "within":
        return _window(p, m["n"], m["unit"], forward=True)
    lo, hi, exact = _count(m["n"], m["unit"].endswith("s"))
    base, size = _unit(m["unit"])
    if base in ("minute", "hour"):
        return p, p + timedelta(days=math.ceil(hi / 24)), "day"
    far, near = _back(p, base, -hi * size), _back(p, base, -lo * size)
    (a, _), unit = _unit_range(near, base, size)
    (_, b), _ = _unit_range(far, base, size)
    return a, b, unit if exact else VAGUE_PRECISION[unit]


REL_RULES = {
    # Friday, on Friday, last Friday, this Sunday, Monday last week
    "weekday": (_rx(_opt(_g("rel", REL), " "), _WD, _opt(" (?:of )?", _g("wk", "last|this|next"), " week")),
                _rel_weekday),
    # last week, this month, earlier this week, early next year, the end of last year, earlier in the week
    "period": (_rx(_opt(_g("mod", "earlier|later|" + PART), "(?:[- ]| in )"),
                   _g("rel", "last|this|next|the|current"), " ", _g("unit", "week|month|year")), _rel_period),
    "weekend": (_rx(_opt(_g("rel", REL), " "), "weekends?"), _rel_weekend),
    # two days ago, a couple of weeks ago, 10 years ago; two days later (counted from the story)
    "ago": (_rx(_opt(_g("n", COUNT), "[ -]"), _g("unit", UNIT), " ",
                _g("dir", "ago|back|earlier|later|before|after|afterwards|prior|previously|before that|after that"
                          "|from now|hence|on")), _rel_ago),
    # the past 24 hours, the last two weeks, the next few days
    "window": (_rx("(?:the )?", _g("dir", "past|last|previous|preceding|next|coming|upcoming|following"),
                   _opt(" ", _g("n", COUNT)), " ", _g("unit", UNIT)), _rel_window),
    # last October, this March
    "rel_month": (_rx(_g("rel", REL), " ", _g("m", MONTH)), _rel_month),
    # summer, this summer, last winter, early spring
    "season": (_rx(_opt(_g("rel", REL), " "), _opt(_g("part", _EARLY_MID_LATE), "[- ]"), _g("season", SEASON)),
               _rel_season),
    # Christmas, last Christmas, Christmas 2016
    "holiday": (_rx(_opt(_g("rel", "last|this|next"), " "), _g("h", HOLIDAY), _opt(r" (?P<y>\d{4})")), _rel_holiday),
    # the 1990s, the early 1940s, the '90s
    "decade": (_rx(_opt(_g("part", _EARLY_MID_LATE), "[- ]?"), r"(?:(?P<cc>19|20)(?P<dd>\d)0|'(?P<d2>\d)0)'?s"),
               _rel_decade),
    # the 20th century, the early 20th century
    "century": (_rx(_opt(_g("part", _EARLY_MID_LATE), "[- ]?"), r"(?P<n>\d{1,2})(?:st|nd|rd|th) century"),
                _rel_century),
}
# Which rules to try, most frequent first, by whether the text starts with a digit.
_WORD_FIRST = ["weekday", "year", "month_day", "day_month", "period", "ago", "month", "window", "rel_month",
               "season", "holiday", "weekend", "decade", "century", "day_of_month"]
_DIGIT_FIRST = ["year", "day_month", "ago", "iso", "numeric", "iso_month", "day_of_month", "decade", "century"]


def _plan(names: list[str]) -> list[tuple[re.Pattern, object, bool]]:
    return [(*CAL_RULES[n], True) if n in CAL_RULES else (*REL_RULES[n], False) for n in names]


_PLANS = {False: _plan(_WORD_FIRST), True: _plan(_DIGIT_FIRST)}
assert set(_WORD_FIRST) | set(_DIGIT_FIRST) == set(CAL_RULES) | set(REL_RULES)


# "two years", "three-day", "a matter of days": a duration, unless counted forward ("in two days")
_DURATION = _rx("(?:a matter of )?", _opt(_g("n", COUNT), "[ -]"),
                "(?:(?:more|additional|long|full|straight|consecutive|whole|entire) )?", _g("unit", UNIT), "(?: time)?")
_NUMBER = re.compile(r"^\d+(?:st|nd|rd|th)?$")
_COUNTED_FROM_STORY = re.compile(r"\b" + UNIT + r" (?:after|before|later|earlier|prior to)\b")
_CONNECTOR = re.compile(r"-|/| (?:to|through|thru|until|till|and|or|into) ")


# ---------------------------------------------------------------- putting it together
def _fixed(s: str, ctx: Ctx):
    """Whole phrases looked up in the word tables: today, last night, recently, the next day."""
    if s in LEX.day_words:
        if ctx.published is None:
            return UNRESOLVED
        day = ctx.published + timedelta(days=LEX.day_words[s])
        return day, day, "day"
    if s in LEX.windows:
        if ctx.published is None:
            return UNRESOLVED
        back, forward, precision = LEX.windows[s]
        return ctx.published - timedelta(days=back), ctx.published + timedelta(days=forward), precision
    if s in LEX.anchored:
        return UNRESOLVED
    return None


def _single(s: str, ctx: Ctx):
    for rx, fn, is_cal in _PLANS[s[:1].isdigit()]:
        m = rx.match(s)
        if m:
            try:
                if not is_cal:
                    return fn(m, ctx)
                cal = fn(m)
                return cal if cal is None or cal == NOT_A_DATE else _resolve_cal(cal, ctx)
            except (ValueError, OverflowError):  # "9999 years ago" leaves the calendar
                return NOT_A_DATE
    return None


def _side(s: str):
    """One side of a range: a Cal, a bare number, or the text to resolve on its own."""
    s = _THE.sub("", _strip_lead(s)[0])
    if s.isdigit() and len(s) <= 2:
        return int(s)
    for rx, make in [*CAL_RULES.values(), *SIDE_RULES]:
        m = rx.match(s)
        if m:
            cal = make(m)
            return cal if isinstance(cal, Cal) else None
    return s


def _range(s: str, ctx: Ctx):
    """Two dates joined by a connector: 2013-2014, Nov. 2-3, from Monday to Wednesday."""
    for conn in _CONNECTOR.finditer(s):
        left, right = _side(s[:conn.start()]), _side(s[conn.end():])
        if left is None or right is None or left == "" or right == "":
            continue
        if isinstance(left, int) and isinstance(right, int):
            continue
        if isinstance(right, int):  # 2013-14, Nov. 2-3
            if isinstance(left, Cal) and left.m is None and left.y and not left.mod:
                y = right if right >= 100 else left.y // 100 * 100 + right
                right = Cal(y) if y > left.y else None
            elif isinstance(left, Cal) and left.m is not None and left.d is not None:
                right = Cal(left.y, left.m, right, yrel=left.yrel)
            else:
                continue
        if isinstance(left, int):  # 2-3 November 2017
            if isinstance(right, Cal) and right.m is not None and right.d is not None:
                left = Cal(right.y, right.m, left, yrel=right.yrel)
            else:
                continue
        if left is None or right is None:
            continue
        got = _join(left, right, ctx)
        if got is not None:
            return got
    return None


def _join(left, right, ctx: Ctx):
    if isinstance(left, Cal) and isinstance(right, Cal):
        if left.m is None and left.d is not None and right.m is not None:
            left.m = right.m
        if right.m is None and right.d is not None and left.m is not None:  # October 25-26, 2016
            right.m = left.m
        if left.y is None and left.yrel is None and (right.y is not None or right.yrel is not None):
            left.y, left.yrel = right.y, right.yrel
            if left.m and right.m and left.m > right.m:  # Dec. 30 - Jan. 2 2018
                left.y = left.y - 1 if left.y is not None else None
                left.yrel = left.yrel - 1 if left.yrel is not None else None
        a = _resolve_cal(left, ctx)
        if not isinstance(a, tuple):
            return a
        if right.y is None and right.yrel is None and right.m is not None:
            right.y = a[0].year + (1 if left.m and right.m < left.m else 0)
        b = _resolve_cal(right, ctx)
    else:
        a = _resolve_cal(left, ctx) if isinstance(left, Cal) else _single(left, ctx)
        b = _resolve_cal(right, ctx) if isinstance(right, Cal) else _single(right, ctx)
    if a == UNRESOLVED or b == UNRESOLVED:
        return UNRESOLVED if isinstance(a, (tuple, str)) and isinstance(b, (tuple, str)) else None
    if not isinstance(a, tuple) or not isinstance(b, tuple):
        return None
    start, end = a[0], b[1]
    if start > end and a[2] == b[2] == "day" and (end - start).days > -7:  # Thursday to Saturday, past
        start -= timedelta(days=7)
    if start > end:
        return None
    return start, end, coarser(a[2], b[2])


def apply(text: str, published: date | None, tense: str | None):
    """Resolve one expression with the rules; see the module docstring for the return values."""
    if len(text) > MAX_LENGTH:
        return NOT_A_DATE
    ctx = Ctx(published, tense)
    s = normalise(text)
    if not s:
        return NOT_A_DATE
    hit = _fixed(s, ctx)
    if hit is not None:
        return hit
    words = _WORD.findall(s)
    if not LEX.not_date_words.isdisjoint(words):
        return NOT_A_DATE
    timeless = _strip_time(s, words)
    if timeless != s:
        if not timeless:
            return NOT_A_DATE  # a time of day alone names no day
        s = timeless
        hit = _fixed(s, ctx)
        if hit is not None:
            return hit
    s, lead = _strip_lead(s)
    if not s:
        return NOT_A_DATE
    hit = _fixed(s, ctx)
    if hit is not None:
        return hit
    s = _THE.sub("", s)
    got = _single(s, ctx)
    if got is not None:
        return got
    m = _DURATION.match(s)
    if m:
        try:
            return _duration(m, ctx, lead)
        except (ValueError, OverflowError):
            return NOT_A_DATE
    if _NUMBER.match(s):
        return NOT_A_DATE
    if _CONNECTOR.search(s):
        got = _range(s, ctx)
        if got is not None:
            return got
    if _COUNTED_FROM_STORY.search(s):  # "six months after the election"
        return UNRESOLVED
    return None

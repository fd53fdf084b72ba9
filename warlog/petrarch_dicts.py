"""Actor and agent dictionaries of the PETRARCH and TABARI event coders, read as warlog actors.

The format (documented with openeventdata/petrarch2), as this reader understands it:

    GONDOR [GON]              an entry: a phrase (words joined by blanks or "_") and its CAMEO code
    +MINAS_TIRITH             more phrases of the entry above
    SMEAGOL                   an entry whose code is given on indented lines below it:
        [HOB < 950601]        a code before a date, after one (> date), between two (d1 - d2);
        [HOBREB]              a bare code is the default. Dates are YYYYMMDD or YYMMDD.
    PRESIDENT [~GOV]          an agent: "~" puts its sector after the actor's code (NGO~ before)
    TROOP {} [~MIL]           {} no plural; {TROOPERS} an irregular plural
    !PERSON! = MAN, WOMAN     a substitution set: CONGRESS!PERSON! is CONGRESSMAN, CONGRESSWOMAN
    # ..., ; ..., <!-- ... -->  comments (HTML-like ones may span lines)

Every CAMEO actor code becomes one warlog actor, id "cameo-" + the code ("cameo-gonmil"), with
every phrase coded with it as an alias, its country from the code's first three letters when
they are an ISO3 code, and its kind and ACLED type from the code's sector
(``data/actors/cameo_sectors.tsv``). Agents become head nouns of unnamed actors with their
sector's ACLED type and name; warlog's own head nouns keep theirs.

warlog codes by the text's publication date only through its own knowledge base, so a
date-restricted entry keeps one code: its default, else the one of its latest period.
Null codes ("---") and codes without letters are read and dropped: PETRARCH does not code them.
"""
from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError, Errors

log = logging.getLogger(__name__)

ID_PREFIX = "cameo-"
SECTORS_FILE = Path(__file__).parent / "data" / "actors" / "cameo_sectors.tsv"
JSONL_SUFFIXES = (".jsonl", ".json")

_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "de", "al"}
_ENTRY = re.compile(r"^(?P<phrase>[^\[{]*?)\s*(?:\{(?P<plural>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*$")
_RESTRICTION = re.compile(r"^(?:(?P<before><)\s*(?P<b>\d+)|(?P<after>>)\s*(?P<a>\d+)|(?P<d1>\d+)\s*-\s*(?P<d2>\d+))$")
_SUBSTITUTION = re.compile(r"^(?P<marker>![A-Z0-9_]+!)\s*=\s*(?P<items>.+)$", re.IGNORECASE)
_CODE_AND_DATES = re.compile(r"^(?P<code>[^\s<>]+)\s*(?P<rest>.*)$")
_MARKER = re.compile(r"![A-Z0-9_]+!", re.IGNORECASE)
_OPEN_END = datetime.date.max


@dataclass(frozen=True)
class Sector:
    kind: str
    actor_type: int | None
    noun_type: int
    noun_name: str
    state_kind: str | None


@dataclass
class _Entry:
    phrases: list[str]
    line: int
    code: str | None = None  # on the entry's own line
    plural: str | None = None  # None: a regular plural; "": none
    dated: list[tuple[str, datetime.date]] = field(default_factory=list)  # (code, end of its period)


@dataclass
class Dictionary:
    """What a dictionary file holds, in warlog's terms."""

    actors: list[tuple[int, dict]] = field(default_factory=list)  # (line, actor record), JSONL schema
    head_nouns: dict[str, tuple[int, str, str | None]] = field(default_factory=dict)  # noun -> (type, name, kind)
    codes: dict[str, str] = field(default_factory=dict)  # phrase as written -> CAMEO code kept


def is_dictionary(path: str | Path) -> bool:
    """A PETRARCH/TABARI dictionary rather than warlog JSONL: .jsonl and .json files are ours;
    otherwise the content decides (JSONL lines start with "{"), and a .txt file without
    content (or that cannot be opened: its reader reports why) is a dictionary."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for raw in handle:
                text = raw.strip()
                if text and not text.startswith(("#", "//")):
                    return not text.startswith("{")
    except OSError:
        pass
    return suffix == ".txt"


def code_of(actor_id: str | None) -> str | None:
    """The CAMEO code of an actor read from a dictionary ("cameo-gonmil" -> "GONMIL"), else None."""
    if actor_id and actor_id.startswith(ID_PREFIX):
        return actor_id[len(ID_PREFIX):].upper()
    return None


def read(path: str | Path, countries=()) -> Dictionary:
    """Read one dictionary file. `countries`: the ISO3 codes a code's first letters may name.
    Raises DataError naming the file and line for a line that cannot be read."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(Errors.E107.format(path=path)) from None
    except UnicodeDecodeError:
        text = path.read_bytes().decode("latin-1")
    except OSError as exc:
        raise DataError(Errors.E109.format(path=path, detail=exc)) from exc
    lines = list(_content_lines(text))
    substitutions = {}
    for _, line in lines:
        m = _SUBSTITUTION.match(line.strip())
        if m:
            substitutions[m["marker"].upper()] = [i.strip() for i in m["items"].split(",") if i.strip()]
    entries = _entries(path, lines)
    sectors = load_sectors()
    out = Dictionary()
    _to_actors(entries, set(countries), sectors, out)
    _to_head_nouns(entries, substitutions, sectors, out)
    return out


# --- lines and entries -----------------------------------------------------------------------

def _content_lines(text: str):
    """(line number, text) with comments removed; lines that hold nothing else are dropped."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line, in_comment = line[end + 3:], False
        while "<!" in line:
            start = line.index("<!")
            end = line.find("-->", start)
            if end < 0:
                line, in_comment = line[:start], True
                break
            line = line[:start] + line[end + 3:]
        line = re.split(r"[#;]", line, maxsplit=1)[0].rstrip()
        if line.strip():
            yield number, line


def _entries(path: Path, lines) -> list[_Entry]:
    entries: list[_Entry] = []
    for number, line in lines:
        text = line.strip()
        if _SUBSTITUTION.match(text):
            continue
        if text.startswith("+"):
            if not entries:
                raise _fail(path, number, f"synonym {text!r} before any entry")
            if "[" in text or "{" in text:
                raise _fail(path, number, f"a synonym takes the code of its entry; got {text!r}")
            entries[-1].phrases.append(_phrase(text[1:]))
            continue
        if text.startswith("["):
            if not entries:
                raise _fail(path, number, f"code {text!r} before any entry")
            _restriction(path, number, text, entries[-1])
            continue
        m = _ENTRY.match(text)
        if not m or not m["phrase"].strip() or ("[" in text and m["code"] is None):
            raise _fail(path, number, f"expected PHRASE [CODE], +SYNONYM or an indented [CODE DATES]; got {text!r}")
        entries.append(_Entry([_phrase(m["phrase"])], number, _code(m["code"]),
                              None if m["plural"] is None else _phrase(m["plural"])))
    return entries


def _restriction(path: Path, number: int, text: str, entry: _Entry) -> None:
    if not text.endswith("]"):
        raise _fail(path, number, f"unclosed code {text!r}")
    split = _CODE_AND_DATES.match(text[1:-1].strip())
    code, rest = (split["code"], split["rest"].strip()) if split else ("", "")
    if not rest:
        entry.code = _code(code)
        return
    m = _RESTRICTION.match(rest)
    if not m:
        raise _fail(path, number, f"date restriction {rest!r} is not '<DATE', '>DATE' or 'DATE-DATE'")
    try:
        if m["before"]:
            end = _date(m["b"])
        elif m["after"]:
            _date(m["a"])
            end = _OPEN_END
        else:
            _date(m["d1"])
            end = _date(m["d2"])
    except ValueError as exc:
        raise _fail(path, number, f"bad date in {rest!r}: {exc}") from None
    entry.dated.append((_code(code), end))


def _date(digits: str) -> datetime.date:
    """YYYYMMDD or YYMMDD; two-digit years up to 30 are 20xx (TABARI dictionaries date from 1990)."""
    if len(digits) == 8:
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    if len(digits) == 6:
        year = int(digits[:2])
        return datetime.date(2000 + year if year <= 30 else 1900 + year, int(digits[2:4]), int(digits[4:]))
    raise ValueError(f"{digits!r} has {len(digits)} digits, not 6 or 8")


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def _code(text: str | None) -> str | None:
    code = (text or "").strip().replace(" ", "").upper()
    return code or None


def _fail(path, line, detail) -> DataError:
    return DataError(Errors.E301.format(path=path, line=line, detail=detail))


# --- entries to warlog records ---------------------------------------------------------------

def load_sectors() -> dict[str, Sector]:
    sectors = {}
    for raw in SECTORS_FILE.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t") + [""]
        sectors[cols[0]] = Sector(cols[1], None if cols[2] == "-" else int(cols[2]), int(cols[3]), cols[4],
                                  cols[5] or None)
    return sectors


def _chosen_code(entry: _Entry) -> str | None:
    """The entry's default code, else the code of its latest period."""
    if entry.code:
        return entry.code
    if entry.dated:
        return max(entry.dated, key=lambda d: d[1])[0]
    return None


def _codable(code: str | None) -> bool:
    return bool(code) and "~" not in code and any(c.isalpha() for c in code)


def _sector(code: str, sectors: dict[str, Sector]) -> Sector:
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    for chunk in chunks:
        if chunk in sectors and chunk != "*":
            return sectors[chunk]
    return sectors["*"]


def _to_actors(entries: list[_Entry], countries: set[str], sectors, out: Dictionary) -> None:
    records: dict[str, dict] = {}
    lines: dict[str, int] = {}
    seen: set[str] = set()  # alias keys already given to a code: the first entry keeps a phrase
    for entry in entries:
        code = _chosen_code(entry)
        if code is None or "~" in code:
            continue  # an agent, or an entry with no code at all
        if not _codable(code):
            log.debug("dictionary entry %r has the null code %r; not coded", entry.phrases[0], code)
            continue
        aid = ID_PREFIX + re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-")
        record = records.get(aid)
        if record is None:
            sector = _sector(code, sectors)
            record = records[aid] = {
                "id": aid, "name": _display(entry.phrases[0]), "kind": sector.kind, "type": sector.actor_type,
                "country": code[:3] if code[:3] in countries else None, "aliases": [],
            }
            lines[aid] = entry.line
        for phrase in entry.phrases:
            key = phrase.lower()
            if key in seen:
                log.debug("dictionary phrase %r is coded twice; the first code stays", phrase)
                continue
            seen.add(key)
            out.codes[phrase] = code
            record["aliases"] += [a for a in _forms(phrase) if a not in record["aliases"]]
    out.actors = [(lines[aid], rec) for aid, rec in records.items()]


def _to_head_nouns(entries: list[_Entry], substitutions, sectors, out: Dictionary) -> None:
    for entry in entries:
        code = _chosen_code(entry)
        if not code or "~" not in code:
            continue
        sector = _sector(code.replace("~", ""), sectors)
        noun = (sector.noun_type, sector.noun_name, sector.state_kind)
        for phrase in entry.phrases:
            words = _expand(phrase, substitutions)
            if len(words) == 1 and entry.plural:
                words.append(entry.plural)  # an irregular plural; regular ones are warlog's
            for word in words:
                out.head_nouns.setdefault(word.lower(), noun)


def _expand(phrase: str, substitutions: dict[str, list[str]]) -> list[str]:
    m = _MARKER.search(phrase)
    if not m:
        return [phrase]
    items = substitutions.get(m[0].upper())
    if not items:
        log.debug("substitution marker %s is not defined; %r skipped", m[0], phrase)
        return []
    out = []
    for item in items:
        out += _expand(_phrase(phrase[:m.start()] + item + phrase[m.end():]), substitutions)
    return out


def _display(phrase: str) -> str:
    """A readable name: dictionaries write in capitals ("RADAGAST THE BROWN" -> "Radagast the Brown");
    a short acronym stays as written."""
    if _is_acronym(phrase):
        return phrase
    return " ".join(_display_word(w, i) for i, w in enumerate(phrase.split()))


def _display_word(word: str, position: int, lower: bool = False) -> str:
    if "." in word and all(len(part) <= 1 for part in word.split(".")):
        return word  # initials: U.N., W.
    word = word.lower()
    if lower or (position and word in _SMALL_WORDS):
        return word
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _forms(phrase: str) -> list[str]:
    """The capitalisations news text uses for a phrase written in capitals: as written (an
    acronym or a headline), title case ("Gaza City") and first word only ("Israeli troops")."""
    if _is_acronym(phrase):
        return [phrase]
    words = phrase.split()
    title = _display(phrase)
    sentence = " ".join([_display_word(words[0], 0)] + [_display_word(w, 1, lower=True) for w in words[1:]])
    return list(dict.fromkeys([phrase, title, sentence]))


def _is_acronym(phrase: str) -> bool:
    """U.S., UN, IMF: dotted, or one word of at most three letters."""
    if " " in phrase:
        return False
    letters = phrase.replace(".", "").replace("-", "")
    return "." in phrase or len(letters) <= 3

"""The actor knowledge base: who is who in conflict reporting, and what a mention refers to.

Hand-written actors, the templates that generate every country's state forces, the head-noun
table for unnamed actors and the list of allowed ambiguous aliases live in
``warlog/data/actors/``; countries and their adjectives in ``warlog/data/countries.jsonl``.
``warlog/data/actors/README.md`` documents every file and field.

    kb = KnowledgeBase.load()
    kb.match("al-Hashd ash-Sha'abi").id          # 'pmu'
    kb.match("Iraqi forces").acled_name          # 'Military Forces of Iraq (2018-)'
    kb.current_name("jabhat-al-nusra", date(2017, 3, 1)).id   # 'hts'
"""
from __future__ import annotations

import datetime
import functools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .datafiles import read_jsonl
from .errors import DataError, Errors
from .record import ActorRef

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
ACTOR_DIR = DATA_DIR / "actors"
COUNTRIES_FILE = DATA_DIR / "countries.jsonl"
TEMPLATES_FILE = ACTOR_DIR / "state_forces.json"
AMBIGUOUS_FILE = ACTOR_DIR / "ambiguous.jsonl"
HEAD_NOUNS_FILE = ACTOR_DIR / "head_nouns.tsv"
FRONTS_FILE = ACTOR_DIR / "fronts.jsonl"
TITLES_FILE = ACTOR_DIR / "titles.txt"
# Every other *.jsonl file in ACTOR_DIR holds actor records.
SPECIAL_FILES = {AMBIGUOUS_FILE.name, FRONTS_FILE.name}

KINDS = (
    "armed_group", "state_force", "government", "institution", "international", "coalition",
    "party", "movement", "ngo", "think_tank", "outlet", "platform", "company", "person",
    "ethnic_group", "religious_group",
)
LABELS = {"person": "PERSON", "ethnic_group": "NORP", "religious_group": "NORP"}  # others: ORG
_IDENTITY_KINDS = ("ethnic_group", "religious_group")
# Memberships that make an actor a transnational group's arm in one country (branch_in).
BRANCH_ROLES = ("province", "branch")

# A fuzzy match must be this close (rapidfuzz ratio, 0-100) after normalising both sides.
FUZZY_CUTOFF = 90
FUZZY_MIN_LENGTH = 6

_ACTOR_KEYS = {
    "id", "name", "kind", "type", "country", "aliases", "memberships", "renamed", "positions",
    "acled_name", "notes", "founded", "dissolved",
}
_EXTEND_KEYS = {"extend", "name", "aliases", "memberships", "renamed", "positions", "acled_name", "notes"}
# ACLED's state actors: "Military Forces of Iraq (2014-2018)", optionally followed by a unit.
_PERIOD = re.compile(r"^(?P<base>(?:Military|Police) Forces of .+?|Government of .+?) "
                     r"\((?P<period>\d{4}-(?:\d{4})?)\)(?: (?P<unit>.+))?$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# --- normalisation -------------------------------------------------------------------------

# Sun-letter spellings of the Arabic article (ash-Sha'abi, ad-Din, an-Nusra) and el- become al-.
_ARTICLE = re.compile(r"\b(?:a[dlnrstz]|ash|ath|adh|el)-", re.IGNORECASE)
_APOSTROPHE_CHARS = "'\u2018\u2019\u02bb\u02bc\u02be\u02bf`\u00b4"
_APOSTROPHES = re.compile(f"[{_APOSTROPHE_CHARS}]")
_POSSESSIVES = re.compile(r"['\u2019]s\b")
_KEY_CHARS = str.maketrans(
    {**{c: None for c in _APOSTROPHE_CHARS + ".!?*"},
     **{c: " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015/,;:()[]\"\u201c\u201d+"},
     "&": " and "}
)
_FOLD = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "Ł": "L"})


def normalise(text: str, keep_case: bool = False) -> str:
    """The key aliases are compared on: no case, accents, apostrophes, dots, hyphens or leading
    "the"/"al-"; "ash-"/"ad-"/"el-" read as "al-"; possessive "'s" dropped ("Iraq's army")."""
    t = text.strip()
    if "'" in t or "\u2019" in t:
        t = _POSSESSIVES.sub("", t)
    if not t.isascii():
        t = unicodedata.normalize("NFKD", t.translate(_FOLD))
        t = "".join(c for c in t if not unicodedata.combining(c))
    if "-" in t:
        t = _ARTICLE.sub("al-", t)
    t = " ".join(t.translate(_KEY_CHARS).split())
    low = t.lower()
    if not keep_case:
        t = low
    if low.startswith("the "):
        t, low = t[4:], low[4:]
    if low.startswith("al ") and len(t) > 3:
        t = t[3:]
    return t


def _is_case_sensitive(alias: str) -> bool:
    """Short all-caps forms (IS, UN, KH, SAA) only match as written: "is" is not the Islamic State."""
    letters = alias.replace(".", "")
    return letters.isupper() and len(letters) <= 3


# --- dates -----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=8192)
def _parse_partial(value: str, last: bool = False) -> datetime.date:
    """'2014' -> 2014-01-01 (or 2014-12-31 with last=True); '2014-06' -> June 1st (or 30th)."""
    m = _DATE.match(value)
    if not m:
        raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), m[2], m[3]
    if day:
        return datetime.date(year, int(month), int(day))
    if month:
        month = int(month)
        if not last:
            return datetime.date(year, month, 1)
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(year, 12, 31) if last else datetime.date(year, 1, 1)


def _within(on: datetime.date | None, start: str | None, end: str | None) -> bool:
    """True when `on` falls in [start, end], both partial dates read as whole periods."""
    if on is None:
        return True
    if start and on < _parse_partial(start):
        return False
    if end and on > _parse_partial(end, last=True):
        return False
    return True


# --- records ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Membership:
    parent: str
    start: str | None = None  # partial ISO date, as in the data ("2014-06")
    end: str | None = None
    role: str = "member"

    def active(self, on: datetime.date | None) -> bool:
        return _within(on, self.start, self.end)


@dataclass(frozen=True)
class Position:
    title: str
    org: str | None = None  # actor id
    country: str | None = None
    start: str | None = None
    end: str | None = None

    def active(self, on: datetime.date | None) -> bool:
        return _within(on, self.start, self.end)


@dataclass(frozen=True)
class Rename:
    from_id: str  # the actor this one was called before
    date: str


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    type: int | None  # ACLED inter code 1-8
    country: str | None  # ISO3
    aliases: tuple[str, ...]
    acled_name: str | None = None
    memberships: tuple[Membership, ...] = ()
    positions: tuple[Position, ...] = ()
    renamed: tuple[Rename, ...] = ()
    founded: str | None = None
    dissolved: str | None = None
    notes: str | None = None
    generated: bool = False  # made from a template in state_forces.json
    source: str | None = None  # "file:line" of the record
    unpatterned: tuple[str, ...] = ()  # aliases match() knows but patterns() leaves out
    exact_case: tuple[str, ...] = ()  # aliases that only match with this capitalisation

    @property
    def label(self) -> str:
        return LABELS.get(self.kind, "ORG")

    def active(self, on: datetime.date | None) -> bool:
        return _within(on, self.founded, self.dissolved)


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    name: str
    acled_name: str
    names: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    state: bool = True
    periods: tuple[tuple[str, str, str | None], ...] = ()  # (ACLED label, from, to)


@dataclass(frozen=True)
class HeadNoun:
    type: int
    name: str  # ACLED's generic name, without the "(Country)" suffix
    state_kind: str | None = None  # template kind for state nouns: military, police, government


@dataclass
class _Ambiguity:
    ids: tuple[str, ...]
    default: str | None
    where: dict[str, tuple[str, ...]]  # actor id -> countries (ISO3) where this alias means it
    source: str


@dataclass
class _Draft:
    """An actor record while the files are read; frozen into an Actor at the end."""

    fields: dict
    path: str
    line: int
    generated: bool = False
    priority: int = 2  # generated 0, shipped hand-written 2, user files 3
    aliases: list = field(default_factory=list)  # (text, pattern, exact_case[, priority])

    _merged: dict | None = None

    def merged(self) -> dict[str, tuple[bool, bool, int]]:
        """Each alias once: text -> (pattern, exact case, priority). A flag set on any mention
        of the text wins, so {"text": <the name>, "case": true} applies to the name too.
        Computed once, after every extend record has been applied."""
        if self._merged is not None:
            return self._merged
        out: dict[str, tuple[bool, bool, int]] = {}
        for text, pattern, case, *rank in self.aliases:
            priority = rank[0] if rank else self.priority
            if text in out:
                p, c, r = out[text]
                out[text] = (p and pattern, c or case, max(r, priority))
            else:
                out[text] = (pattern, case, priority)
        self._merged = out
        return out


def _fail(path, line, detail) -> DataError:
    return DataError(Errors.E301.format(path=path, line=line, detail=detail))


# --- the knowledge base ----------------------------------------------------------------------

class KnowledgeBase:
    """Actors, their names and relations, and the lookups the pipeline needs."""

    def __init__(self):
        self._actors: dict[str, Actor] = {}
        self._countries: dict[str, Country] = {}
        self._country_ci: dict[str, str] = {}  # normalised adjective/name -> ISO3
        self._country_cs: dict[str, str] = {}  # short all-caps forms (US, UK) -> ISO3
        self._ci: dict[str, tuple[str, ...]] = {}
        self._cs: dict[str, tuple[str, ...]] = {}
        self._ambiguous: dict[str, _Ambiguity] = {}
        self._collisions: dict[str, tuple[str, ...]] = {}
        self._head_nouns: dict[str, HeadNoun] = {}
        self._titles: set[str] = set()
        self._peel_words = 1  # words in the longest title or country name
        self._templates: dict[str, dict] = {}
        self._successor: dict[str, tuple[str, str]] = {}  # old id -> (new id, date of renaming)
        self._predecessor: dict[str, str] = {}
        self._country_words: dict[str, str] = {}  # lowercased country words -> ISO3, for peeling
        self._country_names: dict[str, str] = {}  # normalised names (not adjectives) -> ISO3
        self._fuzzy: tuple[list[str], list[tuple[str, ...]]] | None = None
        self._patterns: list[tuple[str, str, str]] | None = None
        self._drafts: dict[str, _Draft] = {}
        self._branch_index: dict[str, list[Actor]] | None = None
        self._forces: dict[str, Actor | None] = {}  # government id -> its armed force (armed_force)
        self._fronts: list[tuple] | None = None  # (country, from, to, place -> holder, pattern)

    # -- loading --

    @classmethod
    def load(cls, extra_paths: list[str] = ()) -> "KnowledgeBase":
        """The shipped knowledge base, with the actors of `extra_paths` on top: JSONL records, or
        PETRARCH/TABARI actor and agent dictionaries (see petrarch_dicts).

        A user record with a shipped id replaces it; an {"extend": id, ...} record adds aliases,
        memberships or positions to it. A malformed line raises DataError naming file and line.
        """
        kb = cls()
        kb._load_countries(COUNTRIES_FILE)
        kb._load_templates(TEMPLATES_FILE)
        kb._load_head_nouns(HEAD_NOUNS_FILE)
        kb._titles = {
            normalise(t) for t in TITLES_FILE.read_text(encoding="utf-8").splitlines()
            if t.strip() and not t.startswith("#")
        }
        extends: list[tuple[dict, str, int, int]] = []
        shipped = sorted(p for p in ACTOR_DIR.glob("*.jsonl") if p.name not in SPECIAL_FILES)
        for path in shipped:
            kb._load_actor_file(path, 2, extends)
        for path in extra_paths:
            kb._load_user_file(Path(path), extends)
        for record, path, line, priority in extends:
            kb._apply_extend(record, path, line, priority)
        kb._freeze()
        kb._load_ambiguous(AMBIGUOUS_FILE)
        kb._index()
        return kb

    def _load_countries(self, path: Path) -> None:
        for line, rec in read_jsonl(path):
            try:
                iso3 = rec["iso3"]
                country = Country(
                    iso2=rec["iso2"], iso3=iso3, name=rec["name"],
                    acled_name=rec.get("acled_name") or rec["name"],
                    names=tuple(rec.get("names", ())), short=tuple(rec.get("short", ())),
                    adjectives=tuple(rec.get("adjectives", ())),
                    demonyms=tuple(rec.get("demonyms", ())), state=bool(rec.get("state", True)),
                    periods=tuple(
                        (p["label"], p["from"], p.get("to")) for p in rec.get("acled_periods", ())
                    ),
                )
            except KeyError as exc:
                raise _fail(path, line, f"country record lacks {exc}") from None
            except TypeError as exc:
                raise _fail(path, line, f"malformed country record: {exc}") from None
            self._countries[iso3] = country
            for name in (country.name, *country.names, *country.short):
                key = normalise(name, keep_case=_is_case_sensitive(name))
                self._country_names.setdefault(key, iso3)
            for word in (country.name, *country.names, *country.short, *country.adjectives,
                         *country.demonyms, country.iso3):
                if _is_case_sensitive(word):
                    self._country_cs.setdefault(normalise(word, keep_case=True), iso3)
                else:
                    self._country_ci.setdefault(normalise(word), iso3)

    def _load_templates(self, path: Path) -> None:
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise _fail(path, exc.lineno, f"invalid JSON: {exc.msg}") from None
        for template in spec["templates"]:
            self._templates[template["kind"]] = template
        for country in self._countries.values():
            if not country.state:
                continue
            for template in spec["templates"]:
                self._generate(template, country, path)

    def _generate(self, template: dict, country: Country, path: Path) -> None:
        values = {"iso": country.iso3.lower(), "name": country.name, "acled": country.acled_name}
        aliases = [template["name"].format(**values)]
        for adj in country.adjectives:
            aliases += [t.format(adj=adj) for t in template["adjective_aliases"]]
        for name in (country.name, *country.short):
            aliases += [t.format(name=name) for t in template["name_aliases"]]
        acled = template.get("acled_name")
        fields = {
            "id": template["id"].format(**values),
            "name": template["name"].format(**values),
            "kind": template["actor_kind"],
            "type": template.get("type"),
            "country": country.iso3,
            "acled_name": self._with_period(acled.format(**values), country, None) if acled else None,
        }
        draft = _Draft(fields, str(path), 0, generated=True, priority=0)
        draft.aliases = [(a, True, False) for a in aliases]
        self._drafts[fields["id"]] = draft

    def _load_head_nouns(self, path: Path) -> None:
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            cols = raw.split("\t")
            if len(cols) < 3 or not cols[1].isdigit():
                raise _fail(path, number, "expected: lemma<TAB>type<TAB>name[<TAB>state kind]")
            kind = cols[3].strip() if len(cols) > 3 and cols[3].strip() else None
            self._head_nouns[cols[0].strip().lower()] = HeadNoun(int(cols[1]), cols[2].strip(), kind)

    def _load_user_file(self, path: Path, extends: list) -> None:
        """A user's actors: our JSONL records, or a PETRARCH/TABARI actor or agent dictionary,
        whose agents add head nouns that the shipped table lacks."""
        from . import petrarch_dicts

        if not petrarch_dicts.is_dictionary(path):
            self._load_actor_file(path, 3, extends)
            return
        book = petrarch_dicts.read(path, countries=self._countries)
        self._add_records(book.actors, path, 3, extends)
        for noun, (kind_type, name, state_kind) in book.head_nouns.items():
            self._head_nouns.setdefault(noun, HeadNoun(kind_type, name, state_kind))

    def _load_actor_file(self, path: Path, priority: int, extends: list) -> None:
        self._add_records(read_jsonl(path), path, priority, extends)

    def _add_records(self, records, path: Path, priority: int, extends: list) -> None:
        for line, rec in records:
            if "extend" in rec:
                unknown = set(rec) - _EXTEND_KEYS
                if unknown:
                    raise _fail(path, line, f"unknown field(s) {sorted(unknown)} in an extend record")
                extends.append((rec, str(path), line, priority))
                continue
            draft = self._draft(rec, str(path), line, priority)
            previous = self._drafts.get(draft.fields["id"])
            if previous is not None and previous.priority >= priority:
                raise _fail(path, line, f"duplicate id {draft.fields['id']!r} "
                                        f"(first at {previous.path}:{previous.line})")
            if previous is not None:
                log.info("%s:%d replaces actor %r", path, line, draft.fields["id"])
            self._drafts[draft.fields["id"]] = draft

    def _draft(self, rec: dict, path: str, line: int, priority: int) -> _Draft:
        unknown = set(rec) - _ACTOR_KEYS
        if unknown:
            raise _fail(path, line, f"unknown field(s) {sorted(unknown)}; known: {sorted(_ACTOR_KEYS)}")
        for key in ("id", "name", "kind"):
            if not isinstance(rec.get(key), str) or not rec[key].strip():
                raise _fail(path, line, f"missing or empty {key!r}")
        if not _ID.match(rec["id"]):
            raise _fail(path, line, f"id {rec['id']!r} must be lowercase letters, digits and hyphens")
        if rec["kind"] not in KINDS:
            raise _fail(path, line, f"kind {rec['kind']!r} is not one of {', '.join(KINDS)}")
        kind_type = rec.get("type")
        if kind_type is not None and (type(kind_type) is not int or not 1 <= kind_type <= 8):
            raise _fail(path, line, f"type {kind_type!r} must be an ACLED inter code 1-8 or null")
        self._check_country(rec.get("country"), path, line)
        for key in ("founded", "dissolved"):
            self._check_date(rec.get(key), path, line)
        fields = {k: rec.get(k) for k in ("id", "name", "kind", "type", "country", "acled_name",
                                          "notes", "founded", "dissolved")}
        draft = _Draft(fields, path, line, priority=priority)
        draft.aliases = [(rec["name"], True, False)]
        self._merge_lists(draft, rec, path, line)
        return draft

    def _merge_lists(self, draft: _Draft, rec: dict, path: str, line: int) -> None:
        for alias in rec.get("aliases", ()):
            if isinstance(alias, str):
                draft.aliases.append((alias, True, False))
            elif isinstance(alias, dict) and isinstance(alias.get("text"), str):
                draft.aliases.append((alias["text"], bool(alias.get("pattern", True)),
                                      bool(alias.get("case", False))))
            else:
                raise _fail(path, line, f"alias {alias!r} must be a string or "
                                        '{"text": ..., "pattern": false, "case": true}')
        memberships = draft.fields.setdefault("memberships", [])
        for m in rec.get("memberships", ()):
            if not isinstance(m, dict) or not isinstance(m.get("parent"), str):
                raise _fail(path, line, f"membership {m!r} needs a 'parent' id")
            self._check_date(m.get("from"), path, line)
            self._check_date(m.get("to"), path, line)
            memberships.append((Membership(m["parent"], m.get("from"), m.get("to"),
                                           m.get("role", "member")), path, line))
        positions = draft.fields.setdefault("positions", [])
        for p in rec.get("positions", ()):
            if not isinstance(p, dict) or not isinstance(p.get("title"), str):
                raise _fail(path, line, f"position {p!r} needs a 'title'")
            self._check_date(p.get("from"), path, line)
            self._check_date(p.get("to"), path, line)
            self._check_country(p.get("country"), path, line)
            positions.append((Position(p["title"], p.get("org"), p.get("country"), p.get("from"),
                                       p.get("to")), path, line))
        renamed = draft.fields.setdefault("renamed", [])
        for r in rec.get("renamed", ()):
            if not isinstance(r, dict) or not isinstance(r.get("from_id"), str) or not r.get("date"):
                raise _fail(path, line, f"renamed entry {r!r} needs 'from_id' and 'date'")
            self._check_date(r["date"], path, line)
            renamed.append((Rename(r["from_id"], r["date"]), path, line))

    def _apply_extend(self, rec: dict, path: str, line: int, priority: int) -> None:
        draft = self._drafts.get(rec["extend"])
        if draft is None:
            raise _fail(path, line, f"extend: no actor with id {rec['extend']!r}")
        if rec.get("name"):
            draft.aliases.append((draft.fields["name"], True, False))
            draft.fields["name"] = rec["name"]
            draft.aliases.append((rec["name"], True, False, priority))
        for key in ("acled_name", "notes"):
            if rec.get(key):
                draft.fields[key] = rec[key]
        before = len(draft.aliases)
        self._merge_lists(draft, rec, path, line)
        # Aliases added by hand to a generated actor rank as hand-written ones.
        draft.aliases[before:] = [(a, p, c, priority) for a, p, c in draft.aliases[before:]]

    def _check_country(self, code, path, line) -> None:
        if code is not None and code not in self._countries:
            raise _fail(path, line, f"country {code!r} is not an ISO3 code in {COUNTRIES_FILE.name}")

    @staticmethod
    def _check_date(value, path, line) -> None:
        if value is None:
            return
        try:
            _parse_partial(str(value))
        except ValueError as exc:
            raise _fail(path, line, str(exc)) from None

    def _freeze(self) -> None:
        """Check every reference, then turn drafts into Actors."""
        drafts = self._drafts
        for draft in drafts.values():
            for m, path, line in draft.fields.get("memberships", ()):
                if m.parent not in drafts:
                    raise _fail(path, line, f"membership parent {m.parent!r} is not an actor id")
            for p, path, line in draft.fields.get("positions", ()):
                if p.org is not None and p.org not in drafts:
                    raise _fail(path, line, f"position org {p.org!r} is not an actor id")
            for r, path, line in draft.fields.get("renamed", ()):
                if r.from_id not in drafts:
                    raise _fail(path, line, f"renamed from_id {r.from_id!r} is not an actor id")
                self._successor[r.from_id] = (draft.fields["id"], r.date)
                self._predecessor[draft.fields["id"]] = r.from_id
        for aid, draft in drafts.items():
            f = draft.fields
            merged = draft.merged()
            aliases = list(merged)
            unpatterned = [t for t, (pattern, _c, _r) in merged.items() if not pattern]
            exact = [t for t, (_p, case, _r) in merged.items() if case]
            self._actors[aid] = Actor(
                id=aid, name=f["name"], kind=f["kind"], type=f.get("type"), country=f.get("country"),
                aliases=tuple(aliases), acled_name=f.get("acled_name"),
                memberships=tuple(m for m, *_ in f.get("memberships", ())),
                positions=tuple(p for p, *_ in f.get("positions", ())),
                renamed=tuple(r for r, *_ in f.get("renamed", ())),
                founded=f.get("founded"), dissolved=f.get("dissolved"), notes=f.get("notes"),
                generated=draft.generated,
                source=None if draft.generated else f"{Path(draft.path).name}:{draft.line}",
                unpatterned=tuple(unpatterned), exact_case=tuple(exact),
            )

    def _load_ambiguous(self, path: Path) -> None:
        for line, rec in read_jsonl(path):
            ids = rec.get("ids")
            if not isinstance(rec.get("alias"), str) or not isinstance(ids, list) or len(ids) < 2:
                raise _fail(path, line, "expected {\"alias\": ..., \"ids\": [two or more ids], \"default\": id|null}")
            for aid in ids + [rec["default"]] if rec.get("default") else ids:
                if aid not in self._actors:
                    raise _fail(path, line, f"{aid!r} is not an actor id")
            where = {aid: tuple(codes) for aid, codes in (rec.get("where") or {}).items()}
            for aid, codes in where.items():
                if aid not in ids:
                    raise _fail(path, line, f"'where' names {aid!r}, which is not in 'ids'")
                for code in codes:
                    self._check_country(code, path, line)
            self._ambiguous[normalise(rec["alias"])] = _Ambiguity(tuple(ids), rec.get("default"), where,
                                                                  f"{path}:{line}")

    def _index(self) -> None:
        ci: dict[str, dict[str, int]] = {}
        cs: dict[str, dict[str, int]] = {}
        for draft in self._drafts.values():
            aid = draft.fields["id"]
            for text, (_pattern, case, priority) in draft.merged().items():
                if case or _is_case_sensitive(text):
                    table, key = cs, normalise(text, keep_case=True)
                else:
                    table, key = ci, normalise(text)
                if key:
                    ids = table.setdefault(key, {})
                    ids[aid] = max(priority, ids.get(aid, 0))
        for source, target in ((ci, self._ci), (cs, self._cs)):
            for key, ids in source.items():
                if len(ids) > 1:
                    rule = self._ambiguous.get(key.lower())
                    if rule is None or not set(ids) <= set(rule.ids):
                        self._collisions[key] = tuple(sorted(ids))
                        ranks = sorted(ids.values())
                        # a user file naming a shipped actor's alias means to override it
                        level = logging.INFO if ranks[-1] >= 3 > ranks[-2] else logging.WARNING
                        log.log(level, "alias %r is shared by %s and not listed in %s; the highest "
                                "ranked wins (user files, then shipped, then generated actors)",
                                key, ", ".join(sorted(ids)), AMBIGUOUS_FILE.name)
                        ids = {max(ids, key=ids.get): 0}
                target[key] = tuple(sorted(ids, key=lambda i: -ids[i])) if len(ids) > 1 else tuple(ids)
        self._country_words = {k.lower(): v for k, v in self._country_cs.items()} | self._country_ci
        self._peel_words = max(len(k.split()) for k in (*self._titles, *self._country_words))

    # -- lookups --

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self):
        return iter(self._actors.values())

    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def collisions(self) -> dict[str, tuple[str, ...]]:
        """Aliases shared by several actors without an entry in ambiguous.jsonl."""
        return dict(self._collisions)

    def ambiguities(self) -> dict[str, tuple[str, ...]]:
        """Each alias of ambiguous.jsonl (normalised) with the actors that really share it."""
        return {key: self._ci.get(key) or self._cs.get(key) or next(
                    (ids for k, ids in self._cs.items() if k.lower() == key), ())
                for key in self._ambiguous}

    def country(self, code: str) -> Country | None:
        """A country by ISO3 or ISO2 code."""
        code = code.upper()
        if len(code) == 2:
            return next((c for c in self._countries.values() if c.iso2 == code), None)
        return self._countries.get(code)

    def countries(self) -> list[Country]:
        return list(self._countries.values())

    def country_of_adjective(self, word: str) -> str | None:
        """ISO3 code for a country adjective, demonym or name: "Iraqi", "U.S.", "Britons", "Syria".

        Ethnic and religious words ("Kurdish", "Shi'a", "Turkmen") are not countries: see match().
        """
        cs = normalise(word, keep_case=True)
        return self._country_cs.get(cs) or self._country_ci.get(cs.lower())

    def state_force(self, country3: str, kind: str = "military") -> Actor | None:
        """The generated actor of one template kind (military, police, government,
        foreign-ministry, interior-ministry, defence-ministry) for a country (ISO3 or ISO2)."""
        country = self.country(country3)
        template = self._templates.get(kind)
        if country is None or template is None:
            return None
        return self._actors.get(template["id"].format(iso=country.iso3.lower()))

    def head_noun(self, lemma: str) -> tuple[int, str] | None:
        """ACLED type and generic name for an unnamed actor's head noun: "militant" ->
        (3, "Unidentified Armed Group"). Plurals are tolerated ("gunmen", "militias")."""
        info = self.head_noun_info(lemma)
        return (info.type, info.name) if info else None

    def head_noun_info(self, lemma: str) -> HeadNoun | None:
        """head_noun() with the state template kind (military, police, government) for state nouns."""
        word = " ".join(lemma.lower().split())
        for candidate in (word, *_singulars(word)):
            if candidate in self._head_nouns:
                return self._head_nouns[candidate]
        return None

    def armed_force(self, actor_id: str) -> Actor | None:
        """The force a government fights with: a generated government's country military, or the
        one state force that belongs to a hand-written government (the GNA's forces). None for
        other actors, or when the force is not known."""
        actor = self._actors.get(actor_id)
        if actor is None or actor.kind != "government":
            return None
        if actor.generated and actor.country:
            return self.state_force(actor.country, "military")
        if actor_id not in self._forces:
            forces = [a for a in self.children(actor_id) if a.kind == "state_force"]
            self._forces[actor_id] = forces[0] if len(forces) == 1 else None
        return self._forces[actor_id]

    def front_side(self, country: str | None, text: str, on: datetime.date | None = None
                   ) -> tuple[str, str] | None:
        """(holder, other side) of the first place in `text` that a front line of `country` (ISO3)
        runs past on `on` (fronts.jsonl): fire of unknown origin that lands on a side's ground
        came from the other side. Without a country every front is tried: the place names one.
        None when no front knows a place of the text."""
        text = normalise(text)
        for front_country, start, end, held, pattern in self._front_lines():
            if country is not None and front_country != country or not _within(on, start, end):
                continue
            found = pattern.search(text)
            if found:
                holder = held[found[1]]
                return holder, next(side for side in set(held.values()) if side != holder)
        return None

    def front_sides(self, country: str | None, on: datetime.date | None = None) -> tuple[str, str] | None:
        """The two sides of the front line that runs through `country` (ISO3) on `on`, if one does."""
        for front_country, start, end, held, _pattern in self._front_lines():
            if front_country == country and _within(on, start, end):
                first, second = dict.fromkeys(held.values())
                return first, second
        return None

    def _front_lines(self) -> list:
        """fronts.jsonl, read when a front is first asked about (most runs never do)."""
        if self._fronts is None:
            self._fronts = self._load_fronts(FRONTS_FILE)
        return self._fronts

    def _load_fronts(self, path: Path) -> list:
        fronts = []
        for line, rec in read_jsonl(path):
            held = rec.get("held")
            if not isinstance(held, dict) or len(held) != 2 or not rec.get("country"):
                raise _fail(path, line, 'expected {"front", "country", "from", "to", "held": {two actor ids: [places]}}')
            self._check_country(rec["country"], path, line)
            for key in ("from", "to"):
                self._check_date(rec.get(key), path, line)
            names = {}
            for aid, places in held.items():
                if aid not in self._actors:
                    raise _fail(path, line, f"{aid!r} is not an actor id")
                names.update({normalise(p): aid for p in places})
            longest_first = sorted(names, key=len, reverse=True)  # "zolote 5" before "zolote"
            pattern = re.compile(r"\b(" + "|".join(map(re.escape, longest_first)) + r")\b")
            fronts.append((rec["country"], rec.get("from"), rec.get("to"), names, pattern))
        return fronts

    def generic_names(self) -> set[str]:
        """ACLED's generic names of unnamed actors the head-noun table knows ("Unidentified Gang")."""
        return {info.name for info in self._head_nouns.values()}

    def parents(self, actor_id: str, on: datetime.date | None = None,
                roles: tuple[str, ...] | None = None) -> list[Actor]:
        """Direct parents (memberships) of an actor, those active on `on` when given."""
        actor = self._actors.get(actor_id)
        if actor is None:
            return []
        return [
            self._actors[m.parent] for m in actor.memberships
            if m.active(on) and (roles is None or m.role in roles)
        ]

    def branch_in(self, actor_id: str, country: str | None, on: datetime.date | None = None) -> Actor | None:
        """The branch of a transnational group in a country, when it has exactly one there (a
        province or branch; an affiliate is an ally, not the group): the Islamic State in Egypt
        is its Sinai Province."""
        actor = self._actors.get(actor_id)
        if actor is None or actor.country is not None or country is None:
            return None
        found = [a for a in self._branches().get(actor_id, ()) if a.country == country
                 and any(m.parent == actor_id and m.active(on) for m in a.memberships)]
        return found[0] if len(found) == 1 else None

    def _branches(self) -> dict[str, list[Actor]]:
        if self._branch_index is None:
            self._branch_index = {}
            for a in self._actors.values():
                for m in a.memberships:
                    if m.role in BRANCH_ROLES:
                        self._branch_index.setdefault(m.parent, []).append(a)
        return self._branch_index

    def children(self, actor_id: str, on: datetime.date | None = None) -> list[Actor]:
        """Actors with a membership in `actor_id` (active on `on` when given)."""
        return [
            a for a in self._actors.values()
            if any(m.parent == actor_id and m.active(on) for m in a.memberships)
        ]

    def current_name(self, actor_id: str, on: datetime.date | None = None) -> Actor | None:
        """The actor as it was called on a date, following renamings both ways: Jabhat al-Nusra in
        2015, Jabhat Fateh al-Sham in late 2016, Hay'at Tahrir al-Sham from 2017. Without a date:
        the latest name."""
        if actor_id not in self._actors:
            return None
        root, seen = actor_id, {actor_id}
        while root in self._predecessor and self._predecessor[root] not in seen:
            root = self._predecessor[root]
            seen.add(root)
        current = root
        while current in self._successor:
            new_id, when = self._successor[current]
            if on is not None and on < _parse_partial(when):
                break
            current = new_id
        return self._actors[current]

    def acled_name(self, actor_id: str, on: datetime.date | None = None,
                   country: str | None = None) -> str | None:
        """ACLED's name for an actor: state forces with the period running on `on` ("Military
        Forces of Iraq (2014-2018)"), "{country}" in a name filled with `country` (ISO3)."""
        actor = self._actors.get(actor_id)
        if actor is None or actor.acled_name is None:
            return None
        name = actor.acled_name
        if actor.generated and actor.country:
            template = self._templates.get(actor.id.rsplit("-", 1)[0])
            if template and template.get("acled_name"):
                home = self._countries[actor.country]
                base = template["acled_name"].format(acled=home.acled_name)
                name = self._with_period(base, home, on)
        if "{country}" in name:
            place = self.country(country) if country else None
            name = name.replace("{country}", place.acled_name if place else "").replace(" ()", "")
        return name

    @staticmethod
    def _with_period(base: str, country: Country, on: datetime.date | None) -> str:
        for label, start, end in reversed(country.periods):
            if on is None or _within(on, start, end):
                return f"{base} ({label})"
        return base

    def acled_type(self, actor_id: str, on: datetime.date | None = None) -> int | None:
        """The actor's ACLED type; for a person, the type of the organisation of a position or
        membership they held on `on`."""
        actor = self._actors.get(actor_id)
        if actor is None:
            return None
        if actor.type is not None or actor.kind != "person":
            return actor.type
        for org in [p.org for p in actor.positions if p.active(on)] + [
                m.parent for m in actor.memberships if m.active(on)]:
            if org and self._actors[org].type is not None:
                return self._actors[org].type
        return None

    # -- matching --

    def match(self, text: str, on: datetime.date | None = None, *,
              country: str | None = None, fuzzy: bool = True) -> Actor | None:
        """The actor a mention refers to, or None.

        1. exact alias after normalising (see normalise()); short all-caps forms as written;
        2. the same after peeling titles and country words off the front ("Iranian President
           Hassan Rouhani") and head nouns off the end ("Hezbollah fighters");
        3. rapidfuzz ratio >= FUZZY_CUTOFF against hand-written aliases, never across countries.
        An alias shared by several actors (ambiguous.jsonl) is settled by `country` (ISO3),
        then by which actors existed `on` that date, then by the listed default. `fuzzy=False`
        skips step 3 (cheap lookups of common phrases, "regime forces").
        """
        if not text or not text.strip():
            return None
        if country and len(country) == 2:
            found = self.country(country)
            country = found.iso3 if found else None
        aid = self._exact(text, on, country)
        if aid:
            return self._actors[aid]
        cased = normalise(text, keep_case=True)
        key = cased.lower()
        peeled = [(k, c) for k, c in self._peel(cased) if k != cased]
        for shorter, peeled_country in peeled:
            aid = self._exact(shorter, on, country or peeled_country)
            if aid and self._plausible(self._actors[aid], peeled_country):
                return self._actors[aid]
        state = self._country_names.get(cased) or self._country_names.get(key)
        if state:  # "Iran", "the United States", "US" (not "us"): the state as an actor
            return self.state_force(state, "government")
        coded = self._coded_forms(text)
        for form in coded:  # ACLED's coded names: "TTP: Tehreek-i-Taliban Pakistan", "... (2012-) Amajid Brigade"
            aid = self._exact(form, on, country)
            if aid:
                return self._actors[aid]
        if not fuzzy:
            return None
        found = self._fuzzy_match(key, on, country)
        for form in coded:
            if found is not None:
                break
            found = self._fuzzy_match(normalise(form), on, country)
        for shorter, peeled_country in peeled:
            if found is not None:
                break
            found = self._fuzzy_match(shorter.lower(), on, country or peeled_country)
            if found is not None and not self._plausible(found, peeled_country):
                found = None
        return found

    @staticmethod
    def _coded_forms(text: str) -> list[str]:
        """Shorter forms of a name coded the way ACLED codes actors, to try when the whole name is
        unknown: the first of "X and/or Y", the full name and the abbreviation of "ABBR: Full
        Name", and the state force a
        unit belongs to ("Military Forces of Yemen (2012-) Amajid Brigade": the unit is part of
        Military Forces of Yemen, with or without its period)."""
        forms = []
        if " and/or " in text:  # "X and/or Y": ACLED could not tell which; the first is named
            text = text.split(" and/or ")[0]
            forms.append(text)
        if ": " in text:
            short, _, full = text.partition(": ")
            forms += [full.strip(), short.strip()]
        period = _PERIOD.match(text.strip())
        if period:
            if period["unit"]:
                forms.append(f"{period['base']} ({period['period']})")
            forms.append(period["base"])
        return [f for f in forms if f]

    def ref(self, text: str, on: datetime.date | None = None, *, country: str | None = None,
            span: tuple[int, int] | None = None) -> ActorRef:
        """An ActorRef for a mention: resolved through match() when the knowledge base knows it,
        with the ACLED type of that date; otherwise only the name as written."""
        actor = self.match(text, on, country=country)
        if actor is None:
            return ActorRef(name=text, span=span)
        return ActorRef(name=text, actor_id=actor.id, canonical=actor.name,
                        type=self.acled_type(actor.id, on), country=actor.country, span=span)

    @staticmethod
    def _plausible(actor: Actor, peeled_country: str | None) -> bool:
        """After peeling: an identity is a descriptor, not the actor ("Kurdish fighters" is not
        the Kurds), and a country word must agree ("Syrian Arab Coalition" is not the Saudi-led
        "Arab coalition")."""
        if actor.kind in _IDENTITY_KINDS:
            return False
        return peeled_country is None or actor.country in (None, peeled_country)

    def _exact(self, text: str, on, country) -> str | None:
        cs = normalise(text, keep_case=True)
        ids = self._cs.get(cs) or self._ci.get(cs.lower())
        if not ids:
            return None
        if len(ids) == 1:
            return ids[0]
        return self._choose(cs.lower(), ids, on, country)

    def _choose(self, key: str, ids: tuple[str, ...], on, country) -> str | None:
        rule = self._ambiguous.get(key)
        candidates = [self._actors[i] for i in ids]
        if country:
            where = rule.where if rule else {}
            same = [a for a in candidates if a.country == country or country in where.get(a.id, ())]
            if same:
                candidates = same
        if on is not None and len(candidates) > 1:
            alive = [a for a in candidates if a.active(on)]
            if alive:
                candidates = alive
        if len(candidates) == 1:
            return candidates[0].id
        if rule and rule.default in {a.id for a in candidates}:
            return rule.default
        return None

    def _peel(self, cased: str) -> list[tuple[str, str | None]]:
        """Shorter keys to try, with the country a peeled word names: leading titles and country
        words off ("Iranian President Hassan Rouhani"), then trailing head nouns ("IS fighters").
        Works on a case-kept key so that "IS fighters" still finds the case-sensitive "IS"."""
        words = cased.split()
        lower = [w.lower() for w in words]
        country = None
        changed = True
        while changed and len(words) > 1:
            changed = False
            for size in range(min(self._peel_words, len(words) - 1), 0, -1):
                head = " ".join(lower[:size])
                if head in self._titles or head in self._country_words:
                    country = country or self._country_words.get(head)
                    words, lower = words[size:], lower[size:]
                    changed = True
                    break
        out = [(" ".join(words), country)]
        while len(words) > 1 and self.head_noun_info(lower[-1]) is not None:
            words, lower = words[:-1], lower[:-1]
            out.append((" ".join(words), country))
        return out

    def _fuzzy_match(self, key: str, on, country) -> Actor | None:
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        from rapidfuzz import fuzz, process  # imported late: most mentions match exactly

        if self._fuzzy is None:
            keys = [k for k, ids in self._ci.items()
                    if any(not self._actors[i].generated for i in ids)]
            self._fuzzy = (keys, [self._ci[k] for k in keys])
        keys, ids = self._fuzzy
        query_countries = {w for w in key.split() if w in self._country_words}
        for found, score, index in process.extract(key, keys, scorer=fuzz.ratio,
                                                   score_cutoff=FUZZY_CUTOFF, limit=5):
            if {w for w in found.split() if w in self._country_words} != query_countries:
                continue  # "Iranian ..." is never "Iraqi ..."
            if found in key or key in found:
                continue  # a longer or shorter name is another actor: Baghdad, al-Baghdadi
            candidates = ids[index]
            aid = candidates[0] if len(candidates) == 1 else self._choose(found, candidates, on, country)
            if aid:
                log.debug("fuzzy actor match %r -> %r (%.0f)", key, found, score)
                return self._actors[aid]
        return None

    # -- patterns --

    def patterns(self) -> list[tuple[str, str, str]]:
        """(surface form, label, actor id) for a case-sensitive dictionary matcher over text
        whose curly apostrophes were straightened.

        Each alias as written, plus its first letter capitalised, without apostrophes, with
        "al-" hyphens as spaces, and (generated state forces only) in title case. Left out:
        aliases marked "pattern": false, aliases without a capital letter ("the regime",
        "regime forces": ordinary words that need context), and forms shared by several actors
        with no default in ambiguous.jsonl. Where forms collide, hand-written beats generated.
        """
        if self._patterns is not None:
            return self._patterns
        best: dict[str, tuple[float, str]] = {}  # surface -> (score, actor id)
        tied: dict[str, set[str]] = {}  # surfaces whose best score several actors share
        for draft in self._drafts.values():
            aid = draft.fields["id"]
            for text, (pattern, _case, priority) in draft.merged().items():
                if not pattern or text.islower():
                    continue
                if not text.isascii():
                    text = _APOSTROPHES.sub("'", text)
                if text[:4] in ("the ", "The "):
                    text = text[4:]
                for surface, score in _variants(text, priority):
                    old = best.get(surface)
                    if old is None or score > old[0]:
                        best[surface] = (score, aid)
                        tied.pop(surface, None)
                    elif score == old[0] and aid != old[1]:
                        tied.setdefault(surface, {old[1]}).add(aid)
        for surface, ids in tied.items():
            rule = self._ambiguous.get(normalise(surface))
            if rule and rule.default in ids:
                best[surface] = (best[surface][0], rule.default)
            else:
                del best[surface]
        actors = self._actors
        self._patterns = sorted((s, actors[aid].label, aid) for s, (_score, aid) in best.items())
        return self._patterns


_SMALL_WORDS = {"of", "the", "and", "al", "for", "in", "on", "de", "du", "la", "wal", "bin", "ibn"}
_ARTICLE_HYPHEN = re.compile(r"\b(al|el|as|ash|ad|ar|an|at|az)-(?=\w)")


def _variants(alias: str, priority: int) -> list[tuple[str, float]]:
    """Surface forms of an alias with their rank: as written first, derived forms a bit lower.
    Generated aliases (priority 0) also come in title case: "Iraqi Army"."""
    forms = [alias]
    if alias[0].islower():
        forms.append(alias[0].upper() + alias[1:])
    if priority == 0:
        titled = " ".join(w if w in _SMALL_WORDS or not w.islower() else w[0].upper() + w[1:]
                          for w in alias.split(" "))
        if titled != alias:
            forms.append(titled)
    if "'" in alias:
        forms += [f.replace("'s ", "\0").replace("'", "").replace("\0", "'s ") for f in forms]
    if "-" in alias:
        forms += [_ARTICLE_HYPHEN.sub(r"\1 ", f) for f in forms]
    out = {alias: priority + 0.5}
    for form in forms[1:]:
        out.setdefault(form, priority)
    return list(out.items())


def _singulars(word: str) -> list[str]:
    """Naive singulars for head nouns: gunmen -> gunman, militias -> militia, forces -> force."""
    out = []
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("s"):
        out.append(word[:-1])
    if word.endswith("es"):
        out.append(word[:-2])
    irregular = {"children": "child", "people": "person", "women": "woman", "men": "man"}
    if word in irregular:
        out.append(irregular[word])
    return out

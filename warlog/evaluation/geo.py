"""Geoparsing: TR-News and GeoVirus, news text with gold toponym spans and coordinates.

Each article goes through the public `warlog.geoparse` twice: end to end (warlog finds the
toponyms and resolves them) and with the gold spans given (`spans=`, resolution alone, the
setting Mordecai 3 reports). The comparison is pure arithmetic over the rows (`compare`).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from . import metrics as m
from .core import Runner, Section

NAME = "geo"
TITLE = "Geoparsing"
FILES = ("geo/TR-News.xml", "geo/GeoVirus.xml")
ACCURACY_KM = 161  # 100 miles, the usual threshold of geoparsing papers
# Gold offsets a few characters off (see the notes): the phrase is looked for this far around them.
REALIGN_WINDOW = 40
# Corpora whose guidelines tag nationality and regional adjectives ("Turkish", "European") as
# toponyms: warlog's end-to-end run reports demonyms for them (geoparse(demonyms=True)).
DEMONYMS = ("tr_news",)
PUBLISHED = {  # corpus -> subset -> figure key -> {system: value}
    "tr_news": {"gold_spans": {"geonames_exact": {"Mordecai 3": 0.843}, "acc_161km": {"Mordecai 3": 0.873}}},
}
NOTES = {
    "end_to_end": [
        "A warlog toponym matches a gold one when their spans share a character, one to one: each gold "
        "toponym, in text order, takes the free one it overlaps most. Precision counts every toponym "
        "warlog reports, resolved or not.",
        "TR-News tags nationality adjectives as toponyms ('Turkish'), GeoVirus does not: for TR-News the "
        "run asks warlog geoparse for demonyms too (`--demonyms`, rows of kind 'demonym', resolved to "
        "their country or region); for GeoVirus it does not. warlog's event pipeline never takes a "
        "nationality for a place.",
        "Distance figures and GeoNames exact match are computed over MATCHED gold toponyms only (those "
        "with gold coordinates, resp. a gold GeoNames id): a toponym warlog missed does not count there, "
        "it counts in recall. A matched toponym warlog left unresolved counts as a miss in accuracy "
        "and exact match and as the largest possible error (20,039 km) in the AUC; median and mean "
        "error are over the resolved ones (their n).",
    ],
    "gold_spans": [
        "Every gold toponym with a gold place (coordinates or a GeoNames id) is given to "
        "warlog.geoparse(spans=...) and counts. An unresolved one counts as a miss in accuracy and "
        "exact match and as the largest possible error (20,039 km) in the AUC; median and mean error "
        "are over the resolved ones (their n). A nationality given as a span ('Russian') is resolved "
        "as its country.",
    ],
    "all": [
        f"Gold offsets are realigned to the nearest occurrence of the gold phrase within {REALIGN_WINDOW} "
        "characters (GeoVirus offsets are one-based; in a few TR-News articles they drift by up to 10 "
        "characters); `realigned` counts those moved.",
        "warlog's gazetteer holds GeoNames cities of 500+ people, countries and subdivisions; streets, "
        "buildings, rivers and smaller places are absent, so some gold ids cannot be matched exactly.",
        "warlog's point for a large country or subdivision is GeoNames' own; for the others it is the "
        "settlement nearest the mean position of its settlements, not the GeoNames or Wikipedia "
        "centroid, which can lie a few hundred km from gold. acc_161km_or_exact also counts "
        "the gold GeoNames id itself as a hit, as it counts for a geoparser that reports GeoNames' "
        "own coordinates.",
    ],
    "tr_news": [
        "Published: Mordecai 3 with gold toponyms given (its paper's TR-News figures), which resolves "
        "against the full GeoNames gazetteer. TR-News toponyms without a gold place (streets, "
        "buildings) count for spans only.",
    ],
    "geovirus": [
        "GeoVirus gives coordinates and Wikipedia pages, no GeoNames ids: no exact-match figure.",
    ],
}


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class Article:
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


@dataclass
class Corpus:
    key: str  # tr_news | geovirus: the subset prefix
    title: str
    articles: list[Article]
    realigned: int = 0


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _realign(text: str, t: GoldToponym) -> bool:
    """Move a gold span onto its phrase when the offsets miss it; True when moved."""
    if text[t.start:t.end] == t.text or not t.text:
        return False
    lo = max(0, t.start - REALIGN_WINDOW)
    hits = [mt.start() + lo for mt in re.finditer(re.escape(t.text), text[lo:t.end + REALIGN_WINDOW])]
    if not hits:
        return False
    t.start = min(hits, key=lambda h: (abs(h - t.start), h))
    t.end = t.start + len(t.text)
    return True


def _tr_news_toponym(el: ET.Element) -> GoldToponym:
    t = GoldToponym(int(el.findtext("start")), int(el.findtext("end")), el.findtext("phrase") or "")
    gaz = el.find("gaztag")
    if gaz is not None:
        t.lat, t.lon = _float(gaz.findtext("lat")), _float(gaz.findtext("lon"))
        gid = gaz.get("geonameid")
        t.geonames_id = int(gid) if gid and gid.isdigit() else None
    return t


def _geovirus_toponym(el: ET.Element) -> GoldToponym:
    return GoldToponym(int(el.findtext("start")), int(el.findtext("end")), el.findtext("name") or "",
                       _float(el.findtext("lat")), _float(el.findtext("lon")))


def load(path: Path) -> Corpus:
    """TR-News (<toponyms><toponym> with <gaztag geonameid>) or GeoVirus (<locations><location>
    with lat/lon and a Wikipedia page), told apart by their elements."""
    root = ET.parse(path).getroot()
    articles, realigned, geovirus = [], 0, False
    for el in root.iter("article"):
        text = el.findtext("text") or ""
        if el.find("toponyms") is not None:
            gold = [_tr_news_toponym(t) for t in el.find("toponyms").iter("toponym")]
        else:
            geovirus = True
            # one GeoVirus <location> wraps others by mistake: every <location> with a name counts
            gold = [_geovirus_toponym(t) for t in el.iter("location") if t.find("name") is not None]
        realigned += sum(_realign(text, t) for t in gold)
        articles.append(Article(text, sorted(gold, key=lambda t: (t.start, t.end))))
    key, title = ("geovirus", "GeoVirus") if geovirus else ("tr_news", "TR-News")
    return Corpus(key, title, articles, realigned)


# -- comparison (pure) ---------------------------------------------------------------------

@dataclass
class Tally:
    """What the rows of one subset add up to."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list = field(default_factory=list)  # km, or None when unresolved: one per located gold toponym
    exact: list = field(default_factory=list)  # (gold GeoNames id, predicted id or None)
    # per located gold toponym with a GeoNames id: within ACCURACY_KM, or that very place
    near_or_exact: list = field(default_factory=list)

    def __iadd__(self, other: "Tally") -> "Tally":
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.errors += other.errors
        self.exact += other.exact
        self.near_or_exact += other.near_or_exact
        return self


def match(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans: gold in text order,
    each taking the free prediction it overlaps most (the earlier on a tie)."""
    taken: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        best, size = None, 0
        for pi, p in enumerate(predicted):
            if pi in taken or not m.overlaps(g, p):
                continue
            shared = min(g[1], p[1]) - max(g[0], p[0])
            if shared > size:
                best, size = pi, shared
        if best is not None:
            taken.add(best)
            pairs.append((gi, best))
    return pairs


def _judge(t: GoldToponym, row: dict | None, tally: Tally) -> None:
    located = row is not None and row.get("lat") is not None and row.get("lon") is not None
    error = m.haversine_km(t.lat, t.lon, row["lat"], row["lon"]) if located and t.located else None
    if t.located:
        tally.errors.append(error)
    if t.geonames_id is not None:
        predicted = row.get("geonames_id") if row is not None else None
        tally.exact.append((t.geonames_id, predicted))
        if t.located:
            tally.near_or_exact.append(predicted == t.geonames_id or (error is not None and error <= ACCURACY_KM))


def compare(article: Article, rows: list[dict], given: bool) -> Tally:
    """Score one article's geoparse rows. `given`: the rows answer the gold spans one for one, in
    order; else they are warlog's own toponyms, matched to gold by overlap."""
    tally = Tally()
    gold = article.toponyms
    if given:
        for t, row in zip(gold, rows):
            _judge(t, row, tally)
        return tally
    pairs = match([(t.start, t.end) for t in gold], [(r["start"], r["end"]) for r in rows])
    tally.tp, tally.fp, tally.fn = len(pairs), len(rows) - len(pairs), len(gold) - len(pairs)
    for gi, pi in pairs:
        _judge(gold[gi], rows[pi], tally)
    return tally


def section(corpus: Corpus, mode: str, tally: Tally, ids_in_gazetteer: int | None = None) -> Section:
    """The figures of one corpus in one mode (end_to_end | gold_spans): arithmetic over the tally."""
    n_gold = sum(len(a.toponyms) for a in corpus.articles)
    title = f"{TITLE}: {corpus.title}, " + ("end to end" if mode == "end_to_end" else "gold toponyms given")
    notes = NOTES[mode] + NOTES["all"] + NOTES.get(corpus.key, [])
    sec = Section(NAME, f"{corpus.key}_{mode}", title, len(corpus.articles), notes=list(notes))
    published = PUBLISHED.get(corpus.key, {}).get(mode, {})
    if mode == "end_to_end":
        p, r, f = m.prf(tally.tp, tally.fp, tally.fn)
        sec.add("toponym_precision", "toponym precision (span overlap)", p, tally.tp + tally.fp)
        sec.add("toponym_recall", "toponym recall (span overlap)", r, tally.tp + tally.fn)
        sec.add("toponym_f1", "toponym F1", f, tally.tp + tally.fn)
    errors = tally.errors
    found = [e for e in errors if e is not None]
    sec.add("acc_161km", f"within {ACCURACY_KM} km", m.within(errors, ACCURACY_KM), len(errors),
            published=published.get("acc_161km", {}))
    sec.add("median_error_km", "median error", m.median(found), len(found), unit="km", better="lower")
    sec.add("mean_error_km", "mean error", m.mean(found), len(found), unit="km", better="lower")
    sec.add("auc_log_error", "AUC of the log error curve", m.auc_log_error(errors), len(errors),
            unit="number", better="lower")
    if tally.exact:
        sec.add("geonames_exact", "GeoNames id exact", m.accuracy(tally.exact), len(tally.exact),
                published=published.get("geonames_exact", {}))
        hits = tally.near_or_exact
        sec.add("acc_161km_or_exact", f"within {ACCURACY_KM} km or the gold GeoNames id",
                m.ratio(sum(hits), len(hits)), len(hits))
    sec.add("resolved", "toponyms resolved (of those scored for distance)", m.ratio(len(found), len(errors)),
            len(errors), better=None)
    sec.add("gold_toponyms", "gold toponyms", n_gold, n_gold, unit="count", better=None)
    sec.add("realigned", "gold spans realigned", corpus.realigned, n_gold, unit="count", better=None)
    if ids_in_gazetteer is not None and mode == "gold_spans":
        with_id = sum(1 for a in corpus.articles for t in a.toponyms if t.geonames_id is not None)
        sec.add("gold_ids_in_gazetteer", "gold GeoNames ids in warlog's gazetteer", m.ratio(ids_in_gazetteer, with_id),
                with_id, better=None)
    return sec


def _ids_in_gazetteer(corpus: Corpus) -> int | None:
    """How many gold GeoNames ids warlog's gazetteer holds at all: the ceiling of exact match."""
    ids = [t.geonames_id for a in corpus.articles for t in a.toponyms if t.geonames_id is not None]
    if not ids:
        return None
    from ..places import Gazetteer

    gz = Gazetteer.open()
    try:
        known = {i for i in set(ids) if gz.by_geonames_id(i) is not None}
    finally:
        gz.close()
    return sum(1 for i in ids if i in known)


def geoparse_article(item: tuple[str, list[tuple[int, int]], bool]) -> tuple[list[dict], list[dict]]:
    """An article's rows end to end and with its gold spans given (a worker process's task)."""
    from .. import geoparse

    text, spans, demonyms = item
    return geoparse(text, demonyms=demonyms), (geoparse(text, spans=spans) if spans else [])


def score(paths: list[Path], runner: Runner) -> list[Section]:
    corpora = [load(path) for path in paths]
    # gold spans given: the toponyms that have a gold place (coordinates or a GeoNames id)
    given_gold = [[[t for t in a.toponyms if t.located or t.geonames_id is not None] for a in c.articles]
                  for c in corpora]
    items = [(a.text, [(t.start, t.end) for t in gold], c.key in DEMONYMS)
             for c, golds in zip(corpora, given_gold) for a, gold in zip(c.articles, golds)]
    # both corpora in one pass: one pool, one model load per worker
    parsed = runner.map(geoparse_article, items, label=NAME, chunksize=4)
    sections = []
    for corpus, golds in zip(corpora, given_gold):
        end_to_end, given = Tally(), Tally()
        for article, gold in zip(corpus.articles, golds):
            own, answers = next(parsed)
            end_to_end += compare(article, own, given=False)
            given += compare(Article(article.text, gold), answers, given=True)
        sections.append(section(corpus, "end_to_end", end_to_end))
        sections.append(section(corpus, "gold_spans", given, _ids_in_gazetteer(corpus)))
    return sections

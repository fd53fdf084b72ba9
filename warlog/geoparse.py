"""Geoparsing: the toponyms of a text, each resolved to a gazetteer place.

The event pipeline's own steps (pipeline.Extractor: parse, mentions, all toponyms of the document
resolved together), stopped before events. With `spans`, the caller's toponym spans replace the
ones warlog finds (the "gold toponyms given" setting of geoparser evaluations); the document's
context (its countries, containing places, neighbours) is built around them the same way.

    >>> warlog.geoparse("Syrian troops retook Palmyra on Thursday.")
    [{'text': 'Palmyra', 'start': 21, 'end': 28, 'name': 'Tadmur', 'geonames_id': 163808, 'country': 'SYR', ...}]

DOCS: README.md (the `warlog geoparse` command and the Python API).
"""
from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

if TYPE_CHECKING:  # spaCy and the gazetteer load on first use: `import warlog` stays quick
    from .places import Context, Place, Resolved, Toponym
    from .record import Document

# Our feature kinds as GeoNames feature classes (A: country, state, region; P: city, village;
# L: area; S: spot, building; H: water; T: mountain, hill, desert).
FEATURE_CLASS = {"country": "A", "admin1": "A", "admin2": "A", "city": "P", "town": "P", "village": "P",
                 "continent": "L", "landmark": "S", "water": "H", "mountain": "T", "desert": "T"}
EXPLAIN_CANDIDATES = 5


def feature_class(place: Place) -> str:
    if place.feature == "region":  # ISO 3166-2 regions are administrative; our own are areas
        return "A" if place.place_id.startswith("iso:") else "L"
    return FEATURE_CLASS.get(place.feature, "L")


def geoparse_documents(extractor, documents: Iterable[Document], spans: Sequence | None = None,
                       explain: bool = False, demonyms: bool = False) -> Iterator[tuple[Document, list[dict]]]:
    """Each document with its toponym rows (offsets index `Document.text`), in order. `spans`,
    one list of (start, end) per document, resolves exactly those spans, one row each, in the
    order given. `demonyms` adds the nationality and regional adjectives ("Syrian", "European")
    as rows of kind "demonym", each resolved to its country or region."""
    from .places import infer_unknown

    for i, (doc, sdocs) in enumerate(extractor.parse_many(documents)):
        mentions, toponyms = extractor.mentions(doc, sdocs)
        position = None
        if spans is not None:
            mentions, toponyms, position = _given(extractor, mentions, spans[i], doc.text)
        else:
            _add_datelines(extractor, mentions, toponyms)
        context, places = extractor.resolve_places(mentions, toponyms)
        places = infer_unknown(extractor.gazetteer, toponyms, context, places)
        rows = [_row(doc.text, t, r) for t, r in zip(toponyms, places)]
        if explain:
            for k, (row, r) in enumerate(zip(rows, places)):
                row["explain"] = _explain(k, toponyms, r, context)
        if position is not None:
            rows = [rows[j] for j in position]
        elif demonyms:
            rows = sorted(rows + _demonym_rows(extractor, sdocs, rows, doc.text), key=lambda r: r["start"])
        if doc.input_id is not None:
            for row in rows:
                row["input_id"] = doc.input_id
        yield doc, rows


def geoparse(text: str, *, spans: Sequence[tuple[int, int]] | None = None, explain: bool = False,
             demonyms: bool = False, extractor=None) -> list[dict]:
    """The toponyms of `text`, each resolved to a gazetteer place with the whole text as context:
    dicts with text, start, end (offsets in `text` as given), name, geonames_id, lat, lon, country
    (ISO3), feature_class (GeoNames class letter), score (0..1), kind ("name"; "demonym" for
    "Syrian" or "European", reported only with `demonyms=True`; "inferred" for a name the
    gazetteer lacks, placed by what surrounds it). `spans=[(start, end), ...]`
    resolves exactly those spans instead, one row each, in the order given. `explain` adds,
    per toponym, the candidates weighed with their scores and the context used. `extractor`:
    a pipeline.Extractor to use instead of the process's own (`default_extractor()`)."""
    from .documents import read_text
    from .pipeline import default_extractor
    from .places import Toponym

    if spans is not None:
        spans = [(int(s), int(e)) for s, e in spans]
        bad = next(((s, e) for s, e in spans if not 0 <= s <= e <= len(text)), None)
        if bad is not None:
            raise ValueError(f"span {bad} is not inside the text (0 <= start <= end <= {len(text)})")
    if not text.strip():
        return [_row(text, Toponym(text[s:e], s, e), None) for s, e in spans or ()]
    document = read_text(text)
    align = Alignment(text, document.text)
    given = None if spans is None else [[align.to_doc(s, e) for s, e in spans]]
    _, rows = next(geoparse_documents(extractor or default_extractor(), [document], given, explain, demonyms))
    if spans is None:
        return align.rows_to_given(rows, text)
    for row, (start, end) in zip(rows, spans):  # the caller's own span, whatever the document made of it
        row["start"], row["end"], row["text"] = start, end, text[start:end]
    return rows


def _row(text: str, t: Toponym, r: Resolved | None) -> dict:
    p = r.place if r is not None else None
    return {
        "text": text[t.start:t.end], "start": t.start, "end": t.end,
        "name": p and p.name, "geonames_id": p and p.geonames_id,
        "lat": p and p.lat, "lon": p and p.lon, "country": p and p.country3,
        "feature_class": p and feature_class(p), "score": round(r.score, 3) if r is not None else 0.0,
        "kind": "inferred" if r is not None and r.fallback else "name",
    }


def _add_datelines(extractor, mentions: list, toponyms: list) -> None:
    """A paragraph opening with a place name in capitals ("EDMONTON —", "BERLIN (Reuters) -") is a
    dateline: the place is a toponym, looked up as a name ("Edmonton"). spaCy tags few of them."""
    from .mentions import add_place

    for ms in mentions:
        doc = ms.doc
        n = 0
        while n < min(len(doc), 4) and doc[n].is_upper and doc[n].is_alpha and len(doc[n]) > 2:
            n += 1
        if not n or n == len(doc) or doc[n].is_upper and doc[n].is_alpha:
            continue
        ent = doc[:n]
        if any(m.start < n and m.kind == "place" for m in ms.items):
            continue
        name = ent.text.title()
        if not any(m.kind <= 2 and not m.skeleton for m in extractor.gazetteer.matches(name)):
            continue
        add_place(ms, ent, (ms.offset + ent.start_char, ms.offset + ent.end_char), toponyms, "GPE", text=name)


def _demonym_rows(extractor, sdocs, rows: list[dict], text: str) -> list[dict]:
    """Rows for the nationality and regional adjectives ("Syrian", "European") outside the
    toponyms, and for country names the pipeline took as actors ("U.S." in "U.S. troops").
    Nouns for people ("Syrians", "Cubans") are not places. Only `warlog geoparse` reports these:
    for events a nationality is an actor's, never a place."""
    taken = [(r["start"], r["end"]) for r in rows]
    out = []

    def add(start: int, end: int, place, kind: str) -> None:
        taken.append((start, end))
        out.append({"text": text[start:end], "start": start, "end": end, "name": place.name,
                    "geonames_id": place.geonames_id, "lat": place.lat, "lon": place.lon,
                    "country": place.country3, "feature_class": feature_class(place), "score": 1.0,
                    "kind": kind})

    for offset, sd in sdocs:
        spans = [sd[e.start:e.end] for e in sd.ents if e.label_ in ("NORP", "GPE")]
        spans += [sd[t.i:t.i + 1] for t in sd if t.ent_type_ not in ("NORP", "GPE") and (t.is_title or t.is_upper)]
        for span in spans:
            start, end = offset + span.start_char, offset + span.end_char
            if any(s < end and start < e for s, e in taken) or span[-1].tag_ in ("NNPS", "NNS"):
                continue
            # a country's name: as tagged by spaCy, or an abbreviation ("U.S.", "UK") anywhere
            named = span.root.ent_type_ == "GPE" or (len(span) == 1 and "." in span.text and span.text.isupper())
            country = extractor.gazetteer.country(span.text) if named else None
            if country is not None:
                add(start, end, country, "name")
                continue
            place = _demonym_place(extractor, span.text)
            if place is not None:
                add(start, end, place, "demonym")
    return out


def _explain(k: int, toponyms: list[Toponym], r: Resolved | None, context: Context) -> dict:
    """Why toponym k resolved as it did: what the document said around it, and the best candidates."""
    container = context.container.get(k)
    return {
        "hint": toponyms[k].hint,
        "document_countries": list(context.countries),
        "container": toponyms[container].text if container is not None else None,
        "candidates": [] if r is None else [
            {"name": p.name, "geonames_id": p.geonames_id, "country": p.country3, "feature_class": feature_class(p),
             "lat": p.lat, "lon": p.lon, "score": score, "why": why}
            for p, score, why in r.candidates[:EXPLAIN_CANDIDATES]],
    }


def _given(extractor, mentions: list, spans: Sequence[tuple[int, int]], text: str):
    """The paragraphs' mentions with their place mentions replaced by the given spans (an actor
    under a given span gives way). Toponyms come in text order; `position[k]` is where span k went.
    A nationality given as a toponym ("Russian") is looked up as its country: the pipeline never
    takes one for a place itself, so the gazetteer knows none (or only a namesake village)."""
    from .mentions import Mentions, add_place
    from .places import Toponym

    order = sorted(range(len(spans)), key=lambda k: (spans[k][0], spans[k][1], k))
    targets: list[tuple[int, object]] = []  # (paragraph, token span) per span in text order
    starts = [ms.offset for ms in mentions]
    for k in order:
        start, end = spans[k]
        p = bisect_right(starts, start) - 1
        ent = None
        if p >= 0 and end - mentions[p].offset <= len(mentions[p].doc.text):
            ms = mentions[p]
            ent = ms.doc.char_span(start - ms.offset, end - ms.offset, alignment_mode="expand")
        targets.append((p, ent if ent is not None and len(ent) else None))
    kept = []
    for p, ms in enumerate(mentions):
        covered = {i for q, ent in targets if q == p and ent is not None for i in range(ent.start, ent.end)}
        new = Mentions(ms.doc, ms.offset)
        new.items = [m for m in ms.items if m.kind != "place" and covered.isdisjoint(range(m.start, m.end))]
        new.by_token = {i: m for i, m in ms.by_token.items() if m.kind != "place" and i not in covered}
        kept.append(new)
    toponyms: list[Toponym] = []
    for k, (p, ent) in zip(order, targets):
        start, end = spans[k]
        place = _demonym_place(extractor, text[start:end])
        name = place.name if place is not None else text[start:end]
        if ent is None:  # outside any paragraph, or across two: no sentence context
            toponyms.append(Toponym(name, start, end))
        else:
            add_place(kept[p], ent, (start, end), toponyms, "GPE", text=name)
    for ms in kept:
        ms.items.sort(key=lambda m: (m.start, m.kind != "place"))
    position = [0] * len(spans)
    for i, k in enumerate(order):
        position[k] = i
    return kept, toponyms, position


def _demonym_place(extractor, word: str) -> Place | None:
    """'Russian' -> Russia, 'European' -> Europe; None for anything that is not a nationality or
    a region's adjective (a country's own name included)."""
    from .places.resolve import demonyms

    word = " ".join(word.split())
    region = demonyms().get(word)
    if region is not None:
        found = extractor.gazetteer.candidates(region, limit=1)
        return found[0] if found else None
    code = extractor.kb.country_of_adjective(word)
    if code is None or extractor.gazetteer.country(word) is not None:
        return None
    return extractor.gazetteer.country(code)


class Alignment:
    """Offsets between the caller's text and the document text made of it (spaces, line breaks
    and accents normalised, invisible characters and boilerplate lines dropped). Words are
    aligned with difflib, then the characters between two aligned words; an offset is carried
    from the nearest aligned character before it."""

    _WORD = re.compile(r"\S+")

    def __init__(self, given: str, doc: str):
        self.same = given == doc
        if self.same:
            return
        gw = [(m.start(), m.end()) for m in self._WORD.finditer(given)]
        dw = [(m.start(), m.end()) for m in self._WORD.finditer(doc)]
        matcher = difflib.SequenceMatcher(None, [given[a:b] for a, b in gw], [doc[a:b] for a, b in dw],
                                          autojunk=False)
        pairs = []  # (doc offset, given offset) where a run of equal characters starts
        g_end = d_end = 0
        for a, b, n in matcher.get_matching_blocks():
            g_next = gw[a][0] if a < len(gw) else len(given)
            d_next = dw[b][0] if b < len(dw) else len(doc)
            if g_next > g_end and d_next > d_end:  # the words in between changed: align their characters
                inner = difflib.SequenceMatcher(None, given[g_end:g_next], doc[d_end:d_next], autojunk=False)
                pairs += [(d_end + j, g_end + i) for i, j, k in inner.get_matching_blocks() if k]
            pairs += [(dw[b + j][0], gw[a + j][0]) for j in range(n)]
            if n:
                g_end, d_end = gw[a + n - 1][1], dw[b + n - 1][1]
        self.doc_to_given = pairs  # both columns rise together: matching blocks keep the order
        self.given_to_doc = [(g, d) for d, g in pairs]
        self.doc_starts = [d for d, _ in pairs]
        self.given_starts = [g for _, g in pairs]

    @staticmethod
    def _carry(table: list[tuple[int, int]], keys: list[int], pos: int) -> int:
        i = bisect_right(keys, pos) - 1
        if i < 0:
            return pos
        src, dst = table[i]
        return dst + (pos - src)

    def to_given(self, start: int, end: int) -> tuple[int, int]:
        if self.same:
            return start, end
        return (self._carry(self.doc_to_given, self.doc_starts, start),
                self._carry(self.doc_to_given, self.doc_starts, max(end - 1, start)) + 1)

    def rows_to_given(self, rows: list[dict], given: str) -> list[dict]:
        """Rows with start/end in the document text moved to the caller's text, `text` re-cut from it."""
        for row in rows:
            row["start"], row["end"] = self.to_given(row["start"], row["end"])
            row["text"] = given[row["start"]:row["end"]]
        return rows

    def to_doc(self, start: int, end: int) -> tuple[int, int]:
        if self.same:
            return start, end
        return (self._carry(self.given_to_doc, self.given_starts, start),
                self._carry(self.given_to_doc, self.given_starts, max(end - 1, start)) + 1)


def format_table(rows: list[dict], explain: bool = False) -> str:
    """Toponym rows as a plain-text table for terminals; with `explain`, the candidates and
    context under each row."""
    lines = [f"{'span':>11}  {'toponym':24}  {'place':28}  {'ctry':4}  {'cl':2}  {'lat':>9}  {'lon':>10}  "
             f"{'score':>5}  geonames"]
    for r in rows:
        lat = f"{r['lat']:.4f}" if r["lat"] is not None else "-"
        lon = f"{r['lon']:.4f}" if r["lon"] is not None else "-"
        place = _clip(r["name"] or "(unresolved)", 28)
        lines.append(f"{r['start']:>5}-{r['end']:<5}  {_clip(r['text'], 24):24}  {place:28}  "
                     f"{r['country'] or '-':4}  {r['feature_class'] or '-':2}  {lat:>9}  {lon:>10}  "
                     f"{r['score']:>5.2f}  {r['geonames_id'] or '-'}")
        why = r.get("explain")
        if explain and why:
            context = [f"document countries {', '.join(why['document_countries']) or '-'}"]
            if why["container"]:
                context.append(f"inside {why['container']}")
            if why["hint"]:
                context.append(f"hint '{why['hint']}'")
            lines.append(f"{'':13}context: {'; '.join(context)}")
            for c in why["candidates"]:
                lines.append(f"{'':13}{c['score']:7.2f}  {c['name']} [{c['geonames_id'] or '-'}] {c['country'] or '-'} "
                             f"{c['feature_class']}: {c['why']}")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"

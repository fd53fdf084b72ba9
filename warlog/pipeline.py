"""From documents to events: parse, find mentions, resolve places for the whole document, find events.

`Extractor` holds what is costly to load (spaCy model, knowledge base, gazetteer) and is reused
across documents; `process_shard` is the batch unit that worker processes (and later a Dask
cluster) run: a list of documents in, their events out.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from . import dates, genre
from .about import __version__
from .actors import KnowledgeBase
from .events import DocContext, EventFinder, classify
from .mentions import PLACE_HINTS, Mentions, find_mentions
from .nlp import load as load_nlp
from .nlp import straighten
from .places import Context, Gazetteer, Toponym, normalise
from .record import Document, Event

log = logging.getLogger(__name__)
_PARAGRAPH = re.compile(r"\n\s*\n")
# "BAGHDAD, Nov 4, 2017 -", "BEIRUT (Reuters) -": a wire dateline, parsed apart from its sentence
# (left in, the parser takes the city for the subject of the first event).
_DATELINE = re.compile(
    r"^[A-Z][A-Z'.\- ]{2,40}(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?\s*"
    r"(?:,\s*[A-Z][a-z]{2,9}\.? \d{1,2}(?:,? \d{4})?|,\s*\d{1,2} [A-Z][a-z]+(?: \d{4})?)?\s*"
    r"(?:\([A-Za-z .]+\))?\s*[-\u2013\u2014]+\s*")
CONTAINER_HINTS = {"province", "governorate", "region", "district", "countryside"}
# What a name after "X, " must be able to mean to hold X: its likeliest readings are searched.
UNIT_FEATURES = {"country", "admin1", "admin2", "region", "city"}
UNIT_READINGS = 5


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each paragraph; blank lines separate them."""
    out, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        if m.start() > pos:
            out.append((pos, text[pos:m.start()]))
        pos = m.end()
    if pos < len(text):
        out.append((pos, text[pos:]))
    out = [(o, t) for o, t in out if t.strip()]
    if out:
        off, first = out[0]
        m = _DATELINE.match(first)
        if m and m.end() < len(first):
            out[0:1] = [(off, first[:m.end()]), (off + m.end(), first[m.end():])]
    return out


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """The package version plus a hash of the rule data, so that output from changed rules is told apart."""
    h = hashlib.sha256()
    data = Path(__file__).resolve().parent / "data"
    for path in sorted(data.rglob("*")):
        if path.is_file() and path.suffix in (".json", ".jsonl", ".tsv", ".txt"):
            h.update(path.relative_to(data).as_posix().encode())
            h.update(path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:8]}"


class Extractor:
    def __init__(self, kb: KnowledgeBase | None = None, gazetteer: Gazetteer | None = None, actor_files=(),
                 model: str | None = None):
        self.kb = kb or KnowledgeBase.load(list(actor_files))
        self.gazetteer = gazetteer or Gazetteer.open()
        entries = [(form, label, f"actor:{aid}") for form, label, aid in self.kb.patterns()]
        # places last: for a form that is both (a country name), the place wins and the
        # knowledge base still supplies the actor when the place acts ("Iran helped ...")
        entries += [(form, label, f"place:{pid}") for form, label, pid in self.gazetteer.patterns()]
        self.nlp = load_nlp(entries)
        event_model = classify.load(model) if model else None  # `warlog train` output, --model / WARLOG_MODEL
        self.finder = EventFinder(self.kb, self.gazetteer, model=event_model)
        self.version = extractor_version() + (f".model-{event_model.digest}" if event_model else "")

    def extract(self, document: Document) -> list[Event]:
        return next(self.extract_many([document]))[1]

    def extract_many(self, documents: Iterable[Document], batch_size: int = 64) -> Iterator[tuple[Document, list[Event]]]:
        """Events of each document, in order. Paragraphs of many documents go through spaCy together."""
        for doc, sdocs in self.parse_many(documents, batch_size):
            yield doc, self._events(doc, sdocs)

    def parse_many(self, documents: Iterable[Document], batch_size: int = 64) -> Iterator[tuple[Document, list]]:
        """Each document with its parsed paragraphs, [(offset in the text, spaCy Doc)], in order."""
        batch: list[Document] = []
        for doc in documents:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._parse(batch)
                batch = []
        if batch:
            yield from self._parse(batch)

    def _parse(self, docs: list[Document]) -> Iterator[tuple[Document, list]]:
        paras = [paragraphs(d.text) for d in docs]
        texts = (straighten(t) for ps in paras for _, t in ps)
        parsed = iter(self.nlp.pipe(texts, batch_size=256))
        for doc, ps in zip(docs, paras):
            yield doc, [(off, next(parsed)) for off, _ in ps]

    def mentions(self, doc: Document, sdocs) -> tuple[list[Mentions], list[Toponym]]:
        """The mentions of each parsed paragraph and the document's toponyms, in text order."""
        toponyms: list[Toponym] = []
        mentions = [find_mentions(sd, off, self.kb, toponyms, doc.published, self.gazetteer) for off, sd in sdocs]
        return mentions, toponyms

    def resolve_places(self, mentions: list[Mentions], toponyms: list[Toponym]) -> tuple[Context, list]:
        """The document's context and a place (Resolved or None) for each toponym, all resolved together."""
        context = self._context(mentions, toponyms)
        return context, (self.gazetteer.resolve(toponyms, context) if toponyms else [])

    def _events(self, doc: Document, sdocs) -> list[Event]:
        mentions, toponyms = self.mentions(doc, sdocs)
        context, places = self.resolve_places(mentions, toponyms)
        if doc.genre is None:
            doc.genre = genre.detect(doc.text, doc.title)
        ctx = DocContext(doc_id=doc.doc_id, text=doc.text, published=doc.published,
                         places=places, resolve_date=dates.resolve, countries=list(context.countries), genre=doc.genre)
        events: list[Event] = []
        for ms in mentions:
            ctx.last_date = None
            for sent in ms.doc.sents:
                events += self.finder.find(sent, ms, ctx)
        published = doc.published.isoformat() if doc.published else None
        for ev in events:
            ev.source_url, ev.publisher, ev.published_at, ev.genre = doc.url, doc.publisher, published, doc.genre
            ev.input_id, ev.language, ev.extractor_version = doc.input_id, doc.language, self.version
        return events

    def _context(self, mentions, toponyms) -> Context:
        """The document's countries (from its actors and country names) and which toponym
        contains which ("Hader ... in Quneitra province", "Raqqa, Syria")."""
        counts: Counter = Counter()
        container: dict[int, int] = {}
        named_by: dict[str, set[str] | None] = {}  # country -> the place names that alone put it there
        named: set[str] = set()  # countries of an actor or named as such: not a town's guess
        for ms in mentions:
            for m in ms.items:
                if m.kind == "actor" and m.actor and m.actor.country:
                    counts[m.actor.country] += 1
                    named_by[m.actor.country] = None
                    named.add(m.actor.country)
                elif m.kind == "place":
                    country = self.gazetteer.country(m.text)
                    if country is not None and country.country3:
                        code, weight = country.country3, 2
                        named.add(code)
                    else:  # a town counts for its most likely country
                        top = self.gazetteer.candidates(m.text, limit=1)
                        code, weight = (top[0].country3, 1) if top and top[0].country3 else (None, 0)
                    if code:
                        counts[code] += weight
                        if named_by.get(code, set()) is not None:
                            named_by.setdefault(code, set()).add(normalise(m.text))
            for sent in ms.doc.sents:
                in_sent = [m for m in ms.of_kind("place", sent)]
                holders = [m for m in in_sent if m.hint in CONTAINER_HINTS]
                for m in in_sent:
                    for h in holders:
                        if h is m or m.toponym is None or self._is_country(m.text):
                            continue
                        if self._possessive_of(ms.doc, m, h):
                            # "Aleppo's Azaz district": the possessor holds the district
                            container.setdefault(h.toponym, m.toponym)
                        else:
                            container.setdefault(m.toponym, h.toponym)
                for k, (a, b) in enumerate(zip(in_sent, in_sent[1:])):
                    # "Raqqa, Syria", "Hays (Hudaydah)": a comma or bracket between them, a bigger unit after
                    # it, and no list ("Raqqa, Hasakah, Deir Ezzor") nor a country before it
                    # ("in Russia, U.S. officials said")
                    if not self._comma_between(ms.doc, a, b) or self._is_country(a.text) \
                            or not self._unit_like(b.text):
                        continue
                    if k + 2 < len(in_sent) and self._list_after(ms.doc, b, in_sent[k + 2]):
                        continue
                    if k > 0 and self._comma_between(ms.doc, in_sent[k - 1], a):
                        continue
                    container.setdefault(a.toponym, b.toponym)
        own = {c: frozenset(texts) for c, texts in named_by.items() if texts is not None and len(texts) == 1}
        guessed = {c: frozenset(texts) for c, texts in named_by.items() if c not in named and texts}
        return Context(countries=[c for c, _ in counts.most_common()], container=container, own=own,
                       guessed=guessed)

    def _is_country(self, text: str) -> bool:
        return self.gazetteer.country(text) is not None

    def _unit_like(self, text: str) -> bool:
        """Can the name hold other places: a country, province or district, or a city (which
        holds its neighbourhoods) among its likely readings."""
        return self._is_country(text) or any(
            m.place.feature in UNIT_FEATURES for m in self.gazetteer.matches(text)[:UNIT_READINGS])

    @staticmethod
    def _comma_between(doc, a, b) -> bool:
        """'A, B' or 'A (B', also after a hint word ('Qandala town (Bari'): the ways a report
        puts a place's province or country after it."""
        between = [t.lower_ for t in doc[a.end:b.start]]
        if len(between) == 2 and between[0] in PLACE_HINTS:
            between = between[1:]
        return between in ([","], ["("])

    @staticmethod
    def _list_after(doc, b, c) -> bool:
        """'B, C' or 'B and C' after 'A, B': the three are a list, not a chain of containers."""
        between = [t.lower_ for t in doc[b.end:c.start]]
        return between in ([","], ["and"], [",", "and"], ["or"], [",", "or"])

    @staticmethod
    def _possessive_of(doc, m, h) -> bool:
        between = doc[m.end:h.start]
        return len(between) == 1 and between[0].tag_ == "POS"


def default_extractor(actor_files: tuple = ()) -> Extractor:
    """One extractor per process, built on first use (model, knowledge base and gazetteer load once);
    the event-type model is the file WARLOG_MODEL names, if any (`--model` sets it)."""
    return _extractor(actor_files, os.environ.get(classify.MODEL_ENV) or None)


@lru_cache(maxsize=2)
def _extractor(actor_files: tuple, model: str | None) -> Extractor:
    return Extractor(actor_files=actor_files, model=model)


def process_shard(job: tuple[list[Document], tuple]) -> list[tuple[Document, list[Event]]]:
    """The batch unit: (documents, actor files) in, each document with its events out. Runs in
    worker processes now and on Dask workers later; pure apart from the per-process extractor
    it builds on first call."""
    documents, actor_files = job
    return list(default_extractor(tuple(actor_files)).extract_many(documents))

"""Entities: every actor and place a text names, typed, whether or not it takes part in an event.

The event pipeline's own mentions (the dictionary matcher, NER, typed head nouns such as
"militants"), the same steps as `warlog.geoparse`, stopped before events; places are resolved
with the whole document as context.

    >>> warlog.entities("Turkish jets struck PKK positions near Amadiya, Iraqi officials said.")
    [{'text': 'Turkish jets', 'type': 'organisation', 'actor_id': 'military-tur', ...},
     {'text': 'PKK', 'type': 'organisation', ...}, {'text': 'Amadiya', 'type': 'place', ...}, ...]

Types: person (a knowledge-base person, or a PERSON name), organisation (a named group, state
force, government, institution or outlet), group (an unnamed collective typed by its head noun:
"militants", "civilians", "protesters"), identity (an ethnic or religious group, a people),
place (a toponym). DOCS: README.md (the Python API).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:  # spaCy and the gazetteer load on first use: `import warlog` stays quick
    from .mentions import Mention
    from .record import Document

TYPES = ("person", "organisation", "group", "identity", "place")
IDENTITY_KINDS = {"ethnic_group", "religious_group"}
# An actor the knowledge base does not know is typed by how it was found.
LABEL_TYPES = {"PERSON": "person", "NORP": "identity", "NOUN": "group"}


def entity_type(mention: Mention, kb) -> str:
    if mention.kind == "place":
        return "place"
    ref = mention.actor
    actor = kb.get(ref.actor_id) if ref is not None and ref.actor_id else None
    if actor is not None:
        if actor.kind == "person":
            return "person"
        return "identity" if actor.kind in IDENTITY_KINDS else "organisation"
    return LABEL_TYPES.get(mention.label or "", "organisation")


def _place(resolved) -> dict | None:
    from .geoparse import feature_class

    if resolved is None:
        return None
    p = resolved.place
    return {"name": p.name, "geonames_id": p.geonames_id, "lat": p.lat, "lon": p.lon, "country": p.country3,
            "feature_class": feature_class(p)}


def _row(m: Mention, kb, places: list) -> dict:
    place = _place(places[m.toponym]) if m.kind == "place" and m.toponym is not None else None
    ref = m.actor  # for a place, the actor it is when it acts ("Iran helped ..."), if any
    if m.kind == "place":
        name, country = (place["name"], place["country"]) if place else (None, None)
    else:
        name, country = (ref.canonical or None, ref.country) if ref is not None else (None, None)
    return {"text": m.text, "start": m.char_start, "end": m.char_end, "type": entity_type(m, kb),
            "actor_id": ref.actor_id if ref is not None else None, "name": name, "country": country,
            "place": place}


def entities_documents(extractor, documents: Iterable[Document]) -> Iterator[tuple[Document, list[dict]]]:
    """Each document with its entity rows (offsets index `Document.text`), in text order."""
    for doc, sdocs in extractor.parse_many(documents):
        mentions, toponyms = extractor.mentions(doc, sdocs)
        _, places = extractor.resolve_places(mentions, toponyms)
        rows = [_row(m, extractor.kb, places) for ms in mentions for m in ms.items if m.kind in ("actor", "place")]
        yield doc, sorted(rows, key=lambda r: (r["start"], r["end"]))


def entities(text: str, published=None, *, extractor=None) -> list[dict]:
    """The actors and places `text` names: dicts with text, start, end (offsets in `text` as
    given), type (one of TYPES), actor_id (the knowledge base's actor; for a place, the state it
    stands for when it acts, if any), name (the actor's canonical name or the place's), country
    (ISO3) and place (the resolved place: name, geonames_id, lat, lon, country, feature_class;
    None for actors and unresolved toponyms). `published` dates the knowledge base's answers
    (who held an office, what a group was called then)."""
    from .documents import read_text
    from .geoparse import Alignment
    from .pipeline import default_extractor

    document = read_text(text, published=published)
    align = Alignment(text, document.text)
    _, rows = next(entities_documents(extractor or default_extractor(), [document]))
    return align.rows_to_given(rows, text)

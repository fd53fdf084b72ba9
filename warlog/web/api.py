"""The JSON API (read-only): events with the filter bar's filters, map points, timeline counts,
actors, documents, places, statistics and downloads. Pages are drawn from these same answers.

Large answers go out as JSONResponse directly: FastAPI's default path walks every value through
its encoder, which costs more than the query itself for 100,000 map points.
"""
from __future__ import annotations

import threading
from typing import Annotated, Iterator, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse

from ..actors import KnowledgeBase
from ..errors import NotFoundError
from ..filters import EventFilter
from ..store import Store
from . import annotate, download, queries
from .params import EventQuery, Page, country_code

router = APIRouter(prefix="/api", default_response_class=JSONResponse)
MMAP_BYTES = 1 << 30
Filters = Annotated[EventQuery, Query()]


def open_store(request: Request) -> Iterator[Store]:
    """One connection per request: SQLite connections are cheap, and WAL lets readers run beside a writer."""
    store = Store(request.app.state.store_path)
    # reads through a memory map skip a copy per page: a fresh connection has no page cache of its own
    store.conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(open_store)]
_kb_lock = threading.Lock()
_kb: list[KnowledgeBase] = []


def knowledge_base() -> KnowledgeBase:
    """The built-in knowledge base, loaded on the first actor page (0.4 s), then kept."""
    with _kb_lock:
        if not _kb:
            _kb.append(KnowledgeBase.load())
        return _kb[0]


@router.get("/events", summary="Filtered events, one page at a time")
def events(store: StoreDep, filters: Filters, page: Annotated[Page, Query()]) -> JSONResponse:
    total, events = store.page(filters.to_filter(), page.limit, page.offset, countries=country_code, sort=page.sort)
    return JSONResponse({"total": total, "limit": page.limit, "offset": page.offset, "sort": page.sort,
                         "events": events})


@router.get("/events/{event_id}", summary="One event record")
def event(store: StoreDep, event_id: str) -> dict:
    return store.event(event_id)


@router.get("/events/{event_id}/source", summary="An event's document, with the event's mentions marked")
def event_source(store: StoreDep, event_id: str) -> dict:
    rec = store.event(event_id)
    doc = store.document(rec["doc_id"])
    if doc is None:
        raise NotFoundError(f"document {rec['doc_id']} of event {event_id} is not in the store")
    return {"document": doc, "marks": annotate.document_marks([rec], doc["text"])}


@router.get("/points", summary="Located events for the map, as columns")
def points(store: StoreDep, filters: Filters) -> Response:
    return Response(queries.points_json(store, filters.to_filter()), media_type="application/json")


@router.get("/timeline", summary="Events per day or week, by category")
def timeline(store: StoreDep, filters: Filters, interval: Literal[queries.INTERVALS] = "week") -> JSONResponse:
    return JSONResponse(queries.timeline(store, filters.to_filter(), interval))


@router.get("/export", summary="Download the filtered events (same writers as `warlog export`)",
            response_class=StreamingResponse)
def export(request: Request, filters: Filters,
           format: Literal[tuple(download.FORMATS)] = "acled-csv") -> StreamingResponse:  # noqa: A002
    media, name = download.FORMATS[format]
    return StreamingResponse(download.stream(request.app.state.store_path, filters.to_filter(), format),
                             media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/actors", summary="Actors of the filtered events, with counts")
def actors(store: StoreDep, filters: Filters) -> JSONResponse:
    flt = filters.to_filter()
    return JSONResponse({"actors": store.actors(flt, countries=country_code)})


@router.get("/actors/{key:path}", summary="One actor: knowledge base entry, events on both sides, network")
def actor(store: StoreDep, key: str, filters: Filters, limit: int = Query(100, ge=1, le=1000)) -> JSONResponse:
    summary = queries.actor_summary(store, key)
    if summary is None:
        raise HTTPException(404, f"no actor {key!r} in the stored events")
    flt = filters.to_filter()
    kb = knowledge_base().get(summary["actor_id"]) if summary["actor_id"] else None
    return JSONResponse({
        "actor": summary,
        "knowledge_base": _kb_entry(kb) if kb else None,
        "as_actor": queries.actor_events(store, key, "actor", flt, limit),
        "as_recipient": queries.actor_events(store, key, "recipient", flt, limit),
        "network": queries.network(store, key, flt),
    })


def _kb_entry(actor) -> dict:
    kb = knowledge_base()

    def name(actor_id: str) -> str:
        other = kb.get(actor_id)
        return other.name if other else actor_id

    return {
        "id": actor.id, "name": actor.name, "kind": actor.kind, "type": actor.type, "country": actor.country,
        "aliases": list(actor.aliases), "acled_name": actor.acled_name, "founded": actor.founded,
        "dissolved": actor.dissolved, "notes": actor.notes,
        "memberships": [{"parent": m.parent, "parent_name": name(m.parent), "start": m.start, "end": m.end,
                         "role": m.role} for m in actor.memberships],
        "members": [{"id": other.id, "name": other.name, "role": m.role, "start": m.start, "end": m.end}
                    for other in kb for m in other.memberships if m.parent == actor.id],
        "positions": [{"title": p.title, "org": p.org, "country": p.country, "start": p.start, "end": p.end}
                      for p in actor.positions],
        "renamed": [{"from": r.from_id, "from_name": name(r.from_id), "date": r.date} for r in actor.renamed],
    }


@router.get("/documents", summary="Stored documents")
def documents(store: StoreDep, limit: int = Query(100, ge=1, le=10000), offset: int = Query(0, ge=0)) -> dict:
    return {"total": store.stats()["documents"], "limit": limit, "offset": offset,
            "documents": store.documents(limit=limit, offset=offset)}


@router.get("/documents/{doc_id}", summary="One document: its text, its events and every annotation")
def document(store: StoreDep, doc_id: str) -> JSONResponse:
    doc = store.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r} in the store")
    records = sorted(store.events(EventFilter(doc_id=doc_id)), key=lambda r: (r["span"][0], r["event_id"]))
    return JSONResponse({"document": doc, "events": records, "marks": annotate.document_marks(records, doc["text"])})


@router.get("/places", summary="Places of the filtered events, with counts")
def places(store: StoreDep, filters: Filters, limit: int = Query(1000, ge=1, le=100000)) -> JSONResponse:
    return JSONResponse({"places": queries.places(store, filters.to_filter(), limit)})


@router.get("/stats", summary="Store totals and counts of the filtered events")
def stats(store: StoreDep, filters: Filters) -> dict:
    return {"store": store.stats(), "filtered": queries.breakdown(store, filters.to_filter())}

"""HTML pages: shells rendered by Jinja (autoescape on) that their scripts fill from the JSON API.

Every page of events carries the filter bar, a plain GET form whose field names are the API's,
so a page's URL is its filter and the links between pages keep it.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from .. import countries
from ..about import __version__
from ..record import ACTOR_TYPES, MODALITIES
from ..store import Store
from . import queries
from .params import EventQuery

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))

FILTERS = tuple(EventQuery.model_fields)
BAR = ("since", "until", "country", "actor", "type", "modality", "min_fatalities", "corroborated", "text")  # shown as fields
NAV = [("map", "Map", "/map"), ("timeline", "Timeline", "/timeline"), ("table", "Table", "/table"),
       ("actors", "Actors", "/actors"), ("documents", "Documents", "/documents")]


def _filters(request: Request) -> list[tuple[str, str]]:
    return [(k, v) for k, v in request.query_params.multi_items() if k in FILTERS and v.strip()]


def render(request: Request, template: str, page: str, title: str, filter_bar: bool = True, **data) -> HTMLResponse:
    pairs = _filters(request)
    with Store(request.app.state.store_path) as store:
        choices = queries.choices(store)
    values: dict[str, list[str]] = {}
    for k, v in pairs:
        values.setdefault(k, []).append(v)
    context = {
        "page": page, "title": title, "nav": NAV, "filter_bar": filter_bar,
        "qs": ("?" + urlencode(pairs)) if pairs else "",
        "values": values,
        "hidden": [(k, v) for k, v in pairs if k not in BAR],
        "types": choices["types"],
        "plover_types": choices["plover_types"],
        "countries": [(c, (countries.get(c).name if countries.get(c) else c)) for c in choices["countries"]],
        "modalities": MODALITIES,
        "palette": queries.palette(),
        "writable": bool(request.app.state.token),
        "version": __version__,
        "data": {"page": page, "filters": urlencode(pairs), "palette": queries.palette(),
                 "actor_types": ACTOR_TYPES, "writable": bool(request.app.state.token), **data},
    }
    return templates.TemplateResponse(request, template, context)


@router.get("/")
def home(request: Request):
    query = request.url.query
    return RedirectResponse("/map" + (f"?{query}" if query else ""), status_code=302)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request):
    return render(request, "map.html", "map", "Map")


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request):
    return render(request, "timeline.html", "timeline", "Timeline")


@router.get("/table", response_class=HTMLResponse)
def table_page(request: Request):
    return render(request, "table.html", "table", "Events")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str):
    with Store(request.app.state.store_path) as store:
        rec = store.event(event_id)  # NotFoundError -> 404 page
    return render(request, "event.html", "event", f"Event {event_id}", filter_bar=False, event_id=rec["event_id"],
                  doc_id=rec["doc_id"])


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request):
    return render(request, "actors.html", "actors", "Actors")


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor_page(request: Request, key: str):
    with Store(request.app.state.store_path) as store:
        summary = queries.actor_summary(store, key)
    if summary is None:
        raise HTTPException(404, f"no actor {key!r} in the stored events")
    return render(request, "actor.html", "actor", summary["canonical"] or key, key=key)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request):
    return render(request, "documents.html", "documents", "Documents", filter_bar=False)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str):
    with Store(request.app.state.store_path) as store:
        doc = store.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r} in the store")
    return render(request, "document.html", "document", doc["title"] or doc_id, filter_bar=False, doc_id=doc_id)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request):
    return render(request, "ingest.html", "ingest", "Ingest", filter_bar=False)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    return render(request, "apidocs.html", "apidocs", "API", filter_bar=False)

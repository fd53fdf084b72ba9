"""warlog's web app: a map, a timeline, a table, event, actor and document pages, and a JSON API,
all over one store and served from this machine (`warlog serve`).

The web layer adds no rules of its own: filters are `EventFilter`s (params.py), downloads are
written by `warlog.export`, ingestion goes through `warlog.ingest.save_documents`.
DOCS: README.md ("Web app") and DESIGN.md ("Web layer").
"""
from .app import create_app

__all__ = ["create_app"]

"""The web app: `create_app(store_path, token)` builds it; `warlog serve` runs it under uvicorn.

Routes: HTML pages (pages.py), the read API (api.py), the write API (uploads.py, token only),
our own scripts and styles under /static/, and the npm packages' files under /vendor/ (assets.py).
Errors become responses here, in one place: JSON under /api/, an HTML page elsewhere.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Callable

from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..about import __version__
from ..errors import NotFoundError, WarlogError
from ..pipeline import Extractor, default_extractor
from ..store import Store
from . import api, assets, pages, uploads
from .jobs import Jobs
from .security import SecurityHeaders

STATIC = Path(__file__).with_name("static")
NO_CACHE = {"Cache-Control": "no-cache"}  # revalidate: a new warlog version never runs old scripts


def create_app(store_path: str, token: str | None = None, *, extractor: Callable[[], Extractor] | None = None,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app over one store. Without a token it is read-only. `allowed_hosts` guards against DNS
    rebinding when the server listens on a loopback address (None: any Host header)."""
    vendor = assets.node_modules()  # fail at start-up, not on the first page, when npm ci has not run
    Store(store_path).close()  # creates or migrates the store, or raises its one-line error now
    jobs = Jobs(store_path, extractor or default_extractor)

    @asynccontextmanager
    async def lifespan(app):
        yield
        jobs.shutdown()

    app = FastAPI(title="warlog", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Events extracted from conflict reporting: filters, map points, timeline, "
                              "actors, documents and downloads. Write endpoints need the server's token.")
    app.state.store_path = str(store_path)
    app.state.token = token or None
    app.state.jobs = jobs
    app.include_router(api.router)
    app.include_router(uploads.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/vendor/{name:path}", include_in_schema=False)
    def vendor_file(name: str):
        path = assets.resolve(vendor, name)
        if path is None:
            raise HTTPException(404, f"no vendor file {name!r}")
        return FileResponse(path, headers=NO_CACHE)

    _errors(app)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    return app


def _errors(app: FastAPI) -> None:
    def respond(request: Request, status: int, message: str, headers=None):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        return pages.templates.TemplateResponse(request, "error.html", {"status": status, "message": message,
                                                                       "title": f"Error {status}"},
                                                status_code=status, headers=headers)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError):
        return respond(request, 404, str(exc))

    @app.exception_handler(WarlogError)
    async def bad_request(request: Request, exc: WarlogError):
        return respond(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return respond(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        return respond(request, 422, "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors()))

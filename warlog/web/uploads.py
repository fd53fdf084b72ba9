"""Write endpoints: ingest pasted text or uploaded files. Each needs the server's token
(security.require_token runs before the body is read) and answers 202 with a job whose progress
GET /api/jobs/{id} reports.

Uploaded files are read by the same readers as `warlog ingest` from a temporary folder; their
documents are named `upload:<file name>` so that uploading a new version of a file replaces the
old one's events, as re-ingesting a changed file does.
"""
from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path, PurePath
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ..documents import read_path, read_text
from ..errors import InputError
from ..record import Document
from .security import require_token

router = APIRouter(prefix="/api", dependencies=[Depends(require_token)], tags=["ingest (token)"])
MAX_FILES = 200
MAX_BYTES = 20_000_000  # per file, as `warlog ingest --max-size 20`


class PastedText(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_BYTES)
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = Field(None, description="Publication date, when the text states none.")
    format: Literal["text", "markdown", "html"] = "text"


@router.post("/ingest/text", status_code=202, summary="Ingest one pasted article")
def ingest_text(request: Request, body: PastedText) -> dict:
    try:
        doc = read_text(body.text, title=body.title or None, url=body.url or None, publisher=body.publisher or None,
                        published=body.published, fmt=body.format)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from exc
    return request.app.state.jobs.submit([doc], []).to_dict()


UPLOAD_SCHEMA = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"],
    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                   "published": {"type": "string", "format": "date"}}}}}}}


@router.post("/ingest/files", status_code=202, summary="Ingest uploaded files (.txt .md .html .jsonl, feeds)",
             openapi_extra=UPLOAD_SCHEMA)
async def ingest_files(request: Request) -> dict:
    async with request.form(max_files=MAX_FILES) as form:
        uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
        if not uploads:
            raise HTTPException(400, "no files: send them as the multipart field 'files'")
        published = form.get("published") or None
        if published is not None:
            try:
                published = date.fromisoformat(str(published))
            except ValueError as exc:
                raise HTTPException(400, f"published: {published!r} is not a date; use YYYY-MM-DD") from exc
        files = [(f.filename or "upload.txt", await f.read(MAX_BYTES + 1)) for f in uploads]
    docs, problems = await run_in_threadpool(read_uploads, files, published)
    return request.app.state.jobs.submit(docs, problems).to_dict()


def safe_name(filename: str) -> str:
    """The last part of a client's file name, never a path that leaves our folder."""
    name = PurePath(filename.replace("\\", "/")).name
    return name if name not in ("", ".", "..") else "upload.txt"


def read_uploads(files: list[tuple[str, bytes]], published: date | None) -> tuple[list[Document], list[str]]:
    """Documents of the uploaded files, and one line per file or line that could not be read."""
    docs: list[Document] = []
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="warlog-upload-") as tmp:
        for i, (filename, data) in enumerate(files):
            name = safe_name(filename)
            folder = Path(tmp) / str(i)
            folder.mkdir()
            path = folder / name
            path.write_bytes(data)
            found: list[Document] = []
            lines: list[str] = []
            try:
                found = read_path(path, published=published, max_bytes=MAX_BYTES, problems=lines)
            except InputError as exc:
                lines.append(str(exc))
            problems += [line.replace(str(path), name) for line in lines]
            for doc in found:
                doc.source = doc.source.replace(str(path.resolve()), "upload:" + name, 1)
            docs += found
    return docs, problems


@router.get("/jobs/{job_id}", summary="Progress of an ingest job")
def job(request: Request, job_id: str) -> dict:
    found = request.app.state.jobs.get(job_id)
    if found is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return found.to_dict()

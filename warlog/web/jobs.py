"""Ingestion jobs of the web app: documents read from a request are extracted and stored in one
background thread, one document at a time, so that pages can show progress and stay responsive.

One thread means one writer, as with `warlog ingest`; the extractor (spaCy model, knowledge base,
gazetteer) is built on the first job, not at start-up.
"""
from __future__ import annotations

import logging
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Callable

from ..ingest import IngestReport, save_documents
from ..pipeline import Extractor, default_extractor
from ..record import Document
from ..store import Store

log = logging.getLogger(__name__)
KEEP = 100  # finished jobs remembered for their status page


@dataclass
class Job:
    id: str
    total: int  # documents to process
    status: str = "queued"  # queued | running | done | failed
    done: int = 0  # documents stored or found unchanged
    events: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)  # files or lines that could not be read
    doc_ids: list[str] = field(default_factory=list)
    error: str | None = None
    created: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))

    def to_dict(self) -> dict:
        return asdict(self)


class Jobs:
    def __init__(self, store_path: str, extractor: Callable[[], Extractor] = default_extractor):
        self.store_path = store_path
        self.extractor = extractor
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="warlog-ingest")

    def submit(self, documents: list[Document], problems: list[str]) -> Job:
        job = Job(id=secrets.token_hex(8), total=len(documents), problems=list(problems))
        with self._lock:
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-KEEP]:
                del self._jobs[old]
        self._pool.submit(self._run, job, documents)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, documents: list[Document]) -> None:
        job.status = "running"
        job.doc_ids = [d.doc_id for d in documents]

        def progress(report: IngestReport) -> None:
            job.done = report.added + report.replaced + report.unchanged
            job.events, job.added, job.replaced, job.unchanged = (report.events, report.added, report.replaced,
                                                                  report.unchanged)

        try:
            extractor = self.extractor()
            with Store(self.store_path) as store:
                report = save_documents(documents, store, IngestReport(), extractor=extractor, shard_size=1,
                                        on_saved=progress)
            progress(report)
            job.status = "done"
        except Exception as exc:  # a job's failure is its status, not the server's
            log.exception("ingest job %s failed", job.id)
            job.error = str(exc) or type(exc).__name__
            job.status = "failed"

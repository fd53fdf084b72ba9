"""Ingest files into a store: read, skip what is already stored, extract, save one document at a time.

Bad files are skipped with a one-line reason and never stop the batch. Documents already in
the store unchanged are not parsed again, so a rerun after a crash only does what is left.
With workers > 1, shards of documents go to worker processes (`pipeline.process_shard`);
the parent alone writes to the store.
"""
from __future__ import annotations

import logging
import multiprocessing
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator

from .documents import iter_paths, read_path
from .errors import InputError
from .pipeline import Extractor, default_extractor, process_shard
from .record import Document, Event
from .store import Store

log = logging.getLogger(__name__)
SHARD_SIZE = 16


@dataclass
class IngestReport:
    files: int = 0
    documents: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    undated: int = 0  # documents with no publication date: their relative dates stay unresolved
    skipped: list[str] = field(default_factory=list)  # whole files that could not be read, one line each
    problems: list[str] = field(default_factory=list)  # lines or items skipped inside readable files

    @property
    def stored(self) -> int:
        return self.added + self.replaced + self.unchanged

    def summary(self) -> str:
        return (f"{self.files} files, {self.documents} documents: {self.added} added, {self.replaced} replaced, "
                f"{self.unchanged} unchanged; {self.events} events stored; {len(self.skipped)} files skipped, "
                f"{len(self.problems)} lines skipped" + (f"; {self.undated} documents without a publication date"
                                                         " (pass --published)" if self.undated else ""))


def read_all(paths: Iterable[str], report: IngestReport, published: date | None, max_bytes: int,
             progress=None) -> Iterator[Document]:
    for path in iter_paths(paths):
        report.files += 1
        try:
            docs = read_path(path, published=published, max_bytes=max_bytes, problems=report.problems)
        except InputError as exc:
            report.skipped.append(str(exc))
            docs = []
        if progress is not None:
            progress.update(1)
        yield from docs


def _shards(docs: Iterable[Document], store: Store, report: IngestReport, size: int) -> Iterator[list[Document]]:
    shard: list[Document] = []
    for doc in docs:
        report.documents += 1
        report.undated += doc.published is None
        if store.status_of(doc) == "unchanged":
            report.unchanged += 1
            continue
        shard.append(doc)
        if len(shard) >= size:
            yield shard
            shard = []
    if shard:
        yield shard


def ingest(paths: Iterable[str], store: Store, *, published: date | None = None, workers: int = 1,
           max_bytes: int = 20_000_000, extractor: Extractor | None = None, actor_files: tuple = (),
           progress: bool = False) -> IngestReport:
    report = IngestReport()
    paths = list(paths)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=sum(1 for _ in iter_paths(paths)), unit="file", desc="ingest", leave=False)
    try:
        save_documents(read_all(paths, report, published, max_bytes, bar), store, report, workers=workers,
                       extractor=extractor, actor_files=actor_files)
    finally:
        if bar is not None:
            bar.close()
    return report


def save_documents(docs: Iterable[Document], store: Store, report: IngestReport, *, workers: int = 1,
                   extractor: Extractor | None = None, actor_files: tuple = (), shard_size: int = SHARD_SIZE,
                   on_saved: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Extract and store documents that are already read (the web app's pasted text and uploads).
    `on_saved` is called with the report after each document is stored, for progress."""
    shards = _shards(docs, store, report, shard_size)
    for results in _run(shards, workers, extractor, tuple(actor_files)):
        for doc, events in results:
            _save(store, doc, events, report)
            if on_saved is not None:
                on_saved(report)
    return report


def _save(store: Store, doc: Document, events: list[Event], report: IngestReport) -> None:
    # one event record per id: a trigger found twice in one span is one event
    unique = list({ev.event_id: ev for ev in events}.values())
    status = store.save(doc, unique)
    setattr(report, status, getattr(report, status) + 1)
    if status != "unchanged":
        report.events += len(unique)


def _run(shards: Iterator[list[Document]], workers: int, extractor: Extractor | None, actor_files: tuple):
    if workers <= 1:
        ex = extractor or default_extractor(actor_files)
        for shard in shards:
            yield list(ex.extract_many(shard))
        return
    ctx = multiprocessing.get_context("spawn")  # a clean interpreter per worker: no inherited locks or threads
    with ctx.Pool(workers) as pool:
        yield from pool.imap(process_shard, ((shard, actor_files) for shard in shards))

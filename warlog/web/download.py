"""Downloads of the filtered events, written by the same writers as `warlog export`.

A writer runs in its own thread over the store's record iterator and hands what it writes to the
response chunk by chunk, so a download of 100,000 events starts at once and never sits whole in
memory. If the client goes away, the writer is stopped at its next write.
"""
from __future__ import annotations

import queue
import threading
from typing import Iterator

from ..export import WRITERS
from ..filters import EventFilter
from ..store import Store
from .params import country_code

# format -> (media type, file name)
FORMATS = {
    "acled-csv": ("text/csv; charset=utf-8", "warlog-events.csv"),
    "csv": ("text/csv; charset=utf-8", "warlog-events.csv"),
    "geojson": ("application/geo+json", "warlog-events.geojson"),
    "jsonl": ("application/x-ndjson", "warlog-events.jsonl"),
    "plover-jsonl": ("application/x-ndjson", "warlog-events.plover.jsonl"),
    "json": ("application/json", "warlog-events.json"),
}
CHUNK = 1 << 16
_DONE = object()


class _Cancelled(Exception):
    pass


class _QueueFile:
    """A text stream whose writes go, in chunks of about CHUNK characters, into a bounded queue."""

    def __init__(self, q: queue.Queue, cancelled: threading.Event):
        self.q, self.cancelled = q, cancelled
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            self._put("".join(self.parts))
            self.parts, self.size = [], 0

    def _put(self, item) -> None:
        while True:
            if self.cancelled.is_set():
                raise _Cancelled
            try:
                self.q.put(item, timeout=0.5)
                return
            except queue.Full:
                continue


def stream(store_path: str, flt: EventFilter, fmt: str) -> Iterator[bytes]:
    """The export of `flt` in `fmt`, as UTF-8 chunks."""
    q: queue.Queue = queue.Queue(maxsize=16)
    cancelled = threading.Event()
    failure: list[BaseException] = []

    def write() -> None:
        out = _QueueFile(q, cancelled)
        try:
            with Store(store_path) as store:
                WRITERS[fmt](store.iter_events(flt, countries=country_code), out)
            out.flush()
        except _Cancelled:
            return
        except BaseException as exc:  # handed to the reading side, which raises it
            failure.append(exc)
        try:
            out._put(_DONE)
        except _Cancelled:
            pass

    thread = threading.Thread(target=write, name="warlog-download", daemon=True)
    thread.start()
    try:
        while True:
            item = q.get()
            if item is _DONE:
                break
            yield item.encode("utf-8")
        if failure:
            raise failure[0]
    finally:
        cancelled.set()

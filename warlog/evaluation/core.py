"""What every scorer shares: the figures it reports and the runner that feeds text to warlog.

A scorer sees warlog only through its output records (`Event.to_dict()`, the geoparse rows),
never through the extractor's internals, so a score measures what a user gets.
"""
from __future__ import annotations

import multiprocessing
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator, Sequence

SHARD = 32  # documents per worker task


@dataclass
class Figure:
    """One measured number. `better` says which way is good ("higher", "lower"), or None for a
    figure that only informs (a count); only figures with a direction get a floor in CI."""

    key: str  # stable, snake_case: the floor file refers to it
    label: str  # what the table prints
    value: float | None
    n: int  # how many items it was computed over
    unit: str = "share"  # share | km | count | number | per_record
    better: str | None = "higher"
    published: dict[str, float] = field(default_factory=dict)  # other systems on the same data

    def to_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "value": self.value, "n": self.n, "unit": self.unit,
                "better": self.better, "published": self.published}


@dataclass
class Section:
    """The figures of one dataset (or one subset of it: "syria+iraq", "gold spans")."""

    dataset: str
    subset: str
    title: str
    items: int
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how this differs from published scoring, mappings used

    def add(self, key: str, label: str, value, n: int, **kw) -> Figure:
        fig = Figure(key, label, value, n, **kw)
        self.figures.append(fig)
        return fig

    def figure(self, key: str) -> Figure:
        for f in self.figures:
            if f.key == key:
                return f
        raise KeyError(key)

    def qualified(self, fig: Figure) -> str:
        """The figure's name in floors.json and in the JSON report: dataset.subset.key."""
        return f"{self.dataset}.{self.subset}.{fig.key}"

    def to_dict(self) -> dict:
        return {"dataset": self.dataset, "subset": self.subset, "title": self.title, "items": self.items,
                "figures": [f.to_dict() for f in self.figures], "notes": self.notes}


class Runner:
    """Feeds text to warlog for the scorers: in order, in batches, on `workers` processes,
    with a progress bar. `actor_files` are extra actor dictionaries (--actors)."""

    def __init__(self, workers: int = 1, progress: bool = False, actor_files: Sequence[str] = ()):
        self.workers = workers
        self.show_progress = progress
        self.actor_files = tuple(actor_files)

    def progress(self, iterable: Iterable, total: int | None = None, label: str = "") -> Iterator:
        if not self.show_progress:
            yield from iterable
            return
        from tqdm import tqdm

        yield from tqdm(iterable, total=total, desc=label, leave=False)

    def extract(self, items: Sequence[tuple[str, date | str | None]], label: str = "extract",
                actor_files: Sequence[str] | None = None) -> list[list[dict]]:
        """The event records (`Event.to_dict()`) of each (text, published) item, in order."""
        from ..documents import read_text
        from ..pipeline import process_shard

        files = self.actor_files if actor_files is None else tuple(actor_files)
        docs = [read_text(text, published=published, source=f"{label}#{i}") for i, (text, published) in enumerate(items)]
        shards = [(docs[i:i + SHARD], files) for i in range(0, len(docs), SHARD)]
        out: list[list[dict]] = []
        for results in self.map(process_shard, shards, label=label):
            out += [[ev.to_dict() for ev in events] for _, events in results]
        return out

    def map(self, fn: Callable, items: Sequence, label: str = "", chunksize: int = 1) -> Iterator:
        """fn(item) for each item, in order, on `workers` spawned processes (fn must be importable
        at module level), with the progress bar counting items."""
        if self.workers <= 1 or len(items) <= 1:
            yield from self.progress(map(fn, items), total=len(items), label=label)
            return
        ctx = multiprocessing.get_context("spawn")  # a clean interpreter per worker: no inherited locks
        with ctx.Pool(self.workers) as pool:
            yield from self.progress(pool.imap(fn, items, chunksize=chunksize), total=len(items), label=label)

"""A synthetic corpus of any size for `warlog bench`, made from the bundled example reports.

Each document is a wire dateline and one or two paragraphs of the examples, recombined, with
the towns and armed groups of `data/bench/names.csv` rotated to others of the same list and the
publication date shifted. The corpus is deterministic and every document distinct (ingest skips
a text it has already stored, which would make a large corpus look cheap); the first N documents
are the same whatever size is asked for, so the sizes of one run are prefixes of one corpus.
"""
from __future__ import annotations

import csv
import hashlib
import json
import random
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .documents import iter_paths, read_path
from .errors import InputError
from .pipeline import paragraphs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NAMES_FILE = Path(__file__).parent / "data" / "bench" / "names.csv"
MIN_WORDS = 8  # shorter pieces are titles, datelines and sign-offs
FALLBACK_DATE = date(2018, 1, 1)  # for the one example that states no publication date
SPREAD_DAYS = 730


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, ...]]:
    kinds: dict[str, list[str]] = {}
    with open(NAMES_FILE, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            kinds.setdefault(row["kind"], []).append(row["name"])
    return {k: tuple(v) for k, v in kinds.items()}


@lru_cache(maxsize=1)
def _name_index() -> tuple[re.Pattern, dict[str, tuple[str, int]]]:
    """One pattern for every listed name (longest first), and each name's kind and position."""
    where = {n: (kind, i) for kind, ns in _names().items() for i, n in enumerate(ns)}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(where, key=len, reverse=True)) + r")\b")
    return pattern, where


def source_paragraphs(folder: Path = EXAMPLES) -> list[tuple[str, date]]:
    """(paragraph, publication date of its report) for every paragraph of the examples."""
    pool = []
    for path in iter_paths([folder]):
        try:
            docs = read_path(path)
        except InputError:
            continue
        for doc in docs:
            for _, text in paragraphs(doc.text):
                if len(text.split()) >= MIN_WORDS:
                    pool.append((text, doc.published or FALLBACK_DATE))
    return pool


def _rotate(text: str, shifts: dict[str, int]) -> str:
    lists = _names()
    pattern, where = _name_index()

    def swap(m: re.Match) -> str:
        kind, i = where[m.group()]
        return lists[kind][(i + shifts[kind]) % len(lists[kind])]

    return pattern.sub(swap, text)


def documents(n: int, folder: Path = EXAMPLES) -> Iterator[dict]:
    """`n` distinct documents as JSON Lines records (id, title, published, text)."""
    pool = source_paragraphs(folder)
    if not pool:
        raise ValueError(f"no paragraphs of {MIN_WORDS}+ words in {folder}")
    seen: set[str] = set()
    made, seed = 0, 0
    while made < n:
        rng = random.Random(seed)  # one generator per candidate: the corpus does not depend on n
        # the first paragraph cycles through the pool: small and large corpora draw on it alike
        picks = [seed % len(pool)]
        seed += 1
        if len(pool) > 1 and rng.random() < 0.5:
            picks.append(rng.choice([i for i in range(len(pool)) if i != picks[0]]))
        shifts = {kind: rng.randrange(len(names)) for kind, names in _names().items()}
        published = pool[picks[0]][1] + timedelta(days=rng.randrange(SPREAD_DAYS))
        # a wire dateline, town and date varied: a one-paragraph document is distinct too, so
        # that duplicates skipped here do not make later documents longer on average
        dateline = f"{rng.choice(_names()['town']).upper()}, {published:%b} {published.day}, {published.year} - "
        text = dateline + "\n\n".join(_rotate(pool[i][0], shifts) for i in picks)
        key = hashlib.sha256(text.encode()).digest()
        if key in seen:
            continue
        seen.add(key)
        made += 1
        yield {"id": f"bench-{made:05d}", "title": f"Bench report {made}", "published": published.isoformat(),
               "text": text}


def write(path: Path, records) -> int:
    """Write records of documents() to a JSON Lines file; returns the number of words."""
    words = 0
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            words += len(record["text"].split())
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words

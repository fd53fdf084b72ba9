"""`make bench-serve`: the web app over a store of 100,000 events generated from the example
reports (bigstore.py), measured with a real `warlog serve` and Debian's headless Chromium.

- API latency: every filtered query the pages make (events page, map points, timeline, stats,
  actors) for a dozen filters, each answered several times, one request at a time; p50 and p95.
- Map first paint: from navigation start to the map showing its borders and every marker (the
  page's "map-ready" mark, set two animation frames after drawing), in a fresh tab each time.

Targets: API p95 under 200 ms, map first paint under 2 s. The stores are kept in --dir and reused.

    python tests/web/bench_serve.py [--events 100000] [--dir ~/.cache/warlog/bench] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bigstore import generate  # noqa: E402
from browser import Browser  # noqa: E402
from server import Server  # noqa: E402

from warlog.store import Store  # noqa: E402

EXAMPLES = HERE.parent.parent / "examples"
TARGET_P95_MS = 200
TARGET_PAINT_MS = 2000
FILTERS = [
    {},
    {"country": "SYR"},
    {"country": "IRQ", "modality": ["asserted", "claimed"]},
    {"type": "Battles"},
    {"type": "Explosions/Remote violence", "min_fatalities": "1"},
    {"since": "2017-01-01", "until": "2017-12-31"},
    {"since": "2018-03-01", "until": "2018-03-31", "country": "SYR"},
    {"actor": "isis"},
    {"actor": "Civilians"},
    {"text": "Raqqa"},
    {"text": "suicide bomber", "modality": "claimed"},
    {"modality": "predicted"},
]
ENDPOINTS = [
    ("events", "/api/events", {"limit": "50"}),
    ("events, by dead", "/api/events", {"limit": "50", "sort": "-fatalities"}),
    ("events, page 20", "/api/events", {"limit": "50", "offset": "950"}),
    ("points", "/api/points", {}),
    ("timeline", "/api/timeline", {}),
    ("stats", "/api/stats", {}),
    ("actors", "/api/actors", {}),
]
REPEATS = 5
PAINTS = 5


def stores(folder: Path, events: int) -> Path:
    """The generated store, made (once) from a store of the example reports."""
    folder.mkdir(parents=True, exist_ok=True)
    template = folder / "examples.db"
    big = folder / f"events-{events}.db"
    if not template.exists():
        from warlog.ingest import ingest

        with Store(template) as store:
            ingest([EXAMPLES], store, published=date(2016, 10, 28))
    if big.exists():
        with Store(big) as store:
            if store.count() == events:
                return big
        for suffix in ("", "-wal", "-shm"):
            Path(f"{big}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    n = generate(template, big, events)
    print(f"generated {n} events in {time.perf_counter() - t0:.0f} s: {big}", file=sys.stderr)
    return big


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def api_latency(url: str) -> dict:
    times: dict[str, list[float]] = {name: [] for name, _, _ in ENDPOINTS}
    for flt in FILTERS:
        for name, path, extra in ENDPOINTS:
            query = urllib.parse.urlencode({**flt, **extra}, doseq=True)
            for _ in range(REPEATS):
                t0 = time.perf_counter()
                with urllib.request.urlopen(f"{url}{path}?{query}") as r:
                    r.read()
                times[name].append((time.perf_counter() - t0) * 1000)
    every = [t for ts in times.values() for t in ts]
    rows = {name: {"p50": statistics.median(ts), "p95": percentile(ts, 0.95), "max": max(ts), "n": len(ts)}
            for name, ts in times.items()}
    rows["all"] = {"p50": statistics.median(every), "p95": percentile(every, 0.95), "max": max(every), "n": len(every)}
    return rows


def map_paint(url: str, browser: Browser, query: str) -> dict:
    ready, fcp = [], []
    for _ in range(PAINTS):
        page = browser.page()
        try:
            page.goto(f"{url}/map{query}", wait="#map[data-state=ready]")
            marks = page.eval("[performance.getEntriesByName('map-ready')[0].startTime,"
                              " (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,"
                              " +document.getElementById('map').dataset.shown]")
        finally:
            page.close()
        ready.append(marks[0])
        fcp.append(marks[1] or 0)
    return {"ready_median": statistics.median(ready), "ready_max": max(ready),
            "first_contentful_paint_median": statistics.median(fcp), "markers": marks[2]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path.home() / ".cache" / "warlog" / "bench")
    parser.add_argument("--json", type=Path, help="Also write the figures as JSON.")
    args = parser.parse_args()
    store = stores(args.dir, args.events)
    with Server(store) as server:
        api_latency(server.url)  # warm-up: the operating system's file cache, Python's imports
        api = api_latency(server.url)
        browser = Browser()
        try:
            map_paint(server.url, browser, "")  # warm-up
            paints = {"all events": map_paint(server.url, browser, ""),
                      "country=SYR": map_paint(server.url, browser, "?country=SYR")}
        finally:
            browser.close()
    print(f"web app over {args.events:,} events ({store})")
    print(f"\nAPI latency, ms ({len(FILTERS)} filters x {REPEATS} runs per endpoint, one request at a time)")
    print(f"{'endpoint':18} {'p50':>7} {'p95':>7} {'max':>7}")
    for name, row in api.items():
        print(f"{name:18} {row['p50']:7.1f} {row['p95']:7.1f} {row['max']:7.1f}")
    print(f"\nmap first paint, ms (median of {PAINTS} fresh tabs; target {TARGET_PAINT_MS})")
    for name, row in paints.items():
        print(f"{name:18} ready {row['ready_median']:7.0f} (max {row['ready_max']:.0f}), first contentful paint "
              f"{row['first_contentful_paint_median']:.0f}, {row['markers']:,} markers")
    ok = api["all"]["p95"] <= TARGET_P95_MS and all(r["ready_median"] <= TARGET_PAINT_MS for r in paints.values())
    print(f"\ntargets (API p95 <= {TARGET_P95_MS} ms, map <= {TARGET_PAINT_MS} ms): {'met' if ok else 'NOT met'}")
    if args.json:
        args.json.write_text(json.dumps({"events": args.events, "api_ms": api, "map_ms": paints}, indent=2))


if __name__ == "__main__":
    main()

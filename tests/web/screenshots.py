"""`make screenshots`: a PNG of every page of the web app over the example reports, into
docs/screenshots/ (the README shows them). Uses the same server and browser helpers as the tests.

    python tests/web/screenshots.py [--out docs/screenshots]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import urllib.request
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from browser import Browser  # noqa: E402
from server import Server  # noqa: E402

from warlog.ingest import ingest  # noqa: E402
from warlog.store import Store  # noqa: E402

ROOT = HERE.parent.parent
TOKEN = "screenshots"


def first_event(url: str, **params) -> dict:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    with urllib.request.urlopen(f"{url}/api/events?limit=1&{query}") as r:
        return json.load(r)["events"][0]


def shots(url: str) -> list[tuple[str, str, str]]:
    """(file name, path, selector that says the page is drawn)."""
    khamis = first_event(url, text="Khamis")
    qaim = first_event(url, text="Qaim", sort="-fatalities")
    return [
        ("map", "/map", "#map[data-state=ready]"),
        ("map-popup", f"/map?focus={khamis['event_id']}", ".leaflet-popup .popup blockquote"),
        ("map-filtered", "/map?country=SYR&modality=asserted&modality=claimed", "#map[data-state=ready]"),
        ("timeline", "/timeline", "#chart[data-state=ready]"),
        ("table", "/table?sort=-fatalities", "#events[data-state=ready]"),
        ("event", f"/events/{khamis['event_id']}", "#event[data-state=ready]"),
        ("event-claimed", f"/events/{qaim['event_id']}", "#event[data-state=ready]"),
        ("actor", "/actors/isis", "#actor[data-state=ready]"),
        ("actors", "/actors", "#actors[data-state=ready]"),
        ("document", f"/documents/{khamis['doc_id']}", "#document[data-state=ready]"),
        ("documents", "/documents", "#documents[data-state=ready]"),
        ("ingest", "/ingest", "#ingest-forms"),
        ("api-docs", "/api/docs", ".swagger-ui .information-container"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "examples.db"
        with Store(store) as s:
            ingest([ROOT / "examples"], s, published=date(2016, 10, 28))
        with Server(store, token=TOKEN) as server:
            browser = Browser()
            try:
                for name, path, ready in shots(server.url):
                    page = browser.page()
                    try:
                        page.goto(server.url + path, wait=ready)
                        page.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                        page.screenshot(args.out / f"{name}.png")
                    finally:
                        page.close()
                    print(args.out / f"{name}.png")
            finally:
                browser.close()


if __name__ == "__main__":
    main()

"""The web app in a real headless Chromium (Debian's, driven by playwright-core) against a real
`warlog serve` over the example store. One server and one browser for the session."""
from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from warlog.cli import cli

from .conftest import TOKEN

pytestmark = [pytest.mark.slow, pytest.mark.browser]
MAP_READY = "#map[data-state=ready]"


def api(server, path: str, **params):
    query = urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(f"{server.url}{path}" + (f"?{query}" if query else "")) as r:
        return json.load(r)


def data(page, selector: str, name: str) -> str:
    return page.eval(f"document.querySelector({json.dumps(selector)}).dataset.{name}")


def clean(log: dict) -> None:
    """No script error, no blocked resource, nothing logged as an error."""
    assert log["errors"] == [] and log["violations"] == []
    assert [m for m in log["console"] if m["type"] == "error"] == []


def test_map_has_one_marker_per_located_event(server, page):
    page.goto(f"{server.url}/map", wait=MAP_READY)
    located = api(server, "/api/stats")["filtered"]["located"]
    assert located > 50
    assert int(data(page, "#map", "points")) == located
    assert int(data(page, "#map", "shown")) == located  # the clusters' counts and single markers add up
    clusters = page.eval("[...document.querySelectorAll('.cluster span')].map(s => +s.textContent.replace(/,/g, ''))")
    singles = int(data(page, "#map", "singles"))  # circles drawn on the canvas
    assert sum(clusters) + singles == located and clusters
    assert page.eval("document.querySelectorAll('.leaflet-overlay-pane canvas').length") >= 1  # the borders
    clean(page.log())


def test_a_filter_changes_the_table_and_the_markers_alike(server, page):
    page.goto(f"{server.url}/map", wait=MAP_READY)
    everything = int(data(page, "#map", "shown"))
    page.select("form.filters select[name=country]", "IRQ")
    page.click("form.filters details.modality summary")  # opens the menu
    page.click("form.filters input[name=modality][value=asserted]")
    url = page.navigate_by_click("form.filters button[type=submit]")
    assert "country=IRQ" in url and "modality=asserted" in url
    page.wait(MAP_READY)
    on_map = int(data(page, "#map", "shown"))
    expected = api(server, "/api/events", country="IRQ", modality="asserted", limit=1000)
    located = [e for e in expected["events"] if e["location"]]
    assert 0 < on_map == len(located) < everything
    page.navigate_by_click("header nav a[href^='/table']")  # the nav keeps the filter
    page.wait("#events[data-state=ready]")
    assert int(data(page, "#events", "located")) == on_map
    assert int(data(page, "#events", "total")) == expected["total"]
    rows = page.eval("[...document.querySelectorAll('#events tbody tr')].map(r => [r.dataset.event, r.cells[5].textContent, r.cells[7].textContent])")
    assert [r[0] for r in rows] == [e["event_id"] for e in expected["events"][:50]]
    assert all(country == "IRQ" and modality == "asserted" for _, country, modality in rows)
    clean(page.log())


def test_table_sorts_and_pages(server, page):
    page.goto(f"{server.url}/table", wait="#events[data-state=ready]")
    page.navigate_by_click("#events thead a[href*='sort=fatalities']")
    page.wait("#events[data-state=ready]")
    page.navigate_by_click("#events thead a[href*='sort=-fatalities']")  # a second click sorts descending
    page.wait("#events[data-state=ready]")
    dead = page.eval("[...document.querySelectorAll('#events tbody tr')].map(r => r.cells[6].textContent).filter(Boolean).map(Number)")
    assert dead and dead == sorted(dead, reverse=True)
    page.navigate_by_click("#next")
    page.wait("#events[data-state=ready]")
    assert page.eval("document.getElementById('range').textContent").startswith("51–")


def test_event_page_highlights_its_quote_and_marks_its_mentions(server, page):
    rec = api(server, "/api/events", text="Khamis", limit=1)["events"][0]
    page.goto(f"{server.url}/events/{rec['event_id']}", wait="#event[data-state=ready]")
    highlighted = page.eval("[...document.querySelectorAll('#reader .selected')].map(s => s.textContent).join('')")
    assert highlighted == rec["quote"]
    marked = page.eval("Object.fromEntries(['actor', 'recipient', 'place', 'date', 'trigger'].map(k => "
                       "[k, [...document.querySelectorAll('#reader .k-' + k)].map(s => s.textContent).join('')]))")
    assert marked["actor"] == rec["actors"][0]["name"] and marked["place"] and marked["date"] == rec["date"]["text"]
    assert marked["trigger"] == rec["trigger"]["text"]
    in_view = page.eval("(() => { const r = document.querySelector('#reader .selected').getBoundingClientRect();"
                        " const box = document.getElementById('reader').getBoundingClientRect();"
                        " return r.top >= box.top && r.bottom <= box.bottom; })()")
    assert in_view
    fields = page.eval("document.getElementById('fields').textContent")
    for reason in rec["evidence"].values():  # why each field has its value
        assert reason in fields
    clean(page.log())


def test_csv_download_equals_the_cli_export(server, page, web_store, tmp_path):
    page.goto(f"{server.url}/table?country=SYR&modality=asserted&modality=claimed", wait="#events[data-state=ready]")
    got = page.download("#dl-acled-csv", tmp_path / "download.csv")
    assert got["name"] == "warlog-events.csv"
    cli_out = tmp_path / "cli.csv"
    result = CliRunner().invoke(cli, ["export", str(cli_out), "--format", "acled-csv", "--store", str(web_store),
                                      "--country", "SYR", "--modality", "asserted", "--modality", "claimed"])
    assert result.exit_code == 0
    downloaded = (tmp_path / "download.csv").read_bytes()
    assert downloaded == cli_out.read_bytes()
    assert downloaded.count(b"\n") - 1 == api(server, "/api/events", country="SYR", modality=["asserted", "claimed"])["total"]


def pages_to_visit(server) -> list[tuple[str, str]]:
    rec = api(server, "/api/events", text="Khamis", limit=1)["events"][0]
    return [
        (f"/map?focus={rec['event_id']}", ".leaflet-popup .popup blockquote"),
        ("/timeline", "#chart[data-state=ready]"),
        ("/table", "#events[data-state=ready]"),
        (f"/events/{rec['event_id']}", "#event[data-state=ready]"),
        ("/actors", "#actors[data-state=ready]"),
        ("/actors/isis", "#actor[data-state=ready]"),
        ("/documents", "#documents[data-state=ready]"),
        (f"/documents/{rec['doc_id']}", "#document[data-state=ready]"),
        ("/ingest", "#ingest-forms"),
        ("/api/docs", ".swagger-ui .information-container"),
    ]


def test_no_request_leaves_this_machine(server, browser):
    seen = []
    for path, ready in pages_to_visit(server):
        page = browser.page()
        try:
            page.goto(server.url + path, wait=ready)
            log = page.log()
        finally:
            page.close()
        clean(log)
        seen += log["requests"]
    assert len(seen) > 40
    outside = [u for u in seen if not (u.startswith(server.url + "/") or u.startswith("data:"))]
    assert outside == []


HOSTILE_CHECK = r"""(() => ({
  pwned: window.pwned === undefined ? null : String(window.pwned),
  scripts: [...document.scripts].filter(s => (s.textContent || '').includes('pwned')).length,
  handlers: document.querySelectorAll('[onerror], [onmouseover], [onload]').length,
  images: [...document.images].filter(i => i.getAttribute('src') === 'x').length,
  javascriptLinks: [...document.querySelectorAll('a[href]')].filter(a => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
  text: document.body.innerText,
}))()"""


def test_an_article_full_of_markup_renders_as_inert_text_everywhere(server, browser):
    events = api(server, "/api/events", text="Douma pwned", limit=10)["events"]
    rec = next(e for e in events if "<script>" in e["quote"] and "<img" in e["quote"] and e["location"])
    actor = rec["actors"][0]
    key = actor["actor_id"] or actor["canonical"] or actor["name"]
    visits = [
        (f"/map?doc_id={rec['doc_id']}&focus={rec['event_id']}", ".leaflet-popup .popup blockquote", True),
        (f"/table?doc_id={rec['doc_id']}", "#events[data-state=ready]", True),
        (f"/events/{rec['event_id']}", "#event[data-state=ready]", True),
        (f"/documents/{rec['doc_id']}", "#document[data-state=ready]", True),
        ("/documents", "#documents[data-state=ready]", True),
        (f"/actors/{urllib.parse.quote(key)}?doc_id={rec['doc_id']}", "#actor[data-state=ready]", True),
        (f"/timeline?doc_id={rec['doc_id']}", "#chart[data-state=ready]", False),
    ]
    for path, ready, shows_text in visits:
        page = browser.page()
        try:
            page.goto(server.url + path, wait=ready)
            found = page.eval(HOSTILE_CHECK)
            log = page.log()
        finally:
            page.close()
        assert found["pwned"] is None, path
        assert (found["scripts"], found["handlers"], found["images"], found["javascriptLinks"]) == (0, 0, 0, 0), path
        if shows_text:
            assert "<script>window.pwned" in found["text"] or "<img src=x" in found["text"], path
        assert not any(u.endswith("/x") for u in log["requests"]), path
        clean(log)


def test_the_page_refuses_a_wrong_token(server, page):
    page.goto(f"{server.url}/ingest", wait="#ingest-forms")
    page.fill("#token", "not-the-token")
    page.fill("#paste-form textarea[name=text]", "Gunmen attacked a checkpoint near Kirkuk on Monday.")
    page.click("#paste-form button[type=submit]")
    page.wait("#progress[data-state=failed]")
    assert page.eval("document.getElementById('progress-text').textContent").startswith("401")


def test_pasting_and_uploading_through_the_page_ingests_with_progress(server, page, tmp_path):
    before = api(server, "/api/stats")["store"]["documents"]
    page.goto(f"{server.url}/ingest", wait="#ingest-forms")
    page.fill("#token", TOKEN)
    page.fill("#paste-form input[name=title]", "Checkpoint attack near Tarmiyah")
    page.fill("#paste-form input[name=published]", "2018-03-02")
    page.fill("#paste-form textarea[name=text]", "Gunmen killed four soldiers at a checkpoint near Tarmiyah on "
                                                 "Thursday, security sources said.")
    page.click("#paste-form button[type=submit]")
    page.wait("#progress[data-state=done]")
    message = page.eval("document.getElementById('progress-text').textContent")
    assert message.startswith("Done: 1 added") and page.eval("document.getElementById('bar').value") == 1
    doc_link = page.eval("document.querySelector('#result a').getAttribute('href')")
    report = tmp_path / "kirkuk-report.txt"
    report.write_text("KIRKUK, March 5, 2018 - Militants shelled a police post in Daquq on Sunday, killing two "
                      "policemen, officials said.", encoding="utf-8")
    page.set_files("#upload-form input[type=file]", [report])
    page.click("#upload-form button[type=submit]")
    page.wait("#progress[data-state=done]")
    assert page.eval("document.getElementById('progress-text').textContent").startswith("Done: 1 added")
    assert api(server, "/api/stats")["store"]["documents"] == before + 2
    doc = api(server, doc_link.replace("/documents/", "/api/documents/"))
    assert doc["document"]["title"] == "Checkpoint attack near Tarmiyah" and doc["events"]
    uploaded = [d for d in api(server, "/api/documents", limit=1000)["documents"] if d["source"] == "upload:kirkuk-report.txt"]
    assert len(uploaded) == 1 and uploaded[0]["event_count"] >= 1


def test_timeline_actor_and_document_pages_draw_what_the_api_says(server, page):
    timeline = api(server, "/api/timeline", interval="day", country="SYR")
    page.goto(f"{server.url}/timeline?interval=day&country=SYR", wait="#chart[data-state=ready]")
    assert int(data(page, "#chart", "bars")) == len(timeline["periods"])
    assert int(data(page, "#chart", "events")) == sum(n for p in timeline["periods"] for n in p["counts"].values())
    assert page.eval("document.querySelectorAll('#chart svg a.bar').length") == len(timeline["periods"])

    actor = api(server, "/api/actors/isis")
    page.goto(f"{server.url}/actors/isis", wait="#actor[data-state=ready]")
    assert int(data(page, "#network", "nodes")) == len(actor["network"]["nodes"])
    assert page.eval("document.querySelectorAll('#network path.edge').length") == len(actor["network"]["edges"])
    assert page.eval("document.querySelectorAll('#as-actor tbody tr').length") == actor["as_actor"]["total"]
    assert "ISIS" in page.eval("document.getElementById('facts').textContent")

    rec = api(server, "/api/events", text="Khamis", limit=1)["events"][0]
    doc = api(server, f"/api/documents/{rec['doc_id']}")
    page.goto(f"{server.url}/documents/{rec['doc_id']}", wait="#document[data-state=ready]")
    assert page.eval("document.querySelectorAll('#event-list li').length") == len(doc["events"])
    assert page.eval("document.getElementById('reader').textContent") == doc["document"]["text"]
    page.click("#reader .k-quote")  # picks out the quote's events in the list
    assert page.eval("document.querySelectorAll('#event-list li.picked').length") >= 1
    clean(page.log())

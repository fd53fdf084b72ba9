"""The JSON API through FastAPI's in-process client, over a real store ingested from examples/.
Answers are compared with what the library gives for the same EventFilter, and downloads with
`warlog export` run on the same store."""
from __future__ import annotations

import csv
import io
import shutil
import time
from dataclasses import fields
from datetime import date

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from warlog import countries
from warlog.cli import cli
from warlog.filters import EventFilter
from warlog.store import Store
from warlog.web import create_app
from warlog.web.params import EventQuery
from warlog.web.security import CSP

from .conftest import HOSTILE, TOKEN

pytestmark = pytest.mark.slow
JOB_LIMIT = 120  # seconds an ingest job may take before the test gives up waiting


@pytest.fixture(scope="module")
def client(web_store):
    with TestClient(create_app(str(web_store))) as c:
        yield c


@pytest.fixture(scope="module")
def records(web_store):
    with Store(web_store) as s:
        return s.events()


def ids(events):
    return [e["event_id"] for e in events]


def test_query_parameters_are_the_event_filter(client):
    assert set(EventQuery.model_fields) == {f.name for f in fields(EventFilter)}


@pytest.mark.parametrize("query,flt", [
    ("", EventFilter()),
    ("country=Iraq&type=Battles&modality=asserted", EventFilter(country=["Iraq"], type=["Battles"], modality=["asserted"])),
    ("since=2018-01-01&until=2018-03-31", EventFilter(since=date(2018, 1, 1), until=date(2018, 3, 31))),
    ("actor=isis&min_fatalities=1", EventFilter(actor="isis", min_fatalities=1)),
    ("text=Diyarbakir", EventFilter(text="Diyarbakir")),
    ("modality=claimed&modality=denied&country=SYR&country=TUR", EventFilter(modality=["claimed", "denied"], country=["SYR", "TUR"])),
    ("corroborated=2", EventFilter(corroborated=2)),
])
def test_events_are_the_stores_events_for_the_same_filter(client, web_store, query, flt):
    body = client.get(f"/api/events?limit=1000&{query}").json()
    with Store(web_store) as s:
        expected = s.events(flt, countries=countries.iso3)
    assert body["total"] == len(expected)
    assert ids(body["events"]) == ids(expected)


def test_corroborated_events_carry_their_group_and_its_sources(client):
    body = client.get("/api/events?limit=1000&corroborated=2").json()
    assert body["total"] >= 2  # the two example reports of the Tuz Khurmatu attack
    assert all(e["group_id"] and e["group_sources"] >= 2 for e in body["events"])
    assert len({e["doc_id"] for e in body["events"]}) >= 2
    assert client.get("/api/events?corroborated=0").status_code == 422


def test_empty_form_fields_mean_no_filter(client, records):
    body = client.get("/api/events?limit=1000&since=&until=&country=&actor=&type=&min_fatalities=&text=").json()
    assert body["total"] == len(records)


def test_pages_and_sorting(client, records):
    pages = [client.get(f"/api/events?limit=20&offset={o}&sort=-fatalities").json() for o in range(0, len(records), 20)]
    seen = [e for p in pages for e in p["events"]]
    assert sorted(ids(seen)) == sorted(ids(records)) and len(set(ids(seen))) == len(seen)
    dead = [e["fatalities"]["best"] for e in seen if e["fatalities"]]
    assert dead == sorted(dead, reverse=True) and dead
    assert all(e["fatalities"] is None for e in seen[len(dead):])  # unknown last
    dates = [e["date"]["start"] for e in client.get("/api/events?limit=1000&sort=-date").json()["events"]]
    known = [d for d in dates if d]
    assert known == sorted(known, reverse=True) and dates[:len(known)] == known


@pytest.mark.parametrize("query", ["since=yesterday", "modality=rumoured", "sort=nope", "limit=0", "actor_type=9",
                                   "limit=5000"])
def test_invalid_parameters_are_422_with_the_reason(client, query):
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 422
    assert query.split("=")[0] in r.json()["detail"][0]["loc"]


def test_points_are_the_located_filtered_events(client, records):
    body = client.get("/api/points?country=SYR").json()
    located = [r for r in records if r["location"] and r["location"]["country"] == "SYR"]
    assert body["total"] == len(located) == len(body["lat"]) == len(body["category"])
    assert set(body["id"]) == set(ids(located))
    i = body["id"].index(located[0]["event_id"])
    assert (body["lat"][i], body["lon"][i]) == (located[0]["location"]["lat"], located[0]["location"]["lon"])
    assert body["categories"][body["category"][i]] == (located[0]["acled_event_type"] or "Other")


@pytest.mark.parametrize("interval", ["day", "week"])
def test_timeline_counts_every_filtered_event_once(client, records, interval):
    body = client.get(f"/api/timeline?interval={interval}").json()
    counted = sum(n for p in body["periods"] for n in p["counts"].values())
    assert counted + body["undated"] == len(records)
    assert body["undated"] == sum(1 for r in records if not r["date"]["start"])
    if interval == "week":
        assert all(date.fromisoformat(p["start"]).weekday() == 0 for p in body["periods"])  # Mondays


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson", "jsonl", "plover-jsonl"])
def test_downloads_equal_the_cli_export(client, web_store, tmp_path, fmt):
    r = client.get(f"/api/export?format={fmt}&country=SYR&modality=asserted&modality=claimed")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    out = tmp_path / "cli.out"
    result = CliRunner().invoke(cli, ["export", str(out), "--format", fmt, "--store", str(web_store),
                                      "--country", "SYR", "--modality", "asserted", "--modality", "claimed"])
    assert result.exit_code == 0, result.output
    assert r.content == out.read_bytes() and len(r.content) > 500


def test_csv_download_has_acleds_columns_and_only_the_filtered_rows(client, records):
    r = client.get("/api/export?format=acled-csv&type=Battles")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["warlog_event_id"] for row in rows} == {e["event_id"] for e in records if e["acled_event_type"] == "Battles"}
    assert r.headers["content-type"].startswith("text/csv")


def test_actor_page_data(client):
    body = client.get("/api/actors/isis").json()
    assert body["actor"]["canonical"] == "Islamic State"
    assert "ISIS" in body["knowledge_base"]["aliases"]
    assert body["as_actor"]["total"] == len(body["as_actor"]["events"]) > 0
    assert all(any(a["actor_id"] == "isis" for a in e["actors"]) for e in body["as_actor"]["events"])
    assert all(any(a["actor_id"] == "isis" for a in e["recipients"]) for e in body["as_recipient"]["events"])
    net = body["network"]
    keys = [n["key"] for n in net["nodes"]]
    assert keys[0] == "isis" and len(keys) > 2
    assert net["edges"] and all(e["source"] in keys and e["target"] in keys and e["events"] >= 1 for e in net["edges"])
    assert client.get("/api/actors/no-such-actor").status_code == 404


def test_actors_follow_the_filter(client):
    everyone = client.get("/api/actors").json()["actors"]
    in_iraq = client.get("/api/actors?country=IRQ").json()["actors"]
    assert 0 < len(in_iraq) < len(everyone)
    assert any(a["key"] == "military-irq" for a in in_iraq)


def test_document_with_marks(client, records):
    listing = client.get("/api/documents").json()
    assert listing["total"] == 15
    genres = {d["source"].rsplit("/", 1)[-1]: d["genre"] for d in listing["documents"]}
    assert genres["opinion-2016-10-28-raqqa.txt"] == "opinion" and genres["roundup-2018-03-16.txt"] == "roundup"
    doc_id = next(r["doc_id"] for r in records if "Khamis" in r["quote"])
    body = client.get(f"/api/documents/{doc_id}").json()
    text = body["document"]["text"]
    assert {e["event_id"] for e in body["events"]} == {r["event_id"] for r in records if r["doc_id"] == doc_id}
    quotes = {(m["start"], m["end"]) for m in body["marks"] if m["kind"] == "quote"}
    assert quotes == {tuple(e["span"]) for e in body["events"]}
    for m in body["marks"]:
        assert 0 <= m["start"] < m["end"] <= len(text) and m["events"]
    kinds = {m["kind"] for m in body["marks"]}
    assert {"quote", "trigger", "actor", "place", "date"} <= kinds
    assert client.get("/api/documents/0000").status_code == 404


def test_event_source_marks_the_quote_and_its_mentions(client, records):
    rec = next(r for r in records if "Khamis" in r["quote"])
    body = client.get(f"/api/events/{rec['event_id']}/source").json()
    text = body["document"]["text"]
    by_kind = {m["kind"]: text[m["start"]:m["end"]] for m in body["marks"]}
    assert by_kind["quote"] == rec["quote"]
    assert by_kind["date"] == rec["date"]["text"]
    assert by_kind["place"] == text[slice(*rec["location"]["span"])]
    assert client.get("/api/events/nope").status_code == 404


def test_places_and_stats(client, records):
    places = client.get("/api/places").json()["places"]
    assert sum(p["events"] for p in places) == sum(1 for r in records if r["location"])
    stats = client.get("/api/stats?country=IRQ").json()
    assert stats["store"]["events"] == len(records)
    assert stats["filtered"]["events"] == sum(1 for r in records if (r["location"] or {}).get("country") == "IRQ")
    assert set(stats["filtered"]["by_country"]) == {"IRQ"}


def test_every_response_carries_the_security_headers(client):
    for path in ["/map", "/api/events", "/api/nothing", "/static/css/app.css", "/vendor/leaflet.js"]:
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP and "unsafe-eval" not in CSP


def test_only_listed_vendor_files_are_served(client):
    assert client.get("/vendor/leaflet.js").status_code == 200
    assert client.get("/vendor/images/layers.png").headers["content-type"] == "image/png"
    for path in ["/vendor/leaflet/package.json", "/vendor/images/%2e%2e/leaflet.js", "/vendor/images/.hidden",
                 "/vendor/playwright-core/package.json", "/vendor/%2e%2e/package-lock.json"]:
        assert client.get(path).status_code == 404, path


def test_openapi_and_docs_page_are_local(client):
    spec = client.get("/openapi.json").json()
    for path in ["/api/events", "/api/actors", "/api/documents", "/api/places", "/api/stats", "/api/export"]:
        assert path in spec["paths"]
    page = client.get("/api/docs").text
    assert "/vendor/swagger-ui-bundle.js" in page and "http" not in page.split("<body", 1)[1].replace("http-equiv", "")


def test_pages_escape_article_text(client, records):
    doc_id = next(r["doc_id"] for r in records if r.get("input_id") == "hostile-1")
    html = client.get(f"/documents/{doc_id}").text
    assert "<script>window" not in html and "&lt;script&gt;window" in html  # the title, escaped by Jinja


def test_a_dns_rebinding_host_is_refused(web_store):
    with TestClient(create_app(str(web_store), allowed_hosts=["127.0.0.1", "localhost"]),
                    base_url="http://127.0.0.1") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"Host": "attacker.example"}).status_code == 400


# --- writing -------------------------------------------------------------------------------
WRITES = ("POST", "PUT", "PATCH", "DELETE")


def write_routes(app):
    """(method, path) of every write endpoint the API describes, path parameters filled in."""
    for path, operations in app.openapi()["paths"].items():
        for method in operations:
            if method.upper() in WRITES:
                yield method.upper(), path.replace("{", "").replace("}", "")


def test_without_a_token_every_write_endpoint_is_refused(web_store, tmp_path):
    read_only = create_app(str(web_store))
    routes = list(write_routes(read_only))
    assert ("POST", "/api/ingest/text") in routes and ("POST", "/api/ingest/files") in routes
    with TestClient(read_only) as c:
        for method, path in routes:
            r = c.request(method, path, json={"text": "Gunmen attacked a checkpoint."})
            assert r.status_code == 403, (method, path)
        assert c.get("/api/jobs/anything").status_code == 403
        for path in read_only.openapi()["paths"]:  # and no read endpoint takes a write
            for method in WRITES:
                if (method, path) not in routes:
                    assert c.request(method, path.replace("{", "").replace("}", "")).status_code in (403, 405)
    with TestClient(create_app(str(web_store), token=TOKEN)) as c:
        for method, path in routes:
            for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
                r = c.request(method, path, json={"text": "Gunmen attacked a checkpoint."}, headers=headers)
                assert r.status_code == 401, (method, path, headers)
                assert r.headers["www-authenticate"] == "Bearer"
    with Store(web_store) as s:
        assert s.stats()["documents"] == 15  # nothing was written


def wait_for(c, job, headers):
    deadline = time.monotonic() + JOB_LIMIT
    while job["status"] not in ("done", "failed"):
        assert time.monotonic() < deadline, f"job still {job['status']}"
        time.sleep(0.1)
        job = c.get(f"/api/jobs/{job['id']}", headers=headers).json()
    return job


@pytest.fixture
def writable(web_store, tmp_path, extractor):
    path = tmp_path / "copy.db"
    shutil.copy(web_store, path)
    with TestClient(create_app(str(path), token=TOKEN, extractor=lambda: extractor)) as c:
        yield c, path


AUTH = {"Authorization": f"Bearer {TOKEN}"}
PASTED = ("KIRKUK, March 2, 2018 - Gunmen killed four soldiers at a checkpoint near Tarmiyah on Thursday, "
          "security sources said.")


def test_pasted_text_is_ingested_with_the_token(writable):
    c, path = writable
    r = c.post("/api/ingest/text", json={"text": PASTED, "title": "Checkpoint attack"}, headers=AUTH)
    assert r.status_code == 202
    job = wait_for(c, r.json(), AUTH)
    assert job["status"] == "done" and job["added"] == 1 and job["events"] >= 1 and job["done"] == job["total"] == 1
    doc = c.get(f"/api/documents/{job['doc_ids'][0]}").json()
    assert doc["document"]["title"] == "Checkpoint attack"
    assert any(e["fatalities"] and e["fatalities"]["best"] == 4 for e in doc["events"])
    again = wait_for(c, c.post("/api/ingest/text", json={"text": PASTED}, headers=AUTH).json(), AUTH)
    assert again["unchanged"] == 1 and again["added"] == 0


def test_uploaded_files_are_ingested_and_a_new_version_replaces_the_old(writable, tmp_path):
    c, path = writable
    files = [("files", ("report.txt", PASTED.encode(), "text/plain")),
             ("files", ("batch.jsonl", HOSTILE.read_bytes(), "application/x-ndjson")),
             ("files", ("empty.txt", b"", "text/plain"))]
    job = wait_for(c, c.post("/api/ingest/files", files=files, data={"published": "2018-03-02"}, headers=AUTH).json(), AUTH)
    assert job["status"] == "done" and job["total"] == 2 and job["added"] == 1 and job["unchanged"] == 1
    assert len(job["problems"]) == 1 and job["problems"][0].startswith("[E101] empty.txt")
    sources = {d["source"] for d in c.get("/api/documents").json()["documents"]}
    assert "upload:report.txt" in sources
    changed = PASTED.replace("four soldiers", "five soldiers")
    job = wait_for(c, c.post("/api/ingest/files", files=[("files", ("report.txt", changed.encode(), "text/plain"))],
                             headers=AUTH).json(), AUTH)
    assert job["replaced"] == 1
    with Store(path) as s:
        assert s.deletions() and s.integrity() == []


def test_an_upload_cannot_name_a_path_outside_its_folder():
    from warlog.web.uploads import safe_name

    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("..") == "upload.txt"
    assert safe_name("C:\\reports\\day.txt") == "day.txt"


def test_ingest_requests_are_validated(writable):
    c, _ = writable
    assert c.post("/api/ingest/text", json={"text": ""}, headers=AUTH).status_code == 422
    assert c.post("/api/ingest/files", data={"published": "2018-03-02"}, headers=AUTH).status_code == 400
    r = c.post("/api/ingest/files", files=[("files", ("a.txt", b"x", "text/plain"))], data={"published": "soon"},
               headers=AUTH)
    assert r.status_code == 400 and "published" in r.json()["detail"]


def test_serve_says_how_to_install_missing_front_end_packages(web_store, tmp_path, monkeypatch):
    from warlog.errors import WarlogError

    monkeypatch.setenv("WARLOG_NODE_MODULES", str(tmp_path))
    with pytest.raises(WarlogError, match=r"\[E307\].*npm ci"):
        create_app(str(web_store))
    result = CliRunner().invoke(cli, ["serve", "--store", str(web_store), "--port", "1"])
    assert result.exit_code == 1 and "[E307]" in result.output and "Traceback" not in result.output

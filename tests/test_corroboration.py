"""Corroboration groups across documents (warlog/corroboration.py) through a real SQLite store:
hand-built events for the rules, then two of our example reports of one attack, ingested."""
import json
import sqlite3
from datetime import date

import pytest

from warlog import migrations
from warlog.filters import EventFilter
from warlog.ingest import ingest
from warlog.record import ActorRef, Attribution, DateValue, Location
from warlog.store import Store

from conftest import EXAMPLES
from factories import make_document, make_event

TUZ = ("wire-2019-05-15-tuz-khurmatu.txt", "local-2019-05-15-tuz-khurmatu.txt")


def two_reports(**second):
    a = make_document("Gunmen attacked a police checkpoint near Kirkuk on Monday, killing two officers.",
                      source="/news/a.txt", publisher="Example Wire")
    b = make_document("Two policemen died when militants stormed a checkpoint in Kirkuk on Monday night.",
                      source="/news/b.txt", publisher="Another Paper")
    ev_a = make_event(a, publisher="Example Wire")
    fields = {"location": Location("Kirkuk", "gn:94787", 35.50, 44.40, "IRQ", "Kirkuk", None, 1), **second}
    ev_b = make_event(b, trigger="stormed", trigger_span=(35, 42), publisher="Another Paper", **fields)
    return (a, ev_a), (b, ev_b)


def test_two_reports_of_one_attack_share_a_group_of_two_sources(store):
    (a, ev_a), (b, ev_b) = two_reports()
    store.save(a, [ev_a])
    store.save(b, [ev_b])
    first, second = store.event(ev_a.event_id), store.event(ev_b.event_id)
    assert first["group_id"] == second["group_id"] == ev_a.event_id  # the first report names the group
    assert first["group_sources"] == second["group_sources"] == 2
    assert {r["event_id"] for r in store.events(EventFilter(corroborated=2))} == {ev_a.event_id, ev_b.event_id}
    assert store.events(EventFilter(corroborated=3)) == []


@pytest.mark.parametrize("change", [
    {"date": DateValue(date(2017, 10, 20), date(2017, 10, 20), "day", "on October 20")},  # ten days apart
    {"location": Location("Basra", "gn:99532", 30.508, 47.783, "IRQ", "Basra", None, 1)},  # 600 km away
    {"acled_event_type": "Protests", "acled_sub_event_type": "Peaceful protest"},
    {"actors": [ActorRef("Turkish jets", "military-tur", "Military Forces of Turkey", 1, "TUR")],
     "recipients": [ActorRef("PKK", "pkk", "Kurdistan Workers' Party", 2, "TUR")]},
    {"modality": "predicted"},  # a forecast is no report of the event
])
def test_reports_that_differ_in_date_place_type_actors_or_modality_stay_apart(store, change):
    (a, ev_a), (b, ev_b) = two_reports(**change)
    store.save(a, [ev_a])
    store.save(b, [ev_b])
    assert store.event(ev_b.event_id)["group_id"] != ev_a.event_id
    assert store.events(EventFilter(corroborated=2)) == []


def test_two_documents_quoting_one_outlet_are_one_source(store):
    said = Attribution("Reuters", "Reuters", "reuters", [{"source": "Reuters", "text": "Reuters", "actor_id": "reuters"}])
    (a, ev_a), (b, ev_b) = two_reports(attribution=said, modality="claimed")
    ev_a.attribution, ev_a.modality = said, "claimed"
    store.save(a, [ev_a])
    store.save(b, [ev_b])
    rec = store.event(ev_b.event_id)
    assert rec["group_id"] == ev_a.event_id and rec["group_sources"] == 1


def test_a_new_version_of_a_report_leaves_the_group_and_its_count_drops(store):
    (a, ev_a), (b, ev_b) = two_reports()
    store.save(a, [ev_a])
    store.save(b, [ev_b])
    b2 = make_document("A correction: the checkpoint attack was in Mosul, not Kirkuk.", source="/news/b.txt")
    store.save(b2, [])
    rec = store.event(ev_a.event_id)
    assert rec["group_id"] == ev_a.event_id and rec["group_sources"] == 1
    assert store.conn.execute("SELECT COUNT(*) FROM event_groups").fetchone()[0] == 1


def test_a_store_from_before_groups_gets_them_on_opening(tmp_path):
    """Migration 3 on a store made by an older warlog: nothing is lost, groups are computed."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    for version, (name, sql) in enumerate(migrations.STEPS[:2], 1):
        for statement in migrations._statements(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO migrations VALUES (?, ?, '2026-01-01')", (version, name))
    conn.close()
    (a, ev_a), (b, ev_b) = two_reports()
    for doc, ev in ((a, ev_a), (b, ev_b)):  # what an older warlog wrote: rows without genre or group
        old = sqlite3.connect(path, isolation_level=None)
        rec = ev.to_dict()
        old.execute("INSERT INTO documents (doc_id, source_key, source, text, event_count, ingested_at, updated_at)"
                    " VALUES (?, ?, ?, ?, 1, 'x', 'x')", (doc.doc_id, doc.source_key, doc.source, doc.text))
        old.execute("INSERT INTO events (event_id, doc_id, span_start, span_end, plover_type, acled_event_type, modality,"
                    " date_start, date_end, lat, lon, record, created_at, updated_at)"
                    " VALUES (?, ?, 0, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')",
                    (ev.event_id, doc.doc_id, ev.plover_type, ev.acled_event_type, ev.modality, rec["date"]["start"],
                     rec["date"]["end"], ev.location.lat, ev.location.lon, json.dumps(rec)))
        old.close()
    with Store(path) as s:
        assert s.count() == 2
        assert {r["group_sources"] for r in s.events()} == {2}
        assert all(d["genre"] == "news" for d in s.documents())


@pytest.mark.slow
def test_our_two_reports_of_the_tuz_khurmatu_attack_are_one_group_of_two_sources(tmp_path):
    with Store(tmp_path / "tuz.db") as s:
        report = ingest([str(EXAMPLES / TUZ[0]), str(EXAMPLES / TUZ[1])], s)
        assert report.added == 2
        both = s.events(EventFilter(corroborated=2))
        groups = {r["group_id"] for r in both}
        assert len(groups) == 1, [(r["trigger"]["text"], r["group_id"]) for r in s.events()]
        assert {r["doc_id"] for r in both} == {d["doc_id"] for d in s.documents()}
        assert all(r["group_sources"] == 2 for r in both)
        assert all(r["fatalities"] and r["fatalities"]["best"] in (12, 14) for r in both if r["plover_type"] == "ASSAULT"
                   and r["location"] and r["fatalities"])
        # ingesting again changes nothing: groups are stable
        ingest([str(EXAMPLES / name) for name in TUZ], s)
        assert {r["group_id"] for r in s.events(EventFilter(corroborated=2))} == groups
    # the same through the command line
    from click.testing import CliRunner

    from warlog.cli import cli

    out = CliRunner().invoke(cli, ["events", "--store", str(tmp_path / "tuz.db"), "--corroborated", "2", "--format", "jsonl"])
    assert out.exit_code == 0
    assert {json.loads(line)["group_id"] for line in out.output.splitlines()} == groups
    listing = CliRunner().invoke(cli, ["documents", "--store", str(tmp_path / "tuz.db")]).output
    assert listing.count(" news ") == 2


def test_exports_carry_the_group_and_its_sources(store):
    import csv
    import io

    from warlog.export import WRITERS

    (a, ev_a), (b, ev_b) = two_reports()
    store.save(a, [ev_a])
    store.save(b, [ev_b])
    records = store.events()
    out = io.StringIO()
    WRITERS["acled-csv"](records, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {(r["dedup_cluster_id"], r["group_sources"]) for r in rows} == {(ev_a.event_id, "2")}
    out = io.StringIO()
    WRITERS["geojson"](records, out)
    props = [f["properties"] for f in json.loads(out.getvalue())["features"]]
    assert {(p["group_id"], p["group_sources"]) for p in props} == {(ev_a.event_id, 2)}
    out = io.StringIO()
    WRITERS["plover-jsonl"](records, out)
    assert {json.loads(line)["groupSources"] for line in out.getvalue().splitlines()} == {2}


# same_event pairs of tests/fixtures/expectations.json that warlog cannot yet group, and why
SAME_EVENT_GAPS: dict[str, str] = {}


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory, extractor):
    path = tmp_path_factory.mktemp("examples") / "events.db"
    with Store(path) as s:
        ingest([str(EXAMPLES)], s, published=date(2016, 10, 28), extractor=extractor)
    return path


def _same_event_cases():
    from expectations import EXPECTATIONS

    for entry in EXPECTATIONS["same_event"]:
        gap = next((why for what, why in SAME_EVENT_GAPS.items() if entry["what"].startswith(what)), None)
        marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
        yield pytest.param(entry, id=entry["what"][:40], marks=marks)


@pytest.mark.slow
@pytest.mark.parametrize("entry", list(_same_event_cases()))
def test_reports_of_one_event_in_the_examples_are_one_group(examples_store, entry):
    with Store(examples_store) as s:
        docs = {d["source"].rsplit("/", 1)[-1]: d["doc_id"] for d in s.documents()}
        groups = []
        for mention in entry["mentions"]:
            found = [r for r in s.events(EventFilter(doc_id=docs[mention["file"]]))
                     if mention["quote_contains"] in r["quote"] and r["group_id"]]
            groups.append({r["group_id"] for r in found})
        assert set.intersection(*groups), f"{entry['what']}: groups {groups}"
        shared = set.intersection(*groups).pop()
        assert s.events(EventFilter(doc_id=docs[entry["mentions"][0]["file"]], corroborated=2))
        assert all(r["group_sources"] >= 2 for r in s.events() if r["group_id"] == shared)

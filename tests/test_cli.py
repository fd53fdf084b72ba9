"""The warlog command, run as a user runs it: CliRunner in-process for most commands, a real
subprocess for the crash test. Real SQLite stores in tmp folders."""
import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from warlog.cli import cli
from warlog.store import Store

from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow

WIRE = """BAGHDAD, March 2, 2018 - Gunmen killed four soldiers at a checkpoint near Tarmiyah on Thursday, \
security sources said.

Iraqi forces later arrested two suspects in a raid on a farm north of the town, the army said."""


def run(*args, input=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    store = tmp_path_factory.mktemp("store") / "w.db"
    result = run("ingest", EXAMPLES, "--store", store, "--published", "2016-10-28")
    assert result.exit_code == 0, result.output
    return store, result


def test_ingest_examples_reports_a_summary(ingested):
    store, result = ingested
    assert "documents" in result.stderr and "events stored" in result.stderr
    with Store(store) as s:
        stats = s.stats()
        assert stats["documents"] == 14 and stats["events"] >= 60  # 7 files of one report, 3 feed items, 4 lines
        assert stats["corroborated_groups"] >= 1  # the two reports of the Tuz Khurmatu attack
        assert s.integrity() == []


def test_reingesting_unchanged_documents_changes_nothing(ingested):
    store, _ = ingested
    with Store(store) as s:
        before = s.count()
    result = run("ingest", EXAMPLES, "--store", store, "--published", "2016-10-28")
    assert result.exit_code == 0
    assert " 0 added, 0 replaced" in result.stderr
    with Store(store) as s:
        assert s.count() == before


def test_events_table_and_filters(ingested):
    store, _ = ingested
    out = run("events", "--store", store, "--country", "Iraq", "--type", "Battles", "--modality", "asserted").output
    lines = out.splitlines()
    assert len(lines) > 3 and "Qaim" in out
    assert all("asserted" in line for line in lines[2:])
    out = run("events", "--store", store, "--format", "jsonl", "--since", "2018-01-01", "--until", "2018-12-31").output
    recs = [json.loads(x) for x in out.splitlines()]
    assert recs and all("2018" in r["date"]["start"] or r["date"]["end"] >= "2018-01-01" for r in recs)
    out = run("events", "--store", store, "--format", "json", "--text", "Tebourba").output
    assert all("Tebourba" in r["quote"] for r in json.loads(out))


def test_export_acled_csv_geojson_and_plover(ingested, tmp_path):
    store, _ = ingested
    path = tmp_path / "events.csv"
    result = run("export", path, "--store", store, "--format", "acled-csv", "--country", "SYR")
    assert result.exit_code == 0
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["iso3"] == "SYR" and r["country"] == "Syria" for r in rows)
    assert list(rows[0])[:3] == ["data_id", "iso", "event_id_cnty"] and list(rows[0])[30] == "iso3"
    geo = tmp_path / "events.geojson"
    run("export", geo, "--store", store, "--format", "geojson")
    data = json.loads(geo.read_text())
    lon, lat = data["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    out = run("export", "-", "--store", store, "--format", "plover-jsonl").output
    first = json.loads(out.splitlines()[0])
    assert {"event", "source", "target", "dead", "geolocation"} <= set(first)


def test_show_explains_an_event(ingested):
    store, _ = ingested
    rec = json.loads(run("events", "--store", store, "--format", "jsonl", "--text", "Khamis").output.splitlines()[0])
    out = run("show", rec["event_id"], "--store", store).output
    assert "quote in context" in out and ">>> " in out and "why:" in out
    assert run("show", "nope", "--store", store).exit_code == 1


def test_actors_lists_both_sides(ingested):
    store, _ = ingested
    out = run("actors", "--store", store, "--format", "json").output
    rows = json.loads(out)
    names = {r["canonical"] for r in rows}
    assert "Islamic State" in names and any(r["as_recipient"] for r in rows)


def test_changed_document_replaces_its_events(tmp_path):
    store, doc = tmp_path / "w.db", tmp_path / "report.txt"
    doc.write_text(WIRE, encoding="utf-8")
    run("ingest", doc, "--store", store)
    with Store(store) as s:
        old = {r["event_id"] for r in s.events()}
    doc.write_text(WIRE.replace("four soldiers", "five soldiers"), encoding="utf-8")
    result = run("ingest", doc, "--store", store)
    assert "1 replaced" in result.stderr
    with Store(store) as s:
        new = {r["event_id"] for r in s.events()}
        assert old and new and not (old & new)
        assert {d["event_id"] for d in s.deletions()} == old
        assert any(r["fatalities"] and r["fatalities"]["best"] == 5 for r in s.events())
    assert run("deletions", "--store", store).output.count("document changed") == len(old)


def test_extract_prints_records_and_carries_jsonl_ids(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "r-17", "published": "2018-03-02", "text": WIRE}) + "\n", encoding="utf-8")
    recs = [json.loads(x) for x in run("extract", batch).output.splitlines()]
    assert recs and all(r["input_id"] == "r-17" for r in recs)
    recs = [json.loads(x) for x in run("extract", "-", "--published", "2018-03-02", input=WIRE).output.splitlines()]
    killing = [r for r in recs if r["fatalities"] and r["fatalities"]["best"] == 4]
    assert killing and abs(killing[0]["location"]["lat"] - 33.67) < 0.1  # at Tarmiyah
    assert killing[0]["date"]["start"] == "2018-03-01"
    table = run("extract", "-", "--format", "table", "--published", "2018-03-02", input=WIRE).output
    assert len(table.splitlines()) == 2 + len(recs) and "claimed" in table


def test_bad_files_are_reported_one_line_each_and_good_ones_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(WIRE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    with open(folder / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)  # a 50 MB file
    (folder / "latin1.txt").write_bytes("KIRKUK, 2 March 2018 - Des tirs ont tué deux policiers à Kirkouk, "
                                        "a déclaré la police. Gunmen killed two policemen near Kirkuk on Thursday."
                                        .encode("latin-1"))
    (folder / "broken.html").write_text("<html><body><p>Militants shelled Tuz Khurmatu on Thursday, killing "
                                        "three people.<div><p>unclosed", encoding="utf-8")
    store = tmp_path / "w.db"
    result = run("ingest", folder, "--store", store, "--published", "2018-03-02")
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 3
    assert any("empty.txt" in s and "empty" in s for s in skipped)
    assert any("photo.txt" in s and "binary" in s for s in skipped)
    assert any("huge.txt" in s and "too large" in s for s in skipped)
    with Store(store) as s:
        sources = {d["source"].rsplit("/", 1)[-1] for d in s.documents()}
        assert sources == {"good.txt", "latin1.txt", "broken.html"}
        assert s.integrity() == []


def test_exit_status_is_non_zero_only_when_nothing_could_be_ingested(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    result = run("ingest", tmp_path / "empty.txt", "--store", tmp_path / "w.db")
    assert result.exit_code == 1 and "empty" in result.stderr
    result = run("ingest", tmp_path / "missing.txt", "--store", tmp_path / "w.db")
    assert result.exit_code == 1 and "not found" in result.stderr


def test_a_store_that_is_not_sqlite_gives_a_one_line_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("shopping list\n" * 100)
    result = CliRunner().invoke(cli, ["events", "--store", str(bad)])
    assert result.exit_code == 1 and "[E201]" in result.output and "Traceback" not in result.output


def test_kill_during_a_batch_leaves_a_consistent_store_and_a_rerun_completes_it(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    texts = sorted(p for p in EXAMPLES.glob("*.txt"))
    for i in range(30):  # 30 distinct documents
        src = texts[i % len(texts)].read_text(encoding="utf-8")
        (folder / f"{i:02d}.txt").write_text(f"Report number {i}.\n\n{src}", encoding="utf-8")
    store = tmp_path / "w.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "warlog", "ingest", str(folder), "--store", str(store), "--published", "2018-03-16"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(store, timeout=1) as conn:
                stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 5:
            break
    assert proc.poll() is None, "the batch finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(store) as s:
        assert s.integrity() == []
        partial = s.stats()["documents"]
    assert 5 <= partial < 30
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert f"{partial} unchanged" in done.stderr
    with Store(store) as s:
        assert s.stats()["documents"] == 30 and s.integrity() == []
        ids = [r["event_id"] for r in s.events()]
        assert len(ids) == len(set(ids))


def test_two_worker_processes_store_the_same_events_as_one(ingested, tmp_path):
    store, _ = ingested
    two = tmp_path / "two.db"
    result = run("ingest", EXAMPLES, "--store", two, "--published", "2016-10-28", "--workers", 2)
    assert result.exit_code == 0, result.output
    with Store(store) as a, Store(two) as b:
        assert sorted(r["event_id"] for r in a.events()) == sorted(r["event_id"] for r in b.events())

import json
import sqlite3

import pytest

from warlog.errors import NotFoundError, StoreError, WarlogError
from warlog.filters import EventFilter
from warlog.record import ActorRef, Fatalities
from warlog import migrations
from warlog.store import Store

from factories import make_document, make_event


def test_save_then_read_back_the_full_record(store):
    doc = make_document()
    ev = make_event(doc)
    assert store.save(doc, [ev]) == "added"
    rec = store.event(ev.event_id)
    assert rec["quote"] == doc.text
    assert rec["location"]["name"] == "Kirkuk"
    assert rec["fatalities"] == {"low": 2, "best": 2, "high": 2, "text": "two"}
    assert rec["updated_at"]
    assert store.document(doc.doc_id)["event_count"] == 1


def test_saving_the_same_text_again_changes_nothing(store):
    doc = make_document()
    store.save(doc, [make_event(doc)])
    before = store.conn.execute("SELECT updated_at FROM events").fetchall()
    assert store.status_of(doc) == "unchanged"
    assert store.save(doc, [make_event(doc)]) == "unchanged"
    assert store.count() == 1
    assert store.conn.execute("SELECT updated_at FROM events").fetchall() == before


def test_a_changed_version_replaces_its_events_and_records_deletions(store):
    old = make_document("Gunmen attacked a checkpoint near Kirkuk on Monday.")
    old_event = make_event(old)
    store.save(old, [old_event])
    new = make_document("Gunmen attacked a police checkpoint near Kirkuk on Monday, killing two officers.")
    new_event = make_event(new)
    assert store.save(new, [new_event]) == "replaced"
    assert store.count() == 1
    assert store.event(new_event.event_id)["doc_id"] == new.doc_id
    with pytest.raises(NotFoundError):
        store.event(old_event.event_id)
    gone = store.deletions()
    assert [d["event_id"] for d in gone] == [old_event.event_id]
    assert gone[0]["reason"] == "document changed"
    assert store.integrity() == []


def test_failed_save_leaves_the_store_as_it_was(store):
    doc = make_document()
    good = make_event(doc)
    store.save(doc, [good])
    changed = make_document("Gunmen attacked a checkpoint near Kirkuk on Tuesday.")
    broken = make_event(changed)
    broken.actors = [ActorRef(None, None)]  # name is NOT NULL in the store: the insert fails midway
    with pytest.raises(sqlite3.IntegrityError):
        store.save(changed, [make_event(changed, 0, 10), broken])
    assert store.event(good.event_id)["quote"] == doc.text
    assert store.count() == 1
    assert store.deletions() == []
    assert store.integrity() == []


def test_event_ids_are_stable_across_runs(store, tmp_path):
    doc = make_document()
    assert make_event(doc).event_id == make_event(make_document()).event_id
    assert make_event(doc, 0, 10).event_id != make_event(doc, 0, 11).event_id


def test_filters_select_events(store):
    a = make_document("Turkish police raided a house in Diyarbakir.", source="/a.txt")
    b = make_document("Protesters marched in Amman against price rises.", source="/b.txt")
    store.save(a, [make_event(a, acled_event_type="Battles", modality="asserted")])
    store.save(b, [make_event(b, plover_type="PROTEST", acled_event_type="Protests", acled_sub_event_type="Peaceful protest",
                               actors=[ActorRef("Protesters", None, "Protesters (Jordan)", 6, "JOR")], recipients=[],
                               modality="claimed", fatalities=None)])
    assert store.count(EventFilter(type=["protests"])) == 1
    assert store.count(EventFilter(type=["ASSAULT"])) == 1
    assert store.count(EventFilter(modality=["claimed"])) == 1
    assert store.count(EventFilter(actor="Protesters")) == 1
    assert store.count(EventFilter(actor="police-irq")) == 1
    assert store.count(EventFilter(actor_type=6)) == 1
    assert store.count(EventFilter(min_fatalities=1)) == 1
    assert store.count(EventFilter(text="Diyarbakir")) == 1
    assert store.count(EventFilter(text="amman price")) == 1


def test_full_text_search_ignores_diacritics_and_punctuation(store):
    doc = make_document("Clashes were reported in Diyarbakır's old city.")
    store.save(doc, [make_event(doc)])
    assert store.count(EventFilter(text="Diyarbakir")) == 1
    assert store.count(EventFilter(text='Diyarbakır" OR "x')) == 0  # quotes are not FTS syntax


def test_date_filters_use_the_event_range(store):
    doc = make_document()
    store.save(doc, [make_event(doc)])  # 2017-10-30
    from datetime import date
    assert store.count(EventFilter(since=date(2017, 10, 30))) == 1
    assert store.count(EventFilter(since=date(2017, 10, 31))) == 0
    assert store.count(EventFilter(until=date(2017, 10, 29))) == 0


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="E201"):
        Store(path)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="other tables"):
        Store(other)


def test_reopening_keeps_data_and_schema(tmp_path):
    path = tmp_path / "w.db"
    doc = make_document()
    with Store(path) as s:
        s.save(doc, [make_event(doc)])
    with Store(path) as s:
        assert s.count() == 1
        rows = s.conn.execute("SELECT version, name FROM migrations").fetchall()
        assert [r[0] for r in rows] == list(range(1, migrations.SCHEMA_VERSION + 1))
        assert json.loads(s.conn.execute("SELECT record FROM events").fetchone()[0])["event_id"]


def test_sorting_and_pages(store):
    docs = [make_document(f"Gunmen attacked a checkpoint near Kirkuk on Monday, report {i}.", source=f"/n/{i}.txt")
            for i in range(5)]
    for i, doc in enumerate(docs):
        store.save(doc, [make_event(doc, fatalities=Fatalities(i, i, i) if i % 2 else None)])
    dead = [r["fatalities"]["best"] if r["fatalities"] else None for r in store.events(sort="-fatalities")]
    assert dead == [3, 1, None, None, None]  # unknown last, also when descending
    total, page = store.page(EventFilter(country=["IRQ"]), limit=2, offset=2, sort="date")
    assert total == 5 and [r["event_id"] for r in page] == [r["event_id"] for r in store.events(limit=2, offset=2)]
    assert store.page(EventFilter(country=["IRQ"]), limit=2, offset=10) == (5, [])
    assert [r["event_id"] for r in store.iter_events()] == [r["event_id"] for r in store.events()]
    with pytest.raises(WarlogError, match="E306"):
        store.events(sort="colour")


def test_actors_of_filtered_events(store):
    doc = make_document()
    store.save(doc, [make_event(doc)])
    assert {a["key"] for a in store.actors()} == {"Unidentified Armed Group", "police-irq"}
    assert store.actors(EventFilter(country=["SYR"])) == []

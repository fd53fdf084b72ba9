import csv
import io
import json

from warlog import export
from warlog.record import ActorRef

from factories import make_document, make_event

ACLED_FIRST = ["data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
               "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
               "inter2", "interaction", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
               "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp", "iso3"]


def record(**kw):
    doc = make_document()
    rec = make_event(doc, **kw).to_dict()
    rec["updated_at"] = "2017-11-04T10:00:00+00:00"
    return rec


def read_csv(records):
    out = io.StringIO()
    export.write_csv(records, out)
    return list(csv.DictReader(io.StringIO(out.getvalue()))), out.getvalue().splitlines()[0].split(",")


def test_acled_columns_come_first_in_acled_order():
    rows, header = read_csv([record()])
    assert header[:31] == ACLED_FIRST
    for extra in ("modality", "attribution_source", "confidence", "source_url", "publisher", "published_at",
                  "text", "span_start", "span_end", "extractor_version", "fatalities_low", "fatalities_best",
                  "fatalities_high", "dedup_cluster_id", "language", "updated_at"):
        assert extra in header


def test_acled_row_values():
    rows, _ = read_csv([record()])
    row = rows[0]
    assert row["country"] == "Iraq" and row["iso3"] == "IRQ" and row["iso"] == "368"
    assert row["region"] == "Middle East"
    assert row["event_date"] == "2017-10-30" and row["year"] == "2017" and row["time_precision"] == "1"
    assert row["actor1"] == "Unidentified Armed Group" and row["inter1"] == "3"
    assert row["actor2"] == "Police Forces of Iraq" and row["inter2"] == "1"
    assert row["interaction"] == "13"  # ACLED writes the lower code first
    assert row["latitude"] == "35.4681" and row["longitude"] == "44.3922"
    assert row["fatalities"] == "2" and row["geo_precision"] == "2"
    assert row["timestamp"] == "1509789600"


def test_a_single_actor_interaction_ends_in_zero():
    rows, _ = read_csv([record(recipients=[])])
    assert rows[0]["interaction"] == "30" and rows[0]["inter2"] == "0"


def test_spreadsheet_formulas_in_article_text_are_neutralised():
    doc = make_document('=HYPERLINK("http://evil.example","click") said the militia.')
    rec = make_event(doc, actors=[ActorRef("@SUM(A1)", None, "+cmd|' /C calc'!A0", 3)]).to_dict()
    rows, _ = read_csv([rec])
    assert rows[0]["notes"].startswith("'=HYPERLINK")
    assert rows[0]["actor1"].startswith("'+cmd")
    assert rows[0]["longitude"] == "44.3922"  # numbers stay numbers


def test_geojson_uses_lon_lat_order_and_skips_unlocated_events():
    located = record()
    unlocated = record(location=None, span=(0, 5), trigger_span=(0, 1))
    out = io.StringIO()
    n = export.write_geojson([located, unlocated], out)
    data = json.loads(out.getvalue())
    assert n == 1 and data["type"] == "FeatureCollection"
    assert data["features"][0]["geometry"]["coordinates"] == [44.3922, 35.4681]
    assert data["features"][0]["properties"]["modality"] == "asserted"


def test_plover_record_has_actor_lists_event_mode_and_dead():
    rec = export.plover_record(record(plover_mode="firearms"))
    assert rec["event"] == "ASSAULT" and rec["mode"] == "firearms"
    assert rec["source"][0]["actorText"] == "Gunmen" and rec["target"][0]["code"] == "IRQ"
    assert rec["dead"] == 2
    assert rec["geolocation"]["placeName"] == "Kirkuk"


def test_table_shows_one_line_per_event():
    text = export.format_table([record(), record(modality="claimed")])
    lines = text.splitlines()
    assert len(lines) == 4
    assert "claimed" in lines[3] and "Kirkuk" in lines[2]

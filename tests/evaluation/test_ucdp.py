"""warlog eval ucdp: UCDP GED rows against warlog's events from their headlines.

The headlines are our own, about invented events, in GED's column layout with its HXL tag row."""
from __future__ import annotations

from datetime import date

import pytest

from warlog.actors import KnowledgeBase
from warlog.evaluation import ucdp
from warlog.evaluation.core import Runner
from warlog.evaluation.records import ActorKeys

from .gold_events import event, write_csv

HEADER = [
    # ids and years
    "id", "year", "active_year", "start_year", "end_year", "type_of_violence", "conflict_new_id",
    # conflict and dyad
    "conflict_name", "dyad_new_id", "dyad_name", "side_a_new_id", "gwnoa", "side_a", "side_b_new_id", "gwnob", "side_b",
    # sources
    "number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original",
    # place
    "where_prec", "where_coordinates", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid",
    # country and clarity
    "country", "country_id", "iso3", "region", "event_clarity", "date_prec",
    # dates
    "date_start", "date_end",
    # deaths
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low", "best", "high",
]
# GED's second row: HXL tags, not an event
TAGS = {"year": "#date+year", "side_a": "#group+name+first", "source_headline": "#description",
        "latitude": "#geo+lat", "longitude": "#geo+lon", "best": "#affected+killed"}

BAGHDAD = {"id": "1", "year": "2015", "source_date": "2015-02-10", "date_start": "2015-02-09",
           "source_headline": "Suicide bomber kills 12 at Baghdad checkpoint", "latitude": "33.3406",
           "longitude": "44.4009", "low": "10", "best": "12", "high": "14"}
# another event that cites the same headline: a different toll
BAGHDAD_OTHER = {**BAGHDAD, "id": "2", "low": "2", "best": "3", "high": "4"}
NO_HEADLINE = {**BAGHDAD, "id": "3", "source_headline": ""}
TWO_HEADLINES = {**BAGHDAD, "id": "4", "source_date": "not a date;2015-02-11",
                 "source_headline": "Bomb hits Baghdad checkpoint;Checkpoint blast toll rises"}


def rows_file(tmp_path, rows):
    return write_csv(tmp_path / "ucdp.csv", HEADER, rows, extra_rows=[[TAGS.get(c, "") for c in HEADER]])


def figures(section) -> dict:
    return {f.key: f.value for f in section.figures}


def test_load_skips_the_tag_row_and_rows_without_a_headline(tmp_path):
    golds, skipped = ucdp.load(rows_file(tmp_path, [BAGHDAD, NO_HEADLINE, TWO_HEADLINES]))
    assert skipped == 1 and len(golds) == 2
    assert golds[0].published == date(2015, 2, 10) and (golds[0].low, golds[0].best, golds[0].high) == (10, 12, 14)
    # one paragraph per cited headline; an unreadable first source date falls back to date_start
    assert golds[1].text == "Bomb hits Baghdad checkpoint\n\nCheckpoint blast toll rises"
    assert golds[1].published == date(2015, 2, 9)


def test_a_perfect_prediction_scores_one(tmp_path):
    golds, skipped = ucdp.load(rows_file(tmp_path, [BAGHDAD, BAGHDAD_OTHER, NO_HEADLINE]))
    results = [ucdp.compare(g, [event("Explosions/Remote violence", lat=g.lat, lon=g.lon, dead=g.best)])
               for g in golds]
    got = figures(ucdp.section(golds, results, skipped))
    assert got == {"event_found": 1.0, "location_25km": 1.0, "deaths_in_range": 1.0, "deaths_best_exact": 1.0,
                   "side_a_match": None, "side_b_match": None, "rows_without_headline": 1}


def test_a_known_wrong_prediction_scores_what_we_worked_out(tmp_path):
    golds, skipped = ucdp.load(rows_file(tmp_path, [BAGHDAD, BAGHDAD_OTHER]))
    first, _ = golds
    # the first: 0.5 degree (56 km) away, a toll inside [10, 14] that is not the best; the second: nothing
    results = [ucdp.compare(first, [event("Battles", lat=first.lat + 0.5, lon=first.lon, dead=11)]),
               ucdp.compare(golds[1], [])]
    got = figures(ucdp.section(golds, results, skipped))
    assert got == {"event_found": 0.5, "location_25km": 0.0, "deaths_in_range": 0.5, "deaths_best_exact": 0.0,
                   "side_a_match": None, "side_b_match": None, "rows_without_headline": 0}


def test_sides_are_found_in_either_role_and_a_government_answers_to_its_forces(tmp_path):
    keys = ActorKeys(KnowledgeBase.load())
    rows = [{**BAGHDAD, "side_a": "Government of Iraq", "side_b": "IS"},
            {**BAGHDAD, "id": "5", "side_a": "IS", "side_b": "Civilians"},
            {**BAGHDAD, "id": "6", "side_a": "Government of Iraq", "side_b": "Some Unlisted Brigade"}]
    golds, _ = ucdp.load(rows_file(tmp_path, rows))
    army = {"name": "Iraqi troops", "actor_id": "military-irq", "canonical": "Military Forces of Iraq", "type": 1}
    isis = {"name": "ISIS", "actor_id": "isis", "canonical": "Islamic State", "type": 2}
    shoppers = {"name": "shoppers", "actor_id": None, "canonical": "Civilians (Iraq)", "type": 7, "country": "IRQ"}
    results = [
        ucdp.compare(golds[0], [event("Battles", actors=[isis], recipients=[army], lat=33.3, lon=44.4)], keys),
        ucdp.compare(golds[1], [event("Violence against civilians", actors=[isis], lat=33.3, lon=44.4)], keys),
        ucdp.compare(golds[2], [], keys),
    ]
    assert [(r.side_a, r.side_b) for r in results] == [(True, True), (True, False), (False, None)]
    got = figures(ucdp.section(golds, results, 0))
    assert got["side_a_match"] == pytest.approx(2 / 3) and got["side_b_match"] == 0.5


@pytest.mark.slow
def test_score_runs_the_extractor_on_the_headlines(tmp_path):
    [section] = ucdp.score([rows_file(tmp_path, [BAGHDAD, BAGHDAD_OTHER, NO_HEADLINE])], Runner())
    got = figures(section)
    assert section.items == 2
    assert got["event_found"] == 1.0 and got["location_25km"] == 1.0
    # one headline, two events: its toll of 12 fits the first row only
    assert got["deaths_in_range"] == 0.5 and got["deaths_best_exact"] == 0.5
    assert got["rows_without_headline"] == 1

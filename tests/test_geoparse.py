"""warlog.geoparse and `warlog geoparse`: toponyms with offsets, resolved in the document's context."""
import json

import pytest
from click.testing import CliRunner

import warlog
from warlog.cli import cli
from warlog.geoparse import Alignment

pytestmark = pytest.mark.slow

REPORT = ("Syrian troops retook Palmyra from Islamic State fighters on Thursday, the army said.\n\n"
          "Turkish jets later struck Afrin, and shelling was reported near Hama.")
FIELDS = {"text", "start", "end", "name", "geonames_id", "lat", "lon", "country", "feature_class", "score", "kind"}


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def by_text(rows):
    return {r["text"]: r for r in rows}


def test_rows_have_the_documented_fields_and_offsets_index_the_text(extractor):
    rows = warlog.geoparse(REPORT, extractor=extractor)
    assert [r["text"] for r in rows] == ["Palmyra", "Afrin", "Hama"]
    for r in rows:
        assert set(r) == FIELDS
        assert REPORT[r["start"]:r["end"]] == r["text"]
        assert 0 < r["score"] <= 1 and r["country"] == "SYR" and r["feature_class"] == "P"


def test_offsets_index_the_callers_text_even_when_normalisation_changes_it(extractor):
    # non-breaking space, CRLF, too many blank lines, a zero-width space, trailing spaces, a combining accent
    raw = ("Tal Abyad\u00a0lies near the border.\r\n\r\n\r\n\u200bKobani was shelled.   \r\n"
           "Cafe\u0301 owners in Aleppo said so.  ")
    rows = warlog.geoparse(raw, extractor=extractor)
    assert [raw[r["start"]:r["end"]] for r in rows] == ["Tal Abyad", "Kobani", "Aleppo"]
    assert [r["text"] for r in rows] == ["Tal Abyad", "Kobani", "Aleppo"]


def test_alignment_maps_both_ways_around_dropped_and_composed_characters():
    raw = "  Cafe\u0301\u00a0in\u200b Homs\r\n\r\n\r\nand Hama "
    doc = "Caf\u00e9 in Homs\n\nand Hama"
    align = Alignment(raw, doc)
    homs, hama = doc.index("Homs"), doc.index("Hama")
    assert align.to_given(homs, homs + 4) == (raw.index("Homs"), raw.index("Homs") + 4)
    assert align.to_given(hama, hama + 4) == (raw.index("Hama"), raw.index("Hama") + 4)
    assert align.to_doc(raw.index("Hama"), raw.index("Hama") + 4) == (hama, hama + 4)
    assert Alignment(doc, doc).to_doc(3, 7) == (3, 7)


def test_a_syrian_town_with_namesakes_elsewhere_resolves_by_context(extractor):
    syria = by_text(warlog.geoparse(REPORT, extractor=extractor))["Palmyra"]
    assert (syria["name"], syria["geonames_id"], syria["country"]) == ("Tadmur", 163808, "SYR")
    assert abs(syria["lat"] - 34.56) < 0.05 and abs(syria["lon"] - 38.28) < 0.05
    us = by_text(warlog.geoparse("A barn fire in Palmyra, New York, was put out on Sunday.", extractor=extractor))
    assert us["Palmyra"]["country"] == "USA" and us["New York"]["feature_class"] == "A"


def test_given_spans_are_resolved_one_row_each_in_the_order_given(extractor):
    afrin, turkish = REPORT.index("Afrin"), REPORT.index("Turkish")
    spans = [(afrin, afrin + 5), (turkish, turkish + 7)]
    rows = warlog.geoparse(REPORT, spans=spans, extractor=extractor)
    assert [(r["start"], r["end"]) for r in rows] == spans
    assert [r["text"] for r in rows] == ["Afrin", "Turkish"]
    assert rows[0]["country"] == "SYR" and rows[0]["name"] == "\u2018Afr\u012bn"
    # a nationality given as a toponym stands for its country (the pipeline never reports one)
    assert (rows[1]["name"], rows[1]["geonames_id"], rows[1]["feature_class"]) == ("Turkey", 298795, "A")


def test_given_spans_equal_to_warlogs_own_resolve_the_same_way(extractor):
    own = warlog.geoparse(REPORT, extractor=extractor)
    again = warlog.geoparse(REPORT, spans=[(r["start"], r["end"]) for r in own], extractor=extractor)
    assert again == own


def test_a_given_span_that_names_nothing_stays_unresolved(extractor):
    start = REPORT.index("shelling")
    (row,) = warlog.geoparse(REPORT, spans=[(start, start + 8)], extractor=extractor)
    assert row["text"] == "shelling" and row["name"] is None and row["lat"] is None and row["score"] == 0.0


def test_explain_lists_candidates_best_first_and_the_context(extractor):
    rows = warlog.geoparse(REPORT, explain=True, extractor=extractor)
    why = by_text(rows)["Palmyra"]["explain"]
    assert why["document_countries"][0] == "SYR"
    scores = [c["score"] for c in why["candidates"]]
    assert len(scores) > 1 and scores == sorted(scores, reverse=True)
    assert why["candidates"][0]["geonames_id"] == 163808 and "in SYR" in why["candidates"][0]["why"]
    assert any(c["country"] == "USA" for c in why["candidates"])  # the namesakes were weighed


def test_command_prints_jsonl_and_carries_input_ids(tmp_path):
    batch = tmp_path / "batch.jsonl"
    lines = [{"id": "r-1", "text": REPORT}, {"id": "r-2", "text": "Protesters marched in Ankara on Sunday."}]
    batch.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = run("geoparse", batch)
    assert result.exit_code == 0
    rows = [json.loads(x) for x in result.output.splitlines()]
    assert [(r["input_id"], r["text"]) for r in rows] == [("r-1", "Palmyra"), ("r-1", "Afrin"), ("r-1", "Hama"),
                                                          ("r-2", "Ankara")]
    assert rows[-1]["country"] == "TUR" and rows[-1]["source"].endswith("batch.jsonl#L2")


def test_command_reads_standard_input_and_explains_in_a_table():
    result = run("geoparse", "-", "--format", "table", "--explain", input=REPORT)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["span", "toponym", "place"]
    assert any("Palmyra" in x and "Tadmur" in x and "163808" in x for x in lines)
    assert any(x.strip().startswith("context: document countries SYR") for x in lines)
    assert any("in SYR" in x and "Tadmur [163808]" in x for x in lines)  # a candidate with its reasons


def test_bad_input_gives_the_one_line_errors_of_extract(tmp_path):
    empty, missing = tmp_path / "empty.txt", tmp_path / "missing.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = run("geoparse", empty, missing)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [f"skipped: [E101] {empty}: empty file, nothing to read",
                                          f"skipped: [E107] {missing}: not found"]
    assert "Traceback" not in result.output
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": "a", "text": "Clashes in Homs."}\n{"id": "b", "text": \n', encoding="utf-8")
    result = run("geoparse", batch, missing)
    assert result.exit_code == 0 and json.loads(result.stdout)["text"] == "Homs"
    skipped = result.stderr.splitlines()
    assert len(skipped) == 2 and "[E108]" in skipped[0] and "line 2" in skipped[0] and "[E107]" in skipped[1]
    extract = run("extract", batch, missing)
    assert extract.stderr.splitlines() == skipped


def test_blank_text_has_no_toponyms_and_a_span_outside_the_text_is_refused():
    assert warlog.geoparse("  \n ") == []
    with pytest.raises(ValueError, match=r"span \(5, 40\) is not inside the text"):
        warlog.geoparse("Clashes in Homs.", spans=[(5, 40)])


def test_demonyms_are_reported_only_when_asked_and_never_nouns_for_people(extractor):
    text = ("Syrian troops shelled Saraqib on Monday. Residents said European aid had stopped, and "
            "hundreds of Syrians crossed towards the Turkish border.")
    assert all(r["kind"] == "name" for r in warlog.geoparse(text, extractor=extractor))
    rows = by_text(warlog.geoparse(text, demonyms=True, extractor=extractor))
    assert rows["Syrian"]["kind"] == "demonym" and rows["Syrian"]["country"] == "SYR"
    assert rows["European"]["kind"] == "demonym" and rows["European"]["name"] == "Europe"
    assert rows["Turkish"]["country"] == "TUR"
    assert "Syrians" not in rows
    assert rows["Saraqib"]["kind"] == "name"


def test_a_name_the_gazetteer_lacks_is_placed_by_what_surrounds_it(extractor):
    text = ("A shell hit a bakery on Qxzwv Street in Aleppo on Tuesday. Later, the Zyrqab Memorial "
            "Hospital in the same city took in the wounded.")
    rows = by_text(warlog.geoparse(text, extractor=extractor))
    street = rows["Qxzwv Street"]
    assert street["kind"] == "inferred" and street["name"] == "Aleppo" and street["score"] < 0.5
    assert rows["Aleppo"]["kind"] == "name"


def test_a_dateline_in_capitals_is_a_toponym(extractor):
    text = "KIRKUK — Gunmen attacked a police checkpoint south of the city overnight, officials said."
    rows = warlog.geoparse(text, extractor=extractor)
    assert rows and rows[0]["text"] == "KIRKUK" and rows[0]["country"] == "IRQ" and rows[0]["feature_class"] == "P"

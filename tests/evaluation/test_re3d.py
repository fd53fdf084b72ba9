"""re3d entities: loading the mongoexport folders, the pure comparison worked by hand, and the
whole scorer on a tiny hand-made folder through the real extractor."""
from __future__ import annotations

import json

import pytest

from warlog.evaluation import re3d
from warlog.evaluation.core import Runner
from warlog.evaluation.re3d import Mention

from conftest import SHARED

ALPHA = ("Turkish jets struck PKK positions near Amadiya on Tuesday, Iraqi officials said.\n"
         "Prime Minister Haider al-Abadi condemned the raid in Baghdad.")
BETA = ("Syria accused Israel of shelling Quneitra. Kurds marched in Qamishli, and John Marlow of the "
        "Relief Bureau said we must help.")


def _entity(doc_id: str, text: str, phrase: str, type_: str, confidence: float = 1.0, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    return {"_id": f"{doc_id}-{start}-{end}-{type_}", "begin": start, "end": end, "type": type_, "value": phrase,
            "documentId": doc_id, "confidence": confidence}


def _write(folder, name: str, doc_id: str, text: str, entities: list[dict], bom: bool = False) -> None:
    sub = folder / name
    sub.mkdir(parents=True)
    lines = lambda rows: "".join(json.dumps(r) + "\n" for r in rows)  # noqa: E731
    doc = {"_id": doc_id, "sourceName": name, "sourceUrl": "", "wordCount": len(text.split()), "sentenceCount": 2,
           "title": "t", "text": text}
    (sub / "documents.json").write_text(("\ufeff" if bom else "") + lines([doc]), encoding="utf-8")
    (sub / "entities.json").write_text(lines(entities), encoding="utf-8")
    (sub / "relations.json").write_text("", encoding="utf-8")


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "re3d"
    _write(root, "Alpha Wire", "A1", ALPHA, [
        _entity("A1", ALPHA, "Turkish jets", "MilitaryPlatform"),
        _entity("A1", ALPHA, "PKK", "Organisation"),
        _entity("A1", ALPHA, "Amadiya", "Location"),
        _entity("A1", ALPHA, "Tuesday", "Temporal"),
        _entity("A1", ALPHA, "Iraqi officials", "Organisation", 0.9),
        _entity("A1", ALPHA, "Prime Minister Haider al-Abadi", "Person"),
        _entity("A1", ALPHA, "Baghdad", "Location"),
    ])
    _write(root, "Beta Office", "B1", BETA, [
        _entity("B1", BETA, "Syria", "Location", 0.0),
        _entity("B1", BETA, "Syria", "Organisation", 1.0),
        _entity("B1", BETA, " ", "Organisation", 0.2),  # white space only: dropped
        _entity("B1", BETA, "Israel", "Location"),
        _entity("B1", BETA, "Quneitra", "Location"),
        _entity("B1", BETA, "Kurds", "Nationality"),
        _entity("B1", BETA, "Qamishli", "Location"),
        _entity("B1", BETA, "John Marlow", "Person"),
        _entity("B1", BETA, "Relief Bureau", "Organisation"),
        _entity("B1", BETA, "we", "Organisation", nth=0),
    ], bom=True)
    return root


def test_load_merges_types_of_one_span_and_keeps_only_scored_types(folder):
    docs = {d.doc_id: d for d in re3d.load(folder)}
    assert set(docs) == {"A1", "B1"}
    a = [(ALPHA[g.start:g.end], g.main) for g in docs["A1"].gold]
    assert a == [("PKK", "Organisation"), ("Amadiya", "Location"), ("Iraqi officials", "Organisation"),
                 ("Prime Minister Haider al-Abadi", "Person"), ("Baghdad", "Location")]
    syria = docs["B1"].gold[0]
    assert BETA[syria.start:syria.end] == "Syria"
    assert syria.types == {"Location", "Organisation"} and syria.main == "Organisation"  # the more confident
    assert len(docs["B1"].gold) == 7


def test_perfect_prediction_scores_one(folder):
    docs = re3d.load(folder)
    exact, overlap, strict = re3d.Tally(), re3d.Tally(), re3d.Tally()
    for d in docs:
        exact += re3d.compare(d.gold, d.gold)
        overlap += re3d.compare(d.gold, d.gold, overlap=True)
        strict += re3d.compare(re3d.single_typed(d.gold), re3d.single_typed(d.gold))
    sec = re3d.section(docs, exact, overlap, strict)
    for key in ("org_f1", "loc_f1", "per_f1", "micro_precision", "micro_recall", "micro_f1", "micro_f1_overlap",
                "micro_f1_one_type"):
        assert sec.figure(key).value == 1.0, key
    assert sec.figure("gold_loc_and_org").value == 1


def test_country_as_both_types_and_boundaries_by_hand():
    gold = [Mention(0, 5, frozenset({"Location", "Organisation"}), "Organisation"),  # "Syria", both
            Mention(10, 16, frozenset({"Organisation"}), "Organisation"),  # "Jordan", as a government
            Mention(20, 40, frozenset({"Person"}), "Person")]  # "Minister Jane Doe"
    pred = [Mention(0, 5, frozenset({"Location"}), "Location"),  # a place, no state behind it
            Mention(10, 16, re3d.POLITY, "Location"),  # a place that stands for a state
            Mention(29, 40, frozenset({"Person"}), "Person")]  # the name without the title
    exact = re3d.compare(gold, pred)
    # Syria: a match counted as Location; Jordan: a match counted as Organisation; the person is
    # missed (FN) and the shorter span is a false positive
    assert (exact.tp, exact.fp, exact.fn) == ({"Location": 1, "Organisation": 1}, {"Person": 1}, {"Person": 1})
    assert exact.prf() == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    overlap = re3d.compare(gold, pred, overlap=True)
    assert overlap.prf() == (1.0, 1.0, 1.0)
    # one type each: Syria is Organisation against Location, Jordan Organisation against Location
    strict = re3d.compare(re3d.single_typed(gold), re3d.single_typed(pred))
    assert (strict.tp, strict.fp, strict.fn) == ({}, {"Location": 2, "Person": 1}, {"Organisation": 2, "Person": 1})
    # a type that is not compatible never matches, even on the same span
    wrong = re3d.compare([Mention(0, 5, frozenset({"Person"}), "Person")], [Mention(0, 5, re3d.POLITY, "Location")],
                         overlap=True)
    assert (wrong.tp, wrong.fp, wrong.fn) == ({}, {"Location": 1}, {"Person": 1})


def test_predicted_maps_types_through_the_data_file():
    rows = [{"start": 0, "end": 5, "type": "place", "actor_id": "government-syr"},
            {"start": 6, "end": 9, "type": "place", "actor_id": None},
            {"start": 10, "end": 15, "type": "identity", "actor_id": "kurds"},
            {"start": 16, "end": 25, "type": "group", "actor_id": None},
            {"start": 26, "end": 30, "type": "person", "actor_id": None}]
    assert [(p.main, sorted(p.types)) for p in re3d.predicted(rows)] == [
        ("Location", ["Location", "Organisation"]), ("Location", ["Location"]),
        ("Organisation", ["Organisation"]), ("Person", ["Person"])]


@pytest.mark.slow
def test_score_through_the_real_extractor(folder):
    [sec] = re3d.score([folder], Runner())
    f = {fig.key: fig.value for fig in sec.figures}
    # exact: Organisation 2 right (PKK, Iraqi officials), 2 wrong ('Turkish jets' is a platform in
    # gold; 'the Relief Bureau' against 'Relief Bureau'), 2 missed ('Relief Bureau', 'we');
    # Location 6 of 6 (Syria, gold both types, counts as Location); Person 1 right (John Marlow),
    # the title-less 'Haider al-Abadi' 1 wrong and 1 missed
    assert (f["org_precision"], f["org_recall"]) == (0.5, 0.5)
    assert (f["loc_precision"], f["loc_recall"], f["loc_f1"]) == (1.0, 1.0, 1.0)
    assert (f["per_precision"], f["per_recall"]) == (0.5, 0.5)
    assert f["micro_f1"] == pytest.approx(0.75)  # 9 right, 3 wrong, 3 missed
    # overlap forgives the title and the article: 11 right, 1 wrong, 1 missed
    assert f["micro_f1_overlap"] == pytest.approx(11 / 12)
    assert f["per_f1_overlap"] == 1.0
    # one type each: Syria (Organisation in gold by confidence) against warlog's place
    assert f["micro_f1_one_type"] == pytest.approx(8 / 12)
    assert (f["gold_org"], f["gold_loc"], f["gold_per"], f["gold_loc_and_org"]) == (5, 5, 2, 1)


@pytest.mark.shared
def test_real_folder_loads():
    folder = SHARED / "eval" / "re3d"
    if not folder.is_dir():
        pytest.skip("../shared/eval/re3d is not present")
    docs = re3d.load(folder)
    assert len(docs) == 98
    gold = [g for d in docs for g in d.gold]
    assert sum(1 for g in gold if re3d.POLITY <= g.types) > 50
    assert all(d.text[g.start:g.end].strip() for d in docs for g in d.gold)

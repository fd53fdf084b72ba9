"""The PLOVER gold-record scorer on a tiny file in the records' JSON layout (sentences written
for these tests), with hand-built events and one run of the real extractor."""
import json

import pytest

from warlog.evaluation import plover
from warlog.evaluation.coding import current_plover
from warlog.evaluation.core import Runner

RECORDS = [
    {"id": "TEST-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation only",
     "version": "0.5b1"},
    {"id": "TEST-DISAPPROVE-0001", "date": "2000-01-01",
     "source": [{"actorText": "Norwegian government", "code": "NOR", "sector": "GOV"}],
     "target": [{"actorText": "Iran", "code": "IRN"}],
     "event": "DISAPPROVE", "eventText": "condemned",
     "text": "The Norwegian government condemned Iran for the execution of two dissidents.",
     "textInfo": {"markup": "The (SRC: Norwegian government) (EVT: condemned) (TAR: Iran) for the execution "
                            "of two dissidents."}},
    {"id": "TEST-FIGHT-0001", "date": "2000-01-01",
     "source": [{"actorText": "Turkish troops", "code": "TUR", "sector": "MIL"}],
     "target": [{"actorText": "Kurdish positions", "code": "TURKUR"}],
     "event": "FIGHT", "eventText": "shelled",
     "text": "Turkish troops shelled Kurdish positions near the border on Sunday.",
     "textInfo": {"markup": "(SRC: Turkish troops) (EVT: shelled) (TAR: Kurdish positions) near the border "
                            "on Sunday."}},
    {"id": "TEST-CONSULT-0001", "date": "2000-01-01",
     "source": [{"actorText": "Egypt", "code": "EGY"}], "target": "",
     "event": "CONSULT", "eventText": "hosted talks",
     "text": "Egypt hosted talks between Israeli and Palestinian negotiators in Cairo on Monday.",
     "textInfo": {"markup": "(SRC: Egypt) (EVT: hosted talks) between (SRC/TAR: Israeli) and "
                            "(SRC/TAR: Palestinian) negotiators (LOC: in Cairo) on Monday."}},
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "PLOVER_GSR_CAMEO.txt"
    path.write_text(json.dumps(RECORDS, indent=1), encoding="utf-8")
    return path


def actor(start, end, country=None):
    return {"name": "x", "actor_id": None, "country": country, "span": [start, end]}


def test_load_maps_names_and_spans(gold_file):
    golds = plover.load(gold_file)
    assert [g.event for g in golds] == ["ACCUSE", "ASSAULT", "CONSULT"]  # DOCUMENT left out
    first = golds[0]
    assert first.source_codes == {"NOR"} and (4, 24) in first.source_spans and (35, 39) in first.target_spans
    consult = golds[2]
    assert consult.target_codes == set()
    assert (27, 34) in consult.target_spans and (27, 34) in consult.source_spans  # SRC/TAR: both sides
    assert current_plover("INVESTIGATE") == "ACCUSE" and current_plover("DEMAND") == "REQUEST"


def test_perfect_prediction_scores_one(gold_file):
    golds = plover.load(gold_file)
    predicted = [
        [{"plover_type": "ACCUSE", "actors": [actor(4, 24)], "recipients": [actor(35, 39)]}],
        [{"plover_type": "ASSAULT", "actors": [actor(0, 14)], "recipients": [actor(23, 40)]}],
        [{"plover_type": "CONSULT", "actors": [actor(0, 5)], "recipients": [actor(27, 34)]}],
    ]
    sec = plover.section(golds, [plover.compare(g, p) for g, p in zip(golds, predicted)])
    for key in ("with_event", "type_accuracy", "type_macro_f1", "source_match", "target_match"):
        assert sec.figure(key).value == 1.0, key


def test_known_wrong_prediction(gold_file):
    golds = plover.load(gold_file)
    predicted = [
        # a wrong type; the source by its country alone; a recipient elsewhere
        [{"plover_type": "SUPPORT", "actors": [actor(60, 70, "NOR")], "recipients": [actor(45, 55)]}],
        # two events: the one over the gold actors is chosen, though it comes second
        [{"plover_type": "PROTEST", "actors": [], "recipients": []},
         {"plover_type": "ASSAULT", "actors": [actor(0, 14)], "recipients": []}],
        [],  # nothing found
    ]
    results = [plover.compare(g, p) for g, p in zip(golds, predicted)]
    assert [(c.event, c.source, c.target) for c in results] == [
        ("SUPPORT", True, False), ("ASSAULT", True, False), (None, False, False)]
    sec = plover.section(golds, results)
    assert sec.figure("with_event").value == pytest.approx(2 / 3)
    assert sec.figure("type_accuracy").value == pytest.approx(1 / 3)
    # ACCUSE 0, ASSAULT 1 (tp 1, no fp, no fn), CONSULT 0
    assert sec.figure("type_macro_f1").value == pytest.approx(1 / 3)
    assert sec.figure("source_match").value == pytest.approx(2 / 3)
    assert sec.figure("target_match").value == 0.0 and sec.figure("target_match").n == 3


@pytest.mark.slow
def test_score_with_the_extractor(gold_file):
    sec = plover.score([gold_file], Runner())[0]
    assert sec.items == 3
    # condemned -> ACCUSE, shelled -> ASSAULT, hosted talks -> CONSULT, each with its source
    assert sec.figure("type_accuracy").value == 1.0
    assert sec.figure("source_match").value == 1.0
    assert sec.figure("target_match").value >= 1 / 3  # "Iran" is condemned

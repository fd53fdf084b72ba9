"""The PLV scorer on a tiny file in the Zero-Shot-PLOVER TSV layout (sentences written for these
tests), with hand-built events and one run of the real extractor."""
import csv

import pytest

from warlog.evaluation import plv
from warlog.evaluation.coding import plv_class, plv_classes
from warlog.evaluation.core import Runner

# The columns the scorer reads, in the file's order (it has more: silver labels, prompts).
COLUMNS = ["", "sentence_id", "sentence", "marked_sentence", "source", "target", "gold_penta", "gold_root",
           "modality_L2"]

ROWS = [
    ("Police arrested 14 protesters outside the parliament in Amman on Thursday.",
     "<s>Police</s> arrested <t>14 protesters</t> outside the parliament in Amman on Thursday.",
     "Police", "14 protesters", "COERCE"),
    ("The Norwegian government condemned Iran for the execution of two dissidents.",
     "<s>The Norwegian government</s> condemned <t>Iran</t> for the execution of two dissidents.",
     "The Norwegian government", "Iran", "ACCUSE"),
    ("The minister said the economy would grow next year.",
     "<s>The minister</s> said <t>the economy</t> would grow next year.",
     "The minister", "the economy", "REQUEST"),
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "PLV_train.tsv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t")
        writer.writerow(COLUMNS)
        for i, (sentence, marked, source, target, root) in enumerate(ROWS):
            writer.writerow([i, 100 + i, sentence, marked, source, target, 4, root, "past"])
    return path


def actor(start, end):
    return {"name": "x", "span": [start, end]}


def test_marks_and_classes(gold_file):
    text, marks = plv.marked_spans("Yesterday <s>the army</s> shelled <t>a village</t>.")
    assert text == "Yesterday the army shelled a village."
    assert marks == {"s": (10, 18, "the army"), "t": (27, 36, "a village")}
    golds = plv.load(gold_file)
    assert [g.label for g in golds] == ["COERCE", "ACCUSE", "REQUEST"]
    assert golds[0].source == [(0, 6)] and golds[0].target == [(16, 29)]
    assert len(plv_classes()) == 15 and plv_class("RETREAT") == plv_class("CONCEDE") == "YIELD"


def test_perfect_prediction_scores_one(gold_file):
    golds = plv.load(gold_file)
    predicted = [
        [{"plover_type": "COERCE", "actors": [actor(0, 6)], "recipients": [actor(19, 29)]}],
        [{"plover_type": "ACCUSE", "actors": [actor(4, 24)], "recipients": [actor(35, 39)]}],
        [{"plover_type": "REQUEST", "actors": [actor(4, 12)], "recipients": []}],
    ]
    sec = plv.section(golds, [plv.predict(g, p) for g, p in zip(golds, predicted)])
    assert sec.figure("accuracy").value == 1.0 and sec.figure("macro_f1").value == 1.0
    assert sec.figure("accuracy").published == {"ZSP": 0.838}


def test_the_event_over_the_marked_pair_is_chosen(gold_file):
    golds = plv.load(gold_file)
    predicted = [
        # the first event is about other actors: the second, over the marked pair, counts
        [{"plover_type": "PROTEST", "actors": [actor(16, 29)], "recipients": []},
         {"plover_type": "COERCE", "actors": [actor(0, 6)], "recipients": [actor(16, 29)]}],
        # no event touches the pair: the first counts (and is wrong)
        [{"plover_type": "ASSAULT", "actors": [], "recipients": [actor(60, 70)]},
         {"plover_type": "ACCUSE", "actors": [], "recipients": []}],
        [],
    ]
    labels = [plv.predict(g, p) for g, p in zip(golds, predicted)]
    assert labels == ["COERCE", "ASSAULT", None]
    sec = plv.section(golds, labels)
    assert sec.figure("accuracy").value == pytest.approx(1 / 3)
    # COERCE F1 1; ACCUSE and REQUEST 0 (the wrong ASSAULT is no gold class)
    assert sec.figure("macro_f1").value == pytest.approx(1 / 3)
    assert sec.figure("with_event").value == pytest.approx(2 / 3)


@pytest.mark.slow
def test_score_with_the_extractor(gold_file):
    sec = plv.score([gold_file], Runner())[0]
    # the arrest and the condemnation are found; the remark about the economy is no event
    assert sec.figure("accuracy").value == pytest.approx(2 / 3)
    assert sec.figure("with_event").value == pytest.approx(2 / 3)

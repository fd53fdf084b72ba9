"""The ConfliBERT quad-class scorer on a tiny file in its TSV layout (sentence, class; sentences
written for these tests), with hand-built events and one run of the real extractor."""
import pytest

from warlog.evaluation import conflibert
from warlog.evaluation.coding import quad_class
from warlog.evaluation.core import Runner

ROWS = [
    ("Turkish troops shelled Kurdish positions near the border on Sunday.", 4),
    ("The minister said the economy would grow next year.", 0),
    ("Egypt hosted talks between Israeli and Palestinian negotiators in Cairo on Monday.", 1),
    ('Thousands of students marched through Khartoum to demand the release of "detained" teachers.', 4),
]


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "cameo_class_train.tsv"
    path.write_text("".join(f"{text}\t{label}\n" for text, label in ROWS), encoding="utf-8")
    return path


def test_load_and_quad_classes(gold_file):
    golds = conflibert.load(gold_file)
    assert [g.label for g in golds] == [4, 0, 1, 4]
    assert golds[3].text.endswith('"detained" teachers.')  # quotes are text, not CSV quoting
    assert [quad_class(t) for t in ("AGREE", "AID", "SANCTION", "PROTEST")] == [1, 2, 3, 4]
    assert quad_class(None) is None


def test_perfect_prediction_scores_one(gold_file):
    golds = conflibert.load(gold_file)
    predicted = [conflibert.predict(evs) for evs in (
        [{"plover_type": "ASSAULT"}], [], [{"plover_type": "CONSULT"}], [{"plover_type": "PROTEST"}])]
    sec = conflibert.section(golds, predicted)
    for key in ("accuracy", "macro_f1", "event_found", "statement_no_event"):
        assert sec.figure(key).value == 1.0, key


def test_known_wrong_prediction(gold_file):
    golds = conflibert.load(gold_file)
    predicted = [conflibert.predict(evs) for evs in (
        [{"plover_type": "THREATEN"}, {"plover_type": "ASSAULT"}],  # the first event decides: 3
        [{"plover_type": "REQUEST"}],  # an event where gold has a statement: 3
        [],  # no event: read as a statement, 0
        [{"plover_type": "PROTEST"}],
    )]
    assert predicted == [(3, True), (3, True), (0, False), (4, True)]
    sec = conflibert.section(golds, predicted)
    assert sec.figure("accuracy").value == 0.25
    # class 4: tp 1, fn 1 -> F1 2/3; classes 0 and 1: 0 (3 is not a gold class)
    assert sec.figure("macro_f1").value == pytest.approx((2 / 3) / 3)
    assert sec.figure("event_found").value == pytest.approx(2 / 3)
    assert sec.figure("statement_no_event").value == 0.0


@pytest.mark.slow
def test_score_with_the_extractor(gold_file):
    sec = conflibert.score([gold_file], Runner())[0]
    # shelling 4, the remark no event (0), talks 1, the march a protest 4
    assert sec.figure("accuracy").value == 1.0

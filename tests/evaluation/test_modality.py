"""The modality scorer: the bundled labelled set, scoring by hand on hand-built events, and one
run of the real extractor on sentences written for this test."""
import json
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from warlog.cli import cli
from warlog.evaluation import bundled, missing_files
from warlog.evaluation import modality as mo
from warlog.evaluation.core import Runner

ROWS = [
    {"text": "Rebels shelled the town of Kafr Zita on Monday, the Syrian Observatory for Human Rights said.",
     "published": "2024-03-12", "trigger": "shelled", "modality": "claimed",
     "source": "Syrian Observatory for Human Rights"},
    {"text": "The army denied that it had bombed the market in Ariha.", "published": "2024-03-12",
     "trigger": "bombed", "modality": "denied", "source": "the army"},
    {"text": "Insurgents will attack the base at Balad next week.", "published": "2024-03-12",
     "trigger": "attack", "modality": "predicted", "source": None},
]


def write(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + "\n", encoding="utf-8")
    return path


def event(trigger, modality, source=None, text=None):
    attribution = {"source": source, "text": text or source, "actor_id": None} if source else None
    return {"trigger": {"text": trigger, "span": [0, 1]}, "modality": modality, "attribution": attribution}


def test_the_bundled_set_is_large_balanced_and_well_formed():
    golds = mo.load(Path(mo.FILES[0]))
    counts = Counter(g.modality for g in golds)
    assert len(golds) >= 300 and set(counts) == set(mo.CLASSES) and min(counts.values()) >= 40
    assert all(g.trigger.lower() in g.text.lower() and g.published for g in golds)
    assert sum(1 for g in golds if g.source) >= 80
    assert len({g.text for g in golds}) == len(golds)


def test_bundled_data_needs_no_data_folder(tmp_path):
    assert bundled(mo) and missing_files(mo, tmp_path / "absent") == []


def test_loader(tmp_path):
    golds = mo.load(write(tmp_path / "m.jsonl", ROWS))
    assert [(g.trigger, g.modality, g.source) for g in golds] == [
        ("shelled", "claimed", "Syrian Observatory for Human Rights"), ("bombed", "denied", "the army"),
        ("attack", "predicted", None)]
    assert golds[0].published == "2024-03-12"


def test_pick_and_source_match():
    gold = mo.Gold("x", None, "attacked", "claimed", "the governor")
    events = [event("killed", "asserted"), event("attacked", "claimed", "Governor of Kirkuk", "The governor")]
    assert mo.pick(gold, events) is events[1]
    assert mo.pick(gold, events[:1]) is None
    assert mo.pick(mo.Gold("x", None, "kill", "predicted"), events) is events[0]  # "killed": another inflection
    assert mo.pick(mo.Gold("x", None, "kill", "predicted"), [event("skill", "asserted")]) is None
    assert mo.source_matches("the governor", events[1]["attribution"])
    assert mo.source_matches("the army", {"source": "Military Forces", "text": "The army"})
    assert not mo.source_matches("the army", {"source": "Reuters", "text": "Reuters"})
    assert not mo.source_matches("the army", None)


def test_perfect_prediction_scores_one(tmp_path):
    golds = mo.load(write(tmp_path / "m.jsonl", ROWS))
    picked = [event("shelled", "claimed", "Syrian Observatory for Human Rights"),
              event("bombed", "denied", "Military Forces", "The army"), event("attack", "predicted")]
    sec = mo.section(golds, picked)
    assert sec.figure("accuracy").value == 1.0 and sec.figure("found").value == 1.0
    assert sec.figure("source_match").value == 1.0 and sec.figure("source_match").n == 2
    assert sec.figure("claimed_precision").value == sec.figure("denied_recall").value == 1.0
    assert sec.figure("planned_precision").value is None  # nothing predicted planned, nothing gold planned


def test_known_wrong_prediction_by_hand(tmp_path):
    golds = mo.load(write(tmp_path / "m.jsonl", ROWS))
    # claimed -> asserted with no source, denied right but the wrong source, predicted not found
    picked = [event("shelled", "asserted"), event("bombed", "denied", "Reuters"), None]
    sec = mo.section(golds, picked)
    assert sec.figure("accuracy").value == 1 / 3
    assert sec.figure("found").value == 2 / 3
    assert sec.figure("source_match").value == 0.0 and sec.figure("source_match").n == 2
    assert sec.figure("asserted_precision").value == 0.0 and sec.figure("asserted_precision").n == 1
    assert sec.figure("claimed_recall").value == 0.0 and sec.figure("predicted_recall").value == 0.0
    # F1 over the seven classes: only denied scores (1.0), the rest 0
    assert abs(sec.figure("macro_f1").value - 1 / 7) < 1e-9


def test_score_runs_the_extractor(tmp_path):
    sec = mo.score([write(tmp_path / "m.jsonl", ROWS)], Runner())[0]
    assert sec.figure("found").value == 1.0
    assert sec.figure("accuracy").value == 1.0
    assert sec.figure("source_match").value == 1.0


def test_command_needs_no_data_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(mo, "FILES", (str(write(tmp_path / "m.jsonl", ROWS[:1])),))
    result = CliRunner().invoke(cli, ["eval", "modality", "--data", str(tmp_path / "absent"), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "modality accuracy" in result.output

"""The shared parts of `warlog eval`: metrics worked by hand, floors, reports and the command's errors."""
from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

from warlog.cli import cli
from warlog.evaluation import SCORERS, Outcome, Section, floors, metrics, report, scorer


def test_accuracy_and_macro_f1_by_hand():
    pairs = [("Battles", "Battles"), ("Battles", "Explosions/Remote violence"), ("Protests", "Protests"),
             ("Protests", None)]
    assert metrics.accuracy(pairs) == 0.5
    # Battles: tp 1, fp 0, fn 1 -> F1 2/3; Protests: tp 1, fp 0, fn 1 -> 2/3; the wrong guess is
    # not a gold class, so it only costs Battles its recall
    assert metrics.macro_f1(pairs) == pytest.approx(2 / 3)
    assert metrics.macro_f1(pairs, labels=["Battles", "Protests", "Riots"]) == pytest.approx(4 / 9)
    assert metrics.accuracy([]) is None and metrics.macro_f1([]) is None


def test_prf_counts():
    assert metrics.prf(3, 1, 2) == pytest.approx((0.75, 0.6, 2 * 0.75 * 0.6 / 1.35))
    assert metrics.prf(0, 0, 4) == (None, 0.0, 0.0)
    assert metrics.prf(0, 0, 0) == (None, None, None)


def test_distances_and_error_curve():
    # Baghdad to Mosul is about 350 km; one degree of latitude about 111 km
    assert metrics.haversine_km(33.3152, 44.3661, 36.3450, 43.1450) == pytest.approx(353, abs=5)
    assert metrics.haversine_km(0, 30, 1, 30) == pytest.approx(111.2, abs=0.2)
    errors = [0.0, 10.0, 200.0, None]
    assert metrics.within(errors, 161) == 0.5
    assert metrics.auc_log_error([0.0, 0.0]) == 0.0
    assert metrics.auc_log_error([None]) == pytest.approx(1.0)
    # two points: the mean of their normalised log errors
    assert metrics.auc_log_error([0.0, 100.0]) == pytest.approx(math.log(101) / 2 / math.log(1 + metrics.MAX_ERROR_KM))
    assert metrics.overlaps((0, 5), (4, 9)) and not metrics.overlaps((0, 5), (5, 9))


def _section(value=0.8, mae=2.0):
    s = Section("acled", "all", "ACLED notes", items=10)
    s.add("event_type_accuracy", "event type accuracy", value, 10, published={"Other coder": 0.7})
    s.add("fatalities_mae", "fatalities MAE", mae, 10, unit="number", better="lower")
    s.add("notes", "notes", 10, 10, unit="count", better=None)
    s.notes.append("one | note")
    return s


def test_floors_margin_direction_and_breaches(tmp_path):
    section = _section()
    figures = {section.qualified(f): f for f in section.figures}
    path = tmp_path / "floors.json"
    written = floors.write(path, figures, keep={"geo.tr_news.f1": 0.5})
    assert written == {"acled.all.event_type_accuracy": 0.78, "acled.all.fatalities_mae": 2.2, "geo.tr_news.f1": 0.5}
    assert floors.load(path) == written
    assert floors.check(written, figures, ["acled"]) == []
    worse = _section(value=0.7, mae=2.5)
    breaches = floors.check(written, {worse.qualified(f): f for f in worse.figures}, ["acled", "geo"])
    assert [b.name for b in breaches] == ["acled.all.event_type_accuracy", "acled.all.fatalities_mae", "geo.tr_news.f1"]
    assert "below its floor 0.78" in str(breaches[0]) and "above its ceiling 2.2" in str(breaches[1])
    assert "not measured" in str(breaches[2])


def test_malformed_floors_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "floors.json"
    bad.write_text('{"floors": {"acled.all.x": "high"}}', encoding="utf-8")
    with pytest.raises(Exception, match=r"E403.*floors.json: malformed floors file"):
        floors.load(bad)


def test_reports_show_figures_published_numbers_and_escape_markdown():
    outcome = Outcome(sections=[_section()], seconds={"acled": 12.0})
    txt = report.text(outcome)
    assert "event type accuracy" in txt and "80.0%" in txt and "Other coder 70.0%" in txt and "time: 12 s" in txt
    md = report.markdown(outcome)
    assert "| event type accuracy ↑ | 80.0% | 10 | Other coder 70.0% |" in md and "one \\| note" in md
    data = json.loads(report.as_json(outcome, warlog="x"))
    assert data["sections"][0]["figures"][1] == {"key": "fatalities_mae", "label": "fatalities MAE", "value": 2.0,
                                                 "n": 10, "unit": "number", "better": "lower", "published": {}}


def test_every_scorer_follows_the_contract():
    for name in SCORERS:
        module = scorer(name)
        assert module.NAME == name and module.TITLE and module.FILES and callable(module.score)


def test_command_errors_are_one_line(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", "nosuch", "--data", str(tmp_path)])
    assert result.exit_code == 1 and "E401" in result.output and "nosuch" in result.output
    result = runner.invoke(cli, ["eval", "acled", "--data", str(tmp_path / "absent")])
    assert result.exit_code == 1 and "E402" in result.output
    result = runner.invoke(cli, ["eval", "acled", "--data", str(tmp_path)])
    assert result.exit_code == 1 and "E404" in result.output and "acled" in result.output
    result = runner.invoke(cli, ["eval", "--all", "acled"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_command_end_to_end_on_a_tiny_dataset(tmp_path):
    """Reports, floors written and checked, through the real extractor, on sentences we wrote."""
    data = tmp_path / "eval"
    (data / "conflibert").mkdir(parents=True)
    (data / "conflibert" / "cameo_class_train.tsv").write_text(
        "Government troops shelled rebel positions outside Idlib on Monday, killing four fighters.\t4\n"
        "Hundreds of teachers protested in Basra against unpaid salaries.\t4\n", encoding="utf-8")
    out_json, out_md, floors_path = tmp_path / "r.json", tmp_path / "r.md", tmp_path / "floors.json"
    runner = CliRunner()
    args = ["eval", "conflibert", "--data", str(data), "--no-progress"]
    result = runner.invoke(cli, args + ["--json", str(out_json), "--markdown", str(out_md),
                                        "--write-floors", str(floors_path)])
    assert result.exit_code == 0, result.output
    assert "quad class accuracy" in result.output
    sections = json.loads(out_json.read_text(encoding="utf-8"))["sections"]
    accuracy = next(f for f in sections[0]["figures"] if f["key"] == "accuracy")
    assert accuracy["n"] == 2 and accuracy["value"] == 1.0  # both are material conflict and warlog codes both
    assert "## ConfliBERT" in out_md.read_text(encoding="utf-8")
    written = floors.load(floors_path)
    assert written["conflibert.train.accuracy"] == 0.98
    result = runner.invoke(cli, args + ["--floors", str(floors_path)])
    assert result.exit_code == 0 and "floors checked, 0 breached" in result.output
    # a floor above what warlog can reach fails the run, naming the figure
    floors_path.write_text(json.dumps({"floors": {**written, "conflibert.train.accuracy": 1.5}}), encoding="utf-8")
    result = runner.invoke(cli, args + ["--floors", str(floors_path)])
    assert result.exit_code == 1 and "conflibert.train.accuracy: 1 is below its floor 1.5" in result.output

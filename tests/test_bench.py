"""`warlog bench`: the generated corpus (distinct, deterministic documents) and one tiny run of
the whole bench. No timed assertions: only that every figure is measured and consistent."""
import json

import pytest
from click.testing import CliRunner

from warlog import bench, bench_corpus
from warlog.cli import cli

from conftest import EXAMPLES


def test_corpus_is_distinct_deterministic_and_grows_by_prefix():
    docs = list(bench_corpus.documents(300))
    assert len(docs) == 300
    assert len({d["text"] for d in docs}) == 300
    assert len({d["id"] for d in docs}) == 300
    assert docs == list(bench_corpus.documents(300))
    assert list(bench_corpus.documents(40)) == docs[:40]
    assert all(d["text"].strip() and d["published"][:2] == "20" for d in docs)


def test_corpus_rotates_names_from_our_list():
    source = "\n".join(text for text, _ in bench_corpus.source_paragraphs())
    towns = bench_corpus._names()["town"]
    absent = [t for t in towns if t not in source]
    assert absent, "the list should hold towns the examples never name"
    text = "\n".join(d["text"] for d in bench_corpus.documents(300))
    assert any(t in text for t in absent)


def test_corpus_written_as_json_lines(tmp_path):
    path = tmp_path / "c.jsonl"
    records = list(bench_corpus.documents(5))
    words = bench_corpus.write(path, records)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records
    assert words == sum(len(r["text"].split()) for r in records)


def test_sizes_option_refuses_what_is_not_a_count():
    result = CliRunner().invoke(cli, ["bench", "--sizes", "100,many"])
    assert result.exit_code == 2 and "document counts" in result.output


@pytest.mark.slow
def test_a_tiny_bench_run_measures_everything(tmp_path):
    out = tmp_path / "bench.json"
    figures = bench.run(quick=True, json_path=str(out), paths=[EXAMPLES / "wire-2017-11-04-qaim.txt"], sizes=[6, 3])
    assert json.loads(out.read_text(encoding="utf-8")) == figures
    assert figures["documents"] == 1 and figures["words"] > 0 and figures["ratio"] > 0
    assert [row["documents"] for row in figures["scale"]] == [3, 6]
    assert [row["stored"] for row in figures["scale"]] == [3, 6]  # no duplicate skipped as unchanged
    assert figures["scale_ratio"] > 0
    w = figures["workers"]
    assert w["documents"] == 6 and w["j1"]["stored"] == w["j2"]["stored"] == 6 and w["speedup"] > 0
    text = bench.report(figures)
    assert "ms/doc" in text and "-j 2" in text and "speed-up" in text

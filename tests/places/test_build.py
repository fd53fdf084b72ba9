"""Where the index lives, how it is keyed, and that building it is all or nothing."""
import os
import subprocess
import sys
import time

import pytest

from warlog.errors import DataError
from warlog.places import Gazetteer, Toponym, Context
from warlog.places.build import default_path, input_key, load_aliases


def test_default_path_is_keyed_by_inputs(monkeypatch):
    monkeypatch.delenv("WARLOG_GAZETTEER", raising=False)
    key = input_key()
    assert len(key) == 12 and int(key, 16) >= 0
    assert default_path().name == f"gazetteer-{key}.sqlite"
    assert input_key() == key  # same inputs, same file


def test_environment_variable_names_the_index(monkeypatch, tmp_path):
    monkeypatch.setenv("WARLOG_GAZETTEER", str(tmp_path / "g.sqlite"))
    assert default_path() == tmp_path / "g.sqlite"


def test_alias_file_errors_name_the_line(tmp_path):
    bad = tmp_path / "aliases.jsonl"
    bad.write_text(
        '# our places\n'
        '{"id": "wl:x", "name": "X", "feature": "village", "lat": 1, "lon": 2}\n'
        '{"id": "wl:y", "name": "Y", "feature": "village"}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"\[E301\].*line 3: missing lat, lon"):
        load_aliases(bad)
    bad.write_text('{"ref": "gn:1", "id": "wl:z"}\n', encoding="utf-8")
    with pytest.raises(DataError, match="exactly one of 'id'"):
        load_aliases(bad)
    bad.write_text('{"ref": "gn:1", \n', encoding="utf-8")
    with pytest.raises(DataError, match="line 1"):
        load_aliases(bad)


def test_shipped_alias_file_is_valid():
    entries = load_aliases()
    ids = [e["id"] for e in entries if "id" in e]
    assert len(ids) == len(set(ids))
    assert "wl:hader-quneitra" in ids and "wl:golan-heights" in ids


@pytest.mark.slow
def test_interrupted_build_leaves_no_index_and_open_rebuilds_it(tmp_path):
    target = tmp_path / "gazetteer.sqlite"
    env = dict(os.environ, WARLOG_GAZETTEER=str(target))
    proc = subprocess.Popen([sys.executable, "-m", "warlog.places", "build"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Wait until SQLite is writing the temporary file, then kill the build mid-write.
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
            if temps and temps[0].stat().st_size > 1_000_000:
                break
            time.sleep(0.2)
        assert proc.poll() is None, "the build ended before it could be interrupted"
        proc.kill()
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert not target.exists()

    # Opening a missing index builds it (and cleans up after itself).
    gz = Gazetteer.open(target)
    try:
        assert target.exists()
        res = gz.resolve([Toponym("Hader", 0, 5)], Context(countries=["SYR"]))
        assert res[0].place.place_id == "wl:hader-quneitra"
        assert gz.meta()["key"] == input_key()
    finally:
        gz.close()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 1  # only the killed build's file, never a new one


def test_stale_temporary_files_are_removed(tmp_path):
    from warlog.places.build import _remove_stale_temps

    target = tmp_path / "gazetteer.sqlite"
    old = tmp_path / "gazetteer.sqlite.abc123.tmp"
    fresh = tmp_path / "gazetteer.sqlite.def456.tmp"
    other = tmp_path / "other.sqlite.abc123.tmp"
    for p in (old, fresh, other):
        p.write_bytes(b"half an index")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    _remove_stale_temps(target)
    assert not old.exists()
    assert fresh.exists()  # may be a build running right now
    assert other.exists()  # not ours


def test_a_file_that_is_no_index_is_refused(tmp_path):
    from warlog.errors import WarlogError

    junk = tmp_path / "gazetteer.sqlite"
    junk.write_bytes(b"this is not a database, just some bytes" * 100)
    with pytest.raises(WarlogError, match=r"\[E303\].*delete it to rebuild"):
        Gazetteer.open(junk)


@pytest.mark.slow
def test_command_line_lookup_and_resolve(gazetteer):
    from click.testing import CliRunner

    from warlog.places.__main__ import cli

    runner = CliRunner()
    out = runner.invoke(cli, ["lookup", "Deir ez-Zor", "--path", str(gazetteer.path)])
    assert out.exit_code == 0, out.output
    assert "gn:170794" in out.output.splitlines()[0]
    out = runner.invoke(cli, ["resolve", "Hader", "Quneitra", "--in", "0:1", "--hint", "1:province",
                              "--path", str(gazetteer.path)])
    assert out.exit_code == 0, out.output
    first = out.output.splitlines()[0]
    assert first.startswith("Hader: Hader [wl:hader-quneitra]")
    assert "inside Al Qunayţirah" in out.output

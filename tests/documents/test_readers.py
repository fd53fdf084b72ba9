import io
import os
import sys
from datetime import date

import pytest

from warlog.documents import iter_paths, read_path, read_stdin, read_text
from warlog.errors import InputError


def test_plain_text_keeps_paragraphs_and_finds_the_title(fixtures):
    [doc] = read_path(fixtures / "thanks-in-body.txt")
    assert doc.format == "text"
    assert doc.title == "Displaced families return to villages east of Sinjar"
    assert doc.text.startswith("Displaced families return to villages east of Sinjar\n\nAround three hundred")
    assert doc.text.count("\n\n") == 5
    assert "\n\n\n" not in doc.text


def test_html_keeps_the_article_and_drops_the_rest(fixtures):
    [doc] = read_path(fixtures / "convoy.html")
    assert doc.format == "html"
    assert doc.title == "Aid convoy reaches besieged district after week of talks"
    assert doc.url == "https://lantern-dispatch.example/2019/03/14/aid-convoy-reaches-besieged-district/"
    assert doc.publisher == "The Lantern Dispatch"
    assert doc.published == date(2019, 3, 14)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[1].startswith("A convoy of twenty-two trucks")
    assert paragraphs[-1].endswith("killed two brigade members and a civilian on Monday.")
    for gone in ("Home", "About us", "Patreon", "Share this", "Click to share", "thoughts on",
                 "Leave a Reply", "Fill in your details", "Stay safe", "All rights reserved", "tracking"):
        assert gone not in doc.text


def test_html_lists_tables_and_line_breaks(write):
    page = write(
        "casualties.html",
        "<html><body><article><h1>Casualty figures by province</h1>"
        "<p>The health ministry published its monthly figures on Sunday, with the totals below for the "
        "three provinces where fighting continued through the month and where hospitals reported most.</p>"
        "<ul><li>Idlib: 41 dead</li><li>Hama: 12 dead</li></ul>"
        "<table><tr><th>Province</th><th>Injured</th></tr><tr><td>Idlib</td><td>130</td></tr></table>"
        "<p>Figures for Aleppo<br>were not released.</p></article></body></html>",
    )
    [doc] = read_path(page)
    assert "Idlib: 41 dead\nHama: 12 dead" in doc.text
    assert "Province | Injured\nIdlib | 130" in doc.text
    assert "Figures for Aleppo\nwere not released." in doc.text


def test_markdown_loses_its_markup_and_keeps_the_words(fixtures):
    [doc] = read_path(fixtures / "dispatch.md")
    assert doc.format == "markdown"
    assert doc.title == "Ferry service resumes across the Euphrates at Raqqa"
    assert (doc.published, doc.published_from) == (date(2018, 4, 2), "metadata")
    assert doc.text.split("\n\n") == [
        "Ferry service resumes across the Euphrates at Raqqa",
        "Two pontoon ferries began carrying cars across the river on Monday, the civil council said, "
        "replacing the old bridge destroyed in the fighting.",
        "A crossing now takes twenty minutes instead of half a day, one driver said.",
        "Fares are set at 500 pounds per car.\nTrucks cross only in the morning.",
    ]


def test_markdown_from_a_string_without_front_matter():
    doc = read_text(
        "## Strike on *Deir Hafer*\n\nA drone hit a __fuel depot__ in [Deir Hafer](http://x.example/a_(b)) on "
        "12 June 2018 – _no casualties_ were reported, see [the map][m] and `notes`.\n\n[m]: http://x.example/m",
        fmt="markdown",
    )
    assert doc.title == "Strike on Deir Hafer"
    assert doc.text == (
        "Strike on Deir Hafer\n\nA drone hit a fuel depot in Deir Hafer on 12 June 2018 – no casualties were "
        "reported, see the map and notes."
    )


def test_jsonl_one_document_per_line_and_a_bad_line_reported(fixtures):
    problems = []
    docs = read_path(fixtures / "wire.jsonl", problems=problems)
    assert [d.input_id for d in docs] == ["w-101", "w-103"]
    first = docs[0]
    assert first.format == "jsonl"
    assert first.title == "Protest over power cuts in Basra"
    assert first.url == "https://wire.example/basra-protest"
    assert first.publisher == "Gulf Wire"
    assert first.text.split("\n\n")[1] == "Police fired into the air to disperse the crowd, witnesses said."
    source = str((fixtures / "wire.jsonl").resolve())
    assert [d.source for d in docs] == [f"{source}#L1", f"{source}#L3"]
    assert len(problems) == 1
    assert problems[0].startswith(f"[E108] {fixtures / 'wire.jsonl'}: line 2: not valid JSON")
    assert "\n" not in problems[0]


def test_jsonl_problems_are_logged_when_not_collected(fixtures, caplog):
    read_path(fixtures / "wire.jsonl")
    assert "line 2: not valid JSON" in caplog.text


def test_jsonl_lines_with_the_wrong_shape(write):
    path = write(
        "mixed.jsonl",
        '{"text": "Clashes in Tripoli\'s southern suburbs went on through the night."}\n'
        "\n"
        '["a list"]\n'
        '{"title": "no text field"}\n'
        '{"text": 42}\n'
        '{"text": "\\u200b  "}\n',
    )
    problems = []
    docs = read_path(path, problems=problems)
    assert len(docs) == 1 and docs[0].source.endswith("mixed.jsonl#L1")
    assert [p.split(": ", 1)[1] for p in problems] == [
        "line 3: not a JSON object but list",
        'line 4: no "text" field',
        'line 5: "text" is int, not a string',
        "line 6: empty file, nothing to read",
    ]


def test_jsonl_with_no_usable_line_is_an_error(write):
    path = write("broken.jsonl", '{"text": oops}\n{"title": "x"}\n')
    with pytest.raises(InputError, match=r"^\[E104\] .*broken\.jsonl: malformed JSON Lines: no usable line among 2; the first: line 1: not valid JSON"):
        read_path(path, problems=[])


def test_rss_items_become_documents(fixtures):
    problems = []
    docs = read_path(fixtures / "frontline.rss", problems=problems)
    assert [d.title for d in docs] == ["Artillery exchange near Kobani crossing", "Curfew lifted in Tal Abyad"]
    first = docs[0]
    assert first.format == "feed"
    assert first.publisher == "Front Line Notes"
    assert first.url == "https://frontline-notes.example/2019/10/kobani-artillery"
    assert first.input_id == "fln-0412"
    assert first.source == str((fixtures / "frontline.rss").resolve()) + "#item1"
    # the full content wins over the summary; its HTML becomes paragraphs; the share prompt goes
    assert first.text == (
        "Turkish and Kurdish-led forces traded artillery fire across the border east of Kobani late on "
        "Saturday, a monitoring group said.\n\nA grain silo on the Syrian side caught fire. There was no word on casualties."
    )
    assert docs[1].text.startswith("The local council lifted the night curfew")
    assert len(problems) == 1
    assert "item 2 ('Placeholder with nothing in it'): no text; skipped" in problems[0]


def test_atom_entries_become_documents(fixtures):
    [doc] = read_path(fixtures / "monitor.atom")
    assert doc.title == "Boats attacked on the lake near Baga"
    assert doc.url == "https://lakechad-monitor.example/baga-boats"
    assert doc.publisher == "Lake Chad Monitor"
    assert (doc.published, doc.published_from) == (date(2020, 2, 17), "metadata")
    assert doc.text == (
        "Gunmen in two canoes attacked fishing boats near Baga on Monday evening, fishermen told the Monitor."
        "\n\nThree fishermen are missing."
    )


def test_a_feed_with_an_unknown_extension_is_sniffed(fixtures, write):
    path = write("export.dat", (fixtures / "monitor.atom").read_bytes())
    [doc] = read_path(path)
    assert doc.format == "feed"


def test_html_with_an_unknown_extension_is_sniffed(fixtures, write):
    path = write("saved-page", (fixtures / "convoy.html").read_bytes())
    [doc] = read_path(path)
    assert doc.format == "html" and doc.publisher == "The Lantern Dispatch"


def test_text_with_an_unknown_extension_is_read_as_text(write):
    path = write("notes.log", "Checkpoint notes\n\nThe crossing at Bab al-Hawa reopened after two days.")
    [doc] = read_path(path)
    assert doc.format == "text" and doc.title == "Checkpoint notes"


def test_source_is_the_same_from_any_working_directory(fixtures, monkeypatch):
    monkeypatch.chdir(fixtures)
    here = read_path("thanks-in-body.txt")[0].source
    monkeypatch.chdir(fixtures.parent)
    there = read_path(os.path.join("fixtures", "thanks-in-body.txt"))[0].source
    assert here == there == str((fixtures / "thanks-in-body.txt").resolve())


def test_the_same_text_gives_the_same_document_id(fixtures, write):
    copy = write("copy.txt", (fixtures / "thanks-in-body.txt").read_bytes().replace(b"\n", b"\r\n"))
    assert read_path(copy)[0].doc_id == read_path(fixtures / "thanks-in-body.txt")[0].doc_id


def test_read_text_metadata_arguments():
    doc = read_text(
        "Kurdish and Iraqi officials met in Erbil on Tuesday to discuss the disputed areas.",
        source="paste-1",
        title="Erbil talks",
        url="https://example.org/erbil",
        publisher="Example Post",
        published=date(2017, 10, 24),
    )
    assert (doc.source, doc.title, doc.url, doc.publisher) == ("paste-1", "Erbil talks", "https://example.org/erbil", "Example Post")
    assert (doc.published, doc.published_from) == (date(2017, 10, 24), "option")


def test_read_text_html_fragment_and_bad_format():
    doc = read_text("<p>Rockets fell on the airport road.</p><p>Flights were suspended.</p>", fmt="html")
    assert doc.text == "Rockets fell on the airport road.\n\nFlights were suspended."
    with pytest.raises(ValueError):
        read_text("x", fmt="pdf")


def _stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_plain_text(monkeypatch):
    _stdin(monkeypatch, "Sirte update\n\nFighting eased around the port on Monday.\n".encode())
    [doc] = read_stdin(published="2016-08-01")
    assert doc.source == "-" and doc.title == "Sirte update"
    assert (doc.published, doc.published_from) == (date(2016, 8, 1), "option")


def test_stdin_jsonl(monkeypatch):
    problems = []
    _stdin(monkeypatch, b'{"text": "Port of Hodeidah shelled."}\n\n{"text": "Aden airport closed."\n{"text": "Taiz road reopened."}\n')
    docs = read_path("-", problems=problems)
    assert [d.source for d in docs] == ["-#L1", "-#L4"]
    assert problems == ["[E108] -: line 3: not valid JSON (Expecting ',' delimiter at column 32)"]


def test_stdin_too_large(monkeypatch):
    _stdin(monkeypatch, b"word " * 60_000)
    with pytest.raises(InputError, match=r"^\[E103\] -: too large \(0\.3 MB > 0\.1 MB limit\)"):
        read_stdin(max_bytes=100_000)


def test_iter_paths_walks_folders_in_order_and_skips_hidden(write, tmp_path):
    for name in ["b/2.txt", "b/1.md", "a.txt", ".hidden.txt", ".git/config", "c/.cache/x.txt", "c/z.html"]:
        write(name, "text")
    single = write("elsewhere/.visible-when-named.txt", "text")
    found = list(iter_paths([tmp_path / "a.txt", tmp_path, single, tmp_path / "missing.txt"]))
    rel = [p.relative_to(tmp_path).as_posix() for p in found]
    assert rel == [
        "a.txt",
        "a.txt", "b/1.md", "b/2.txt", "c/z.html",
        "elsewhere/.visible-when-named.txt",
        "missing.txt",
    ]  # fmt: skip

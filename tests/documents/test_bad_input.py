"""Every unusable input gives one InputError whose one-line message names the file."""
import logging
import zipfile

import pytest

from warlog.documents import read_path
from warlog.errors import InputError

ARTICLE = "Clashes near Tal Rifaat\n\nShelling hit the edge of the town on Monday, residents said.\n"


def _error(path, **kwargs) -> str:
    with pytest.raises(InputError) as e:
        read_path(path, **kwargs)
    message = str(e.value)
    assert "\n" not in message
    assert str(path) in message
    assert e.value.path is not None
    return message


def test_missing_file(tmp_path):
    assert _error(tmp_path / "nowhere.txt").startswith("[E107]")


def test_a_folder_is_not_a_file(tmp_path):
    assert _error(tmp_path).startswith("[E109]")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\u00a0\u200b\n\ufeff".encode()])
def test_empty_or_whitespace_file(write, content):
    assert "[E101]" in _error(write("empty.txt", content))


def test_pdf_named_txt(write):
    message = _error(write("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n"))
    assert message.startswith("[E102]") and "(PDF)" in message


def test_image_named_html(write):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"
    message = _error(write("photo.html", png))
    assert message.startswith("[E102]") and "PNG image" in message


def test_docx_named_md(write, tmp_path):
    archive = tmp_path / "built.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    message = _error(write("article.md", archive.read_bytes()))
    assert message.startswith("[E102]") and "zip" in message


def test_binary_without_a_signature(write):
    noise = bytes((i * 37 + 11) % 256 for i in range(4000)).replace(b"\x00", b"\x01")
    assert "binary data" in _error(write("dump.txt", noise))


def test_unsupported_binary_type(write):
    message = _error(write("scan.pdf", b"%PDF-1.4\n%binary\n"))
    assert message.startswith("[E106]") and "'.pdf'" in message


def test_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.write(b"Sparse file: the filesystem stores no data for the rest.\n")
        f.truncate(26 * 1024 * 1024)
    message = _error(path)
    assert message.startswith("[E103]") and "27.3 MB > 20 MB" in message


def test_max_bytes_is_the_limit(write):
    path = write("small.txt", ARTICLE * 20)
    assert "[E103]" in _error(path, max_bytes=1000)
    assert read_path(path, max_bytes=10_000)


def test_latin1_file_is_read_with_a_warning(write, caplog):
    path = write("latin.txt", "Le café près de Mossoul a rouvert, selon des témoins.\n".encode("latin-1"))
    with caplog.at_level(logging.WARNING):
        [doc] = read_path(path)
    assert doc.text == "Le café près de Mossoul a rouvert, selon des témoins."
    assert f"[W102] {path}: decoded as latin-1" in caplog.text


def test_cp1252_curly_quotes_are_recognised(write, caplog):
    raw = "The mayor said: “We will rebuild” – and left.\n".encode("cp1252")
    with caplog.at_level(logging.WARNING):
        [doc] = read_path(write("quotes.txt", raw))
    assert doc.text == "The mayor said: “We will rebuild” – and left."
    assert "decoded as cp1252" in caplog.text


def test_utf8_with_bom_and_a_stray_byte(write, caplog):
    raw = "\ufeffDa’esh fighters left Tal Afar – the army entered “without a fight”.".encode() + b" \xff end."
    with caplog.at_level(logging.WARNING):
        [doc] = read_path(write("mostly-utf8.txt", raw))
    assert doc.text.startswith("Da’esh fighters left Tal Afar – the army entered “without a fight”.")
    assert "utf-8 with 1 invalid byte sequence replaced" in caplog.text


def test_utf16_with_bom(write):
    [doc] = read_path(write("utf16.txt", ARTICLE.encode("utf-16")))
    assert doc.title == "Clashes near Tal Rifaat"


def test_malformed_html_keeps_what_text_there_is(write):
    page = write(
        "broken.html",
        "<html><body><div><p>Fighting resumed in Hama on Friday <b>after a lull<p>Two villages changed hands"
        "<table><tr><td>no close tags anywhere",
    )
    [doc] = read_path(page)
    assert "Fighting resumed in Hama on Friday after a lull" in doc.text
    assert "Two villages changed hands" in doc.text


def test_html_without_text(write):
    page = write("scripts.html", "<html><head><script>track()</script></head><body><nav><a href='/'>Home</a></nav></body></html>")
    message = _error(page)
    assert message.startswith("[E105]")


def test_text_that_is_only_boilerplate(write):
    assert _error(write("buttons.txt", "Share this:\nTwitter\nFacebook\nLike Loading...\n")).startswith("[E105]")


def test_xml_that_is_not_a_feed(write):
    message = _error(write("catalog.xml", '<?xml version="1.0"?><catalog><book id="1">Maps</book></catalog>'))
    assert message.startswith("[E104]") and "<catalog>" in message


def test_feed_extension_on_plain_text(write):
    assert _error(write("news.rss", ARTICLE)).startswith("[E104]")


def test_feed_without_items(write):
    message = _error(write("quiet.atom", '<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>'))
    assert message.startswith("[E104]") and "no items" in message


def test_unreadable_file(write):
    path = write("locked.txt", ARTICLE)
    path.chmod(0)
    try:
        if path.read_bytes():  # root can read it anyway: nothing to test
            pytest.skip("running as root")
    except PermissionError:
        assert _error(path).startswith("[E109]")
    finally:
        path.chmod(0o644)

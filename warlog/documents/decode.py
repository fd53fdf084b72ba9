"""From bytes to text: binary sniffing, encoding choice and content-type sniffing.

Encodings: UTF-8 (with or without BOM), UTF-16 with a BOM, a charset an HTML page declares,
then Windows-1252 or Latin-1. Decoding never fails; a file that is mostly valid UTF-8 with a few
broken bytes stays UTF-8 with those bytes replaced, rather than turning every accent into mojibake.
"""
from __future__ import annotations

import codecs
import json
import re

# Signatures of the binary files people most often drop into a folder of articles.
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "zip archive: .docx, .odt and .epub are zip files too"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document (.doc, .xls)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"),
    (b"ID3", "MP3 audio"),
)
_SNIFF_BYTES = 65536
# Control bytes that do not occur in text (tab, newlines, form feed, escape and backspace do).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r\x0c\x0b\x1b\x08")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_C1_RE = re.compile(rb"[\x80-\x9f]")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary file `data` is ("PDF", "PNG image", "binary data"), or None for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[4:8] == b"ftyp":
        return "MP4 or MOV video"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "WebP image"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return "binary data"
    if not sample:
        return None
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls / len(sample) > 0.05:
        return "binary data"
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if high / len(sample) > 0.3 and not _is_utf8_prefix(sample):
        return "binary data"
    return None


def _is_utf8_prefix(sample: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return True
    except UnicodeDecodeError:
        return False


def decode(data: bytes, html: bool = False) -> tuple[str, str]:
    """Text of `data` and the encoding used ("utf-8" when nothing had to be guessed)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared and declared not in ("utf-8", "utf8"):
            try:
                return data.decode(declared), declared
            except (LookupError, UnicodeDecodeError):
                pass
    utf8 = data.decode("utf-8", errors="replace")
    broken = utf8.count("\ufffd")
    valid_non_ascii = sum(1 for ch in utf8 if ord(ch) > 0x7F) - broken
    if valid_non_ascii > broken:
        return utf8, f"utf-8 with {broken} invalid byte sequence{'s' if broken > 1 else ''} replaced"
    # Bytes 0x80-0x9f are printable in Windows-1252 (curly quotes, dashes) and control codes in
    # Latin-1: their presence means Windows-1252, unless it leaves one of its five undefined bytes.
    if _C1_RE.search(data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET_RE.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


_XML_PROLOGUE = r"\A\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>|<\?[^>]*\?>)\s*)*"
_FEED_RE = re.compile(_XML_PROLOGUE + r"<(?:rss|feed|(?:[\w-]+:)?RDF)\b", re.IGNORECASE | re.DOTALL)
_ROOT_RE = re.compile(_XML_PROLOGUE + r"<([\w:.-]+)", re.IGNORECASE | re.DOTALL)
_HTML_RE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def looks_like_feed(text: str) -> bool:
    return bool(_FEED_RE.match(text[:_SNIFF_BYTES]))


def looks_like_html(text: str) -> bool:
    return bool(_HTML_RE.search(text[:4096]))


def root_element(text: str) -> str | None:
    """Name of the first element of an XML text (for error messages)."""
    m = _ROOT_RE.match(text[:_SNIFF_BYTES])
    return m.group(1) if m else None


def looks_like_jsonl(text: str) -> bool:
    """Every non-empty line starts like a JSON object, and at least one line parses as one.

    The start rather than validity, so that one malformed line in a JSON Lines file is reported
    as a problem with its line number instead of turning the whole file into plain text."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines or not all(line.startswith("{") for line in lines):
        return False
    for line in lines:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except ValueError:
            continue
    return False

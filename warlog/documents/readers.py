"""Readers: files, folders, standard input and strings to normalised Documents.

Identity: `Document.source` is the file's absolute path with symlinks resolved, so the same
file read from two working directories gets the same source; a JSON Lines line adds "#L<n>"
(its 1-based line number) and a feed item "#item<n>" (its 1-based position). Standard input
is "-" (and "-#L<n>"). Error messages name the path as the caller gave it.

Problems that do not make a whole file unusable (a malformed JSON line, a feed item without
text) are appended to the caller's `problems` list, one line each ("[E108] file: line 3: ...");
without a list they are logged as warnings.

Publication date, first found wins: the input's own
metadata (JSON Lines `published`, feed dates, Markdown front matter: "metadata"; HTML meta
tags and markup: "html"); a dateline at the start of the text ("dateline"); a date in the
title or the first line ("title"); last, the `published` argument ("option"), the caller's date for
documents that state none. Dates are absolute (day, month and year) or nothing.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..errors import Errors, InputError, Warnings
from ..record import Document
from .boilerplate import remove_boilerplate
from .decode import decode, looks_like_feed, looks_like_html, looks_like_jsonl, root_element, sniff_binary
from .feeds import NotAFeed, parse_feed
from .html import html_to_text
from .markdown import markdown_to_text
from .normalise import normalise_line, normalise_text
from .published import find_date, find_dateline, parse_date

logger = logging.getLogger(__name__)

MAX_BYTES = 20_000_000
SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}  # fmt: skip
_FRONT_MATTER_DATES = ("published", "date", "pubdate", "publishdate", "published_at", "date_published")
_TITLE_MAX_CHARS = 150
_TITLE_MAX_WORDS = 25


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to read: files as given (even hidden ones, or missing ones, which read_path reports),
    folders walked recursively in sorted order, skipping hidden files and folders."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for path in paths:
        path = Path(path)
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield Path(root) / name


def read_path(
    path: str | Path,
    published: date | str | None = None,
    max_bytes: int = MAX_BYTES,
    problems: list[str] | None = None,
) -> list[Document]:
    """Documents in one file: one for .txt .md .html .htm, one per line for .jsonl, one per item
    for RSS/Atom (.xml .rss .atom); other files are read when their content is text.
    "-" reads standard input.

    Raises InputError (one line, naming the file) for a file that cannot be used at all;
    problems with single lines or items go to `problems` (see the module docstring)."""
    if str(path) == "-":
        return read_stdin(published=published, max_bytes=max_bytes, problems=problems)
    option = _option_date(published)
    path = Path(path)
    label = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(Errors.E109.format(path=label, detail="it is a folder"), path)
        if size > max_bytes:
            raise InputError(_too_large(label, size, max_bytes), path)
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)  # the size may have changed since stat, or be unknown
    except FileNotFoundError as e:
        raise InputError(Errors.E107.format(path=label), path) from e
    except OSError as e:
        raise InputError(Errors.E109.format(path=label, detail=e.strerror or e), path) from e
    if len(data) > max_bytes:
        raise InputError(_too_large(label, len(data), max_bytes), path)

    suffix = path.suffix.lower()
    fmt = SUFFIX_FORMATS.get(suffix)
    _check_not_empty(data, label)
    kind = sniff_binary(data)
    if kind is not None:
        if fmt is None:
            raise InputError(Errors.E106.format(path=label, suffix=suffix), path)
        raise InputError(Errors.E102.format(path=label, kind=kind), path)
    return _read_data(data, fmt, label, str(path.resolve()), option, problems)


def read_stdin(
    published: date | str | None = None,
    max_bytes: int = MAX_BYTES,
    problems: list[str] | None = None,
) -> list[Document]:
    """Documents on standard input: JSON Lines when every non-empty line is a JSON object,
    an HTML page or a feed when it looks like one, else one plain text document."""
    option = _option_date(published)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream without bytes underneath (replaced in tests, notebooks)
        data = sys.stdin.read().encode("utf-8")
    else:
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            size = len(data) + sum(len(chunk) for chunk in iter(lambda: stream.read(1 << 20), b""))
            raise InputError(_too_large("-", size, max_bytes), "-")
    _check_not_empty(data, "-")
    kind = sniff_binary(data)
    if kind is not None:
        raise InputError(Errors.E102.format(path="-", kind=kind), "-")
    return _read_data(data, None, "-", "-", option, problems)


def read_text(
    text: str,
    *,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    published: date | str | None = None,
    fmt: str = "text",
) -> Document:
    """One Document from a string: `fmt` is "text", "markdown" or "html". The title, URL and
    publisher given here win over what an HTML page says about itself."""
    if fmt not in ("text", "markdown", "html"):
        raise ValueError(f"fmt must be 'text', 'markdown' or 'html', not {fmt!r}")
    option = _option_date(published)
    label = source or "<text>"
    meta = _Meta(title=title, url=url, publisher=publisher, fallback=option)
    return _make_document(text, fmt, label, source, meta)


class _Meta:
    """What the input says about a document besides its text."""

    __slots__ = ("title", "url", "publisher", "published", "published_from", "input_id", "fallback")

    def __init__(self, title=None, url=None, publisher=None, published=None, published_from=None, input_id=None,
                 fallback=None):
        self.fallback = fallback  # the caller's date, used when the document states none
        self.title = title
        self.url = url
        self.publisher = publisher
        self.published = published
        self.published_from = published_from
        self.input_id = input_id

    def set_date(self, value, origin: str) -> None:
        if self.published is None and value is not None:
            self.published, self.published_from = value, origin


def _read_data(
    data: bytes, fmt: str | None, label: str, source: str, option: date | None, problems: list[str] | None
) -> list[Document]:
    text, encoding = decode(data, html=fmt == "html" or fmt is None)
    if encoding != "utf-8":
        logger.warning(Warnings.W102.format(path=label, encoding=encoding))
    if fmt is None:
        fmt = _sniff_format(text)
    if fmt == "feed":
        if not looks_like_feed(text):
            if looks_like_html(text):  # an .xml file holding XHTML
                fmt = "html"
            else:
                root = root_element(text)
                detail = f"the root element is <{root}>, not <rss>, <feed> or <rdf:RDF>" if root else "it holds no XML"
                raise InputError(Errors.E104.format(path=label, fmt="RSS/Atom feed", detail=detail), label)
        else:
            return _read_feed(data, label, source, option, problems)
    if fmt == "jsonl":
        return _read_jsonl(text, label, source, option, problems)
    meta = _Meta(fallback=option)
    return [_make_document(text, fmt, label, source, meta)]


def _sniff_format(text: str) -> str:
    if looks_like_feed(text):
        return "feed"
    if looks_like_html(text):
        return "html"
    if looks_like_jsonl(text):
        return "jsonl"
    return "text"


def _read_jsonl(text: str, label: str, source: str, option: date | None, problems: list[str] | None) -> list[Document]:
    docs = []
    bad = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            docs.append(_jsonl_document(line, n, label, source, option))
        except _LineProblem as e:
            bad.append(Errors.E108.format(path=label, line=n, detail=e))
    _report(bad, problems)
    if not docs:
        if bad:
            detail = f"no usable line among {len(bad)}; the first: {bad[0].split(': ', 1)[1]}"
            raise InputError(Errors.E104.format(path=label, fmt="JSON Lines", detail=detail), label)
        raise InputError(Errors.E101.format(path=label), label)
    return docs


class _LineProblem(ValueError):
    pass


def _jsonl_document(line: str, n: int, label: str, source: str, option: date | None) -> Document:
    try:
        record = json.loads(line)
    except ValueError as e:
        msg = getattr(e, "msg", str(e))
        col = getattr(e, "colno", None)
        raise _LineProblem(f"not valid JSON ({msg}{f' at column {col}' if col else ''})") from e
    if not isinstance(record, dict):
        raise _LineProblem(f"not a JSON object but {type(record).__name__}")
    body = record.get("text")
    if body is None:
        raise _LineProblem('no "text" field')
    if not isinstance(body, str):
        raise _LineProblem(f'"text" is {type(body).__name__}, not a string')
    fields = {}
    for key in ("id", "title", "url", "published", "source"):
        value = record.get(key)
        if value is None or value == "":
            continue
        if key == "id" and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            logger.warning(Errors.E108.format(path=label, line=n, detail=f'"{key}" is not a string; ignored'))
            continue
        fields[key] = value
    meta = _Meta(
        title=fields.get("title"),
        url=fields.get("url"),
        publisher=fields.get("source"),
        fallback=option,
        input_id=fields.get("id"),
    )
    if "published" in fields:
        value = parse_date(fields["published"])
        if value is None:
            logger.warning(Errors.E108.format(path=label, line=n, detail=f'"published" {fields["published"]!r} is not a date; ignored'))
        meta.set_date(value, "metadata")
    try:
        doc = _make_document(body, "text", f"{label}#L{n}", f"{source}#L{n}", meta)
    except InputError as e:
        raise _LineProblem(_reason(e)) from e
    doc.format = "jsonl"
    return doc


def _read_feed(data: bytes, label: str, source: str, option: date | None, problems: list[str] | None) -> list[Document]:
    try:
        feed = parse_feed(data)
    except NotAFeed as e:
        raise InputError(Errors.E104.format(path=label, fmt="RSS/Atom feed", detail=e), label) from e
    docs = []
    bad = []
    publisher = normalise_line(feed.title) if feed.title else None
    for item in feed.items:
        meta = _Meta(
            title=item.title,
            url=item.url,
            publisher=publisher,
            fallback=option,
            input_id=item.guid,
        )
        meta.set_date(parse_date(item.published), "metadata")
        name = f"{item.number}" + (f" ({normalise_line(item.title)[:60]!r})" if item.title else "")
        if not item.text.strip():
            bad.append(Errors.E111.format(path=label, item=name, detail="no text; skipped"))
            continue
        fmt = "fragment" if item.is_html else "text"
        try:
            doc = _make_document(item.text, fmt, f"{label}#item{item.number}", f"{source}#item{item.number}", meta)
        except InputError as e:
            bad.append(Errors.E111.format(path=label, item=name, detail=_reason(e)))
            continue
        doc.format = "feed"
        docs.append(doc)
    _report(bad, problems)
    if not docs:
        detail = "it has no items" if not feed.items else f"none of its {len(feed.items)} items has text"
        raise InputError(Errors.E104.format(path=label, fmt="RSS/Atom feed", detail=detail), label)
    return docs


def _make_document(raw: str, fmt: str, label: str, source: str | None, meta: _Meta) -> Document:
    """The one place a Document is built: markup removed, text normalised, boilerplate cut,
    title and publication date found. `fmt` is text, markdown, html or fragment (HTML from a feed)."""
    norm = normalise_text(raw)
    if not norm:
        raise InputError(Errors.E101.format(path=label), label)
    md_title = None
    if fmt in ("html", "fragment"):
        page = html_to_text(raw, with_metadata=fmt == "html")
        body = page.text
        meta.title = meta.title or page.title
        meta.url = meta.url or page.url
        meta.publisher = meta.publisher or page.publisher
        meta.set_date(parse_date(page.date), "html")
    elif fmt == "markdown":
        body, md_title, front = markdown_to_text(norm)
        for key in _FRONT_MATTER_DATES:  # the first that parses
            meta.set_date(parse_date(front.get(key)), "metadata")
    body = norm if fmt == "text" else normalise_text(body)
    text = normalise_text(remove_boilerplate(body))  # dropped lines can leave extra blank lines
    if not text:
        raise InputError(Errors.E105.format(path=label), label)

    title = meta.title or md_title or _guess_title(text)
    title = normalise_line(title) if title else None
    if meta.published is None:
        meta.set_date(find_dateline(text), "dateline")
    if meta.published is None:
        meta.set_date(find_date(title) if title else None, "title")
        first = text.split("\n", 1)[0]
        if _is_headline(first):  # a first line that is a sentence may date an event, not the article
            meta.set_date(find_date(first), "title")
    if meta.published is None:
        meta.set_date(meta.fallback, "option")
    if meta.published is None:  # info, not warning: a batch counts these in its summary instead
        logger.info(Warnings.W101.format(path=label))
    return Document(
        text=text,
        source=source,
        title=title,
        url=meta.url,
        publisher=normalise_line(meta.publisher) if meta.publisher else None,
        published=meta.published,
        published_from=meta.published_from,
        input_id=meta.input_id,
        format="html" if fmt == "fragment" else fmt,
    )


def _guess_title(text: str) -> str | None:
    """The first line of a plain text when it reads like a headline: short, its own paragraph
    or without closing punctuation, and followed by more text."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    return first if rest.strip() and _is_headline(first) else None


def _is_headline(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line) <= _TITLE_MAX_CHARS and len(line.split()) <= _TITLE_MAX_WORDS and line[-1] not in ".,;:"


def _option_date(value) -> date | None:
    if value is None:
        return None
    found = parse_date(value)
    if found is None:
        raise InputError(Errors.E110.format(value=value))
    return found


def _check_not_empty(data: bytes, label: str) -> None:
    if not data.strip():
        raise InputError(Errors.E101.format(path=label), label)


def _too_large(label: str, size: int, max_bytes: int) -> str:
    limit = max_bytes / 1e6
    return Errors.E103.format(path=label, size_mb=size / 1e6, limit_mb=f"{limit:g}")


def _reason(error: InputError) -> str:
    """The reason of an InputError without its code and path, for a per-line problem."""
    message = str(error)
    return message.split(": ", 1)[1] if ": " in message else message


def _report(bad: list[str], problems: list[str] | None) -> None:
    if problems is None:
        for line in bad:
            logger.warning(line)
    else:
        problems.extend(bad)

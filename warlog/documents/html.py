"""HTML pages and fragments to text and metadata, through trafilatura.

trafilatura finds the main text (dropping navigation, share blocks and comment forms) and the
metadata (title, canonical URL, site name, date). Its text comes back as an XML tree, which we
walk ourselves so that every paragraph, heading, quote, list and table ends up as its own
block, separated by one blank line. When trafilatura finds nothing (tiny or broken pages,
feed fragments), every visible text block of the page is kept instead.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from lxml_html_clean import Cleaner

logger = logging.getLogger(__name__)

# Dates from the page's metadata and markup only: the extensive search would guess from any
# date-like string in the text (a copyright year, a date in a comment).
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_FALLBACK_DROP = ["nav", "header", "footer", "aside", "form", "button", "select", "noscript", "template", "svg"]
_FALLBACK_BLOCKS = (
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
    "blockquote", "pre", "tr", "table", "ul", "ol", "dl", "figcaption", "address", "td", "th", "hr",
)  # fmt: skip


@dataclass
class HtmlText:
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None  # as trafilatura found it (YYYY-MM-DD)


def html_to_text(markup: str, with_metadata: bool = True) -> HtmlText:
    """Main text of an HTML page or fragment (blocks separated by blank lines), and its metadata.
    The text is not normalised yet; it is "" when the page holds no text at all."""
    doc = None
    for precision in (True, False):
        try:
            doc = trafilatura.bare_extraction(
                markup,
                favor_precision=precision,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                with_metadata=with_metadata,
                date_extraction_params=_DATE_PARAMS,
            )
        except (ValueError, TypeError, etree.LxmlError) as e:  # trafilatura catches most; be safe
            logger.debug("trafilatura failed: %s", e)
            doc = None
        if doc is not None and doc.body is not None and _blocks_text(doc.body).strip():
            break
    text = _blocks_text(doc.body) if doc is not None and doc.body is not None else ""
    meta = doc
    if not text.strip():
        text = _fallback_text(markup)
        if with_metadata and meta is None:
            try:
                meta = trafilatura.extract_metadata(markup, date_config=_DATE_PARAMS)
            except (ValueError, TypeError, etree.LxmlError):
                meta = None
    if not with_metadata or meta is None:
        return HtmlText(text)
    return HtmlText(
        text,
        title=meta.title or None,
        url=meta.url or None,
        publisher=meta.sitename or None,
        date=meta.date or None,
    )


def _blocks_text(body) -> str:
    """The text of trafilatura's output tree: one block per top-level element."""
    blocks = []
    if body.text and body.text.strip():
        blocks.append(body.text)
    for el in body:
        if el.tag == "list":
            blocks.append("\n".join(_inline(item) for item in el.iter("item")))
        elif el.tag == "table":
            rows = []
            for row in el.iter("row"):
                cells = [" ".join(_inline(c).split()) for c in row.iter("cell")]
                rows.append(" | ".join(c for c in cells if c))
            blocks.append("\n".join(r for r in rows if r))
        else:
            blocks.append(_inline(el))
        if el.tail and el.tail.strip():
            blocks.append(el.tail)
    return "\n\n".join(b.strip() for b in blocks if b and b.strip())


def _inline(el) -> str:
    """Text of an element; a line break (<lb/>) stays a line break, nested lists are left out."""
    parts = []

    def walk(e, top=False):
        if e.tag == "lb":
            parts.append("\n")
        elif not top and e.tag == "list":
            return
        elif e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el, top=True)
    return "".join(parts)


def _fallback_text(markup: str) -> str:
    """Every visible text block of a page, for when trafilatura finds no main text."""
    try:
        tree = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        try:  # lxml refuses str input that carries an XML encoding declaration
            tree = lxml.html.fromstring(markup.encode("utf-8"))
        except (etree.ParserError, ValueError):
            return ""
    cleaner = Cleaner(
        scripts=True, javascript=True, comments=True, style=True, inline_style=True, forms=True,
        meta=True, page_structure=False, kill_tags=_FALLBACK_DROP,
    )  # fmt: skip
    try:
        tree = cleaner.clean_html(tree)
    except (ValueError, TypeError):
        return ""
    for el in tree.iter("title"):
        el.text = ""
    for el in tree.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in tree.iter(*_FALLBACK_BLOCKS):
        el.text = "\n\n" + (el.text or "")
        el.tail = "\n\n" + (el.tail or "")
    return tree.text_content()

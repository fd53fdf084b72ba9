"""RSS and Atom feeds, through feedparser, given bytes (so it never fetches anything)."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import feedparser

logger = logging.getLogger(__name__)

_MARKUP_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-z]+|#\d+);")


class NotAFeed(ValueError):
    """The bytes hold no RSS or Atom feed; the message says why."""


@dataclass
class FeedItem:
    number: int  # 1-based position in the feed
    text: str
    is_html: bool
    title: str | None
    url: str | None
    guid: str | None
    published: str | None  # as written in the feed: the date is kept in the feed's own time zone


@dataclass
class Feed:
    title: str | None
    items: list[FeedItem]


def parse_feed(data: bytes) -> Feed:
    """Items of an RSS or Atom feed; raises NotAFeed when there is no feed in `data`.
    A feed with broken XML is read as far as feedparser's lenient parser gets."""
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise NotAFeed(f"not an RSS or Atom feed ({problem})" if problem else "not an RSS or Atom feed")
    if parsed.get("bozo"):
        logger.warning("feed is not well-formed XML, read leniently: %s", parsed.get("bozo_exception"))
    items = []
    for n, entry in enumerate(parsed.entries, 1):
        text, is_html = _entry_text(entry)
        items.append(
            FeedItem(
                number=n,
                text=text,
                is_html=is_html,
                title=entry.get("title") or None,
                url=entry.get("link") or None,
                guid=entry.get("id") or None,
                published=entry.get("published") or entry.get("updated") or entry.get("created") or None,
            )
        )
    return Feed(parsed.feed.get("title") or None, items)


def _entry_text(entry) -> tuple[str, bool]:
    """The fullest text of an entry: its longest content block, else its summary."""
    candidates = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if candidates:
        best = max(candidates, key=lambda c: len(c["value"]))
        value, kind = best["value"], best.get("type") or ""
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary") or "", detail.get("type") or ""
    if kind == "text/plain":
        return value, False
    return value, bool(_MARKUP_RE.search(value))

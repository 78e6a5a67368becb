"""RSS and Atom feeds to items, with feedparser (parsing only: newsgraph fetches the bytes itself).

feedparser is handed a byte stream, never a string: given a string it would open URLs and local
file names on its own. Each entry becomes a :class:`FeedItem`: its key (the GUID, else the link,
else the title), title, link, publication date, and its body as HTML: the full content when the
feed carries it (``content:encoded``, Atom ``content``), else the summary (``full`` False: the
reader then fetches the linked page). ``readers.py`` turns items into articles.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from xml.sax import SAXException

__all__ = ["Feed", "FeedError", "FeedItem", "looks_like_feed", "parse_feed", "html_fragment_text"]

FEED_EXTENSIONS = (".rss", ".atom")
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre")


class FeedError(Exception):
    """Why a document is not a usable feed (one line)."""


@dataclass(frozen=True)
class FeedItem:
    key: str  # what `newsgraph watch` remembers: GUID, else link, else title
    title: str | None
    link: str | None
    published: str | None  # ISO date
    body: str  # HTML
    full: bool  # the body is the whole article, not a summary


@dataclass(frozen=True)
class Feed:
    title: str | None
    items: list[FeedItem]
    problem: str | None = None  # malformed XML that feedparser read past: one warning line


def looks_like_feed(data: bytes) -> bool:
    """True when the first bytes open an RSS, Atom or RDF document (after any XML prolog)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and bool(_FEED_ROOT.search(head))


def parse_feed(data: bytes) -> Feed:
    """The feed's title and items; :class:`FeedError` when the bytes are no feed at all."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser must not open anything itself
    items = [_item(e, n) for n, e in enumerate(parsed.entries, 1)]
    broken = parsed.get("bozo_exception") if isinstance(parsed.get("bozo_exception"), SAXException) else None
    if broken is not None:  # feedparser read past bad XML: keep only what still looks like an item
        items = [item for item in items if item.link or html_fragment_text(item.body)]
    if not items and (broken is not None or not parsed.version):
        reason = broken or parsed.get("bozo_exception") or "no RSS or Atom items"
        raise FeedError(f"not a valid RSS or Atom feed ({_one_line(reason)})")
    problem = None
    if broken is not None:
        problem = (
            f"malformed XML ({_one_line(broken)}); read {len(items)} of {len(parsed.entries)} items anyway"
        )
    return Feed(_text(parsed.feed.get("title")), items, problem)


def _item(entry, number: int) -> FeedItem:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value", "").strip()]
    summary = entry.get("summary", "") or ""
    link = _text(entry.get("link"))
    title = _text(entry.get("title"))
    key = _text(entry.get("id")) or link or title or f"item {number}"
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = dt.date(*stamp[:3]).isoformat() if stamp else None
    if contents:  # content:encoded / Atom content: the article itself, by the feeds' convention
        return FeedItem(key, title, link, published, max(contents, key=len), True)
    return FeedItem(key, title, link, published, summary, False)


def html_fragment_text(html: str) -> str:
    """Plain text of an HTML fragment, one line per paragraph (feedparser has sanitised it)."""
    if "<" not in html:
        return "\n".join(" ".join(line.split()) for line in html.splitlines() if line.strip())
    from lxml import html as lxml_html  # lxml comes with trafilatura
    from lxml.etree import ParserError

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _text(value) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _one_line(reason) -> str:
    return " ".join(str(reason).split())[:160]

"""Readers: article files (text, Markdown, HTML, JSON, JSON Lines) to :class:`Article` objects.

Formats, by extension (content sniffed where the extension says nothing or lies):

- ``.txt``/``.text``: ``text`` is the whole file, decoded, newlines normalised to ``\\n``,
  so offsets index the file. Layout: optional ``Title:``/``Source:``/``Published:``
  (or ``Date:``)/``URL:`` front-matter lines at the top; otherwise a short first line
  without sentence punctuation followed by a headline-like line and a body is
  outlet + headline (the seed's layout), and a single headline-like first line
  followed by a body is the headline.
- ``.md``/``.markdown``: YAML front matter (``---``) gives title/source/published/url;
  the first ``# `` heading is the title otherwise. ``text`` is the body with the
  Markdown markup *stripped* (parsed by markdown-it-py): one line per heading,
  paragraph, list item, table row or code block, soft line breaks joined by a space,
  link text kept and link targets, images and raw HTML dropped. Offsets index
  this plain text, which is what spaCy should read (``**`` and ``](http…)`` are not prose).
- ``.html``/``.htm``/``.xhtml``: trafilatura extracts the main text (no scripts,
  navigation or boilerplate), title, date, site name and URL; ``text`` is that main text.
- ``.json`` (one object, a list of objects, or JSON Lines under a .json name) and
  ``.jsonl``/``.ndjson``: one article per object, with ``title``, ``text`` (or
  ``body``/``content``), ``published`` (or ``date``/``publishedAt``), ``url``,
  ``source`` (a string or ``{"name": …}``). ``text`` is the text field exactly
  (newlines normalised); a bad line is skipped and the rest is read.
- ``.rss``/``.atom`` (and any file or ``http(s)://`` URL whose content is an RSS or Atom feed):
  one article per item, read with feedparser (``feeds.py``): title, link, outlet (the feed's
  title), publication date and text. An item that carries only a summary gets the main text of
  its linked page (fetched within the limits of ``fetch.py``, http and https only); when that
  fails it keeps its summary and one warning names it.
- directories: recursively, entries sorted by name; hidden entries and files of
  other types are passed over silently (a folder of articles often holds gold
  files, notes or ``.DS_Store``). A file named explicitly is always read, its
  format sniffed from the content when the extension is unknown.

``published`` is normalised to ISO ``YYYY-MM-DD`` (dateparser for free-form dates; a
date without a day, or none at all, gives the ``published`` argument instead).

Problems: a path that does not exist raises :class:`InputError` (exit code 2) before
anything is read. Everything else is reported, never raised, by ``iter_articles``:
``on_skip(message)`` for inputs that yield no article (empty, binary, unreadable,
malformed JSON line, …) and ``on_warn(message)`` for articles read with a caveat
(invalid UTF-8 replaced with U+FFFD, an unparseable date, bad front matter). Each
message is one line that starts with the file name (``file:line`` for JSON Lines).
Without ``on_warn`` the warnings go to the ``newsgraph.readers`` logger.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.extract.errors import InputError
from newsgraph.extract.feeds import (
    FEED_EXTENSIONS,
    FeedError,
    FeedItem,
    html_fragment_text,
    looks_like_feed,
    parse_feed,
)
from newsgraph.extract.fetch import Fetcher, FetchError, is_url
from newsgraph.extract.record import Article

__all__ = [
    "iter_articles",
    "read_article",
    "count_articles",
    "is_record_file",
    "iter_input_files",
    "check_paths",
    "normalize_date",
    "article_id",
    "iter_feed",
    "FORMATS",
]

log = logging.getLogger("newsgraph.readers")

Report = Callable[[str], None]

# Extension -> format. Only these are taken from directories.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    **{ext: "feed" for ext in FEED_EXTENSIONS},
}

TEXT_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "publishedAt", "published_at", "pubDate")
URL_FIELDS = ("url", "link")
SOURCE_FIELDS = ("source", "outlet", "publisher", "sitename", "site_name")

_SNIFF_BYTES = 4096
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class _Issue(Exception):
    """Why one input gave no article; becomes an ``on_skip`` line (or InputError in read_article)."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


# --- public API --------------------------------------------------------------------------


def iter_articles(
    paths: Iterable[str | Path],
    published: str | None = None,
    on_skip: Report | None = None,
    on_warn: Report | None = None,
) -> Iterator[Article]:
    """Articles from files and directories, one at a time, in the order given (directories sorted).

    Raises :class:`InputError` at once if a path does not exist or ``published`` is not a date;
    every other problem goes to ``on_skip`` / ``on_warn`` (see the module notes) and reading goes on.
    """
    given = _check_paths(paths)
    fallback = _fallback_date(published)
    return _iter_articles(given, fallback, on_skip or _ignore, on_warn or log.warning)


def read_article(path: str | Path, published: str | None = None, on_warn: Report | None = None) -> Article:
    """The one article in a file; :class:`InputError` if it is missing, unreadable or holds no or many."""
    (given,) = _check_paths([path])
    if is_url(given):
        raise InputError(f"{given}: a URL (a feed of many articles); read it with iter_articles")
    if Path(given).is_dir():
        raise InputError(f"{given}: is a directory, not an article file")
    fallback = _fallback_date(published)
    issues: list[str] = []
    found = list(_read_file(Path(given), given, fallback, issues.append, on_warn or log.warning))
    if len(found) == 1:
        return found[0]
    if found:
        raise InputError(f"{given}: holds {len(found)} articles; read it with iter_articles")
    raise InputError(issues[0] if issues else f"{given}: no article found")


def count_articles(paths: Iterable[str | Path]) -> int:
    """How many articles ``iter_articles`` will yield at most, cheaply (no parsing but of JSON files).

    JSON Lines count their non-blank lines (malformed ones included), record files count
    nothing, unreadable files count nothing. Raises :class:`InputError` for a missing path.
    """
    total = 0
    for path, _shown in iter_input_files(_check_paths(paths)):
        try:
            total += _count_file(path)
        except (OSError, ValueError, _Issue):
            continue
    return total


def is_record_file(path: Path) -> bool:
    """True for a .jsonl/.json whose first object has ``article`` and ``events``: newsgraph extract output."""
    path = Path(path)
    if path.suffix.lower() not in (".json", ".jsonl", ".ndjson") or not path.is_file():
        return False
    try:
        first = _first_json_object(path)
    except (OSError, ValueError):
        return False
    return _is_record(first)


def iter_input_files(
    paths: Iterable[str | Path], on_skip: Report | None = None
) -> Iterator[tuple[Path, str]]:
    """Expand directories: ``(path, path as shown)`` for each candidate file, in reading order.

    Directory entries come sorted by name; hidden entries and unknown extensions are passed
    over; broken symlinks and unreadable folders go to ``on_skip``. Missing paths are not
    checked here (``iter_articles`` does that first).
    """
    report = on_skip or _ignore
    for given in paths:
        shown = str(given)
        path = Path(given)
        if is_url(shown):
            report(f"{shown}: feeds by URL are read by the local engine only; skipped")
        elif path.is_dir():
            yield from _walk(path, shown, report, seen=set())
        else:
            yield path, shown


def normalize_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` for a date in any common form (text, ISO, epoch seconds), else None.

    Only absolute dates count: "2 days ago" or "January 2026" give None, since a publication
    date must not depend on when the reader runs or invent a day.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds, as JavaScript writes them
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", text)
    if iso:
        try:
            return dt.date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    import dateparser  # only when a date is not ISO already: the import costs

    parsed = dateparser.parse(
        text,
        settings={"PARSERS": ["custom-formats", "absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date().isoformat() if parsed else None


def article_id(text: str) -> str:
    """The content id of an article: ``sha256:`` + the SHA-256 of its text (UTF-8)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- walking -----------------------------------------------------------------------------


def _ignore(_message: str) -> None:
    pass


def check_paths(paths: Iterable[str | Path]) -> list[str]:
    """The paths as given (strings); :class:`InputError` naming the first that does not exist."""
    given = [str(p) for p in paths]
    for shown in given:
        if is_url(shown):  # a feed URL: fetched when read
            continue
        if not os.path.lexists(shown):
            raise InputError(f"{shown}: no such file or directory")
        if not os.path.exists(shown):
            raise InputError(f"{shown}: broken symbolic link (its target does not exist)")
    return given


_check_paths = check_paths  # the name extract/inputs.py imports


def _fallback_date(published: str | None) -> str | None:
    if published is None:
        return None
    date = normalize_date(published)
    if date is None:
        raise InputError(f"published date {published!r} is not a date (use YYYY-MM-DD)")
    return date


def _walk(folder: Path, shown: str, report: Report, seen: set[tuple[int, int]]) -> Iterator[tuple[Path, str]]:
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:  # a symlink loop back up the tree
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except PermissionError:
        report(f"{shown}: permission denied")
        return
    except OSError as exc:
        report(f"{shown}: cannot list folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = os.path.join(shown, entry.name)
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, child, report, seen)
        elif path.suffix.lower() in FORMATS:
            if entry.is_symlink() and not os.path.exists(path):
                report(f"{child}: broken symbolic link")
                continue
            yield path, child


# --- reading one file ---------------------------------------------------------------------


def _iter_articles(
    given: list[str], fallback: str | None, on_skip: Report, on_warn: Report
) -> Iterator[Article]:
    fetcher = _Lazy()  # one polite client (connection pool, per-host clock) for every feed read
    try:
        for given_path in given:
            if is_url(given_path):
                yield from _url_feed(given_path, fetcher, fallback, on_skip, on_warn)
                continue
            for path, shown in iter_input_files([given_path], on_skip):
                yield from _read_file(path, shown, fallback, on_skip, on_warn, fetcher)
    finally:
        fetcher.close()


def _read_file(
    path: Path,
    shown: str,
    fallback: str | None,
    on_skip: Report,
    on_warn: Report,
    fetcher: _Lazy | None = None,
) -> Iterator[Article]:
    """Articles of one file; problems that stop the file go to on_skip, never raised."""
    try:
        _check_regular(path, shown)
        fmt = FORMATS.get(path.suffix.lower())
        if fmt in ("json", "jsonl"):
            if is_record_file(path):
                raise _Issue(shown, "newsgraph extract output (records), not articles")
            if fmt == "jsonl":
                with open(path, "rb") as lines:
                    yield from _json_lines(lines, shown, fallback, on_skip, on_warn)
                return
        data = _read_bytes(path, shown)
        fmt = _sniff(data, fmt)
        if fmt == "feed":
            yield from (a for _item, a in _feed_articles(data, shown, fetcher or _Lazy(), fallback, on_warn))
            return
        if fmt == "html":
            yield _html_article(data, shown, fallback, on_warn)
            return
        text = _decode(data, shown, on_warn)
        if fmt == "json":
            yield from _json_document(text, shown, fallback, on_skip, on_warn)
        elif fmt == "markdown":
            yield _markdown_article(text, shown, fallback, on_warn)
        else:
            yield _text_article(text, shown, fallback, on_warn)
    except _Issue as issue:
        on_skip(str(issue))


def _check_regular(path: Path, shown: str) -> None:
    # A FIFO or device would block or never end on open(); only regular files are articles.
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as exc:
        raise _Issue(shown, "no such file (removed while reading, or a broken symbolic link)") from exc
    except OSError as exc:
        raise _Issue(shown, _os_reason(exc)) from exc
    if not stat.S_ISREG(mode):
        raise _Issue(shown, "not a regular file")


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read ({(exc.strerror or str(exc)).lower()})"


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _Issue(shown, _os_reason(exc)) from exc
    if not data.strip():
        raise _Issue(shown, "empty")
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _Issue(shown, "binary, not text")
    return data


def _sniff(data: bytes, fmt: str | None) -> str:
    """The format by content where the extension is unknown, or a saved web page named .txt."""
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    looks_html = head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<") and b"<body" in head
    )
    if fmt in (None, "text") and looks_html:
        return "html"
    if fmt in (None, "feed") and looks_like_feed(data):
        return "feed"
    if fmt is not None:
        return fmt
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith(b"---"):
        return "markdown"
    return "text"


def _decode(data: bytes, shown: str, on_warn: Report) -> str:
    """Text from bytes: UTF-8 (BOM dropped) or BOM-marked UTF-16; bad bytes become U+FFFD with a warning."""
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        text = data.decode(encoding, errors="replace")
        on_warn(
            f"{shown}: not valid {exc.encoding.upper()} (first bad byte at offset {exc.start}); "
            f"undecodable bytes read as U+FFFD"
        )
    return _newlines(text)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _article(text: str, shown: str, fallback: str | None, **meta: Any) -> Article:
    if not text.strip():
        raise _Issue(shown, "empty")
    return Article(
        id=article_id(text),
        title=_clean(meta.get("title")),
        source=_clean(meta.get("source")),
        published=meta.get("published") or fallback,
        url=_clean(meta.get("url")),
        path=shown,
        text=text,
    )


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _date(value: Any, shown: str, on_warn: Report) -> str | None:
    if value in (None, ""):
        return None
    date = normalize_date(value)
    if date is None:
        on_warn(f"{shown}: published date {str(value)[:80]!r} is not a full date; ignored")
    return date


# --- plain text ---------------------------------------------------------------------------

_FRONT_LINE = re.compile(r"(title|headline|source|outlet|published|date|url)[ \t]*:[ \t]*(.*)", re.IGNORECASE)
_FRONT_KEYS = {"headline": "title", "outlet": "source", "date": "published"}
_SENTENCE_END = re.compile(r"[.;:,]['\"’”)\]]*$")


def _text_article(text: str, shown: str, fallback: str | None, on_warn: Report) -> Article:
    lines = text.split("\n", 40)[:40]  # the layout lives at the top; never split a 5 MB body
    front: dict[str, str] = {}
    for line in lines:
        match = _FRONT_LINE.fullmatch(line.strip())
        if not match:
            break
        key = match.group(1).lower()
        front[_FRONT_KEYS.get(key, key)] = match.group(2).strip()
    if front:
        meta: dict[str, Any] = dict(front)
    else:
        meta = _guess_layout([line.strip() for line in lines if line.strip()])
    meta["published"] = _date(meta.get("published"), shown, on_warn)
    return _article(text, shown, fallback, **meta)


def _guess_layout(lines: list[str]) -> dict[str, Any]:
    """Outlet + headline, or headline, from the first non-blank lines (see the module notes)."""
    if len(lines) >= 3 and _is_label(lines[0]) and _is_headline(lines[1]):
        return {"source": lines[0], "title": lines[1]}
    if len(lines) >= 2 and _is_headline(lines[0]):
        return {"title": lines[0]}
    return {}


def _is_headline(line: str) -> bool:
    # Headlines are one short line with no closing full stop ("?" and "!" happen).
    return len(line) <= 250 and len(line.split()) <= 30 and not _SENTENCE_END.search(line)


def _is_label(line: str) -> bool:
    # An outlet name: a few words, no sentence punctuation at all.
    return len(line) <= 60 and len(line.split()) <= 6 and not re.search(r"[.!?;:,]['\"’”]*$", line)


# --- Markdown -----------------------------------------------------------------------------


def _markdown_article(text: str, shown: str, fallback: str | None, on_warn: Report) -> Article:
    meta, body = _front_matter(text, shown, on_warn)
    plain, heading = _markdown_plain(body)
    meta.setdefault("title", heading)
    meta["published"] = _date(meta.get("published"), shown, on_warn)
    return _article(plain, shown, fallback, **meta)


def _front_matter(text: str, shown: str, on_warn: Report) -> tuple[dict[str, Any], str]:
    match = re.match(r"---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", text, re.DOTALL)
    if not match:
        return {}, text
    import yaml

    try:
        data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        on_warn(f"{shown}: front matter is not valid YAML{where}; ignored")
        data = {}
    if not isinstance(data, dict):
        on_warn(f"{shown}: front matter is not a mapping of fields; ignored")
        data = {}
    return _fields(data), text[match.end() :]


def _markdown_plain(body: str) -> tuple[str, str | None]:
    """Markdown to plain text, one line per block, and the first level-1 heading."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(body)
    lines: list[str] = []
    row: list[str] | None = None
    heading: str | None = None
    for i, token in enumerate(tokens):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append(" | ".join(row))
            row = None
        elif token.type in ("fence", "code_block"):
            lines.extend(token.content.rstrip("\n").split("\n"))
        elif token.type == "inline":
            line = _inline_text(token.children or [])
            if row is not None:
                row.append(line)
                continue
            if line.strip():
                lines.append(line)
                if (
                    heading is None
                    and i
                    and tokens[i - 1].type == "heading_open"
                    and tokens[i - 1].tag == "h1"
                ):
                    heading = line
    return "\n".join(lines), heading


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        # images, raw HTML and link targets are markup, not prose: dropped
    return "".join(parts).strip()


# --- HTML ---------------------------------------------------------------------------------


def _html_main(data: bytes, shown: str) -> tuple[Any, str]:
    """trafilatura's document (metadata) and the page's main text; _Issue when there is none."""
    import trafilatura  # only for HTML: the import is heavy

    try:
        doc = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_images=False, include_links=False
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken pages; the file is skipped
        raise _Issue(shown, f"HTML could not be parsed ({type(exc).__name__})") from exc
    text = _newlines(getattr(doc, "text", None) or "").strip()
    if not text:
        raise _Issue(shown, "no main text found in the HTML page")
    return doc, text


def _html_article(data: bytes, shown: str, fallback: str | None, on_warn: Report) -> Article:
    doc, text = _html_main(data, shown)
    return _article(
        text,
        shown,
        fallback,
        title=doc.title,
        source=doc.sitename or doc.hostname,
        published=_date(doc.date, shown, on_warn),
        url=doc.url,
    )


# --- RSS and Atom feeds ------------------------------------------------------------------


class _Lazy:
    """The run's one :class:`Fetcher`, made when a feed first needs it."""

    def __init__(self) -> None:
        self._fetcher: Fetcher | None = None

    def __call__(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher()
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def iter_feed(
    source: str,
    fetcher: Fetcher,
    published: str | None = None,
    on_skip: Report | None = None,
    on_warn: Report | None = None,
    wanted: Callable[[FeedItem], bool] | None = None,
) -> Iterator[tuple[FeedItem, Article]]:
    """``(item, article)`` for each item of the feed at ``source`` (a URL or a file) that ``wanted``
    accepts (before its page is fetched); a feed that cannot be read is one ``on_skip`` line."""
    report = on_skip or _ignore
    try:
        if is_url(source):
            data = _fetch_feed(source, fetcher)
        else:
            (given,) = _check_paths([source])
            _check_regular(Path(given), given)
            data = _read_bytes(Path(given), given)
        yield from _feed_articles(data, source, lambda: fetcher, _fallback_date(published),
                                  on_warn or log.warning, wanted)  # fmt: skip
    except _Issue as issue:
        report(str(issue))


def _url_feed(
    url: str, fetcher: _Lazy, fallback: str | None, on_skip: Report, on_warn: Report
) -> Iterator[Article]:
    try:
        data = _fetch_feed(url, fetcher())
        yield from (article for _item, article in _feed_articles(data, url, fetcher, fallback, on_warn))
    except _Issue as issue:
        on_skip(str(issue))


def _fetch_feed(url: str, fetcher: Fetcher) -> bytes:
    try:
        data = fetcher.get(url).data
    except FetchError as exc:
        raise _Issue(url, f"feed not fetched: {exc}") from exc
    if not data.strip():
        raise _Issue(url, "empty")
    return data


def _feed_articles(
    data: bytes,
    shown: str,
    fetcher: Callable[[], Fetcher],
    fallback: str | None,
    on_warn: Report,
    wanted: Callable[[FeedItem], bool] | None = None,
) -> Iterator[tuple[FeedItem, Article]]:
    try:
        feed = parse_feed(data)
    except FeedError as exc:
        raise _Issue(shown, str(exc)) from exc
    if feed.problem:
        on_warn(f"{shown}: {feed.problem}")
    for number, item in enumerate(feed.items, 1):
        if wanted is not None and not wanted(item):
            continue
        where = f"{shown}: item {number}" + (f" ({item.title[:60]})" if item.title else "")
        text = _item_text(item, where, fetcher, on_warn)
        if not text:
            on_warn(f"{where}: no text in the feed and no page to read; skipped")
            continue
        article = _article(text, shown, fallback, title=item.title, source=feed.title,
                           published=item.published, url=item.link)  # fmt: skip
        yield item, article


def _item_text(item: FeedItem, where: str, fetcher: Callable[[], Fetcher], on_warn: Report) -> str:
    """The item's full content, else its linked page's main text, else (one warning) its summary."""
    summary = html_fragment_text(item.body)
    if item.full:
        return summary
    if not item.link:
        if summary:
            on_warn(f"{where}: no link to the article; kept the feed's summary")
        return summary
    try:
        page = fetcher().get(item.link)
        return _html_main(page.data, where)[1]
    except FetchError as exc:
        reason = str(exc)
    except _Issue as issue:
        reason = issue.reason
    on_warn(f"{where}: page {item.link[:200]} not read: {reason}; kept the feed's summary")
    return summary


# --- JSON and JSON Lines ------------------------------------------------------------------


def _fields(obj: dict[str, Any]) -> dict[str, Any]:
    """Article metadata from an object's fields (first of each alias list that is set)."""

    def first(names: tuple[str, ...]) -> Any:
        return next((obj[n] for n in names if obj.get(n) not in (None, "")), None)

    source = first(SOURCE_FIELDS)
    if isinstance(source, dict):  # NewsAPI and friends: {"id": ..., "name": "Reuters"}
        source = source.get("name") or source.get("title")
    return {
        "title": first(TITLE_FIELDS),
        "source": source,
        "published": first(DATE_FIELDS),
        "url": first(URL_FIELDS),
    }


def _object_article(obj: Any, where: str, shown: str, fallback: str | None, on_warn: Report) -> Article:
    if not isinstance(obj, dict):
        raise _Issue(where, f"not a JSON object (a {type(obj).__name__})")
    body = next((obj[n] for n in TEXT_FIELDS if n in obj), None)
    if body is None:
        raise _Issue(where, "no text field (text, body or content)")
    if not isinstance(body, str):
        raise _Issue(where, f"text field is a {type(body).__name__}, not a string")
    meta = _fields(obj)
    # JSON may escape lone UTF-16 surrogates ("\\ud800"), which no UTF-8 output can hold
    if _SURROGATE.search(body) or any(isinstance(v, str) and _SURROGATE.search(v) for v in meta.values()):
        on_warn(f"{where}: lone UTF-16 surrogates (\\ud800-\\udfff escapes) read as U+FFFD")
        body = _SURROGATE.sub("\ufffd", body)
        meta = {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in meta.items()}
    meta["published"] = _date(meta.get("published"), where, on_warn)
    article = _article(_newlines(body), where, fallback, **meta)
    article.path = shown
    return article


def _json_document(
    text: str, shown: str, fallback: str | None, on_skip: Report, on_warn: Report
) -> Iterator[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines under a .json name
            yield from _json_lines(iter(text.split("\n")), shown, fallback, on_skip, on_warn)
            return
        raise _Issue(shown, f"not valid JSON: {_json_reason(exc)}") from exc
    if not isinstance(data, list):
        yield _object_article(data, shown, shown, fallback, on_warn)
        return
    if not data:
        raise _Issue(shown, "no articles (an empty list)")
    for index, item in enumerate(data, 1):  # counted from 1, like lines
        try:
            yield _object_article(item, f"{shown}: item {index}", shown, fallback, on_warn)
        except _Issue as issue:
            on_skip(str(issue))


def _json_reason(exc: json.JSONDecodeError, line: bool = True) -> str:
    where = f"line {exc.lineno}, column {exc.colno}" if line else f"column {exc.colno}"
    return f"{exc.msg.removesuffix(' at')} ({where})"


def _json_lines(
    lines: Iterable[bytes | str], shown: str, fallback: str | None, on_skip: Report, on_warn: Report
) -> Iterator[Article]:
    """One article per line, streamed; a bad line is reported and the rest read."""
    found = False
    for number, raw in enumerate(lines, 1):
        where = f"{shown}:{number}"
        if isinstance(raw, bytes):
            if b"\x00" in raw:
                on_skip(f"{where}: binary, not text")
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                line = raw.decode("utf-8", errors="replace")
                on_warn(f"{where}: not valid UTF-8 (byte {exc.start} of the line); read as U+FFFD")
        else:
            line = raw
        if not line.strip():
            continue
        found = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            on_skip(f"{where}: not valid JSON: {_json_reason(exc, line=False)}")
            continue
        try:
            yield _object_article(obj, where, shown, fallback, on_warn)
        except _Issue as issue:
            on_skip(str(issue))
    if not found:
        raise _Issue(shown, "empty")


# --- cheap peeks (counting, record files) --------------------------------------------------


def _first_json_object(path: Path) -> Any:
    """The first JSON value of a JSON Lines file, or the first item of a JSON list."""
    data: Any = None
    with open(path, "rb") as lines:
        for raw in lines:
            if raw.strip():
                try:
                    data = json.loads(raw.decode("utf-8-sig", errors="replace"))
                except ValueError:
                    if path.suffix.lower() != ".json":
                        raise  # JSON Lines: the first line decides; never load a big file whole
                    # a pretty-printed .json: parse it whole
                    data = json.loads(path.read_bytes().decode("utf-8-sig", errors="replace"))
                break
    return data[0] if isinstance(data, list) and data else data


def _is_record(obj: Any) -> bool:
    return isinstance(obj, dict) and "article" in obj and "events" in obj


def _count_file(path: Path) -> int:
    if not path.is_file():
        return 0
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        if is_record_file(path):
            return 0
        if suffix != ".json":
            with open(path, "rb") as lines:
                return sum(1 for raw in lines if raw.strip())
        try:
            data = json.loads(path.read_bytes().decode("utf-8-sig", errors="replace"))
        except ValueError:
            with open(path, "rb") as lines:  # JSON Lines under a .json name
                return sum(1 for raw in lines if raw.strip())
        return len(data) if isinstance(data, list) else 1
    with open(path, "rb") as file:
        head = file.read(_SNIFF_BYTES)
    if suffix in FEED_EXTENSIONS or looks_like_feed(head):
        try:
            return len(parse_feed(path.read_bytes()).items)
        except FeedError:
            return 0
    return 1 if head else 0

"""A local HTTP server on 127.0.0.1 for the feed tests: feeds, pages and misbehaving URLs.

Routes are a dict of path -> handler; every request's path is logged, so a test can show what was
(and was not) fetched. Feeds are built from the project's own articles (``tests/articles``): the RSS
feed links to one HTML page per article (summary only in the feed), the Atom feed carries the full
text. Nothing here touches the internet.
"""

from __future__ import annotations

import datetime as dt
import html
import threading
import time
from collections.abc import Callable
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLES = Path(__file__).parent / "articles"
BIG_PAGE_BYTES = 20 * 1024 * 1024


def article_parts(path: Path) -> tuple[str, str, list[str]]:
    """(outlet, headline, paragraphs) of a tests/articles file (outlet, headline, body layout)."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[0], lines[1], lines[2:]


def page_html(path: Path) -> bytes:
    outlet, headline, paragraphs = article_parts(path)
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{html.escape(headline)}</title>"
        f'<meta property="og:site_name" content="{html.escape(outlet)}"></head><body>'
        f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{html.escape(headline)}</h1>\n{body}</article>"
        f"<footer>Copyright {html.escape(outlet)}</footer></body></html>"
    ).encode()


def rss(base: str, items: list[dict], title: str = "Harbour Wire") -> bytes:
    entries = []
    for item in items:
        parts = [f"<title>{html.escape(item['title'])}</title>", f"<link>{html.escape(item['link'])}</link>"]
        parts.append(f"<guid isPermaLink='false'>{html.escape(item['guid'])}</guid>")
        parts.append(f"<pubDate>{item.get('date', 'Tue, 06 Jan 2026 09:00:00 GMT')}</pubDate>")
        parts.append(f"<description>{html.escape(item['summary'])}</description>")
        entries.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{html.escape(title)}</title><link>{base}/</link><description>News</description>"
        + "".join(entries)
        + "</channel></rss>"
    ).encode()


def atom(base: str, paths: list[Path]) -> bytes:
    entries = []
    for number, path in enumerate(paths, 1):
        _outlet, headline, paragraphs = article_parts(path)
        content = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        entries.append(
            f"<entry><title>{html.escape(headline)}</title><id>urn:test:atom:{number}</id>"
            f"<link href='{base}/atom/{number}.html'/><updated>2026-01-0{number}T08:00:00Z</updated>"
            f"<summary>{html.escape(paragraphs[0][:80])}</summary>"
            f"<content type='html'>{html.escape(content)}</content></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Desk</title><id>urn:test:atom</id><updated>2026-01-03T08:00:00Z</updated>"
        + "".join(entries)
        + "</feed>"
    ).encode()


class FeedServer:
    """``with FeedServer() as server``: ``server.url("/rss.xml")``, ``server.requests`` (paths)."""

    def __init__(self, slow_seconds: float = 3.0):
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.requests: list[str] = []
        self.agents: list[str] = []
        self.times: list[tuple[float, str]] = []
        self.slow_seconds = slow_seconds
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    # --- handlers -------------------------------------------------------------------------

    def add(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        def send(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        self.routes[path] = send

    def add_redirect(self, path: str, location: str) -> None:
        def send(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(302)
            handler.send_header("Location", location)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        self.routes[path] = send

    def add_slow(self, path: str) -> None:
        def send(handler: BaseHTTPRequestHandler) -> None:
            time.sleep(self.slow_seconds)  # longer than the fetcher's timeout
            try:
                handler.send_response(200)
                handler.end_headers()
                handler.wfile.write(b"<html><body><p>too late</p></body></html>")
            except OSError:
                pass

        self.routes[path] = send

    def add_big(self, path: str, size: int = BIG_PAGE_BYTES, declare: bool = False) -> None:
        """A page of ``size`` bytes, streamed without Content-Length unless ``declare``."""

        def send(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            if declare:
                handler.send_header("Content-Length", str(size))
            handler.end_headers()
            chunk = b"<p>" + b"filler " * 1000 + b"</p>\n"
            sent = 0
            try:
                handler.wfile.write(b"<html><body>")
                while sent < size:
                    handler.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:  # the client stopped reading: what the size limit is for
                pass
            handler.close_connection = True

        self.routes[path] = send

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.requests.append(self.path)
                server.agents.append(self.headers.get("User-Agent", ""))
                server.times.append((time.monotonic(), self.path))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                route(self)

            def log_message(self, *args) -> None:  # quiet
                pass

        return Handler

    def __enter__(self) -> FeedServer:
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def rfc822(day: int) -> str:
    return format_datetime(dt.datetime(2026, 1, day, 9, tzinfo=dt.timezone.utc), usegmt=True)


def news_site(server: FeedServer, names: list[str]) -> list[dict]:
    """Pages for the named tests/articles files and RSS items (summary only) linking to them."""
    items = []
    for number, name in enumerate(names, 1):
        path = ARTICLES / name
        _outlet, headline, paragraphs = article_parts(path)
        server.add(f"/news/{number}.html", page_html(path))
        items.append(
            {
                "title": headline,
                "link": server.url(f"/news/{number}.html"),
                "guid": f"urn:test:rss:{number}",
                "summary": paragraphs[0][:120],
                "date": rfc822(number),
            }
        )
    return items

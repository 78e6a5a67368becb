"""Fetching feeds and the pages their items link to, politely and within limits.

Only ``http`` and ``https`` URLs are fetched (a feed's ``file:``, ``ftp:`` or ``javascript:`` link is
refused before any I/O); redirects are followed by hand, each hop checked the same way, at most
``max_redirects`` of them. Every request sends a user agent naming newsgraph, has a connect/read
timeout and an overall deadline, and reads the body in chunks, stopping past ``max_bytes`` (after
decompression, so a small gzip bomb cannot grow past it either). Requests to one host are spaced by
``delay`` seconds. urllib3 (already a dependency through trafilatura) does the HTTP.

Limits come from :class:`FetchLimits`; ``FetchLimits.from_env()`` reads ``NEWSGRAPH_FETCH_TIMEOUT``,
``NEWSGRAPH_FETCH_MAX_MB``, ``NEWSGRAPH_FETCH_DELAY`` and ``NEWSGRAPH_FETCH_REDIRECTS``.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

__all__ = ["FetchError", "FetchLimits", "Fetcher", "Page", "is_url", "user_agent"]

SCHEMES = ("http", "https")
PROJECT_URL = "https://github.com/newsgraph/newsgraph"
_CHUNK = 64 * 1024


class FetchError(Exception):
    """Why one URL gave nothing: one line, without the URL (the caller names the item)."""


def is_url(text: str) -> bool:
    """True for an ``http://`` or ``https://`` URL (the only kinds newsgraph fetches)."""
    return urlsplit(str(text)).scheme.lower() in SCHEMES and bool(urlsplit(str(text)).netloc)


def user_agent() -> str:
    """``newsgraph/<version> (+project URL)``: site operators can see who fetches and why."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("newsgraph")
    except PackageNotFoundError:
        number = "dev"
    return f"newsgraph/{number} (+{PROJECT_URL})"


@dataclass(frozen=True)
class FetchLimits:
    timeout: float = 20.0  # seconds for connecting, for each read, and for the whole body
    max_bytes: int = 10 * 1024 * 1024
    delay: float = 1.0  # seconds between two requests to one host
    max_redirects: int = 5

    @classmethod
    def from_env(cls) -> FetchLimits:
        env = os.environ.get
        default = cls()
        return cls(
            timeout=float(env("NEWSGRAPH_FETCH_TIMEOUT") or default.timeout),
            max_bytes=int(float(env("NEWSGRAPH_FETCH_MAX_MB") or default.max_bytes / 2**20) * 2**20),
            delay=float(env("NEWSGRAPH_FETCH_DELAY") or default.delay),
            max_redirects=int(env("NEWSGRAPH_FETCH_REDIRECTS") or default.max_redirects),
        )


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    data: bytes
    content_type: str


class Fetcher:
    """One polite HTTP client for a run: a connection pool, the limits and the per-host clock."""

    def __init__(self, limits: FetchLimits | None = None):
        import urllib3

        self.limits = limits or FetchLimits.from_env()
        self._pool = urllib3.PoolManager(
            headers={"User-Agent": user_agent(), "Accept-Encoding": "gzip, deflate"},
            retries=False,  # one attempt; redirects by hand below
            timeout=urllib3.Timeout(connect=self.limits.timeout, read=self.limits.timeout),
        )
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> Page:
        """The body of ``url`` after at most ``max_redirects`` redirects; :class:`FetchError` otherwise."""
        for _hop in range(self.limits.max_redirects + 1):
            _check_scheme(url)
            response = self._request(url)
            location = response.headers.get("Location") if 300 <= response.status < 400 else None
            if location is None:
                return self._body(url, response)
            response.release_conn()
            url = urljoin(url, location)
        raise FetchError(f"too many redirects (more than {self.limits.max_redirects})")

    def _request(self, url: str):
        import urllib3

        self._wait_turn(urlsplit(url).netloc.lower())
        try:
            return self._pool.request("GET", url, preload_content=False, redirect=False)
        except urllib3.exceptions.TimeoutError as exc:
            raise FetchError(f"timed out after {self.limits.timeout:g} s") from exc
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(f"cannot connect ({_reason(exc)})") from exc

    def _body(self, url: str, response) -> Page:
        import urllib3

        try:
            if response.status >= 400:
                raise FetchError(f"HTTP {response.status} {response.reason or ''}".strip())
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.limits.max_bytes:
                raise FetchError(f"larger than {_mb(self.limits.max_bytes)} ({_mb(int(declared))} declared)")
            deadline = time.monotonic() + self.limits.timeout
            chunks, size = [], 0
            for chunk in response.stream(_CHUNK, decode_content=True):
                size += len(chunk)
                if size > self.limits.max_bytes:
                    raise FetchError(f"larger than {_mb(self.limits.max_bytes)}; stopped reading")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {self.limits.timeout:g} s (body too slow)")
                chunks.append(chunk)
        except urllib3.exceptions.TimeoutError as exc:
            raise FetchError(f"timed out after {self.limits.timeout:g} s") from exc
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(f"broken response ({_reason(exc)})") from exc
        finally:
            response.release_conn()
        return Page(url, b"".join(chunks), response.headers.get("Content-Type", ""))

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._last.get(host, -1e9) + self.limits.delay)
            self._last[host] = start
        if start > now:
            time.sleep(start - now)

    def close(self) -> None:
        self._pool.clear()


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise FetchError(f"not an http(s) URL ({scheme + ':' if scheme else 'no scheme'})")
    if not urlsplit(url).netloc:
        raise FetchError("URL has no host")


def _reason(exc: Exception) -> str:
    inner = getattr(exc, "reason", None) or exc
    text = str(inner).split(": ", 1)[-1] if ": " in str(inner) else str(inner)
    return text.strip()[:120] or type(exc).__name__


def _mb(size: int) -> str:
    return f"{size / 2**20:g} MB" if size >= 2**20 else f"{size} bytes"

"""What Neo4j Browser loads to open ready to explore: the GraSS style, the guide, and their server.

Neo4j 5 serves only its own Browser bundle over HTTP (no static folder, and unmanaged extensions
need Java code), so the style and the guide come from a tiny local HTTP server on 127.0.0.1.
Browser fetches them cross-origin, hence the CORS header. The server's settings
``browser.post_connect_cmd`` (``style URL; play URL``) and
``browser.remote_content_hostname_whitelist`` make Browser apply the style and open the guide
right after login; nothing leaves the machine.

The guide is generated from the query registry (``newsgraph.queries``) plus the graph-shaped
queries in ``graph/neo4j/browser/*.cypher``, so it lists every named query and never drifts.
"""

from __future__ import annotations

import argparse
import functools
import html
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.extract.errors import NewsgraphError
from newsgraph.graph.neo4j.server import free_port
from newsgraph.queries import QueryInfo, list_queries, parse_header

ASSETS = resources.files("newsgraph.graph.neo4j") / "browser"
# One style for both views: the HTML export colours its page from the same GraSS file.
STYLE = resources.files("newsgraph.graph") / "style.grass"
STYLE_FILE = "style.grass"
GUIDE_FILE = "guide.html"
HOST = "127.0.0.1"
DEFAULT_PORT = 7476  # next to Neo4j's 7474 (HTTP) and 7473 (HTTPS)
# Browser accepts a guide or style URL only from these hosts; both spellings of this machine.
ALLOWLIST = "127.0.0.1,localhost"
# Example values for the guide's ``:params`` blocks (the seed story's actors).
EXAMPLES = {"actor": "Russia", "other": "Ukraine", "kind": "state", "cameo_root": "19"}
EXAMPLES["text"] = "tanker seized"  # search_events
_STATE_FILE = "browser-assets.json"
MODULE = "newsgraph.graph.neo4j.browser_assets"  # run as `python -m MODULE` beside the local server


def style_text() -> str:
    return STYLE.read_text(encoding="utf-8")


def inline_style() -> str:
    """The style on one line, for pasting after ``:style`` (Browser parses GraSS given inline)."""
    return " ".join(style_text().split())


def explore_queries() -> list[QueryInfo]:
    """The graph-shaped queries of the guide (``graph/neo4j/browser/*.cypher``): the overview first."""
    found = []
    for entry in ASSETS.iterdir():
        if entry.name.endswith(".cypher"):
            text = entry.read_text(encoding="utf-8")
            name, answers, params = parse_header(text, entry.name)
            found.append(QueryInfo(name, answers, params, text))
    return sorted(found, key=lambda q: (q.name != "overview", q.name))


# --- the guide -------------------------------------------------------------------------------------


def cypher_literal(value: Any) -> str:
    """A value as a Cypher literal, for the guide's ``:params`` lines."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def params_command(query: QueryInfo) -> str | None:
    """``:params {...}`` setting every parameter of ``query`` (defaults, or an example value)."""
    if not query.params:
        return None
    values = [
        f"{p.name}: {cypher_literal(EXAMPLES.get(p.name) if p.required else p.default)}" for p in query.params
    ]
    return ":params {" + ", ".join(values) + "}"


def query_body(query: QueryInfo) -> str:
    """The query without its header comment (Browser runs the rest as it is)."""
    lines = query.text.splitlines()
    while lines and lines[0].startswith("//"):
        lines.pop(0)
    return "\n".join(lines).strip()


def _runnable(text: str) -> str:
    # Browser guides: clicking a ``pre.runnable`` puts its text in the editor, ready to run.
    return f'<pre class="code runnable">{html.escape(text)}</pre>'


def _query_slide(query: QueryInfo, intro: str = "") -> str:
    params = params_command(query)
    parts = [f"<h3>{html.escape(query.name)}</h3>", f"<p>{html.escape(query.answers)}</p>", intro]
    if params:
        listed = ", ".join(html.escape(str(p)) for p in query.params)
        parts += [f"<p>Parameters: {listed}. Set them first (click, then run; edit the values):</p>"]
        parts += [_runnable(params)]
    parts += ["<p>Then click the query and run it (Ctrl+Enter):</p>", _runnable(query_body(query))]
    body = "\n".join(p for p in parts if p)
    return f'<slide class="row-fluid"><div class="col-sm-12">\n{body}\n</div></slide>'


def guide_html(queries: list[QueryInfo] | None = None) -> str:
    """The Neo4j Browser guide: the schema, the graph queries, then every named query, one per slide."""
    queries = list_queries() if queries is None else queries
    slides = [(ASSETS / "guide_intro.html").read_text(encoding="utf-8").strip()]
    slides += [_query_slide(q) for q in explore_queries()]
    slides += [_query_slide(q) for q in queries]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>newsgraph</title></head>\n'
        '<body>\n<article class="guide">\n<carousel class="deck container-fluid">\n'
        + "\n".join(slides)
        + "\n</carousel>\n</article>\n</body>\n</html>\n"
    )


def write_assets(directory: str | Path) -> dict[str, Path]:
    """Write ``style.grass`` and ``guide.html`` into ``directory``; returns their paths."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    style = folder / STYLE_FILE
    guide = folder / GUIDE_FILE
    style.write_text(style_text(), encoding="utf-8")
    guide.write_text(guide_html(), encoding="utf-8")
    return {"style": style, "guide": guide}


# --- Neo4j settings and Browser commands -----------------------------------------------------------


def base_url(port: int = DEFAULT_PORT, host: str = HOST) -> str:
    return f"http://{host}:{port}"


def post_connect_cmd(base: str) -> str:
    """Browser commands run after login, without their colons, ``;``-separated (as Neo4j expects)."""
    return f"style {base}/{STYLE_FILE}; play {base}/{GUIDE_FILE}"


def neo4j_settings(base: str) -> list[str]:
    """neo4j.conf lines that make Browser apply the style and open the guide served at ``base``."""
    return [
        f"browser.post_connect_cmd={post_connect_cmd(base)}",
        # Neo4j 5.26 still names it "whitelist" (ServerSettings, and the key Browser reads from
        # dbms.clientConfig()); an "allowlist" key fails strict config validation.
        f"browser.remote_content_hostname_whitelist={ALLOWLIST}",
        # Browser would otherwise report usage to Neo4j's servers; the point is to work offline.
        "client.allow_telemetry=false",
    ]


def browser_commands(base: str) -> list[str]:
    return [f":style {base}/{STYLE_FILE}", f":play {base}/{GUIDE_FILE}"]


# --- the HTTP server -------------------------------------------------------------------------------


class _Handler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # Browser (served from Neo4j's port) fetches these cross-origin.
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_OPTIONS(self) -> None:  # noqa: N802 (http.server's naming)
        # Browser's fetch sends its own headers, so the browser asks first (CORS preflight).
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # no line per request on the terminal
        pass


class AssetServer:
    """The style and guide over HTTP on 127.0.0.1, from a thread (``with AssetServer(dir) as s: s.url``)."""

    def __init__(self, directory: str | Path, port: int = 0, host: str = HOST):
        self.directory = Path(directory)
        write_assets(self.directory)
        handler = functools.partial(_Handler, directory=str(self.directory))
        try:
            self.httpd = ThreadingHTTPServer((host, port), handler)
        except OSError as exc:
            reason = exc.strerror or exc
            raise NewsgraphError(f"cannot serve the Browser guide on {host}:{port}: {reason}") from exc
        self.host, self.port = host, int(self.httpd.server_address[1])
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return base_url(self.port, self.host)

    def start(self) -> AssetServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="newsgraph-assets", daemon=True)
        self._thread.start()
        return self

    def wait(self) -> None:
        """Block while serving (Ctrl-C raises KeyboardInterrupt here, for the caller to end on)."""
        while self._thread and self._thread.is_alive():
            self._thread.join(0.5)

    def close(self) -> None:
        if self._thread:
            self.httpd.shutdown()
            self._thread.join(5)
        self.httpd.server_close()

    def __enter__(self) -> AssetServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- alongside the local Neo4j (``newsgraph neo4j start|stop``) -----------------------------------


def start_detached(root: str | Path, port: int = DEFAULT_PORT) -> str:
    """Serve the assets from a background process that outlives this one; returns the base URL.

    Its pid and port are kept in ``root/run/browser-assets.json``; when it already runs, that
    one is reused (the Neo4j settings written earlier point at its port).
    """
    root = Path(root)
    state = _state_file(root)
    running = _running(state)
    if running:
        return base_url(running["port"])
    port = free_port(port)
    folder = root / "browser"
    process = subprocess.Popen(
        [sys.executable, "-m", MODULE, "--dir", str(folder), "--port", str(port)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,  # like the server: survives the terminal's Ctrl-C
    )  # fmt: skip
    root.mkdir(mode=0o700, parents=True, exist_ok=True)  # as the server makes it: the data is private
    state.parent.mkdir(exist_ok=True)
    state.write_text(json.dumps({"pid": process.pid, "port": port}), encoding="utf-8")
    _wait_listening(port, process)
    return base_url(port)


def stop_detached(root: str | Path) -> bool:
    """Stop the background asset server of ``root``; returns whether one was running."""
    state = _state_file(Path(root))
    running = _running(state)
    state.unlink(missing_ok=True)
    if not running:
        return False
    os.kill(running["pid"], signal.SIGTERM)
    return True


def _state_file(root: Path) -> Path:
    return root / "run" / _STATE_FILE


def _running(state: Path) -> dict[str, int] | None:
    try:
        info = json.loads(state.read_text(encoding="utf-8"))
        cmdline = Path(f"/proc/{info['pid']}/cmdline").read_bytes()
    except (OSError, ValueError, KeyError):
        return None
    # A reused pid belongs to some other program.
    return info if MODULE.encode() in cmdline else None


def _wait_listening(port: int, process: subprocess.Popen, timeout: float = 10.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NewsgraphError(f"the Browser guide server stopped at once (port {port} in use?)")
        try:
            with urllib.request.urlopen(f"{base_url(port)}/{STYLE_FILE}", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise NewsgraphError(f"the Browser guide server did not answer on port {port}")


def main(argv: list[str] | None = None) -> None:
    """``python -m newsgraph.graph.neo4j.browser_assets --dir DIR --port PORT``: serve until stopped."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    args = parser.parse_args(argv)
    server = AssetServer(args.dir, args.port)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.httpd.serve_forever()
    finally:
        server.httpd.server_close()


if __name__ == "__main__":
    main()

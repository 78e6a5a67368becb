"""Neo4j Browser that never calls out to the internet: the provisioned Browser jar, edited once.

Browser 5.24 (the newest on Maven Central) imports Google Fonts in its stylesheet, on a Community
server always loads Segment's analytics and Canny's feedback scripts, and starts Sentry's tracing
(which sends performance samples whatever the crash-report setting says). The setting that stops
the scripts, ``browser.allow_outgoing_connections``, is Enterprise-only (Community refuses it in
``neo4j.conf``), and ``client.allow_telemetry=false`` (set in ``neo4j.conf``) only stops the events
sent through them. newsgraph is an offline tool, so the Browser jar it provisions gets three edits:

- the stylesheet's ``@import`` of fonts.googleapis.com is removed: Browser's code font (Fira Code)
  ships inside the jar, and its text falls back to the system's sans-serif;
- ``shouldAllowOutgoingConnections`` answers false, as Enterprise does with that setting off;
- ``setupSentry`` returns before it starts Sentry.

A user's own ``$NEO4J_HOME`` is never touched; ``provision.install`` calls :func:`make_offline` on the
cache it provisioned, and a marker file (naming the jar and :data:`EDITS`) makes later calls a no-op.
Each edit looks for text that is gone once it is made, so running them again changes nothing.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

MARKER = ".browser-offline"
EDITS = "fonts,outgoing,sentry"  # written to the marker: a jar edited by an older list is edited again
FONT_IMPORT = re.compile(rb"@import url\(https://fonts\.googleapis\.com/[^)]*\);")
REPLACEMENTS = (
    (
        rb"t.shouldAllowOutgoingConnections=e=>t.hasEdition(e)&&!t.isEnterprise(e)"
        rb"||t.getAllowOutgoingConnections(e)",
        rb"t.shouldAllowOutgoingConnections=e=>!1",
    ),
    (rb"t.setupSentry=function(){c.init(", rb"t.setupSentry=function(){return;c.init("),
)


def browser_jars(lib: Path) -> list[Path]:
    return sorted(Path(lib).glob("neo4j-browser-*.jar"))


def is_offline(lib: Path) -> bool:
    """Whether every Browser jar in ``lib`` was already edited (the marker names them)."""
    marker = Path(lib) / MARKER
    jars = browser_jars(lib)
    return marker.exists() and set(marker.read_text().split()) >= {f"{j.name}:{EDITS}" for j in jars}


def patch_text(data: bytes) -> tuple[bytes, int]:
    """One file of the bundle with the edits applied, and how many places changed."""
    data, changed = FONT_IMPORT.subn(b"", data)
    for old, new in REPLACEMENTS:
        changed += data.count(old)
        data = data.replace(old, new)
    return data, changed


def patch_jar(jar: Path) -> int:
    """Rewrite ``jar`` with the edits (atomically: a running server keeps the file it opened)."""
    tmp = jar.with_name(jar.name + ".tmp")
    changed = 0
    with zipfile.ZipFile(jar) as source, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("browser/") and item.filename.endswith((".js", ".css")):
                data, count = patch_text(data)
                changed += count
            target.writestr(item, data)
    os.replace(tmp, jar)
    return changed


def make_offline(lib: Path) -> int:
    """Edit every Browser jar of a provisioned ``lib`` folder once; returns how many places changed."""
    lib = Path(lib)
    if is_offline(lib):
        return 0
    changed = sum(patch_jar(jar) for jar in browser_jars(lib))
    (lib / MARKER).write_text("".join(f"{j.name}:{EDITS}\n" for j in browser_jars(lib)))
    return changed

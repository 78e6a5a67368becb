"""The ``newsgraph`` command line: thin click commands over the library API, the top of the graph room.

Every command maps to one importable function (``newsgraph.graph.run.build``,
``newsgraph.graph.exports.export_graph``, ``newsgraph.graph.neo4j.loader.load_records`` ...); these
modules only parse options, show progress and turn :class:`NewsgraphError` into one line on stderr
with a documented exit code (``common.py``). Heavy imports (spaCy, the driver) happen inside the
commands so that ``newsgraph --help`` stays instant.

``articles.py``: extract, build, export, evaluate; ``db.py``: load, queries, query; ``server.py``:
neo4j install|start|stop|status; ``browser.py``: browser-setup; ``app.py``: the group that holds them.
"""

from newsgraph.graph.cli.app import main

__all__ = ["main"]

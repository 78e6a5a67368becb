"""The graph as files: one module per format, each registering its writer in ``registry.py``.

=============  ==================  =====================================================
format         module              read back with
=============  ==================  =====================================================
``graphml``    ``graphml.py``      :func:`read_graphml` (lists and nulls restored)
``gexf``       ``gexf.py``         :func:`read_gexf`
``json``       ``node_link.py``    :func:`read_json` (``networkx.node_link_graph``)
``csv``        ``neo4j_csv.py``    ``neo4j-admin database import full``
``cypher``     ``cypher.py``       :func:`read_cypher`, ``cypher-shell -f``
``html``       ``html.py``         any browser (one self-contained page, ``static/``)
``gdelt``      ``gdelt.py``        GDELT 2.0 event-table readers (``gdelt.COLUMNS``)
``polecat``    ``polecat.py``      :func:`read_polecat` (JSON Lines, PLOVER-coded)
=============  ==================  =====================================================

Importing this package registers the formats above, in this order. A new format is one module
that calls :func:`register`; see ``registry.py``. Exports read the graph and the schema only: they
never talk to Neo4j.
"""

from newsgraph.graph.exports.registry import (
    EXPORTS,
    Export,
    export_graph,
    formats,
    register,
    unregister,
    write_all,
)

# The built-in formats register themselves on import, in the order ``build`` lists them.
# isort: off
from newsgraph.graph.exports import graphml
from newsgraph.graph.exports import gexf
from newsgraph.graph.exports import node_link
from newsgraph.graph.exports import neo4j_csv
from newsgraph.graph.exports import cypher
from newsgraph.graph.exports import html
from newsgraph.graph.exports import gdelt
from newsgraph.graph.exports import polecat

# isort: on
from newsgraph.graph.exports.cypher import cypher_literal, cypher_statements, cypher_string, read_cypher
from newsgraph.graph.exports.gexf import read_gexf
from newsgraph.graph.exports.graphml import read_graphml
from newsgraph.graph.exports.html import html_available, render_html, write_html
from newsgraph.graph.exports.node_link import read_json
from newsgraph.graph.exports.polecat import read_polecat

__all__ = [
    "EXPORTS", "Export", "export_graph", "formats", "register", "unregister", "write_all",
    "graphml", "gexf", "node_link", "neo4j_csv", "cypher", "html", "gdelt", "polecat",
    "cypher_literal", "cypher_statements", "cypher_string", "read_cypher", "read_gexf", "read_graphml",
    "html_available", "render_html", "write_html", "read_json", "read_polecat",
]  # fmt: skip

"""newsgraph.graph.neo4j: the graph in a Neo4j 5.26 server.

``provision`` fetches Neo4j from Maven Central, ``server`` runs a local instance of it,
``settings``/``connection`` say where a server is and open a driver, ``loader`` (with ``rows``)
writes records through the ``cypher/*.cypher`` statements, ``bulk_import`` feeds neo4j-admin
the CSV export, ``query`` runs the named queries of ``newsgraph.queries``, and
``browser_assets`` serves the Neo4j Browser style and guide. This package never imports the
exports; both read the schema (``graph/schema.py``).

Nothing is imported here, so ``newsgraph --help`` does not load the driver.
"""

# Articles per write transaction (``newsgraph load --batch-size``). Measured on a warm server: 25,
# 100 and 400 load alike (110-130 small articles/s); the size mainly bounds how much one
# transaction holds in memory.
DEFAULT_BATCH_SIZE = 100

"""newsgraph.graph.neo4j: the graph in a Neo4j 5.26 server.

``provision`` fetches Neo4j from Maven Central, ``server`` runs a local instance of it,
``settings``/``connection`` say where a server is and open a driver, ``loader`` (with ``rows``)
writes records through the ``cypher/*.cypher`` statements, ``bulk_import`` feeds neo4j-admin
the CSV export, ``query`` runs the named queries of ``newsgraph.queries``, and
``browser_assets`` serves the Neo4j Browser style and guide. This package never imports the
exports; both read the schema (``graph/schema.py``).

Nothing is imported here, so ``newsgraph --help`` does not load the driver.
"""

# Articles per write transaction (``newsgraph load --batch-size``). Measured with events merged across
# articles (bench/loader_options.py, 600 articles, a warm server): 100 per transaction took 13.7 CPU
# seconds of server and client, 300 to 1,000 took 8.5: each transaction reads the stored reports of
# the event keys it touches and derives their events again, so fewer, larger transactions read and
# rewrite the busy keys fewer times. 500 articles of news are a few MB of transaction state.
DEFAULT_BATCH_SIZE = 500

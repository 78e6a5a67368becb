"""newsgraph.graph: records to a networkx graph, exports, the Neo4j loader and server, the CLI.

``build.build_graph`` makes the graph, ``export.export_graph``/``write_all`` write it,
``loader.load_records`` writes records into Neo4j (``connection.settings_from`` says where),
``server`` runs the local Neo4j 5.26, and ``cli`` is the ``newsgraph`` command.
"""

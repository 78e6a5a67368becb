"""newsgraph.graph: extraction records to a graph, its files and its Neo4j database.

``schema`` declares the graph once and maps a record to rows; ``build.build_graph`` makes the
networkx graph and ``analysis`` summarises it; ``exports`` writes it as files (one module per
format, a registry); ``neo4j`` provisions and runs Neo4j and loads records into it; ``run.build``
is the whole ``newsgraph build`` job; ``cli`` is the ``newsgraph`` command on top.
"""

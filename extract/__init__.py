"""newsgraph.extract: articles in, extraction records out (knows nothing of Neo4j).

Read with ``readers.iter_articles``, extract with ``pipeline.Extractor``, and the result is the
record model of ``record.ArticleRecord``; ``evaluate`` scores records against gold files. The
actor resolver (``actors/``) and the event coder (``events/``) are also spaCy components,
``newsgraph_actors`` and ``newsgraph_events`` (``components``).
"""

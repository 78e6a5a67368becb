// The search indexes, created by the loader right after the constraints (IF NOT EXISTS: safe to repeat).
// This file and queries/search_events.cypher are the only places that name the searched properties.
//
// Full-text (Lucene): every report's evidence sentence, event type and trigger word (on REPORTED_IN:
// an event several articles report is found by any article's wording); actor names and aliases.
// The English analyzer stems, so "seized" finds "seizes" and "sanction" finds "sanctions".
CREATE FULLTEXT INDEX newsgraph_report_text IF NOT EXISTS
FOR ()-[r:REPORTED_IN]-() ON EACH [r.sentence, r.event_type, r.trigger]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX newsgraph_actor_names IF NOT EXISTS
FOR (a:Actor) ON EACH [a.name, a.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
// Semantic search (the `semantic` extra): 384-dimension all-MiniLM-L6-v2 vectors of the event's sentence.
CREATE VECTOR INDEX newsgraph_event_embedding IF NOT EXISTS
FOR (e:Event) ON e.embedding
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};

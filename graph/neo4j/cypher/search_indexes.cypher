// The search indexes, created by the loader right after the constraints (IF NOT EXISTS: safe to repeat).
// This file and queries/search_events.cypher are the only places that name the searched properties:
// if the evidence sentence moves (to a Report node or REPORTED_IN), change the FOR/ON clauses here and
// the MATCH that reaches the evidence there.
//
// Full-text (Lucene): event evidence sentences, types and trigger words; actor names and aliases.
// The English analyzer stems, so "seized" finds "seizes" and "sanction" finds "sanctions".
CREATE FULLTEXT INDEX newsgraph_event_text IF NOT EXISTS
FOR (e:Event) ON EACH [e.sentence, e.type, e.trigger]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX newsgraph_actor_names IF NOT EXISTS
FOR (a:Actor) ON EACH [a.name, a.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
// Semantic search (the `semantic` extra): 384-dimension all-MiniLM-L6-v2 vectors of the evidence sentence.
CREATE VECTOR INDEX newsgraph_event_embedding IF NOT EXISTS
FOR (e:Event) ON e.embedding
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};

// Every actor's name and aliases, to suggest close matches for a name that matches none.
MATCH (a:Actor)
RETURN a.name AS name, coalesce(a.aliases, []) AS aliases;

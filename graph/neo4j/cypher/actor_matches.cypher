// Whether a name, alias or id names an actor, as the named queries match an `actor` parameter.
RETURN EXISTS {
  MATCH (a:Actor)
  WHERE toLower($actor) IN [toLower(a.id), toLower(a.name)] + [x IN coalesce(a.aliases, []) | toLower(x)]
} AS found;

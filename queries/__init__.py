"""The named Cypher queries: one ``.cypher`` file each, described by its header comment.

A header reads::

    // name: events_between
    // answers: All events between two actors ...
    // params: actor (actor), other (actor), limit (int, 50)

Each parameter has a type (``string``, ``int``, ``float``, ``bool``, or ``actor``: a name, alias or id,
matched case-insensitively by the query itself, so the file also runs as-is in Neo4j Browser after
``:param actor => 'Moscow'``) and an optional default (``null`` for optional); without a default it is
required. A type written as choices, ``kind (state|person|organization|group, null)``, is a string
that must be one of them (any case). ``int`` parameters are counts and limits: 0 or more.
:func:`bind_params` checks and converts the parameters;
:func:`newsgraph.graph.neo4j.query.run_query` runs a query read-only against a server. This package
is data and its registry: it never imports ``newsgraph.graph``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsgraph.extract.errors import EXIT_USAGE, NewsgraphError

PARAM_TYPES = ("string", "int", "float", "bool", "actor")
_PARAM = re.compile(r"(\w+)\s*\(\s*(\w+(?:\s*\|\s*\w+)*)\s*(?:,\s*([^)]*?))?\s*\)")
_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


@dataclass(frozen=True)
class QueryParam:
    name: str
    type: str
    default: Any = None
    required: bool = True
    choices: tuple[str, ...] = ()  # a string that must be one of these (lower case)

    def __str__(self) -> str:
        kind = "|".join(self.choices) if self.choices else self.type
        if self.required:
            return f"{self.name} ({kind})"
        default = "none" if self.default is None else self.default
        return f"{self.name} ({kind}, default {default})"


@dataclass(frozen=True)
class QueryInfo:
    name: str
    answers: str
    params: tuple[QueryParam, ...]
    text: str  # the whole file, header included (Neo4j ignores the comments)

    def param(self, name: str) -> QueryParam | None:
        return next((p for p in self.params if p.name == name), None)


def _usage(message: str) -> NewsgraphError:
    return NewsgraphError(message, exit_code=EXIT_USAGE)


def convert(param: QueryParam, value: Any) -> Any:
    """A parameter value from the command line (text) or Python, as the query's header types it."""
    if value is None:
        return None
    if param.choices:
        chosen = str(value).strip().lower()
        if chosen not in param.choices:
            raise _usage(f"parameter {param.name}: {value!r} is not one of {', '.join(param.choices)}")
        return chosen
    if param.type in ("string", "actor"):
        return str(value)
    text = str(value).strip()
    try:
        if param.type == "int":
            if isinstance(value, bool):
                raise ValueError
            number = int(text)
            if number < 0:  # a count or a limit; Neo4j would refuse LIMIT -1 only after connecting
                raise _usage(f"parameter {param.name}: {value!r} is below 0 (it counts rows or events)")
            return number
        if param.type == "float":
            return float(text)
    except ValueError:
        raise _usage(
            f"parameter {param.name}: {value!r} is not {'an' if param.type == 'int' else 'a'} {param.type}"
        ) from None
    if param.type == "bool":
        if isinstance(value, bool):
            return value
        if text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        raise _usage(f"parameter {param.name}: {value!r} is not true or false")
    raise AssertionError(param.type)


def parse_header(text: str, source: str) -> tuple[str, str, tuple[QueryParam, ...]]:
    """name, answers and params from a query file's ``// key: value`` header lines."""
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        key, _, value = line[2:].partition(":")
        header[key.strip()] = value.strip()
    if not header.get("name") or not header.get("answers"):
        raise ValueError(f"{source}: header needs '// name:' and '// answers:' lines")
    params = []
    for name, kind, default in _PARAM.findall(header.get("params", "")):
        choices = tuple(c.strip().lower() for c in kind.split("|")) if "|" in kind else ()
        kind = "string" if choices else kind
        if kind not in PARAM_TYPES:
            raise ValueError(f"{source}: parameter {name} has unknown type {kind!r}")
        if not default:
            params.append(QueryParam(name, kind, choices=choices))
            continue
        probe = QueryParam(name, kind, required=False, choices=choices)
        value = None if default == "null" else convert(probe, default.strip("'\""))
        params.append(QueryParam(name, kind, value, required=False, choices=choices))
    return header["name"], header["answers"], tuple(params)


@cache
def _registry() -> dict[str, QueryInfo]:
    found = {}
    for entry in sorted(resources.files(__name__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            text = entry.read_text(encoding="utf-8")
            name, answers, params = parse_header(text, entry.name)
            found[name] = QueryInfo(name, answers, params, text)
    return found


def list_queries() -> list[QueryInfo]:
    """Every named query, by name."""
    return sorted(_registry().values(), key=lambda q: q.name)


def get_query(name: str) -> QueryInfo:
    query = _registry().get(name)
    if query is None:
        raise _usage(f"unknown query {name!r} (`newsgraph queries` lists them: {', '.join(_registry())})")
    return query


def bind_params(query: QueryInfo, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Every parameter of ``query``: given values converted, defaults filled in; unknown or missing: error."""
    params = dict(params or {})
    unknown = sorted(set(params) - {p.name for p in query.params})
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise _usage(f"query {query.name} has no parameter {unknown[0]!r} (parameters: {known})")
    bound = {}
    for param in query.params:
        if param.name in params:
            bound[param.name] = convert(param, params[param.name])
        elif param.required:
            raise _usage(f"query {query.name} needs --param {param.name}=... ({param.type})")
        else:
            bound[param.name] = param.default
        if param.required and bound[param.name] is None:
            raise _usage(f"query {query.name}: parameter {param.name} cannot be empty")
    return bound


__all__ = ["QueryInfo", "QueryParam", "list_queries", "get_query", "bind_params", "parse_header"]

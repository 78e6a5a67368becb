"""Where a Neo4j server is and who logs in: one small value every part of the neo4j room passes around."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    uri: str
    user: str
    password: str = ""
    database: str | None = None  # None: the server's default database

    def __repr__(self) -> str:  # never print the password
        return f"Settings(uri={self.uri!r}, user={self.user!r}, database={self.database!r})"

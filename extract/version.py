"""The extractor's version, recorded on every article it reads (``article.extractor``).

The package version alone does not change when a lexicon row or a rule does, so the version also
carries a digest of what decides the output: the extractor's code and data files. A record of an
article read by another extractor version is a newer reading of it: the loader replaces the
article's reports (README, "Loading").
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata, resources
from importlib.abc import Traversable

DIGEST_SUFFIXES = (".py", ".tsv", ".txt", ".json", ".yaml")


@cache
def extractor_version() -> str:
    """``0.1.0+3f2a9c1d0b``: the package version and a digest of the extractor's code and data."""
    try:
        package = metadata.version("newsgraph")
    except metadata.PackageNotFoundError:
        package = "0"
    digest = hashlib.sha256()
    for name, file in sorted(_files(resources.files("newsgraph.extract"), "")):
        digest.update(name.encode() + b"\0" + file.read_bytes() + b"\0")
    return f"{package}+{digest.hexdigest()[:10]}"


def _files(folder: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    found = []
    for entry in folder.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                found += _files(entry, name + "/")
        elif entry.name.endswith(DIGEST_SUFFIXES):
            found.append((name, entry))
    return found

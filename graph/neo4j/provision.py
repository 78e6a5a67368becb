"""Neo4j 5.26 Community provisioned from Maven Central into a cache, or a user's own ``$NEO4J_HOME``.

Neo4j's community distribution archive is not on Maven Central, but its parts are. ``install()``
runs ``mvn dependency:copy-dependencies`` over ``graph/neo4j/pom.xml`` into
``$NEWSGRAPH_CACHE/neo4j-<version>/lib`` (default ``~/.cache/newsgraph``; Maven keeps its own
cache in ``~/.m2``). That folder is a Neo4j home without scripts: the server is started with
Neo4j's own launchers (``org.neo4j.server.startup.Neo4jCommand`` and ``Neo4jAdminCommand``, the
classes behind ``bin/neo4j`` and ``bin/neo4j-admin``), so heap flags, pid files and
``neo4j-admin`` behave as in a packaged install. When ``$NEO4J_HOME`` is set, its ``bin/neo4j``
and ``bin/neo4j-admin`` are used instead.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newsgraph.extract.errors import NewsgraphError
from newsgraph.graph.neo4j import offline_browser

NEO4J_VERSION = "5.26.30"
BROWSER_VERSION = "5.24.0"  # the newest org.neo4j.client:neo4j-browser on Maven Central

_DATA = resources.files("newsgraph.graph.neo4j")
_LAUNCHER = "org.neo4j.server.startup.Neo4jCommand"
_ADMIN_LAUNCHER = "org.neo4j.server.startup.Neo4jAdminCommand"


def cache_dir() -> Path:
    """Provisioned distributions: ``$NEWSGRAPH_CACHE`` or ``~/.cache/newsgraph``."""
    return Path(os.environ.get("NEWSGRAPH_CACHE") or Path.home() / ".cache" / "newsgraph")


@dataclass(frozen=True)
class Distribution:
    """A Neo4j home to run from: the Maven-provisioned one (lib/ only) or a user's ``$NEO4J_HOME``."""

    home: Path
    packaged: bool  # True for a real distribution with bin/ scripts ($NEO4J_HOME)

    def command(self, admin: bool = False) -> list[str]:
        """The ``neo4j`` (or ``neo4j-admin``) command line, without its arguments."""
        if self.packaged:
            return [str(self.home / "bin" / ("neo4j-admin" if admin else "neo4j"))]
        return [_java(), "-cp", str(self.home / "lib" / "*"), _ADMIN_LAUNCHER if admin else _LAUNCHER]

    def version(self) -> str:
        if not self.packaged:
            return NEO4J_VERSION
        for jar in sorted((self.home / "lib").glob("neo4j-kernel-*.jar")):
            match = re.fullmatch(r"neo4j-kernel-(\d+\.\d+\.\d+)\.jar", jar.name)
            if match:
                return match.group(1)
        return "unknown"


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    java = Path(java_home, "bin", "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        raise NewsgraphError("java not found: Neo4j 5.26 needs Java 17 or 21 on PATH (or JAVA_HOME)")
    return str(java)


def install_dir(version: str = NEO4J_VERSION) -> Path:
    return cache_dir() / f"neo4j-{version}"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialise work on one path across processes (parallel test sessions share the cache)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def install(version: str = NEO4J_VERSION, browser_version: str = BROWSER_VERSION) -> Path:
    """Provision Neo4j Community from Maven Central into the cache; the Neo4j home to run from.

    Idempotent: returns at once when the cache holds a complete install. With ``$NEO4J_HOME``
    set, checks and returns that installation instead and downloads nothing.
    """
    if os.environ.get("NEO4J_HOME"):
        return distribution().home
    home = install_dir(version)
    stamp = home / ".complete"
    if stamp.exists():
        _offline_browser(home)
        return home
    _java()
    mvn = shutil.which("mvn")
    if not mvn:
        raise NewsgraphError("mvn not found: install Maven to provision Neo4j, or set NEO4J_HOME")
    with _locked(cache_dir() / f"neo4j-{version}.lock"):
        if stamp.exists():  # another process finished it while we waited
            return home
        log = cache_dir() / f"neo4j-{version}-install.log"
        with tempfile.TemporaryDirectory(dir=cache_dir(), prefix=".install-") as tmp:
            pom = Path(tmp) / "pom.xml"
            pom.write_bytes((_DATA / "pom.xml").read_bytes())
            command = [
                mvn, "-B", "-f", str(pom), "dependency:copy-dependencies",
                f"-Dneo4j.version={version}", f"-Dneo4j-browser.version={browser_version}",
                f"-DoutputDirectory={Path(tmp) / 'lib'}",
            ]  # fmt: skip
            with open(log, "w") as out:
                done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, cwd=tmp)
            if done.returncode != 0 or not any((Path(tmp) / "lib").glob("neo4j-kernel-*.jar")):
                raise NewsgraphError(f"provisioning Neo4j {version} with Maven failed; read {log}")
            if home.exists():  # a partial install from an interrupted run
                shutil.rmtree(home)
            home.mkdir(parents=True)
            (Path(tmp) / "lib").rename(home / "lib")
        stamp.write_text(f"neo4j {version}\nneo4j-browser {browser_version}\n")
    _offline_browser(home)
    return home


def _offline_browser(home: Path) -> None:
    """The provisioned Browser, edited once to make no request beyond this machine (offline_browser.py)."""
    if offline_browser.is_offline(home / "lib"):
        return
    with _locked(cache_dir() / f"{home.name}.lock"):
        offline_browser.make_offline(home / "lib")


def installed_version() -> str | None:
    """The version that would run, without installing anything; None when not provisioned yet."""
    if os.environ.get("NEO4J_HOME"):
        return distribution().version()
    return NEO4J_VERSION if (install_dir() / ".complete").exists() else None


def distribution() -> Distribution:
    """The Neo4j to run: ``$NEO4J_HOME`` when set, else the provisioned one (installed if needed)."""
    user_home = os.environ.get("NEO4J_HOME")
    if user_home:
        home = Path(user_home)
        if not (home / "bin" / "neo4j").exists() or not (home / "bin" / "neo4j-admin").exists():
            raise NewsgraphError(f"NEO4J_HOME={home} has no bin/neo4j and bin/neo4j-admin")
        return Distribution(home, packaged=True)
    return Distribution(install(), packaged=False)

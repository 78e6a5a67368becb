"""The local Neo4j server process: instances (a folder and two ports), start, stop, status, password.

An :class:`Instance` is a folder (``conf``, ``data``, ``logs``, ``run``, ``import``,
``plugins`` and a 0600 ``credentials.json``) plus two ports. The default one lives in
``$NEWSGRAPH_HOME/neo4j`` (default ``~/.local/share/newsgraph/neo4j``) on 7687/7474. The Neo4j it
runs comes from ``provision.py``; ``neo4j.conf`` and ``conf.d/`` beside this module are its
configuration template.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from newsgraph.extract.errors import Neo4jError, NewsgraphError
from newsgraph.graph.neo4j.provision import NEO4J_VERSION, Distribution, distribution, installed_version
from newsgraph.graph.neo4j.settings import Settings
from newsgraph.graph.neo4j.statements import statement

DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
USER = "neo4j"
DATABASE = "neo4j"  # Community has one user database

_DATA = resources.files("newsgraph.graph.neo4j")


# --- where things live -----------------------------------------------------------


def data_home() -> Path:
    """Instances: ``$NEWSGRAPH_HOME`` or ``~/.local/share/newsgraph``."""
    return Path(os.environ.get("NEWSGRAPH_HOME") or Path.home() / ".local" / "share" / "newsgraph")


# --- instances -------------------------------------------------------------------


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    version: str
    bolt_uri: str
    browser_url: str


class Instance:
    """One Neo4j server: its folder, its ports and its password."""

    def __init__(
        self,
        root: str | Path,
        bolt_port: int = DEFAULT_BOLT_PORT,
        http_port: int = DEFAULT_HTTP_PORT,
        *,
        extra_config: Sequence[str] = (),
        heap: tuple[str, str] = ("512m", "1g"),
        pagecache: str = "256m",
    ):
        self.root = Path(root).expanduser().absolute()
        self.bolt_port = bolt_port
        self.http_port = http_port
        self.extra_config = tuple(extra_config)
        self.heap = heap
        self.pagecache = pagecache

    def __repr__(self) -> str:
        return f"Instance({str(self.root)!r}, bolt_port={self.bolt_port}, http_port={self.http_port})"

    # paths and addresses
    @property
    def conf_dir(self) -> Path:
        return self.root / "conf"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs_dir / "neo4j.log"

    @property
    def credentials_file(self) -> Path:
        return self.root / "credentials.json"

    @property
    def pid_file(self) -> Path:
        return self.root / "run" / "neo4j.pid"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    # configuration and password
    def write_config(self) -> Path:
        """Write conf/neo4j.conf from the template, the conf.d fragments and ``extra_config``."""
        values = {
            "root": str(self.root),
            "bolt_port": str(self.bolt_port),
            "http_port": str(self.http_port),
            "heap_initial": self.heap[0],
            "heap_max": self.heap[1],
            "pagecache": self.pagecache,
            "credentials": str(self.credentials_file),
        }
        lines = Template((_DATA / "neo4j.conf").read_text(encoding="utf-8")).substitute(values).splitlines()
        fragments = sorted(
            (f for f in (_DATA / "conf.d").iterdir() if f.name.endswith(".conf")), key=lambda f: f.name
        )
        extra: list[str] = []
        for fragment in fragments:
            extra += Template(fragment.read_text(encoding="utf-8")).safe_substitute(values).splitlines()
        extra += [Template(line).safe_substitute(values) for line in self.extra_config]
        replaced = {_key(line) for line in extra} - {None, "server.jvm.additional"}
        lines = [line for line in lines if _key(line) not in replaced]
        if extra:
            lines += ["", "# Extra settings (conf.d fragments, then Instance(extra_config=...))", *extra]
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)  # the data is the user's alone
        for folder in ("conf", "data", "logs", "run", "import", "plugins"):
            (self.root / folder).mkdir(exist_ok=True)
        path = self.conf_dir / "neo4j.conf"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def password(self) -> str:
        try:
            return json.loads(self.credentials_file.read_text(encoding="utf-8"))["password"]
        except (OSError, ValueError, KeyError) as exc:
            raise Neo4jError(f"no credentials for the Neo4j instance in {self.root}: {exc}") from exc

    def settings(self) -> Settings:
        return Settings(uri=self.bolt_uri, user=USER, password=self.password(), database=DATABASE)

    def initialize(self) -> None:
        """Write the config; before the very first start, generate and set the password."""
        self.write_config()
        auth_done = (self.data_dir / "dbms" / "auth.ini").exists() or (
            self.data_dir / "databases" / "system"
        ).exists()
        if auth_done:
            if not self.credentials_file.exists():
                raise NewsgraphError(
                    f"{self.credentials_file} is missing but {self.data_dir} was already started with "
                    "a password; delete that data folder to start afresh"
                )
            return
        if self.credentials_file.exists():
            password = self.password()  # the data was wiped: keep the password the user has
        else:
            # a leading letter: neo4j-admin reads an argument that starts with '-' as an option
            password = "n" + secrets.token_urlsafe(24)
            _write_private(self.credentials_file, json.dumps({"user": USER, "password": password}) + "\n")
        # The password goes through a 0600 argument file (picocli's @file), not the command
        # line, so it never shows in ps.
        with tempfile.NamedTemporaryFile("w", dir=self.root / "run", suffix=".args") as args:
            os.chmod(args.name, 0o600)
            args.write(f"dbms\nset-initial-password\n{password}\n")
            args.flush()
            self._admin([f"@{args.name}"], "set-initial-password")

    # running
    def pid(self) -> int | None:
        """The server's pid when it is running (a stale pid file counts as not running)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        cmdline = Path(f"/proc/{pid}/cmdline")
        if cmdline.exists() and str(self.conf_dir) not in cmdline.read_bytes().decode(errors="replace"):
            return None  # the pid was reused by an unrelated process
        return pid

    def is_running(self) -> bool:
        return self.pid() is not None

    def start(self, timeout: float = 120.0) -> None:
        """Start the server (a no-op when it runs) and wait until Bolt accepts our password."""
        if self.is_running():
            self._wait_for_bolt(timeout)
            return
        dist = distribution()
        for port in (self.bolt_port, self.http_port):
            if not port_is_free(port):
                raise Neo4jError(
                    f"port {port} on 127.0.0.1 is in use; stop what holds it or pick other ports"
                )
        self.initialize()
        launch_log = self.logs_dir / "launcher.log"
        with open(launch_log, "w") as out:
            # Own session: the server outlives this process and a Ctrl-C in the caller's terminal.
            done = subprocess.run(
                [*dist.command(), "start"], env=self._env(dist), stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True, timeout=timeout,
            )  # fmt: skip
        if done.returncode != 0:
            raise Neo4jError(
                f"Neo4j did not start (exit {done.returncode}); read {launch_log} and {self.log_file}"
            )
        self._wait_for_bolt(timeout)

    def _wait_for_bolt(self, timeout: float) -> None:
        import neo4j

        deadline = time.monotonic() + timeout
        with neo4j.GraphDatabase.driver(self.bolt_uri, auth=(USER, self.password())) as driver:
            while True:
                try:
                    driver.verify_connectivity()
                    return
                except neo4j.exceptions.AuthError as exc:
                    raise Neo4jError(
                        f"Neo4j at {self.bolt_uri} refused the stored password; read {self.log_file}"
                    ) from exc
                except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired, OSError):
                    pass
                if not self.is_running():
                    raise Neo4jError(f"Neo4j stopped while starting; read {self.log_file}")
                if time.monotonic() > deadline:
                    raise Neo4jError(
                        f"no answer on {self.bolt_uri} within {timeout:.0f} s; read {self.log_file}"
                    )
                time.sleep(0.25)

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the server cleanly (SIGTERM: checkpoint and close), killing it after ``timeout``.

        Returns whether a server was running.
        """
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        if not _wait_gone(pid, timeout):
            os.kill(pid, signal.SIGKILL)
            _wait_gone(pid, 10)
        self.pid_file.unlink(missing_ok=True)
        return True

    def version(self) -> str:
        """The version the running server reports (``dbms.components()``), else the installed one."""
        if self.is_running():
            import neo4j

            try:
                with neo4j.GraphDatabase.driver(self.bolt_uri, auth=(USER, self.password())) as driver:
                    records, _, _ = driver.execute_query(statement("components"), database_="system")
                    return str(records[0]["version"])
            except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError):
                pass  # starting, stopping or not ours to ask: say what is installed
        return installed_version() or f"{NEO4J_VERSION} (not installed yet)"

    def status(self) -> Status:
        pid = self.pid()
        return Status(pid is not None, pid, self.version(), self.bolt_uri, self.browser_url)

    # neo4j-admin
    def _env(self, dist: Distribution) -> dict[str, str]:
        env = dict(os.environ, NEO4J_CONF=str(self.conf_dir), NEO4J_HOME=str(dist.home))
        env.setdefault("HEAP_SIZE", "512m")  # neo4j-admin's own heap (the import tool)
        return env

    def _admin(self, args: list[str], what: str) -> str:
        """Run a neo4j-admin command against this instance; its output, also kept in logs/."""
        dist = distribution()
        log = self.logs_dir / f"admin-{what}.log"
        with open(log, "w") as out:
            done = subprocess.run(
                [*dist.command(admin=True), *args], env=self._env(dist), cwd=self.root,
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )  # fmt: skip
        if done.returncode != 0:
            raise NewsgraphError(f"neo4j-admin {what} failed (exit {done.returncode}); read {log}")
        return log.read_text(encoding="utf-8", errors="replace")


def _write_private(path: Path, text: str) -> None:
    """Create a file only its owner can read, without a moment of wider permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        os.fchmod(fd, 0o600)
        out.write(text)


def _key(line: str) -> str | None:
    line = line.strip()
    if not line or line.startswith("#") or "=" not in line:
        return None
    return line.split("=", 1)[0].strip()


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        _reap(pid)
        time.sleep(0.1)
    return False


def _reap(pid: int) -> None:
    """Collect the exit status if the server is our child (a test fixture), so it does not linger."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # as Neo4j itself binds: a just-stopped server's TIME_WAIT connections do not hold the port
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_port(preferred: int | None = None) -> int:
    """``preferred`` when it is free, else a free port the OS picks."""
    if preferred and port_is_free(preferred):
        return preferred
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- the default instance --------------------------------------------------------


def default_instance(extra_config: Sequence[str] = ()) -> Instance:
    """The local server ``newsgraph neo4j start`` runs: ``$NEWSGRAPH_HOME/neo4j`` on 7687/7474.

    ``$NEWSGRAPH_BOLT_PORT`` and ``$NEWSGRAPH_HTTP_PORT`` move it, for users whose own Neo4j
    already holds the default ports.
    """
    bolt = _port_from_env("NEWSGRAPH_BOLT_PORT", DEFAULT_BOLT_PORT)
    http = _port_from_env("NEWSGRAPH_HTTP_PORT", DEFAULT_HTTP_PORT)
    return Instance(data_home() / "neo4j", bolt, http, extra_config=extra_config)


def _port_from_env(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise NewsgraphError(f"{name}={value} is not a port number")
    return int(value)


def local_settings() -> Settings | None:
    """Settings for the default local server, or None when it was never set up (no credentials)."""
    instance = default_instance()
    if not instance.credentials_file.exists():
        return None
    return instance.settings()


# --- helpers for tests and tools -----------------------------------------------------


def clear_database(driver: Any, database: str = DATABASE) -> None:
    """Empty a database: every node and relationship, then constraints and indexes (not the lookups)."""
    driver.execute_query(statement("delete_all"), database_=database)
    records, _, _ = driver.execute_query(statement("show_constraints"), database_=database)
    for record in records:
        driver.execute_query(statement("drop_constraint"), name=record["name"], database_=database)
    records, _, _ = driver.execute_query(statement("show_indexes"), database_=database)
    for record in records:
        driver.execute_query(statement("drop_index"), name=record["name"], database_=database)

"""The README against the command line: documented defaults, options and exit codes are read from the
README and checked against click's parameters and the CLI's behaviour, and the README's shell
commands are run as written, in a scratch folder against a scratch local server."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newsgraph.extract import errors
from newsgraph.graph.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end > 0 else None]


def reference_rows() -> list[tuple[str, str, str]]:
    """(command cell, does cell, defaults cell) of the command line reference table."""
    rows = []
    for line in section("Command line reference and exit codes").splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if len(cells) == 3 and cells[0].startswith("`newsgraph"):
            rows.append((cells[0], cells[1], cells[2]))
    return rows


def commands_of(cell: str) -> list[click.Command]:
    """The click commands a cell names: `newsgraph neo4j install\\|start`, `newsgraph queries`, ..."""
    found = []
    for usage in re.findall(r"`(newsgraph [^`]+)`", cell):
        command: click.Command | None = main
        for word in usage.replace("\\|", "|").split()[1:]:
            names = word.split("|")
            if not isinstance(command, click.Group) or not all(n in command.commands for n in names):
                break
            if len(names) > 1:
                found += [command.commands[n] for n in names]
                command = None
                break
            command = command.commands[word]
        if command is not None:
            found.append(command)
    return found


def option(command: click.Command, name: str) -> click.Option | None:
    return next((p for p in command.params if isinstance(p, click.Option) and name in p.opts), None)


def shown(value: object) -> str:
    return str(value)


def test_reference_table_names_every_command_and_real_options():
    rows = reference_rows()
    named = {c.name for cell, _, _ in rows for c in commands_of(cell)}
    everything = {n for n in main.commands if n != "neo4j"} | set(main.commands["neo4j"].commands)
    assert named == everything
    for cell, _, _ in rows:
        commands = commands_of(cell)
        for name in re.findall(r"(?<![\w-])(--[a-z][\w-]*)", cell):
            assert any(option(c, name) for c in commands), f"{cell}: no {name}"


def test_documented_defaults_are_the_real_ones():
    checked = 0
    for cell, _, defaults in reference_rows():
        commands = commands_of(cell)
        for item in re.findall(r"`([^`]+)`", defaults):
            sub, name, value = re.fullmatch(r"(?:([a-z]+) )?(-[-\w]+) (\S+)", item).groups()
            targets = [c for c in commands if (sub is None or c.name == sub) and option(c, name)]
            assert targets, f"{item}: no command of {cell} has {name}"
            for command in targets:
                assert shown(option(command, name).default) in (value, value + ".0"), (command.name, item)
                checked += 1
    # Prose: "(`--batch-size N`: articles per transaction, default 100)"
    for name, value in re.findall(r"`(--[\w-]+)(?: [A-Z]+)?`[^`\n]{0,60}?\bdefault (\w+)", README):
        having = [c for c in _all_commands() if option(c, name)]
        assert having and all(shown(option(c, name).default) == value for c in having), name
        checked += 1
    assert checked >= 10


def _all_commands() -> list[click.Command]:
    return [c for c in main.commands.values() if not isinstance(c, click.Group)] + list(
        main.commands["neo4j"].commands.values()
    )


def test_exit_codes_match_the_cli():
    text = " ".join(section("Command line reference and exit codes").split())
    documented = {int(n): words for n, words in re.findall(r"\*\*(\d)\*\* ([^;.]+)", text)}
    constants = {
        errors.EXIT_OK,
        errors.EXIT_SKIPPED,
        errors.EXIT_USAGE,
        errors.EXIT_NEO4J,
        errors.EXIT_FAILED,
    }
    assert set(documented) == constants
    assert "skipped" in documented[errors.EXIT_SKIPPED] and "Neo4j" in documented[errors.EXIT_NEO4J]
    assert "bad parameter value" in documented[errors.EXIT_USAGE]
    helped = " ".join(CliRunner().invoke(main, ["--help"]).output.split())
    assert {int(n) for n in re.findall(r"(?:codes:|;) (\d) ", helped)} == constants


def test_status_exits_as_documented_when_the_server_is_down(tmp_path):
    stated = {int(n) for n in re.findall(r"status[^\n]*?exits? (\d) when (?:it is )?not running", README)}
    assert len(stated) == 1, stated
    env = {"NEWSGRAPH_HOME": str(tmp_path)}
    result = CliRunner(env=env).invoke(main, ["neo4j", "status"])
    assert result.exit_code == stated.pop()


def test_no_singular_count_with_a_plural_noun():
    """'1 articles', '1 transactions': the README's sample output, and the code that prints it."""
    from fixtures_records import fixture_records

    from newsgraph.graph.analysis import summarize
    from newsgraph.graph.build import build_graph
    from newsgraph.graph.cli.common import load_summary
    from newsgraph.graph.neo4j.loader import LoadStats

    plural_after_one = re.compile(
        r"(?<![\d.,])1 (articles|records|transactions|places|events|actors|rows|nodes)\b"
    )
    assert plural_after_one.findall(README) == []
    one = fixture_records()[:1]
    summary = summarize(build_graph(one), one)
    assert summary.startswith("1 article (1 record), ") and not plural_after_one.search(summary)
    stats = LoadStats(articles=1, batches=1, nodes_created=1, relationships_created=1, properties_set=1)
    assert load_summary(stats).startswith("1 article in 1 transaction: 1 node and 1 relationship created, ")


# --- every shell command of the README, as written ------------------------------------------------

# Not run here: the make targets (they are how this suite itself is run), the virtualenv set-up, a
# second interactive prompt, commands for servers other than the local one, and opening a browser.
NOT_RUN = ("make ", "python3 -m venv", "neo4j-admin ", "--engine dask", "--open")


def readme_commands() -> list[str]:
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        text = block.replace("\\\n", " ")
        for line in text.splitlines():
            line = line.split("  #")[0].strip()
            if line and not line.startswith("#") and not any(skip in line for skip in NOT_RUN):
                commands.append(line)
    return commands


def test_the_readme_has_commands_to_run():
    commands = readme_commands()
    assert "newsgraph neo4j start" in commands and "newsgraph neo4j import import/ --yes" in commands
    assert not [c for c in commands if c.split()[0] not in ("newsgraph", "python")]


@pytest.mark.slow
@pytest.mark.neo4j
def test_readme_commands_work_as_written(tmp_path):
    """In a scratch folder holding what a fresh clone holds (seeds/, tests/articles/, tests/merge/),
    with a scratch local server (NEWSGRAPH_HOME, free ports): every command exits 0, in the README's
    order."""
    from newsgraph.graph.neo4j import browser_assets, server

    work = tmp_path / "clone"
    work.mkdir()
    shutil.copytree(ROOT / "seeds", work / "seeds")
    for folder in ("articles", "merge"):
        shutil.copytree(ROOT / "tests" / folder, work / "tests" / folder)
    home = tmp_path / "home"
    env = dict(
        os.environ,
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        NEWSGRAPH_HOME=str(home),
        NEWSGRAPH_BOLT_PORT=str(server.free_port()),
        NEWSGRAPH_HTTP_PORT=str(server.free_port()),
        COLUMNS="80",
    )
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        env.pop(name, None)
    # The README builds out/ with `make run` first; its later commands read out/records.jsonl.
    ran = [_run(["newsgraph", "build", "seeds", "-o", "out"], work, env)]
    started = False
    # `neo4j stop` ends the server section; the sections after it need the server: it runs last
    commands = sorted(readme_commands(), key=lambda c: c == "newsgraph neo4j stop")
    try:
        for command in commands:
            ran.append(_run(shlex.split(command), work, env))
            started = started or command == "newsgraph neo4j start"
    finally:
        instance = server.Instance(
            home / "neo4j", int(env["NEWSGRAPH_BOLT_PORT"]), int(env["NEWSGRAPH_HTTP_PORT"])
        )
        instance.stop()
        browser_assets.stop_detached(instance.root)
    assert started and len(ran) == len(commands) + 1 >= 15


def _run(argv: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, f"{shlex.join(argv)} exited {done.returncode}: {done.stderr.strip()[-500:]}"
    return done.stdout

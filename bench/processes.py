"""Whole-process timings: commands run as a user runs them, start-up included, median of a few runs.

The commands of one comparison run in turn (a, b, a, b, ...), so a burst of load from elsewhere on
the machine falls on both sides rather than on one; the load average is read before and after, and
the CPU seconds each command used (its own and its children's, user and system) are kept beside the
wall-clock time: on a busy machine the wall clock waits for the cores, the CPU time much less.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PYTHON = sys.executable
NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
RAW_PIPE = str(Path(__file__).resolve().parent / "raw_pipe.py")
# As a user runs them: Python keeps compiled modules. Where the environment forbids it
# (PYTHONDONTWRITEBYTECODE, as some sandboxes and CI set), every newsgraph run compiled its own
# modules again (about 0.05 s), while spaCy's were compiled once, when pip installed them.
QUIET_ENV = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "NEWSGRAPH_NO_PROGRESS": "1",
}


@dataclass
class Timed:
    seconds: float  # the median wall-clock time
    runs: list[float]
    cpu: float  # the median CPU seconds
    load: tuple[float, float]  # 1-minute load average before and after


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(command: list[str]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one run; a failing command is an error naming its last
    stderr line."""
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=QUIET_ENV, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise RuntimeError(f"{' '.join(command[:3])} ... exited {done.returncode}: {last}")
    return seconds, _children_cpu() - cpu


def warm_up(commands: list[list[str]]) -> None:
    """Run each command once, untimed, as a user's first run: Python compiles newsgraph's modules
    and newsgraph builds its caches (the GeoNames city index, the dictionaries' name indexes), which
    every later run reuses; the timed runs are the later ones."""
    for command in commands:
        run_once(command)


def compare(commands: dict[str, list[str]], repeats: int = 3) -> dict[str, Timed]:
    """Each command ``repeats`` times, interleaved; the median of each."""
    before = os.getloadavg()[0]
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            runs[name].append(run_once(command))
    after = os.getloadavg()[0]
    timed = {}
    for name, times in runs.items():
        walls = [wall for wall, _ in times]
        cpu = statistics.median(cpu for _, cpu in times)
        timed[name] = Timed(statistics.median(walls), walls, cpu, (before, after))
    return timed


def extract_command(folder: Path, output: Path, processes: int = 1, model: str | None = None) -> list[str]:
    command = [NEWSGRAPH, "extract", str(folder), "-o", str(output), "--processes", str(processes)]
    return command + (["--model", model] if model else [])


def raw_command(model: str, folder: Path, batch_size: int) -> list[str]:
    return [PYTHON, RAW_PIPE, model, str(folder), "--batch-size", str(batch_size)]


def load_model_command(model: str, article: Path) -> list[str]:
    """Import spaCy, load the model and parse one article: the floor of any extractor's start-up."""
    code = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1], exclude=['textcat']); "
        "nlp(open(sys.argv[2], encoding='utf-8').read())"
    )
    return [PYTHON, "-c", code, model, str(article)]


def help_command() -> list[str]:
    return [NEWSGRAPH, "--help"]


def load_text(timed: Timed) -> str:
    return f"load {timed.load[0]:.1f}-{timed.load[1]:.1f}"

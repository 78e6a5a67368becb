"""Peak resident memory of a ``newsgraph extract`` run, by polling its process tree with psutil.

The tree counts: with ``--processes 2`` spaCy's worker processes hold models and batches too.
RSS counts pages shared between processes once per process, the same way for every run, so runs
of different sizes compare fairly.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

POLL_SECONDS = 0.05
NEWSGRAPH = Path(sys.executable).with_name("newsgraph")


@dataclass
class MemoryRun:
    articles: int
    seconds: float
    peak_tree: int  # bytes: the command plus its children, at the worst moment
    peak_main: int  # bytes: the command's own process
    exit_code: int
    stderr: str


def _tree_rss(process: psutil.Process) -> tuple[int, int]:
    try:
        main = process.memory_info().rss
        children = process.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, 0
    total = main
    for child in children:
        try:
            total += child.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total, main


def measure_extract(folder: Path, output: Path, articles: int, processes: int = 1,
                    model: str | None = None) -> MemoryRun:
    """Run ``newsgraph extract FOLDER -o OUTPUT`` and poll its memory until it exits."""
    command = [str(NEWSGRAPH), "extract", str(folder), "-o", str(output), "--processes", str(processes)]
    if model:
        command += ["--model", model]
    log = output.with_suffix(".stderr")  # a file, not a pipe: a full pipe would stall the progress bar
    started = time.perf_counter()
    with open(log, "w") as err, subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err) as proc:
        watched = psutil.Process(proc.pid)
        peak_tree = peak_main = 0
        while proc.poll() is None:
            tree, main = _tree_rss(watched)
            peak_tree, peak_main = max(peak_tree, tree), max(peak_main, main)
            time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - started
    stderr = log.read_text(encoding="utf-8", errors="replace")
    return MemoryRun(articles, seconds, peak_tree, peak_main, proc.returncode, stderr)

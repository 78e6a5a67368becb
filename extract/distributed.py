"""Extraction spread over a ``dask.distributed`` cluster: ``newsgraph extract --engine dask``.

The input files (directories expanded in reading order) are cut into contiguous groups, one
Dask task per group. Every worker loads the spaCy pipeline once, when it joins (a worker
plugin fills a per-process cache; tasks reuse it), and each task writes its records as one
JSON Lines shard, ``part-00000.jsonl``, ``part-00001.jsonl``, ... numbered in input order.

Where the records go (``output``):

- a file (or ``-`` for stdout): the shards are written to a hidden folder next to that file
  (the current folder for stdout) and concatenated in input order into it, so the result is
  line for line what ``--engine local`` writes; the folder is removed afterwards.
- an existing directory (or a path ending in ``/``): the shards are kept there as they are,
  nothing is concatenated; read them in name order for input order (``cat part-*.jsonl``).

Workers open the input files and write the shards themselves, so on a real cluster the
inputs and the output must be on a filesystem every worker sees under the same path (NFS,
a shared volume), and newsgraph with its spaCy model must be installed on every worker.
Record files given by name (``newsgraph extract`` output) are copied through first, as the
local engine does.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from newsgraph.extract.errors import NewsgraphError
from newsgraph.extract.readers import check_paths, is_record_file, iter_input_files
from newsgraph.extract.record import read_jsonl

try:
    from distributed import WorkerPlugin
except ImportError:  # the optional "dask" extra is not installed; extract_with_dask says so
    WorkerPlugin = object  # type: ignore[assignment,misc]

log = logging.getLogger("newsgraph.distributed")

Report = Callable[[str], None]

TASKS_PER_WORKER = 4  # several tasks per worker: a slow group of files does not hold up the rest
SHARD_NAME = "part-{:05d}.jsonl"
CONNECT_TIMEOUT = "30s"

# One Extractor per worker process and model; filled by ExtractorPlugin.setup, reused by every task.
_EXTRACTORS: dict[str | None, Any] = {}


@dataclass
class ShardResult:
    """What one task reports back: its shard, how many records, and the reader's messages."""

    shard: str
    records: int
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def cached_extractor(model: str | None = None) -> Any:
    """This process's Extractor for ``model``, loaded on first use."""
    if model not in _EXTRACTORS:
        from newsgraph.extract.pipeline import Extractor

        _EXTRACTORS[model] = Extractor(model=model)
    return _EXTRACTORS[model]


class ExtractorPlugin(WorkerPlugin):
    """Worker plugin: loads the spaCy pipeline when a worker starts (or joins later), once."""

    idempotent = True  # registering twice (a second run on the same cluster) loads nothing again

    def __init__(self, model: str | None = None):
        self.model = model
        self.name = f"newsgraph-extractor-{model or 'default'}"

    def setup(self, worker: Any) -> None:
        cached_extractor(self.model)

    def teardown(self, worker: Any) -> None:
        pass


def extract_with_dask(
    paths: tuple[str, ...] | list[str],
    output: str | Path,
    scheduler: str | None = None,
    model: str | None = None,
    published: str | None = None,
    workers: int = 2,
    *,
    on_skip: Report | None = None,
) -> int:
    """Extract ``paths`` on a Dask cluster into ``output`` (a file, ``-``, or a shard folder).

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without it a
    ``LocalCluster`` of ``workers`` single-threaded processes runs for the call. Skipped
    inputs and reader warnings go to ``on_skip`` (default: the ``newsgraph.distributed``
    logger). Returns how many inputs were skipped.
    """
    if WorkerPlugin is object:
        raise NewsgraphError("the dask engine needs dask.distributed: pip install 'newsgraph[dask]'")
    given = check_paths(paths)  # a missing path is an InputError before any cluster starts
    report = on_skip or log.warning
    record_files = [p for p in given if is_record_file(Path(p))]
    article_paths = [p for p in given if p not in record_files]
    skipped: list[str] = []

    def skip(message: str) -> None:
        skipped.append(message)
        report(message)

    files = [(str(path.absolute()), shown) for path, shown in iter_input_files(article_paths, skip)]
    keep_shards = _is_folder(output)
    shard_dir = Path(output) if keep_shards else _scratch_folder(output)
    try:
        results = _run(files, shard_dir, scheduler, model, published, workers) if files else []
        for result in results:
            for message in result.skipped:
                skip(message)
            for message in result.warnings:
                report(message)
        if not keep_shards:
            _concatenate(record_files, [Path(r.shard) for r in results], output, skip)
        elif record_files:
            _copy_records(record_files, shard_dir / "part-records.jsonl", skip)
    finally:
        if not keep_shards:
            shutil.rmtree(shard_dir, ignore_errors=True)
    return len(skipped)


def _is_folder(output: str | Path) -> bool:
    text = str(output)
    return text != "-" and (Path(text).is_dir() or text.endswith(("/", os.sep)))


def _scratch_folder(output: str | Path) -> Path:
    """A hidden shard folder beside the output file, so it sits on the storage the workers share."""
    parent = Path.cwd() if str(output) == "-" else Path(output).absolute().parent
    name = "stdout" if str(output) == "-" else Path(output).name
    return Path(tempfile.mkdtemp(prefix=f".{name}.shards-", dir=parent))


def _groups(files: list[tuple[str, str]], tasks: int) -> list[list[tuple[str, str]]]:
    """Contiguous groups of nearly equal size, so shard order is input order."""
    tasks = max(1, min(tasks, len(files)))
    size, extra = divmod(len(files), tasks)
    groups, start = [], 0
    for index in range(tasks):
        end = start + size + (1 if index < extra else 0)
        groups.append(files[start:end])
        start = end
    return groups


def _run(
    files: list[tuple[str, str]],
    shard_dir: Path,
    scheduler: str | None,
    model: str | None,
    published: str | None,
    workers: int,
) -> list[ShardResult]:
    from distributed import Client, LocalCluster

    shard_dir.mkdir(parents=True, exist_ok=True)
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            # processes, one thread each: spaCy holds the GIL, so threads would not run in parallel
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = Client(cluster)
    except OSError as exc:  # distributed raises OSError (and its TimeoutError) for an unreachable scheduler
        where = scheduler or "a local cluster"
        raise NewsgraphError(f"cannot connect to the Dask scheduler at {where}: {exc}") from exc
    try:
        client.register_plugin(ExtractorPlugin(model))
        n_workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
        futures = [
            client.submit(
                extract_shard,
                group,
                str(shard_dir / SHARD_NAME.format(index)),
                model,
                published,
                key=f"newsgraph-shard-{index:05d}-{shard_dir.name}",
                pure=False,
            )  # fmt: skip
            for index, group in enumerate(_groups(files, n_workers * TASKS_PER_WORKER))
        ]
        return client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_shard(
    files: list[tuple[str, str]], shard: str, model: str | None = None, published: str | None = None
) -> ShardResult:
    """One task, run on a worker: extract a group of files into one JSON Lines shard."""
    from newsgraph.extract.errors import InputError
    from newsgraph.extract.readers import iter_articles

    result = ShardResult(shard=shard, records=0)
    extractor = cached_extractor(model)

    def articles():
        for path, shown in files:
            # read by absolute path (a worker's cwd may differ); name things as the user gave them
            def named(message: str, _path: str = path, _shown: str = shown) -> str:
                return message.replace(_path, _shown, 1)

            try:
                for article in iter_articles(
                    [path], published=published,
                    on_skip=lambda m, n=named: result.skipped.append(n(m)),
                    on_warn=lambda m, n=named: result.warnings.append(n(m)),
                ):  # fmt: skip
                    article.path = shown
                    yield article
            except InputError as exc:  # removed since the client listed it
                result.skipped.append(named(str(exc)))

    partial = shard + ".partial"
    with open(partial, "w", encoding="utf-8") as out:
        for record in extractor.extract_many(articles()):
            out.write(record.to_json() + "\n")
            result.records += 1
    os.replace(partial, shard)  # a shard exists only once it is whole
    return result


def _concatenate(record_files: list[str], shards: list[Path], output: str | Path, skip: Report) -> None:
    if str(output) == "-":
        _write_all(record_files, shards, sys.stdout, skip)
        return
    partial = Path(f"{output}.partial")
    with open(partial, "w", encoding="utf-8") as out:
        _write_all(record_files, shards, out, skip)
    os.replace(partial, output)


def _write_all(record_files: list[str], shards: list[Path], out: IO[str], skip: Report) -> None:
    for path in record_files:
        _copy_record_file(path, out, skip)
    for shard in shards:
        with open(shard, encoding="utf-8") as lines:
            shutil.copyfileobj(lines, out)


def _copy_records(record_files: list[str], target: Path, skip: Report) -> None:
    with open(target, "w", encoding="utf-8") as out:
        for path in record_files:
            _copy_record_file(path, out, skip)


def _copy_record_file(path: str, out: IO[str], skip: Report) -> None:
    """Records given by name pass through (re-serialised), a bad line skips the rest, as locally."""
    try:
        for record in read_jsonl(path):
            out.write(record.to_json() + "\n")
    except ValueError as exc:
        skip(str(exc))

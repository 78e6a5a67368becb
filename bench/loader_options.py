"""The loader's options side by side: first and second load against plain CREATE, per batch size.

    .venv/bin/python bench/loader_options.py RECORDS.jsonl [--articles 600] [--batch-sizes 100,500,1000]

Starts a scratch Neo4j of its own (temporary folder, free ports), warms it up, then for each batch
size loads the records into an emptied database, loads them again, and writes the same graph with
plain ``UNWIND ... CREATE`` (bench/neo4j_load.py). Prints wall-clock and CPU seconds (server and
client together, which a busy machine stretches much less) and the load average. The records file
is one ``newsgraph extract`` wrote (``bench/profile_loader.py --records FILE`` writes one too).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import neo4j_load  # noqa: E402

from newsgraph.extract.record import read_jsonl  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--batch-sizes", default="100,500,1000")
    args = parser.parse_args(argv)
    records = list(read_jsonl(args.records))[: args.articles]
    sizes = [int(s) for s in args.batch_sizes.split(",")]
    with tempfile.TemporaryDirectory() as work:
        with neo4j_load.scratch_server(Path(work) / "neo4j") as (settings, pid):
            # warm-up: plans compiled and the server's JIT warm, so no option pays for them alone
            neo4j_load.time_loader(records, settings, clear=True)
            neo4j_load.time_plain_create(records, settings)
            print(f"{len(records)} records; wall-clock s (CPU s); ratio = plain CREATE / first load")
            for size in sizes:
                first = neo4j_load.time_loader(records, settings, True, pid, batch_size=size)
                second = neo4j_load.time_loader(records, settings, False, pid, batch_size=size)
                plain = neo4j_load.time_plain_create(records, settings, pid)
                same = (first.events, first.relationships) == (second.events, second.relationships)
                timings = "  ".join(
                    f"{name} {t.seconds:6.2f} ({t.cpu:6.2f}, client {t.client_cpu:5.2f})"
                    for name, t in (("first", first), ("second", second), ("plain", plain))
                )
                ratio = f"{plain.seconds / first.seconds:.2f} (CPU {plain.cpu / first.cpu:.2f})"
                print(
                    f"batch {size:>5}: {timings}  ratio {ratio}  reload keeps the counts: {same}  "
                    f"load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())

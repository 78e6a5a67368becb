"""Record what the field's shared scorer prints for the scoring tests' synthetic pairs.

A developer runs this where ``../shared/tools/score_extraction.py`` exists (never a test):

    .venv/bin/python tests/data/scorer/make_expected.py

It writes ``<pair>-<plain|verbose>.txt`` and ``old-gold-keep-<n>-verbose.txt`` here;
``tests/test_evaluate.py`` compares newsgraph's own scorer with these files, so the comparison
runs on every clone, with or without ``../shared``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parents[1]
SCORER = TESTS.parent.parent / "shared" / "tools" / "score_extraction.py"


def main() -> None:
    sys.path.insert(0, str(TESTS))
    from test_evaluate import PAIR_IDS, PAIRS, write_old_gold_pair, write_pair

    for pair_id, (records, golds) in zip(PAIR_IDS, PAIRS, strict=True):
        for verbose in (False, True):
            with tempfile.TemporaryDirectory() as tmp:
                records_path, gold_paths = write_pair(Path(tmp), records, golds)
                done = subprocess.run(
                    [sys.executable, str(SCORER), str(records_path), *map(str, gold_paths),
                     *(["-v"] if verbose else [])],
                    capture_output=True, text=True, check=True,
                )  # fmt: skip
            name = f"{pair_id}-{'verbose' if verbose else 'plain'}.txt"
            (HERE / name).write_text(done.stdout, encoding="utf-8")
            print(f"wrote {name}")
    for keep_every in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            records_path, gold_paths = write_old_gold_pair(Path(tmp), keep_every)
            done = subprocess.run(
                [sys.executable, str(SCORER), str(records_path), *map(str, gold_paths), "-v"],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
        name = f"old-gold-keep-{keep_every}-verbose.txt"
        (HERE / name).write_text(done.stdout, encoding="utf-8")
        print(f"wrote {name}")


if __name__ == "__main__":
    main()

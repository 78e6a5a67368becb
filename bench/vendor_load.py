"""How long reading the converted vendor dictionaries takes (extract/data/vendor/).

Three figures per file, each the best of a few cold runs (caches cleared), in one run so they
compare side by side: a plain TSV read (read the text, split lines and tabs), the typed reader of
extract/dictionaries.py (which also builds its indexes), and the ratio of the two. The verb files
are also read by the project's Lexicon reader. Not part of `make bench`: run it after changing the
converter or the readers:

    .venv/bin/python bench/vendor_load.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from newsgraph.extract import dictionaries as d
from newsgraph.extract import ontology

REPEATS = 5


def best(action: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        for cached in (
            d._load_phoenix,
            d._load_organizations,
            d._load_agents,
            d._load_discards,
            d._load_plover,
            ontology._load_lexicon,
        ):
            cached.cache_clear()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def plain(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    rows = [line.split("\t") for line in lines if line and line[0] != "#"]
    return len(rows) - 1


def main() -> None:
    folder = d.VENDOR_DIR
    typed: dict[str, Callable[[], object]] = {
        "phoenix_people.tsv + phoenix_offices.tsv": d.Phoenix.load,
        "phoenix_organizations.tsv": d.Organizations.load,
        "phoenix_agents.tsv": d.Agents.load,
        "phoenix_discards.tsv": d.Discards.load,
        "cameo_plover.tsv": d.Plover.load,
        "cameo_verbs.tsv": lambda: d.verb_lexicon(),
        "cameo_verbs.tsv + cameo_verbs_block.tsv": lambda: d.verb_lexicon(with_block=True),
    }
    print(f"{'file':42s} {'rows':>7s} {'MB':>6s} {'plain ms':>9s}")
    for path in sorted(folder.glob("*.tsv")):
        seconds = best(lambda path=path: plain(path))
        print(f"{path.name:42s} {plain(path):7d} {path.stat().st_size / 1e6:6.2f} {seconds * 1000:9.1f}")
    print()
    print(f"{'typed reader (indexes built)':42s} {'ms':>9s} {'x plain':>8s}")
    for label, load in typed.items():
        names = [n.strip() for n in label.split("+")]
        plain_seconds = sum(best(lambda n=n: plain(folder / n)) for n in names)
        seconds = best(load)
        print(f"{label:42s} {seconds * 1000:9.1f} {seconds / plain_seconds:8.1f}")


if __name__ == "__main__":
    main()

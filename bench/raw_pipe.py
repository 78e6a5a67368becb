"""The baseline of the whole-process measures: a plain spaCy script over a folder of ``.txt`` articles.

    .venv/bin/python bench/raw_pipe.py MODEL FOLDER [--batch-size 16]

What a user would write without newsgraph: import spaCy, load the model as the extractor does
(``exclude=["textcat"]``), read every file and run ``nlp.pipe`` over the texts. Prints the number
of tokens, so the work cannot be skipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)

    import spacy

    nlp = spacy.load(args.model, exclude=["textcat"])
    texts = (path.read_text(encoding="utf-8") for path in sorted(args.folder.glob("*.txt")))
    print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

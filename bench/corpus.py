"""A benchmark corpus of N articles made from the project's own test articles and seed.

Article ``i`` keeps the outlet and headline of source text ``i mod k`` and gets a body of the
same length: its own paragraphs with about half swapped for paragraphs of other sources, in
shuffled order (the lede stays first), and every person named in the sources replaced by a
name from :data:`NAMES` (surname-only mentions follow). So the corpus is varied text in the
sources' style, not one text repeated; the same ``n`` and ``seed`` give the same corpus.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "tests" / "articles", ROOT / "seeds")

NAMES = (
    "Amara Okafor", "Lukas Brandt", "Sofia Marchetti", "Hiroshi Tanaka", "Elena Petrova", "Tomasz Nowak",
    "Priya Raman", "Daniel Ortega Ruiz", "Ingrid Solberg", "Kwame Mensah", "Leila Haddad", "Marco Bellini",
    "Nadia Kuznetsova", "Oliver Grant", "Paulo Ferreira", "Rania Aziz", "Samuel Cohen", "Tarik Demir",
    "Ursula Lindqvist", "Viktor Horvath", "Wen Li", "Yusuf Karimi", "Zofia Wojcik", "Ahmed Farouk",
    "Beatriz Santos", "Chen Wei", "Dmitri Volkov", "Fatima Benali", "Gabriel Moreau", "Hannah Schmidt",
    "Ivan Petrenko", "Julia Novak", "Kenji Watanabe", "Lucia Romano", "Mehmet Yilmaz", "Nora Eriksen",
)  # fmt: skip


@dataclass
class Source:
    outlet: str
    headline: str
    paragraphs: list[str]


def read_sources() -> list[Source]:
    """The test articles and seeds, in the readers' layout: outlet line, headline line, paragraphs."""
    sources = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            sources.append(Source(lines[0], lines[1], lines[2:]))
    return sources


def person_names(nlp, sources: list[Source]) -> list[str]:
    """Full names (two words or more) that spaCy's NER tags PERSON in the sources, longest first."""
    names: set[str] = set()
    for doc in nlp.pipe(p for s in sources for p in s.paragraphs):
        for ent in doc.ents:
            name = re.sub(r"['’]s$", "", ent.text)
            if ent.label_ == "PERSON" and len(name.split()) >= 2:
                names.add(name)
    return sorted(names, key=lambda n: (-len(n), n))


def make_articles(n: int, names: list[str], seed: int = 5, paragraphs: int | None = None) -> list[str]:
    """``n`` article texts, deterministic for a given ``seed``, all different; ``paragraphs`` keeps
    only that many body paragraphs (short articles, for runs over many articles)."""
    sources = read_sources()
    pool = [(k, p) for k, s in enumerate(sources) for p in s.paragraphs]
    texts: list[str] = []
    seen: set[str] = set()
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        base = sources[i % len(sources)]
        while True:
            body = [base.paragraphs[0]]
            for paragraph in base.paragraphs[1:]:
                body.append(rng.choice(pool)[1] if rng.random() < 0.5 else paragraph)
            rest = body[1:]
            rng.shuffle(rest)
            if paragraphs is not None:
                rest = rest[: max(paragraphs - 1, 0)]
            text = "\n".join([base.outlet, base.headline, body[0], *rest]) + "\n"
            text = _swap_names(text, names, rng)
            if text not in seen:
                break
        seen.add(text)
        texts.append(text)
    return texts


def _swap_names(text: str, names: list[str], rng: random.Random) -> str:
    """Each full name, and its surname alone, becomes a name drawn for this article."""
    replacements: dict[str, str] = {}
    for name in names:
        if name in text:
            new = rng.choice(NAMES)
            replacements[name] = new
            replacements.setdefault(name.split()[-1], new.split()[-1])
    if not replacements:
        return text
    keys = sorted(replacements, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in keys) + r")\b")
    return pattern.sub(lambda m: replacements[m.group(1)], text)


def write_corpus(texts: list[str], folder: Path) -> Path:
    """One ``.txt`` per article (the readers' text layout), named in order."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder


def make_sized_articles(n: int, names: list[str], words: int, seed: int = 7) -> list[str]:
    """``n`` different article texts of about ``words`` words each: an outlet, a headline and a lede
    of source ``i mod k``, then paragraphs drawn from every source until the length is reached
    (short news of ~170 words, long reports of ~1,000)."""
    sources = read_sources()
    pool = [p for s in sources for p in s.paragraphs]
    texts: list[str] = []
    seen: set[str] = set()
    for i in range(n):
        rng = random.Random(f"{seed}:{words}:{i}")
        base = sources[i % len(sources)]
        while True:
            body = [base.paragraphs[0]]
            count = len(base.headline.split()) + len(body[0].split())
            while count < words:
                body.append(rng.choice(pool))
                count += len(body[-1].split())
            text = _swap_names("\n".join([base.outlet, base.headline, *body]) + "\n", names, rng)
            if text not in seen:
                break
        seen.add(text)
        texts.append(text)
    return texts

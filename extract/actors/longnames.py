"""Long organisation names the NER or the gazetteer's ruler cut in pieces.

``long_org_name``: a run of capitalised words (joined by "of", "on", "for", "and", "the", an
apostrophe) holding an organisation word (``org_head`` in frames.tsv: Union, Society, Court,
Community, ...) is one organisation when the entities cut it ("Law Society" + "Kenya", "The
Association of" + "Tunisian", "Economic Community of" + "Central African" + "States") or call it
a person ("Nordhavn Shipping"). Its entry is the gazetteer's, else the Phoenix dictionaries'
(:mod:`.known`), else a new organisation whose country is a state named at its start or after its
"of" ("Law Society of Kenya": Kenya; not "Gulf of Guinea Wire").
Runs in headline-style lines (unless the line is the run: an outlet, "Gulf of Guinea Wire") and
runs holding a person's name are left to the entity pass.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors import known
from newsgraph.extract.actors.context import Resolution
from newsgraph.extract.actors.spans import title_case_line
from newsgraph.extract.doctokens import sentences, span_text, tokens
from newsgraph.extract.frames import Frames
from newsgraph.extract.record import ActorKind, actor_id

ORG_HEADS = Frames.load().words("org_head")
CONNECTORS = frozenset({"of", "on", "for", "and", "the", "de", "du", "des"})
APOSTROPHES = frozenset({"'", "\u2019"})
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def long_names(ctx: Resolution) -> None:
    """Pass 0: organisations whose names the entities cut, before the entity pass reads them."""
    words = tokens(ctx.doc)
    heads = [i for i in ctx.index.at(ORG_HEADS) if capitalised(words[i])]
    if not heads:
        return  # a long name holds an organisation word: without one, no sentence is read
    ents, sents = ctx.ents, sentences(ctx.doc)
    for sent in dict.fromkeys(sents[i] for i in heads):  # the sentences holding one, in text order
        for run in capital_runs(sent):
            if len(run) < 2 or not any(run.start <= i < run.end for i in heads):
                continue  # ``cut_name`` wants two words, one an organisation word
            # a headline capitalises every word: only a line that is one name counts (an outlet)
            if title_case_line(sent, ctx.title_case) and span_text(run) != span_text(sent).strip():
                continue
            if cut_name(ctx, run, ents):
                add_long_name(ctx, run)


def capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def capital_runs(sent: Span) -> list[Span]:
    """Maximal runs of capitalised words and the connectors between them, without a leading "The"."""
    doc, runs, i = sent.doc, [], sent.start
    words = tokens(doc)
    while i < sent.end:
        if not capitalised(words[i]) or words[i].lower_ == "the":
            i += 1
            continue
        last = j = i
        while j + 1 < sent.end:
            nxt = words[j + 1]
            bridge = nxt.lower_ in CONNECTORS or (nxt.text in APOSTROPHES and words[j].lower_.endswith("s"))
            if capitalised(nxt) and nxt.lower_ != "the":
                last = j = j + 1
            elif bridge and j + 2 < sent.end and (capitalised(words[j + 2]) or words[j + 2].lower_ == "the"):
                j += 1
            else:
                break
        start = i
        first = words[i]
        if first.is_sent_start and not first.ent_type_ and first.tag_ in {"NN", "NNS"}:  # "Leaders of ..."
            while start < last and (start == i or words[start].lower_ in CONNECTORS):
                start += 1
        runs.append(Span(doc, start, last + 1))  # doc[start : last + 1], without its slice checks
        i = last + 1
    return runs


def cut_name(ctx: Resolution, run: Span, ents: list[Span]) -> bool:
    """Is the run one organisation's name that the entities cut or mislabelled?"""
    if len(run) < 2 or not any(t.lower_ in ORG_HEADS for t in run if capitalised(t)):
        return False
    if any(t.ent_type_ in NOT_NAMES for t in run):
        return False  # "the Constitutional Court on Monday"
    joined = [t for t in run if t.lower_ == "and"]
    if joined and any(ctx.gaz.lookup(part) for part in span_text(run).split(" and ")):
        return False  # "UNHCR and the IOM": two names
    whole = [e for e in ents if e.start <= run.start and e.end >= run.end]
    if whole:  # one entity holds the run: wrong only when it calls an organisation a person
        return whole[0].label_ == "PERSON" and run[-1].lower_ in ORG_HEADS
    if any(t.ent_type_ == "PERSON" for t in run):
        # "Diwan FM": a name and an organisation word straight after it; never "Ali of the Party"
        return run[-1].lower_ in ORG_HEADS and not any(t.lower_ in CONNECTORS for t in run)
    starts = sum(1 for t in run if t.ent_type_ and (t.ent_iob_ == "B" or t.i == run.start))
    bare = any(not t.ent_type_ for t in run if capitalised(t))
    return starts >= 2 or (starts == 1 and bare)


def add_long_name(ctx: Resolution, run: Span) -> None:
    """The run's organisation: the gazetteer's, the Phoenix dictionaries', else a new one."""
    entry = ctx.gaz.lookup(span_text(run)) or known.organization(span_text(run), name_country(ctx, run))
    if entry is not None:
        ctx.add_entry(entry, run)
        return
    country = name_country(ctx, run)
    kind = ActorKind.ORGANIZATION
    ctx.table.add(actor_id(kind, span_text(run)), span_text(run), kind, country, None, run)


def name_country(ctx: Resolution, run: Span) -> str | None:
    """The state a new organisation's name gives: its first word ("Kenya Union of Journalists",
    "Tunisian General Labour Union"), or a word after "of" that no organisation word follows ("Law
    Society of Kenya"; not "Gulf of Guinea Wire", where Guinea names the gulf)."""
    first = state_word(ctx, run[0])
    if first:
        return first
    for token in run[1:]:
        iso = state_word(ctx, token) if token.nbor(-1).lower_ == "of" else None
        if iso and not any(t.lower_ in ORG_HEADS for t in run if t.i > token.i):
            return iso
    return None


def state_word(ctx: Resolution, token: Token) -> str | None:
    """The state a word of a name is ("Kenya", "Tunisian"), by the ruler's id or the gazetteer."""
    entry = ctx.gaz.get(token.ent_id_) if token.ent_id_ else None
    if entry is not None and entry.kind == ActorKind.STATE:
        return entry.id
    return ctx.gaz.state_of_adjective(token.text)

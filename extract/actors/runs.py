"""Names the NER mislabels or leaves out, read by the words around them.

Each function is one named rule (a pass of ``resolver.PASSES`` or a test the entity pass asks):

- ``role_names`` (before the entity pass): a run of two to four capitalised words right after a
  lower-case title or role noun ("goalkeeper Ugurcan Cakir", "spokesperson Rahmat Hidayat"), or set
  off by commas after a title's phrase ("The bishop of Arauca, Jaime Munoz, said"), is a person's
  name, whatever label (or part of one) the NER gave it;
- ``team_names`` (before the entity pass): a run of two or more capitalised words before a role
  noun ("the Real Madrid midfielder", "the Inter Milan coach") is a club, an organisation, even
  when the NER took a word of it for a place ("Madrid" is no Spain there);
- ``unlabelled_names`` (after the entity pass): two or three capitalised words the NER left without
  a label, in a sentence (not a headline), not at its start, holding no office, organisation or
  agent word and no known name, whose last word is a verb's subject ("with Mikel Oyarzabal
  scoring twice"), are a person's name;
- ``possessive_parents`` (after the entity pass): an organisation named right after another's
  possessive is PART_OF it and also named with it ("the African Union's Peace and Security
  Council": PART_OF the AU, alias "African Union Peace and Security Council");
- ``party_names`` (before the entity pass): capitalised words before a lower-case party noun
  (``party_noun`` in frames.tsv: party, movement, coalition ...), one of them no state's name or
  adjective, name a party of the state they start with ("the ruling Georgian Dream party"; never
  "the Kenyan party"), and the same words name it again later ("congratulated Georgian Dream");
- ``organisation_units`` (after the entity pass): an organisation's name before a lower-case unit
  noun (``unit_noun`` in frames.tsv: mission, agency, office ...) names a body of its own, PART_OF
  it ("the UN verification mission", "the UN refugee agency").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors.context import Resolution
from newsgraph.extract.actors.longnames import ORG_HEADS
from newsgraph.extract.actors.names import person
from newsgraph.extract.actors.sectors import SectorNouns
from newsgraph.extract.actors.spans import title_case_line
from newsgraph.extract.doctokens import sentences, span_text, tokens
from newsgraph.extract.frames import Frames
from newsgraph.extract.record import ActorKind, actor_id

_FRAMES = Frames.load()
ROLES = _FRAMES.words("role_noun")
UNITS = _FRAMES.words("unit_noun")
PARTIES = _FRAMES.words("party_noun")
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.text.isalpha() and token.pos_ == "PROPN"


def run_after(token: Token) -> Span | None:
    """The capitalised words right after a token, in its sentence (none when another word breaks in)."""
    doc, end = token.doc, token.i + 1
    words, sent_end = tokens(doc), sentences(doc)[token.i].end
    while end < sent_end and capitalised(words[end]):
        end += 1
    return doc[token.i + 1 : end] if end > token.i + 1 else None


def free(ctx: Resolution, span: Span) -> bool:
    """No word of the span stands for an actor yet, is blocked, or is a name the gazetteer knows."""
    return not any(
        t.i in ctx.table.token_actor
        or t.i in ctx.blocked
        or t.ent_id_
        or ctx.gaz.lookup(t.text) is not None
        or ctx.gaz.state_of_adjective(t.text)
        for t in span
    )


def title_noun(ctx: Resolution, token: Token) -> bool:
    return (
        token.text.islower()
        and token.pos_ == "NOUN"
        and (token.lower_ in ROLES or ctx.words.title(token.lower_))
    )


def role_names(ctx: Resolution) -> None:
    """``role_names``: "goalkeeper Ugurcan Cakir"; "The bishop of Arauca, Jaime Munoz, said"."""
    doc = ctx.doc
    words, sents = tokens(doc), sentences(doc)
    titled = ROLES.union(ctx.words.titles(ctx.index.lower))
    for token in (words[i] for i in ctx.index.at(titled)):
        if not title_noun(ctx, token) or title_case_line(sents[token.i], ctx.title_case):
            continue
        run = run_after(token)
        if run is None and token.i + 2 < sents[token.i].end:
            run = apposed_run(token)
        if run is not None and 2 <= len(run) <= 4 and free(ctx, run):
            person(ctx, run)


def apposed_run(title: Token) -> Span | None:
    """The name set off by commas after a title's phrase: "the bishop of Arauca, Jaime Munoz,"."""
    phrase_end = phrase_last(title)
    words, sent_end = tokens(title.doc), sentences(title.doc)[title.i].end
    comma = words[phrase_end + 1] if phrase_end + 1 < sent_end else None
    if comma is None or comma.text != "," or not any(t.dep_ == "det" for t in title.children):
        return None
    run = run_after(comma)
    closed = run is not None and run.end < sent_end and words[run.end].text in {",", "."}
    return run if closed else None


def phrase_last(token: Token) -> int:
    """The last word of a token's phrase, appositions left out (the parser may hang the name set off
    after "the bishop of Arauca" on "Arauca")."""
    last = token.i
    for child in token.children:
        if child.i > token.i and child.dep_ not in {"appos", "punct"}:
            last = max(last, phrase_last(child))
    return last


def team_names(ctx: Resolution) -> None:
    """``team_names``: "the Real Madrid midfielder" is a club, not Spain."""
    doc = ctx.doc
    words, sents = tokens(doc), sentences(doc)
    for token in (words[i] for i in ctx.index.at_lemma(ROLES)):
        if not token.text.islower():
            continue
        start, first = token.i, sents[token.i].start
        while start > first and capitalised(words[start - 1]) and words[start - 1].dep_ == "compound":
            start -= 1
        run = Span(doc, start, token.i)  # doc[start : token.i], without its slice checks
        if len(run) >= 2 and not run[0].is_sent_start and not all(t.i in ctx.table.token_actor for t in run):
            kind = ActorKind.ORGANIZATION
            ctx.table.add(actor_id(kind, span_text(run)), span_text(run), kind, None, None, run)
            for word in run:
                ctx.table.token_actor[word.i] = actor_id(kind, span_text(run))


def unlabelled_names(ctx: Resolution) -> None:
    """``unlabelled_names``: "with Mikel Oyarzabal scoring twice": a person the NER did not label."""
    doc, sectors = ctx.doc, SectorNouns.load(ctx.gaz)
    words, sents = tokens(doc), sentences(doc)
    for token in words:
        if token.dep_ not in SUBJECTS or not capitalised(token) or token.ent_type_:
            continue
        start, first = token.i, sents[token.i].start
        while start > first and capitalised(words[start - 1]) and words[start - 1].dep_ == "compound":
            start -= 1
        run = Span(doc, start, token.i + 1)
        lowered = {t.lower_ for t in run}
        if (
            not 2 <= len(run) <= 3
            or run[0].is_sent_start
            or any(t.ent_type_ for t in run)
            or lowered & ctx.words.office_words
            or lowered & ORG_HEADS
            or lowered & sectors.heads
            or title_case_line(sents[token.i], ctx.title_case)
            or not free(ctx, run)
        ):
            continue
        person(ctx, run)


def organisation_units(ctx: Resolution) -> None:
    """``organisation_units``: "the UN verification mission" is a body PART_OF the UN; so is a known
    body the text names so ("the UN refugee agency": UNHCR)."""
    doc, table = ctx.doc, ctx.table
    for actor in list(table.actors.values()):
        for mention in actor.mentions:
            words = mention.text.split()
            if actor.kind != ActorKind.ORGANIZATION or len(words) < 2 or words[-1].lower() not in UNITS:
                continue
            parent = ctx.gaz.lookup(words[0])
            if parent is not None and parent.kind == ActorKind.ORGANIZATION and parent.id != actor.id:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    ctx.ensure(parent.id)
                    table.relate("PART_OF", actor.id, parent.id, span)
    words, sents = tokens(doc), sentences(doc)
    for token in (words[i] for i in ctx.index.at(UNITS)):
        if token.pos_ != "NOUN" or token.i in table.token_actor:
            continue
        start, sent_start = token.i, sents[token.i].start
        while start > sent_start and words[start - 1].dep_ == "compound" and words[start - 1].is_lower:
            start -= 1
        owner_token = words[start - 1] if start > sent_start else None
        owner = table.of(owner_token) if owner_token is not None else None
        actor = table.actors.get(owner) if owner else None
        if actor is None or actor.kind != ActorKind.ORGANIZATION or owner_token.dep_ != "compound":
            continue
        first = owner_token.i
        while first > sent_start and table.of(words[first - 1]) == owner:
            first -= 1
        mention = doc[first : token.i + 1]
        name = doc[owner_token.i : token.i + 1].text  # "UN verification mission", without "The"
        ident = actor_id(ActorKind.ORGANIZATION, name)
        table.add(ident, name, ActorKind.ORGANIZATION, actor.country, None, None)
        table.mark(mention, ident)
        for word in mention:
            table.token_actor[word.i] = ident
        table.relate("PART_OF", ident, owner, mention)


def party_names(ctx: Resolution) -> None:
    """``party_names``: "the ruling Georgian Dream party", then "Georgian Dream" again."""
    doc = ctx.doc
    words, sents = tokens(doc), sentences(doc)
    for token in (words[i] for i in ctx.index.at(PARTIES)):
        if not token.is_lower or token.pos_ != "NOUN":
            continue
        start, sent_start = token.i, sents[token.i].start
        while start > sent_start and words[start - 1].dep_ == "compound" and words[start - 1].is_title:
            start -= 1
        run = doc[start : token.i]
        states = [ctx.gaz.state_of_adjective(t.text) or state_name(ctx, t) for t in run]
        headline = title_case_line(sents[token.i], ctx.title_case) if run else False
        if not run or all(states) or not free_words(ctx, run) or headline:
            continue
        if known_name(ctx, run) or known_name(ctx, doc[start : token.i + 1]):
            continue  # "the Houthi movement": the gazetteer's
        kind = ActorKind.ORGANIZATION
        ident = actor_id(kind, span_text(run))
        ctx.table.add(ident, span_text(run), kind, states[0], None, doc[start : token.i + 1])
        names, size = [t.text for t in run], len(run)
        for i in range(len(doc) - size + 1):  # the same words again: the same party
            if [t.text for t in words[i : i + size]] == names and not any(
                j in ctx.table.token_actor for j in range(i, i + size)
            ):
                ctx.table.mark(doc[i : i + size], ident)


def known_name(ctx: Resolution, span: Span) -> bool:
    """The gazetteer knows the span, or the entity ruler marked a word of it as something not a state."""
    entry = ctx.gaz.lookup(span_text(span))
    if entry is not None and entry.kind != ActorKind.STATE:
        return True
    return any(t.ent_id_ and (e := ctx.gaz.get(t.ent_id_)) and e.kind != ActorKind.STATE for t in span)


def state_name(ctx: Resolution, token: Token) -> str | None:
    entry = ctx.gaz.lookup(token.text)
    return entry.id if entry is not None and entry.kind == ActorKind.STATE else None


def free_words(ctx: Resolution, run: Span) -> bool:
    """No word of the run is an actor's yet, blocked, or an office word ("Prime Minister")."""
    return not any(
        t.i in ctx.table.token_actor or t.i in ctx.blocked or t.lower_ in ctx.words.office_words for t in run
    )


def possessive_parents(ctx: Resolution) -> None:
    """``possessive_parents``: "the African Union's Peace and Security Council" is the AU's."""
    doc, table = ctx.doc, ctx.table
    for actor in list(table.actors.values()):
        if actor.kind != ActorKind.ORGANIZATION or not actor.mentions:
            continue
        first = doc.char_span(actor.mentions[0].start, actor.mentions[0].end, alignment_mode="expand")
        if first is None or first.start < 2 or doc[first.start - 1].lower_ not in {"'s", "\u2019s"}:
            continue
        parent = table.actors.get(table.of(doc[first.start - 2]) or "")
        if parent is None or parent.kind != ActorKind.ORGANIZATION or parent.id == actor.id:
            continue
        table.relate("PART_OF", actor.id, parent.id, first)
        alias = f"{parent.name} {actor.name}"
        if alias not in actor.aliases:
            actor.aliases.append(alias)

"""When a word the lexicon knows names no act of its own here: named rules, tried before coding.

A rule is a plain function ``(token, ctx) -> bool``; the first of ``NOT_AN_ACT_RULES`` that says
True stops the word from coding an event. They read the syntax and the word lists of
``frames.tsv``, never a sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.extract.events.arguments import noun_agent
from newsgraph.extract.events.context import DocContext
from newsgraph.extract.events.senses import choose_sense, codes_an_event, reacts, trigger_pos
from newsgraph.extract.events.tree import children, sentence, subtree, token_at
from newsgraph.extract.record import Event

ScopeRule = Callable[[Token, DocContext], bool]
COMPLEMENTS = frozenset({"xcomp", "ccomp"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def clause_head(token: Token) -> Token:
    """The first of a coordination of verbs ("to exercise restraint and resolve ..." -> exercise); a
    finite conjunct or one with a subject of its own is a clause of its own ("... and urged")."""
    while (
        token.dep_ == "conj"
        and token.head.pos_ in {"VERB", "AUX"}
        and token.tag_ not in FINITE
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children(token))
    ):
        token = token.head
    return token


def prepositional_participle(token: Token, ctx: DocContext) -> bool:
    """ "according to Reuters", "following the deal": a participle used as a preposition."""
    return token.pos_ == "VERB" and token.dep_ in {"prep", "case", "mark"}


def asked_for_act(token: Token, ctx: DocContext) -> bool:
    """ "urged Iran to stop", "demanded that the US cancel", "called for the president to be freed",
    "an ultimatum to Ecuador to halt attacks": the act an appeal or a demand asks for is its
    content, not an act of its own (frames.tsv ``appeal``)."""
    if token.pos_ != "VERB":
        return False
    head = clause_head(token)
    appeal = ctx.frames["appeal"]
    # "reiterated its demand that Israel ease ...": the clause may hang from the verb of the demand
    asker = head.head.lemma_.lower() in appeal or any(
        c.dep_ == "dobj" and c.lemma_.lower() in appeal for c in children(head.head)
    )
    if head.dep_ in COMPLEMENTS or head.dep_ == "acl" and head.head.pos_ == "NOUN":
        return asker
    # "called for the envoy to be released"; "demanding a UN presence to protect them": the purpose of
    # what is asked for is asked for too
    return (
        asker
        and head.dep_ == "advcl"
        and (any(m.lower_ == "for" for m in children(head) if m.dep_ == "mark") or is_purpose(head))
    )


def asked_for_thing(token: Token, ctx: DocContext) -> bool:
    """ "appealed for 45 million dollars in emergency funding", "called for aid", "demanding a UN
    presence", "demanded that the US match the EU's support": what an appeal asks for is not given
    (frames.tsv ``appeal``; the prepositions ``for`` and ``in`` of the appeal verb, its object when its
    sense is an appeal or a demand, or the object of the act it asks for)."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if token.dep_ == "dobj":  # "demanding a UN military presence": what the demand asks for
        verb = token.head
        if asked_for_act(verb, ctx):  # "demanded that the US match the EU's support": the asked act's object
            return True
        sense = choose_sense(verb, "VERB", ctx) if verb.lemma_.lower() in ctx.frames["appeal"] else None
        return sense is not None and sense.cameo[:2] in {"02", "10"}
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in {"for", "in"}:
        return False
    return prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in ctx.frames["appeal"]


def described_state(token: Token, ctx: DocContext) -> bool:
    """ "fighters armed with grenades", "masked gunmen": a participle that describes how somebody is
    equipped, not an act anybody did to them (frames.tsv ``state_participle``)."""
    return (
        token.tag_ == "VBN"
        and token.dep_ in {"acl", "relcl", "amod"}
        and token.lemma_.lower() in ctx.frames["state_participle"]
    )


def proposal_acted_on(token: Token, ctx: DocContext) -> bool:
    """ "until their political demands are met", "the offer was rejected": a proposal that is the
    passive subject of another verb is what that verb acts on, not a new proposal (frames.tsv
    ``proposal``; not after a light verb: "the offer was made by Japan")."""
    verb = token.head
    return (
        token.dep_ == "nsubjpass"
        and token.lemma_.lower() in ctx.frames["proposal"]
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in ctx.frames["light"]
    )


def sent_on_mission(token: Token, ctx: DocContext) -> bool:
    """ "sent 21 personnel to Bosnia to investigate", "dispatched a team to negotiate": sending people
    to investigate or to talk is the means of that act, which codes the event (frames.tsv
    ``dispatch``; cameo.tsv policy ``mission`` of the purpose's family)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ctx.frames["dispatch"]:
        return False
    for clause in (c for c in children(token) if c.pos_ == "VERB" and is_purpose(c)):
        sense = choose_sense(clause, "VERB", ctx) if codes_an_event(clause, ctx) else None
        if sense is not None and ctx.ontology.has_policy(sense.cameo, "mission"):
            return True
    return False


def background_act(token: Token, ctx: DocContext) -> bool:
    """ "declared a ceasefire after 12 days of battles with Amal", "during the fight against Serb
    forces": an event noun with no doer of its own in a phrase of time is the background of the act
    reported, not an act the sentence reports (frames.tsv ``time_prep``)."""
    prep = token.head
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ != "pobj":
        return False
    stretch = False  # "after a week of Palestinian unrest": a stretch of time of it, whoever did it
    if prep.lower_ == "of" and prep.head.dep_ == "pobj":  # "after 12 days of battles"
        stretch = prep.head.lemma_.lower() in ctx.frames["time_unit"]
        prep = prep.head.head
    return prep.lower_ in ctx.frames["time_prep"] and (stretch or not noun_agent(token, ctx))


def background_clause(token: Token, ctx: DocContext) -> bool:
    """ "The decision came a day after Poland expelled three diplomats": an act told in a clause of time
    (frames.tsv ``time_prep``) is the background of its sentence; a later sentence's reaction answers
    its foreground first (events/links.py, targets.retaliated_party). Not a scope rule: the act is coded."""
    return token.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ctx.frames["time_prep"] for m in children(token)
    )


def foreground(before: list[tuple[int, Event]], trigger: Token, ctx: DocContext) -> list[tuple[int, Event]]:
    """The earlier acts without those told as the background of another sentence ("The decision came
    a day after Poland expelled three diplomats": background_clause)."""
    return [
        (i, e)
        for i, e in before
        if not (
            background_clause(token_at(ctx.doc, i), ctx)
            and sentence(token_at(ctx.doc, i)).start != sentence(trigger).start
        )
    ]


REASON_ROOTS = frozenset({"05", "11", "12", "16", "17"})  # praise, criticism, rejection, sanctions, coercion


def reason_of_act(token: Token, ctx: DocContext) -> bool:
    """ "thanked Rwanda for its support", "imposed sanctions on the Taliban for its support of bin
    Laden": an event noun in the reason phrase of praise, criticism or a sanction is why the act is
    done, not an act the sentence reports (frames.tsv ``reason_prep``)."""
    prep = token.head
    if (
        token.pos_ not in {"NOUN", "PROPN"}
        or token.dep_ != "pobj"
        or prep.lower_ not in ctx.frames["reason_prep"]
    ):
        return False
    verb = prep.head
    if verb.pos_ != "VERB" or not codes_an_event(verb, ctx):
        return False
    sense = choose_sense(verb, "VERB", ctx)
    return sense is not None and sense.cameo[:2] in REASON_ROOTS


PROTEST_ROOT = "14"


def protested_act(token: Token, ctx: DocContext) -> bool:
    """ "demonstrations against the alleged violations by the military", "marched against the war":
    what a protest is held against is why it is held, not an act the sentence reports."""
    prep = token.head
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ != "pobj" or prep.lower_ != "against":
        return False
    head = prep.head
    pos = trigger_pos(head)
    if (head.lemma_.lower(), pos) not in ctx.data.lemmas:
        return False
    sense = choose_sense(head, pos, ctx)
    return sense is not None and sense.cameo[:2] == PROTEST_ROOT


def armed_arrival(token: Token, ctx: DocContext) -> bool:
    """ "Bangladeshi peacekeeping troops arrived in Sierra Leone": troops or forces arriving are being
    deployed, not visiting (a visit verb of frames.tsv ``arrival``, a subject phrase with an
    ``armed_noun``); "Orban arrived in Tbilisi" is a visit."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ctx.frames["arrival"]:
        return False
    armed = ctx.frames["armed_noun"]
    return any(
        t.lemma_.lower() in armed or t.lower_ in armed
        for s in children(token)
        if s.dep_ in {"nsubj", "nsubjpass"}
        for t in subtree(s)
    )


def refused_act(token: Token, ctx: DocContext) -> bool:
    """ "refused to deploy peacekeepers", "rejected calls to adopt": the refusal is the act (12x),
    not what it refuses (frames.tsv ``negator`` verbs that code an event themselves)."""
    head = clause_head(token)
    if token.pos_ != "VERB" or head.dep_ != "xcomp":
        return False
    verb = head.head
    return verb.lemma_.lower() in ctx.frames["refusal"] and codes_an_event(verb, ctx)


def permitted_act(token: Token, ctx: DocContext) -> bool:
    """ "allowed the opposition leader to hold a rally", "permitted the refugees to return": the
    permission is the act (08x yielding), what it permits has not happened (frames.tsv ``permission``
    verbs that code an event themselves)."""
    word = token.head if token.dep_ == "dobj" and token.pos_ in {"NOUN", "PROPN"} else token  # "hold a rally"
    head = clause_head(word)
    if word.pos_ != "VERB" or head.dep_ not in COMPLEMENTS:
        return False
    verb = head.head
    return verb.lemma_.lower() in ctx.frames["permission"] and codes_an_event(verb, ctx)


def obliged_act(token: Token, ctx: DocContext) -> bool:
    """ "the minister said Libya must hand over the suspects": what a speaker says another side must
    do is a demand (labelling.obligation_frame), not an act (frames.tsv ``obligation``); also what
    the obliged act governs ("must be ready to mediate", "must ensure security to allow")."""
    head = complement_clause(token)
    if head is None or head.head.lemma_.lower() not in ctx.frames["speech"]:
        return False
    return any(c.dep_ == "aux" and c.lower_ in ctx.frames["obligation"] for c in children(head))


def agreed_act(token: Token, ctx: DocContext) -> bool:
    """ "agreed that their countries should cooperate to encourage refugees to return": what sides
    agree should or will be done is the agreement's content (the agreement codes it), not an act
    (frames.tsv ``agreement``: a clause with a modal)."""
    head = complement_clause(token)
    if head is None or head.head.lemma_.lower() not in ctx.frames["agreement"]:
        return False
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in children(head))


def complement_clause(token: Token) -> Token | None:
    """The clausal complement (ccomp) a verb belongs to, through what that clause governs ("must be
    ready to mediate", "should cooperate to encourage"); None when it is in none."""
    if token.pos_ != "VERB":
        return None
    head = clause_head(token)
    for _ in range(4):
        if head.dep_ == "ccomp":
            return head
        if head.dep_ != "xcomp" and not is_purpose(head):
            return None
        above = head.head.head if head.head.dep_ == "acomp" else head.head  # "be ready to"
        head = clause_head(above)
    return None


def is_purpose(clause: Token) -> bool:
    """An infinitive clause of purpose: "ensure security to allow supplies"."""
    return clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(clause))


def proposed_act(token: Token, ctx: DocContext) -> bool:
    """ "rejected a US offer to host a summit", "condemned the plan to annex the valley": what a
    proposal another act reacts to proposes is its content, not an act anybody did (frames.tsv
    ``proposal``; the reacting verb's cameo.tsv policy ``reaction``)."""
    if token.pos_ != "VERB":
        return False
    head = clause_head(token)
    noun = head.head
    if head.dep_ != "acl" or noun.lemma_.lower() not in ctx.frames["proposal"]:
        return False
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in {"dobj", "nsubjpass", "pobj"} or verb.pos_ != "VERB" or not codes_an_event(verb, ctx):
        return False
    sense = choose_sense(verb, "VERB", ctx)
    return sense is not None and reacts(sense.cameo, verb.lemma_.lower(), ctx)


def pledge_acted_on(token: Token, ctx: DocContext) -> bool:
    """ "reneged on his commitment", "violated its pledge": a noun of pledging (frames.tsv
    ``pledge_noun``) that is the object of a verb coding an act of its own, or of that verb's
    preposition, is the earlier pledge the act is about, not a new one."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.lemma_.lower() not in ctx.frames["pledge_noun"]:
        return False
    if token.dep_ == "dobj":
        verb = token.head
    elif token.dep_ == "pobj" and token.head.dep_ == "prep":
        verb = token.head.head
    else:
        return False
    light = verb.lemma_.lower() in ctx.frames["light"]  # "made a commitment": the pledge itself
    return verb.pos_ == "VERB" and not light and codes_an_event(verb, ctx)


def nested_reference(token: Token, ctx: DocContext) -> bool:
    """ "a blackout on the withdrawal", "protests against the violations": an event noun with no doer
    of its own, in a phrase of another noun, names what that one is about, not an act the sentence
    reports (it would borrow the wrong doer). "a wave of arrests", "30 million euros in aid" (frames.tsv
    ``content_prep``) and "retaliation for Iran's attack" (a doer of its own) are acts."""
    head = token.head
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ != "pobj" or head.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    content = ctx.frames["content_prep"].get(head.lower_, "missing")
    if content is None or content == "amount" and any(c.dep_ == "nummod" for c in children(head.head)):
        return False  # "a wave of arrests"; "30 million euros in aid" (not "his part in atrocities")
    return not noun_agent(token, ctx)


def response_by_means(token: Token, ctx: DocContext) -> bool:
    """ "Beijing retaliated with an export ban", "responded with sanctions": the means named is the
    act (the noun takes the verb's source: sources.response_means), the verb of response is none."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ctx.frames["response"]:
        return False
    means = [
        p for c in children(token) if c.dep_ == "prep" and c.lower_ in {"with", "by"} for p in children(c)
    ]
    return any((p.lemma_.lower(), "NOUN") in ctx.data.lemmas for p in means if p.dep_ == "pobj")


def protest_content(token: Token, ctx: DocContext) -> bool:
    """ "demonstrated calling for independence", "staged demonstrations to demand reforms", "blocked a
    road to show their disapproval": what a protest asks for or voices, in its purpose or participle
    clause, is the protest's content (CAMEO codes it in the 14x act), not a demand or criticism of its
    own (cameo.tsv policy ``voiced``)."""
    verb = token.head if token.dep_ == "dobj" and token.pos_ in {"NOUN", "PROPN"} else token
    if verb.pos_ != "VERB":
        return False
    clause = clause_head(verb)
    if clause.dep_ != "advcl" or not (is_purpose(clause) or clause.tag_ == "VBG"):
        return False
    if not is_protest(clause.head, ctx):
        return False
    sense = choose_sense(token, trigger_pos(token), ctx)
    return sense is not None and ctx.ontology.has_policy(sense.cameo, "voiced")


def is_protest(verb: Token, ctx: DocContext) -> bool:
    """Does a verb code a protest (14x), itself or by its object ("staged demonstrations")?"""
    for word in (verb, *(c for c in children(verb) if c.dep_ == "dobj")):
        pos = trigger_pos(word)
        if (word.lemma_.lower(), pos) in ctx.data.lemmas:
            sense = choose_sense(word, pos, ctx)
            if sense is not None and sense.cameo[:2] == "14":
                return True
    return False


def kind_of_agent(token: Token, ctx: DocContext) -> bool:
    """ "Kenyan riot police", "aid workers", "protest leaders": an event noun that modifies a noun
    naming an actor says what kind of actor it is; it names no act."""
    head = token.head
    return (
        token.dep_ == "compound"
        and head.i != token.i
        and head.pos_ in {"NOUN", "PROPN"}
        and ctx.table.of(head) is not None
    )


NOT_AN_ACT_RULES: tuple[ScopeRule, ...] = (
    prepositional_participle,
    kind_of_agent,
    asked_for_act,
    asked_for_thing,
    described_state,
    proposal_acted_on,
    sent_on_mission,
    background_act,
    reason_of_act,
    protested_act,
    armed_arrival,
    refused_act,
    permitted_act,
    obliged_act,
    agreed_act,
    proposed_act,
    pledge_acted_on,
    nested_reference,
    response_by_means,
    protest_content,
)


# The rules whose first test asks for a verb, or for a noun (NOUN or PROPN), of the word itself: a
# word of another part of speech is not put to them (the coder asks every rule of every trigger).
VERB_RULES = frozenset(
    {
        prepositional_participle,
        asked_for_act,
        sent_on_mission,
        armed_arrival,
        refused_act,
        obliged_act,
        agreed_act,
        proposed_act,
        response_by_means,
    }
)
NOUN_RULES = frozenset(
    {asked_for_thing, background_act, reason_of_act, protested_act, pledge_acted_on, nested_reference}
)
VERB_OR_NOUN_RULES = frozenset({permitted_act, protest_content})  # a verb, or a noun object of one
RULES_BY_POS: dict[str, tuple[ScopeRule, ...]] = {
    "VERB": tuple(r for r in NOT_AN_ACT_RULES if r not in NOUN_RULES),
    "NOUN": tuple(r for r in NOT_AN_ACT_RULES if r not in VERB_RULES),
    "": tuple(r for r in NOT_AN_ACT_RULES if r not in VERB_RULES | NOUN_RULES | VERB_OR_NOUN_RULES),
}


def not_an_act(token: Token, ctx: DocContext) -> bool:
    """Does one of ``NOT_AN_ACT_RULES`` say this word names no act of its own here?"""
    pos = token.pos_
    group = pos if pos == "VERB" else "NOUN" if pos in {"NOUN", "PROPN"} else ""
    return any(rule(token, ctx) for rule in RULES_BY_POS[group])

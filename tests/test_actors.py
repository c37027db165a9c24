"""The actors stage: KB resolution, role phrases, countries and in-document coreference, on a real spaCy pipeline."""
from __future__ import annotations

import pycountry
import pytest

from dateline.actors import Actors, load_kb
from dateline.annotate import Annotate
from dateline.errors import PipelineError
from dateline.models import Article, Document, Published
from dateline.settings import load_settings

NON_ISO_CODES = {"XKX", "UNO", "NATO", "EU", "AU", "IAEA", "WHO", "IMF", "WBK", "WTO", "OPCW", "COE", "OSCE", "ECOWAS", "SADC",
                 "IGAD", "ARL", "GCC", "OIC", "OPEC", "ASEAN", "APEC", "SCO", "BRICS", "G7", "G8", "G20", "OAS", "MERCOSUR",
                 "CARICOM", "CSTO", "CIS", "COMMONWEALTH", "INTERPOL", "ICC", "NGO", "IMG", "EAC", "OECD", "ADB", "AFDB", "EBRD"}
SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "JRN", "EDU", "BUS", "CRM", "CVL", "REF", "HLH", "NGO",
           "IGO", "LAB", "AGR", "REL", "ELI", "ENV", "UAF", "LEG"}


@pytest.fixture(scope="module")
def settings():
    return load_settings()


@pytest.fixture(scope="module")
def run(settings):
    annotate, actors = Annotate(settings), Actors(settings)

    def _run(text: str, date: str | None = "2023-09-15") -> Document:
        doc = Document(article=Article(text=text, published=Published(value=date, precision="day" if date else "none", source="caller")))
        return actors(annotate(doc))

    return _run


def by_id(doc: Document) -> dict:
    return {a.id: a for a in doc.actors}


def test_kb_codes_and_sectors_are_valid():
    kb = load_kb()
    iso = {c.alpha_3 for c in pycountry.countries}
    for entry in kb.entries.values():
        assert entry.country in iso | NON_ISO_CODES, entry.id
        assert entry.sector in SECTORS, entry.id
    for alias, targets in kb.aliases.items():
        for typ, ref in targets:
            if typ in ("name", "demonym", "capital"):
                assert ref in iso | NON_ISO_CODES, alias
    assert {r.sector for r in kb.roles.values()} <= SECTORS | {"-"}


def test_kb_covers_every_iso_country():
    kb = load_kb()
    assert {c.alpha_3 for c in pycountry.countries} <= set(kb.country_names)


@pytest.mark.parametrize(
    "text, actor_id, country, sector",
    [
        ("North Korean leader Kim Jong Un arrived in Russia on Tuesday.", "person:kim_jong_un", "PRK", "GOV"),
        ("Russian President Vladimir Putin met him at a spaceport.", "person:vladimir_putin", "RUS", "GOV"),
        ("Foreign Minister Sergei Lavrov will travel to Pyongyang.", "person:sergei_lavrov", "RUS", "GOV"),
        ("The talks were confirmed by Kremlin spokesman Dmitry Peskov.", "person:dmitry_peskov", "RUS", "GOV"),
        ("US National Security Advisor Jake Sullivan spoke to reporters.", "person:jake_sullivan", "USA", "GOV"),
        ("The White House said the deal would violate sanctions.", "org:white_house", "USA", "GOV"),
        ("The Kremlin denied the report.", "org:kremlin", "RUS", "GOV"),
        ("The Pentagon announced new aid.", "org:pentagon", "USA", "MIL"),
        ("Exports would violate UN Security Council resolutions.", "org:unsc", "UNO", "IGO"),
        ("NATO condemned the launch.", "org:nato", "NATO", "IGO"),
        ("According to the TASS news agency, the plant makes jets.", "org:tass", "RUS", "MED"),
        ("The ceremony was reported by the Interfax agency.", "org:interfax", "RUS", "MED"),
        ("Russia and North Korea are facing sanctions.", "country:RUS", "RUS", None),
        ("Russia and North Korea are facing sanctions.", "country:PRK", "PRK", None),
        ("The United States and Jordan have agreed upon a new free-trade pact.", "country:JOR", "JOR", None),
        ("Britain protested.", "country:GBR", "GBR", None),
        ("Pyongyang is seeking Moscow's assistance.", "group:RUS:GOV", "RUS", "GOV"),
        ("U.S. officials have expressed concerns.", "group:USA:GOV", "USA", "GOV"),
        ("Top Russian military officials joined the talks.", "group:RUS:MIL", "RUS", "MIL"),
        ("Iraqi troops fired on the crowd.", "group:IRQ:MIL", "IRQ", "MIL"),
        ("Rebels attacked a convoy near the border.", "group:-:REB", None, "REB"),
        ("Police arrested dozens of protesters.", "group:-:COP", None, "COP"),
        ("Kurdish rebels ambushed Turkish soldiers.", "group:TUR:MIL", "TUR", "MIL"),
        ("The IAEA inspectors left Iran.", "org:iaea", "IAEA", "IGO"),
        ("Opposition groups in Zimbabwe called a strike.", "group:ZWE:OPP", "ZWE", "OPP"),
        ("Refugees from Liberia crossed the border.", "group:LBR:REF", "LBR", "REF"),
        ("US employers are complaining about the new visa rules.", "group:USA:BUS", "USA", "BUS"),  # a country's employers, not the US
        ("Rebels in Darfur attacked.", "group:-:REB", None, "REB"),
        ("President Bush has threatened further action.", "person:george_w_bush", "USA", "GOV"),
        ("Sri Lanka opened an embassy in Tehran.", "country:IRN", "IRN", None),
        ("Serbian Labour Minister Dragan Petrovic resigned.", "person:dragan_petrovic", "SRB", "GOV"),
        # a full name with commas in it is one body, not the UN and a "Cultural Organization"
        ("The move drew criticism from United Nations Educational, Scientific and Cultural Organization.", "org:unesco", "UNO", "IGO"),
    ],
)
def test_resolves_actor(run, text, actor_id, country, sector):
    actors = by_id(run(text))
    assert actor_id in actors, sorted(actors)
    assert (actors[actor_id].country, actors[actor_id].sector) == (country, sector)


@pytest.mark.parametrize(
    "text",
    [
        "Russia and North Korea are facing sanctions.",
        "North Korean leader Kim Jong Un met Russian President Vladimir Putin, the Kremlin said.",
        "U.S. officials and Kim's aides met in Hanoi.",
    ],
)
def test_mentions_have_exact_offsets(run, text):
    doc = run(text)
    assert doc.actors
    for actor in doc.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text


def test_surname_links_to_full_name(run):
    doc = run("Kim Jong Un toured the plant. Later, Kim's train left, and Kim waved.")
    actors = by_id(doc)
    assert [m.text for m in actors["person:kim_jong_un"].mentions] == ["Kim Jong Un", "Kim", "Kim"]
    assert not [a for a in doc.actors if a.id.startswith("person:") and a.id != "person:kim_jong_un"]


def test_unknown_surname_links_to_unknown_full_name(run):
    doc = run("Opposition leader Ivan Petrovsky was detained. Petrovsky's lawyer said he would appeal.")
    people = [a for a in doc.actors if a.kind == "person"]
    assert len(people) == 1
    assert [m.text for m in people[0].mentions] == ["Ivan Petrovsky", "Petrovsky"]


def test_role_phrase_links_to_person(run):
    doc = run("Putin gave Kim Jong Un a rifle. Putin also gifted the North Korean leader a glove.")
    kim = by_id(doc)["person:kim_jong_un"]
    assert "North Korean leader" in [m.text for m in kim.mentions]


@pytest.mark.parametrize(
    "text, name, country, sector",
    [
        ("Ukrainian Defence Minister Oleksandr Vasylenko visited the front.", "Oleksandr Vasylenko", "UKR", "MIL"),
        ("Nigerian rebel commander Musa Danjuma surrendered.", "Musa Danjuma", "NGA", "REB"),
        ("The statement came from Maria Lopez, the Mexican foreign minister.", "Maria Lopez", "MEX", "GOV"),
        # a journalist is JRN (journalists), the outlet MED (media), as plover.json and the gold have them
        ("Brazilian reporter Carla Mendes confirmed the story.", "Carla Mendes", "BRA", "JRN"),
    ],
)
def test_unknown_person_takes_country_and_sector_from_title(run, text, name, country, sector):
    people = {a.name: a for a in run(text).actors if a.kind == "person"}
    assert name in people, people
    assert (people[name].country, people[name].sector) == (country, sector)


@pytest.mark.parametrize("text,absent", [
    ("The governors of Utah, Colorado and New Mexico backed the move.", "country:MEX"),
    ("Fires burned across New South Wales on Monday.", "country:GBR"),
])
def test_a_country_word_in_a_new_places_name_is_not_that_country(run, text, absent):
    assert absent not in by_id(run(text))


def test_a_sentence_opening_word_before_a_role_is_no_person(run):
    assert not [a for a in run("Riot police deployed in Lagos on Tuesday.").actors if a.kind == "person"]
    assert [a.name for a in run("The Bush administration rejected the proposals.").actors if a.kind == "person"] == ["Bush"]


def test_a_country_word_alone_is_still_the_country(run):
    assert "country:MEX" in by_id(run("Mexico backed the move on Monday."))


def test_capital_as_location_is_not_an_actor(run):
    doc = run("The delegation arrived in Moscow on Monday.")
    assert "group:RUS:GOV" not in by_id(doc)


@pytest.mark.parametrize(
    "date, office",
    [
        ("2023-09-15", "National Security Advisor"),
        ("2019-06-01", None),
        (None, "National Security Advisor"),
    ],
)
def test_office_is_the_one_held_on_the_article_date(run, date, office):
    actors = by_id(run("Jake Sullivan spoke on Monday.", date=date))
    assert actors["person:jake_sullivan"].office == office


def test_document_without_actors(run):
    assert run("The weather was mild and the harvest was good this year.").actors == []


def test_missing_parse_is_a_pipeline_error(settings):
    doc = Document(article=Article(text="Putin spoke."))
    with pytest.raises(PipelineError):
        Actors(settings)(doc)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("The community has tennis courts and a pool.", "group:-:JUD"),
        ("Moscow said it would respond.", None),
        ("The suburb of Vienna has a new mall.", "group:AUT:GOV"),
        ("The fighter jet plant makes aircraft.", "group:-:REB"),
    ],
)
def test_no_actor_from_vague_or_locative_words(run, text, absent):
    actors = by_id(run(text))
    if absent is None:
        assert actors["group:RUS:GOV"].sector == "GOV"
    else:
        assert absent not in actors, sorted(actors)


@pytest.mark.parametrize(
    "entry_id, date, office",
    [
        ("person:levy_mwanawasa", "2005-03-01", "President of Zambia"),
        ("person:levy_mwanawasa", "2008", "President of Zambia"),  # a year-only end covers dates in that year
        ("person:levy_mwanawasa", "2010-01-01", None),
        ("person:ronald_reagan", "1985-06-01", "President of the United States"),
    ],
)
def test_office_on_compares_at_the_shorter_precision(entry_id, date, office):
    assert load_kb().entries[entry_id].office_on(date) == office


def test_kb_has_heads_of_state_of_every_un_region():
    kb = load_kb()
    people = [e for e in kb.entries.values() if e.kind == "person"]
    assert len(people) > 1500
    heads = {e.country for e in people if any(t.startswith(("President of", "Prime Minister of", "King of")) for t, _, _ in e.offices)}
    assert {"ZMB", "KGZ", "BOL", "FJI", "MNG", "TCD", "LVA"} <= heads


@pytest.mark.parametrize(
    "text, date, actor_id",
    [
        ("President Bush met the press.", "1990-05-02", "person:george_h_w_bush"),
        ("President Bush met the press.", "2005-05-02", "person:george_w_bush"),
        ("Prime Minister Koizumi visited the shrine.", None, "person:junichiro_koizumi"),
    ],
)
def test_title_and_surname_pick_the_office_holder_on_the_date(run, text, date, actor_id):
    assert actor_id in by_id(run(text, date))


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("President Tandeka Mwaliro of Zambia opened the session.", "Tandeka Mwaliro", "ZMB"),
        ("Zambia's president Tandeka Mwaliro opened the session.", "Tandeka Mwaliro", "ZMB"),
        ("President Tandeka Mwaliro arrived on Monday. The Zambian leader opened the session.", "Tandeka Mwaliro", "ZMB"),
        ("President Tandeka Mwaliro said Zambia would repay its debts.", "Tandeka Mwaliro", "ZMB"),
        ("Judge Ana Kessler opened an inquiry into 28 Chilean customs officials.", "Ana Kessler", "CHL"),
        ("Kenya's parliament met on Monday.\nMinister Ravi Okonjo spoke after the vote. Ghana will cut fuel taxes, he said.", "Ravi Okonjo", "GHA"),
    ],
)
def test_titled_person_takes_the_country_the_document_gives(run, text, name, country):
    people = {a.name: a for a in run(text).actors if a.kind == "person"}
    assert name in people, people
    assert people[name].country == country


@pytest.mark.parametrize(
    "text, name",
    [
        ("Minister Ravi Okonjo said talks with Kenya and Uganda were going well.", "Ravi Okonjo"),  # two countries: no guess
        ("President Anton Varga welcomed South African leader Jacob Zuma.", "Anton Varga"),  # another person's title
        ("Anton Varga said Zambia would repay its debts.", "Anton Varga"),  # no title: not read from context
        # the only country is the words of another office, not the senator's
        ("The senator has held talks with several foreign leaders, among them the Chancellor of Austria.", "senator"),
    ],
)
def test_context_gives_no_country_when_ambiguous(run, text, name):
    people = {a.name: a for a in run(text).actors if a.kind == "person"}
    assert name in people, people
    assert people[name].country is None


def test_context_never_overrides_the_kb(run):
    doc = run("President Vladimir Putin said Zambia would repay its debts.")
    assert by_id(doc)["person:vladimir_putin"].country == "RUS"


@pytest.mark.parametrize("text", [
    "Prosecutors in Ohio charged Mohammed Munir with fraud on Monday.",  # a longer name: someone else
    "Munir said on Monday that the army would respond to any attack.",  # a bare surname the article never ties to anyone
])
def test_kb_person_needs_a_full_name_or_a_tie(run, text):
    assert "person:asim_munir" not in by_id(run(text, "2024-01-15"))


def test_a_title_and_a_surname_are_not_the_kb_holder_when_the_given_name_differs(run):
    assert "person:daniel_ortega" in by_id(run("President Ortega signed the decree on Monday.", "2020-01-15"))
    assert "person:daniel_ortega" not in by_id(run("President Luis Ortega signed the decree on Monday.", "2020-01-15"))


def test_surname_after_the_full_name_is_the_kb_person(run):
    doc = run("Pakistan's army chief Asim Munir met officials in Beijing on Monday. Munir said ties were strong.", "2024-01-15")
    assert [m.text for m in by_id(doc)["person:asim_munir"].mentions] == ["Asim Munir", "Munir"]


def test_a_people_tagged_as_a_person_is_no_person(run):
    # The parser tags "Bosnian Croats" as a PERSON; its words are country words, so it names a people, not someone.
    doc = run("Bosnian Croats and Serbs met in Sarajevo on Monday.")
    assert not [a for a in doc.actors if a.kind == "person"]
    assert "HRV" in {a.country for a in doc.actors}


@pytest.mark.parametrize("text,actors", [
    # a definite office that names a side is an actor of that sector even when the article never says whose
    ("The opposition leader criticised the budget on Monday.", [("opposition leader", "OPP", None)]),
    ("The foreign minister met the delegation on Monday.", [("foreign minister", "GOV", None)]),
    # a title before a name is the named person's, and a bare generic office ("a leader") is no one
    ("A leader of the club spoke to fans on Monday.", []),
])
def test_a_definite_office_with_no_country_is_an_actor_of_its_sector(run, text, actors):
    doc = run(text)
    assert [(a.name, a.sector, a.country) for a in doc.actors] == actors


def test_a_role_goes_to_the_person_named_in_its_sentence_not_an_earlier_one(run):
    doc = run("NAIROBI, Kenya - Cabinet Secretary Fred Okumu said on Monday the courts were slow. The reporter has also "
              "interviewed John Kerry in his time as US Secretary of State.")
    by_name = {a.name: a for a in doc.actors}
    assert by_name["Fred Okumu"].country != "USA"
    assert "US Secretary" in [m.text for m in by_name["John Kerry"].mentions]


@pytest.mark.parametrize("text,name", [
    ("Republicans in the Senate blocked the bill on Tuesday.", "Republicans"),
    ("Democrats criticized the president for the delay.", "Democrats"),
])
def test_a_party_s_members_are_of_the_party_sector(run, text, name):
    assert {a.name: a.sector for a in run(text).actors}[name] == "PTY"


def test_a_country_inside_an_organisation_s_name_is_no_context_for_a_titled_person(run):
    doc = run("Governor Anna Berg called for calm on Thursday after United States Drug Enforcement Agency officials arrested the island premier.")
    by_name = {a.name: a for a in doc.actors}
    assert by_name["Anna Berg"].country is None  # she may govern anywhere; the agency is American
    assert by_name["United States Drug Enforcement Agency"].country == "USA"


@pytest.mark.parametrize("text,name,country", [
    ("Former Croatian police chief Davor Kralj resigned from the party on Monday.", "Davor Kralj", "HRV"),
    ("Ex-minister Ivo Brandt of Austria spoke at the rally on Monday.", "Ivo Brandt", "AUT"),
])
def test_a_former_office_gives_the_country_but_no_sector(run, text, name, country):
    person = {a.name: a for a in run(text).actors}[name]
    assert (person.country, person.sector) == (country, None)


@pytest.mark.parametrize("text,name", [
    # the entity recogniser misses these names; the capitalised title before them tells they are someone's
    ("Governor Ana Ruiz apologized to the families of the victims on Monday.", "Ana Ruiz"),
    ("Minister Tomas Varga met the delegation in the capital on Monday.", "Tomas Varga"),
])
def test_a_name_after_a_capitalised_title_is_a_person(run, text, name):
    people = {a.name: a for a in run(text).actors if a.kind == "person"}
    assert name in people, people


def test_a_street_or_a_hotel_after_a_title_word_is_no_person(run):
    doc = run("Protesters marched along King Street to the President Hotel on Monday.")
    assert not [a.name for a in doc.actors if a.kind == "person"]


def test_a_name_never_runs_across_a_line_break(run):
    # a scraped page's links: a site's name, then the next headline (twenty-first reading: "Wales Online\n\n- Piers
    # Morgan" had become one actor, and the "It" of a later sentence stood for it)
    doc = run("Snow fell in the hills on Tuesday, the forecast said. Wales Online\n\n- Piers Morgan tells viewers to watch "
              "something else, the presenter said on Tuesday. Wales Online\n\nThe group said the virus spread in halls.")
    assert not [a.name for a in doc.actors if "\n" in a.name or any("\n" in m.text for m in a.mentions)]


def test_a_namesake_the_words_tie_to_another_country_is_not_the_known_person():
    import dateline

    doc = dateline.process("Kenyan farmer Barack Obama was arrested by police in Nairobi on Monday for stealing cattle.",
                           published="2020-01-15")
    obama = next(a for a in doc.actors if a.name == "Barack Obama")
    assert (obama.country, obama.sector) == ("KEN", "AGR")


def test_a_commissioner_is_an_office_and_the_commissioner_points_back():
    import dateline

    doc = dateline.process("Albert Muchanga, the AU trade commissioner, spoke in Niamey on Sunday. "
                           "The commissioner accused Egypt of blocking the trade deal.", published="2020-01-15")
    [muchanga] = [a for a in doc.actors if a.name == "Albert Muchanga"]
    assert muchanga.sector == "GOV" and "commissioner" in [m.text for m in muchanga.mentions]
    assert [(e.type, [a.name for a in e.actors]) for e in doc.events] == [("ACCUSE", ["Albert Muchanga"])]


def test_the_states_fighters_are_soldiers_and_its_allies_militiamen(pipeline_all):
    import dateline

    def sector(text):
        doc = dateline.process(text, pipeline=pipeline_all, published="2020-01-15")
        return [a.sector for e in doc.events for a in e.actors]

    assert sector("During the clashes, Syrian regime fighters killed at least 31 rebels near Aleppo.") == ["MIL"]
    assert sector("Government fighters killed 12 rebels near the town of Kidal.") == ["MIL"]
    assert sector("Pro-government militiamen attacked the village of Tawila.") == ["UAF"]

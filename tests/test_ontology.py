import pytest

from dateline import ontology
from dateline.models import Event, EventActor, Evidence, Span

PLOVER_TYPES = ["AGREE", "ACCUSE", "ASSAULT", "AID", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
                "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"]


def test_plover_has_the_sixteen_types():
    assert sorted(ontology.types()) == sorted(PLOVER_TYPES)


def test_trigger_lexicon_loads_and_orders_longest_first():
    index = ontology.triggers()
    assert index["visit"][0].type == "CONSULT"
    lengths = [len(t.lemmas) for t in index["air"]]
    assert lengths == sorted(lengths, reverse=True)


@pytest.mark.parametrize("etype,mode,cameo,quad", [
    ("CONSULT", "visit", "042", 1),
    ("CONSULT", None, "040", 1),
    ("AID", None, "070", 2),
    ("RETREAT", "ceasefire", "0871", 2),
    ("THREATEN", "violence", "138", 3),
    ("ASSAULT", "aerial", "195", 4),
    ("COERCE", "arrest", "173", 4),
    ("ASSAULT", "no-such-mode", "180", 4),
])
def test_codes_map_type_and_mode_to_cameo_and_quad_class(etype, mode, cameo, quad):
    code, quad_class, intensity = ontology.codes(etype, mode)
    assert (code, quad_class) == (cameo, quad)
    assert -10 <= intensity <= 10


def test_every_type_has_a_default_cameo_row():
    for etype in PLOVER_TYPES:
        assert ontology.codes(etype, None)[0] is not None


def test_mapping_tables_name_only_known_types_and_modes():
    for (etype, mode) in ontology.cameo_table():
        ontology.check_type(etype, mode, "test")
    for scheme, mapping in ontology.scheme_mappings().items():
        for key in (k for k in mapping["labels"] if not k.startswith("_")):
            etype, _, mode = key.partition("/")
            ontology.check_type(etype, mode or None, f"mappings-schemes.json {scheme}")
    assert ontology.acled_table()["rules"]  # loading checks every rule's type, mode and code


def test_check_type_rejects_unknown_names():
    from dateline.errors import ConfigError

    with pytest.raises(ConfigError, match="valid types"):
        ontology.check_type("PARTY", None, "test")
    with pytest.raises(ConfigError, match="valid modes"):
        ontology.check_type("CONSULT", "dance", "test")


@pytest.mark.parametrize("old,new", [("strike-hun", "hunger"), ("demo-org", "demo"), ("visit", "visit"), (None, None)])
def test_canonical_mode_maps_old_plover_modes(old, new):
    assert ontology.canonical_mode(old) == new


def _event(etype, mode=None, actor="police", sentence="police arrested ten people.", factuality="asserted"):
    return Event(type=etype, mode=mode, factuality=factuality, actors=[EventActor(text=actor)],
                 evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger=Span(start=7, end=15, text="arrested")))


@pytest.mark.parametrize("events,scheme,expected", [
    ([_event("ASSAULT", "aerial")], "cameo-quad", ["material_conflict"]),
    ([_event("REQUEST", "yield")], "cameo-quad", ["verbal_conflict"]),
    ([], "cameo-quad", ["statement"]),
    ([], "plover", []),
    ([_event("CONSULT", "visit"), _event("ASSAULT")], "plover", ["CONSULT"]),
    ([_event("ASSAULT", "aerial")], "acled", ["AIR_STRIKE"]),
    ([_event("COERCE", "arrest")], "police", ["ANY_ACTION", "ARREST"]),
    ([_event("COERCE", "arrest", actor="the mob")], "police", ["ANY_ACTION", "ARREST"]),
    ([_event("ASSAULT", actor="the mob")], "police", []),
    ([_event("ASSAULT", "firearms", sentence="police fired and killed two men.")], "police", ["ANY_ACTION", "FORCE", "KILL"]),
])
def test_to_scheme_maps_events_onto_other_label_sets(events, scheme, expected):
    assert ontology.to_scheme(events, scheme) == expected


@pytest.mark.parametrize("etype,mode,sentence,actor,recipient,code,event_type", [
    ("ASSAULT", "aerial", "Jets struck the town.", None, None, "AIR_STRIKE", "Explosions/Remote violence"),
    ("ASSAULT", None, "Militants threw a grenade at the checkpoint.", "REB", None, "GRENADE", "Explosions/Remote violence"),
    ("ASSAULT", None, "A roadside bomb killed three soldiers.", None, "MIL", "REM_EXPLOS", "Explosions/Remote violence"),
    ("ASSAULT", None, "Rebels attacked an army post.", "REB", "MIL", "ARMED_CLASH", "Battles"),
    ("ASSAULT", None, "Gunmen attacked villagers.", "UAF", "CVL", "ATTACK", "Violence against civilians"),
    ("ASSAULT", None, "Police beat protesters in the square.", "COP", "CVL", "FORCE_AGAINST_PROTEST", "Protests"),
    ("PROTEST", None, "Thousands marched in the capital.", "CVL", None, "PEACE_PROTEST", "Protests"),
    ("PROTEST", None, "Police fired tear gas at thousands who marched.", "CVL", None, "PROTEST_WITH_INTER", "Protests"),
    ("PROTEST", None, "Protesters torched cars.", "CVL", None, "VIOL_DEMONSTR", "Riots"),
    ("COERCE", "seize", "The army recaptured the town.", "MIL", None, "GOV_REGAINS_TERIT", "Battles"),
    ("COERCE", "seize", "Rebels seized the town.", "REB", None, "NON_STATE_ACTOR_OVERTAKES_TER", "Battles"),
    ("COERCE", "arrest", "Police arrested ten people.", "COP", None, "ARREST", "Strategic developments"),
    ("MOBILIZE", "troops", "The rebels set up a new base near the border.", "REB", None, "HQ_ESTABLISHED", "Strategic developments"),
    ("CONSULT", "visit", "Kim visited Russia.", "GOV", "GOV", "DIPLO", "Strategic developments"),
    ("ASSAULT", "firearms", "Protesters clashed with riot police and threw rocks.", "CVL", "COP", "VIOL_DEMONSTR", "Riots"),
    ("ASSAULT", "firearms", "Police shot a protester with live ammunition.", None, "CVL", "FORCE_AGAINST_PROTEST", "Protests"),
])
def test_acled_maps_type_mode_cues_and_sectors(etype, mode, sentence, actor, recipient, code, event_type):
    label = ontology.acled(etype, mode, (), sentence, [actor], [recipient], sentence.split(" ")[0])
    assert (label.code, label.event_type) == (code, event_type)
    assert label.sub_event_type in ontology.acled_table()["event_types"][event_type]["sub_event_types"]


def test_to_scheme_rejects_unknown_scheme():
    from dateline.errors import ConfigError

    with pytest.raises(ConfigError, match="valid schemes"):
        ontology.to_scheme([], "gdelt")


def test_cameo_quad_codes_framed_or_unreal_events_as_statement():
    from dateline.models import Event, Evidence
    ev = lambda **kw: Event(id="x", type="AID", evidence=Evidence(sentence="s", start=0, end=1), **kw)
    assert ontology.to_scheme([ev(factuality="asserted")], "cameo-quad") == ["material_cooperation"]
    assert ontology.to_scheme([ev(factuality="speculated")], "cameo-quad") == ["statement"]
    assert ontology.to_scheme([ev(factuality="asserted", contexts=["statement"])], "cameo-quad") == ["statement"]


@pytest.mark.parametrize("etype,label", [
    ("AGREE", "verbal_conflict"),  # "the two sides failed to reach a deal": CAMEO's REJECT
    ("CONCEDE", "verbal_conflict"),  # "will not lift the curfew"
    ("RETREAT", "verbal_conflict"),  # "will not free the hostages"
    ("ASSAULT", "statement"),  # "denied shelling the town": no refusal, nothing done
    ("ACCUSE", "statement"),
])
def test_cameo_quad_codes_a_refused_cooperation_as_verbal_conflict(etype, label):
    from dateline.models import Event, Evidence
    negated = Event(id="x", type=etype, evidence=Evidence(sentence="s", start=0, end=1), factuality="negated")
    assert ontology.to_scheme([negated], "cameo-quad") == [label]


@pytest.mark.parametrize("text,fail", [
    ("There was total inaction on the part of the police.", True),
    ("The constables looked the other way as the mob burned shops.", True),
    ("The minister failed to attend the meeting.", False),
    ("Police arrested ten people.", False),
])
def test_police_failure_to_act_is_a_text_cue_not_an_event(text, fail):
    assert ("FAIL" in ontology.text_cues(text, "police")) is fail
    assert ontology.to_scheme([], "police") == []


@pytest.mark.parametrize("text,expected", [
    ("As many as 98 people were killed in police firing, he said.", ["ANY_ACTION", "FORCE", "KILL"]),
    ("They opened fire and lobbed tear-gas shells to disperse the mob.", ["ANY_ACTION", "FORCE"]),
    ("Curfew was clamped at 2 pm after the clashes.", ["ANY_ACTION"]),
    ("The police said the situation was under control.", ["ANY_ACTION"]),
    ("The minister opened a new school in the town.", []),
    ("Two died in the firng.", []),  # cues are general words, not a training file's typos
])
def test_police_cues_in_the_wording_are_a_separate_figure(text, expected):
    assert ontology.text_cues(text, "police") == expected
    assert ontology.to_scheme([], "police") == []

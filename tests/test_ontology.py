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
    for scheme in ontology.schemes():
        for key in (k for k in ontology.scheme_mappings()[scheme]["labels"] if not k.startswith("_")):
            etype, _, mode = key.partition("/")
            ontology.check_type(etype, mode or None, f"mappings-schemes.json {scheme}")


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

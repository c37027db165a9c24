import numpy as np
import pytest

from dateline import classifier
from dateline.errors import ConfigError


@pytest.mark.parametrize("text,expected", [
    ("Police attacked the Hamas protesters.", ["police", "attack", "the", "<name>", "protester"]),
    ("Troops withdrew in 2019", ["troop", "withdrew", "in", "<num>"]),
])
def test_tokens_fold_names_numbers_and_suffixes(text, expected):
    assert classifier.tokens(text) == expected


def test_features_are_unigrams_and_bigrams():
    assert classifier.features("they protested loudly") == ["they", "protest", "loudly", "they protest", "protest loudly"]


@pytest.fixture(scope="module")
def model():
    return classifier.load("plover")


def test_packaged_model_gives_a_distribution_over_plover_types(model):
    probs = model.proba("Thousands of workers marched through the capital demanding higher wages.")
    assert len(probs) == 16
    assert abs(sum(probs.values()) - 1.0) < 1e-4


@pytest.mark.parametrize("text,label", [
    ("Thousands of workers went on strike and marched through the capital demanding higher wages.", "PROTEST"),
    ("Rebels shelled the town, killing twelve civilians.", "ASSAULT"),
    ("The government imposed an embargo and sanctions on the regime.", "SANCTION"),
])
def test_packaged_model_ranks_clear_sentences(model, text, label):
    probs = model.proba(text)
    assert max(probs, key=probs.get) == label


def test_unknown_words_score_the_intercept(model):
    assert np.allclose(model.scores("zzzz qqqq"), model.intercept)


def test_model_file_round_trip(tmp_path):
    arrays = {"vocab": np.array(["attack", "talk"]), "idf": np.ones(2, dtype=np.float32),
              "coef": np.array([[2.0, -2.0], [-2.0, 2.0]], dtype=np.float32), "intercept": np.zeros(2, dtype=np.float32),
              "labels": np.array(["ASSAULT", "CONSULT"])}
    path = tmp_path / "m.npz"
    np.savez(path, **arrays)
    m = classifier.LinearModel.load(path)
    assert max(m.proba("they held talks").items(), key=lambda kv: kv[1])[0] == "CONSULT"


def test_broken_model_file_is_a_config_error(tmp_path):
    path = tmp_path / "bad.npz"
    path.write_bytes(b"not a model")
    with pytest.raises(ConfigError):
        classifier.LinearModel.load(path)


def test_missing_packaged_model_is_a_config_error():
    with pytest.raises(ConfigError):
        classifier.load("no-such-model")

"""Sentence embeddings: the packaged MiniLM model, run offline."""
import sys

import numpy as np
import pytest

from dateline import embed
from dateline.errors import ConfigError


def test_vectors_are_unit_length_and_near_for_sentences_that_say_the_same():
    v = embed.vectors(["Soldiers shelled the rebel town overnight.", "Troops bombarded the insurgent-held town during the night.",
                       "The bakery sells rye bread on Saturdays."])
    assert v.shape == (3, embed.DIMENSIONS)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.3
    assert embed.vectors([]).shape == (0, embed.DIMENSIONS)


def test_a_vector_does_not_depend_on_its_batch():
    alone = embed.vectors(["The minister resigned."])[0]
    batched = embed.vectors(["A much longer sentence about a ceasefire that was agreed in the capital last week.", "The minister resigned."])[1]
    assert np.allclose(alone, batched, atol=1e-4)  # padding is masked out of the mean


def test_a_missing_package_is_a_config_error_that_says_what_to_install(monkeypatch):
    embed._model.cache_clear()
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    try:
        with pytest.raises(ConfigError, match="make install"):
            embed.vectors(["Police arrested a man."])
    finally:
        monkeypatch.undo()
        embed._model.cache_clear()

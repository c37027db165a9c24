"""Sentence event-type classifier: a linear model over word n-grams, scored with numpy.

The weights live in `dateline/data/model-<name>.npz` (arrays only, loaded without pickle): the
vocabulary, its idf weights, one coefficient row per label, the intercepts, and `trained_on`, the text
hashes of the records it learned from (`dateline.provenance`). `scripts/train_events.py`
trains them with scikit-learn from the dev files; nothing here needs scikit-learn.
Features: unigrams and bigrams of lower-cased, lightly stemmed words; capitalised words inside a
sentence (names) are folded into one token so that the model learns what happens, not to whom.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np

from .errors import ConfigError

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def _stem(word: str) -> str:
    """A crude stem, the same at training and run time ("attacks", "attacked" -> "attack")."""
    if len(word) <= 4:
        return word
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + repl
    return word


def tokens(text: str) -> list[str]:
    """The words of a text as the model sees them."""
    out = []
    for k, m in enumerate(_WORD.finditer(text)):
        word = m.group(0)
        if word[0].isdigit():
            out.append("<num>")
        elif k > 0 and word[0].isupper() and not word.isupper():
            out.append("<name>")
        else:
            out.append(_stem(word.lower().replace("’", "'")))
    return out


def features(text: str) -> list[str]:
    """Unigram and bigram features of a text (the analyzer used at training time too)."""
    toks = tokens(text)
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]


class LinearModel:
    """A multinomial linear model over tf-idf n-grams; `proba` gives one probability row per text."""

    def __init__(self, vocab, idf, coef, intercept, labels, trained_on=()):
        self.trained_on = frozenset(str(t) for t in trained_on)
        self.index = {w: i for i, w in enumerate(vocab)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.coef = np.asarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.labels = [str(l) for l in labels]

    @classmethod
    def from_arrays(cls, arrays) -> "LinearModel":
        try:
            trained = arrays["trained_on"] if "trained_on" in arrays else ()
            return cls(arrays["vocab"], arrays["idf"], arrays["coef"], arrays["intercept"], arrays["labels"], trained)
        except KeyError as err:
            raise ConfigError(f"event model lacks the array {err}; retrain it with scripts/train_events.py") from None

    @classmethod
    def load(cls, path) -> "LinearModel":
        try:
            with np.load(path, allow_pickle=False) as arrays:
                return cls.from_arrays(arrays)
        except (OSError, ValueError) as err:
            raise ConfigError(f"event model {path} cannot be read ({err}); retrain it with scripts/train_events.py") from None

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and L2-normalised tf-idf values of a text (sublinear tf)."""
        counts: dict[int, int] = {}
        for f in features(text):
            i = self.index.get(f)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        vals = (1.0 + np.log(tf)) * self.idf[idx]
        norm = float(np.linalg.norm(vals))
        return idx, vals / norm if norm else vals

    def scores(self, text: str) -> np.ndarray:
        idx, vals = self.vector(text)
        return self.coef[:, idx] @ vals + self.intercept

    def proba(self, text: str) -> dict[str, float]:
        """Label -> probability for one text (softmax over the linear scores)."""
        s = self.scores(text)
        s = np.exp(s - s.max())
        p = s / s.sum()
        return {label: float(v) for label, v in zip(self.labels, p)}


@lru_cache(maxsize=4)
def load(name: str = "plover") -> LinearModel:
    """The packaged model `data/model-<name>.npz`, or a model file when `name` is a path."""
    if name.endswith(".npz"):
        return LinearModel.load(name)
    try:
        ref = resources.files("dateline").joinpath("data", f"model-{name}.npz")
        with resources.as_file(ref) as path:
            return LinearModel.load(path)
    except FileNotFoundError:
        raise ConfigError(f"event model model-{name}.npz is missing from the dateline package; reinstall dateline") from None

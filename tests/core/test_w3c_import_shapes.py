"""import-annotations on wrongly shaped JSON: one line for the file, or a reason per skipped annotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.errors import ReaderError
from reader.core.export.jsonld import document_iri


def _write(tmp_path: Path, data: object, raw: bytes | None = None) -> Path:
    path = tmp_path / "incoming.jsonld"
    path.write_bytes(raw if raw is not None else json.dumps(data).encode("utf-8"))
    return path


def _annotation(source: str, selector: object, body: object = None) -> dict:
    entry = {"type": "Annotation", "id": "urn:x:1", "target": {"source": source, "selector": selector}}
    if body is not None:
        entry["body"] = body
    return entry


@pytest.mark.parametrize(("data", "held"), [(None, "null"), (42, "a number"), ("text", "a string of text"),
                                            (True, "true or false")])
def test_a_file_that_holds_no_annotations_is_one_line(workspace, tmp_path, data, held) -> None:
    """null, a number, a string: one line saying in words what the file holds (it named Python's types: 'int'),
    nothing imported."""
    with pytest.raises(ReaderError) as error:
        workspace.export.import_annotations(_write(tmp_path, data))
    assert str(error.value).endswith(f"the file holds {held}, not annotations")
    assert workspace.annotations.all() == []


@pytest.mark.parametrize(("data", "held"), [({"type": "FeatureCollection", "features": []}, "a FeatureCollection"),
                                            ({"hello": "world"}, "an object with no target")])
def test_an_object_that_is_no_annotation_is_said_to_be_none(workspace, tmp_path, data, held) -> None:
    """Our own GeoJSON export, or any object, read as annotations was 'not placed: item 1: it has no target with a
    source' (audit BZ F9), true but no help: the file is said to hold no annotations, and what it holds."""
    with pytest.raises(ReaderError) as error:
        workspace.export.import_annotations(_write(tmp_path, data))
    assert str(error.value).endswith(f"the file holds {held}, not annotations")


def test_a_page_whose_items_are_no_list_is_one_line(workspace, tmp_path) -> None:
    """A collection whose items are not a list is a broken file, said in one line: it read as an empty success."""
    data = {"type": "AnnotationCollection", "first": {"items": "notalist"}}
    with pytest.raises(ReaderError, match="its items are not a list of annotations"):
        workspace.export.import_annotations(_write(tmp_path, data))


def test_annotations_wrapped_in_a_json_ld_graph_are_read(workspace, tmp_path) -> None:
    """JSON-LD's @graph holding the annotations is read as a list of them, not as one annotation without a target."""
    document = workspace.documents.list()[0]
    text = workspace.documents.text(document.id).text
    entry = _annotation(document_iri(document), {"type": "TextQuoteSelector", "exact": text[100:140]})
    report = workspace.export.import_annotations(_write(tmp_path, {"@context": "http://www.w3.org/ns/anno.jsonld",
                                                                   "@graph": [entry]}))
    assert report.placed == 1


def test_a_collection_whose_items_are_elsewhere_is_one_line(workspace, tmp_path) -> None:
    """A valid W3C collection whose `first` is a URL: the items are not in the file, and the message says so."""
    data = {"type": "AnnotationCollection", "first": "https://example.org/page1"}
    with pytest.raises(ReaderError, match="on another page"):
        workspace.export.import_annotations(_write(tmp_path, data))


def test_deep_nesting_and_invalid_json_are_one_line(workspace, tmp_path) -> None:
    """100,000 levels of nesting and broken JSON each give one line, not a RecursionError or a traceback."""
    for raw in (b"[" * 100_000 + b"]" * 100_000, b'{"type": "Annotation",', b"\xff\xfe not utf-8"):
        with pytest.raises(ReaderError) as error:
            workspace.export.import_annotations(_write(tmp_path, None, raw))
        assert "\n" not in str(error.value)


def test_each_wrongly_shaped_annotation_is_skipped_with_its_reason(workspace, tmp_path) -> None:
    """Bad selectors, positions and bodies are reported one by one; the good annotation is still placed."""
    info = workspace.documents.list()[0]
    source = document_iri(info)
    exact = workspace.documents.text(info.id).text[20:40]
    entries = [
        1, [1, 2],
        _annotation(source, "TextQuoteSelector"),
        _annotation(source, {"type": "TextPositionSelector", "start": 3}),
        _annotation(source, {"type": "TextPositionSelector", "start": "3", "end": "9"}),
        _annotation(source, {"type": "TextPositionSelector", "start": 1.5, "end": 9.0}),
        _annotation(source, {"type": "TextQuoteSelector", "exact": None}),
        _annotation(source, {"type": "TextQuoteSelector", "exact": 12}),
        _annotation(source, {"type": "TextPositionSelector", "start": 0, "end": 5}, body={"type": "Image"}),
        _annotation(source, {"type": "TextQuoteSelector", "exact": exact}, body={"type": "TextualBody",
                                                                                 "value": "placed"}),
    ]
    raw = b"\xef\xbb\xbf" + json.dumps(entries).encode("utf-8")  # with a UTF-8 byte order mark
    report = workspace.export.import_annotations(_write(tmp_path, None, raw))
    assert report.placed == 1 and len(report.skipped) == 9
    assert all("\n" not in reason for reason in report.skipped)
    assert any("whole-number start and end, from 0," in reason for reason in report.skipped)  # a negative start
    # was said to be no whole number, or after its end (audit BZ F9)
    assert any("no exact text" in reason for reason in report.skipped)
    assert any("not text" in reason for reason in report.skipped)
    assert [a.note for a in workspace.annotations.all()] == ["placed"]


def test_an_annotation_listed_twice_in_one_file_is_added_once(workspace, tmp_path) -> None:
    """A file listing one annotation twice (or a thousand times) adds it once and counts the rest as already here:
    only what was in the library before the file was compared, so every copy had been added."""
    document = workspace.documents.list()[0]
    text = workspace.documents.text(document.id).text
    entry = _annotation(document_iri(document), {"type": "TextQuoteSelector", "exact": text[100:140]},
                        {"type": "TextualBody", "value": "the same note", "purpose": "commenting"})
    report = workspace.export.import_annotations(_write(tmp_path, [entry, dict(entry), dict(entry)]))
    assert (report.placed, report.already) == (1, 2)
    assert len(workspace.annotations.all()) == 1


def test_an_imported_tag_holding_a_comma_is_said_to_be_read_as_several(workspace, tmp_path) -> None:
    """Another tool's tag "Genden, Peljidiin" became two tags without a word in the report (audit BC F10)."""
    document = workspace.documents.list()[0]
    text = workspace.documents.text(document.id).text
    entry = _annotation(document_iri(document), {"type": "TextQuoteSelector", "exact": text[100:140]},
                        [{"type": "TextualBody", "value": "Genden, Peljidiin", "purpose": "tagging"}])
    report = workspace.export.import_annotations(_write(tmp_path, [entry]))
    assert sorted(workspace.annotations.all()[0].tags) == ["Genden", "Peljidiin"]
    assert "1 tag holding a comma, which separates tags, read as tags apart ('Genden, Peljidiin')" in report.summary


def test_every_tag_a_comma_changes_is_said() -> None:
    """'Trailing,', 'dup,dup' and 'one,,' were changed (to 'Trailing', 'dup', 'one') without the warning a tag split
    in two gets (audit BD)."""
    from reader.core.records.tags import split_by_commas

    assert split_by_commas(["Trailing,", "dup,dup", "one,,", "Smith, John", "plain"]) == [
        ("Trailing,", ["Trailing"]), ("dup,dup", ["dup"]), ("one,,", ["one"]), ("Smith, John", ["Smith", "John"])]

"""Hypothesis fuzz of the search language and of annotation import: every input is answered, never a traceback."""

from __future__ import annotations

import json
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import ReaderError
from reliability.setup import copy_of, template

_PIECES = ["Genden", "Stalin", "1934", "AND", "OR", "NOT", "(", ")", '"', "*", "type:", "entity:", "tag:", "doc:",
           "date:", "date:1934..1937", "relation:", "kind:", "NEAR", "😀", "𝔐", "…", "-", "^", ":", "\\", "'", "\x00"]
QUERIES = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=12).map(" ".join)

_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=6),
                     lambda children: st.lists(children, max_size=3) | st.dictionaries(
                         st.sampled_from(["type", "target", "source", "selector", "exact", "start", "end", "body",
                                          "value", "purpose", "first", "items", "id", "motivation", "prefix"]),
                         children, max_size=4), max_leaves=12)
_SHAPED = st.fixed_dictionaries({"type": st.just("Annotation"), "target": st.fixed_dictionaries({
    "source": st.sampled_from(["urn:annotated-reader:document:000_8339fa2bec93c400.txt", "x"]),
    "selector": st.one_of(_JSON, st.lists(st.fixed_dictionaries({
        "type": st.sampled_from(["TextQuoteSelector", "TextPositionSelector"]),
        "exact": _JSON, "start": _JSON, "end": _JSON}), max_size=2))}), "body": _JSON})
ANNOTATION_FILES = st.one_of(_JSON, st.lists(_SHAPED, max_size=4),
                             st.fixed_dictionaries({"type": st.just("AnnotationCollection"), "first": _JSON}))


def run(folder: Path, queries: int, imports: int) -> dict[str, int]:
    from reader.core.workspace import Workspace

    workspace = Workspace.open(copy_of(template(folder), folder / "fuzz.db"))
    failures: list[str] = []
    cases = {"queries": 0, "imports": 0}

    @settings(max_examples=queries, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(QUERIES)
    def search(query: str) -> None:
        cases["queries"] += 1
        try:
            workspace.search.search(query)
        except Exception:  # noqa: BLE001 - counted: the search must answer every query
            failures.append(traceback.format_exc())

    @settings(max_examples=imports, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(ANNOTATION_FILES)
    def import_file(data: object) -> None:
        cases["imports"] += 1
        path = folder / "fuzz.jsonld"
        path.write_text(json.dumps(data), encoding="utf-8")
        try:
            workspace.export.import_annotations(path)
        except ReaderError:
            pass
        except Exception:  # noqa: BLE001 - counted: a file gets a report or one line, never a traceback
            failures.append(traceback.format_exc())

    search()
    import_file()
    workspace.close()
    if failures:
        (folder / "fuzz-failures.txt").write_text("\n".join(failures[:20]), encoding="utf-8")
    return {"fuzz_cases": cases["queries"] + cases["imports"], "fuzz_queries": cases["queries"],
            "fuzz_tracebacks": len(failures)}

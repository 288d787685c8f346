"""Re-importing randomly edited files through the real database: every annotation survives, consistently stored."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings

from reader.core.workspace import Workspace
from tests.core.test_anchoring import Tracked, apply_edit, edges_kept, scenario, typo_apart


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario())
def test_reimport_never_loses_an_annotation(case):
    """After a changed file is re-imported, all annotations exist; anchored ones quote their new text exactly; an
    untouched one whose words occur once is at its place, anchored or, where the old text repeated them and the diff
    cannot tell which copy an edit beside it took ("Ulaanbaatar Ulaanbaatar" with "tar Ulaanbaa" cut), asked about
    there; where they occur more often, anchored on one or asked."""
    text, spans, edits = case
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "account.txt"
        source.write_text(text, encoding="utf-8", newline="")
        workspace = Workspace.open(Path(folder) / "db.sqlite", backup=False)
        try:
            document_id = workspace.documents.import_paths([source]).outcomes[0].document_id
            stored = workspace.documents.text(document_id).text
            assume(stored == text)  # the importer normalises some texts (line ends, BOM)
            assume(all(text[s:e].strip() for s, e in spans))  # a highlight on blanks alone is refused
            made = [workspace.annotations.create(document_id, s, e, note=f"n{i}") for i, (s, e) in enumerate(spans)]
            tracked = [Tracked(s, e) for s, e in spans]
            new = text
            for _kind, where, size, payload in edits:
                start = int(where * len(new))
                new = apply_edit(new, tracked, start, min(len(new), start + size), payload)
            source.write_text(new, encoding="utf-8", newline="")
            report = workspace.documents.import_paths([source])
            assume(report.outcomes[0].status == "new_version" and workspace.documents.text(document_id).text == new)
            [summary] = report.reanchored
            assert summary.kept + summary.review + summary.orphaned == len(made)
            for before, span in zip(made, tracked, strict=True):
                after = workspace.annotations.get(before.id)
                assert after.note == before.note and after.version_id == workspace.documents.get(document_id).version_id
                if after.anchor_status == "anchored":
                    assert new[after.start:after.end] == after.quote.exact
                else:
                    assert after.quote == before.quote
                if not span.touched and not edges_kept(text, before, new, span):  # letters glued on: another word
                    assert after.anchor_status != "anchored" or typo_apart(after.quote.exact, before.quote.exact)
                elif not span.touched and new.count(before.quote.exact) == 1:  # sure, or asked about there, when
                    assert after.anchor_status in ("anchored", "review")  # a diff is as sure its words were another's
                    assert (after.start, after.end) == (span.start, span.end)  # (an edit inside a repeat)
                elif not span.touched:  # ambiguous ("s" of one "Moscow" among three): anchored or asked, never lost
                    assert after.anchor_status in ("anchored", "review")
        finally:
            workspace.close()

"""A document recognition failed on is marked in the library and its pane, with Retry that works."""

from __future__ import annotations

from reader.core.storage import entities as entity_store
from reader.ui.library_model import COLUMNS


def _fail_on_first_document(window) -> int:
    info = window.workspace.documents.list()[0]
    with window.workspace.db.atomic():
        entity_store.set_failure(window.workspace.db, info.id, info.version_id, "entity recognition failed (E088)")
    window.refresh_library()
    return info.id


def _title_cell(window, document_id: int) -> str:
    model = window.library.model
    row = next(r for r in range(model.rowCount()) if model.document_at(r).id == document_id)
    return model.index(row, COLUMNS.index("Title")).data()


def test_library_and_pane_show_the_failure_and_retry_clears_it(window, qtbot) -> None:
    """Protects against silent failures: ⚠ in the library and the pane, and Retry re-runs recognition."""
    document_id = _fail_on_first_document(window)
    assert _title_cell(window, document_id).startswith("⚠ ")
    pane = window.reading_area.open_document(document_id)
    assert pane.header.notice_label.isVisibleTo(pane) and "E088" in pane.header.notice_label.text()
    assert pane.header.retry_button.isVisibleTo(pane)
    menu = window.library.context_menu(document_id)
    retry = next(action for action in menu.actions() if action.text() == "Retry entity recognition")
    assert retry.isEnabled()
    with qtbot.waitSignal(window.entities_recognised, timeout=60000):
        pane.header.retry_button.click()
    assert not _title_cell(window, document_id).startswith("⚠")
    qtbot.waitUntil(lambda: not pane.header.retry_button.isVisibleTo(pane), timeout=5000)

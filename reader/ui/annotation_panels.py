"""The annotation panels around the reader: comparisons, review, notebook, source criticism, trash and tags.

Built once by the application and wired here, so the main window stays a shell and no panel reaches into another.
Only the Comparisons view is visible at start; the others are built, and their modules imported, when first shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QScrollArea

from reader.core.errors import WorkCancelled
from reader.core.records.relations import link_step
from reader.core.workspace import Workspace
from reader.ui.annotations.comparisons import ComparisonsView
from reader.ui.events import AnnotationEvents
from reader.ui.lazy_panel import LazyPanel, give_room
from reader.ui.main_window import MainWindow
from reader.ui.operations import OpRunner
from reader.ui.reading.area import PaneArea
from reader.ui.remembered import remember

RIGHT, BOTTOM = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
WIDE_LIST_SHARE = 1 / 3  # of the window's height, for Parallels and the Timeline when first shown: the bottom docks
# start short, to leave the texts room, and two rows of suggestions are too few to compare


@dataclass
class AnnotationPanels:
    """The panels, kept so tests and the window can reach them by name."""

    comparisons: ComparisonsView
    review: LazyPanel
    notebook: LazyPanel
    source_criticism: LazyPanel
    inspector: LazyPanel  # the Note inspector: the selected annotation with its note, tags, colour and links
    parallels: LazyPanel
    timeline: LazyPanel


@dataclass
class _Context:
    """What every panel builder needs."""

    window: MainWindow
    workspace: Workspace
    ops: OpRunner
    events: AnnotationEvents
    area: PaneArea


def install_annotation_panels(window: MainWindow, workspace: Workspace, ops: OpRunner,
                              events: AnnotationEvents, area: PaneArea) -> AnnotationPanels:
    """Create the panels as docks of `window` and connect them to the reader and to each other."""
    context = _Context(window, workspace, ops, events, area)
    comparisons = ComparisonsView(workspace.comparisons, workspace.tags, workspace.documents, events)
    remember(window.settings, "comparisons", comparisons.relation_box, comparisons.kind_box,
             comparisons.suggestions_toggle)
    comparisons_dock = window.add_panel(comparisons, "Comparisons", BOTTOM)
    comparisons_dock.visibilityChanged.connect(comparisons.set_seen)
    comparisons.suggestions_toggle.toggled.connect(  # the list asked for gets the room of a wide list (audit BN F7)
        lambda shown: shown and give_room(comparisons_dock, WIDE_LIST_SHARE, comparisons_dock.height()))
    # Beside the text, only what follows the reading (Metadata, Note, Mentions): three tabs whose names fit.
    # Below it, the wide views (Comparisons, Needs review, Notebook, Source criticism).
    panels = AnnotationPanels(
        comparisons=comparisons,
        inspector=window.add_lazy_panel(lambda: _inspector(context), "Note", RIGHT, "Metadata", scrolls=True),
        source_criticism=window.add_lazy_panel(lambda: _source_criticism(context), "Source criticism", BOTTOM,
                                               "Comparisons"),
        review=window.add_lazy_panel(lambda: _review(context), "Needs review", BOTTOM, "Comparisons"),
        notebook=window.add_lazy_panel(lambda: _notebook(context), "Notebook", BOTTOM, "Comparisons"),
        parallels=window.add_lazy_panel(lambda: _parallels(context), "Parallels", BOTTOM, "Comparisons",
                                        least=WIDE_LIST_SHARE),
        timeline=window.add_lazy_panel(lambda: _timeline(context), "Timeline", BOTTOM, "Comparisons",
                                       least=WIDE_LIST_SHARE),
    )
    panels.comparisons.pair_activated.connect(area.show_pair)
    area.annotation_selected.connect(lambda annotation_id: _show_in_inspector(panels.inspector, annotation_id))
    area.annotation_selected.connect(lambda _id: window.raise_panel("Note"))
    area.note_requested.connect(lambda _id: panels.inspector.widget().editor.source.setFocus())
    area.tags_requested.connect(lambda _id: panels.inspector.widget().tags.type_a_new_tag())
    area.delete_requested.connect(lambda annotation_id: panels.inspector.widget().delete(annotation_id))
    area.parallels_requested.connect(lambda: (window.raise_panel("Parallels"),
                                              panels.parallels.widget().suggest_for_selection()))
    window.add_edit_action("&Trash…", lambda: _run(_trash_dialog(context)))
    window.add_edit_action("&Manage tags…", lambda: _run(_tag_manager(context)))
    window.add_edit_action("&Dismissed pairs…", lambda: _run(_dismissals_dialog(context)))
    window.document_selected.connect(lambda doc: panels.source_criticism.if_built(lambda w: w.show_document(doc)))
    window.document_selected.connect(lambda doc: panels.notebook.if_built(lambda w: w.show_document(doc)))
    window.documents_changed.connect(lambda: panels.notebook.if_built(lambda w: w.refresh()))  # its scopes
    area.pane_activated.connect(lambda doc: panels.parallels.if_built(lambda w: w.show_document(doc)))
    # Recognition ran in a worker: dates and names are current. Parallels ranks once the new sentences are read,
    # not beside that reading, which would encode the same sentences twice at once.
    window.recognition_done.connect(lambda: panels.timeline.if_built(lambda w: w.refresh_when_seen()))
    window.recognition_done.connect(lambda: _read_meanings(context, lambda: (
        panels.parallels.if_built(lambda w: w.refresh()), panels.comparisons.refresh_suggestions())))
    panels.comparisons.suggestion_activated.connect(lambda s: _show_both(area, s))
    panels.comparisons.suggestion_judged.connect(lambda s, verdict: _judge(context, s, verdict))
    panels.comparisons.link_deletion_asked.connect(lambda link_id, relation: ops.run(
        link_step("Delete link", relation), lambda: context.workspace.links.delete(link_id), tell=True))
    ops.changes_applied.connect(lambda changes: changes.pairs_judged and panels.comparisons.refresh_suggestions())
    area.panes_changed.connect(panels.comparisons.refresh_suggestions)  # the suggestions are the open documents'
    ops.changes_applied.connect(  # a link as contradicting joins two dated passages, a dismissal parts them
        lambda changes: changes.dates_read and panels.timeline.if_built(lambda w: w.refresh_when_seen()))
    panels.comparisons.set_suggestion_source(lambda show, failed: _unjudged(context, show, failed))
    for panel in (panels.inspector, panels.notebook, panels.source_criticism):  # their typing is saved on closing
        window.typing_to_save.connect(lambda panel=panel: panel.if_built(lambda w: w.keep_unsaved()))
    QTimer.singleShot(0, lambda: _recover_drafts(context))
    return panels


def _recover_drafts(context: _Context) -> None:
    if "drafts" not in context.window.settings.childGroups():  # the usual start: nothing to load for it
        return
    from reader.ui.drafts import recover_drafts

    recover_drafts(context.window.settings, context.workspace, context.ops, context.events.told.emit)


def _show_in_inspector(inspector: LazyPanel, annotation_id: int) -> None:
    """A highlight chosen, shown in the Note panel from its top: the panel scrolls in a short window (1366×768), and
    scrolled down to its links it stayed so for the next highlight, showing the rendered note alone: typing there
    went nowhere (audit CB F5)."""
    panel = inspector.widget()
    another = panel.annotation is None or panel.annotation.id != annotation_id
    panel.show_annotation(annotation_id)
    if another and isinstance(scroll := inspector.dock.widget(), QScrollArea):
        scroll.verticalScrollBar().setValue(0)


def _inspector(context: _Context):
    from reader.ui.annotations.inspector import AnnotationInspector

    inspector = AnnotationInspector(context.workspace, context.ops, context.events)
    inspector.annotation_activated.connect(context.area.show_annotation)
    _keep_drafts(context, inspector, "note", inspector.draft)
    _keep_drafts(context, inspector, "note-left-behind", inspector.left_behind)
    _keep_drafts(context, inspector, "note-held", inspector.held)
    return inspector


def _keep_drafts(context: _Context, panel, slot: str, draft_of) -> None:
    """The panel's unsaved typing is kept in the session file as it is typed, and looked at once more when the
    window closes, after the panel saved what it could (this connection comes after that one)."""
    from reader.ui.drafts import DraftKeeper

    keeper = DraftKeeper(context.window.settings, slot, draft_of, panel, context.window.typing_unkept)
    panel.typing_changed.connect(keeper.typing_changed)
    context.window.drafts_to_keep.connect(keeper.keep_now)


def _unjudged(context: _Context, show, failed) -> bool:
    """Rank the open documents' suggestions nobody has judged yet in a worker, then `show` them (or say why not
    with `failed`, in the status bar too); False when no document is open, with nothing to rank."""
    document_ids = [pane.document_id for pane in context.area.panes]
    if not document_ids:
        return False
    task = context.window.runner.start(lambda workspace, _progress, _cancelled:
                                       workspace.parallels.unjudged(document_ids))
    task.finished.connect(show)
    task.failed.connect(context.events.failed)
    task.failed.connect(failed)
    return True


def _read_meanings(context: _Context, then) -> None:
    """After an import's recognition, read new passages' meanings in a worker, so that suggestions (here and in
    Comparisons) come at once later, then call `then()`; quietly, but a failure still reaches the status bar."""
    task = context.window.runner.start(lambda workspace, progress, cancelled: workspace.parallels.prepare(
        progress, cancelled), cancel_types=(WorkCancelled,))  # closing the window stops it
    task.finished.connect(lambda _count: then())
    task.failed.connect(context.events.failed)
    task.failed.connect(lambda _message: then())  # the ranking says why itself


def _judge(context: _Context, suggestion, verdict: str) -> None:
    """Link a suggested pair with its suggested relation, or dismiss it: one undoable step either way."""
    workspace = context.workspace
    if verdict == "dismiss":
        context.ops.run("Dismiss suggested parallel", lambda: workspace.parallels.dismiss(suggestion), tell=True)
        return
    context.ops.run(link_step("Link passages", suggestion.relation), lambda: workspace.links.link(
        *suggestion.to_link(), suggestion.relation, suggestion.link_note()), tell=True)


def _show_both(area: PaneArea, suggestion) -> None:
    """Both passages side by side, each with its best matching sentence flashed."""
    area.show_passage(suggestion.source.document_id, *suggestion.source.shown)
    area.show_passage(suggestion.other.document_id, *suggestion.other.shown, keep=suggestion.source.document_id)


def _parallels(context: _Context):
    from reader.ui.compare.parallels_panel import ParallelsPanel

    panel = ParallelsPanel(context.workspace, context.ops, context.window.runner)
    panel.passage_requested.connect(lambda doc, start, end: _open_beside(context.area, panel.document_id, doc, start,
                                                                         end))
    panel.set_selection_source(lambda: _active_selection(context.area))
    panel.show_document(context.area.active_document_id())
    return panel


def _open_beside(area: PaneArea, source: int | None, document_id: int, start: int, end: int) -> None:
    """Flash a suggested passage beside the document being compared, which stays open and focused: the Parallels
    list follows the focused pane, and must stay that document's while the user goes down it."""
    area.show_passage(document_id, start, end, keep=source, focus=source is None)


def _active_selection(area: PaneArea) -> tuple[int, int, int] | None:
    document_id = area.active_document_id()
    pane = area.pane_for(document_id) if document_id is not None else None
    selected = pane.view.selection_range() if pane is not None else None
    return (document_id, *selected) if selected else None


def _timeline(context: _Context):
    from reader.ui.compare.timeline_view import TimelinePanel

    panel = TimelinePanel(context.workspace.timeline, context.window.runner, settings=context.window.settings)
    panel.passage_requested.connect(lambda doc, start, end: context.area.show_passage(
        doc, start, end, keep=context.area.active_document_id()))  # as Parallels: no fourth pane too narrow to read
    panel.dissolve_requested.connect(
        lambda event: context.ops.run("Not one event", lambda: context.workspace.timeline.dissolve(event)))
    remember(context.window.settings, "timeline", panel.zoom_box, panel.lanes_box, panel.entity_edit, panel.tag_edit,
             panel.kind_box, panel.conflicts_box)
    panel.refresh()
    return panel


def _source_criticism(context: _Context):
    from reader.ui.annotations.source_criticism import SourceCriticismPanel

    panel = SourceCriticismPanel(context.workspace.sources, context.ops, context.events, context.workspace.documents,
                                 unkept=context.window.typing_unkept)
    panel.show_document(context.window.library.selected_document_id())
    return panel


def _review(context: _Context):
    from reader.ui.annotations.review_list import ReviewList

    review = ReviewList(context.workspace.review, context.workspace.documents, context.ops, context.events)
    review.annotation_activated.connect(context.area.show_annotation)
    return review


def _notebook(context: _Context):
    from reader.ui.annotations.notebook_panel import NotebookPanel

    workspace = context.workspace
    notebook = NotebookPanel(workspace.notebook, workspace.annotations, workspace.documents, workspace.trash,
                             context.ops, context.events)
    notebook.citation_activated.connect(context.area.show_annotation)
    notebook.passage_in_reading = context.area.passage_read
    notebook.show_document(context.window.library.selected_document_id())
    _keep_drafts(context, notebook, "notebook", notebook.draft)
    _keep_drafts(context, notebook, "notebook-held", notebook.held)
    return notebook


def _run(dialog: QDialog) -> None:
    """Show a dialog of the Edit menu until closed, then let it go: kept as a hidden child of the window, it went on
    refreshing at every change."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()


def _dismissals_dialog(context: _Context):
    from reader.ui.compare.dismissals_dialog import DismissalsDialog

    return DismissalsDialog(context.workspace, context.ops, context.window)


def _trash_dialog(context: _Context):
    from reader.ui.annotations.trash_dialog import TrashDialog

    return TrashDialog(context.workspace.trash, context.ops, context.events, context.window)


def _tag_manager(context: _Context):
    from reader.ui.annotations.tag_editor import TagManager

    return TagManager(context.workspace.tags, context.ops, context.events, context.window)

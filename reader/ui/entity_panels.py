"""The entity layer of the window: recognition in a worker, the register and mentions docks, and the reader's
coloured mentions with their tooltips."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from reader.core.errors import ImportCancelled, ReaderError
from reader.core.wording import plural
from reader.core.workspace import Workspace
from reader.ui.coalesce import coalesced
from reader.ui.lazy_panel import LazyPanel
from reader.ui.main_window import MainWindow
from reader.ui.operations import CATCHING_UP
from reader.ui.reading.area import PaneArea
from reader.ui.remembered import remember
from reader.ui.workers import NewestReading

if TYPE_CHECKING:
    from reader.core.records.entities import RecognitionReport  # a worker imports it when it needs one


@dataclass
class EntityPanels:
    """The register and mentions docks, built when first shown, and the state of recognition."""

    register: LazyPanel
    mentions: LazyPanel
    entity_filter: NewestReading  # reads Comparisons' entity filter in a worker
    recognising: bool = False  # a recognition runs in a worker: another would read the same texts again, at once
    asked_again: bool = False  # ... and something changed since it started: catch up when it ends
    model_warning: str = ""  # why the last run read some names without a model ('' when it had them all)
    unread: list[str] = field(default_factory=list)  # the texts no name model reads, as the last run found them


def describe_entity(workspace: Workspace, entity_id: int) -> str:
    """The tooltip over a mention: canonical name, type, aliases, how often and where."""
    try:
        entity = workspace.entities.describe(entity_id)
    except ReaderError:
        return ""
    aliases = f"\nAlso: {', '.join(entity.aliases)}" if entity.aliases else ""
    return (f"{entity.name} ({entity.type}){aliases}\n{plural(entity.mention_count, 'mention')} in "
            f"{plural(entity.document_count, 'document')}")


def install_entity_panels(window: MainWindow, workspace: Workspace, area: PaneArea) -> EntityPanels:
    panels = EntityPanels(
        register=window.add_lazy_panel(lambda: _register(window, workspace, area, panels), "Entities",
                                       Qt.DockWidgetArea.LeftDockWidgetArea, "Library", scrolls=True),
        mentions=window.add_lazy_panel(lambda: _mentions(window, workspace, area), "Mentions",
                                       Qt.DockWidgetArea.RightDockWidgetArea, "Metadata"),
        entity_filter=NewestReading(window.runner))
    area.services.providers.append(lambda *args: workspace.entities.mention_spans(*args))
    area.services.describe_mention = lambda entity_id: describe_entity(workspace, entity_id)
    area.services.mark_entity = lambda doc, start, end, kind, shown: _mark(window, area, doc, start, end, kind, shown)
    area.services.mention_actions = lambda menu, doc, span, text: _mention_actions(window, workspace).add_to(
        menu, doc, span.start, span.end, text, span.label, span.ref)
    area.entity_clicked.connect(lambda entity_id: _show_entity(window, panels, entity_id))
    window.import_finished.connect(lambda: start_recognition(window, panels, area))
    window.events.register_changed.connect(lambda: _on_register_changed(window, panels, area))
    catch_up = coalesced(lambda: _catch_up(window, panels, area), window)
    window.events.document_changed.connect(catch_up)  # e.g. imported by the command line, which leaves recognition
    window.events.links_changed.connect(lambda: offer_entity_filter(window, panels))
    window.entities_recognised.connect(lambda: offer_entity_filter(window, panels))
    window.library.retry_requested.connect(lambda _document_id: start_recognition(window, panels, area))
    area.recognition_retry_requested.connect(lambda: start_recognition(window, panels, area))
    return panels


def _register(window: MainWindow, workspace: Workspace, area: PaneArea, panels: EntityPanels):
    from reader.ui.entities.register_panel import RegisterPanel

    register = RegisterPanel(workspace.entities, window.ops, window.runner,
                             lambda: {info.id: info.title for info in workspace.documents.list()})
    remember(window.settings, "register", register.filter_box, register.type_box)
    register.doubtful.mention_activated.connect(area.show_passage)
    register.entity_chosen.connect(lambda entity_id: _show_entity(window, panels, entity_id))
    register.register_changed.connect(area.refresh_all)
    register.told.connect(window.events.told)
    register.refresh()
    return register


def _mention_actions(window: MainWindow, workspace: Workspace):
    from reader.ui.entities.mention_actions import MentionActions

    return MentionActions(window, window.ops, workspace.entities)


def _mentions(window: MainWindow, workspace: Workspace, area: PaneArea):
    from reader.ui.entities.mentions_view import MentionsView

    mentions = MentionsView(workspace.entities, _mention_actions(window, workspace))
    mentions.mention_activated.connect(area.show_passage)
    return mentions


def start_recognition(window: MainWindow, panels: EntityPanels, area: PaneArea, only_if_stale: bool = False) -> None:
    """Recognise in a worker (only new or changed texts go through the model); repaint when done. One at a time:
    asked while one runs, it catches up once that one ends. `only_if_stale` (at start): only if documents or
    decisions changed since the register was last brought up to date (every start had recognised the corpus again:
    a minute of a CPU on a large library, the register rewritten)."""
    if panels.recognising:
        panels.asked_again = True
        return
    if _cannot_store(window, panels):
        return
    panels.recognising = True  # the register is listed again when it ends (listing it now too cost a second at
    # 10,000 entities and showed nothing new)

    def recognise(ws, progress, cancelled):
        if only_if_stale:
            return ws.entities.ensure_current(progress, cancelled)  # None: current, nothing read again
        return ws.entities.recognise(progress, cancelled)

    task = window.runner.start(recognise, cancel_types=(ImportCancelled,))
    task.progressed.connect(lambda done, total, name: window.recognition_status.setText(
        f"Recognising entities: {done} of {total} ({name})"))
    task.finished.connect(lambda report: _on_recognised(window, panels, area, report))
    task.failed.connect(lambda message: window.statusBar().showMessage(message, 10000))
    for stopped in (task.failed, task.cancelled):  # the count of the last run no longer holds
        stopped.connect(lambda *_why: window.recognition_status.setText("Entities: recognition did not finish"))
    for ended in (task.finished, task.failed, task.cancelled):
        ended.connect(lambda *_result: _recognition_ended(window, panels, area))


def _cannot_store(window: MainWindow, panels: EntityPanels) -> bool:
    """Whether the library cannot be written here (read-only, a full disk): the register is then shown as last
    recognised, as the command line shows it. Reading every new text for names took a minute of the CPU, then failed
    to store it ("recognition did not finish")."""
    blocker = window.workspace.write_blocker()
    if blocker and window.workspace.entities.is_stale():
        window.recognition_status.setText(f"Entities: shown as last recognised ({blocker}), so texts added or "
                                          "changed since were not read for names")
    elif blocker:
        _say_counts(window, panels)
    return bool(blocker)


def _recognition_ended(window: MainWindow, panels: EntityPanels, area: PaneArea) -> None:
    panels.recognising = False
    if panels.asked_again:
        panels.asked_again = False
        _catch_up(window, panels, area)
    else:
        _say_caught_up(window)


def _say_caught_up(window: MainWindow) -> None:
    """The line saying the register is being brought up to date (after an undone decision) says it is, once it is:
    left on the bar, it said work went on for seconds after it ended (audit DJ 5). The register is asked only then
    (its signature reads every decision)."""
    bar = window.statusBar()
    line = bar.currentMessage()
    if line.endswith(CATCHING_UP) and not window.workspace.entities.is_stale():
        bar.showMessage(line.removesuffix(CATCHING_UP) + "; the register is up to date", 5000)


def _catch_up(window: MainWindow, panels: EntityPanels, area: PaneArea) -> None:
    """Recognise if documents or decisions changed since the register was last brought up to date."""
    if window.workspace.entities.is_stale():
        start_recognition(window, panels, area)


def offer_entity_filter(window: MainWindow, panels: EntityPanels) -> None:
    """Give Comparisons an entity filter, read in a worker: over thousands of linked passages the mentions inside
    them take a third of a second, which every link made or undone froze the window for."""
    panels.entity_filter.start(lambda workspace, _progress, _cancelled: _entity_choices(workspace),
                               window.annotation_panels.comparisons.set_entity_choices,
                               lambda message: window.statusBar().showMessage(message, 10000))


def _entity_choices(workspace: Workspace) -> list[tuple[str, tuple[tuple[int, int, int], ...]]]:
    """Each entity named inside a linked passage, with its mentions there."""
    sides = [(side.document_id, side.start, side.end) for pair in workspace.comparisons.list()
             for side in (pair.a, pair.b)]
    found: dict[int, list[tuple[int, int, int]]] = {}
    for mention in sorted(workspace.entities.mentions_within(sides), key=lambda m: (m.document_id, m.start)):
        found.setdefault(mention.entity_id, []).append((mention.document_id, mention.start, mention.end))
    names = workspace.entities.names(set(found))  # only these: the register's counts read every mention
    return sorted((names[entity_id], tuple(spans)) for entity_id, spans in found.items() if entity_id in names)


def _say_counts(window: MainWindow, panels: EntityPanels, failed: list = ()) -> None:
    """The register's size in the status line, counted as the register lists it (names apart from dates), and
    whether a name model was missing, for as long as the register lacks its names (its reason in the tooltip: said
    for ten seconds, it had then been said by nothing)."""
    entities, mentions, dates = window.workspace.entities.counts()
    message = (f"Entities: {entities} in the register, {plural(mentions, 'mention')} of them, "
               f"{plural(dates, 'date')}")
    if failed:
        message += f"; recognition failed on {plural(len(failed), 'document')}, marked ⚠ in the library"
    if panels.model_warning:
        message += "; a name model is missing, so some names were not read"
    if panels.unread:
        message += f"; no model reads the names of {plural(len(panels.unread), 'text')} (not English or Russian)"
    window.recognition_status.setText(message)
    window.recognition_status.setToolTip("\n\n".join(filter(None, (panels.model_warning, _unread_said(panels)))))


def _unread_said(panels: EntityPanels) -> str:
    from reader.core.entities.service import unread_line

    return unread_line(panels.unread) if panels.unread else ""


def _on_register_changed(window: MainWindow, panels: EntityPanels, area: PaneArea) -> None:
    """A decision undone or redone (here or from the command line): bring mentions up to date, then repaint."""
    _say_counts(window, panels)
    panels.register.if_built(lambda register: register.refresh())
    panels.mentions.if_built(lambda mentions: mentions.refresh())
    area.refresh_all()
    _catch_up(window, panels, area)


def _on_recognised(window: MainWindow, panels: EntityPanels, area: PaneArea, report: RecognitionReport | None,
                   ) -> None:
    """Repaint what recognition changed; `report` None: the register was current at start, and nothing is repainted
    (on a thousand documents the library was listed and measured again, a second's stall, for nothing new)."""
    with suppress(ReaderError):  # the library went wrong meanwhile: the next look for others' changes says how
        window.workspace.outside.take_register_as_seen()
    if report is not None:
        panels.register.if_built(lambda register: register.refresh())
        panels.mentions.if_built(lambda mentions: mentions.refresh())  # its places were read from the register
    window.recognition_done.emit()
    if report is not None:
        area.refresh_all()
        window.refresh_library()
    if report is not None:
        panels.model_warning, panels.unread = report.model_warning, report.unread
    _say_counts(window, panels, report.failed if report is not None else ())
    if report is not None and report.model_warning:
        window.statusBar().showMessage(report.model_warning, 10000)
    window.entities_recognised.emit()


def _show_entity(window: MainWindow, panels: EntityPanels, entity_id: int) -> None:
    try:
        panels.mentions.widget().show_entity(entity_id)
    except ReaderError as exc:  # the register changed under the click (e.g. a re-run merged it away)
        window.statusBar().showMessage(str(exc), 10000)
        return
    window.raise_panel("Mentions")


def _mark(window: MainWindow, area: PaneArea, document_id: int, start: int, end: int, kind: str,
          shown: int) -> None:
    """A name marked in the text, stored by a worker as the register's decisions are: it may consolidate the whole
    corpus (seconds on a large library, the window frozen meanwhile)."""
    task = window.ops.run_in_background(f"Mark as {kind.lower()}",
                                        lambda worker: worker.entities.add_mention(document_id, start, end, kind,
                                                                                   shown))
    task.finished.connect(lambda _outcome: area.refresh_all())

"""What the reading view needs from the rest of the program, handed in as one bundle by the application."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QMenu

from reader.core.records.documents import Span
from reader.core.workspace import Workspace
from reader.ui.events import AnnotationEvents
from reader.ui.operations import OpRunner

SpanProvider = Callable[[int], list[Span]]


@dataclass
class ReadingServices:
    """The workspace, the operation runner and events, and extra layers (e.g. entity mentions) with a describer."""

    workspace: Workspace
    ops: OpRunner
    events: AnnotationEvents
    providers: list[SpanProvider] = field(default_factory=list)
    describe_mention: Callable[[int], str] = lambda entity_id: ""
    mark_entity: Callable[[int, int, int, str, int], None] | None = None  # (document, start, end, type, version)
    # a mention's actions added to the text's context menu: (menu, document, its span, its text)
    mention_actions: Callable[[QMenu, int, Span, str], None] | None = None
    open_documents: Callable[[], list[int]] = lambda: []  # the documents open side by side, left to right

"""The Timeline: every dated passage on one time axis, a lane per document, events joined and conflicts in red.

Zoom runs from decades to days (the axis's pixels per day); filters narrow by entity, tag and document kind, or to the
conflicts only.
Clicking a mark opens its passage. A mark spans the days its date can mean: a day is a dot, "early 1935" a bar.
A mark's tooltip says what each source of its event dates it; its context menu opens its passage or another source's
beside, or judges its event not one event (its passages only looked alike).
From the keyboard: Left and Right step through the marks in time, Enter opens one, the menu key its context menu.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF, QSettings, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reader.core.compare.entry_text import dated_line, shown_range
from reader.core.compare.timeline import held_by_link
from reader.core.compare.timeline_lanes import Lanes, across_the_lane, in_painting_order, spread
from reader.core.heap import without_collection
from reader.core.records.compare import TimelineEntry, TimelineEvent, events_by_place
from reader.core.records.documents import DOCUMENT_KINDS
from reader.core.wording import one_line, plural
from reader.ui.keyed_actions import KeyTable
from reader.ui.reading.header import ElidedLabel
from reader.ui.workers import NewestReading

ZOOMS = {"Fit": 0.0, "Decades": 0.06, "Years": 0.6, "Months": 6.0, "Days": 40.0}  # pixels per day (Fit: all)
LANE, LEFT, TOP, MIN_MARK = 30, 190, 28, 6  # LEFT: the least width of the lane names' column
LEFT_MOST = 300  # the most it widens to for long names (sources' titles)
SHOWN_SOURCES = 8  # sources of an event named in a mark's tooltip and context menu
SOURCE_CHARS = 48  # a source's title, cut where it names one (some titles are a whole sentence)
DAY_TICKS = 18.0  # pixels per day from which each day is numbered on the axis
MAX_WIDTH = 16_000_000  # pixels: Qt's widget size limit (centuries at day zoom)
EXPORT_TYPES = {"HTML page (*.html *.htm)": "html", "CSV table (*.csv)": "csv"}
PLAIN, IN_EVENT, CONFLICT = QColor("#7f8c8d"), QColor("#2e86c1"), QColor("#c0392b")
TIMELINE_KEYS = KeyTable("Timeline", {  # answered by TimelineView.keyPressEvent; listed in Help > Keyboard shortcuts
    "step": ("Previous or next mark in time", ("Left", "Right")),
    "ends": ("First or last mark in time", ("Home", "End")),
    "open": ("Open the chosen mark's passage", ("Return",))})


@dataclass(frozen=True)
class Mark:
    """A painted mark and what it stands for."""

    rect: QRectF
    entry: TimelineEntry
    conflict: bool
    in_event: bool


@dataclass(frozen=True)
class Reading:
    """The filters a reading of the timeline was asked with, and how they are said."""

    by_entity: bool
    filters: dict[str, str]
    conflicts_only: bool
    said: list[str]


class TimelineCanvas(QWidget):
    """Lanes and marks; `mark_clicked(entry)` when a mark is clicked, `dissolve_requested(event)` when its event is
    judged not one event."""

    mark_clicked = Signal(object)
    dissolve_requested = Signal(object)
    current_moved = Signal(QRectF)  # the mark chosen from the keyboard, to scroll into view

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: list[TimelineEntry] = []
        self.events: list[TimelineEvent] = []
        self.layout_lanes = Lanes([])
        self.marks: list[Mark] = []
        self.scale = ZOOMS["Years"]
        self._first = self._last = 0
        self._events: dict[tuple, TimelineEvent] = {}
        self.by_entity = False
        self.names: dict[int, str] = {}  # each document's title: lanes and tips name sources so
        self.current: int | None = None  # the mark chosen from the keyboard (an index into `marks`)
        self.left = self._names_width = LEFT  # the lane names' column: as wide as the longest name needs, within
        # LEFT..LEFT_MOST, and a quarter of the view at most
        self._in_time: list[int] = []  # the marks' indexes from the earliest to the latest
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_entries(self, entries: list[TimelineEntry], events: list[TimelineEvent], by_entity: bool = False,
                    names: dict[int, str] | None = None) -> None:
        """Lanes per document, or per entity (the most often dated ones, first; an entry shows in each of its
        lanes); `names`: each document's title, by id (lanes, tips and menus name sources by it). The marks are laid
        out by the scale set next (`set_scale`): laid out here too, a thousand documents' marks took a fifth of a
        second twice on the window's thread."""
        self.entries = entries
        self.events = events  # as shown: an export writes them, not read again
        self.names = names or {}
        self._events = events_by_place(events)
        self.by_entity = by_entity
        self.current = None
        self.layout_lanes = Lanes(entries, by_entity, self.names)
        longest = max((self.fontMetrics().horizontalAdvance(name) for name in self.lanes), default=0)
        self._names_width = self.left = min(max(LEFT, longest + 16), LEFT_MOST)  # a title cut at 190 px told no
        # source apart
        self._first = min((date.fromisoformat(e.first).toordinal() for e in entries), default=0) - 15
        self._last = max((date.fromisoformat(e.last).toordinal() for e in entries), default=0) + 15
        self.marks, self._in_time = [], []
        self.setMinimumHeight(TOP + len(self.lanes) * LANE + 10)  # whether the lanes overflow: the scale's room

    def set_scale(self, pixels_per_day: float, width: int = 0) -> None:
        """Pixels per day; 0 fits the whole axis, every mark, into `width` pixels (what 'Fit' promises). The lane
        names take a quarter of `width` at most (a third of a laptop's screen at 150 % was names)."""
        if width:
            self.left = min(self._names_width, max(LEFT, width // 4))
        self.scale = pixels_per_day or max((width - self.left - 40) / max(self._last - self._first, 1), 0.001)
        self._layout_marks()

    def view_start(self, width: float) -> int:
        """The first day of a view `width` pixels wide where a zoom opens: around the mark chosen, else on the stretch
        holding the most marks (a lifespan "1900-1937" or a web page's "updated 2024" is not where most sources tell:
        a view opened at the 10th percentile less a year showed 1919, the 1934-1937 marks fifteen years away)."""
        days_shown = width / self.scale
        if self.current is not None and self.current < len(self.marks):
            chosen = date.fromisoformat(self.marks[self.current].entry.first).toordinal()
            return max(chosen - int(days_shown / 2), self._first)
        days = sorted(date.fromisoformat(e.first).toordinal() for e in self.entries)
        if not days:
            return self._first
        start, most, low = days[0], 0, 0
        for high, day in enumerate(days):  # the window of `days_shown` days ending at each mark, widest count kept
            while days[low] < day - days_shown * 0.9:  # a tenth of the view left as margin on the right
                low += 1
            if high - low + 1 > most:
                start, most = days[low], high - low + 1
        return max(start - int(days_shown * 0.05), self._first)

    def x_of(self, iso: str) -> float:
        return self.left + (date.fromisoformat(iso).toordinal() - self._first) * self.scale

    @property
    def lanes(self) -> list[str]:
        """The lanes' names: sources' titles, or entities' names."""
        return self.layout_lanes.names

    def _layout_marks(self) -> None:
        """A mark per entry and lane, in painting order (`in_painting_order`), each placed across its lane by
        `spread`, and ordered in time by their corners as numbers: sorted as marks, through Qt's rectangles, 77,000
        marks of entity lanes took over half a second on the window's thread."""
        with without_collection():  # tens of thousands of marks, all kept: the collector would walk them for nothing
            self._lay_out_in_order()
        width = min(self.left + (self._last - self._first) * self.scale + 40, MAX_WIDTH)
        self.setMinimumSize(int(max(width, 400)), TOP + len(self.lanes) * LANE + 10)
        self.resize(self.minimumSize())
        self.update()

    def _lay_out_in_order(self) -> None:
        laid = []
        for e, event in in_painting_order(self.entries, self._events):
            x0, x1 = self.x_of(e.first), self.x_of(e.last) + self.scale
            laid += [(lane, x0, max(x1 - x0, MIN_MARK * 2), e, event) for lane in self.layout_lanes.of(e)]
        self.marks, corners, middle = [], [], TOP + LANE / 2
        for (lane, x0, width, e, event), (across, many) in zip(
                laid, spread([(lane, x0) for lane, x0, *_ in laid], MIN_MARK * 2), strict=True):
            shift, height = across_the_lane(LANE, MIN_MARK * 2, across, many)
            y = middle + lane * LANE + shift
            self.marks.append(Mark(QRectF(x0, y - height / 2, width, height), e, event is not None and event.conflict,
                                   event is not None))
            corners.append((x0, y))
        self._in_time = sorted(range(len(corners)), key=corners.__getitem__)

    def mark_at(self, x: float, y: float) -> Mark | None:
        """The mark at the point, if one is seen there (the axis is painted over the marks scrolled under it)."""
        index = self._index_at(x, y)
        return None if index is None else self.marks[index]

    def _index_at(self, x: float, y: float) -> int | None:
        if y < self.visibleRegion().boundingRect().top() + TOP:
            return None
        return next((index for index in range(len(self.marks) - 1, -1, -1)
                     if self.marks[index].rect.adjusted(-2, -2, 2, 2).contains(x, y)), None)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        ticks = self.axis_ticks()
        self._paint_grid(painter, ticks)
        self._paint_marks(painter, self.marks_in(QRectF(event.rect())))
        self._paint_lane_names(painter)
        self._paint_axis(painter, ticks)
        painter.end()

    def _paint_grid(self, painter: QPainter, ticks: list[tuple[float, str, bool]]) -> None:
        """The years' lines down the lanes, and a line between lanes."""
        painter.setPen(QPen(self.palette().mid().color()))  # the palette's: fixed light greys glared on a dark one
        for x, _text, long_line in ticks:
            if long_line:
                painter.drawLine(int(x), TOP, int(x), self.height())
        painter.setPen(QPen(self.palette().midlight().color()))
        for number in range(len(self.lanes)):
            painter.drawLine(0, int(TOP + (number + 1) * LANE), self.width(), int(TOP + (number + 1) * LANE))

    def _paint_axis(self, painter: QPainter, ticks: list[tuple[float, str, bool]]) -> None:
        """The axis's labels along the top of the view however far the lanes are scrolled down (scrolled away with
        the first lanes, marks far down had no year to read), with the corner naming where the left edge is."""
        shown = self.visibleRegion().boundingRect()
        top = shown.top()
        painter.fillRect(QRectF(shown.left(), top, shown.width(), TOP), self.palette().base())
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawLine(shown.left(), top + TOP, shown.right(), top + TOP)
        for x, _text, long_line in ticks:
            painter.drawLine(int(x), top + (TOP - 6 if long_line else TOP - 2), int(x), top + TOP)
        painter.setPen(self.palette().text().color())  # labels as dark as text: the ticks' grey was hard to read
        for x, text, _long_line in ticks:
            painter.drawText(int(x) + 3, top + TOP - 10, text)
        if self.entries:
            painter.drawText(shown.left() + 4, top + TOP - 10, self.edge_label())

    def _paint_lane_names(self, painter: QPainter) -> None:
        """Lane names stay at the visible left edge however far the axis is scrolled."""
        left = self._visible_left()
        painter.fillRect(QRectF(left, 0, self.left - 6, TOP + len(self.lanes) * LANE), self.palette().base())
        painter.setPen(self.palette().text().color())
        metrics = painter.fontMetrics()
        for number, name in enumerate(self.lanes):
            painter.drawText(QRectF(left + 4, TOP + number * LANE, self.left - 12, LANE), Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, self.left - 12))

    def marks_in(self, exposed: QRectF) -> list[Mark]:
        """The marks a paint of the `exposed` rectangle shows (in drawing order): all 34,615 of a large library
        were drawn at every paint, a second per scroll step, however few were in view."""
        return [mark for mark in self.marks if mark.rect.adjusted(-2, -2, 2, 2).intersects(exposed)]

    def _paint_marks(self, painter: QPainter, marks: list[Mark]) -> None:
        for mark in marks:
            color = CONFLICT if mark.conflict else IN_EVENT if mark.in_event else PLAIN
            painter.setPen(QPen(color.darker(130), 2 if mark.conflict else 1))
            painter.setBrush(color)
            if mark.rect.width() <= MIN_MARK * 2:
                painter.drawEllipse(mark.rect)
            else:
                painter.setOpacity(0.55)
                painter.drawRoundedRect(mark.rect, 3, 3)
                painter.setOpacity(1.0)
        if self.current is not None and self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.marks[self.current].rect.adjusted(-4, -4, 4, 4))

    def keyPressEvent(self, event) -> None:
        """Left and Right step through the marks in time, Home and End go to the first and the last, Enter opens
        the chosen one's passage and the menu key its context menu (Shift+F10 asks for it as a keyboard's request:
        keyboard_menus.py)."""
        key, steps = event.key(), {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}
        if not self.marks:
            super().keyPressEvent(event)
        elif key in steps or key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._choose(key, steps.get(key, 0))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current is not None:
            self.mark_clicked.emit(self.marks[self.current].entry)
        elif self.current is not None and key == Qt.Key.Key_Menu:
            self._menu_at_chosen()
        else:
            super().keyPressEvent(event)

    def _choose(self, key, step: int) -> None:
        last = len(self._in_time) - 1
        if key == Qt.Key.Key_End:
            place = last
        elif key == Qt.Key.Key_Home or self.current is None:  # from no mark, either arrow starts at the first
            place = 0
        else:
            place = max(0, min(last, self._in_time.index(self.current) + step))
        self.current = self._in_time[place]
        mark = self.marks[self.current]
        self.current_moved.emit(mark.rect)
        QToolTip.showText(self.mapToGlobal(mark.rect.bottomLeft().toPoint()), self.tip(mark), self)  # what it is
        self.update()

    def axis_ticks(self) -> list[tuple[float, str, bool]]:
        """(x, label, a line down the lanes?) for each year shown and, where a month has room for its name, each month,
        named with its year: a timeline of one November may show no January to read the year from."""
        if not self.entries:
            return []
        start, end = date.fromordinal(self._first).year, date.fromordinal(self._last).year
        step = next((n for n in (1, 2, 5, 10, 20, 50, 100, 200, 500) if n * 365 * self.scale >= 45), 1000)
        ticks = []
        for year in range(start - start % step, end + 1, step):
            ticks.append((self.x_of(f"{year:04d}-01-01"), str(year), True))
            if self._months_named():
                ticks += [(self.x_of(f"{year:04d}-{month:02d}-01"), date(year, month, 1).strftime("%b %Y"), False)
                          for month in range(2, 13)]
        if self.scale >= DAY_TICKS:  # room to number the days: "15" and "24" November are then read off the axis
            shown = self.visibleRegion().boundingRect()  # at day zoom the axis may be millions of pixels long
            days = range(self._first + max(0, int((shown.left() - self.left) / self.scale)),
                         min(self._last, self._first + int((shown.right() - self.left) / self.scale) + 1) + 1)
            room = self.fontMetrics().horizontalAdvance("Sep 1934") + 6  # the month's own name comes first
            ticks += [(x, str(day.day), False) for day in map(date.fromordinal, days)
                      if (x := self.x_of(day.isoformat())) - self.x_of(day.replace(day=1).isoformat()) >= room]
        edge = self._visible_left() + self.left  # the lane names cover what is left of it
        return [tick for tick in ticks if tick[0] >= edge]

    def _visible_left(self) -> int:
        return self.visibleRegion().boundingRect().left()

    def day_at(self, x: float) -> int:
        """The day (ordinal) at `x` on the axis."""
        return self._first + int((x - self.left) / self.scale)

    def edge_label(self) -> str:
        """The year (zoomed to months or closer, the month and year) at the visible left edge of the axis: scrolled
        into a stretch of months with no January in view, the ticks alone would not give the year."""
        at = date.fromordinal(min(max(self.day_at(self._visible_left() + self.left), self._first), self._last))
        return at.strftime("%b %Y" if self._months_named() else "%Y")

    def _months_named(self) -> bool:
        """Whether a month has room for its name on the axis: Fit over March to November 1934 named none (months were
        named from the Months zoom on), and the marks could not be read off the axis."""
        return 28 * self.scale >= self.fontMetrics().horizontalAdvance("Sep 1934") + 12

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A left click opens the mark's passage (a right click is for its context menu), and makes it the keys'
        choice: Right went on from the first mark of all, years away (audit BN F4)."""
        index = self._index_at(event.position().x(), event.position().y())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.current = index
            self.update()
            self.mark_clicked.emit(self.marks[index].entry)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The menu of the mark clicked, or, asked from the keyboard (the menu key), of the mark chosen, at it: the
        keyboard's event comes from the middle of the chart."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard and self.current is not None:
            self._menu_at_chosen()
            return
        mark = self.mark_at(event.pos().x(), event.pos().y())
        if mark is not None:
            self.menu_for(mark).exec(event.globalPos())

    def _menu_at_chosen(self) -> None:
        mark = self.marks[self.current]
        self.menu_for(mark).exec(self.mapToGlobal(mark.rect.center().toPoint()))

    def menu_for(self, mark: Mark) -> QMenu:
        """Open the passage; for a mark of an event, say the event is not one (every pair of its passages from
        different documents judged apart, undoable)."""
        menu = QMenu(self)
        menu.addAction("Open passage", lambda: self.mark_clicked.emit(mark.entry))
        event = self.event_of(mark.entry)
        for other in _other_sources(event, mark.entry)[:SHOWN_SOURCES]:  # the accounts to read beside this one
            menu.addAction(f"Open {self.source_name(other)}: {other.text} ({other.value})",
                           lambda other=other: self.mark_clicked.emit(other))
        if event is not None and held_by_link(event):
            menu.addAction("One event by your link (delete it in Comparisons to part them)").setEnabled(False)
        elif event is not None:
            sources = plural(len({e.document_id for e in event.entries}), "source")
            menu.addAction(f"Not one event (judge the {sources}' passages apart)",
                           lambda: self.dissolve_requested.emit(event))
        return menu

    def event_of(self, entry: TimelineEntry) -> TimelineEvent | None:
        return self._events.get(entry.place)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        mark = self.mark_at(event.position().x(), event.position().y())
        self.setToolTip("" if mark is None else self.tip(mark))

    def tip(self, mark: Mark) -> str:
        """The date as written, what it means and the sentence giving it; for a mark of an event, what each of its
        sources dates it (a conflict's disagreement in full) and what made it one besides names."""
        entry, joined = mark.entry, self.event_of(mark.entry)
        lines = [f"{self.source_name(entry)}: {entry.text} ({entry.value}, {entry.precision})",
                 dated_line(entry, 300)]
        return "\n".join(lines if joined is None else [*lines, "", *_event_lines(joined, self.source_name)])

    def source_name(self, entry: TimelineEntry) -> str:
        """The entry's source by its title (cut: some titles are a whole sentence), else its file name."""
        return one_line(self.names.get(entry.document_id, entry.file_name), SOURCE_CHARS)


def _event_lines(event: TimelineEvent, source_name) -> list[str]:
    """What each source of an event dates it, a line each (the first SHOWN_SOURCES sources), sources told apart by
    their file names where their names read alike (two copies of one report: one source seemed to contradict
    itself)."""
    by_document: dict[int, list[str]] = {}
    for entry in event.entries:
        values = by_document.setdefault(entry.document_id, [])
        if entry.value not in values:
            values.append(entry.value)
    first = {entry.document_id: entry for entry in reversed(event.entries)}
    said = {document: source_name(first[document]) for document in by_document}
    alike = Counter(said.values())
    dates = {name if alike[name] == 1 else f"{name} ({first[document].file_name})": by_document[document]
             for document, name in said.items()}
    names = f", naming {', '.join(event.entities)}" if event.entities else ""
    why = f" ({'; '.join(event.reasons)})" if event.reasons else ""
    verdict = ": a conflict, the sources' dates cannot all be right" if event.conflict else ""
    lines = [f"One event in {plural(len(dates), 'source')}{names}{why}{verdict}"]
    lines += [f"{name}: {', '.join(values)}" for name, values in list(dates.items())[:SHOWN_SOURCES]]
    if len(dates) > SHOWN_SOURCES:
        lines.append(f"… and {plural(len(dates) - SHOWN_SOURCES, 'more source')}")
    return lines


def _other_sources(event: TimelineEvent | None, entry: TimelineEntry) -> list[TimelineEntry]:
    """The first entry of each other document of the entry's event."""
    if event is None:
        return []
    found: dict[int, TimelineEntry] = {}
    for other in event.entries:
        if other.document_id != entry.document_id:
            found.setdefault(other.document_id, other)
    return list(found.values())


def _conflicts_of(entries: list[TimelineEntry], events: list[TimelineEvent],
                  ) -> tuple[list[TimelineEntry], list[TimelineEvent]]:
    """The entries and events of the conflicts alone."""
    conflicts = [event for event in events if event.conflict]
    kept = events_by_place(conflicts)
    return [e for e in entries if e.place in kept], conflicts


class TimelinePanel(QWidget):
    """The canvas in a scroll area with zoom and filters; `passage_requested(document_id, start, end)`."""

    passage_requested = Signal(int, int, int)
    dissolve_requested = Signal(object)  # an event judged not one event

    def __init__(self, timeline, runner, parent: QWidget | None = None, settings: QSettings | None = None):
        """`runner` reads the dates and groups the events in a worker (the window's TaskRunner): on a thousand
        documents that takes about half a second, which the window should not freeze for. `settings` keep the
        folder of the last export (the Export dialog's)."""
        super().__init__(parent)
        self._timeline, self._runner, self._settings = timeline, runner, settings
        self._reading = NewestReading(runner)
        self._read_when_seen = False
        self._applied: Reading | None = None  # the filters last applied (Enter, a box chosen, Refresh)
        self._to_place = False  # a reading the reader asked for is yet to be shown, placed where its marks are
        self.canvas = TimelineCanvas(self)
        self.canvas.mark_clicked.connect(lambda e: self.passage_requested.emit(e.document_id, *shown_range(e)))
        self.canvas.dissolve_requested.connect(self.dissolve_requested)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.canvas)
        self.scroll.setFocusProxy(self.canvas)  # a click below the lanes gives the chart the keys too
        # the chosen mark comes into view clear of the lane names and the axis painted over the edges
        self.canvas.current_moved.connect(lambda rect: self.scroll.ensureVisible(
            int(rect.left() + min(rect.width(), MIN_MARK * 2) / 2), int(rect.center().y()), self.canvas.left + 20,
            TOP + 20))
        for bar in (self.scroll.horizontalScrollBar(), self.scroll.verticalScrollBar()):
            bar.valueChanged.connect(self.canvas.update)  # the lane names and the axis move along
        self.zoom_box = QComboBox(self)
        self.zoom_box.addItems(list(ZOOMS))
        self.zoom_box.currentTextChanged.connect(self._apply_zoom)
        self.entity_edit = QLineEdit(self, placeholderText="Entity…")
        self.entity_names = QStringListModel(self)  # the register's names, completed as typed (audit BN F9)
        completer = QCompleter(self.entity_names, self.entity_edit, caseSensitivity=Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "genden" offers Peljidiin Genden
        self.entity_edit.setCompleter(completer)
        self.tag_edit = QLineEdit(self, placeholderText="Tag…")
        self.kind_box = QComboBox(self)
        self.kind_box.addItem("Any kind", "")
        for kind in DOCUMENT_KINDS:
            self.kind_box.addItem(kind, kind)
        for edit in (self.entity_edit, self.tag_edit):
            edit.editingFinished.connect(self.refresh)
        self.kind_box.currentIndexChanged.connect(self.refresh)
        self.lanes_box = QComboBox(self)
        self.lanes_box.addItems(["Lane per document", "Lane per entity"])
        self.lanes_box.currentIndexChanged.connect(self.refresh)
        self.conflicts_box = QCheckBox("Conflicts only", self, toolTip="Only the events whose sources give dates "
                                                                       "that cannot all be right")
        self.conflicts_box.toggled.connect(self.refresh)
        self.summary = ElidedLabel(self)  # cut with "…" where the bar is short (a large font), whole in its tooltip
        for edit in (self.entity_edit, self.tag_edit):  # a filter box keeps room for its placeholder ("E…" did not)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText() + "MMM"))
        self._lay_out()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Zoom:", self))
        for widget in (self.zoom_box, self.lanes_box, self.entity_edit, self.tag_edit, self.kind_box,
                       self.conflicts_box, QPushButton("Refresh", self, clicked=self.refresh),
                       QPushButton("Export…", self, clicked=self._on_export_chosen)):
            bar.addWidget(widget)
        bar.addSpacing(8)
        bar.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    def export_to(self, path: str) -> None:
        """Write what the timeline shows (filters applied) as CSV, or as HTML when the name ends in .html/.htm, in a
        worker; the summary says how many passages went where, or why none did."""
        from pathlib import Path

        fmt = "html" if path.lower().endswith((".html", ".htm")) else "csv"
        view = (list(self.canvas.entries), list(self.canvas.events))
        by_entity, shown = self.canvas.by_entity, self.filters_shown()
        self.summary.setText(f"Writing {path}…")
        task = self._runner.start(lambda workspace, _progress, _cancelled: workspace.timeline.export(
            Path(path), fmt, view, by_entity, shown))
        task.finished.connect(lambda count: self._exported(count, Path(path)))
        task.failed.connect(self.summary.setText)

    def _exported(self, count: int, path) -> None:
        from reader.ui.file_dialogs import remember_export_folder

        remember_export_folder(self._settings, path)
        self.summary.setText(f"Exported {plural(count, 'dated passage')} to {path}")

    def filters_shown(self) -> str:
        """The filters applied, in words, for an export to say which passages it holds ('' for all)."""
        parts = self._filters_in_words()
        return f"Dated passages with {', '.join(parts)}" if parts else ""

    def _filters_in_words(self) -> list[str]:
        parts = [f"{label} “{text}”" for label, text in (("entity", self.entity_edit.text().strip()),
                                                          ("tag", self.tag_edit.text().strip())) if text]
        parts += [f"kind {self.kind_box.currentData()}"] if self.kind_box.currentData() else []
        return parts + (["conflicts only"] if self.conflicts_box.isChecked() else [])

    def _on_export_chosen(self) -> None:
        from reader.ui.file_dialogs import export_folder, save_file_name

        path = save_file_name(self, "Export the timeline", str(export_folder(self._settings) / "timeline.html"),
                              EXPORT_TYPES)
        if path:
            self.export_to(path)

    def _apply_zoom(self, *_args) -> None:
        """Zoom, opening around the mark chosen, else where most marks are."""
        self.canvas.set_scale(ZOOMS[self.zoom_box.currentText()], self._fit_width())
        first = self.canvas.view_start(self.scroll.viewport().width() - self.canvas.left)
        if first >= 1:  # an empty timeline (nothing dated yet) has no range to scroll to
            self.scroll.horizontalScrollBar().setValue(int(self.canvas.x_of(date.fromordinal(first).isoformat())
                                                           - self.canvas.left))

    def _fit_width(self) -> int:
        """The width the axis may take without a sideways scroll bar: the view's, less the vertical scroll bar's
        when there are more lanes than fit (fitted to the whole width, the last year went under it)."""
        room = self.scroll.maximumViewportSize()
        lanes_overflow = self.canvas.minimumHeight() > room.height()
        return room.width() - (self.scroll.verticalScrollBar().sizeHint().width() if lanes_overflow else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.zoom_box.currentText() == "Fit":
            self._apply_zoom()

    def refresh(self, *_args) -> None:
        """Read the timeline again, with the filters chosen, in a worker; the marks shown stay until it is done."""
        self._applied = Reading(self.lanes_box.currentIndex() == 1, {
            "entity": self.entity_edit.text().strip(), "tag": self.tag_edit.text().strip(),
            "kind": self.kind_box.currentData() or ""}, self.conflicts_box.isChecked(), self._filters_in_words())
        self._to_place = True
        self._read(self._applied, keep_place=False)

    def _read(self, asked: Reading, keep_place: bool) -> None:
        """Read with the filters `asked`; `keep_place`: the view stays on the days and lanes it shows, unless a
        reading the reader asked for is yet to be shown (one a change asked for after it took its place, and left
        the filtered marks out of view, audit DU F3)."""
        keep_place = keep_place and not self._to_place
        def read(workspace, _progress, _cancelled):
            entries, events = workspace.timeline.view(**asked.filters)
            found = _conflicts_of(entries, events) if asked.conflicts_only else (entries, events)
            return (*found, workspace.documents.names(), workspace.timeline.entity_choices())

        self._reading.start(read, lambda found: self._show(*found, asked.by_entity, asked.said, keep_place),
                            self._refused)

    def refresh_when_seen(self) -> None:
        """Read again, as a change elsewhere asks, with the filters last applied (one half typed was applied, audit DS
        F5), the view left on its days: now if shown, else once shown (behind another tab, every highlight made
        read the whole library's dates unseen, half a second of a core on a thousand documents)."""
        if not self.isVisible():
            self._read_when_seen = True
        elif self._applied is None:
            self.refresh()
        else:
            self._read(self._applied, keep_place=True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._read_when_seen:
            self._read_when_seen = False
            self.refresh_when_seen()

    def _offer_names_whole(self, names: list[str]) -> None:
        """The list of names offered as an entity is typed is as wide as the longest (up to half the screen): as
        narrow as the box, it cut them ("Foreign Affairs G…")."""
        popup = self.entity_edit.completer().popup()
        text = max((popup.fontMetrics().horizontalAdvance(name) for name in names), default=0)
        room = 2 * popup.frameWidth() + popup.verticalScrollBar().sizeHint().width() + popup.fontMetrics().height()
        popup.setMinimumWidth(min(text + room, self.screen().availableGeometry().width() // 2))

    def _refused(self, message: str) -> None:
        """A reading refused (a name no entity has) shows no marks: those of the filters before stayed, and an
        export wrote them under the filter refused (audit BO F4)."""
        self.canvas.set_entries([], [], names={})
        self._apply_zoom()
        self.summary.setText(message)
        self.summary.setToolTip(message)

    def _show(self, entries: list[TimelineEntry], events: list[TimelineEvent], names: dict[int, str],
              entity_names: list[str], by_entity: bool, filters: list[str], keep_place: bool = False) -> None:
        self.entity_names.setStringList(entity_names)
        self._offer_names_whole(entity_names)
        bars = (self.scroll.horizontalScrollBar(), self.scroll.verticalScrollBar())
        left_day, lanes_down = self.canvas.day_at(bars[0].value() + self.canvas.left), bars[1].value()
        kept = keep_place and bool(self.canvas.entries)
        self.canvas.set_entries(entries, events, by_entity=by_entity, names=names)
        self._apply_zoom()
        if not keep_place:
            self._to_place = False  # shown where its marks are
        if kept:  # a re-read a change asked for leaves the reader where they were (it jumped, audit DS F5)
            bars[0].setValue(int(self.canvas.x_of(date.fromordinal(max(left_day, 1)).isoformat()) - self.canvas.left))
            bars[1].setValue(lanes_down)
        conflicts = sum(event.conflict for event in events)
        self.summary.setText(f"No dated passages with {', '.join(filters)}" if filters and not entries else  # a
                             f"{plural(len(entries), 'dated passage')} · {plural(len(events), 'event')} · "  # blank
                             f"{plural(conflicts, 'conflict')} (red)")  # view said nothing of why (audit CK K3)
        self.summary.setToolTip(self.summary.text())

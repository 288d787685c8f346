"""The timeline as CSV (one row per dated passage, with its event; cells a spreadsheet would run defused) and as
a standalone HTML page (escaped, no scripts or outside files: one lane per document, a mark per date, conflicts in
red, and each conflict's sources with the sentence giving each date)."""

from __future__ import annotations

import csv
import io
from datetime import date
from html import escape

from reader.core.compare.entry_text import dated_line
from reader.core.compare.timeline_lanes import Lanes, across_the_lane, in_painting_order, spread
from reader.core.export.csv_format import neutralise
from reader.core.records.compare import TimelineEntry, TimelineEvent, events_by_place
from reader.core.wording import one_line, plural

COLUMNS = ["document", "title", "kind", "date_text", "value", "precision", "first", "last", "start", "end", "date_at",
           "origin", "event", "conflict", "entities", "passage"]  # date_at: where the date stands (a passage may
# give one year twice: its rows are told apart by it), empty for a date a user wrote in a note
WIDTH, LANE, LEFT, MARK = 1000, 34, 220, 12  # MARK: a mark's height
LANE_CHARS = 32  # a lane's name, cut to the room left of the axis
TICK_ROOM = 40  # pixels between day ticks, for their labels


def timeline_csv(entries: list[TimelineEntry], events: list[TimelineEvent], titles: dict[int, str]) -> str:
    """A row per dated passage; `titles`: each document's, by id (its file's name is often a hash)."""
    events_by = events_by_place(events)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in entries:
        event = events_by.get(e.place)
        writer.writerow([neutralise(cell) for cell in (
            e.file_name, titles.get(e.document_id, e.file_name), e.kind, e.text, e.value, e.precision, e.first,
            e.last, e.start, e.end,
            "" if e.date_at is None else e.date_at, e.origin, event.id if event else "",
            "yes" if event and event.conflict else "", "|".join(e.entities), " ".join(e.passage.split()))])
    return out.getvalue()


def timeline_html(entries: list[TimelineEntry], events: list[TimelineEvent], lanes: Lanes, titles: dict[int, str],
                  shown: str = "") -> str:
    """The page: lanes as the window lays them out and its marks painted in its order, which passages they are
    (`shown`: the filters applied), and each conflict's sources by their titles (`titles`, by document id)."""
    first = min((date.fromisoformat(e.first).toordinal() for e in entries), default=0)
    last = max((date.fromisoformat(e.last).toordinal() for e in entries), default=1)
    scale = (WIDTH - LEFT - 20) / max(last - first, 1)
    laid = [(lane, LEFT + (date.fromisoformat(e.first).toordinal() - first) * scale, e, event)
            for e, event in in_painting_order(entries, events_by_place(events)) for lane in lanes.of(e)]
    marks = []
    for (lane, x0, e, event), (across, many) in zip(laid, spread([(lane, x0) for lane, x0, *_ in laid], MARK),
                                                      strict=True):
        x1 = LEFT + (date.fromisoformat(e.last).toordinal() - first) * scale
        color = "#c0392b" if event and event.conflict else ("#2e86c1" if event else "#7f8c8d")
        tip = escape(f"{e.text} ({e.value}) — {dated_line(e, 300)}")
        shift, height = across_the_lane(LANE, MARK, across, many)
        y = 30 + lane * LANE + shift - height / 2
        marks.append(f'<rect x="{x0:.1f}" y="{y:.1f}" width="{max(x1 - x0, 3):.1f}" height="{height:.1f}" '
                     f'fill="{color}" opacity="0.8"><title>{tip}</title></rect>')
    labels = "".join(f'<text x="4" y="{34 + n * LANE}" font-size="12">{escape(one_line(name, LANE_CHARS))}'
                     f'<title>{escape(name)}</title></text>' for n, name in enumerate(lanes.names))
    years = _ticks(first, last, scale, len(lanes))
    height = 50 + len(lanes) * LANE
    rows = "".join(_conflict_row(event, titles) for event in events if event.conflict)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Timeline</title><style>"
            f"body{{font-family:sans-serif;margin:1em}}td{{border-top:1px solid #ddd;padding:4px;vertical-align:top}}"
            f"</style></head><body><h1>Timeline</h1><p>{escape(shown or 'Every dated passage')}: "
            f"{plural(len(entries), 'dated passage')}, "
            f"{plural(len(events), 'event')}, {plural(sum(e.conflict for e in events), 'conflict')} (red).</p>"
            f'<svg width="{WIDTH}" height="{height}" role="img">{labels}{years}{"".join(marks)}</svg>'
            f"<h2>Conflicts</h2><table>{rows}</table></body></html>\n")


def _ticks(first: int, last: int, scale: float, lanes: int) -> str:
    """The axis, as the span asks: years over a long one, months over a year or two, days over a few months (the
    page had years only, and dates within one year had no axis at all); the first tick named in full."""
    if not first:
        return ""
    start, end = date.fromordinal(first), date.fromordinal(last)
    if last - first > 3 * 366:
        step = next(n for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if (end.year - start.year) / n <= 10)
        days = [date(year, 1, 1) for year in range(start.year - start.year % step, end.year + 1, step)]
        return _tick_lines([(day, str(day.year)) for day in days], first, scale, lanes)
    if last - first > 92:
        months = [date(start.year + (start.month - 1 + n) // 12, (start.month - 1 + n) % 12 + 1, 1)
                  for n in range((end.year - start.year) * 12 + end.month - start.month + 1)]
        return _tick_lines([(day, day.strftime("%b %Y")) for day in months], first, scale, lanes)
    step = max(1, -(-TICK_ROOM // max(int(scale), 1)))  # days between ticks with room for their labels
    days = [date.fromordinal(ordinal) for ordinal in range(first, last + 1, step)]
    return _tick_lines([(day, f"{day.day} {day:%b %Y}" if n == 0 or day.day <= step else str(day.day))
                        for n, day in enumerate(days)], first, scale, lanes)


def _tick_lines(ticks: list[tuple[date, str]], first: int, scale: float, lanes: int) -> str:
    drawn = []
    for day, label in ticks:
        x = LEFT + (day.toordinal() - first) * scale
        if x >= LEFT:
            drawn.append(f'<line x1="{x:.1f}" y1="16" x2="{x:.1f}" y2="{30 + lanes * LANE}" stroke="#ddd"/>'
                         f'<text x="{x + 2:.1f}" y="12" font-size="10">{escape(label)}</text>')
    return "".join(drawn)


def _conflict_row(event: TimelineEvent, titles: dict[int, str]) -> str:
    cells = "".join(f"<li><b>{escape(titles.get(e.document_id, e.file_name))}</b>: {escape(e.text)} "
                    f"({escape(e.value)}) — {escape(dated_line(e, 240))}</li>" for e in event.entries)
    why = "".join(f"<br><i>{escape(reason)}</i>" for reason in event.reasons)
    return (f"<tr><td>event {event.id}<br>{escape(', '.join(event.entities))}{why}</td><td><ul>{cells}</ul></td>"
            "</tr>")

"""The command line's compare commands: parallels, timeline, conflicts (kept apart from cli.py to keep it small)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, replace

from reader.cli_output import (
    counted,
    given,
    listed,
    output_file,
    pick,
    ref,
    replaceable,
    say,
    say_if_none,
    tab_fields,
    tab_line,
)
from reader.core.compare.entry_text import dated_line
from reader.core.compare.timeline_export import timeline_csv
from reader.core.errors import ReaderError
from reader.core.records.relations import RELATIONS
from reader.core.wording import plural

REF_REACH = 500  # the suggestions a ref is looked for among


def add_compare_commands(commands: argparse._SubParsersAction) -> None:
    parallels = commands.add_parser("parallels", help="passages of other documents likely telling of the same "
                                                      "thing, with reasons, disagreements and a suggested relation",
                                       description=tab_fields("number (for --link and --dismiss)",
                                                              "ref (the same, staying with the pair)", "score",
                                                              "suggested relation (or the relation "
                                                              "linked, marked '(linked)')", "range in DOC",
                                                              "other document", "range in it",
                                                              "reasons and what differs (after ' — differ: ')",
                                                              "the other's sentence"))
    parallels.add_argument("doc", metavar="DOC", help="document id, file name or its unique beginning")
    parallels.add_argument("--start", type=int, help="only the passages from this offset (code points)")
    parallels.add_argument("--end", type=int, help="... to this offset")
    parallels.add_argument("--top", type=counted, default=10, help="how many suggestions (default 10)")
    parallels.add_argument("--json", action="store_true", help="one JSON object per line")
    judged = parallels.add_mutually_exclusive_group()
    judged.add_argument("--link", type=listed, metavar="N|REF", help="link the two passages of suggestion N of this "
                                                                     "list, or of the one shown with REF (undoable)")
    judged.add_argument("--dismiss", type=listed, metavar="N|REF", help="judge suggestion N of this list (or REF) "
                                                                        "not parallel: it is not suggested again "
                                                                        "(undoable)")
    parallels.add_argument("--relation", choices=list(RELATIONS), help="with --link: the relation (default: the "
                                                                       "suggested one)")
    parallels.set_defaults(handler=cmd_parallels, reads_entities=lambda _args: True)
    timeline = commands.add_parser("timeline", help="every dated passage, earliest first", description=tab_fields(
        "first day it can mean", "last day", "precision (day, month, part, year, range, circa or bound)", "document",
        "passage range", "the date as written", "the sentence giving it"))
    timeline.add_argument("--entity", default=None, type=given, metavar="NAME", help="only passages naming this entity")
    timeline.add_argument("--from", dest="date_from", default=None, type=given, metavar="DATE",
                          help="from this date: a year, 1934-11, 1934-11-15, or as a text writes it ('early 1935')")
    timeline.add_argument("--to", dest="date_to", default=None, type=given, metavar="DATE",
                          help="to this date (as --from)")
    shape = timeline.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="one JSON object per line")
    shape.add_argument("--csv", action="store_true", help="CSV with a header, each row's event and conflict")
    shape.add_argument("--html", action="store_true", help="a standalone HTML page (lanes, marks, conflicts); "
                                                           "needs -o")
    timeline.add_argument("-o", "--output", type=output_file, metavar="FILE",
                          help="write the CSV (--csv) or HTML (--html) to FILE instead of printing")
    timeline.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists")
    timeline.set_defaults(handler=cmd_timeline, reads_entities=lambda _args: True)
    conflicts = commands.add_parser("conflicts", help="events whose sources give different dates",
                                    description=tab_fields("event number (for --dismiss)",
                                                           "ref (the same, staying with the event)", "who and where",
                                                           "each source's date with its range and sentence "
                                                           "(| between sources)",
                                                           "why they are one event"))
    conflicts.add_argument("--json", action="store_true", help="one JSON object per line")
    conflicts.add_argument("--dismiss", type=listed, metavar="N|REF", help="judge event N (or REF) not one event "
                                                                           "(its passages only looked alike; "
                                                                           "undoable)")
    conflicts.set_defaults(handler=cmd_conflicts, reads_entities=lambda _args: True)
    dismissed = commands.add_parser("dismissed", help="pairs judged not parallel (dismissed suggestions, events "
                                                      "judged not one), newest first, numbered",
                                       description=tab_fields("number (for --bring-back)",
                                                              "ref (the same, and the pair's in parallels)",
                                                              "when (UTC)",
                                                              "document", "range", "its words", "other document",
                                                              "range", "its words"))
    dismissed.add_argument("--json", action="store_true", help="one JSON object per line")
    dismissed.add_argument("--bring-back", type=listed, metavar="N|REF", help="undo judgement N of this list (or "
                                                                              "REF), however long ago it was made "
                                                                              "(undoable)")
    dismissed.set_defaults(handler=cmd_dismissed)


def cmd_parallels(workspace, args: argparse.Namespace) -> int:
    if (args.start is None) != (args.end is None):
        raise ReaderError("give both --start and --end, or neither")
    if args.relation and not args.link:
        raise ReaderError("--relation goes with --link N")
    document = workspace.documents.resolve(args.doc)
    if args.start is not None:
        _check_range(workspace, document, args.start, args.end)
    chosen = args.link or args.dismiss
    reach = REF_REACH if isinstance(chosen, str) else chosen or 0  # a ref may be of a row far down a long listing
    suggestions = workspace.parallels.suggest(document.id, args.start, args.end, top=max(args.top, reach),
                                              progress=_say_reading)
    if chosen:
        return _judge(workspace, args, suggestions, chosen)
    if not suggestions:
        say(f"no suggestions: no passage of another document tells of the same thing as {document.file_name}"
            f"{'' if args.start is None else f' {args.start}-{args.end}'}", err=True)
    for number, s in enumerate(suggestions, 1):
        if args.json:
            print(json.dumps({**asdict(s), "ref": _pair_ref(s)}, ensure_ascii=False))
            continue
        relation = f"{s.linked} (linked)" if s.linked else s.relation
        print(tab_line((number, _pair_ref(s), f"{s.score:.2f}", relation, f"{s.source.start}-{s.source.end}",
                        s.other.file_name, f"{s.other.start}-{s.other.end}", _why(s), s.other.excerpt_line(100))))
    return 0


def _check_range(workspace, document, start: int, end: int) -> None:
    """A range that holds no text is a mistake to name, not a question with an empty answer."""
    if not 0 <= start < end:
        raise ReaderError(f"--start {start} must be at least 0 and before --end {end}")
    length = len(workspace.documents.text(document.id).text)
    if start >= length:
        raise ReaderError(f"--start {start} is past the end: {document.file_name} has {length} characters")


def _why(suggestion) -> str:
    """The reasons, and apart from them what differs: run on with '; ', a date that ties the pair and the same
    dates as a disagreement read as a stutter."""
    why = "; ".join(suggestion.reasons)
    return f"{why} — differ: {'; '.join(suggestion.hints)}" if suggestion.hints else why


def _say_reading(done: int, total: int, what: str) -> None:
    """The first comparison of new texts reads their sentences (seconds): say so once, not keep the user guessing."""
    if done == 0:
        print(f"{what}: {plural(total, 'new sentence')}, read once…", file=sys.stderr)


def _pair_ref(pair) -> str:
    """The ref of a suggested or a dismissed pair: the same for both, so `dismissed` lists a pair by the ref
    `parallels` showed it with."""
    return ref("p", *pair.key)


def _judge(workspace, args: argparse.Namespace, suggestions: list, chosen: int | str) -> int:
    """Link or dismiss suggestion `chosen`: its number, counted from 1 as the listing shows it, or its ref."""
    s = pick(suggestions, chosen, _pair_ref)
    if s is None and isinstance(chosen, int):
        raise ReaderError(f"there is no suggestion {chosen}: this document has {len(suggestions)}")
    if s is None:
        raise ReaderError(f"no suggestion {chosen} among this document's: it was dismissed, its passages changed, "
                          "or it was listed for another document; list them again")
    if args.dismiss:
        workspace.parallels.dismiss(s)
        print(f"dismissed {_where(s.source, s.other)}")
        return 0
    relation = args.relation or s.relation
    one, two = s.to_link()
    link = workspace.links.link(one, two, relation, s.link_note())
    linked = [replace(side, start=passage.start, end=passage.end) for side, passage in zip((s.source, s.other),
                                                                                            (one, two), strict=True)]
    print(f"linked {_where(*linked)} as {relation} (link {link.id})")
    return 0


def cmd_timeline(workspace, args: argparse.Namespace) -> int:
    entries, events = workspace.timeline.view(entity=args.entity or "", date_from=args.date_from or "",
                                              date_to=args.date_to or "")
    if args.html and args.output is None:
        raise ReaderError("--html writes a file: give -o FILE")
    if args.output is not None:
        if not (args.csv or args.html):
            raise ReaderError("-o writes --csv or --html")
        replaceable(workspace, args.output, args.force, "html" if args.html else "csv")
        shown = ", ".join(f"{label} {value}" for label, value in (("entity", args.entity), ("from", args.date_from),
                                                                  ("to", args.date_to)) if value)
        count = workspace.timeline.export(args.output, "html" if args.html else "csv", (entries, events),
                                          shown=f"Dated passages with {shown}" if shown else "")
        say(f"wrote {plural(count, 'dated passage')} to {args.output}", err=True)
        return 0
    if not entries:
        print("no dated passages" + (" match these filters" if args.entity or args.date_from or args.date_to else ""),
              file=sys.stderr)
    if args.csv:
        sys.stdout.write(timeline_csv(entries, events, workspace.documents.names()))
        return 0
    for e in entries:
        if args.json:
            print(json.dumps(asdict(e), ensure_ascii=False))
        else:
            print(tab_line((e.first, e.last, e.precision, e.file_name, f"{e.start}-{e.end}", e.text,
                            dated_line(e, 100))))
    return 0


def cmd_conflicts(workspace, args: argparse.Namespace) -> int:
    conflicts = workspace.timeline.conflicts()
    if args.dismiss:
        return _dissolve(workspace, conflicts, args.dismiss)
    say_if_none(conflicts, "no conflicts: no event is dated differently by its sources")
    for event in conflicts:
        if args.json:
            print(json.dumps({"event": event.id, "ref": _event_ref(event), "entities": list(event.entities),
                              "reasons": list(event.reasons),
                              "sources": [asdict(e) for e in event.entries]}, ensure_ascii=False))
            continue
        sources = " | ".join(f"{e.file_name} {e.value} ({e.start}-{e.end}): {dated_line(e, 80)}"
                             for e in event.entries)
        print(tab_line((event.id, _event_ref(event), ", ".join(event.entities), sources,
                        "; ".join(event.reasons))))
    return 0


def cmd_dismissed(workspace, args: argparse.Namespace) -> int:
    dismissals = workspace.parallels.dismissals()
    if args.bring_back:
        chosen = pick(dismissals, args.bring_back, _pair_ref)
        if chosen is None:
            raise ReaderError(f"there is no dismissed pair {args.bring_back}: {plural(len(dismissals), 'pair')} "
                              "dismissed")
        workspace.parallels.bring_back(chosen)
        print(f"brought back {_where(chosen.one, chosen.two)}: it may be suggested again")
        return 0
    say_if_none(dismissals, "no pair has been dismissed")
    for number, dismissal in enumerate(dismissals, 1):
        if args.json:
            print(json.dumps({**asdict(dismissal), "ref": _pair_ref(dismissal)}, ensure_ascii=False))
            continue
        one, two = dismissal.one, dismissal.two
        print(tab_line((number, _pair_ref(dismissal), dismissal.dismissed_at, one.file_name, f"{one.start}-{one.end}",
                        one.excerpt_line(60), two.file_name, f"{two.start}-{two.end}", two.excerpt_line(60))))
    return 0


def _where(*sides) -> str:
    """Passages (anything with a file name, start and end) as the command line names them."""
    return " / ".join(f"{side.file_name} {side.start}-{side.end}" for side in sides)


def _event_ref(event) -> str:
    """An event's ref: of the dates its passages give, so it names another event once its sources change."""
    return ref("e", *sorted(entry.place for entry in event.entries))


def _dissolve(workspace, conflicts: list, chosen: int | str) -> int:
    """Part event `chosen`: its number (the listing's "event N") or its ref."""
    event = next((event for event in conflicts if chosen in (event.id, _event_ref(event))), None)
    if event is None and isinstance(chosen, int):
        raise ReaderError(f"there is no conflicting event {chosen}: 'conflicts' lists them with their numbers")
    if event is None:
        raise ReaderError(f"no conflicting event {chosen} now: it was judged not one event, or its sources "
                          "changed; 'conflicts' lists them")
    pairs = workspace.timeline.dissolve(event)
    print(f"event {event.id} ({_event_ref(event)}) is no longer one event: {plural(pairs, 'pair')} of passages "
          "judged apart ('undo' brings it back)")
    return 0



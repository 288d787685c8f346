"""The command line: a second face over the same core calls as the window.

`python main.py [--db PATH] COMMAND …`; with no command, main.py opens the window instead. Every error a user can
cause is one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from reader.cli_output import (
    counted,
    file_name,
    flush_output,
    given,
    open_output,
    output_file,
    replaceable,
    row_id,
    say,
    say_if_none,
    tab_fields,
    tab_line,
    warn_tags_read_otherwise,
)
from reader.core.errors import ReaderError
from reader.core.export.items import Scope
from reader.core.export.service import FORMATS
from reader.core.records.annotations import HIGHLIGHT_COLORS, Annotation
from reader.core.records.comparisons import ComparisonFilter
from reader.core.records.relations import RELATIONS
from reader.core.wording import plural
from reader.core.workspace import (
    DB_ENV_VAR,
    Workspace,
    database_is_sound,
    default_db_path,
    restore_latest_backup,
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130  # 130: stopped by Ctrl+C, as shells count it
SEARCH_LIMIT = 10_000  # hits of each kind `search` prints (the window lists 200 and counts them all)
LONG_READ_CHARACTERS = 2_000_000  # texts not read for names yet, beyond which a listing does not wait for them
CHARACTERS_A_MINUTE = 1_200_000  # what the model reads in a minute on two cores (30 MB: some 25 minutes)
INTERRUPTED = "interrupted: the step under way was not stored (what was done before it is kept)"
Command = Callable[[Workspace, argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """A command's parser: an option's value beginning with '-' (a note '-2+3') reads as another option, and the
    refusal now says how to give it."""

    def error(self, message: str):
        if (option := re.fullmatch(r"argument (--[\w-]+)(?:/\S+)?: expected one argument", message)) is not None:
            message += f" (a value beginning with '-' is given joined: {option[1]}=VALUE)"
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py", description="Annotated Reader: read, annotate and compare historical sources.",
        epilog=f"With no command, the window opens. The database defaults to ${DB_ENV_VAR} or ./annotations.db.",
    )
    parser.add_argument("--db", type=file_name, help="database file (created if missing)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_document_commands(commands)
    _add_annotation_commands(commands)
    _add_entity_commands(commands)
    _add_search_command(commands)
    _add_export_commands(commands)
    _add_history_commands(commands)
    from reader.compare_cli import add_compare_commands
    from reader.edit_cli import add_edit_commands

    add_edit_commands(commands)
    add_compare_commands(commands)
    return parser


def _add_history_commands(commands: argparse._SubParsersAction) -> None:
    undo = commands.add_parser("undo", help="undo the newest change (made here or in the window)")
    undo.set_defaults(handler=cmd_undo)
    redo = commands.add_parser("redo", help="redo the change undone last")
    redo.set_defaults(handler=cmd_redo)
    history = commands.add_parser("history", help="list the changes that can be undone, newest first",
                                  description=tab_fields("step", "when (UTC)", "done or undone", "what it did as "
                                                         "undo says it (the passage and the source it changed)"))
    history.add_argument("--limit", type=counted, default=20, metavar="N", help="how many (default 20)")
    history.set_defaults(handler=cmd_history)


def cmd_undo(workspace: Workspace, args: argparse.Namespace) -> int:
    label, changes = workspace.history.undo()
    say(f"undone: {workspace.history.told(label, changes)}")
    return EXIT_OK


def cmd_redo(workspace: Workspace, args: argparse.Namespace) -> int:
    label, changes = workspace.history.redo()
    say(f"redone: {workspace.history.told(label, changes)}")
    return EXIT_OK


def cmd_history(workspace: Workspace, args: argparse.Namespace) -> int:
    steps = workspace.history.steps(args.limit)
    say_if_none(steps, "no changes yet")
    for step in steps:
        print(tab_line((step.id, step.created_at, "undone" if step.undone else "done", workspace.history.said(step))))
    return EXIT_OK


def _add_document_commands(commands: argparse._SubParsersAction) -> None:
    importing = commands.add_parser("import", help="import files or folders (text, HTML, PDF, Word, OpenDocument, "
                                                      "RTF, EPUB, TEI XML, scans)")
    importing.add_argument("paths", nargs="+", type=file_name, metavar="PATH",
                           help="files or folders (folders are read whole); a file already imported is skipped, a "
                                "changed one becomes a new version with its notes moved onto it")
    importing.add_argument("--password", metavar="PW", help="the password of encrypted PDFs among the files")
    importing.set_defaults(handler=cmd_import)
    listing = commands.add_parser("docs", help="list the documents", description=tab_fields(
        "id", "file name", "title", "kind", "date published", "characters", "characters of boilerplate (adverts, "
        "footers)"))
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(handler=cmd_docs)
    text = commands.add_parser("text", help="print a document's stored text exactly")
    text.add_argument("doc", metavar="DOC", help="document id, file name or its unique beginning")
    text.set_defaults(handler=cmd_text)
    delete = commands.add_parser("delete", help="move a document to the Trash with its annotations and mentions")
    delete.add_argument("doc", metavar="DOC", help="document id, file name or its unique beginning")
    delete.set_defaults(handler=cmd_delete)
    restore = commands.add_parser("restore-backup", help="put the newest backup in place of the database (the "
                                                        "current file is kept beside it, renamed)")
    restore.add_argument("--yes", action="store_true", help="restore even though the database is not damaged (its "
                                                          "changes since the backup are set aside with the file, not "
                                                          "deleted)")
    restore.set_defaults(handler=cmd_restore_backup, opens_workspace=False)


def cmd_import(workspace: Workspace, args: argparse.Namespace) -> int:
    report = workspace.documents.import_paths(args.paths, password=args.password)
    for outcome in report.outcomes:  # a password is given here by --password, which the line had not said (DO 8)
        how = f": import it again with --password PW{' to look for changes' * (outcome.status == 'unchanged')}" \
            if outcome.needs_password else ""
        say(outcome.message + how, err=outcome.status in ("failed", "left_out"))
    for summary in report.reanchored:
        say(summary.message)
    if report.history_note:
        print(report.history_note)
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_docs(workspace: Workspace, args: argparse.Namespace) -> int:
    documents = workspace.documents.list()
    say_if_none(documents, "no documents yet: add some with 'import PATH'")
    for info in documents:
        row = {
            "id": info.id, "file_name": info.file_name, "title": info.title, "kind": info.metadata.kind,
            "date": info.metadata.date_published, "characters": info.char_count,
            "boilerplate_characters": info.boilerplate_chars,
        }
        print(json.dumps(row, ensure_ascii=False) if args.json else tab_line(row.values()))
    return EXIT_OK


def cmd_delete(workspace: Workspace, args: argparse.Namespace) -> int:
    document_id = workspace.documents.resolve(args.doc).id
    going = workspace.documents.leaving_with(document_id)
    info = workspace.documents.delete(document_id)
    say(f"moved to the Trash: {info.file_name} with {plural(info.annotation_count, 'annotation')}"
                  + (f"; {going}" if going else ""))
    return EXIT_OK


def cmd_text(workspace: Workspace, args: argparse.Namespace) -> int:
    info = workspace.documents.resolve(args.doc)
    sys.stdout.buffer.write(workspace.documents.text(info.id).text.encode("utf-8"))
    return EXIT_OK


def _add_annotation_commands(commands: argparse._SubParsersAction) -> None:
    annotate = commands.add_parser("annotate", help="highlight a quote in a document (prints the new id)")
    annotate.add_argument("doc", metavar="DOC", help="document id, file name or its unique beginning")
    annotate.add_argument("--quote", required=True, help="the exact text to annotate")
    annotate.add_argument("--occurrence", type=int, default=1, metavar="N",
                          help="which appearance of the quote, counted from 1 (default 1: the first)")
    annotate.add_argument("--note", default="", help="note text (Markdown)")
    annotate.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeatable)")
    annotate.add_argument("--color", default="yellow", choices=HIGHLIGHT_COLORS,
                          help="highlight colour (default yellow)")
    annotate.set_defaults(handler=cmd_annotate)
    link = commands.add_parser("link", help="link two annotations (the first derives from the second if directed)")
    link.add_argument("ids", nargs=2, type=row_id, metavar="ID", help="the two annotations' ids (as notes lists them)")
    link.add_argument("--relation", required=True, choices=RELATIONS, help="what the first says of the second")
    link.add_argument("--note", default="", help="why they belong together (Markdown)")
    link.set_defaults(handler=cmd_link)
    notes = commands.add_parser("notes", help="list annotations with their tags and links", description=tab_fields(
        "id", "document", "range (start-end, code points)", "anchoring (anchored, review, orphan)",
        "tags (comma-separated)", "quote", "note", "links (→ID relation: from this one, ←ID: to it)"))
    _add_doc_option(notes)
    notes.add_argument("--json", action="store_true", help="one JSON object per line")
    notes.set_defaults(handler=cmd_notes)
    _add_review_command(commands)


def _add_review_command(commands: argparse._SubParsersAction) -> None:
    review = commands.add_parser("review", help="list annotations re-anchoring was unsure about, or settle one",
                                 description=tab_fields("id", "document", "anchoring", "proposed range (- if none)",
                                                        "quote", "words proposed (- if none)"))
    review.add_argument("id", nargs="?", type=row_id, metavar="ID", help="the annotation to settle")
    _add_doc_option(review)
    review.add_argument("--orphans", action="store_true", help="list orphans too")
    action = review.add_mutually_exclusive_group()
    action.add_argument("--accept", action="store_true", help="take the proposed place")
    action.add_argument("--orphan", action="store_true", help="keep it as an orphan, with its quote")
    action.add_argument("--place", nargs=2, type=int, metavar=("START", "END"), help="put it on this range")
    review.set_defaults(handler=cmd_review)


def cmd_annotate(workspace: Workspace, args: argparse.Namespace) -> int:
    info = workspace.documents.resolve(args.doc)
    annotation = workspace.annotations.create_at_quote(info.id, args.quote, args.occurrence, color=args.color,
                                                       note=args.note, tags=args.tag)
    warn_tags_read_otherwise(args.tag)
    print(annotation.id)
    return EXIT_OK


def cmd_link(workspace: Workspace, args: argparse.Namespace) -> int:
    link = workspace.links.link(args.ids[0], args.ids[1], args.relation, args.note)
    print(link.id)
    return EXIT_OK


def cmd_notes(workspace: Workspace, args: argparse.Namespace) -> int:
    documents = {info.id: info for info in workspace.documents.list()}
    if args.doc:
        wanted = workspace.documents.resolve(args.doc).id
        annotations = workspace.annotations.for_document(wanted)
    else:
        annotations = workspace.annotations.all()
    say_if_none(annotations, "no annotations" + (f" in {args.doc}" if args.doc else " yet"))
    for annotation in annotations:
        row = _note_row(workspace, annotation, documents[annotation.document_id].file_name)
        print(json.dumps(row, ensure_ascii=False) if args.json else _note_line(row))
    return EXIT_OK


def cmd_review(workspace: Workspace, args: argparse.Namespace) -> int:
    if args.id is not None:
        return _settle_review(workspace, args)
    document_id = workspace.documents.resolve(args.doc).id if args.doc else None
    unsure = workspace.review.needs_review(document_id, include_orphans=args.orphans)
    if not unsure:
        say_if_none(unsure, _nothing_to_review(workspace, document_id, args.orphans))
    for item in unsure:  # the words it quoted, then those proposed for it ("-" for an orphan), as the window does
        annotation = item.annotation
        place = f"{annotation.start}-{annotation.end}" if item.new else "-"
        print(tab_line((annotation.id, item.document_title, annotation.anchor_status, place,
                        _one_line(annotation.quote.exact), _one_line(item.new.text) if item.new else "-")))
    return EXIT_OK


def _nothing_to_review(workspace: Workspace, document_id: int | None, with_orphans: bool) -> str:
    """What an empty review list says: every annotation where it was, unless orphans were left out of it (it had
    said so with notes no longer in the text)."""
    orphans = 0 if with_orphans else len(workspace.review.needs_review(document_id, include_orphans=True))
    if orphans:
        return (f"nothing to review; {plural(orphans, 'orphaned annotation')} no longer in the text: --orphans "
                "lists them")
    return "nothing to review: every annotation is where it was"


def _settle_review(workspace: Workspace, args: argparse.Namespace) -> int:
    workspace.annotations.get(args.id)  # an id that is no annotation is said first, before what to do with it
    if args.accept:
        _, after = workspace.review.accept(args.id)
    elif args.orphan:
        _, after = workspace.review.keep_orphan(args.id)
    elif args.place:
        _, after = workspace.review.relocate(args.id, *args.place)
    else:
        raise ReaderError("say what to do with it: --accept, --orphan or --place START END")
    print(f"{after.id}\t{after.anchor_status}\t{after.start}-{after.end}")
    return EXIT_OK


def _note_row(workspace: Workspace, annotation: Annotation, file_name: str) -> dict:
    links = [{"link": entry.link.id, "relation": entry.link.relation, "outgoing": entry.outgoing,
              "annotation": entry.other.id, "note": entry.link.note}
             for entry in workspace.links.links_for(annotation.id)]
    return {"id": annotation.id, "document": file_name, "start": annotation.start, "end": annotation.end,
            "status": annotation.anchor_status, "color": annotation.color, "tags": list(annotation.tags),
            "quote": annotation.quote.exact, "note": annotation.note, "links": links,
            "created_at": annotation.created_at, "modified_at": annotation.modified_at}


def _note_line(row: dict) -> str:
    links = ", ".join(f"{'→' if e['outgoing'] else '←'}{e['annotation']} {e['relation']}" for e in row["links"])
    fields = (row["id"], row["document"], f"{row['start']}-{row['end']}", row["status"], ",".join(row["tags"]),
              _one_line(row["quote"]), _one_line(row["note"]), links)
    return tab_line(fields)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _add_doc_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--doc", metavar="NAME", type=given,
                         help="only this document (id, file name or its unique beginning)")


def _add_entity_commands(commands: argparse._SubParsersAction) -> None:
    entities = commands.add_parser("entities", help="print entity mentions (recognition runs first if needed)")
    _add_doc_option(entities)
    entities.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                          help="one JSON object a line (default), or CSV with a header")
    entities.set_defaults(handler=cmd_entities, reads_entities=lambda args: True)
    register = commands.add_parser("register", help="print the entity register with aliases and counts")
    register.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                          help="one JSON object a line (default), or CSV with a header")
    register.set_defaults(handler=cmd_register, reads_entities=lambda args: True, reads_long_texts=True)


def cmd_entities(workspace: Workspace, args: argparse.Namespace) -> int:
    documents = {info.id: info.file_name for info in workspace.documents.list()}
    names = {entity.id: entity.name for entity in workspace.entities.register()}
    only = workspace.documents.resolve(args.doc).id if args.doc else None
    rows = [{"document": documents[m.document_id], "start": m.start, "end": m.end, "text": m.text, "type": m.type,
             "entity": names.get(m.entity_id, ""), "entity_id": m.entity_id, "confidence": m.confidence}
            for m in workspace.entities.mentions(only)]
    say_if_none(rows, "no entities found yet: they are recognised in the documents imported")
    _print_rows(rows, args.format, ["document", "start", "end", "text", "type", "entity", "entity_id", "confidence"])
    return EXIT_OK


def cmd_register(workspace: Workspace, args: argparse.Namespace) -> int:
    places = {place.entity.id: place for place in workspace.entities.places()}
    rows = [_register_row(entity, places.get(entity.id)) for entity in workspace.entities.register()]
    say_if_none(rows, "the register is empty: entities are recognised in the documents imported")
    _print_rows(rows, args.format, list(rows[0]) if rows else ["entity_id"])
    return EXIT_OK


def _register_row(entity, place) -> dict:
    """A register entry with its ids; a place also with its GeoNames link (chosen by the user or suggested) and
    coordinates."""
    linked = place.linked if place is not None else None
    coordinates = place.coordinates if place is not None else None
    return {"entity_id": entity.id, "entity": entity.name, "type": entity.type, "aliases": list(entity.aliases),
            "mentions": entity.mention_count, "documents": entity.document_count, "wikidata": entity.wikidata,
            "viaf": entity.viaf, "geonames": str(linked.geonames_id) if linked else entity.geonames,
            "geonames_link": ("chosen" if place.chosen else "suggested") if linked else "",
            "latitude": coordinates[0] if coordinates else "", "longitude": coordinates[1] if coordinates else ""}


def _add_search_command(commands: argparse._SubParsersAction) -> None:
    search = commands.add_parser("search", help='search everything: words, "phrases", prefix*, AND/OR/NOT, -word, and '
                                 "filters type: entity: tag: doc: relation: kind: date:1934..1937",
                                 description=tab_fields("kind of hit (text, annotation, link, notebook, entity, "
                                                        "document)", "document", "start", "end", "snippet",
                                                        "id (of the annotation, link, note, entity or document: "
                                                        "what edit, link, notebook and text take)"))
    search.add_argument("query", metavar="QUERY", nargs="+", action=_JoinedWords,
                        help='words, "phrases", prefix*, AND / OR (or and / or between words), NOT in capitals, '
                             '-word or -"a phrase" or -(a group) left out, and filters such as type:person, '
                             "entity:NAME, tag:TAG, doc:FILE, relation:contradicts, kind:letter, date:1934..1937; "
                             "quoted or not, the options before or after it")
    search.add_argument("--json", action="store_true", help="one JSON object per line")
    search.add_argument("--limit", type=counted, default=SEARCH_LIMIT, metavar="N",
                        help=f"at most N hits of each kind (default {SEARCH_LIMIT:,}); a list cut short says so on "
                             "stderr")
    search.set_defaults(handler=cmd_search, reads_entities=lambda args: bool(
        {"type:", "entity:", "date:"} & {part[:part.find(":") + 1].lower() for part in args.query.split()}))


def cmd_search(workspace: Workspace, args: argparse.Namespace) -> int:
    _say_what_to_search(args.query)
    results = workspace.search.search(args.query, limit=args.limit)
    if results.error:
        raise ReaderError(f"query not understood: {results.error}")
    hits = results.hits()
    say_if_none(hits, f"nothing found for {args.query}")
    for hit in hits:
        row = {"kind": hit.kind, "document": hit.file_name, "start": hit.start, "end": hit.end, "snippet": hit.snippet,
               "id": hit.ref}
        print(json.dumps(row, ensure_ascii=False) if args.json else tab_line(row.values()))
    for kind, shown in results.groups.items():  # a list piped into a file is taken for the whole
        if len(shown) < results.counts.get(kind, 0):
            at_least = "at least " if kind in results.partial else ""
            print(f"{kind}: the first {len(shown):,} of {at_least}{results.counts[kind]:,} hits (--limit N shows "
                  "more)", file=sys.stderr)
    return EXIT_OK


def _add_export_commands(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="export notes as md, csv, jsonld (W3C), tei or html, or the places "
                                                "as geojson")
    export.add_argument("--format", required=True, choices=tuple(FORMATS), dest="fmt",
                        help="md (Markdown), csv, jsonld (W3C Web Annotation), tei (TEI XML), html or geojson")
    _add_doc_option(export)
    export.add_argument("--tag", metavar="TAG", type=given, help="only annotations with this tag")
    export.add_argument("--query", metavar="QUERY", help="only the annotations this search finds")
    export.add_argument("--linked", metavar="RELATION", nargs="?", const="any", type=given,
                        help="only passages of linked pairs, as in the Comparisons view (optionally one relation, "
                             "e.g. contradicts)")
    export.add_argument("--group-by", choices=("document", "tag", "entity"), default="document",
                        help="md: one heading per document (default), per tag, or per entity named in the passage")
    export.add_argument("--mentions", action="store_true", help="jsonld: add entity mentions ('identifying')")
    export.add_argument("-o", "--output", type=output_file, metavar="FILE", help="write to FILE instead of printing")
    export.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists")
    export.set_defaults(handler=cmd_export, reads_entities=lambda args: args.fmt in ("tei", "html", "geojson")
                        or args.mentions or args.group_by == "entity")
    back = commands.add_parser("import-annotations", help="read W3C annotations (JSON-LD) back onto documents")
    back.add_argument("file", type=file_name, metavar="FILE", help="a W3C annotation collection or list (JSON-LD)")
    back.set_defaults(handler=cmd_import_annotations)


def cmd_export(workspace: Workspace, args: argparse.Namespace) -> int:
    scope = _scope(workspace, args)
    if args.output:
        replaceable(workspace, args.output, args.force, args.fmt)
        written = workspace.export.write(args.fmt, args.output, scope, args.mentions, args.group_by)
        say(f"{written.in_words()} written to {args.output}", err=True)
    else:
        text, held = workspace.export.rendered(args.fmt, scope, args.mentions, args.group_by)
        sys.stdout.write(text)
        if held.empty() and args.fmt != "geojson":
            print("no annotation matched: the export lists none", file=sys.stderr)
    return EXIT_OK


def _say_what_to_search(query: str) -> None:
    """An empty query finds nothing to search (an export of it had taken the whole library)."""
    if not query.strip():
        raise ReaderError('type something to search for: words, "phrases", prefix*, or filters such as entity:NAME')


def _scope(workspace: Workspace, args: argparse.Namespace) -> Scope:
    document_id = workspace.documents.resolve(args.doc).id if args.doc else None
    found, notebook, links = None, frozenset(), None
    if args.query is not None:
        _say_what_to_search(args.query)
        found, notebook = workspace.search.annotation_ids(args.query), workspace.search.notebook_ids(args.query)
    if args.linked:
        relation = "" if args.linked == "any" else args.linked
        if relation and relation not in RELATIONS:
            raise ReaderError(f"unknown relation '{relation}'; use one of {', '.join(RELATIONS)}")
        linked = workspace.export.comparison_scope(ComparisonFilter(relation=relation))
        found = linked.annotation_ids if found is None else found & linked.annotation_ids
        links = linked.link_ids
    return Scope(document_id, args.tag or "", found, notebook, links)


def cmd_import_annotations(workspace: Workspace, args: argparse.Namespace) -> int:
    report = workspace.export.import_annotations(args.file)
    say(report.summary)
    for reason in report.skipped:
        say(f"not placed: {reason}", err=True)
    return EXIT_FAILED if report.skipped else EXIT_OK


def _recognise(workspace: Workspace, reads_long_texts: bool) -> None:
    """Bring entities up to date with the documents and decisions (the model runs only on texts it has not read).

    A database that cannot be written here (a read-only file or folder) is shown as last recognised, with a warning:
    a listing must not fail because recognition could not store its work first. So is one with long texts not read
    yet, unless the command is the register's (`reads_long_texts`): a listing waited half an hour for a 30 MB text
    the window was reading too."""
    blocker = workspace.write_blocker()
    if blocker and workspace.entities.is_stale():
        print(f"warning: names are shown as last recognised: {workspace.path} cannot be written here ({blocker}), "
              "so documents added or changed since were not read for names", file=sys.stderr)
        return
    if not reads_long_texts and workspace.entities.is_stale() and _long_unread(workspace):
        return
    report = workspace.entities.ensure_current(_say_reading_names())
    if report is not None and report.model_warning:
        print(f"warning: {report.model_warning}", file=sys.stderr)
    if report is not None and report.unread:
        from reader.core.entities.service import unread_line

        print(f"note: {unread_line(report.unread)}", file=sys.stderr)


def _long_unread(workspace: Workspace) -> bool:
    """Whether the texts not yet read for names would take minutes (and if so, say so, and how to read them)."""
    unread = sorted(workspace.entities.unread(), key=lambda text: -text[1])  # the longest named first
    characters = sum(size for _name, size in unread)
    if characters < LONG_READ_CHARACTERS:
        return False
    names = ", ".join(f"{name} ({size / 1e6:.1f} MB)" for name, size in unread[:2])
    others = f" and {plural(len(unread) - 2, 'other text')}" if len(unread) > 2 else ""
    print(f"warning: names are shown as last read: {names}{others} are not read for names yet, which takes about "
          f"{max(1, round(characters / CHARACTERS_A_MINUTE))} minutes (all are read in one run); `register` reads "
          "them (so does the window)", file=sys.stderr)
    return True


def _say_reading_names():
    """Progress that says once, on stderr, that names are being read (the first listing after an import took
    seconds, minutes for a large library, saying nothing), and how far a long text's reading has gone, every tenth
    of it ("huge.txt, 30 %")."""
    said: set[str] = set()

    def progress(_done: int, total: int, what: str) -> None:
        if not said:
            said.add("")
            print(f"Reading the names in {plural(total, 'new text')}, once…", file=sys.stderr)
        share = _SHARE_READ.search(what)
        if share and int(share[1]) % 10 == 0 and what not in said:
            said.add(what)
            print(f"  {what}", file=sys.stderr)

    return progress


_SHARE_READ = re.compile(r", (\d+) %$")  # as the recognition's progress says a long text's share read


def _print_rows(rows: list[dict], fmt: str, columns: list[str]) -> None:
    if fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "|".join(v) if isinstance(v, list) else v for k, v in row.items()})


def db_path(args: argparse.Namespace) -> Path:
    return args.db or default_db_path()


def run(args: argparse.Namespace) -> int:
    """Run the parsed command against the workspace; every failure becomes one line on stderr, never a traceback,
    and so does Ctrl+C (the transaction under way rolls back as it unwinds)."""
    try:
        return _run(args)
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED


def _run(args: argparse.Namespace) -> int:
    open_output()
    path = db_path(args)
    try:
        if not getattr(args, "opens_workspace", True):
            code = args.handler(path, args)  # works on the file itself, e.g. when it is too damaged to open
            flush_output()
            return code
        workspace = Workspace.open(path)
    except Exception as exc:  # noqa: BLE001 - every failure is told in one line
        return _failed(exc, path)
    try:
        if getattr(args, "reads_entities", lambda _args: False)(args):
            _recognise(workspace, getattr(args, "reads_long_texts", False))  # recognition is a stage: brought up
            # to date here, for every command reading it
        code = args.handler(workspace, args)
        flush_output()
        return code
    except BrokenPipeError:  # the reader of our output (e.g. `head`) closed it: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (stdout must stay open until exit)
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - every failure is told in one line
        return _failed(exc, path)
    finally:
        workspace.close()


def _failed(exc: BaseException, path: Path) -> int:
    from reader.core.fault_report import describe_fault

    say(f"error: {describe_fault(exc, path)}", err=True)
    return EXIT_FAILED


_OPTION_VALUES = {"--json": 0, "-h": 0, "--help": 0, "--limit": 1, "--db": 1}  # search's options (and the global
# one a user may type after the words), and the values each takes


class _JoinedWords(argparse.Action):
    """The query's words, typed unquoted as in a search box, joined into one query."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        setattr(namespace, self.dest, " ".join(values))


def query_after_dashes(argv: list[str]) -> list[str]:
    """`search -stalin genden --json`: a query's words may begin with '-' (leave a word out), which argparse would take
    for options. The search's own options go first and the words after '--', wherever each was typed (an option
    after a query beginning with a minus was read as words, and --limit's value as the query; audit BQ F5, BS F8);
    a --db typed after them goes before the command, where it is read. After a '--' typed, every argument is a word.
    Only the command is rewritten: the word "search" elsewhere (export --query search) is a value (BU F3)."""
    at = _command_at(argv)
    if at is None or argv[at] != "search":
        return argv
    before, options, words, rest = argv[:at], [], [], argv[at + 1:]
    while rest and rest[0] != "--":
        option = _search_option(rest[0])
        if option is None:
            words.append(rest.pop(0))
            continue
        taken = 1 if "=" in rest[0] else 1 + _OPTION_VALUES[option]  # the option, and its value if typed apart
        if len(rest) < taken:  # its value missing: argparse says so (moved, --db took "search" for its file)
            return argv
        (before if option == "--db" else options).extend(rest[:taken])
        rest = rest[taken:]
    words += rest[1:]
    return [*before, "search", *options, *(["--", *words] if words else [])]


def _command_at(argv: list[str]) -> int | None:
    """Where the command stands: the first argument that is not a global option (--db FILE) or its value."""
    at = 0
    while at < len(argv) and argv[at].startswith("-"):
        at += 2 if argv[at] == "--db" else 1
    return at if at < len(argv) else None


def _search_option(argument: str) -> str | None:
    """The search option an argument names, whole or cut short as argparse allows ('--lim 3', '--limit=3')."""
    name = argument.split("=", 1)[0]
    if name in _OPTION_VALUES:
        return name
    found = [option for option in _OPTION_VALUES if len(name) > 2 and name.startswith("--") and option.startswith(name)]
    return found[0] if len(found) == 1 else None


def undecodable_argument(argv: list[str]) -> str:
    """The message for an argument holding bytes that are not text in the system's encoding, or ''."""
    for number, argument in enumerate(argv, 1):
        if any("\udc80" <= character <= "\udcff" for character in argument):
            shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            return f"argument {number} ('{shown}') is not valid UTF-8 text"
    return ""


def cmd_restore_backup(path: Path, args: argparse.Namespace) -> int:
    """Restore the newest backup; over a database that is not damaged, only when told --yes (every change since the
    backup would be set aside), and the file set aside is then named as replaced, not as damaged."""
    healthy = database_is_sound(path)
    if healthy and not args.yes:
        raise ReaderError(f"{path} is not damaged: restoring its newest backup would set it aside, with every change "
                          "made since; add --yes to restore anyway")
    restored = restore_latest_backup(path, set_aside="replaced" if healthy else "damaged")
    kept = f"the previous file is kept as {restored.damaged_copy}" if restored.damaged_copy else "there was no file"
    say(f"restored {path} from {restored.backup}; {kept}")
    return EXIT_OK



"""The command line's editing commands: a note's text, tags and colour, removing a highlight or a link, and the
Notebook (kept apart from cli.py to keep it small). Each change is one undoable step, as in the window: a script that
could add a note but not correct it had to undo back through every later step."""

from __future__ import annotations

import argparse
import sys

from reader.cli_output import given, row_id, say_if_none, tab_fields, tab_line, warn_tags_read_otherwise
from reader.core.errors import ReaderError
from reader.core.records.annotations import HIGHLIGHT_COLORS
from reader.core.records.tags import clean_tags
from reader.core.wording import one_line, plural

EXIT_OK = 0


def add_edit_commands(commands: argparse._SubParsersAction) -> None:
    edit = commands.add_parser("edit", help="change an annotation's note, tags or colour (one undoable step)")
    edit.add_argument("id", type=row_id, metavar="ID", help="the annotation's id (as notes lists it)")
    edit.add_argument("--note", help="the new note text (Markdown); an empty one clears it")
    tags = edit.add_mutually_exclusive_group()
    tags.add_argument("--tag", action="append", metavar="TAG", help="a tag (repeatable): these replace its tags")
    tags.add_argument("--no-tags", action="store_true", help="take every tag off it")
    edit.add_argument("--color", choices=HIGHLIGHT_COLORS, help="the highlight's colour")
    edit.set_defaults(handler=cmd_edit)
    remove = commands.add_parser("remove", help="move an annotation to the Trash, with its links (undo brings it "
                                                "back)")
    remove.add_argument("id", type=row_id, metavar="ID", help="the annotation's id (as notes lists it)")
    remove.set_defaults(handler=cmd_remove)
    unlink = commands.add_parser("unlink", help="remove the links between two annotations (undo brings them back)")
    unlink.add_argument("ids", nargs=2, type=row_id, metavar="ID", help="the two annotations' ids, either way round")
    unlink.set_defaults(handler=cmd_unlink)
    notebook = commands.add_parser("notebook", help="list the Notebook's notes, or add one", description=tab_fields(
        "id", "title", "note", "cited annotations (comma-separated ids)", "document (file name, or - if none)"))
    notebook.add_argument("--add", metavar="TEXT", help="add a note with this text (Markdown)")
    notebook.add_argument("--title", default="", help="the added note's title")
    notebook.add_argument("--cite", action="append", type=row_id, default=[], metavar="ID",
                          help="an annotation the added note cites (repeatable)")
    notebook.set_defaults(handler=cmd_notebook)
    tags = commands.add_parser("tags", help="list the tags with how many notes carry each; rename one (into a name "
                                            "in use: a merge) or remove it from every note, one undoable step",
                               description=tab_fields("tag", "notes carrying it"))
    change = tags.add_mutually_exclusive_group()
    change.add_argument("--rename", nargs=2, metavar=("TAG", "NEW"), help="rename TAG; if NEW is a tag, merge them")
    change.add_argument("--remove", metavar="TAG", type=given,
                        help="take TAG off every note (notes in the Trash keep it)")
    tags.set_defaults(handler=cmd_tags)


def cmd_edit(workspace, args: argparse.Namespace) -> int:
    if args.note is None and args.tag is None and not args.no_tags and args.color is None:
        raise ReaderError("say what to change: --note, --tag, --no-tags or --color")
    if args.tag is not None and not clean_tags(args.tag):  # an empty variable ("$A,$B" too): not "no tags"
        raise ReaderError("the tags given are empty: --no-tags takes every tag off")
    annotations = workspace.annotations
    annotations.get(args.id)

    def change():
        if args.note is not None:
            annotations.set_note(args.id, args.note)
        if args.tag is not None or args.no_tags:
            annotations.set_tags(args.id, args.tag or [])
            warn_tags_read_otherwise(args.tag)
        if args.color is not None:
            annotations.set_color(args.id, args.color)

    _, changes = workspace.run("Edit annotation", change)
    if not changes.annotations:
        print("nothing changed: the annotation already reads so", file=sys.stderr)
    return EXIT_OK


def cmd_remove(workspace, args: argparse.Namespace) -> int:
    gone = workspace.annotations.delete(args.id)
    print(f"moved to the Trash: “{one_line(gone.quote.exact, 60)}”")
    return EXIT_OK


def cmd_unlink(workspace, args: argparse.Namespace) -> int:
    one, other = args.ids
    links = [entry.link for entry in workspace.links.links_for(one) if entry.other.id == other]
    if not links:
        workspace.annotations.get(other)
        raise ReaderError(f"annotations {one} and {other} are not linked")

    def unlink():
        for link in links:
            workspace.links.delete(link.id)

    workspace.run(f"Unlink annotations {one} and {other}", unlink)
    for link in links:
        print(f"unlinked: {link.from_annotation_id} {link.relation.replace('_', ' ')} {link.to_annotation_id}")
    return EXIT_OK


def cmd_notebook(workspace, args: argparse.Namespace) -> int:
    notebook = workspace.notebook
    if args.add is not None:
        print(notebook.create(args.add, args.title, citations=args.cite).id)
        return EXIT_OK
    notes = notebook.all_notes()
    say_if_none(notes, "no Notebook notes yet")
    names = {info.id: info.file_name for info in workspace.documents.list()}
    for note in notes:
        print(tab_line([note.id, note.title, one_line(note.body, 200), ",".join(map(str, note.citations)),
                        names.get(note.document_id, "-")]))
    return EXIT_OK


def cmd_tags(workspace, args: argparse.Namespace) -> int:
    """The window's Manage tags: list, rename or merge, remove."""
    if args.rename:
        done = workspace.tags.rename(*args.rename)
        if done.merged:
            print(f"merged '{done.old}' into '{done.new}': {plural(len(done.annotation_ids), 'note')}"
                  f"{f' ({len(done.already_tagged_new)} had both)' if done.already_tagged_new else ''}")
        else:
            print(f"renamed '{done.old}' to '{done.new}' on {plural(len(done.annotation_ids), 'note')}")
        return EXIT_OK
    if args.remove:
        print(f"removed '{args.remove}' from {plural(workspace.tags.remove(args.remove), 'note')}")
        return EXIT_OK
    tags = workspace.tags.all()
    say_if_none(tags, "no tags yet")
    for tag in tags:
        print(tab_line([tag.name, tag.count]))
    return EXIT_OK

"""The command line: import, docs, text and help, with errors as one line on stderr and a non-zero exit."""

import csv
import io
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from reader.cli import query_after_dashes
from tests.conftest import ROOT, TEXTS


def copy_of_corpus(template, path):
    """The session's imported corpus (with the model's output cached) at `path`, copied through SQLite: a command
    that needs the register then only consolidates, instead of running spaCy in its subprocess."""
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(path)) as copy:
        source.backup(copy)
    return path


def run_cli(db_path, *args):
    command = [sys.executable, str(ROOT / "main.py"), "--db", str(db_path), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", cwd=ROOT)


def test_import_docs_and_text(tmp_path):
    """Importing the corpus lists five documents; `text` prints the stored text exactly."""
    db = tmp_path / "cli.db"
    assert run_cli(db, "import", TEXTS).returncode == 0
    rows = [json.loads(line) for line in run_cli(db, "docs", "--json").stdout.splitlines()]
    assert len(rows) == 5
    assert set(rows[0]) == {"id", "file_name", "title", "kind", "date", "characters", "boilerplate_characters"}
    shop_page = next(r for r in rows if r["file_name"] == "000_8339fa2bec93c400.txt")
    assert shop_page["title"] == "Genden Falls into Disfavor" and shop_page["boilerplate_characters"] > 200
    for doc in ("000_8339fa2bec93c400.txt", str(shop_page["id"])):
        printed = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "text", doc],
                                 capture_output=True, cwd=ROOT).stdout
        assert printed == (TEXTS / "000_8339fa2bec93c400.txt").read_bytes()


def test_import_exits_non_zero_but_keeps_good_files(tmp_path):
    """A bad file makes the exit code 1 and names itself on stderr; the good file is imported."""
    db = tmp_path / "cli.db"
    (tmp_path / "good.txt").write_text("A good account of 1934.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    result = run_cli(db, "import", tmp_path / "good.txt", tmp_path / "bad.txt")
    assert result.returncode == 1
    assert "bad.txt: binary file" in result.stderr and "Traceback" not in result.stderr
    assert "good.txt" in run_cli(db, "docs").stdout


def test_a_file_names_control_characters_are_written_as_escapes_one_line_each(tmp_path):
    """A file named with a newline spread its outcome over two lines, and one holding a terminal's escape turned
    the terminal red (audit BY F7): each outcome is one line, a control character written as its escape."""
    db = tmp_path / "cli.db"
    for name in ("two\nlines.txt", "esc\x1b[31mred.txt"):
        (tmp_path / name).write_text(f"An account of 1934 named {len(name)}.\n", encoding="utf-8")
    (tmp_path / "bad\nname.txt").write_bytes(b"\x00binary")
    result = run_cli(db, "import", tmp_path / "two\nlines.txt", tmp_path / "esc\x1b[31mred.txt",
                     tmp_path / "bad\nname.txt")
    said = result.stdout.splitlines()
    assert said[:2] == ["two\\nlines.txt: imported (utf-8)", "esc\\x1b[31mred.txt: imported (utf-8)"]
    assert "\x1b" not in result.stdout + result.stderr
    assert result.stderr.splitlines()[0].endswith("bad\\nname.txt: binary file (a NUL byte at byte 0), not text")
    error = run_cli(db, "text", "none\x1bhere.txt").stderr
    assert error.count("\n") == 1 and "none\\x1bhere.txt" in error
    deleted = run_cli(db, "delete", "esc").stdout  # and every other line naming a file (audit CA C12)
    assert deleted.count("\n") == 1 and deleted.startswith("moved to the Trash: esc\\x1b[31mred.txt with")
    (tmp_path / "rtl\u202etxt.md").write_text("An account.\n", encoding="utf-8")
    assert "rtl\\u202etxt.md: imported" in run_cli(db, "import", tmp_path / "rtl\u202etxt.md").stdout


def test_a_note_beginning_with_a_dash_is_given_joined_and_the_refusal_says_so(tmp_path):
    """A note '-2+3' was refused as 'argument --note: expected one argument', with no way out said (audit BZ F12):
    the line says a value beginning with '-' is given joined, and so it is taken."""
    db = tmp_path / "cli.db"
    run_cli(db, "import", TEXTS / "000_8339fa2bec93c400.txt")
    refused = run_cli(db, "annotate", "000_", "--quote", "Stalin", "--note", "-2+3")
    assert refused.returncode == 2 and refused.stderr.splitlines()[-1].endswith(
        "argument --note: expected one argument (a value beginning with '-' is given joined: --note=VALUE)")
    assert run_cli(db, "annotate", "000_", "--quote", "Stalin", "--note=-2+3").returncode == 0


@pytest.mark.parametrize("args", [("text", "missing.txt"), ("text", "42")])
def test_unknown_document_is_one_line(tmp_path, args):
    """An unknown DOC gives one line on stderr, no traceback, exit 1."""
    result = run_cli(tmp_path / "cli.db", *args)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: no document")


def test_corrupt_database_is_reported_not_overwritten(tmp_path):
    """A corrupt --db file is named in a one-line error and left as it was."""
    db = tmp_path / "broken.db"
    db.write_bytes(b"garbage" * 100)
    result = run_cli(db, "docs")
    assert result.returncode == 1 and str(db) in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == b"garbage" * 100


@pytest.mark.parametrize("command", [(), ("import",), ("docs",), ("text",), ("annotate",), ("link",), ("notes",)])
def test_help_everywhere(tmp_path, command):
    """--help works for the program and every command."""
    result = run_cli(tmp_path / "cli.db", *command, "--help")
    assert result.returncode == 0 and "usage:" in result.stdout


def test_usage_error_exits_2(tmp_path):
    """A wrong command is a usage error (exit 2) without a traceback."""
    result = run_cli(tmp_path / "cli.db", "frobnicate")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_database_path_from_the_environment(tmp_path):
    """ANNOTATED_READER_DB chooses the database when --db is not given."""
    import os

    env = {**os.environ, "ANNOTATED_READER_DB": str(tmp_path / "env.db")}
    command = [sys.executable, str(ROOT / "main.py"), "import", str(TEXTS / "002_ff824666d88bbe20.txt")]
    assert subprocess.run(command, capture_output=True, cwd=tmp_path, env=env).returncode == 0
    assert (tmp_path / "env.db").exists() and not (tmp_path / "annotations.db").exists()


def test_annotate_link_notes_and_reimport(tmp_path):
    """annotate prints an id, link joins two, notes lists them (text and JSON), a changed import reports moves and
    is taken back by undo."""
    db = tmp_path / "cli.db"
    source = tmp_path / "account.txt"
    source.write_text("Satlin met Genden on November 15, 1934.\nGenden refused.\n", encoding="utf-8")
    assert run_cli(db, "import", source).returncode == 0
    first = run_cli(db, "annotate", "account.txt", "--quote", "Genden", "--occurrence", "2", "--tag", "meeting-1934",
                    "--tag", "genden", "--note", "**refusal**", "--color", "green")
    second = run_cli(db, "annotate", "1", "--quote", "November 15, 1934")
    assert first.returncode == second.returncode == 0
    assert run_cli(db, "link", first.stdout.strip(), second.stdout.strip(), "--relation", "derives_from",
                   "--note", "same day?").stdout.strip() == "1"
    rows = [json.loads(line) for line in run_cli(db, "notes", "--doc", "account.txt", "--json").stdout.splitlines()]
    by_id = {row["id"]: row for row in rows}
    refusal = by_id[int(first.stdout)]
    assert (refusal["quote"], refusal["start"], refusal["tags"], refusal["color"]) == ("Genden", 40,
                                                                                       ["genden", "meeting-1934"],
                                                                                       "green")
    assert refusal["links"] == [{"link": 1, "relation": "derives_from", "outgoing": True,
                                 "annotation": int(second.stdout), "note": "same day?"}]
    assert "←" in run_cli(db, "notes").stdout
    source.write_text("Preface.\nStalin met Genden on November 15, 1934.\nGenden refused.\n", encoding="utf-8")
    result = run_cli(db, "import", source)
    assert "2 annotations on their words (2 at a new place), 0 need review, 0 orphaned" in result.stdout
    assert "Undo takes the new text back" in result.stdout
    assert run_cli(db, "undo").returncode == 0  # the earlier text is current again, the note at its old place
    rows = [json.loads(line) for line in run_cli(db, "notes", "--doc", "account.txt", "--json").stdout.splitlines()]
    assert {row["id"]: row["start"] for row in rows}[int(first.stdout)] == 40


@pytest.mark.parametrize("args", [("annotate", "1", "--quote", "absent"), ("annotate", "1", "--quote", "met",
                                                                             "--occurrence", "3"),
                                  ("link", "1", "99", "--relation", "contradicts")])
def test_annotation_mistakes_are_one_line(tmp_path, args):
    """A quote not found, a missing occurrence or an unknown id is one line on stderr, exit 1."""
    db = tmp_path / "cli.db"
    source = tmp_path / "account.txt"
    source.write_text("Satlin met Genden.\n", encoding="utf-8")
    run_cli(db, "import", source)
    run_cli(db, "annotate", "1", "--quote", "Genden")
    result = run_cli(db, *args)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")


def _annotated_then_changed(tmp_path: Path, text: str, quote: str, changed: str) -> tuple[Path, str]:
    """A library of one file holding `text`, a note on `quote`, the file re-imported as `changed`: the database and
    the note's id."""
    db, source = tmp_path / "cli.db", tmp_path / "account.txt"
    source.write_text(text, encoding="utf-8")
    run_cli(db, "import", source)
    annotation_id = run_cli(db, "annotate", "account.txt", "--quote", quote).stdout.strip()
    source.write_text(changed, encoding="utf-8")
    run_cli(db, "import", source)
    return db, annotation_id


def test_review_lists_and_settles_unsure_annotations(tmp_path):
    """After a re-import rewrites a quoted passage, `review` lists the annotation and settles it."""
    db, annotation_id = _annotated_then_changed(
        tmp_path, "Intro line.\nThe two leaders met on November 15, 1934 in Moscow.\nEnd.\n",
        "met on November 15, 1934", "Intro line.\nThe meeting is dated differently by every memoir.\nEnd.\n")
    listed = run_cli(db, "review", "--orphans").stdout
    assert listed.startswith(annotation_id + "\t")
    settled = run_cli(db, "review", annotation_id, "--place", "12", "23")
    assert settled.returncode == 0 and settled.stdout.split("\t")[1] == "anchored"
    assert run_cli(db, "review", "--orphans").stdout == ""
    assert run_cli(db, "review", annotation_id).returncode == 1


def test_review_with_nothing_to_review_names_the_orphans_left_out(tmp_path):
    """`review` said "every annotation is where it was" with a note whose passage a new version deleted, an orphan
    it leaves out (audit DG 3): it says how many, and how to list them."""
    quote = "The two leaders met on November 15, 1934 in Moscow."
    db, _annotation_id = _annotated_then_changed(tmp_path, f"Intro line.\n{quote}\nEnd.\n", quote,
                                                 "Intro line.\nEnd.\n")
    said = run_cli(db, "review").stderr
    assert "1 orphaned annotation" in said and "--orphans" in said and "where it was" not in said


def test_review_shows_the_words_proposed(tmp_path):
    """`review` gave the old quote and a range, never the words proposed, which the window shows: a user of the
    command line had to cut the text by hand to judge (audit CE F5)."""
    db, _annotation_id = _annotated_then_changed(
        tmp_path, "Stalin demanded it. Genden refused to comply with the demand.\n", "Genden refused to comply",
        "Stalin demanded it. Genden declined to comply with the demand.\n")
    [line] = run_cli(db, "review").stdout.splitlines()
    assert line.split("\t")[-2:] == ["Genden refused to comply", "Genden declined to comply"]


def test_entities_and_register_commands(tmp_path, corpus_template):
    """`entities` prints one line per mention with code-point offsets; `register` lists entities with aliases."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    result = run_cli(db, "entities", "--doc", "002_ff824666d88bbe20.txt")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    text = (TEXTS / "002_ff824666d88bbe20.txt").read_text(encoding="utf-8")
    assert rows and all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert {"document", "start", "end", "text", "type", "entity", "entity_id", "confidence"} == set(rows[0])
    assert any(r["text"] == "November 24, 1934" and r["type"] == "DATE" for r in rows)
    assert all(0.0 <= r["confidence"] <= 1.0 for r in rows)
    csv_mentions = run_cli(db, "entities", "--doc", "002_ff824666d88bbe20.txt", "--format", "csv").stdout.splitlines()
    assert csv_mentions[0].endswith(",entity_id,confidence")
    csv_lines = run_cli(db, "register", "--format", "csv").stdout.splitlines()
    assert csv_lines[0].startswith("entity_id,entity,type,aliases,mentions,documents")


def test_search_command(tmp_path):
    """`search` prints one hit per line with kind, document, offsets, snippet and the id a script acts on (it had
    none); a bad query is one error line."""
    db = tmp_path / "cli.db"
    run_cli(db, "import", TEXTS)
    rows = [json.loads(line) for line in run_cli(db, "search", '"Genden was executed"', "--json").stdout.splitlines()]
    assert rows and rows[0]["document"] == "000_8339fa2bec93c400.txt" and rows[0]["kind"] == "text"
    text = (TEXTS / rows[0]["document"]).read_text(encoding="utf-8")
    assert "Genden was executed" in text[rows[0]["start"]:rows[0]["end"]]
    note = run_cli(db, "annotate", "000", "--quote", "Genden was executed", "--note", "the execution").stdout.strip()
    found = run_cli(db, "search", "execution").stdout.splitlines()
    assert any(line.split("\t")[0] == "annotation" and line.split("\t")[-1] == note for line in found)  # its id
    bad = run_cli(db, "search", "OR genden")
    assert bad.returncode == 1 and bad.stderr.startswith("error: query not understood: OR needs a word before it")
    empty = run_cli(db, "search", " ")  # it said "nothing found for  ", as if the corpus held nothing
    assert empty.returncode == 1 and empty.stderr.startswith("error: type something to search for")


def test_search_says_when_it_lists_only_the_first_hits(tmp_path):
    """`search type:place` printed 200 lines of 255 hits and said nothing: a list piped into a file or `wc -l` was
    taken for the whole. Every hit up to --limit is printed, and a cut list says so on stderr."""
    db = tmp_path / "cli.db"
    run_cli(db, "import", TEXTS)
    every = run_cli(db, "search", "Genden", "--json")
    total = sum(json.loads(line)["kind"] == "text" for line in every.stdout.splitlines())
    assert every.stderr == "" and total > 10
    cut = run_cli(db, "search", "Genden", "--limit", "10", "--json")
    assert sum(json.loads(line)["kind"] == "text" for line in cut.stdout.splitlines()) == 10
    assert cut.stderr.strip() == f"text: the first 10 of {total} hits (--limit N shows more)"
    for first in (["--limit", "10"], ["--limit=10"], ["--json", "--limit", "10"]):  # before the query: it was taken
        # for a query beginning with a minus, "unrecognized arguments: 10 Genden" (audit BQ F5)
        options = [*first, *([] if "--json" in first else ["--json"])]
        assert run_cli(db, "search", *options, "Genden").stdout == cut.stdout
    assert query_after_dashes(["search", "--limit", "5", "-stalin", "genden"]) == [
        "search", "--limit", "5", "--", "-stalin", "genden"]


def test_search_takes_its_options_anywhere_and_its_words_unquoted(tmp_path):
    """'search "-stalin genden" --json' took --json for words, and 'search -- -stalin genden' (as the help says)
    refused genden: the query was one argument, which had to be quoted (audit BS F8, F9)."""
    db = tmp_path / "cli.db"
    run_cli(db, "import", TEXTS)
    wanted = run_cli(db, "search", "--json", "--limit", "3", "--", "-stalin genden").stdout
    assert sum('"kind": "text"' in line for line in wanted.splitlines()) == 3
    for typed in (["-stalin genden", "--json", "--limit", "3"], ["--json", "--limit", "3", "-stalin", "genden"],
                  ["--json", "--limit", "3", "--", "-stalin", "genden"], ["--lim", "3", "-stalin", "genden", "--json"],
                  ["-stalin", "--limit=3", "genden", "--json"]):
        found = run_cli(db, "search", *typed)
        assert (found.returncode, found.stdout) == (0, wanted), typed
    assert run_cli(db, "search", "genden", "stalin").stdout == run_cli(db, "search", "genden stalin").stdout


@pytest.fixture(scope="module")
def linked_db(tmp_path_factory, corpus_template):
    """The corpus with two contradicting passages linked and a third passage left unlinked (built once: the tests
    only export from it)."""
    db = copy_of_corpus(corpus_template, tmp_path_factory.mktemp("linked") / "export.db")
    first = run_cli(db, "annotate", "000_8339fa2bec93c400.txt", "--quote", "The two met on November 15, 1934.",
                    "--tag", "meeting-1934").stdout.strip()
    second = run_cli(db, "annotate", "002_ff824666d88bbe20.txt", "--quote", "November 24, 1934").stdout.strip()
    run_cli(db, "annotate", "000_8339fa2bec93c400.txt", "--quote", "Genden", "--note", "unlinked")
    assert run_cli(db, "link", first, second, "--relation", "contradicts").returncode == 0
    return db


def test_export_linked_pairs_grouped_by_tag(linked_db):
    """`export --linked contradicts --group-by tag` writes only the linked passages, one heading per tag."""
    result = run_cli(linked_db, "export", "--format", "md", "--linked", "contradicts", "--group-by", "tag")
    assert result.returncode == 0, result.stderr
    headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert headings == ["## meeting-1934", "## Untagged"] and "unlinked" not in result.stdout


def test_export_with_an_unknown_relation_is_one_line_error(linked_db):
    """A relation that does not exist is named in a one-line error with a non-zero exit."""
    result = run_cli(linked_db, "export", "--format", "md", "--linked", "agrees")
    assert result.returncode != 0 and "unknown relation 'agrees'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_export_to_a_file_keeps_the_mentions_asked_for(linked_db, tmp_path):
    """`-o FILE` writes the same export as printing would, entity mentions included when asked."""
    out = tmp_path / "notes.jsonld"
    result = run_cli(linked_db, "export", "--format", "jsonld", "--mentions", "-o", out)
    assert result.returncode == 0, result.stderr
    motivations = {item["motivation"] for item in json.loads(out.read_text(encoding="utf-8"))["first"]["items"]}
    assert {"linking", "identifying"} <= motivations


def test_damaged_database_is_named_and_restore_backup_brings_it_back(tmp_path):
    """A damaged file gives a one-line error pointing at `restore-backup`, which restores and keeps the damage."""
    db = tmp_path / "cli.db"
    assert run_cli(db, "import", TEXTS).returncode == 0
    assert run_cli(db, "docs").returncode == 0  # this start backs up the five documents
    db.write_bytes(b"garbage" * 500)
    failed = run_cli(db, "docs")
    assert failed.returncode != 0 and "restore-backup" in failed.stderr and len(failed.stderr.splitlines()) == 1
    restored = run_cli(db, "restore-backup")
    assert restored.returncode == 0 and "kept as" in restored.stdout
    assert len(run_cli(db, "docs").stdout.splitlines()) == 5
    assert [p.read_bytes() for p in tmp_path.glob("cli.damaged-*.db")] == [b"garbage" * 500]


def test_restore_backup_asks_for_yes_when_the_database_is_healthy(tmp_path):
    """restore-backup over a database that opens fine would set aside every change since the backup: it says so
    and changes nothing unless given --yes; then the file it sets aside is named as replaced, not damaged."""
    db = tmp_path / "cli.db"
    assert run_cli(db, "import", TEXTS).returncode == 0
    assert run_cli(db, "docs").returncode == 0  # this start backs up the five documents
    assert run_cli(db, "annotate", "1", "--quote", "Genden", "--note", "since the backup").returncode == 0
    before = db.read_bytes()
    refused = run_cli(db, "restore-backup")
    assert refused.returncode == 1 and "is not damaged" in refused.stderr and "--yes" in refused.stderr
    assert len(refused.stderr.splitlines()) == 1 and db.read_bytes() == before
    restored = run_cli(db, "restore-backup", "--yes")
    assert restored.returncode == 0 and "replaced" in restored.stdout
    assert list(tmp_path.glob("cli.replaced-*.db")) and not list(tmp_path.glob("cli.damaged-*.db"))
    assert "since the backup" not in run_cli(db, "notes").stdout  # the backup from before it, not a fresh one


def test_restore_backup_asks_for_yes_over_a_newer_versions_library(tmp_path):
    """A library written by a newer version is sound (that version opens it): restore-backup set it aside as
    "damaged" without asking, the newer work under that name (audit CD F6). It asks for --yes, as over any sound
    file."""
    import sqlite3

    db = tmp_path / "cli.db"
    assert run_cli(db, "import", TEXTS).returncode == 0
    assert run_cli(db, "docs").returncode == 0
    newer = sqlite3.connect(db)
    newer.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                  "SELECT migration_set, 'm999_future', applied_at FROM _sqlite_migrations LIMIT 1")
    newer.commit()
    newer.close()
    before = db.read_bytes()
    refused = run_cli(db, "restore-backup")
    assert refused.returncode == 1 and "is not damaged" in refused.stderr and db.read_bytes() == before
    assert not list(tmp_path.glob("cli.damaged-*.db"))


def test_a_file_name_with_a_newline_stays_on_one_line(tmp_path):
    """`docs` writes one line per document even when a file name holds a newline or a tab."""
    db = tmp_path / "cli.db"
    odd = tmp_path / "two\nlines\tname.txt"
    odd.write_text("An account of 1934.\n", encoding="utf-8")
    assert run_cli(db, "import", odd).returncode == 0
    lines = run_cli(db, "docs").stdout.splitlines()
    assert len(lines) == 1 and "two\\nlines\\tname.txt" in lines[0]


def test_delete_moves_a_document_to_the_trash(tmp_path):
    """`delete DOC` removes it from `docs` and says how many annotations, and links to other sources, went with it."""
    db = tmp_path / "cli.db"
    run_cli(db, "import", TEXTS)
    run_cli(db, "annotate", "000_8339fa2bec93c400.txt", "--quote", "Genden")
    run_cli(db, "annotate", "001_c9451cbdf41c54f1.txt", "--quote", "Genden")
    run_cli(db, "link", "1", "2", "--relation", "contradicts")
    result = run_cli(db, "delete", "000_8339fa2bec93c400.txt")
    assert result.returncode == 0 and "with 1 annotation; 1 link to another source leaves with it" in result.stdout
    assert "000_8339fa2bec93c400.txt" not in run_cli(db, "docs").stdout


def test_undo_redo_and_history(tmp_path):
    """The command line undoes and redoes the newest change, a document delete included, and lists the history."""
    db = tmp_path / "cli.db"
    run_cli(db, "import", TEXTS)
    run_cli(db, "annotate", "000_8339fa2bec93c400.txt", "--quote", "Genden", "--note", "kept")
    run_cli(db, "delete", "000_8339fa2bec93c400.txt")
    history = run_cli(db, "history").stdout.splitlines()
    assert [line.split("\t")[-1] for line in history] == ["Delete document (Genden Falls into Disfavor)",
                                                          "Add annotation on “Genden” (Genden Falls into Disfavor)",
                                                          "Import 5 files"]
    assert run_cli(db, "undo").stdout.strip() == "undone: Delete document (Genden Falls into Disfavor)"
    assert "000_8339fa2bec93c400.txt" in run_cli(db, "docs").stdout
    assert run_cli(db, "redo").stdout.strip() == "redone: Delete document (Genden Falls into Disfavor)"
    assert "000_8339fa2bec93c400.txt" not in run_cli(db, "docs").stdout
    run_cli(db, "undo")
    run_cli(db, "undo")
    assert run_cli(db, "notes").stdout == ""
    assert run_cli(db, "undo").stdout.strip() == "undone: Import 5 files"  # the documents go to the Trash
    assert run_cli(db, "docs").stdout.strip() == ""
    result = run_cli(db, "undo")
    assert result.returncode == 1 and result.stderr.strip() == "error: nothing to undo"


def test_register_lists_geonames_links_and_coordinates(tmp_path, corpus_template):
    """`register --format csv` gives each place its GeoNames id (suggested or chosen) and coordinates."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    rows = list(csv.DictReader(io.StringIO(run_cli(db, "register", "--format", "csv").stdout)))
    mongolia = next(row for row in rows if row["entity"] == "Mongolia")
    assert mongolia["geonames"].isdigit() and mongolia["geonames_link"] == "suggested"
    assert float(mongolia["latitude"]) > 40 and float(mongolia["longitude"]) > 100
    out = tmp_path / "places.geojson"
    result = run_cli(db, "export", "--format", "geojson", "-o", out)
    assert result.returncode == 0 and "places on the map and " in result.stderr and "with no position" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_empty_listings_say_so_on_stderr_only(tmp_path):
    """Scripts read nothing from an empty listing, while a person is told why there is nothing (no documents yet,
    nothing found) instead of wondering whether the command ran."""
    db = tmp_path / "empty.db"
    docs = run_cli(db, "docs")
    assert docs.returncode == 0 and docs.stdout == "" and "import" in docs.stderr
    search = run_cli(db, "search", "Genden")
    assert search.returncode == 0 and search.stdout == "" and search.stderr == "nothing found for Genden\n"
    for command in ("entities", "register"):  # they printed nothing at all
        listed = run_cli(db, command)
        assert listed.returncode == 0 and listed.stdout == "" and "recognised in the documents" in listed.stderr


def test_wrong_numbers_get_a_line_that_says_what_is_wrong(tmp_path):
    """A count of none, a range given backwards, an id that is no annotation and a quote found fewer times than asked
    each get the line that names their fault ('time(s)', 'not inside the text', 'say what to do with it' before)."""
    db = tmp_path / "cli.db"
    assert run_cli(db, "import", TEXTS).returncode == 0
    limit = run_cli(db, "history", "--limit", "0")
    assert limit.returncode == 2 and "counting starts at 1" in limit.stderr
    for command in ("history", "search"):  # a count past what the library can hold was a fault of the program's
        huge = run_cli(db, command, "--limit", "99999999999999999999", *(["genden"] if command == "search" else []))
        assert huge.returncode == 2 and "too large" in huge.stderr and "inside the program" not in huge.stderr
    occurs = run_cli(db, "annotate", "1", "--quote", "Stalin", "--occurrence", "9999")
    assert occurs.returncode == 1 and "time(s)" not in occurs.stderr and " times in the document" in occurs.stderr
    made = run_cli(db, "annotate", "1", "--quote", "Genden").stdout.split()[0]
    backwards = run_cli(db, "review", made, "--place", "5", "2")
    assert backwards.returncode == 1 and "runs backwards" in backwards.stderr
    missing = run_cli(db, "review", "999")
    assert missing.returncode == 1 and "no annotation with id 999" in missing.stderr


def test_every_argument_of_every_command_says_what_it_is():
    """`COMMAND --help` is the command line's manual: each argument and option has a line saying what it takes
    (import PATH, link ID ID, search QUERY and others had none)."""
    import argparse

    from reader.cli import build_parser

    [commands] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    silent = [f"{name} {action.dest}" for name, command in commands.choices.items() for action in command._actions
              if not isinstance(action, argparse._HelpAction) and not action.help]
    assert silent == []


def described_fields(command: str) -> int:
    """How many tab-separated fields `command --help` says its lines hold (commas inside brackets do not count)."""
    import re

    from reader.cli import build_parser

    [commands] = [a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction"]
    description = commands.choices[command].description
    listed = re.sub(r"\([^)]*\)", "", description.split(": ", 1)[1])
    return len(listed.split(", "))


def test_listings_say_what_their_columns_hold(tmp_path):
    """Listings print no header (scripts read them), so each one's --help names its fields, as many as a line
    holds: '7636	293' at the end of a `docs` line said nothing."""
    db = tmp_path / "cli.db"
    run_cli(db, "import", TEXTS / "000_8339fa2bec93c400.txt")
    run_cli(db, "annotate", "000", "--quote", "November 15, 1934", "--note", "15 or 24?", "--tag", "date")
    for command in (("docs",), ("notes",), ("history",), ("search", "Genden")):
        line = run_cli(db, *command).stdout.splitlines()[0]
        assert len(line.split("\t")) == described_fields(command[0]), command


def test_export_to_an_existing_file_asks_for_force(linked_db, tmp_path):
    """`-o` onto a file that exists replaces it only with --force (the window asks; a mistyped -o had replaced a
    README without a word)."""
    out = tmp_path / "README.md"
    out.write_text("the user's own file", encoding="utf-8")
    refused = run_cli(linked_db, "export", "--format", "md", "-o", out)
    assert refused.returncode == 1 and "already exists" in refused.stderr and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "the user's own file"
    assert run_cli(linked_db, "export", "--format", "md", "-o", out, "--force").returncode == 0
    assert out.read_text(encoding="utf-8").startswith("#")


def test_no_export_replaces_a_database(linked_db, tmp_path):
    """Another project's database is never written over by an export, --force or not: it had become CSV."""
    other = tmp_path / "other_project.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE notes (text)")
        conn.commit()
    before = other.read_bytes()
    for extra in ((), ("--force",)):
        refused = run_cli(linked_db, "export", "--format", "csv", "-o", other, *extra)
        assert refused.returncode == 1 and "is a database" in refused.stderr
    refused = run_cli(linked_db, "timeline", "--csv", "-o", other, "--force")
    assert refused.returncode == 1 and "is a database" in refused.stderr
    assert other.read_bytes() == before


def test_a_listing_does_not_wait_for_the_names_of_a_long_text(tmp_path, monkeypatch, capsys):
    """With a 30 MB text not yet read for names, `entities --doc SMALL` (or a search, an export) waited half an hour
    saying nothing: a listing shows the names as last read and says which text is still to be read and how;
    `register` reads it, saying how far it has gone."""
    from reader import cli
    from reader.core.workspace import Workspace

    monkeypatch.setattr(cli, "LONG_READ_CHARACTERS", 5_000)
    (tmp_path / "long.txt").write_text("Genden met Stalin in Moscow in November 1934.\n\n" * 200, encoding="utf-8")
    db = tmp_path / "cli.db"
    workspace = Workspace.open(db)
    workspace.documents.import_paths([TEXTS / "000_8339fa2bec93c400.txt", tmp_path / "long.txt"])
    workspace.close()
    assert cli.run(cli.build_parser().parse_args(["--db", str(db), "entities", "--doc", "000"])) == 0
    warning = capsys.readouterr().err.splitlines()
    assert warning[0].startswith("warning:") and "long.txt" in warning[0]
    assert "register" in warning[0]
    assert cli.run(cli.build_parser().parse_args(["--db", str(db), "register"])) == 0
    read = capsys.readouterr()
    assert "Genden" in read.out and read.err.startswith("Reading the names in 2 new texts")
    assert cli.run(cli.build_parser().parse_args(["--db", str(db), "entities", "--doc", "000"])) == 0
    assert capsys.readouterr().err == ""


def test_reading_a_long_text_says_how_far_it_has_gone(capsys):
    """Half an hour of reading a 30 MB text said one line: the share read is said every tenth of it, once each."""
    from reader.cli import _say_reading_names

    say = _say_reading_names()
    for share in (0, 1, 9, 10, 10, 11, 20):
        say(0, 1, f"huge.txt, {share} %")
    assert capsys.readouterr().err.splitlines() == ["Reading the names in 1 new text, once…", "  huge.txt, 0 %",
                                                    "  huge.txt, 10 %", "  huge.txt, 20 %"]


def test_an_export_named_as_another_format_is_refused(tmp_path):
    """`export --format tei -o notes.jsonld` wrote TEI under a JSON-LD name: one line says so, nothing is written."""
    db = tmp_path / "cli.db"
    assert run_cli(db, "import", TEXTS / "000_8339fa2bec93c400.txt").returncode == 0
    done = run_cli(db, "export", "--format", "tei", "-o", tmp_path / "notes.jsonld")
    refusal = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert done.returncode == 1 and len(refusal) == 1 and "notes.xml" in refusal[0]
    assert not (tmp_path / "notes.jsonld").exists()
    for command in (("export", "--format", "tei", "-o", tmp_path / "notes.json"),
                    ("timeline", "--csv", "-o", tmp_path / "timeline.html")):
        done = run_cli(db, *command)
        assert done.returncode == 1 and "is named as" in done.stderr and not command[-1].exists(), command


def test_an_export_of_an_empty_query_is_refused_as_a_search_of_it_is(tmp_path, corpus_template):
    """`export --query ''` exported the whole library, where `search ''` is refused (audit BD)."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    empty = run_cli(db, "export", "--format", "csv", "--query", " ")
    assert empty.returncode == 1 and empty.stderr.startswith("error: type something to search for")


def test_the_word_search_elsewhere_than_the_command_is_left_as_typed(tmp_path):
    """'export --query search', 'annotate … --note search' and 'import search --password pw' were rewritten as if
    they were the search command (a usage error, or the password taken as words), and 'search genden --db D' searched
    the default library (audit BU F3)."""
    assert query_after_dashes(["--db", "x.db", "export", "--format", "md", "--query", "search", "--tag", "x"]) == [
        "--db", "x.db", "export", "--format", "md", "--query", "search", "--tag", "x"]
    assert query_after_dashes(["import", "search", "--password", "pw"]) == ["import", "search", "--password", "pw"]
    assert query_after_dashes(["search", "genden", "--db", "x.db", "--json"]) == [
        "--db", "x.db", "search", "--json", "--", "genden"]
    assert query_after_dashes(["--db=x.db", "search", "-stalin"]) == ["--db=x.db", "search", "--", "-stalin"]
    assert query_after_dashes(["search", "genden", "--db"]) == ["search", "genden", "--db"]  # argparse says what is
    # missing (moved, --db took "search" for its file; audit BX F2)


@pytest.mark.parametrize("args", [("notes", "--doc", ""), ("review", "--doc", " "), ("entities", "--doc", ""),
                                  *(("export", "--format", "csv", option, "") for option in
                                    ("--doc", "--tag", "--linked"))])
def test_an_empty_filter_is_refused_not_taken_for_none(tmp_path, args):
    """A shell variable left empty ("--tag $TAG") listed or exported the whole library, as if no filter were given
    (audit DH 3): it is refused, as the timeline's filters are (and an empty --query, as a search of nothing)."""
    result = run_cli(tmp_path / "cli.db", *args)
    assert result.returncode == 2 and "it is empty: give a value, or leave the option out" in result.stderr


@pytest.mark.parametrize(("args", "said"), [
    (("export", "--format", "csv", "-o", "-"), "'-' is no file name here: leave -o out to print"),
    (("timeline", "--csv", "-o", "-"), "'-' is no file name here: leave -o out to print"),
    (("export", "--format", "csv", "-o", ""), "it is empty: give a file name"),
    (("--db", "", "docs"), "it is empty: give a file name"),
    (("import", ""), "it is empty: give a file name"),  # "$FILE" unset had imported the folder, OCR and all (DJ 8)
    (("import-annotations", ""), "it is empty: give a file name"),
    (("tags", "--remove", ""), "it is empty: give a value, or leave the option out")])
def test_an_output_of_dash_or_nothing_is_refused_by_what_was_typed(tmp_path, monkeypatch, args, said):
    """'-o -' wrote a file named '-' where scripts mean standard output, and an empty name was refused as ". is a
    folder", though nothing was typed (audit DH 6, DH 9d)."""
    monkeypatch.chdir(tmp_path)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *(() if args[0] == "--db" else
                                                                      ("--db", str(tmp_path / "a.db"))), *args],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2 and said in result.stderr and not (tmp_path / "-").exists()


def test_a_document_in_the_trash_is_said_to_be_there(tmp_path, corpus_template):
    """A document moved to the Trash was "no document '001'", as if it had never been (audit DH 9c): the line says
    where it is and what brings it back."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    assert run_cli(db, "delete", "001").returncode == 0
    for args in (("text", "001"), ("text", "001_c9451cbdf41c54f1.txt"), ("annotate", "001", "--quote", "Stalin")):
        result = run_cli(db, *args)
        assert result.returncode == 1 and "001_c9451cbdf41c54f1.txt is in the Trash" in result.stderr, result.stderr
        assert "undo" in result.stderr


def test_a_number_in_the_trash_is_its_id_and_a_shared_beginning_names_each(tmp_path):
    """"1" named 1848_diary.txt in the Trash, deleted later than letter.txt, whose id is 1: undo as advised brought
    back the wrong one; a beginning two documents in the Trash share named the newest only (audit DJ 7)."""
    db = tmp_path / "cli.db"
    for name in ("letter.txt", "1848_diary.txt", "note_1934.txt", "note_1935.txt"):
        (tmp_path / name).write_text(f"The text of {name}.\n", encoding="utf-8")
        assert run_cli(db, "import", tmp_path / name).returncode == 0
    for name in ("letter.txt", "1848_diary.txt", "note_1934.txt", "note_1935.txt"):
        assert run_cli(db, "delete", name).returncode == 0
    assert "letter.txt is in the Trash" in run_cli(db, "notes", "--doc", "1").stderr
    both = run_cli(db, "notes", "--doc", "note").stderr
    assert both.strip() == "error: 'note' could be note_1934.txt, note_1935.txt, in the Trash: give more of the " \
                           "file name, or the id"

"""The command line edits what it made: a note's text, tags and colour, removing a highlight or a link, the
Notebook; each one undoable step, as in the window."""

import json

from tests.cli.test_cli import copy_of_corpus, run_cli


def _notes(db):
    return [json.loads(line) for line in run_cli(db, "notes", "--json").stdout.splitlines()]


def test_a_note_is_edited_retagged_and_removed_each_as_one_step(tmp_path, corpus_template):
    """A script could add a note but not correct it: it had to undo back through every later step."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    first = run_cli(db, "annotate", "000", "--quote", "Genden", "--note", "first", "--tag", "a").stdout.strip()
    second = run_cli(db, "annotate", "001", "--quote", "Stalin").stdout.strip()
    edited = run_cli(db, "edit", first, "--note", "the meeting's date?", "--tag", "meeting", "--tag", "1934",
                     "--color", "green")
    assert edited.returncode == 0, edited.stderr
    [row] = [row for row in _notes(db) if str(row["id"]) == first]
    assert row["note"] == "the meeting's date?" and row["tags"] == ["1934", "meeting"]
    assert run_cli(db, "history").stdout.splitlines()[0].endswith("Edit annotation on “Genden” (Genden Falls into "
                                                                  "Disfavor)")
    assert run_cli(db, "edit", first, "--no-tags").returncode == 0
    assert [row["tags"] for row in _notes(db) if str(row["id"]) == first] == [[]]
    assert run_cli(db, "link", first, second, "--relation", "contradicts").returncode == 0
    unlinked = run_cli(db, "unlink", first, second)
    assert unlinked.returncode == 0 and "contradicts" in unlinked.stdout
    assert all(not row["links"] for row in _notes(db))
    removed = run_cli(db, "remove", second)
    assert removed.returncode == 0 and "Stalin" in removed.stdout
    assert [str(row["id"]) for row in _notes(db)] == [first]
    assert run_cli(db, "undo").stdout.strip().startswith("undone: Delete annotation on “Stalin” (In 1935")
    assert len(_notes(db)) == 2


def test_editing_what_is_not_there_is_one_line(tmp_path, corpus_template):
    """An id that names nothing, two highlights not linked, an edit saying nothing: one line each, exit 1."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    first = run_cli(db, "annotate", "000", "--quote", "Genden").stdout.strip()
    second = run_cli(db, "annotate", "001", "--quote", "Stalin").stdout.strip()
    for args, said in ((("edit", "99", "--note", "x"), "no annotation with id 99"),
                       (("unlink", first, second), f"annotations {first} and {second} are not linked"),
                       (("edit", first), "say what to change: --note, --tag, --no-tags or --color")):
        result = run_cli(db, *args)
        assert result.returncode == 1 and result.stderr.strip() == f"error: {said}", result.stderr


def test_the_notebook_is_listed_and_written(tmp_path, corpus_template):
    """Notebook notes were found only as search hits: `notebook` lists them and adds one, citing highlights."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    cited = run_cli(db, "annotate", "000", "--quote", "Genden").stdout.strip()
    made = run_cli(db, "notebook", "--add", "Two dates for one meeting", "--title", "Meeting", "--cite", cited)
    assert made.returncode == 0, made.stderr
    listed = run_cli(db, "notebook").stdout.splitlines()
    assert len(listed) == 1 and listed[0].split("\t")[1:] == ["Meeting", "Two dates for one meeting", cited, "-"]


def test_an_export_matching_nothing_says_so(tmp_path, corpus_template):
    """`export --tag nonexistent` printed an empty '# Notes' and said nothing: a script took it for the notes."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    run_cli(db, "annotate", "000", "--quote", "Genden", "--tag", "meeting")
    empty = run_cli(db, "export", "--format", "md", "--tag", "nonexistent")
    assert empty.returncode == 0 and empty.stderr.strip() == "no annotation matched: the export lists none"
    found = run_cli(db, "export", "--format", "md", "--tag", "meeting")
    assert found.stderr == "" and "Genden" in found.stdout


def test_tags_are_listed_renamed_merged_and_removed_each_as_one_step(tmp_path, corpus_template):
    """Manage tags was in the window alone: a script coding sources could tag notes but not rename, merge or drop a
    code. `tags` lists them with their counts; --rename (into an existing name: a merge) and --remove are undoable."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    first = run_cli(db, "annotate", "000", "--quote", "Genden", "--tag", "violence").stdout.strip()
    run_cli(db, "annotate", "001", "--quote", "Stalin", "--tag", "banquet", "--tag", "Quarrel")
    assert run_cli(db, "tags").stdout.splitlines() == ["banquet\t1", "Quarrel\t1", "violence\t1"]
    merged = run_cli(db, "tags", "--rename", "banquet", "violence")
    assert merged.returncode == 0 and merged.stdout.startswith("merged 'banquet' into 'violence'"), merged.stderr
    assert run_cli(db, "tags").stdout.splitlines() == ["Quarrel\t1", "violence\t2"]
    assert run_cli(db, "undo").stdout.startswith("undone: Merge tag 'banquet' into 'violence'")
    renamed = run_cli(db, "tags", "--rename", "Quarrel", "quarrel")
    assert renamed.returncode == 0 and renamed.stdout.startswith("renamed 'Quarrel' to 'quarrel'")
    removed = run_cli(db, "tags", "--remove", "violence")
    assert removed.returncode == 0 and removed.stdout.startswith("removed 'violence' from 1 note")
    assert [row["tags"] for row in _notes(db) if str(row["id"]) == first] == [[]]
    missing = run_cli(db, "tags", "--remove", "pipe")
    assert missing.returncode == 1 and missing.stderr.strip() == "error: no tag 'pipe'"


def test_a_tag_holding_a_comma_is_said_to_be_read_as_several(tmp_path, corpus_template):
    """'Smith, John' became the tags Smith and John without a word (a comma separates tags, as the window's tag box
    reads them): the command says so (audit BC F10)."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    made = run_cli(db, "annotate", "000", "--quote", "Genden", "--tag", "Smith, John")
    assert made.returncode == 0
    assert made.stderr.strip() == ("warning: a comma separates tags, so 'Smith, John' was stored as the tags 'Smith' "
                                   "and 'John'")
    edited = run_cli(db, "edit", made.stdout.strip(), "--tag", "Genden, Peljidiin")
    assert "'Genden, Peljidiin' was stored as the tags 'Genden' and 'Peljidiin'" in edited.stderr


def test_a_blank_quote_is_refused_and_an_empty_tag_said(tmp_path, corpus_template):
    """A quote of blanks only made a highlight no one could see, though an empty one is refused; a tag given empty
    was left out without a word, though a comma in one is said (audit DH 8)."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    blank = run_cli(db, "annotate", "000", "--quote", " ")
    assert blank.returncode == 1 and blank.stderr.strip() == "error: the quote has nothing but blanks: a highlight " \
                                                             "on them could not be seen"
    assert run_cli(db, "notes").stdout == ""
    made = run_cli(db, "annotate", "000", "--quote", "Genden", "--tag", "", "--tag", "people")
    assert made.returncode == 0 and made.stderr.strip() == "warning: an empty tag was left out"
    for empty in (" ", ",", " , "):  # an empty variable ("$A,$B" too): not "take the tags off" (DH 8, DJ 13)
        edited = run_cli(db, "edit", made.stdout.strip(), "--tag", empty)
        assert edited.returncode == 1 and edited.stderr.strip().endswith(
            "error: the tags given are empty: --no-tags takes every tag off")
    assert run_cli(db, "notes").stdout.split("\t")[4] == "people"


def test_an_edit_that_changes_nothing_is_no_step(tmp_path, corpus_template):
    """Giving an annotation the note or colour it has recorded an "Edit annotation" step that changed nothing, so the
    next undo seemed to do nothing (audit DH 7): no step, and the command says nothing changed."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    made = run_cli(db, "annotate", "000", "--quote", "Genden", "--note", "n", "--color", "green").stdout.strip()
    before = run_cli(db, "history").stdout
    for change in (("--note", "n"), ("--color", "green"), ("--note", "n", "--color", "green")):
        same = run_cli(db, "edit", made, *change)
        assert same.returncode == 0 and same.stderr.strip() == "nothing changed: the annotation already reads so"
    assert run_cli(db, "history").stdout == before
    assert run_cli(db, "edit", made, "--note", "m").stderr == ""


def test_the_history_names_the_tag_the_link_and_the_new_name(tmp_path, corpus_template):
    """"Remove tag", "Delete link" and "Rename tag 'y'" named neither the tag, nor the relation, nor the new name,
    too thin to choose a step to undo by (audit DH 4)."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    one = run_cli(db, "annotate", "000", "--quote", "Genden", "--tag", "people").stdout.strip()
    two = run_cli(db, "annotate", "001", "--quote", "Stalin", "--tag", "y").stdout.strip()
    assert run_cli(db, "link", one, two, "--relation", "contradicts").returncode == 0
    assert run_cli(db, "tags", "--rename", "y", "why").returncode == 0
    assert run_cli(db, "tags", "--remove", "people").returncode == 0
    assert run_cli(db, "unlink", one, two).returncode == 0
    labels = [line.split("\t")[3] for line in run_cli(db, "history").stdout.splitlines()[:4]]
    assert labels == [f"Unlink annotations {one} and {two}", "Remove tag 'people' on “Genden” (Genden Falls into "
                      "Disfavor)", "Rename tag 'y' to 'why' on “Stalin” (In 1935, the prime minister of Mongolia…)",
                      "Link passages (contradicts)"]


def test_the_history_names_each_steps_passage_and_source_as_undo_says_it(tmp_path, corpus_template):
    """Ten "Edit note" lines in `history` left the reader to guess which note each had changed, where `undo` says
    'Edit annotation on “Genden” (Genden Falls into Disfavor)': the history says each step as undo would."""
    db = copy_of_corpus(corpus_template, tmp_path / "cli.db")
    one = run_cli(db, "annotate", "000", "--quote", "Genden").stdout.strip()
    run_cli(db, "annotate", "001", "--quote", "Stalin")
    assert run_cli(db, "edit", one, "--note", "first of two").returncode == 0
    said = [line.split("\t")[3] for line in run_cli(db, "history").stdout.splitlines()[:3]]
    assert said == ["Edit annotation on “Genden” (Genden Falls into Disfavor)",
                    "Add annotation on “Stalin” (In 1935, the prime minister of Mongolia…)",
                    "Add annotation on “Genden” (Genden Falls into Disfavor)"]
    assert run_cli(db, "undo").stdout.strip() == f"undone: {said[0]}"

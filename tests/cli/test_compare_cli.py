"""The compare commands: parallels, timeline and conflicts, as lines, JSON and CSV, with one-line errors."""

import csv
import io
import json
import shutil
import sqlite3
from contextlib import closing

import pytest

from tests.cli.test_cli import run_cli


@pytest.fixture
def db(workspace, tmp_path):
    """A copy of the sample corpus's database, recognised, for the subprocess to open."""
    workspace.entities.ensure_current()
    path = tmp_path / "compare.db"
    workspace.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(workspace.path, path)
    return path


def test_parallels_json_and_lines(db):
    """`parallels DOC --json` gives suggestions with reasons and relation; plain lines are tab-separated."""
    done = run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--top", "10", "--json")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert 0 < len(rows) <= 10
    assert any(r["relation"] == "contradicts" and "November 24, 1934" in r["other"]["text"] for r in rows)
    lines = run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--top", "3").stdout.splitlines()
    assert len(lines) == 3 and all(len(line.split("\t")) == 9 for line in lines)
    assert [line.split("\t")[0] for line in lines] == ["1", "2", "3"]  # the number --link and --dismiss take


def test_parallels_link_and_dismiss_by_number_and_undo(db):
    """`--link N` links suggestion N's passages with its suggested relation; `--dismiss N` keeps it from coming
    back (once the pair is no longer linked); `undo` brings it back. Both are one undoable step, as in the window."""
    first = json.loads(run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--top", "1", "--json").stdout)
    done = run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--link", "1", "--relation", "contradicts")
    assert done.returncode == 0, done.stderr
    assert "linked" in done.stdout and "contradicts" in done.stdout
    assert run_cli(db, "history").stdout.splitlines()[0].endswith("Link passages (contradicts)")
    assert first["relation"] != "contradicts"  # so the listing must say the relation linked, not the suggested one
    listed = run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--top", "1").stdout.split("\t")
    assert listed[3] == "contradicts (linked)"
    refused = run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--dismiss", "1")  # linked: judged parallel
    assert refused.returncode == 1 and "delete the link" in refused.stderr and refused.stderr.count("\n") == 1
    assert run_cli(db, "undo").returncode == 0  # the link
    done = run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--dismiss", "1")
    assert done.returncode == 0 and done.stdout.startswith("dismissed")
    after = [json.loads(line) for line in run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--top", "20",
                                                  "--json").stdout.splitlines()]
    assert all((r["source"], r["other"]) != (first["source"], first["other"]) for r in after)
    assert run_cli(db, "undo").returncode == 0
    again = json.loads(run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--top", "1", "--json").stdout)
    assert (again["source"], again["other"]) == (first["source"], first["other"])
    missing = run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--top", "3", "--dismiss", "40")
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and "40" in missing.stderr


def test_parallels_half_range_is_one_line_error(db):
    """--start without --end is refused in one line."""
    done = run_cli(db, "parallels", "1", "--start", "5")
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "--end" in done.stderr


def test_timeline_refuses_a_bound_that_is_not_a_date(db):
    """--from 'soon' is one line on stderr, exit 1; so are a 13th month (it was an internal error with a traceback in
    the log) and 30 February (it was read as 1 March)."""
    for bound in ("soon", "1936-13", "1936-02-30", "1936-00"):
        done = run_cli(db, "timeline", "--from", bound)
        assert done.returncode == 1 and done.stderr.count("\n") == 1 and "not a date" in done.stderr, bound


def test_timeline_filters_and_csv(db):
    """`timeline --entity --from --to` narrows; --csv has a header and event columns."""
    rows = [json.loads(line) for line in run_cli(db, "timeline", "--entity", "Genden", "--from", "1937",
                                                 "--json").stdout.splitlines()]
    assert rows and all(r["last"] >= "1937-01-01" for r in rows)
    lines = run_cli(db, "timeline", "--from", "1934-11-15", "--to", "1934-11-15").stdout.splitlines()
    meeting = [line.split("\t") for line in lines if line.startswith("1934-11-15\t1934-11-15\tday\t000")]
    assert meeting == [[*meeting[0][:-1], "The two met on November 15, 1934."]]  # its sentence, not the paragraph
    text = run_cli(db, "timeline", "--csv").stdout
    assert text.startswith("document,title,kind,date_text,value,precision") and "1934-11-15" in text
    summit = [row for row in csv.DictReader(io.StringIO(run_cli(db, "timeline", "--from", "1934-11-20", "--to",
                                                                "1934-12", "--csv").stdout))
              if row["value"] == "1934-11-24"]
    in_event = [row for row in summit if row["event"]]  # its 15 November source filtered out
    assert in_event and all(row["conflict"] == "yes" for row in in_event)


def test_conflicts_lists_each_source_date(db):
    """`conflicts` prints the November 1934 meeting with both sources' dates."""
    done = run_cli(db, "conflicts")
    assert done.returncode == 0
    line = next(line for line in done.stdout.splitlines() if "1934-11-15" in line)
    assert "1934-11-24" in line and "002_ff824666d88bbe20.txt" in line
    rows = [json.loads(x) for x in run_cli(db, "conflicts", "--json").stdout.splitlines()]
    assert any({s["value"] for s in r["sources"]} >= {"1934-11-15", "1934-11-24"} for r in rows)


def test_a_date_in_a_note_is_listed_as_the_notes_not_the_sources(db):
    """A note giving another scholar's date was listed as the source's date, beside the highlighted words that say
    otherwise ("1934-11-27 (167-184): November 24, 1934"): the line says the date is a note's, and quotes it."""
    first = run_cli(db, "annotate", "000", "--quote", "November 15, 1934").stdout.strip()
    second = run_cli(db, "annotate", "002", "--quote", "November 24, 1934", "--occurrence", "1", "--note",
                     "Zhabaeva gives 27 November 1934 for the same meeting.").stdout.strip()
    assert run_cli(db, "link", second, first, "--relation", "contradicts").returncode == 0
    line = next(line for line in run_cli(db, "conflicts").stdout.splitlines() if "1934-11-27" in line)
    assert "1934-11-27 (167-184): in a note on “November 24, 1934”: 27 November 1934" in line


def test_timeline_writes_html_and_csv_files(db, tmp_path):
    """`timeline --html -o FILE` writes a standalone page; --csv -o a CSV; --html alone is a one-line error."""
    page = tmp_path / "timeline.html"
    done = run_cli(db, "timeline", "--html", "-o", page)
    assert done.returncode == 0 and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert done.stdout == "" and "dated passages to" in done.stderr  # as export says it: stdout is for data (DH 9b)
    table = tmp_path / "timeline.csv"
    assert run_cli(db, "timeline", "--csv", "--entity", "Genden", "-o", table).returncode == 0
    assert table.read_text(encoding="utf-8-sig").startswith("document,title,kind")
    refused = run_cli(db, "timeline", "--html")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1


def test_parallels_say_once_that_new_sentences_are_read(db):
    """Comparing texts never compared before takes seconds: stderr says so the first time, and only then."""
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("DELETE FROM passage_meanings WHERE rowid IN (SELECT rowid FROM passage_meanings LIMIT 5)")
    first = run_cli(db, "parallels", "002_ff824666d88bbe20.txt", "--top", "1")
    assert first.returncode == 0 and ": 5 new sentences, read once" in first.stderr  # a small corpus: all compared
    again = run_cli(db, "parallels", "002_ff824666d88bbe20.txt", "--top", "1")
    assert again.returncode == 0 and again.stderr == "" and again.stdout == first.stdout


def test_impossible_ranges_and_counts_are_refused_in_words(db):
    """Protects against silent empty answers: a backwards range, a period that runs backwards and a count of 0 are
    each refused with a line saying what is wrong, not an empty list or a word about ids."""
    backwards = run_cli(db, "parallels", "1", "--start", "500", "--end", "100")
    assert backwards.returncode == 1 and backwards.stderr.count("\n") == 1 and "--start" in backwards.stderr
    past_end = run_cli(db, "parallels", "1", "--start", "99999999", "--end", "999999999")
    assert past_end.returncode == 1 and "characters" in past_end.stderr
    period = run_cli(db, "timeline", "--from", "1936", "--to", "1934")
    assert period.returncode == 1 and period.stderr.count("\n") == 1 and "1936" in period.stderr
    none = run_cli(db, "parallels", "1", "--top", "0")
    assert none.returncode == 2 and "id" not in none.stderr.splitlines()[-1] and "1" in none.stderr.splitlines()[-1]


def test_an_empty_answer_says_so(db):
    """A filter that keeps nothing prints nothing to the output but says so on stderr, so a user is not left
    wondering whether the command ran."""
    done = run_cli(db, "timeline", "--entity", "Genden", "--from", "1990")
    assert done.returncode == 0 and done.stdout == "" and "no dated passages" in done.stderr
    unknown = run_cli(db, "timeline", "--entity", "Nobody at all")  # a name no entity has is another answer
    assert unknown.returncode == 1 and unknown.stderr == "error: no entity is named “Nobody at all”\n"


def test_conflicts_dismiss_parts_an_event_until_undone(db):
    """`conflicts --dismiss N` judges event N not one event: it leaves the list, as one undoable step."""
    before = run_cli(db, "conflicts").stdout.splitlines()
    number = next(line.split("\t")[0] for line in before if "1936 (" in line)  # the number alone, which --dismiss
    # takes (it read "event 1", which --dismiss refused: audit DH 9a)
    done = run_cli(db, "conflicts", "--dismiss", number)
    assert done.returncode == 0 and "no longer one event" in done.stdout
    assert len(run_cli(db, "conflicts").stdout.splitlines()) == len(before) - 1
    assert run_cli(db, "undo").returncode == 0
    assert len(run_cli(db, "conflicts").stdout.splitlines()) == len(before)


def test_dismissed_lists_and_brings_back(db):
    """`dismissed` lists what was judged not parallel; `--bring-back N` undoes that judgement (one step, so `undo`
    dismisses it again); a number past the list is one line."""
    second = json.loads(run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--json").stdout.splitlines()[1])
    assert run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--dismiss", "2").returncode == 0
    rows = [json.loads(line) for line in run_cli(db, "dismissed", "--json").stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["one"]["file_name"] == "000_8339fa2bec93c400.txt"
    assert {tuple(rows[0][side]["focus"]) for side in ("one", "two")} == {
        tuple(second[side]["focus"]) for side in ("source", "other")}  # where the pair tied, kept with it
    refused = run_cli(db, "dismissed", "--bring-back", "2")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1 and "1 pair dismissed" in refused.stderr
    assert "brought back" in run_cli(db, "dismissed", "--bring-back", "1").stdout
    assert run_cli(db, "dismissed").stdout == ""
    assert "Bring back dismissed pair" in run_cli(db, "history").stdout.splitlines()[0]


def test_a_key_judges_the_same_pair_however_the_list_closed_up(db):
    """Each suggestion, event and dismissed pair is listed with a key that stays with it: a number names another
    pair once a dismissal closed the list up, so `--dismiss KEY` run twice judges one pair and is then refused in a
    line; `dismissed` lists the pair under the same key and brings it back by it."""
    doc = "000_8339fa2bec93c400.txt"
    listed = [line.split("\t") for line in run_cli(db, "parallels", doc, "--top", "3").stdout.splitlines()]
    key = listed[0][1]
    assert run_cli(db, "parallels", doc, "--dismiss", key).stdout.startswith("dismissed")
    again = run_cli(db, "parallels", doc, "--dismiss", key)
    assert again.returncode == 1 and key in again.stderr and again.stderr.count("\n") == 1
    keys = [line.split("\t")[1] for line in run_cli(db, "parallels", doc, "--top", "5").stdout.splitlines()]
    assert key not in keys and {listed[1][1], listed[2][1]} <= set(keys)
    assert json.loads(run_cli(db, "parallels", doc, "--top", "1", "--json").stdout)["ref"] == keys[0]
    assert run_cli(db, "dismissed").stdout.split("\t")[1] == key
    assert "brought back" in run_cli(db, "dismissed", "--bring-back", key).stdout
    assert key in [line.split("\t")[1] for line in run_cli(db, "parallels", doc, "--top", "3").stdout.splitlines()]
    event = next(line.split("\t") for line in run_cli(db, "conflicts").stdout.splitlines() if "1936 (" in line)
    assert "no longer one event" in run_cli(db, "conflicts", "--dismiss", event[1]).stdout
    twice = run_cli(db, "conflicts", "--dismiss", event[1])
    assert twice.returncode == 1 and event[1] in twice.stderr and twice.stderr.count("\n") == 1
    refused = run_cli(db, "parallels", doc, "--dismiss", "pzzzz")
    assert refused.returncode == 2 and "pzzzz" in refused.stderr


def test_compare_listings_say_what_their_columns_hold(db):
    """parallels, timeline, conflicts and dismissed name in --help the fields their lines hold, as many as they
    hold."""
    from tests.cli.test_cli import described_fields

    run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--dismiss", "2")
    for command in (("parallels", "000_8339fa2bec93c400.txt"), ("timeline",), ("conflicts",), ("dismissed",)):
        line = run_cli(db, *command).stdout.splitlines()[0]
        assert len(line.split("\t")) == described_fields(command[0]), command


def test_the_first_listing_after_an_import_says_it_reads_names(tmp_path):
    """The first `conflicts` after an import took seconds saying nothing (names are read by whoever needs them
    first); it says so, once, on stderr, and the listing is as before."""
    text = tmp_path / "a.txt"
    text.write_text("Genden met Stalin in Moscow on 15 November 1934.\n", encoding="utf-8")
    db = tmp_path / "x.db"
    run_cli(db, "import", text)
    first, again = run_cli(db, "conflicts"), run_cli(db, "conflicts")
    assert first.returncode == 0 and "Reading the names in 1 new text" in first.stderr
    assert "Reading the names" not in again.stderr and again.stdout == first.stdout


def test_a_plain_line_sets_what_differs_apart_from_the_reasons(db):
    """A plain line read 'both: …; dates 1934-11-15 / 1934-11-24; dates: 1934-11-15 / 1934-11-24', the disagreement
    run on from the reasons as if stuttered: what differs follows, marked 'differ:'."""
    lines = run_cli(db, "parallels", "000_8339fa2bec93c400.txt", "--top", "10").stdout.splitlines()
    meeting = next(line.split("\t") for line in lines if "\tcontradicts\t" in line and "1934-11-24" in line)
    reasons, differ = meeting[7].split(" — differ: ")
    assert "dates 1934-11-15 / 1934-11-24" in reasons and differ.startswith("dates: 1934-11-15 / 1934-11-24")


def test_an_empty_filter_is_refused_in_one_line(db):
    """`timeline --from ""` (a shell variable left empty) printed the whole timeline as if no filter were given."""
    for option in ("--from", "--to", "--entity"):
        done = run_cli(db, "timeline", option, " ")
        assert done.returncode == 2 and done.stdout == "" and "empty" in done.stderr.splitlines()[-1]  # as argparse
        # says any value it refuses, after the usage

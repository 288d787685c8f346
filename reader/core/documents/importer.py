"""Importing files: decode everything first, then write all good files in one transaction.

A file with the same name and text as a stored one is a no-op; the same name with other text becomes a new version
(the old text stays, and the document's annotations are re-anchored onto the new one in the same transaction, as one
undoable step: Undo makes the earlier text current again, its notes where they were); the same text under another
name is reported as a copy. Either, when the file the stored pages were read from is no
longer there, takes the new path as that version's page source: importing a moved file finds its pages again.
Boilerplate is detected again across the whole corpus, because what recurs depends on which documents there are.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.documents.correction import carry_corrections
from reader.core.documents.language import LanguageReader
from reader.core.documents.metadata import extract_metadata
from reader.core.documents.page_images import file_digest
from reader.core.documents.reanchor import reanchor_document
from reader.core.documents.sources import SourceFile, expand_paths, read_source
from reader.core.documents.versions import redetect_boilerplate, store_version
from reader.core.errors import ImportFailed, PasswordNeeded, ReaderError, stop_if
from reader.core.ops import operation
from reader.core.records.documents import METADATA_FIELDS, FileOutcome, ImportReport, Metadata
from reader.core.records.progress import STORING, Cancelled, Progress
from reader.core.storage import document_trash, search_index
from reader.core.storage import documents as store
from reader.core.storage import pages as page_store
from reader.core.storage.backup import library_files
from reader.core.storage.bug_log import our_fault
from reader.core.storage.store import Store
from reader.core.wording import plural

SHORT_TEXT_WORDS = 25  # a text this short is compared by its words (one date changed ends five runs of five)
SHORT_SAME_SOURCE = 0.5  # share of a short text's telling words another file of its name keeps, and of its own words
# the short text has, to be a new version of it (one word of three changed is an edit; unrelated minutes share one)
SAME_SOURCE = 0.3  # share of a stored text's runs of words another file of its name keeps to be a new version of it


def import_paths(db: Store, paths: list[Path], progress: Progress | None = None,
                 cancelled: Cancelled | None = None, password: str | None = None) -> ImportReport:
    """`password` opens encrypted PDFs among the files; a file it does not open fails, and nothing of it is stored."""
    files, problems, left_out = expand_paths([Path(p) for p in paths], library_files(db.path))
    report = ImportReport([_failed(p) for p in problems] + [FileOutcome("", "left_out", line) for line in left_out])
    sources = _read_all(files, report, progress, cancelled, password, db.path)
    if password is None:
        report.outcomes[:] = [_passed_over(db, outcome) for outcome in report.outcomes]
    with db.atomic():
        changed: list[tuple[int, SourceFile]] = []  # stored files with other text: their new versions come last
        arriving: list[int] = []  # new documents, and deleted ones imported again: waiting in the Trash
        new_ids = [_store(db, source, report, changed, arriving)
                   for source in _storing(sources, progress, cancelled)]
        with operation(db, _step_label(db, arriving, changed)):  # Undo puts them (back) in the Trash
            for document_id in arriving:
                document_trash.restore_document(db, document_id, index=False)  # indexed below
            redetect_boilerplate(db)
            languages = LanguageReader()  # its model loaded once for the import, and let go after it
            for document_id, source in zip(new_ids, sources, strict=True):
                if document_id is not None:
                    stop_if(cancelled)  # reading each text's language and metadata: the stage's longest part
                    _fill_metadata(db, document_id, source, languages)
            if changed:
                _store_new_versions(db, changed, report, arriving)
        if changed:
            order = {str(source.path): n for n, source in enumerate(sources)}
            report.outcomes.sort(key=lambda outcome: order.get(outcome.path, -1))  # as given; failures first
        if report.changed_document_ids or arriving:
            stop_if(cancelled)
            search_index.index_all_texts(db)  # boilerplate may have moved in every document, not only new ones
    return report


def _read_all(files: list[Path], report: ImportReport, progress: Progress | None,
              cancelled: Cancelled | None, password: str | None, db_path: Path) -> list[SourceFile]:
    """Each file's text; one that fails, even by a fault of the program's reading it (an RTF's emoji was one),
    fails alone, in one line: the whole folder's import had failed with it."""
    sources = []
    for done, path in enumerate(files):
        stop_if(cancelled)
        if progress:
            progress(done, len(files), path.name)
        try:
            sources.append(read_source(path, password, _per_page(progress, done, len(files)), cancelled))
        except ImportFailed as exc:
            report.outcomes.append(_failed(exc))
        except (ReaderError, MemoryError):
            raise  # cancelled, the library refused, no memory left: the import stops, as it says
        except Exception as exc:  # noqa: BLE001 - logged, and said as that file's failure
            report.outcomes.append(_failed(ImportFailed(str(path), f"could not be read: {our_fault(exc, db_path)}")))
    stop_if(cancelled)  # asked while the last file was read (a web page, a Word file: no pages to stop at)
    return sources


def _storing(sources: list[SourceFile], progress: Progress | None, cancelled: Cancelled | None):
    """The files read, one by one, as they are stored (in the import's transaction): a Cancel asked meanwhile stops
    the import, and the transaction keeps nothing of it. Storing a large folder takes seconds, and a Cancel then was
    acknowledged and ignored."""
    for done, source in enumerate(sources):
        stop_if(cancelled)
        if progress:
            progress(done, len(sources), STORING)
        yield source


def _passed_over(db: Store, outcome: FileOutcome) -> FileOutcome:
    """A password PDF this library already holds, met again with no password given (a folder imported again to
    pick up changed files): passed over, not a failure, and no password asked for. Whether it changed cannot be
    told without opening it, and the line says so."""
    found = store.find_document_by_path(db, str(Path(outcome.path).resolve())) if outcome.needs_password else None
    if found is None:
        return outcome
    message = f"{Path(outcome.path).name}: already imported; password-protected, so not read again"
    return FileOutcome(outcome.path, "unchanged", message, found[0], needs_password=True)  # how to give it is
    # each face's to say (the window had said "give its password", and asks none for a file it passes over)


def _per_page(progress: Progress | None, done: int, total: int) -> Progress | None:
    """A paged file reports its pages through the file-level progress, counted in pages of this file, so the bar
    moves page by page: a 25-page scan takes minutes of OCR, and a count of files left it at 0 % all that time."""
    if progress is None:
        return None
    return lambda page, pages, label: progress(done * pages + page, total * pages, label)


def _failed(exc: ImportFailed) -> FileOutcome:
    return FileOutcome(exc.path, "failed", str(exc), needs_password=isinstance(exc, PasswordNeeded))


def _step_label(db: Store, arriving: list[int], changed: list[tuple[int, SourceFile]]) -> str:
    """What Edit > Undo names the import by: the file, or how many (a file back from the Trash changed is one)."""
    changed_names = [source.path.name for document_id, source in changed if document_id not in arriving]
    if not arriving:
        return (f"Import a changed file ({changed_names[0]})" if len(changed_names) == 1
                else f"Import {len(changed_names)} changed files")
    names = [store.get_document(db, i, include_trashed=True).file_name for i in arriving] + changed_names
    return f"Import {names[0]}" if len(names) == 1 else f"Import {len(names)} files"


def _store_new_versions(db: Store, changed: list[tuple[int, SourceFile]], report: ImportReport,
                        arriving: list[int]) -> None:
    """The changed files' new versions, boilerplate detected again and notes re-anchored, in the import's undoable
    step: its logged rows (the documents' current versions, the notes' places, what was judged of ranges) are what
    Undo puts back, so the steps before it stay undoable too. The versions stay stored, as every text once read.
    `arriving`: documents the import brings back from the Trash, which its Undo sends back there."""
    for document_id, source in changed:
        previous = store.current_version_id(db, document_id)
        read = store.read_version_id(db, document_id)
        version_id = store_version(db, document_id, source)
        message = (f"{source.path.name}: back from the Trash, changed: stored as a new version"
                   if document_id in arriving else f"{source.path.name}: changed, stored as a new version")
        message += _cut_short(store.version_text(db, previous).text, source.text)
        if read not in (None, previous):  # the text shown is a correction by hand of what the file gave
            version_id, carried = carry_corrections(db, document_id, read, previous, version_id)
            message += f"; {carried}"
        report.outcomes.append(FileOutcome(str(source.path), "new_version", message, document_id, version_id,
                                           previous, from_trash=document_id in arriving))
    redetect_boilerplate(db)
    report.reanchored.extend(reanchor_document(db, o.document_id, o.version_id, o.previous_version_id)
                             for o in report.outcomes if o.status == "new_version")


def _cut_short(old: str, new: str) -> str:
    """What to add to the line of a new version that lost most of the text (a broken sync cuts a file short)."""
    if len(new) * 2 >= len(old):
        return ""
    return f", {len(new):,} characters of {len(old):,}: most of its text is gone (a file cut short?)"


def _store(db: Store, source: SourceFile, report: ImportReport, changed: list[tuple[int, SourceFile]],
           arriving: list[int]) -> int | None:
    """Write one file, or put it in `changed` when it is a stored document's new text; a new document, and one in
    the Trash imported again, join `arriving` (the import's step brings them in). Returns the document id when it
    is a new document (its metadata is still to be filled)."""
    name = source.path.name
    document_id, stored_name = _stored_as(db, source)
    trashed = document_trash.trashed_document_id(db, stored_name) if document_id is None else None
    path = str(source.path.resolve())
    if trashed is not None and _another_file(db, trashed, path, source.text):  # the Trash's document of this name
        trashed, stored_name = None, _free_name(db, source.path, path)  # is another source's
    if trashed is not None:  # deleted, or new in this import: the same file again, its document (with its notes)
        document_id = trashed
        if trashed not in arriving:
            arriving.append(trashed)
    if document_id is None:
        new_id = _store_new(db, source, report, stored_name, arriving)
        if new_id is not None:
            document_trash.hold_arriving(db, new_id)
            arriving.append(new_id)
        return new_id
    previous, read = store.current_version_id(db, document_id), store.read_version_id(db, document_id)
    if read is None:  # a library older than this record: any version the file gave may be the one it read
        read = store.version_with_text(db, document_id, source.content_hash)
    as_read = next((v for v in (previous, read) if v is not None and store.version_text(db, v).text == source.text),
                   None)  # the file gives the text shown, or the text it gave before the corrections shown
    if as_read is None:
        changed.append((document_id, source))
        return None
    back = trashed is not None and not any(o.document_id == trashed for o in report.outcomes)
    message = _relinked(db, as_read, source) or (f"{name}: back from the Trash{_with_notes(db, trashed)}" if back
                                                 else f"{name}: already imported, unchanged")
    if as_read != previous:
        message += ", the corrections made by hand since kept"
    store.set_read_version(db, document_id, as_read)
    report.outcomes.append(FileOutcome(str(source.path), "unchanged", message, document_id, previous, from_trash=back))
    return None


def _stored_as(db: Store, source: SourceFile) -> tuple[int | None, str]:
    """The live document this file is (None for a new one) and the file name it is stored under. A document is
    found by the path it was imported from, then by its file name; but a document of that name imported from
    another file still where it was is another source (archives hand out many files named "document.pdf", and two
    drafts of one report in two fonds, which disagree on a figure, are what a historian compares), so this file is a
    document of its own, named with its folder ("document (fond22).pdf"). A file moved away is still its document
    if it retells its text."""
    path = str(source.path.resolve())
    found = store.find_document_by_path(db, path)
    if found is not None:
        return found
    document_id = store.find_document_id(db, source.path.name)
    if document_id is not None and _another_file(db, document_id, path, source.text):
        return None, _free_name(db, source.path, path)
    return document_id, source.path.name


def _another_file(db: Store, document_id: int, path: str, text: str) -> bool:
    """Whether a document of this file's name came from another file: one still where it was, or one gone whose
    text this file does not retell (its folder unplugged, another source's text had become its "new version" and
    orphaned every note, audit BY F9)."""
    stored = store.document_source_path(db, document_id)
    if not stored or stored == path:
        return False
    return Path(stored).is_file() or not _retold(store.version_text(db, store.current_version_id(db, document_id)).text,
                                                 text)


def _retelling(db: Store, source: SourceFile) -> str:
    """What the import says of a file of a stored document's name whose text retells that document's: two versions
    of one text, now side by side (a new version of it is imported from its own file's place)."""
    document_id = store.find_document_id(db, source.path.name)
    if document_id is None or not _retold(store.version_text(db, store.current_version_id(db, document_id)).text,
                                          source.text):
        return ""
    return (f", and tells most of its text in the same words: two versions to compare (to store it as a new "
            f"version of {source.path.name} instead, put it where that file is and import it from there)")


def _retold(old: str, new: str) -> bool:
    """Whether a text is another version of one stored (an edited copy: most of its runs of five words are kept), not
    another source that has its file's name. A text too short for runs of five to survive an edit shares half its
    words of four letters or more with the new text, and the new text half of its own, case and punctuation aside:
    runs of two ('of the') made unrelated minutes one document, a full stop added made the same two words two (audit
    CA C7), and a stub was retold by any text holding its words (CC N3); unsure, two documents lose nothing."""
    if len(old.split()) < SHORT_TEXT_WORDS:  # both ways: a stub was 'retold' by any text holding its words
        before, after = _telling_words(old), _telling_words(new)
        shared = len(before & after)
        return bool(before) and shared >= SHORT_SAME_SOURCE * len(before) and shared >= SHORT_SAME_SOURCE * len(after)
    before, after = _shingles(old), _shingles(new)
    return bool(before) and len(before & after) >= SAME_SOURCE * len(before)


def _telling_words(text: str) -> set[str]:
    words = re.findall(r"\w+", text.casefold())
    return {word for word in words if len(word) >= 4} or set(words)


def _shingles(text: str) -> set[int]:
    words = text.split()
    return {hash(tuple(words[at:at + 5])) for at in range(max(len(words) - 4, 0))}


def _free_name(db: Store, source: Path, path: str) -> str:
    """A file name no document of another file holds: the name with the file's folder, then a number too."""
    folder = source.parent.name or "another"
    for number in range(1, 10_000):
        name = f"{source.stem} ({folder}{f' {number}' if number > 1 else ''}){source.suffix}"
        holder = store.source_path_of_name(db, name)
        if holder is None or holder == path:  # free, or this very file's document (in the Trash, say)
            return name
    raise ImportFailed(str(source), "thousands of documents have this file's name already; rename the file")


def _store_new(db: Store, source: SourceFile, report: ImportReport, file_name: str,
               arriving: list[int]) -> int | None:
    """A new document, or the one that has this very text already: a copy brings a deleted one back from the Trash
    (it was 'already imported' there, and the text could not be had from the copy at all)."""
    copy = store.find_version_by_hash(db, source.content_hash)
    if copy is not None:
        back = store.get_document(db, copy[0]) is None and copy[0] not in arriving  # not new in this import
        if back:
            arriving.append(copy[0])
        report.outcomes.append(FileOutcome(str(source.path), "unchanged", _copy_said(db, source, *copy, back),
                                           *copy, from_trash=back))
        return None
    document_id = store.insert_document(db, file_name, str(source.path.resolve()), Metadata())
    version_id = store_version(db, document_id, source)
    report.outcomes.append(FileOutcome(str(source.path), "imported", _imported_said(db, source, file_name),
                                       document_id, version_id))
    return document_id


def _imported_said(db: Store, source: SourceFile, file_name: str) -> str:
    """A new document's line: under another name when a document has its file's, and whose earlier text it gives (a
    copy of an earlier or undone version is a document of its own, said: it had been 'already imported')."""
    message = f"{source.path.name}: imported ({_describe(source)})"
    if file_name != source.path.name:
        message = (f"{source.path.name}: imported as {file_name} ({_describe(source)}): a document of that name "
                   f"came from another file{_retelling(db, source)}")
    holder = store.earlier_version_holder(db, source.content_hash)
    if holder is None:
        return message
    name, undone = holder
    return message + (f"; its text is a version of {name}'s that was undone" if undone else
                      f"; its text is an earlier version of {name}'s")


def _copy_said(db: Store, source: SourceFile, document_id: int, version_id: int, back: bool) -> str:
    """The line of a file giving a document's text as it is shown (in the Trash too: it comes `back`)."""
    earlier = store.get_document(db, document_id, include_trashed=True).file_name
    same = f"{source.path.name}: same text as {earlier}"
    stored = store.document_source_path(db, document_id)
    if earlier == source.path.name and stored and stored != str(source.path.resolve()):  # two copies of one name
        same = f"{source.path}: same text as {stored}"  # in a fond, told apart by where each is (audit DW F7)
    if back:
        return f"{same}, back from the Trash{_with_notes(db, document_id)}"
    return _relinked(db, version_id, source) or f"{same}, already imported"


def _with_notes(db: Store, document_id: int) -> str:
    held = document_trash.notes_held(db, document_id)
    return f", with {plural(held, 'note')}" if held else ""


def _relinked(db: Store, version_id: int, source: SourceFile) -> str:
    """A stored version's file found again: the same text imported from a new place while the path its pages were
    read from holds nothing. Its page images come from the new path from now on (importing the moved file is how the
    user says where it went), and the import's line says so; '' when nothing changed."""
    stored = page_store.source_path(db, version_id)
    new_path = str(source.path.resolve())
    if not source.pages or not stored or (stored != new_path and Path(stored).exists()):
        return ""
    if len(page_store.pages(db, version_id)) != len(source.pages):
        return ""  # the same words from another kind of file (a scan of a printout): its pages are not these
    digest = file_digest(source.path)
    if stored == new_path:  # the file saved again with the same words: its pages are these (the page view had
        if digest != page_store.source_digest(db, version_id):  # said it changed, and its import changed nothing)
            page_store.set_source_path(db, version_id, new_path, digest)
        return ""
    page_store.set_source_path(db, version_id, new_path, digest)
    return f"{source.path.name}: already imported; its page images now come from {new_path}"


def _describe(source: SourceFile) -> str:
    """What the import message says about the file: its encoding for text, its format and pages otherwise, and the
    characters it gives no text for (a PDF's glyphs without one, an EPUB chapter's bytes not in its encoding)."""
    if source.fmt in ("text", "markdown", "html"):
        return source.encoding
    unmapped = source.text.count("\ufffd")
    lost = f", {plural(unmapped, 'character')} it gives no text for, shown as \ufffd" if unmapped else ""
    if not source.pages:
        return source.fmt.upper() + lost
    scanned = sum(page.origin == "ocr" for page in source.pages)
    unread = sum(page.origin == "unread" for page in source.pages)
    pages = f"{len(source.pages)} page{'s' if len(source.pages) != 1 else ''}"
    return f"{source.fmt.upper()}, {pages}" + (f", {scanned} read by OCR" if scanned else "") + (
        f", {unread} without a text layer left unread (no OCR engine)" if unread else "") + lost


def _fill_metadata(db: Store, document_id: int, source: SourceFile, languages: LanguageReader) -> None:
    """What the text gives first; a field it leaves empty is taken from the file's own metadata (a PDF's info
    dictionary, Word's core properties, an EPUB's Dublin Core) when its reader found it.

    The title is the exception: the file's wins. The text's title is a guess, its first line of three words or more
    (an archive's stamp, a running head, a chapter's opening sentence); the file's was declared by whoever made the
    book or document (EPUB dc:title, a PDF's /Title, Word's, OpenDocument's or RTF's title; the readers drop
    placeholders such as 'Untitled' or 'Microsoft Word - x.doc') or, for a PDF declaring none, read from the largest
    type on page one, which the plain text no longer shows. A PDF's or a scan's lines are unwrapped into
    paragraphs: its title is its first line when short, else the file's name (see metadata._paged_title). The other
    fields stay the text's first: a byline names the author where Word's core author names whoever made the file."""
    version = store.version_text(db, store.current_version_id(db, document_id))
    ranges = sorted([(span.start, span.end) for span in version.boilerplate] + list(source.boilerplate))
    scanned = bool(source.pages) and all(page.origin == "ocr" for page in source.pages)
    found = {k: v for k, v in vars(extract_metadata(source.text, ranges, source.html,
                                                    source.path.stem if source.pages else "", languages)).items() if v}
    for key, value in source.metadata.items():
        if key in METADATA_FIELDS and value and (key == "title" or not found.get(key)):
            found[key] = value
    if found.get("kind") in (None, "unknown") and scanned:
        found["kind"] = "archival document"  # a scan: what a historian photographs in an archive
    store.update_metadata(db, document_id, found)

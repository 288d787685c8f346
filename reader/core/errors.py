"""Errors a user can cause, each carrying a one-line message fit to show as it is."""

from collections.abc import Callable


class ReaderError(Exception):
    """Base of every error whose message is meant for the user, never a traceback."""


class ImportFailed(ReaderError):
    """A file could not be imported; the message names the file and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class PasswordNeeded(ImportFailed):
    """An encrypted PDF and no password, or a wrong one: the window asks for it and tries again."""


class DocumentNotFound(ReaderError):
    """A DOC argument (id, file name or its beginning) matched no document."""


class DatabaseUnusable(ReaderError):
    """The database file is corrupt or not a database; it is never overwritten. `backup` is the newest backup of it,
    if any, so the window and the command line can offer to restore it."""

    def __init__(self, message: str, backup=None, command: str = ""):
        super().__init__(message + command)
        self.backup = backup
        self.fault = message  # without the command line's way out (`command`): the window offers its own


class UpgradeFailed(ReaderError):
    """A step upgrading a library made by an older version failed (a fault of the program, not the user's): the
    library is as it was; the failure's details (its `__cause__`) go to the errors log."""


class DatabaseBusy(ReaderError):
    """Another program held the database's write lock for longer than the busy timeout; nothing was changed."""


class DatabaseForeign(DatabaseUnusable):
    """A sound database this version must not use as it is: another program's, a library a newer version wrote, or
    one whole with a journal beside it that does not fit it. Not damaged: a restore over it asks first, as over a
    library that opens fine."""


class DatabaseMissing(DatabaseUnusable):
    """The database file is gone or empty although its backups or session file show it held data: a fault, not a
    first start. Nothing is created in its place."""


class ImportCancelled(ReaderError):
    """The user cancelled an import before anything was written."""

    def __init__(self):
        super().__init__("import cancelled; nothing was imported")


class WorkCancelled(ReaderError):
    """Long work in a worker stopped on request (the window closing, a newer request): what it finished is kept."""

    def __init__(self):
        super().__init__("stopped; what was finished is kept")


def stop_if(cancelled: Callable[[], bool] | None, stop: type[ReaderError] = ImportCancelled) -> None:
    """Raise `stop` once the user (or a closing window) asked the long work to stop: the one check between its
    steps, written once."""
    if cancelled is not None and cancelled():
        raise stop()


class ChangedElsewhere(ReaderError):
    """Typing would replace a text another hand (another window, the command line) rewrote since the typing began:
    nothing was written, and the caller keeps the typing apart."""


class DiskFull(ReaderError):
    """The disk holding the database has no room left; nothing was changed. A library whose journal is empty is
    still opened for reading."""

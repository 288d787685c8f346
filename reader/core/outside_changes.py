"""What other connections changed: the command line run beside the window, another window on the same database, or
the window's own workers.

SQLite's data_version moves when another connection commits and costs one pragma to read, so the window can ask
every second. What changed then comes from the history (steps added, undone or redone elsewhere, with the rows each
touched, as for this connection's own undo) and from the documents' current versions (an import adds documents and
versions without a step).
"""

from __future__ import annotations

from reader.core.ops import OpChanges, changes_of
from reader.core.storage import documents as document_store
from reader.core.storage import entity_state, history
from reader.core.storage.store import Store


class OutsideChanges:
    """Tells what other connections changed since it last looked."""

    def __init__(self, db: Store):
        self._db = db
        self._version = -1
        self._steps: dict[int, int] = {}
        self._documents: dict[int, int | None] = {}
        self._register = ""  # the signature the register was last brought up to date for, by whichever connection
        self.take_as_seen()

    def take_as_seen(self) -> None:
        """After this connection's own step (its views already told): its changes are not news. If another
        connection wrote meanwhile, nothing is taken, so `since_last` still tells that (and ours again, harmlessly)."""
        with self._db.faults():
            version = history.data_version(self._db)
            if self._version in (-1, version):
                self._version = version
                self._steps, self._documents = history.step_states(self._db), document_store.live_versions(self._db)
                self._register = entity_state.get_state(self._db, "signature")

    def take_register_as_seen(self) -> None:
        """This window's own recognition (on a worker's connection) brought the register up to date, and its views
        were refreshed for it: not news to the next look (the end of a recognition was refreshed twice)."""
        with self._db.faults():
            self._register = entity_state.get_state(self._db, "signature")

    def since_last(self) -> OpChanges:
        """What other connections changed since the last call: nothing, at the cost of one pragma, if none wrote.
        A step undone and left behind by a new one meanwhile is told too (the history keeps it a while for
        that); the oldest steps let go change nothing shown. A library another program
        replaced (a backup restored) is said at once: nothing of it would be news here."""
        self._db.check_same_file()
        with self._db.faults():
            version = history.data_version(self._db)
            if version == self._version:
                return OpChanges()
            steps, documents = history.step_states(self._db), document_store.live_versions(self._db)
            moved = [step for step, undone in steps.items() if self._steps.get(step) != undone]
            rows = [row for step in sorted(moved) for row in history.logged_rows(self._db, step)]
            told = changes_of(self._db, rows)
            register = entity_state.get_state(self._db, "signature")  # a recognition run elsewhere (the
            # command line brings the register up to date before it prints) is no step of the history
        versions = {d for d in documents.keys() | self._documents.keys() if documents.get(d) != self._documents.get(d)}
        recognised = register != self._register
        self._version, self._steps, self._documents, self._register = version, steps, documents, register
        return told.joined(OpChanges(documents=frozenset(versions), register=recognised))

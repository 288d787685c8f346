"""Small libraries for tests: texts imported as files and recognised, an entity looked up by a name, two passages
highlighted and linked, and a library set back before an upgrade step."""

from __future__ import annotations


def recognised(workspace, folder, model, texts: dict[str, str]):
    """`workspace` with each text imported from a file of its name in `folder`, recognised by `model`."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    workspace.documents.import_paths([folder / name for name in texts])
    workspace.entities.model = model
    workspace.entities.recognise()
    return workspace


def entity(workspace, name):
    """The register's entity named so, or holding the name among its aliases."""
    return next(e for e in workspace.entities.register() if e.name == name or name in e.aliases)


def linked(workspace, one: tuple[str, str], two: tuple[str, str], relation: str):
    """Two passages, each (file name, quote), highlighted and linked `relation`; returns the two highlights."""
    first, second = (workspace.annotations.create_at_quote(workspace.documents.resolve(name).id, quote)
                     for name, quote in (one, two))
    workspace.links.link(first.id, second.id, relation)
    return first, second


def upgraded(workspace, step: str, as_before: str):
    """The library closed, set back as the versions before `step` left it (`as_before`: SQL statements, run with the
    triggers set aside), and opened again: the upgrade runs `step`."""
    import sqlite3
    from contextlib import closing

    from reader.core.workspace import Workspace

    path = workspace.path
    workspace.close()
    with closing(sqlite3.connect(path)) as db, db:
        triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _sql in triggers:
            db.execute(f'DROP TRIGGER "{name}"')
        for statement in as_before.split(";"):
            db.execute(statement)
        for _name, sql in triggers:
            db.execute(sql)
        db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [step])
    return Workspace.open(path)

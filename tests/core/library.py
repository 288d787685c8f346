"""Small libraries for tests: texts imported as files and recognised, an entity looked up by a name, and two passages
highlighted and linked."""

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

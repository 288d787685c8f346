"""SQL that applies one entity decision to the stored register and mentions, without consolidating again.

Why: a rename or a merge used to re-run consolidation over the whole corpus (seconds on a thousand documents, on the
window's thread, once per merged entity). Decisions are still recorded and replayed by every full run; applied here
they change only the rows they concern. A decision this cannot apply exactly (splitting an alias, marking a name)
returns False, and the caller runs consolidation instead.
"""

from __future__ import annotations

from functools import partial

from reader.core.storage.store import Store


def apply_decisions(db: Store, kind: str, payloads: list[dict], sure: float) -> bool:
    """Apply decisions of one kind, made together, to the stored rows; False when only a full consolidation can.
    Merges made together are applied together: ten selected rows merged are one pass over the mentions, not ten.
    `sure`: the confidence of a mention the user decided (a type chosen makes its entity's mentions so)."""
    if kind == "merge":
        return _merge(db, [payload["keys"] for payload in payloads], sure)
    appliers = {"rename": _rename, "type": partial(_type, sure=sure), "not_merged": _keep_apart,
                "reject_entity": _reject_entity,
                "reject_mention": _reject_mention, "confirm_mention": _confirm_mention, "move_mention": _move_mention}
    applier = appliers.get(kind)
    return applier is not None and all(applier(db, payload) is not False for payload in payloads)


def _entity_id(db: Store, key: str) -> int | None:
    row = db.execute("SELECT id FROM entities WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def _rename(db: Store, payload: dict) -> None:
    db.execute("UPDATE entities SET name = ? WHERE key = ?", [payload["name"], payload["key"]])


def _type(db: Store, payload: dict, sure: float) -> None:
    """The entity's type, and its mentions' type and confidence, as recognition gives them for a type chosen (the
    mentions had kept their doubt until recognition ran again: after an undo and redo, audit BT F1)."""
    db.execute("UPDATE entities SET type = ? WHERE key = ?", [payload["type"], payload["key"]])
    db.execute("UPDATE mentions SET type = ?, confidence = ? WHERE entity_id = (SELECT id FROM entities WHERE key = ?)",
               [payload["type"], sure, payload["key"]])


def _merge(db: Store, pairs: list[list[str]], sure: float) -> bool:
    """The second entities' mentions and names join the first's (one first entity for all: the one kept); it keeps
    its name and type, the user's judgement, as a type chosen is: its mentions are `sure`, as recognition makes
    them. A mention's type is its entity's, so only those of another type are written twice."""
    if len({keeper for keeper, _ in pairs}) != 1:
        return False
    keeper = _entity_id(db, pairs[0][0])
    others = [_entity_id(db, other) for _, other in pairs]
    if keeper is None or None in others:
        return False
    others = [other for other in others if other != keeper]
    kind = db.execute("SELECT type FROM entities WHERE id = ?", [keeper]).fetchone()[0]
    among = f"entity_id IN ({', '.join('?' * len(others))})"
    db.execute(f"UPDATE mentions SET type = ? WHERE {among} AND entity_id IN (SELECT id FROM entities WHERE type <> ?)",
               [kind, *others, kind])
    db.execute("UPDATE mentions SET confidence = ? WHERE entity_id = ? AND confidence <> ?", [sure, keeper, sure])
    db.execute(f"UPDATE mentions SET entity_id = ?, confidence = ? WHERE {among}", [keeper, sure, *others])  # one
    # pass over the mentions moved
    db.execute(f"INSERT OR IGNORE INTO entity_aliases (entity_id, alias) SELECT ?, alias FROM entity_aliases "
               f"WHERE {among}", [keeper, *others])
    db.execute(f"DELETE FROM entity_aliases WHERE {among}", others)
    for keys in pairs:
        _keep_apart(db, {"keys": keys})
    return True


def _keep_apart(db: Store, payload: dict) -> None:
    first, second = payload["keys"]
    db.execute("DELETE FROM entity_suggestions WHERE (key = ? AND other_key = ?) OR (key = ? AND other_key = ?)",
               [first, second, second, first])


def _reject_entity(db: Store, payload: dict) -> None:
    db.execute("DELETE FROM mentions WHERE entity_id = (SELECT id FROM entities WHERE key = ?)", [payload["key"]])


def _reject_mention(db: Store, payload: dict) -> None:
    db.execute('DELETE FROM mentions WHERE document_id = ? AND start = ? AND "end" = ?',
               [payload["document_id"], payload["start"], payload["end"]])


def _move_mention(db: Store, payload: dict) -> bool:
    """The mention joins the entity of that key, with its type, as sure as the user's choices are; a new entity (a
    name no entity is keyed by) needs a full consolidation."""
    target = db.execute("SELECT id, type FROM entities WHERE key = ?", [payload["to"]]).fetchone()
    if target is None or payload.get("new"):  # an entity of its own, even of a name another has
        return False
    db.execute('UPDATE mentions SET entity_id = ?, type = ?, confidence = 1.0 WHERE document_id = ? AND start = ? '
               'AND "end" = ?', [*target, payload["document_id"], payload["start"], payload["end"]])
    return True


def _confirm_mention(db: Store, payload: dict) -> None:
    db.execute('UPDATE mentions SET confidence = 1.0 WHERE document_id = ? AND start = ? AND "end" = ?',
               [payload["document_id"], payload["start"], payload["end"]])

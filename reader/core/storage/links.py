"""SQL for links between annotations. Deleted links keep `deleted_at`."""

from __future__ import annotations

from reader.core.records.annotations import Link
from reader.core.storage.documents import now
from reader.core.storage.moments import stamped_if_changed
from reader.core.storage.store import Store


def insert_link(db: Store, from_id: int, to_id: int, relation: str, note: str) -> int:
    stamp = now()
    return db.table("links").insert({
        "from_annotation_id": from_id, "to_annotation_id": to_id, "relation": relation, "note": note,
        "created_at": stamp, "modified_at": stamp,
    }).last_pk


def get_link(db: Store, link_id: int, *, include_deleted: bool = False) -> Link | None:
    live = "" if include_deleted else " AND deleted_at IS NULL"
    rows = list(db.rows("SELECT * FROM links WHERE id = ?" + live, [link_id]))
    return _link(rows[0]) if rows else None


def find_link(db: Store, from_id: int, to_id: int, relation: str, removed: bool = False) -> Link | None:
    """The live link of `relation` between two annotations, either way (`removed`: one in the Trash)."""
    sql = f"""SELECT * FROM links WHERE deleted_at IS {'NOT ' if removed else ''}NULL AND relation = ?
             AND ((from_annotation_id = ? AND to_annotation_id = ?)
                  OR (from_annotation_id = ? AND to_annotation_id = ?))"""
    rows = list(db.rows(sql, [relation, from_id, to_id, to_id, from_id]))
    return _link(rows[0]) if rows else None


def link_ends(db: Store, link_ids: frozenset[int]) -> set[int]:
    """The annotations the live links of these ids join (both ends)."""
    ends: set[int] = set()
    for row in db.execute(f"""SELECT from_annotation_id, to_annotation_id FROM links WHERE deleted_at IS NULL
                               AND id IN ({", ".join(str(int(i)) for i in link_ids) or "NULL"})""").fetchall():
        ends.update(row)
    return ends


def links_touching(db: Store, annotation_id: int) -> list[Link]:
    """Live links from or to an annotation whose other end is live too, oldest first."""
    sql = """SELECT l.* FROM links l
             JOIN annotations f ON f.id = l.from_annotation_id AND f.deleted_at IS NULL
             JOIN annotations t ON t.id = l.to_annotation_id AND t.deleted_at IS NULL
             WHERE l.deleted_at IS NULL AND (l.from_annotation_id = ? OR l.to_annotation_id = ?) ORDER BY l.id"""
    return [_link(row) for row in db.rows(sql, [annotation_id, annotation_id])]


def update_link(db: Store, link_id: int, changes: dict, modified: str = "") -> None:
    """`modified`: when the change was made, if not now (an edit read from another copy's export). A link saved as
    it was keeps its moment (it had become the newer, and an exchange undid the other copy's note)."""
    columns = [f'"{column}" = :{column}' for column in changes]
    moment = stamped_if_changed("modified_at", changes, "modified_at")
    db.execute(f"UPDATE links SET {', '.join([*columns, moment])} WHERE id = :id",
               {**changes, "stamp": modified or now(), "id": link_id})


def mark_link_deleted(db: Store, link_id: int, deleted: bool) -> None:
    db.table("links").update(link_id, {"deleted_at": now() if deleted else None})


def trashed_links(db: Store) -> list[tuple[Link, str]]:
    rows = db.rows("SELECT * FROM links WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC")
    return [(_link(row), row["deleted_at"]) for row in rows]


def _link(row: dict) -> Link:
    return Link(row["id"], row["from_annotation_id"], row["to_annotation_id"], row["relation"], row["note"] or "",
                row["created_at"], row["modified_at"])

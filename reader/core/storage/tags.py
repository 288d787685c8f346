"""SQL for tags: one row per tag key (`tag_key`: its name, case aside in any script); callers wrap writes in
`db.atomic()`."""

from __future__ import annotations

from reader.core.records.tags import TagCount, tag_key
from reader.core.storage.documents import now
from reader.core.storage.store import Store


def tag_counts(db: Store) -> list[TagCount]:
    """Every tag some live annotation carries, with how many, by name (a tag only trashed annotations carry waits)."""
    sql = """SELECT t.name, COUNT(a.id) FROM tags t
             JOIN annotation_tags x ON x.tag_id = t.id
             JOIN annotations a ON a.id = x.annotation_id AND a.deleted_at IS NULL
             GROUP BY t.id ORDER BY t.name COLLATE NOCASE"""
    return [TagCount(name, count) for name, count in db.execute(sql).fetchall()]


def tag_id(db: Store, name: str) -> int | None:
    row = db.execute("SELECT id FROM tags WHERE name_key = ?", [tag_key(name)]).fetchone()
    return row[0] if row else None


def tag_name(db: Store, name: str) -> str | None:
    """How the tag `name` names (in any case) is stored, or None when there is none."""
    row = db.execute("SELECT name FROM tags WHERE name_key = ?", [tag_key(name)]).fetchone()
    return row[0] if row else None


def ensure_tag(db: Store, name: str) -> int:
    found = tag_id(db, name)
    return found if found is not None else db.table("tags").insert({"name": name, "name_key": tag_key(name),
                                                                           "created_at": now()}).last_pk


def replace_annotation_tags(db: Store, annotation_id: int, names: list[str]) -> None:
    """Give an annotation these tags; a tag it had that nothing carries then is forgotten: kept, it still spelt a
    tag typed later in another case ('FOO' stored as 'Foo', audit DR F4), as Manage tags' Remove forgets it."""
    had = [row[0] for row in db.execute("SELECT tag_id FROM annotation_tags WHERE annotation_id = ?",
                                        [annotation_id]).fetchall()]
    db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
    add_tag_to(db, [annotation_id], names)
    if had:
        db.execute(f"DELETE FROM tags WHERE id IN ({','.join('?' * len(had))}) "
                   "AND id NOT IN (SELECT tag_id FROM annotation_tags)", had)


def add_tag_to(db: Store, annotation_ids: list[int], names: list[str]) -> None:
    rows = [{"annotation_id": a, "tag_id": ensure_tag(db, name)} for name in names for a in annotation_ids]
    if rows:
        db.table("annotation_tags").insert_all(rows, ignore=True)


def tag_pairs(db: Store, pairs: list[tuple[int, str]]) -> None:
    """Give each (annotation id, tag name) its tag, in bulk (one lookup per distinct name)."""
    ids = {name: ensure_tag(db, name) for name in {name for _, name in pairs}}
    db.executemany("INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                   [(annotation_id, ids[name]) for annotation_id, name in pairs])


def remove_tag_from(db: Store, annotation_ids: list[int], name: str) -> None:
    found = tag_id(db, name)
    if found is not None and annotation_ids:
        marks = ",".join("?" * len(annotation_ids))
        db.execute(f"DELETE FROM annotation_tags WHERE tag_id = ? AND annotation_id IN ({marks})",
                   [found, *annotation_ids])


def annotation_ids_with_tag(db: Store, name: str, live: bool = False) -> list[int]:
    """The annotations carrying a tag (`live`: those not in the Trash only)."""
    sql = f"""SELECT x.annotation_id FROM annotation_tags x JOIN tags t ON t.id = x.tag_id
              {"JOIN annotations a ON a.id = x.annotation_id AND a.deleted_at IS NULL" if live else ""}
              WHERE t.name_key = ? ORDER BY x.annotation_id"""
    return [row[0] for row in db.execute(sql, [tag_key(name)]).fetchall()]


def rename_tag_row(db: Store, old: str, new: str) -> None:
    db.execute("UPDATE tags SET name = ?, name_key = ? WHERE id = ?", [new, tag_key(new), tag_id(db, old)])


def delete_tag(db: Store, name: str) -> None:
    found = tag_id(db, name)
    db.execute("DELETE FROM annotation_tags WHERE tag_id = ?", [found])
    db.execute("DELETE FROM tags WHERE id = ?", [found])


def delete_tag_if_unused(db: Store, name: str) -> None:
    """Forget a tag no annotation carries, live or in the Trash."""
    db.execute("DELETE FROM tags WHERE name_key = ? AND id NOT IN (SELECT tag_id FROM annotation_tags)",
               [tag_key(name)])

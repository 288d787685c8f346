"""SQL for what the register was last brought up to date for (its signature): apart from the register's other SQL,
because a window reads it at start and every time another connection writes, and that must load nothing more."""

from __future__ import annotations

from reader.core.storage.store import Store


def get_state(db: Store, name: str) -> str:
    row = db.execute("SELECT value FROM entity_state WHERE name = ?", [name]).fetchone()
    return row[0] if row else ""


def set_state(db: Store, name: str, value: str) -> None:
    db.execute("INSERT INTO entity_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = ?",
               [name, value, value])

"""Which entities a name the user types means, for the `entity:` filter and the timeline's entity: the register's
names and spellings, and for a Russian name typed in a case ('Сталина', 'Шумяцкому') its dictionary form's, as the
register knows a Russian name by the forms it was written in."""

from __future__ import annotations

from reader.core.morphology import search_forms
from reader.core.storage.entities import register_names
from reader.core.storage.search_hits import entity_ids_named
from reader.core.storage.store import Store
from reader.core.wording import did_you_mean


def entities_named(db: Store, name: str) -> tuple[int, ...]:
    """The entities called `name` (see `entity_ids_named`), else those called by one of its forms."""
    found = entity_ids_named(db, name)
    for form in search_forms(name.strip())[1:] if not found else ():
        found = entity_ids_named(db, form)
        if found:
            break
    return found


def no_entity_named(db: Store, name: str) -> str:
    """What to say of a name no entity of the register has, with its nearest."""
    return did_you_mean(f"no entity is named “{name}”", name, sorted(register_names(db)))

"""Which backups to keep: the last five, the newest of each of the last seven days, and the newest of each of the
last nine weeks. A bad day (many starts on a broken or emptied file) can then replace only the recent copies; the
daily and weekly ones still reach back two months."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
KEEP_LAST = 5
KEEP_DAYS = 7
KEEP_WEEKS = 9


def backup_time(path: Path) -> datetime | None:
    """The moment in a backup's name (`<stem>-<stamp>.db`), or None for a file not named by us."""
    stamp = path.stem.rsplit("-", 1)[-1]
    try:
        return datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def backups_to_delete(backups: list[Path], now: datetime) -> list[Path]:
    """The backups (oldest first, as listed) that the history no longer needs."""
    dated = [(moment, path) for path in backups if (moment := backup_time(path)) is not None]
    dated.sort()
    keep = {path for _, path in dated[-KEEP_LAST:]}
    keep |= _newest_per_period(dated, now, timedelta(days=1), KEEP_DAYS)
    keep |= _newest_per_period(dated, now, timedelta(weeks=1), KEEP_WEEKS)
    return [path for _, path in dated if path not in keep]


def _newest_per_period(dated: list[tuple[datetime, Path]], now: datetime, period: timedelta, count: int) -> set[Path]:
    newest: dict[int, Path] = {}
    for moment, path in dated:  # oldest first: a later one in the same period replaces an earlier one
        age = (now - moment) // period
        if 0 <= age < count:
            newest[age] = path
    return set(newest.values())

"""What an import of other people's annotations did."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class AnnotationImportReport:
    """What reading W3C annotations back did: how many were placed, and what could not be (never dropped silently)."""

    placed: int = 0
    skipped: list[str] = field(default_factory=list)

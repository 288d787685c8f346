"""What the model step hands to consolidation: a stretch of text that may name something, with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Candidate:
    """A stretch of text that may name something, with weighted votes for its type."""

    start: int
    end: int
    text: str
    votes: dict[str, float] = field(default_factory=dict)
    listed_with: list[str] = field(default_factory=list)  # names joined to it by 'and'/'or'
    definite: bool = False  # written after 'the'
    plural: bool = False  # tagged a plural proper noun ('Mongols', 'Habsburgs'): a people or a family, not one person
    base: str = ""  # its dictionary form, where the language inflects names ('Сталина' -> 'Сталин'): gathered by it

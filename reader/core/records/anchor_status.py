"""Where an annotation stands after its text changed, and how every view and export says it: apart from the
annotation records, so that the Comparisons view, on screen from the start, says it without their start-up cost."""

ANCHORED, REVIEW, ORPHAN = "anchored", "review", "orphan"  # anchor_status: sure, unsure after a new version, lost
NEEDS_REVIEW = "needs review: quoted from an earlier version of the text"
NO_LONGER_THERE = "no longer in the text: a new version changed or removed the passage"
STATUS_SAID = {REVIEW: NEEDS_REVIEW, ORPHAN: NO_LONGER_THERE}

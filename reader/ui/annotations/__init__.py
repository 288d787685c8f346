"""Annotation widgets outside the reading pane: comparisons, review list, link dialog, tags, trash, note editor."""

"""Panels for comparing sources: suggested parallel passages and the timeline."""

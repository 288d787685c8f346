"""Comparing sources: parallel passages across documents, and a timeline of what each source dates."""

"""Entities: the model proposes mentions, corpus-level consolidation and the user's decisions decide."""

"""Storage: the only package that holds SQL. Schema changes go through numbered migrations only."""

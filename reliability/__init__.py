"""Fault trials that stay in the repository: kill -9 at random moments, concurrent writers, damaged databases, and
fuzzing of the search language and of annotation import. `make reliability` runs the full form; `make test` runs a
short one through tests/test_reliability.py."""

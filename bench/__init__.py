"""Benchmarks: `make bench` prints one `name: value` line per metric the issues name."""

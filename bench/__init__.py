"""Benchmarks run by `make bench` (scripts/bench.sh); never collected as tests."""

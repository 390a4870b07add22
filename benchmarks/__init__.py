"""Benchmarks for argmap: generated maps of any size and a runner that measures every operation on them."""

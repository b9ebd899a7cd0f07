"""Benchmarks: a synthetic corpus writer and a runner that times the generator, builds and live reload."""

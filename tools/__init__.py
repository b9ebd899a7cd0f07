"""Developer tools, not part of the installed package: benchmarks, the question-grouping evaluation, and the
script that keeps the README's field reference and the shipped JSON Schema in step with the schema table.

Run from the repository root: ``python -m tools.bench``, ``python -m tools.network_bench``,
``python -m tools.question_eval``, ``python -m tools.fields``.
"""

"""Great Expectations' Spark engine for the same gates (`factcheck validate --engine spark`).

The only modules that import pyspark, and only when a run asks for Spark: session.py starts (or joins) the
Spark session; engine.py validates a gate's claims there; execution.py is GX's Spark execution engine as
factcheck runs it (row conditions as Spark columns, from conditions.py, and every table metric of a
validation in one job); metrics.py registers the Spark implementations of factcheck's own metrics; tasks.py
is what the executors run (the checks' pure functions per group, RE2 over a column).
"""

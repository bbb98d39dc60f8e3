"""Great Expectations' Spark engine for the same gates (`factcheck validate --engine spark`).

The only modules that import pyspark, and only when a run asks for Spark: session.py starts (or joins) the
Spark session, conditions.py is GX's Spark engine with row conditions built as Spark columns, metrics.py
registers the Spark implementations of factcheck's own metrics, tasks.py is what the executors run (the
checks' pure functions per group, RE2 over a column), and engine.py validates a gate's claims there.
"""

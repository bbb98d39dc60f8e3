"""`factcheck import`: a table of daily figures (CSV, or JSON as a list of objects) into a dataset of series.

A small mapping file (YAML) says which column holds the date, which columns become which metric, whose
figures they are (subject, claimant), the source shared by every point, and which columns are left out
and why. A long table names each row's subject in an entity column (`factcheck.importer.entities` maps the table's
names to catalog subjects), and may name each row's metric in a variable column, its figure in a value
column: one series per entity and metric, and a repeated row for one entity and date is a problem of the
import, never merged. Every column of the table is either mapped, the date, or listed under `ignore`, so a category
that appears in a later version of the table is never dropped silently. A missing or empty cell is no
point: nothing is invented.

With a corrections table (same date column, same column names, the change the claimant applied on that
day), every fall of a cumulative series that a downward correction explains gets a waiver naming that
correction; every other fall is marked `fall: unexplained` with a note, which the checks report as a
warning. The output is checked by the dataset loader before it is written, is the same bytes for the same
input, and is written atomically; an existing file is replaced only with `force`.

The package, one module a step: `mapping` (the mapping file), `tables` (CSV and JSON tables, their
numbers), `build` (series, points, corrections and falls), `render` (the dataset's YAML text), `run` (the
command: read, build, check as validate would, write; `--suggest-catalog`), `problems` (how a problem is
named), `summary` (what the command prints).
"""

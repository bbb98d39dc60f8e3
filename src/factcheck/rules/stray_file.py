"""stray-file: datasets/ holds only datasets and the catalog.

Every file under datasets/ is either read by a gate or the catalog, so that nothing a curator puts there
passes unseen: a table left beside the datasets, a dataset that no gate's `datasets` globs reach, a file
whose name is not UTF-8, a symlink to nothing and a symlinked folder (never entered) are each reported,
and the hint says to move the file or add it to a gate.
"""

from __future__ import annotations

ID = "stray-file"
SEVERITY = "critical"
TITLE = "Only datasets in datasets/"
EXPLAIN = "Everything under datasets/ is a YAML dataset or the catalog, so nothing is silently ignored."
MESSAGE = ""  # each problem is worded where it is found
SUITE = None
PASSES = """\
# datasets/catalog.yml, datasets/war/killed.yml (read by the gate checks/publication.yml)
"""
FAILS = """\
# datasets/war/killed.csv beside the datasets: no gate reads it
"""

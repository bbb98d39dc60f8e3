"""What `factcheck import` prints once it has written: the files, series and points, the falls and
spikes waived, the unexplained falls, the spikes left critical, and the files of an output folder this table did not write."""

from __future__ import annotations

from factcheck.floor.text import shown
from factcheck.importer.build import Built


def summary(built: Built, output: str, folder: bool) -> list[str]:
    """The command's lines, each value escaped for the terminal (`factcheck.floor.text.shown`)."""
    files = f"{len(built.files):,} files, " if folder else ""
    lines = [
        f"wrote {shown(str(output))}: {files}{built.series:,} series, {built.points:,} points",
        f"  {len(built.waived)} falls and spikes waived, each naming the correction (or the mapping) that explains it",
        f"  {len(built.unexplained)} unexplained falls, marked `fall: unexplained` (reported as warnings)",
    ]
    lines += [f"    {shown(line)}" for line in built.unexplained]
    if built.spikes:
        lines.append(f"  {len(built.spikes)} spikes, each one total above both neighbours (critical: cumulative-spike)")
        lines += [f"    {shown(line)}" for line in built.spikes]
    if built.stale:
        lines.append(f"  left as they were, not in this table: {len(built.stale):,} files of {shown(str(output))}")
        lines += [f"    {shown(name)}" for name in built.stale[:20]]
    return lines

"""Where a project keeps its files: the one place that names the folders of a project (docs/format.md)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    """The project's folders and files, relative to its root."""

    gates: str = "checks"  # the gates (the folder keeps the name projects already use)
    datasets: str = "datasets"
    catalog: str = "datasets/catalog.yml"
    suites: str = "expectations"  # the suites gates name, when written in the project
    articles: str = "articles"  # drafts, checked by the gates that name them

    def read_whole(self) -> tuple[str, str, str]:
        """The folders a run reads whatever its gates say."""
        return (self.gates, self.datasets, self.suites)

    def gate_files(self, root: Path) -> list[Path]:
        """The gate files of the project at `root`, sorted: every YAML file of its gates folder (none without one)."""
        folder = root / self.gates
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


LAYOUT = Layout()

"""Where a project keeps its files: the one place that names the folders of a project (docs/format.md)."""

from __future__ import annotations

import os
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
    schemas: str = "schemas"  # the editors' JSON Schemas (`factcheck schema`): schemas/dataset.schema.json, ...

    def read_whole(self) -> tuple[str, str, str]:
        """The folders a run reads whatever its gates say."""
        return (self.gates, self.datasets, self.suites)

    def gate_files(self, root: Path) -> list[Path]:
        """The gate files of the project at `root`, sorted: every YAML file of its gates folder (none without one)."""
        folder = root / self.gates
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())

    def modeline(self, root: Path, path: Path, kind: str = "dataset") -> str:
        """`# yaml-language-server: $schema=...` naming the project's schema of `kind` from the folder of `path`
        (the form yaml-language-server reads: VS Code's YAML extension, JetBrains IDEs), or nothing when the
        project keeps no such schema: a line naming a missing file would be an error in the editor."""
        schema_file = root / self.schemas / f"{kind}.schema.json"
        if not schema_file.is_file():
            return ""
        relative = Path(os.path.relpath(schema_file.resolve(), Path(os.path.abspath(path)).parent.resolve()))
        return f"# yaml-language-server: $schema={relative.as_posix()}\n"


LAYOUT = Layout()

"""The project's content as a whole: where it lives and loading all of it.

Builders (the MkDocs hooks, `make check`) call `load_project` once and get
every model plus every problem found in all content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .citations import Citations, load_citations
from .countries import Countries, load_countries
from .framework import Framework, load_framework
from .problems import Problems
from .studies import Study, load_studies

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """Where content lives, relative to the project root."""

    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def studies_dir(self) -> Path:
        return self.root / "studies"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def templates_dir(self) -> Path:
        return self.root / "overrides"

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


@dataclass
class Project:
    layout: Layout
    framework: Framework
    countries: Countries
    studies: list[Study]
    problems: Problems = field(default_factory=Problems)
    citations: Citations | None = None


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def load_project(root: Path) -> Project:
    """Load every piece of content under `root`, collecting all problems."""
    layout = Layout(root.resolve())
    problems = Problems()
    framework = load_framework(layout.data_dir / "framework.yml", "data/framework.yml", problems)
    countries = load_countries(layout.data_dir / "countries.yml", "data/countries.yml", problems)
    studies = load_studies(layout.root, layout.studies_dir, framework, countries, problems)
    citations = load_citations(layout.root, studies, layout.docs_dir, problems)
    return Project(layout, framework, countries, studies, problems, citations)

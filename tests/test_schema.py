"""Each record's fields are declared once (`ssesite.core.schema`).

The loader's keys and checks, the scaffold's comments and the field tables of
data/README.md all follow from the declarations: adding an optional field to
a study is one declaration, which these tests prove with a test-only field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from ssesite.cli import fieldsdoc, scaffold
from ssesite.content import studyload
from ssesite.content.countries import load_countries
from ssesite.content.framework import load_framework
from ssesite.content.studies import FIELDS, Study
from ssesite.core.problems import Problems
from ssesite.core.schema import Text, declare, fields_of, keys
from ssesite.core.yamlsource import split_front_matter


@dataclass(kw_only=True)
class StudyWithColour(Study):
    """A study with one more optional field, declared as any other (test only)."""

    colour: str = declare(
        Text(expected="a colour name"),
        "A test-only colour, such as teal.",
        required=False,
        default="grey",
    )


@pytest.fixture
def with_colour(monkeypatch):
    """The loader, the scaffold and the README tables use the study with a colour."""
    monkeypatch.setattr(studyload, "Study", StudyWithColour)
    monkeypatch.setattr(scaffold, "Study", StudyWithColour)
    monkeypatch.setitem(fieldsdoc.TABLES, "study", StudyWithColour)


def load(project: Path) -> tuple[list[Study], list[str]]:
    problems = Problems()
    framework = load_framework(project / "data/framework.yml", "data/framework.yml", problems)
    countries = load_countries(project / "data/countries.yml", "data/countries.yml", problems)
    studies = studyload.load_studies(project, project / "studies", framework, countries, problems)
    return studies, [str(p) for p in problems.sorted()]


def set_front_matter_line(project: Path, slug: str, line: str) -> int:
    """Add `line` after the title of a study; return its line number."""
    index = project / "studies" / slug / "index.md"
    lines = index.read_text(encoding="utf-8").split("\n")
    at = next(i for i, text in enumerate(lines) if text.startswith("title:")) + 1
    lines.insert(at, line)
    index.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


# -----------------------------------------------------------------------------
# The declarations are the only list of fields
# -----------------------------------------------------------------------------


def test_the_study_keys_are_the_declared_fields_in_order():
    assert FIELDS == tuple(f.key for f in fields_of(Study))
    # Attributes that are not in the front matter are not fields
    assert not {"slug", "source", "folder", "body", "body_line", "assets"} & set(FIELDS)
    assert all(f.help.strip() for f in fields_of(Study))


def test_data_readme_tables_match_the_declarations():
    text = (ROOT / "data/README.md").read_text(encoding="utf-8")
    for name in fieldsdoc.TABLES:
        assert f"<!-- fields: {name} -->" in text, name
    assert fieldsdoc.render(text) == text, (
        "data/README.md is out of date: run "
        "`PYTHONPATH=hooks python -m ssesite.cli.fieldsdoc --write`"
    )


def test_fieldsdoc_check_names_a_stale_table(tmp_path: Path, capsys):
    (tmp_path / "data").mkdir()
    readme = tmp_path / "data/README.md"
    readme.write_text("# Data\n\n<!-- fields: study -->\n| old |\n<!-- /fields -->\n")
    assert fieldsdoc.main(["--root", str(tmp_path)]) == 1
    assert "found study out of date" in capsys.readouterr().err
    assert fieldsdoc.main(["--root", str(tmp_path), "--write"]) == 0
    assert fieldsdoc.main(["--root", str(tmp_path)]) == 0
    assert "| `written` | yes | The date this text was first written" in readme.read_text()


# -----------------------------------------------------------------------------
# Adding an optional field is one declaration
# -----------------------------------------------------------------------------


def test_a_declared_optional_field_is_loaded(project: Path, with_colour):
    set_front_matter_line(project, "korea", "colour: teal")
    studies, problems = load(project)
    assert problems == []
    by_slug = {s.slug: s for s in studies}
    assert by_slug["korea"].colour == "teal"
    assert by_slug["japan"].colour == "grey"  # left out: the declared default


def test_a_declared_field_is_checked_like_any_other(project: Path, with_colour):
    line = set_front_matter_line(project, "korea", "colour: [teal]")
    other = set_front_matter_line(project, "japan", "colur: teal")
    _, problems = load(project)
    assert f"studies/korea/index.md:{line}: colour: expected a colour name, found a list" in (
        "\n".join(problems)
    )
    assert any(
        p.startswith(f"studies/japan/index.md:{other}: colur: unknown field; expected one of ")
        and p.endswith("'framework', 'colour'. Did you mean 'colour'?")
        for p in problems
    ), problems


def test_without_the_declaration_the_field_is_unknown(project: Path):
    line = set_front_matter_line(project, "korea", "colour: teal")
    _, problems = load(project)
    assert len(problems) == 1
    assert problems[0].startswith(f"studies/korea/index.md:{line}: colour: unknown field")


def test_the_scaffold_explains_a_declared_field(project: Path, with_colour):
    scaffold.new_study(project, "TH", dt.date(2021, 3, 15))
    text = (project / "studies/thailand/index.md").read_text(encoding="utf-8")
    front, _, _ = split_front_matter(text)
    assert "# Optional: a test-only colour, such as teal.\ncolour:\n" in front
    assert list(yaml.safe_load(front)) == keys(StudyWithColour)
    # The scaffolded study is valid with the field left empty
    studies, problems = load(project)
    assert problems == []
    assert next(s for s in studies if s.slug == "thailand").colour == "grey"


def test_the_readme_table_lists_a_declared_field(with_colour):
    text = (ROOT / "data/README.md").read_text(encoding="utf-8")
    assert "| `colour` | no | A test-only colour, such as teal. |" in fieldsdoc.render(text)

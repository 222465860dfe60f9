"""`make new-study`: the scaffold is complete, passes the check and is built."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pybtex.database
import pytest
import yaml
from conftest import ROOT, build_site
from lxml import html
from ssesite.cli import check, scaffold
from ssesite.content.framework import load_framework
from ssesite.content.studies import FIELDS, FRAMEWORK_BLOCKS
from ssesite.core.problems import Problems
from ssesite.core.yamlsource import split_front_matter

TODAY = dt.date(2021, 3, 15)


def run(project: Path, *args: str) -> int:
    return scaffold.main([*args, "--root", str(project), "--today", TODAY.isoformat()])


def test_slugs_come_from_display_names():
    assert scaffold.slugify("Republic of Korea") == "republic-of-korea"
    assert scaffold.slugify("Lao PDR") == "lao-pdr"
    assert scaffold.slugify("Viet Nam") == "viet-nam"
    assert scaffold.slugify("Timor-Leste") == "timor-leste"
    assert scaffold.slugify("Côte d'Ivoire") == "cote-divoire"


def test_new_study_is_created_and_passes_the_check(project: Path, capsys):
    assert run(project, "th") == 0
    out = capsys.readouterr().out
    assert out == (
        "Created studies/thailand/index.md and studies/thailand/references.bib (status: draft).\n"
        "Next: fill in the front matter and the text, run `make check`, and preview the page "
        "at countries/thailand/ with `make serve`.\n"
    )
    assert check.main([str(project)]) == 0
    assert capsys.readouterr().out == "All content is valid: 7 studies checked.\n"


def test_front_matter_has_every_field_explained_by_a_comment(project: Path):
    run(project, "TH")
    text = (project / "studies/thailand/index.md").read_text(encoding="utf-8")
    front, _, _ = split_front_matter(text)
    data = yaml.safe_load(front)
    assert list(data) == [
        "title",
        "country",
        "subregion",
        "authors",
        "status",
        "written",
        "revised",
        "summary",
        "languages",
        "keywords",
        "phase",
        "downloads",
        "framework",
    ]
    assert set(data) == set(FIELDS)
    assert set(data["framework"]) == set(FRAMEWORK_BLOCKS)
    assert data["country"] == "TH"
    assert data["subregion"] == "south-east-asia"
    assert data["status"] == "draft"
    assert data["written"] == data["revised"] == TODAY
    assert data["title"] == "The social and solidarity economy in Thailand"

    # Every field (and every framework block) is preceded by a comment line.
    lines = front.splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^(  )?[a-z_]+:", line):
            assert lines[index - 1].lstrip().startswith("#"), f"no comment above {line!r}"


def test_comments_list_the_framework_vocabulary(project: Path):
    run(project, "TH")
    text = (project / "studies/thailand/index.md").read_text(encoding="utf-8")
    framework = load_framework(project / "data/framework.yml", "data/framework.yml", Problems())
    for vocabulary in (
        "entity_types",
        "recognition_levels",
        "instrument_kinds",
        "instrument_statuses",
        "institution_roles",
        "ecosystem_elements",
    ):
        assert "one of: " + ", ".join(framework.ids(vocabulary)) in text, vocabulary


def test_commented_examples_are_valid_when_uncommented(project: Path):
    """Uncommenting the examples gives a study the check accepts."""
    run(project, "TH")
    index = project / "studies/thailand/index.md"
    text = index.read_text(encoding="utf-8")
    for block in ("instruments", "entities", "institutions", "ecosystem"):
        example = re.search(rf"  # For example:\n((?:  #  .*\n)+)  {block}: \[\]\n", text)
        assert example, block
        uncommented = re.sub(r"(?m)^  #  ", "  ", example.group(1))
        text = text.replace(example.group(0), uncommented)
    authors = re.search(r"((?:#   .*\n)+)authors: \[\]\n", text)
    text = text.replace(authors.group(0), re.sub(r"(?m)^#   ", "", authors.group(1)))
    index.write_text(text, encoding="utf-8")
    data = yaml.safe_load(split_front_matter(text)[0])
    assert data["framework"]["entities"][0]["basis"] == "cooperative-act"
    assert data["authors"][0]["orcid"] == "0000-0002-1825-0097"
    # The status's source is a key of the study's references.bib, whose
    # examples are uncommented as that file says.
    assert data["framework"]["instruments"][0]["source"] == "cooperative-act-2000"
    bib = project / "studies/thailand/references.bib"
    bib.write_text(uncomment_bib_examples(bib.read_text(encoding="utf-8")), encoding="utf-8")
    assert check.main([str(project)]) == 0


def uncomment_bib_examples(text: str) -> str:
    """Follow the instructions of the scaffold's references.bib."""
    example = re.sub(r"(?m)^% (book|misc|  |\})", r"\1", text)
    return re.sub(r"(?m)^(book|misc)\{", r"@\1{", example)


def test_body_follows_the_framework_study_parts(project: Path):
    run(project, "TH")
    text = (project / "studies/thailand/index.md").read_text(encoding="utf-8")
    _, body, _ = split_front_matter(text)
    headings = re.findall(r"(?m)^## (.+)$", body)
    assert headings == [
        "What this study covers",
        "The organisational landscape of the SSE",
        "Policy challenges",
        "Preliminary pathways for strengthening the SSE",
    ]


def test_references_bib_is_empty_and_its_example_parses(project: Path):
    run(project, "TH")
    text = (project / "studies/thailand/references.bib").read_text(encoding="utf-8")
    assert "@" not in text
    assert len(pybtex.database.parse_string(text, "bibtex").entries) == 0
    # Following the instructions in the file gives one valid entry.
    entries = pybtex.database.parse_string(uncomment_bib_examples(text), "bibtex").entries
    assert list(entries) == ["author2020", "cooperative-act-2000"]
    assert entries["author2020"].fields["year"] == "2020"


def test_new_study_appears_in_the_built_site(project: Path, tmp_path: Path, monkeypatch):
    monkeypatch.delenv("SITE_DRAFTS", raising=False)
    run(project, "VN")
    site = build_site(project, tmp_path / "site")
    page = html.parse(str(site / "countries/viet-nam/index.html")).getroot()
    assert (
        page.findtext(".//h1").strip().startswith("The social and solidarity economy in Viet Nam")
    )
    assert page.cssselect(".sse-status-banner")
    # Its parts are placeholders: no empty headings; the status line says
    # once what is still to come
    headings = [h.text_content().strip("¶ \n") for h in page.cssselect("article h2")]
    assert "Policy challenges" not in headings
    status = page.cssselect(".sse-status-banner")[0].text_content()
    assert (
        "Still to come: what this study covers, the organisational landscape of the SSE," in status
    )
    index = html.parse(str(site / "countries/index.html")).getroot()
    assert "viet-nam/" in [a.get("href") for a in index.cssselect(".sse-card__title a")]
    compare = html.parse(str(site / "countries/compare/index.html")).getroot()
    columns = [a.text_content() for a in compare.cssselect("#matrix-entity-types thead a")]
    assert "Viet Nam" in columns


# -----------------------------------------------------------------------------
# Refusals
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "XX",
            "COUNTRY: expected an ISO 3166-1 alpha-2 country code such as 'KR' or 'TH', found 'XX'",
        ),
        (
            "KOR",
            "COUNTRY: expected an ISO 3166-1 alpha-2 country code such as 'KR' or 'TH', "
            "found 'KOR'. Did you mean 'KR' (Republic of Korea)?",
        ),
        (
            "Vietnam",
            "COUNTRY: expected an ISO 3166-1 alpha-2 country code such as 'KR' or 'TH', "
            "found 'Vietnam'. Did you mean 'VN' (Viet Nam)?",
        ),
        (
            "KR",
            "COUNTRY: a study of Republic of Korea (KR) already exists: "
            "studies/korea/index.md. Edit that study instead.",
        ),
        (
            "ph",
            "COUNTRY: a study of Philippines (PH) already exists: "
            "studies/philippines/index.md. Edit that study instead.",
        ),
        (
            "FR",
            "COUNTRY: France (FR) is not listed in data/countries.yml, which gives each "
            "country its display name and sub-region; expected it there. Add it, then run "
            "make new-study again.",
        ),
    ],
)
def test_refusals_say_why_and_change_nothing(project: Path, capsys, code, message):
    before = sorted(p.relative_to(project) for p in (project / "studies").rglob("*"))
    assert run(project, code) == 1
    assert capsys.readouterr().err == message + "\n"
    assert sorted(p.relative_to(project) for p in (project / "studies").rglob("*")) == before


def test_existing_folder_is_refused(project: Path, capsys):
    (project / "studies/thailand").mkdir()
    assert run(project, "TH") == 1
    assert capsys.readouterr().err == (
        "COUNTRY: the folder studies/thailand/ for Thailand already exists; expected no "
        "folder of that name. Rename or remove it first.\n"
    )


def test_missing_code_is_a_usage_error(project: Path, capsys):
    assert run(project, "") == 2
    assert capsys.readouterr().err == (
        "COUNTRY: required; expected an ISO 3166-1 alpha-2 country code, "
        "e.g. make new-study COUNTRY=TH\n"
    )


def test_make_new_study_runs_the_scaffold(project: Path):
    """The Makefile target passes COUNTRY on and fails when it is refused."""
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    make = ["make", "--no-print-directory", "-C", str(project), f"PY={sys.executable}", "STAMP="]
    env = {**os.environ, "PYTHONPATH": "hooks"}
    ok = subprocess.run(
        [*make, "new-study", "COUNTRY=MN"], capture_output=True, text=True, env=env, timeout=60
    )
    assert ok.returncode == 0, ok.stderr
    assert "Created studies/mongolia/index.md" in ok.stdout
    refused = subprocess.run(
        [*make, "new-study", "COUNTRY=MN"], capture_output=True, text=True, env=env, timeout=60
    )
    assert refused.returncode != 0
    assert "a study of Mongolia (MN) already exists: studies/mongolia/index.md" in refused.stderr
    checked = subprocess.run([*make, "check"], capture_output=True, text=True, env=env, timeout=60)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.endswith("All content is valid: 7 studies checked.\n")


def test_title_keeps_apostrophes_and_ampersands_as_written(project: Path):
    """The scaffold writes YAML, not HTML: no character references in the title."""
    countries = project / "data/countries.yml"
    text = countries.read_text(encoding="utf-8")
    # Test-only name: a listed code given a name with the characters at stake
    text = text.replace(
        "TL: {name: Timor-Leste, subregion: south-east-asia}",
        'TL: {name: "O\'Test & Co", subregion: south-east-asia}',
    )
    countries.write_text(text, encoding="utf-8")
    assert run(project, "TL") == 0
    written = (project / "studies/otest-co/index.md").read_text(encoding="utf-8")
    front, _, _ = split_front_matter(written)
    assert yaml.safe_load(front)["title"] == "The social and solidarity economy in O'Test & Co"

"""Words and shapes computed from data: counts, lists, unwritten sections,
reference notes, decoded addresses, programme gaps, the tile map."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import ROOT
from ssesite.citations.notes import clean_note, display_url
from ssesite.core.wording import count, in_sentence, join_names, number_word
from ssesite.programme.gaps import day_gaps, session_gaps
from ssesite.site import views
from ssesite.site.project import load_project
from ssesite.site.studytext import written_sections
from ssesite.site.tilemap import GRID, tilemap_view


@pytest.fixture(scope="module")
def project():
    return load_project(ROOT)


def test_counts_and_lists_read_as_sentences():
    assert [number_word(n) for n in (0, 1, 6, 12, 13, 1500)] == [
        "no",
        "one",
        "six",
        "twelve",
        "13",
        "1,500",
    ]
    assert count(1, "country", "countries") == "one country"
    assert count(7, "country", "countries") == "seven countries"
    assert count(0, "study", "studies") == "no study"
    assert join_names([]) == ""
    assert join_names(["China"]) == "China"
    assert join_names(["China", "Japan", "the Philippines"]) == "China, Japan and the Philippines"
    assert in_sentence("Policy challenges") == "policy challenges"
    assert in_sentence("SSE policy") == "SSE policy"


def test_sections_with_only_a_placeholder_are_left_out():
    body = "\n".join(
        [
            "## Organisational landscape",
            "",
            "Written text.",
            "",
            "## Policy challenges",
            "",
            "To be completed in the final version.",
            "",
            "### Not a placeholder",
            "",
            "Text.",
            "",
            "## Preliminary pathways",
            "",
            "To be written.",
            "",
            '!!! note "About this page"',
            "",
            "    A note on the whole page.",
            "",
            "```markdown",
            "## To be written",
            "```",
        ]
    )
    result = written_sections(body)
    # A section with a sub-section is written; a placeholder under a heading
    # is not; the admonition after it stays; a fenced heading is not a heading
    assert result.to_come == ["Preliminary pathways"]
    assert "## Policy challenges" in result.body
    assert "## Preliminary pathways" not in result.body
    assert "To be written." not in result.body
    assert '!!! note "About this page"' in result.body
    assert "## To be written" in result.body


def test_reference_notes_say_unknown_titles_and_dates_by_convention():
    assert clean_note("Descriptive title; the original headline is to be confirmed") == ("", True)
    assert clean_note(
        "Third-party press release. Descriptive title; the original headline and date are to be"
        " confirmed."
    ) == ("Third-party press release.", True)
    assert clean_note("Act No. 7 of 1998. Date to be confirmed.") == ("Act No. 7 of 1998.", False)
    assert clean_note("Passed by the National Assembly.") == (
        "Passed by the National Assembly.",
        False,
    )


def test_addresses_are_shown_decoded_unless_that_changes_them():
    korean = "https://example.org/%EC%82%AC%ED%9A%8C%EC%A0%81%EA%B8%B0%EC%97%85"
    assert display_url(korean) == "https://example.org/사회적기업"
    assert display_url("https://example.org/a%20b") == "https://example.org/a%20b"
    assert display_url("https://example.org/a%2Fb") == "https://example.org/a%2Fb"
    assert display_url("https://example.org/%FF") == "https://example.org/%FF"
    assert display_url("https://example.org/plain") == "https://example.org/plain"


def test_programme_gaps_are_said_once(project):
    programme = project.programme
    day = programme.conference.days[0]
    sessions = programme.ordered(day)
    sentence = day_gaps(programme, sessions)
    untitled = [s.page_name for s in sessions if not s.title]
    assert sentence.startswith("Not documented yet: the titles of " + join_names(untitled))
    assert sentence.endswith("the times and the rooms.")
    opening = programme.session("opening")
    assert "chair" in session_gaps(programme, opening)
    assert "talks" not in session_gaps(programme, opening)  # its speakers are known


def test_tile_map_links_every_study_and_places_unknown_countries(project):
    studies = views.ordered_studies(project)
    view = tilemap_view(project.countries, studies, "index.md")
    linked = {t["code"]: t["url"] for t in view["tiles"] if t["studied"]}
    assert linked == {s.country.code: f"countries/{s.slug}/" for s in studies}
    assert len({(t["x"], t["y"]) for t in view["tiles"]}) == len(view["tiles"])  # no overlap
    # A study of a country the grid has no place for is still on the map
    study = studies[0]
    moved = type(study.country)("ZZ", "Testland", "Testland", None)
    stranger = type(study)(**{**study.__dict__, "country": moved, "slug": "testland"})
    view = tilemap_view(project.countries, [*studies, stranger], "index.md")
    (tile,) = [t for t in view["tiles"] if t["code"] == "ZZ"]
    assert tile["studied"] and tile["url"] == "countries/testland/"
    assert "ZZ" not in GRID and tile["y"] > max(t["y"] for t in view["tiles"] if t["code"] != "ZZ")


def test_study_labels_in_one_pass_are_the_labels_one_by_one():
    project = load_project(ROOT)
    studies = views.ordered_studies(project)
    # Two studies of one country are told apart by their phase
    twice = [*studies, dataclasses.replace(studies[0], slug="second-phase", phase=2)]
    for group in (studies, twice):
        labels = views.study_labels(group)
        assert labels == {s.slug: views.study_label(s, group) for s in group}
    assert views.study_labels(twice)["second-phase"].endswith("(phase 2)")

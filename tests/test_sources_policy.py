"""Addresses on hosts that are never a source are refused wherever a source is given.

The host list is declared once (`ssesite.core.sources`); these tests read it
rather than repeat it, and check the matching rules and the three places
that use it: bibliographies, the glossary and the programme's sources.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_project
from ssesite.core.problems import Problems
from ssesite.core.sources import NON_SOURCE_HOSTS, non_source
from ssesite.site.project import load_project

ALL_HOSTS = [(kind, host) for kind, hosts in NON_SOURCE_HOSTS.items() for host in hosts]


@pytest.mark.parametrize(("kind", "host"), ALL_HOSTS)
def test_every_declared_host_and_its_subdomains_are_refused(kind, host):
    for url in (f"https://{host}/a/b", f"http://www.{host}/x", f"https://id.{host.upper()}/"):
        assert non_source(url) == f"{kind} ({host})"


@pytest.mark.parametrize(
    "url",
    [
        "https://peraturan.bpk.go.id/Details/46650/uu-no-25-tahun-1992",
        "https://elaw.klri.re.kr/eng_mobile/viewer.do?hseq=50169",
        "https://www.ilo.org/global/topics/cooperatives/sse/WCMS_817737/lang--en/index.htm",
        # Look-alikes: the name inside another host, or in the path or query
        "https://notscribd.com/document/1",
        "https://scribd.com.example.org/document/1",
        "https://example.org/about/change.org",
        "https://example.org/search?q=flipbook",
    ],
)
def test_other_addresses_pass(url):
    assert non_source(url) == ""


def test_a_flipbook_is_recognised_by_its_path_on_any_host():
    url = "https://general.university.example/wp-content/uploads/flipbook/1/files/page121.html"
    assert non_source(url) == "a flipbook (general.university.example)"


def test_the_real_content_cites_no_non_source():
    project = load_project(Path(__file__).resolve().parent.parent)
    assert not project.problems.sorted()
    urls = [entry.entry.fields.get("url", "") for entry in project.citations.entries.values()]
    urls += [term.source.url for term in project.glossary.terms if term.source]
    urls += list(project.programme.conference.sources)
    assert len([u for u in urls if u]) > 50
    assert [u for u in urls if non_source(u)] == []


def test_every_problem_at_once_across_files(tmp_path):
    root = copy_project(tmp_path / "project")
    bib = root / "data" / "references.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8")
        + "\n@misc{fake:one,\n  title = {Synthetic},\n  url = {https://www.scribd.com/doc/1},\n}\n"
        + "\n@misc{fake:two,\n  title = {Synthetic},\n  url = {https://issuu.com/x/docs/y},\n}\n",
        encoding="utf-8",
    )
    problems: Problems = load_project(root).problems
    found = [(p.file, p.field) for p in problems.sorted()]
    assert found == [
        ("data/references.bib", "fake:one.url"),
        ("data/references.bib", "fake:two.url"),
    ]
    assert all("data/README.md" in p.message for p in problems.sorted())

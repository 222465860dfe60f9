"""One relative-URL function (`core.urls.link`) and MkDocs' own `!ENV` reader."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st
from ssesite.content.settings import read_config
from ssesite.core import urls

PACKAGE = ROOT / "hooks" / "ssesite"

segment = st.sampled_from(["countries", "korea", "glossary", "a-b", "programme", "x"])
page = st.lists(segment, max_size=3).map(lambda parts: "".join(p + "/" for p in parts))


def test_only_core_urls_computes_a_relative_url():
    computing = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if re.search(r"\brelpath\(", path.read_text(encoding="utf-8"))
    )
    assert computing == ["core/urls.py"]


@given(page, page)
def test_a_link_leads_from_the_page_to_its_target(target: str, here: str):
    site = "https://example.org/site/"
    href = urls.link(target, here)
    assert not href.startswith("/")
    assert urljoin(site + here, href) == site + target


@given(page, st.sampled_from(["glossary.html", "countries/korea.html", "index.html"]))
def test_a_link_without_directory_urls(here: str, target: str):
    site = "https://example.org/"
    assert urljoin(site + here, urls.link(target, here)) == site + target


def test_source_uris_link_through_their_page_urls():
    assert urls.relative_url("countries/korea/index.md", "countries/compare.md") == "../korea/"
    assert urls.relative_url("index.md", "framework.md") == "../"
    assert urls.relative_url("framework.md", "framework.md") == "./"


def test_env_tags_are_read_as_mkdocs_reads_them(tmp_path: Path, monkeypatch):
    from mkdocs.utils.yaml import get_yaml_loader

    (tmp_path / "mkdocs.yml").write_text(
        "site_name: !ENV [SITE_NAME_UNSET, SITE_NAME, 'Fallback']\n"
        "extra:\n"
        "  drafts: !ENV [SITE_DRAFTS, show]\n"
        "  count: !ENV COUNT\n"
        "  missing: !ENV UNSET_VARIABLE\n",
        encoding="utf-8",
    )
    monkeypatch.delenv("SITE_NAME_UNSET", raising=False)
    monkeypatch.delenv("UNSET_VARIABLE", raising=False)
    monkeypatch.setenv("SITE_NAME", "From the environment")
    monkeypatch.setenv("SITE_DRAFTS", "noindex")
    monkeypatch.setenv("COUNT", "3")
    import yaml

    with open(tmp_path / "mkdocs.yml", encoding="utf-8") as file:
        theirs = yaml.load(file, Loader=get_yaml_loader())
    ours = read_config(tmp_path)
    assert ours == theirs
    assert ours["extra"] == {"drafts": "noindex", "count": 3, "missing": None}
    assert ours["site_name"] == "From the environment"

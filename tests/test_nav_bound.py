"""Beyond `views.NAV_STUDIES_MAX` studies the sidebar stops listing them.

Every page of the Countries section carries the section's list, so a list
of every study would make each study page grow with the number of studies.
A corpus one study over the bound (clearly synthetic, made by the
benchmark's generator) is built: the study pages keep their place in the
section (tab, breadcrumb, previous / next), the sidebar lists none of them
but the page being read, and the bare build used by `make bench` lists the
same pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT, build_site
from lxml import html
from ssesite.site import views
from ssesite.site.export import bare_config
from ssesite.site.project import load_project

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate


def test_a_long_list_of_studies_stays_out_of_the_sidebar(tmp_path: Path):
    corpus = generate(tmp_path / "corpus", views.NAV_STUDIES_MAX + 1)
    project = load_project(corpus)
    uris = views.study_uris(project)
    assert len(uris) == views.NAV_STUDIES_MAX + 1
    assert views.listed_study_uris(project) == []

    site = build_site(corpus, tmp_path / "site")
    paths = [uri.removesuffix("index.md") + "index.html" for uri in uris]
    for path in (paths[0], paths[-1]):
        doc = html.parse(str(site / path)).getroot()
        sidebar = [a.get("href") for a in doc.cssselect("nav.md-nav--primary a.md-nav__link")]
        assert not [href for href in sidebar if href.startswith("../synthetic-")]
        # Its own entry, though: the one study in the section's list, marked current
        section = doc.cssselect("nav.md-nav--primary li.md-nav__item--active.md-nav__item--nested")
        children = section[0].xpath("./nav/ul/li")
        labels = [li.xpath("./*[contains(@class, 'md-nav__link')]")[0] for li in children]
        titles = [" ".join(label.text_content().split()) for label in labels]
        study = project.study_at(uris[paths.index(path)])
        assert titles == [views.study_labels(project.studies)[study.slug], "Comparison"]
        assert "md-nav__item--active" in children[0].get("class")
        assert doc.cssselect(".md-tabs__item--active")[0].text_content().strip() == "Countries"
        assert [a.text_content().strip() for a in doc.cssselect("nav.md-path a")] == [
            "Home",
            "Countries",
        ]
    # Previous / next still lead through every study, from the index to the comparison
    footers = [
        html.parse(str(site / p)).getroot().cssselect("nav.md-footer__inner a") for p in paths
    ]
    assert footers[0][0].get("href") == "../"
    assert footers[-1][-1].get("href") == "../compare/"
    for links, following in zip(footers, paths[1:], strict=False):
        assert links[-1].get("href") == "../" + following.split("/")[1] + "/"

    # The benchmark's bare Material build has the same navigation
    bare = bare_config(corpus, tmp_path / "markdown", tmp_path / "bare")
    assert "countries/index.md" in bare
    assert not [uri for uri in uris if uri in bare]


def test_a_short_list_is_listed_in_full():
    project = load_project(ROOT)
    assert views.listed_study_uris(project) == views.study_uris(project)
    assert 0 < len(views.study_uris(project)) <= views.NAV_STUDIES_MAX

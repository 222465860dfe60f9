"""Untrusted content in real builds: what is published, how it is escaped, what links become.

The refusals are in the bad-input corpus (tests/bad_inputs/); these are
the inputs that must be handled, built once into a temporary folder and
read back as HTML.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_site, copy_project
from lxml import html
from mkdocs.exceptions import Abort, PluginError
from ssesite.core import htmlpolicy

ENV_BASE = {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks"), "SSESITE_CACHE": "0"}

DESCRIPTION = 'A page "><script>alert(1)</script> & more'
EXTRA_TEXT = """

## 政策の課題 {#policy-ja}

## 社会的経済

Compare [the Korean study](../korea/index.md#policy-challenges), the
[framework](../../docs/framework.md), [the comparison](../../docs/countries/compare.md),
[a session](session:session-1) and [the readable anchor](#社会的経済).

![A test figure](figures/chart.svg)

See [the questionnaire](questionnaire.pdf).
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The project with untrusted-looking but valid additions, built once."""
    root = copy_project(tmp_path_factory.mktemp("untrusted") / "project")
    japan = root / "studies" / "japan"
    (japan / "figures").mkdir()
    (japan / "figures" / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">'
        '<rect width="4" height="4" fill="url(#g)"/></svg>\n',
        encoding="utf-8",
    )
    (japan / "questionnaire.pdf").write_bytes(b"%PDF-1.4\n% test file\n")
    (japan / "reviewer-notes.txt").write_text("Not for publication.\n", encoding="utf-8")
    (japan / "index.md.bak").write_text("An old copy.\n", encoding="utf-8")
    (japan / "unused.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (japan / "survey data.csv").write_text("question,answers\n", encoding="utf-8")
    index = japan / "index.md"
    text = index.read_text(encoding="utf-8").replace(
        "\nframework:", "\ndownloads: [survey data.csv]\nframework:", 1
    )
    # A byte-order mark at the start, as some editors save
    index.write_bytes(b"\xef\xbb\xbf" + (text + EXTRA_TEXT).encode())
    about = root / "docs" / "about.md"
    text, replaced = re.subn(
        r"^description: .*$",
        f"description: '{DESCRIPTION}'",
        about.read_text(encoding="utf-8"),
        count=1,
        flags=re.M,
    )
    assert replaced == 1
    about.write_text(
        text + "\nRead [the Japanese study](../studies/japan/index.md#社会的経済).\n",
        encoding="utf-8",
    )
    return build_site(
        root, tmp_path_factory.mktemp("untrusted-site"), site_url="https://example.org/a&b/"
    )


def page(site: Path, path: str):
    return html.parse(str(site / path / "index.html")).getroot()


def resolves(site: Path, from_path: str, href: str) -> bool:
    target = (site / from_path / href.split("#")[0]).resolve()
    return (target / "index.html").is_file() or target.is_file()


def test_a_study_publishes_only_what_its_text_shows_or_links(site: Path):
    folder = site / "countries" / "japan"
    published = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert "figures/chart.svg" in published
    assert "questionnaire.pdf" in published
    assert "survey data.csv" in published  # declared under downloads, linked by the page
    listed = page(site, "countries/japan").cssselect("ul.sse-downloads a")
    assert [(a.get("href"), a.text_content()) for a in listed] == [
        ("survey%20data.csv", "survey data.csv")
    ]
    for private in ("reviewer-notes.txt", "index.md.bak", "unused.png", "references.bib"):
        assert private not in published


def test_links_written_from_the_source_file_lead_to_the_generated_pages(site: Path):
    doc = page(site, "countries/japan")
    hrefs = {a.text_content(): a.get("href") for a in doc.cssselect("article a")}
    assert hrefs["the Korean study"] == "../korea/#policy-challenges"
    for text in ("the Korean study", "framework", "the comparison", "a session"):
        assert resolves(site, "countries/japan", hrefs[text]), (text, hrefs[text])
    assert hrefs["the readable anchor"] == "#社会的経済"
    about = page(site, "about")
    link = next(a for a in about.cssselect("article a") if a.text_content() == "the Japanese study")
    assert resolves(site, "about", link.get("href"))
    assert link.get("href").endswith("#社会的経済")


def test_non_latin_headings_get_readable_anchors(site: Path):
    ids = [h.get("id") for h in page(site, "countries/japan").cssselect("article h2")]
    assert "policy-ja" in ids
    assert "社会的経済" in ids


def test_what_the_theme_prints_from_content_and_configuration_is_escaped(site: Path):
    doc = page(site, "about")
    head = doc.find("head")
    assert [m.get("content") for m in head.cssselect('meta[name="description"]')] == [
        DESCRIPTION.replace("<script>", "").replace("</script>", "")
    ]
    assert not [s for s in head.iter("script") if "alert" in (s.text or "")]
    assert (
        head.cssselect('link[rel="canonical"]')[0].get("href") == "https://example.org/a&b/about/"
    )
    assert head.cssselect('meta[property="og:url"]')[0].get("content") == (
        "https://example.org/a&b/about/"
    )


def test_every_page_made_from_content_passes_the_last_guard(site: Path):
    pages = [site / "about" / "index.html", site / "countries" / "japan" / "index.html"]
    for path in pages:
        article = html.parse(str(path)).getroot().cssselect("article")[0]
        assert htmlpolicy.check_output(html.tostring(article, encoding="unicode")) == []


def test_the_last_guard_names_what_must_never_be_published():
    found = htmlpolicy.check_output(
        '<p onclick="x">a</p><script>1</script><a href="javascript:x">b</a>'
        '<img src="data:image/png;base64,AA"><td style="text-align: left;">ok</td>'
        '<span style="color:red">c</span>'
    )
    assert found == [
        "the attribute 'onclick' on <p>",
        "the element <script>",
        "the address 'javascript:x' in href on <a>",
        "the address 'data:image/png;base64,AA' in src on <img>",
        "the attribute 'style' on <span>",
    ]


def run_check(root: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ssesite.cli.check", str(root)],
        capture_output=True,
        text=True,
        env={**ENV_BASE, **env},
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("value", ["1000", "-1", "33", "many"])
def test_a_worker_count_out_of_bounds_stops_the_check(value):
    result = run_check(ROOT, SSESITE_WORKERS=value)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "SSESITE_WORKERS: expected a whole number of worker processes from 0 (none) to 32, "
        f"found {value!r}"
    )


def test_a_garbage_source_date_epoch_stops_the_check_and_the_build(tmp_path, monkeypatch, caplog):
    message = (
        "SOURCE_DATE_EPOCH: expected the build date as a whole number of seconds since "
        "1970-01-01 UTC (e.g. `git log -1 --format=%ct`), found 'last tuesday'"
    )
    result = run_check(ROOT, SOURCE_DATE_EPOCH="last tuesday")
    assert (result.returncode, result.stderr.strip()) == (2, message)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "last tuesday")
    with pytest.raises((Abort, PluginError)):
        build_site(copy_project(tmp_path / "p"), tmp_path / "s")
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [message]


def test_a_site_url_that_would_break_out_of_an_attribute_is_refused(tmp_path):
    root = copy_project(tmp_path / "p")
    result = run_check(root, SITE_URL='https://example.org/"><script>alert(1)</script>')
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "mkdocs.yml",
        "  line 6: site_url: expected the site's public address, such as "
        "https://example.org/sse/, without spaces, quotes or angle brackets, found "
        "'https://example.org/\"><script>alert(1)</script>' (from the environment variable "
        "SITE_URL)",
    ]

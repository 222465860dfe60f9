"""The front door: the home page's words and panels made from the data.

The home page's own text is docs/index.md; its frame (the ways in, the
countries studied, the latest news) is overrides/home.html, which renders
what `home_view` returns. Counts and lists are computed from the studies the
build publishes (after the drafts setting), the glossary and the programme,
so the front door never says "six" when the site shows seven, or none.

A page may list the countries studied with the marker
`<!-- ssesite:countries-studied -->`, replaced here (`expand_markers`) by
"China, Japan and the Philippines." or, in a build that publishes no study,
by a sentence that says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from ..core import render
from ..core.urls import page_url, relative_url
from ..core.wording import capitalised, count, join_names
from ..programme.views import conference_facts
from .project import Project
from .tilemap import tilemap_view
from .views import ordered_studies

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

HOME = "index.md"
NEWS_INDEX = "news/index.md"
NEWS_POSTS = "news/posts/"
"""Where the blog plugin's posts are (mkdocs.yml, blog_dir: news)."""
LATEST = 3
"""How many news items the home page lists."""
COUNTRIES_MARKER = "<!-- ssesite:countries-studied -->"
NO_STUDY = "No country summary is published in this edition of the site yet."

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsItem:
    """A news post as the builder found it: title, date, and where it is served."""

    title: str
    date: dt.date
    url: str
    """Site-relative URL, as MkDocs serves the post ('news/2020/09/22/…/')."""


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def home_view(project: Project, news: list[NewsItem], env: jinja2.Environment) -> dict:
    """What overrides/home.html renders around the page's text."""
    studies = ordered_studies(project)
    programme = project.programme
    terms = len(project.glossary.terms) if project.glossary is not None else 0
    latest = sorted(news, key=lambda item: (item.date, item.title), reverse=True)[:LATEST]
    aside = {
        "map": tilemap_view(project.countries, studies, HOME),
        "countries": relative_url("countries/index.md", HOME),
        "news": [
            {
                "title": item.title,
                "iso": item.date.isoformat(),
                "label": render.long_date(item.date),
                "url": item.url or "./",
            }
            for item in latest
        ],
        "news_index": relative_url(NEWS_INDEX, HOME),
        "more_news": len(news) > len(latest),
    }
    return {
        "studies_text": (
            f"{capitalised(count(len(studies), 'country', 'countries'))} mapped with one framework"
            if studies
            else "The framework the summaries will follow"
        ),
        "conference_text": _conference_text(programme),
        "glossary_text": (
            f"{capitalised(count(terms, 'term'))}, with their names in the region's languages"
        ),
        "aside": Markup(render.render(env, "content/home-aside.html", view=aside)),
    }


def news_item(src_uri: str, title: str, date, url: str) -> NewsItem | None:
    """A `NewsItem` for a page of the blog's posts, or None for any other page."""
    if not src_uri.startswith(NEWS_POSTS) or date is None:
        return None
    if isinstance(date, dt.datetime):
        date = date.date()
    if not isinstance(date, dt.date):
        return None
    return NewsItem(title, date, url)


def expand_markers(markdown: str, project: Project) -> str:
    """Replace the countries-studied marker in a page's Markdown."""
    if COUNTRIES_MARKER not in markdown:
        return markdown
    studies = ordered_studies(project)
    names = join_names([s.country.name_in_sentence for s in studies])
    sentence = capitalised(names) + "." if studies else NO_STUDY
    return markdown.replace(COUNTRIES_MARKER, sentence)


def is_home(src_uri: str) -> bool:
    return page_url(src_uri) == ""


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _conference_text(programme) -> str:
    if programme is None:
        return "Programme, speakers and what changed"
    facts = conference_facts(programme)
    place = programme.conference.venue.city
    attendance = facts["attendance_label"].lower()
    return ", ".join(part for part in (facts["dates"], place, attendance) if part)

"""View models: the shapes the page templates render.

Templates only render; every decision (ordering, labels, links, what counts
as "to be confirmed") is made here, where it is unit-tested.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from ..content.framework import Framework
from ..content.studies import Instrument, Study
from ..content.translations import ORIGINAL_LANGUAGE, TranslatedPage, Translation
from ..core.languages import language_name
from ..core.urls import (
    COMPARISON,
    COUNTRIES_INDEX,
    FRAMEWORK,
    link,
    page_url,
    relative_url,
    study_uri,
    translated_page_url,
    translation_uri,
)
from ..core.wording import capitalised, count, in_sentence, join_names, number_word
from ..programme.views import study_presentations
from .links import rewrite
from .project import Project
from .studytext import written_sections
from .tilemap import tilemap_view

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# A study's status ("Draft", "Under review", ...) is shown by the templates,
# in the page's language, from partials/sse/strings.html (keys status.*).
KIND_LABELS = {"summary": "Country summary", "study": "Country study"}
"""What a country page is (by `Study.noun`), said above its title."""

NAV_STUDIES_MAX = 12
"""The navigation lists the studies while there are at most this many. Every
page of the Countries section carries the list, so it would grow with each
study; beyond this many, the countries index (with its map) is the list, and
a study page's sidebar shows that page alone (hooks/pipeline.py)."""

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def ordered_studies(project: Project) -> list[Study]:
    """Studies by sub-region (in data order), then by country name."""
    order = {id: index for index, id in enumerate(project.countries.subregion_ids)}
    return sorted(
        project.studies,
        key=lambda s: (order.get(s.subregion.id, len(order)), s.country.name, s.slug),
    )


def study_uris(project: Project) -> list[str]:
    """Source URIs of the study pages, in the order of the countries index."""
    return [study_uri(s.slug) for s in ordered_studies(project)]


def listed_study_uris(project: Project) -> list[str]:
    """The study pages the navigation lists: all of them, or none beyond `NAV_STUDIES_MAX`."""
    uris = study_uris(project)
    return uris if len(uris) <= NAV_STUDIES_MAX else []


def study_label(study: Study, studies: list[Study]) -> str:
    """The country's name, with the phase when the country has several studies."""
    return study_labels([s for s in studies if s.country.code == study.country.code])[study.slug]


def study_labels(studies: list[Study]) -> dict[str, str]:
    """The label of each study, by slug, in one pass (pages that list every study):
    the country's name, with the phase when the country has several studies."""
    per_country = Counter(s.country.code for s in studies)
    return {
        s.slug: f"{s.country.name} (phase {s.phase})"
        if per_country[s.country.code] > 1
        else s.country.name
        for s in studies
    }


def study_view(study: Study, project: Project, label: str) -> dict:
    """Everything the study page template needs; `label` is the study's (`study_labels`)."""
    framework = project.framework
    here = study_uri(study.slug)
    instruments = sorted(study.instruments, key=instrument_order)
    # Links written from the source file, as the generated page's addresses
    text = written_sections(rewrite(project.links, study.source, here, study.body, study.body_line))
    return {
        "study": study,
        "nav_title": label,
        "kind_label": KIND_LABELS[study.noun],
        "kind_note": study.kind_note,
        "body": text.body,
        "to_come": join_names([in_sentence(title) for title in text.to_come]),
        "downloads": [_download(study, path) for path in study.downloads],
        "presentations": study_presentations(project, study),
        "languages": [{"tag": t, "name": language_name(t)} for t in study.languages],
        "versions": study_versions(study, here),
        "links": {
            "countries": relative_url(COUNTRIES_INDEX, here),
            "comparison": relative_url(COMPARISON, here),
            "framework": relative_url(FRAMEWORK, here),
        },
        "entities": [
            {
                "entity": entity,
                "type_label": framework.label_of("entity_types", entity.type),
                "recognition_label": framework.label_of("recognition_levels", entity.recognition),
                "basis": _instrument_label(study.instrument(entity.basis)) if entity.basis else "",
            }
            for entity in sorted(
                study.entities, key=lambda e: _vocab_order(framework, "entity_types", e.type)
            )
        ],
        "undated": any(i.year is None for i in instruments),
        "instruments": [
            {
                "instrument": instrument,
                "kind_label": framework.label_of("instrument_kinds", instrument.kind),
                "status_label": framework.label_of("instrument_statuses", instrument.status),
                "checked": instrument.checked,
            }
            for instrument in instruments
        ],
        "institutions": [
            {"institution": i, "role_label": framework.label_of("institution_roles", i.role)}
            for i in study.institutions
        ],
        "ecosystem": [
            {"item": e, "element_label": framework.label_of("ecosystem_elements", e.element)}
            for e in sorted(
                study.ecosystem,
                key=lambda e: _vocab_order(framework, "ecosystem_elements", e.element),
            )
        ],
    }


def translation_view(study: Study, translation: Translation, project: Project) -> dict:
    """Everything a study translation's page needs."""
    here = translation_uri(study.slug, translation.lang)
    return {
        "study": study,
        "translation": translation,
        "status": study.status,
        "original_lang": study.languages[0],
        "original_revised": study.revised,
        "body": rewrite(
            project.links, translation.source, here, translation.body, translation.body_line
        ),
        "outdated": translation.of_revision < study.revised,
        "versions": study_versions(study, here),
        "links": {
            "original": relative_url(study_uri(study.slug), here),
            "framework_data": relative_url(study_uri(study.slug), here) + "#framework-data",
        },
    }


def page_translation_view(page: TranslatedPage, translation: Translation) -> dict:
    """Everything the translation of a docs page needs (`content/page-translation.md`)."""
    here = translated_page_url(page.uri, translation.lang)
    return {
        "lang": translation.lang,
        "interface": translation.interface,
        "translation": translation,
        "original_lang": ORIGINAL_LANGUAGE,
        "original_revised": page.revised,
        "outdated": translation.of_revision < page.revised,
        "versions": page_versions(page, here),
        "links": {"original": link(page_url(page.uri), here)},
    }


def translated_page_view(page: TranslatedPage) -> dict:
    """What the original of a translated docs page adds: its language versions."""
    return {
        "lang": ORIGINAL_LANGUAGE,
        "translation": None,
        "versions": page_versions(page, page_url(page.uri)),
    }


def study_versions(study: Study, here: str) -> list[dict]:
    """The original and each translation of a study, as the page `here` (source URI) links them."""
    pages = [(study.languages[0], page_url(study_uri(study.slug)))]
    pages += [(t.lang, page_url(translation_uri(study.slug, t.lang))) for t in study.translations]
    return language_versions(pages, page_url(here))


def page_versions(page: TranslatedPage, here: str) -> list[dict]:
    """The original and each translation of a docs page, as the page served at `here` links them."""
    pages = [(ORIGINAL_LANGUAGE, page_url(page.uri))]
    pages += [(t.lang, translated_page_url(page.uri, t.lang)) for t in page.translations]
    return language_versions(pages, here)


def language_versions(pages: list[tuple[str, str]], here: str) -> list[dict]:
    """Every language version of a page, as the page served at `here` links them.

    `pages` are (language, address) pairs, the original first. `path` is a
    version's address from the site's root (for hreflang links); none when
    the page has no translation.
    """
    if len(pages) < 2:
        return []
    return [
        {
            "lang": lang,
            "url": link(url, here),
            "path": url,
            "current": url == here,
            "original": index == 0,
        }
        for index, (lang, url) in enumerate(pages)
    ]


def countries_view(project: Project) -> dict:
    """The countries index: cards grouped by sub-region."""
    groups = []
    studies = ordered_studies(project)
    labels = study_labels(studies)
    for subregion in project.countries.subregions:
        members = [s for s in studies if s.subregion.id == subregion.id]
        if members:
            groups.append(
                {
                    "subregion": subregion,
                    "cards": [
                        {
                            "study": s,
                            "label": labels[s.slug],
                            "url": relative_url(study_uri(s.slug), COUNTRIES_INDEX),
                        }
                        for s in members
                    ],
                }
            )
    return {
        "groups": groups,
        "map": tilemap_view(project.countries, studies, COUNTRIES_INDEX),
        "count": len(studies),
        "count_text": count(len(studies), "country summary", "country summaries"),
        "countries": join_names(_names_in_sentence(studies)),
        "drafts": drafts_sentence(studies, "so their pages will change"),
        "links": {"comparison": relative_url(COMPARISON, COUNTRIES_INDEX)},
    }


def drafts_sentence(studies: list[Study], consequence: str) -> str:
    """'All six summaries are drafts, so …' / 'Two of the six summaries (…) are drafts, …' / ''."""
    drafts = [s for s in studies if not s.is_final]
    if not drafts:
        return ""
    if len(drafts) == len(studies):
        subject = (
            "The summary is a draft"
            if len(studies) == 1
            else f"All {count(len(studies), 'summary', 'summaries')} are drafts"
        )
        return f"{subject}, {consequence}."
    names = join_names(_names_in_sentence(drafts))
    verb = "is a draft" if len(drafts) == 1 else "are drafts"
    some = capitalised(number_word(len(drafts)))
    summaries = count(len(studies), "summary", "summaries")
    return f"{some} of the {summaries} ({names}) {verb}, {consequence}."


def framework_view(project: Project) -> dict:
    return {"framework": project.framework}


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _instrument_label(instrument: Instrument | None) -> str:
    """'Framework Act on Cooperatives (2011)'; the year once, when the title has none."""
    if instrument is None:
        return ""
    if instrument.year and str(instrument.year) not in instrument.title:
        return f"{instrument.title} ({instrument.year})"
    return instrument.title


def _names_in_sentence(studies: list[Study]) -> list[str]:
    return [s.country.name_in_sentence for s in studies]


def instrument_order(instrument) -> tuple:
    # Undated instruments (bills whose year is to be confirmed) come last
    return (instrument.year is None, instrument.year or 0, instrument.title)


def _vocab_order(framework: Framework, vocabulary: str, id: str) -> int:
    ids = framework.ids(vocabulary)
    return ids.index(id) if id in ids else len(ids)


def _download(study: Study, path) -> dict:
    """A declared download, published beside the study's page."""
    name = path.relative_to(study.folder).as_posix()
    size = path.stat().st_size
    return {
        "name": name,
        "href": quote(name),
        "kind": path.suffix.lstrip(".").upper(),
        "size": f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} kB",
    }

"""Links between pages, written from the source file: checked by `make check`, rewritten at build.

A link is written as the path from the file being edited to the file meant
(CONTRIBUTING.md, "Link to other pages, add images and downloads"):
`../korea/index.md` from one study to another, `../../docs/framework.md`
from a study to a page of `docs/`, `../studies/korea/index.md` from a page
of `docs/` to a study, `session:session-2` to a conference session. Such a
link works in GitHub's file view. `check_links` follows every one and
reports those that lead nowhere (file, anchor, session) with the line, so
the strict build never fails on a link `make check` passed. `rewrite`
turns them into the addresses of the generated pages before MkDocs
converts the page (a link MkDocs already understands is left as written).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..core import htmlpolicy, prose, urls
from ..core.mdscan import anchor_of, scan_markdown
from ..core.problems import Problems, did_you_mean
from ..glossary.page import GLOSSARY
from ..programme import links as programme_links

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
SESSION = "session"
PROGRAMME_FILE = "data/programme.yml"
STUDY_TEMPLATES = ("content/study.md", "content/cite-this.md")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class Target:
    uri: str
    """Where MkDocs finds it (src_uri)."""
    anchors: set[str] | None = None
    """Ids on the page; None when not known (a generated page other than a study)."""
    page: bool = True


@dataclass
class LinkTargets:
    """Everything a link may lead to, by its path in the repository."""

    targets: dict[str, Target] = field(default_factory=dict)
    sessions: list[str] = field(default_factory=list)
    root: Path | None = None

    def resolve(self, source: str, url: str) -> tuple[str, str, Target | None]:
        """(repository path, anchor, target or None) of a relative `url` written in `source`."""
        path, _, anchor = url.partition("#")
        path = unquote(path.split("?", 1)[0])
        if not path:
            return source, anchor, self.targets.get(source)
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        return joined, anchor, self.targets.get(joined)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def link_targets(project, docs_files: list[Path], generated: list[str]) -> LinkTargets:
    """The pages and files of `project` a link may lead to (`generated`: generated pages' URIs)."""
    root = project.layout.root
    found = LinkTargets(root=root)
    template_anchors = _template_anchors(project.layout.templates_dir)
    for path in docs_files:
        uri = path.relative_to(root / "docs").as_posix()
        found.targets[f"docs/{uri}"] = Target(uri, None, page=uri.endswith(".md"))
    for page in project.docs_pages:
        found.targets[page.file] = Target(page.uri, page.scan.anchors)
    for uri in generated:
        found.targets.setdefault(f"docs/{uri}", Target(uri, None))
    glossary = found.targets.get(f"docs/{GLOSSARY}")
    if glossary is not None and project.glossary is not None:
        glossary.anchors = {term.id for term in project.glossary.terms}
    for study in project.studies:
        target = Target(urls.study_uri(study.slug), study.anchors | template_anchors)
        found.targets[study.source] = found.targets[f"docs/{target.uri}"] = target
        for asset in study.assets:
            relative = asset.relative_to(study.folder).as_posix()
            rel = asset.relative_to(root).as_posix()
            found.targets[rel] = Target(urls.study_asset_uri(study.slug, relative), page=False)
    if project.programme is not None:
        found.sessions = [s.id for s in project.programme.sessions]
    return found


def check_links(targets: LinkTargets, source: str, addresses, problems: Problems) -> None:
    """Report every address of the page `source` that leads nowhere."""
    for address in addresses:
        url = address.url
        scheme = SCHEME.match(url)
        if scheme:
            if scheme.group(1).lower() == SESSION:
                _check_session(targets, source, address, problems)
            continue
        if url.startswith("//"):
            continue
        path, anchor, target = targets.resolve(source, url)
        if target is None or (address.kind == "image" and target.page):
            problems.add(source, address.line, address.kind, _nowhere(targets, source, url, path))
        elif anchor and target.anchors is not None and unquote(anchor) not in target.anchors:
            problems.add(
                source,
                address.line,
                address.kind,
                f"expected a heading with the anchor {unquote(anchor)!r} in {path}, found none",
            )


def rewrite(targets: LinkTargets, source: str, uri: str, text: str, first_line: int = 1) -> str:
    """`text` (Markdown of `source`, converted as the page `uri`) with links MkDocs can follow."""
    if "](" not in text and "]:" not in text and "href" not in text:
        return text
    scan = scan_markdown(text, source, Problems(), first_line)
    replacements: list[tuple[int, str, str]] = []
    for address in scan.addresses:
        new = _rewritten(targets, source, uri, address.url)
        if new is not None and new != address.url:
            replacements.append((address.start, address.url, new))
    for start, old, new in sorted(replacements, reverse=True):
        if text.startswith(old, start):
            text = text[:start] + new + text[start + len(old) :]
    return text


def rewrite_page(project, src_uri: str, generated_by: str | None, markdown: str) -> str:
    """A docs/ page's Markdown with its links rewritten (a generated page's are already)."""
    if generated_by:
        return markdown
    return rewrite(project.links, f"docs/{src_uri}", src_uri, markdown)


def page_source(project, src_uri: str, generated: bool) -> str | None:
    """The content file whose text a page is made from (a docs/ page, a study, a translation)."""
    if not generated:
        return f"docs/{src_uri}"
    study = project.study_at(src_uri)
    if study is None:
        return None
    translation = project.translation_at(src_uri)[1]
    return translation.source if translation is not None else study.source


def output_problem(project, src_uri: str, generated: bool, page_html: str) -> str:
    """Why a converted page made from content may not be published, else ''."""
    source = page_source(project, src_uri, generated)
    if source is None:
        return ""
    found = htmlpolicy.check_output(page_html)
    if not found:
        return ""
    return (
        f"{source}: expected a page with only the HTML {htmlpolicy.POLICY} allows, found "
        f"{found[0]} in the page made from this file"
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _rewritten(targets: LinkTargets, source: str, uri: str, url: str) -> str | None:
    scheme = SCHEME.match(url)
    if scheme:
        if scheme.group(1).lower() != SESSION:
            return None
        id = url[len(scheme.group(0)) :]
        return urls.relative_path(programme_links.session_uri(id), uri)
    if url.startswith(("#", "//")):
        return None
    _, anchor, target = targets.resolve(source, url)
    if target is None:
        return None
    new = urls.relative_path(target.uri, uri)
    return new + (f"#{anchor}" if anchor else "")


def _check_session(targets, source, address, problems) -> None:
    id = address.url.split(":", 1)[1]
    if id not in targets.sessions:
        hint = did_you_mean(id, targets.sessions)
        problems.add(
            source,
            address.line,
            "session link",
            f"expected the id of a session in {PROGRAMME_FILE}, found {id!r}"
            + (f". {hint}" if hint else ""),
        )


def _nowhere(targets: LinkTargets, source: str, url: str, path: str) -> str:
    message = f"expected a page or file of the repository, found {url!r}, which does not exist"
    if targets.root is not None and not path.startswith("..") and (targets.root / path).exists():
        where = "a file of another study" if path.startswith("studies/") else "a file"
        return (
            f"expected a page or file that the site publishes, found {url!r}, {where} that "
            "it does not publish (a study publishes the files its own text links or shows)"
        )
    candidates = [urls.relative_path(p, source) for p in targets.targets]
    written = url.split("#", 1)[0]
    close = difflib.get_close_matches(written, candidates, n=1, cutoff=0.8)
    return message + (f". Did you mean {close[0]!r}?" if close else "")


def _template_anchors(templates: Path) -> set[str]:
    """The anchors of the headings a study page's template adds after the text."""
    anchors = {"references"}
    for name in STUDY_TEMPLATES:
        path = templates / name
        if not path.is_file():
            continue
        for line in prose.mask(path.read_text(encoding="utf-8")).split("\n"):
            heading = re.match(r"^#{2,6}[ \t]+(?P<text>[^{}]+?)[ \t]*$", line)
            if heading:
                anchors.add(anchor_of(heading["text"]))
    return anchors

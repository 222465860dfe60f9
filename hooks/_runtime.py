"""Fresh domain modules and content for every build.

`mkdocs serve` never re-executes hook files, and Python caches imported
modules, so an edit to a module of the `ssesite` package would not show
until the server restarts. Each build therefore drops the package from
`sys.modules` and imports it again from this folder, then loads the content
once for all hooks. This also keeps module state from leaking between builds
(and between test projects built in one process).

Each build also gets its `ssesite.core.background.Background`, which makes the
generated files (`start_generated`, `add_generated`, `fill`) and other work
of the hooks beside MkDocs; hooks/studies.py closes it when the build ends
or fails.

Only this small file and the hook files themselves need a restart when edited.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

PACKAGE = "ssesite"
HOOKS_DIR = str(Path(__file__).resolve().parent)


@dataclass
class Build:
    """What the hooks of one build share."""

    config: object
    root: Path
    domain: ModuleType
    project: object
    env: object
    background: object
    """`ssesite.core.background.Background` running this build's tasks."""
    state: dict = field(default_factory=dict)
    """What one hook keeps between the events of this build, under its own key."""
    started: dict = field(default_factory=dict)
    """Generated files started by a hook and not yet added: name -> [GeneratedFile]."""
    pending: dict = field(default_factory=dict)
    """Generated files whose content is still being made: src_uri -> (File, Pending)."""


_current: Build | None = None


def current(config) -> Build:
    """The shared state of the build `config` belongs to, made on first use."""
    global _current
    if _current is not None and _current.config is config:
        return _current
    if _current is not None:
        _current.background.close()
    domain = _fresh_domain()
    root = Path(config.config_file_path).resolve().parent
    project = domain.site.project.load_project(root, to_render=True)
    env = domain.core.render.environment(project.layout.templates_dir)
    context = domain.site.pages.Context(project, env)
    try:
        workers = domain.core.background.worker_count()
    except ValueError as error:
        from mkdocs.exceptions import PluginError

        raise PluginError(str(error)) from None
    background = domain.core.background.Background(context, workers)
    _current = Build(config, root, domain, project, env, background)
    return _current


def finish() -> None:
    """End the build's background work (after the build, or when it fails)."""
    if _current is not None:
        _current.background.close()


def _fresh_domain() -> ModuleType:
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]
    # The hooks folder must come first: a test may build several copies of
    # the project in one process, each with its own hooks folder.
    if HOOKS_DIR in sys.path:
        sys.path.remove(HOOKS_DIR)
    sys.path.insert(0, HOOKS_DIR)
    package = importlib.import_module(PACKAGE)
    # Import every module of the package and its feature packages, so hooks
    # reach them as attributes (build.domain.content.studies,
    # build.domain.glossary.mark, ...).
    for module in pkgutil.walk_packages(package.__path__, PACKAGE + "."):
        importlib.import_module(module.name)
    return package


def start_generated(config, name: str, generated: list) -> None:
    """Start making the domain's generated files (`ssesite.site.pages.GeneratedFile`).

    Called from `on_pre_build`, once every `on_config` has shaped the content
    (the drafts hook drops drafts there): the workers start on the pages while
    MkDocs is still collecting files. `add_generated` adds them under `name`.
    """
    build = current(config)
    build.started[name] = generated
    for item in generated:
        if item.recipe:
            build.pending[item.uri] = (None, build.background.submit(*item.recipe))


def add_generated(files, config, name: str) -> None:
    """Add the files started under `name` to the build; made ones are empty until `fill`."""
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    build = current(config)
    for item in build.started.pop(name):
        # A file of that name in docs/ would be silently shadowed; `make check`
        # reports it too, this is the build's own guard.
        existing = files.get_file_from_path(item.uri)
        if existing is not None and not existing.generated_by:
            raise PluginError(
                f"docs/{item.uri}: this page is generated from studies/ and data/; "
                "expected no file of that name in docs/, found one"
            )
        if item.recipe:
            # Empty until filled: on_pre_page for pages, on_env for the rest
            file = File.generated(config, item.uri, content="")
            build.pending[item.uri] = (file, build.pending[item.uri][1])
        else:
            file = File.generated(config, item.uri, abs_src_path=str(item.source))
        files.append(file)


def fill(build: Build, src_uri: str | None = None) -> None:
    """Give made files their content: the file at `src_uri`, or all that are left."""
    uris = [src_uri] if src_uri is not None else list(build.pending)
    for uri in uris:
        entry = build.pending.pop(uri, None)
        if entry is None:
            continue
        file, pending = entry
        content = pending.result()
        if isinstance(content, bytes):
            file.content_bytes = content
        else:
            file.content_string = content

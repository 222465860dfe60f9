"""Site settings read from mkdocs.yml (`extra:`), checked like content.

`make check` does not run MkDocs, yet a wrong setting must fail it just as it
fails the build; so the few settings the hooks read are parsed here, with
MkDocs' `!ENV` tags resolved from the environment by the library MkDocs
uses (pyyaml_env_tag).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
import yaml_env_tag

from ..core.problems import Problems, describe, did_you_mean, one_of
from . import drafts

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


SITE_URL = re.compile(r"^https?://[^\s\"'<>\\`]+$")
"""The public address: printed in every page's head, the sitemap and the calendars."""


@dataclass(frozen=True)
class Settings:
    drafts: str = drafts.DEFAULT


class EnvLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Reads mkdocs.yml as MkDocs does: `!ENV` by pyyaml_env_tag, MkDocs' own library.

    Safe, and on libyaml's parser where PyYAML has it (read on every build).
    """


yaml_env_tag.add_env_tag(EnvLoader)


class PythonTag:
    """MkDocs' Python tags (a markdown extension's slugify, say): kept, never run."""

    def __init__(self, suffix: str, node: yaml.Node, loader: yaml.SafeLoader):
        self.tag = "tag:yaml.org,2002:python/" + suffix
        if isinstance(node, yaml.MappingNode):
            self.value = loader.construct_mapping(node, deep=True)
        elif isinstance(node, yaml.SequenceNode):
            self.value = loader.construct_sequence(node, deep=True)
        else:
            self.value = loader.construct_scalar(node)

    @staticmethod
    def represent(dumper: yaml.SafeDumper, data: PythonTag) -> yaml.Node:
        if isinstance(data.value, dict):
            return dumper.represent_mapping(data.tag, data.value)
        if isinstance(data.value, list):
            return dumper.represent_sequence(data.tag, data.value)
        return dumper.represent_scalar(data.tag, data.value)


EnvLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: PythonTag(suffix, node, loader)
)


class ConfigDumper(yaml.SafeDumper):
    """Writes a config read by `read_config` back, its Python tags as they were."""


ConfigDumper.add_representer(PythonTag, PythonTag.represent)

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def read_config(root: Path) -> dict:
    """mkdocs.yml as data, `!ENV` resolved from the environment."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=EnvLoader) or {}  # a SafeLoader subclass: safe


def load_settings(root: Path, problems: Problems) -> Settings:
    """The settings the hooks read, each checked; problems name mkdocs.yml and the line."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return Settings()
    config = read_config(root)
    extra = config.get("extra") or {}
    mode = extra.get("drafts", drafts.DEFAULT) if isinstance(extra, dict) else drafts.DEFAULT
    if mode not in drafts.MODES:
        origin = (
            " (from the environment variable SITE_DRAFTS)" if "SITE_DRAFTS" in os.environ else ""
        )
        hint = did_you_mean(mode, drafts.MODES)
        problems.add(
            "mkdocs.yml",
            _line_of(path, "drafts:"),
            "extra.drafts",
            f"expected {one_of(drafts.MODES)}, found {describe(mode)}{origin}"
            + (f". {hint}" if hint else ""),
        )
        return Settings()
    site_url = config.get("site_url") or ""
    if not isinstance(site_url, str) or (site_url and not SITE_URL.match(site_url)):
        origin = " (from the environment variable SITE_URL)" if "SITE_URL" in os.environ else ""
        problems.add(
            "mkdocs.yml",
            _line_of(path, "site_url:"),
            "site_url",
            "expected the site's public address, such as https://example.org/sse/, without "
            f"spaces, quotes or angle brackets, found {describe(site_url)}{origin}",
        )
        return Settings()
    return Settings(drafts=mode)


def _line_of(path: Path, needle: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith(needle):
            return number
    return None

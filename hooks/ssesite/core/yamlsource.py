"""YAML with line numbers, and Markdown front matter.

PyYAML drops source positions once it builds Python objects, so the file is
composed into nodes as well and walked alongside the data: every mapping key
and list item gets the line it starts on. Duplicate keys, which PyYAML would
silently collapse, are reported here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .problems import Problems

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Front matter is a YAML block between two '---' lines at the very top.
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)

Path = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps an impossible date (2020-13-01) as text.

    PyYAML raises a bare ValueError for those; as text, the field's own check
    reports it with the file, line and field like any other wrong value.
    """

    def construct_yaml_timestamp(self, node):
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_timestamp(self, node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


# libyaml's C parser is several times faster than PyYAML's pure-Python one and
# gives the same data; its error messages are terser, so a document that fails
# is parsed again with the pure-Python loader to report the error.
class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    construct_yaml_timestamp = _Loader.construct_yaml_timestamp


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _FastLoader.construct_yaml_timestamp)


def _parse(text: str, loader_class) -> tuple[yaml.Node | None, object]:
    # One parse: compose the node tree (for lines), then build the data from it
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass
class Located:
    """Parsed YAML data plus the line of every key and item in the source."""

    data: object
    lines: dict[Path, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, path: Path) -> int:
        """Line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def format_path(path: Path) -> str:
    """('framework', 'entities', 2, 'type') -> 'framework.entities[2].type'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + part
    return text


def load_yaml(text: str, file: str, problems: Problems, *, line_offset: int = 0) -> Located | None:
    """Parse `text`; on a syntax error record a problem and return None.

    `line_offset` is added to every line, for YAML embedded in a larger file.
    """
    try:
        try:
            node, data = _parse(text, _FastLoader)
        except yaml.YAMLError:
            node, data = _parse(text, _Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problems.add(file, line, "", f"the YAML cannot be read: {_yaml_reason(error)}")
        return None
    except yaml.YAMLError as error:
        problems.add(file, None, "", f"the YAML cannot be read: {error}")
        return None
    located = Located(data, first_line=1 + line_offset)
    if node is not None:
        _walk(node, (), located, file, problems, line_offset)
    return located


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split a Markdown file into (front matter or None, body, body's first line)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    body_line = text.count("\n", 0, match.end()) + 1
    return match.group(1) or "", text[match.end() :], body_line


def _walk(
    node: yaml.Node,
    path: Path,
    located: Located,
    file: str,
    problems: Problems,
    offset: int,
) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                problems.add(
                    file,
                    line,
                    format_path((*path, key)),
                    f"the field is given twice (first on line {seen[key]}); "
                    "expected each field once",
                )
            seen[key] = line
            located.lines[(*path, key)] = line
            _walk(value_node, (*path, key), located, file, problems, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            located.lines[(*path, index)] = item.start_mark.line + 1 + offset
            _walk(item, (*path, index), located, file, problems, offset)


def _yaml_reason(error: yaml.MarkedYAMLError) -> str:
    reason = error.problem or str(error)
    if error.context:
        reason = f"{error.context}, {reason}"
    if "\t" in (error.problem or "") or "found character '\\t'" in (error.problem or ""):
        reason += " (use spaces, not tabs, to indent YAML)"
    return reason

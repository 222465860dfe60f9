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
from .reading import text_problem

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

    def construct_mapping(self, node, deep=False):
        """A mapping whose unquoted keys stay as written.

        YAML 1.1 would read the key `NO:` (Norway) as false and `1.10:` as
        1.1; a field name or a code is text.
        """
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
        mapping = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
            else:
                key = self.construct_object(key_node, deep=deep)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


# libyaml's C parser is several times faster than PyYAML's pure-Python one and
# gives the same data; its error messages are terser, so a document that fails
# is parsed again with the pure-Python loader to report the error.
class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    construct_yaml_timestamp = _Loader.construct_yaml_timestamp
    construct_mapping = _Loader.construct_mapping


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _FastLoader.construct_yaml_timestamp)


MAX_DEPTH = 50
"""Levels of nested mappings and lists (our files use fewer than ten)."""

MAX_ALIAS_VALUES = 10_000
"""Values that aliases (*name) may repeat in one document, in all."""

MERGE = "tag:yaml.org,2002:merge"
STR = "tag:yaml.org,2002:str"


class _TooMuch(Exception):
    """The document passes a limit; `line` (0-based) is where."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def _measure(text: str, loader_class) -> None:
    """Raise _TooMuch when nesting or alias expansion passes the limits.

    Reads the parser's events (no recursion, nothing built): each collection
    counts the values it holds, an alias counts those of its anchor, so an
    alias bomb is caught after a few events, in time linear in the text.
    """
    anchors: dict[str, int] = {}
    sizes: list[tuple[int, str | None]] = []  # open collections: (values so far, anchor)
    expanded = 0
    for event in yaml.parse(text, Loader=loader_class):
        if isinstance(event, yaml.CollectionStartEvent):
            sizes.append((1, event.anchor))
            if len(sizes) > MAX_DEPTH:
                raise _TooMuch(
                    event.start_mark.line,
                    f"expected values nested at most {MAX_DEPTH} levels deep, "
                    "found deeper nesting on this line",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            size, anchor = sizes.pop()
            if anchor:
                anchors[anchor] = size
            if sizes:
                sizes[-1] = (sizes[-1][0] + size, sizes[-1][1])
        elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            size = 1
            if isinstance(event, yaml.AliasEvent):
                size = anchors.get(event.anchor, 1)
                expanded += size
                if expanded > MAX_ALIAS_VALUES:
                    raise _TooMuch(
                        event.start_mark.line,
                        "expected anchors and aliases (&name, *name) that expand to at most "
                        f"{MAX_ALIAS_VALUES:,} values in all, found more by this line",
                    )
            elif event.anchor:
                anchors[event.anchor] = 1
            if sizes:
                sizes[-1] = (sizes[-1][0] + size, sizes[-1][1])


def _parse(text: str, loader_class, visit) -> tuple[yaml.Node | None, object]:
    # One parse: compose the node tree, let `visit` read it (lines, keys,
    # values; before the constructor merges `<<` keys into it), then build
    # the data from it. `visit` returns False to build nothing.
    _measure(text, loader_class)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None or not visit(node):
            return node, None
        return node, loader.construct_document(node)
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
    """Line of the document's first value (a key, usually)."""
    opening_line: int | None = None
    """Front matter: the line of its opening '---', where a missing field is reported."""
    written: dict[Path, str] = field(default_factory=dict)
    """How unquoted values that YAML read as something other than text were
    written (`12:30`, `1.10`, `NO`), for messages that show them as written."""

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

    `line_offset` is added to every line, for YAML embedded in a larger file
    (front matter: the line of its opening '---').
    """
    located = Located(None, first_line=line_offset + 1, opening_line=line_offset or None)
    before = len(problems)

    def visit(node: yaml.Node) -> bool:
        located.lines.clear()
        located.written.clear()
        located.first_line = node.start_mark.line + 1 + line_offset
        found = Problems()
        _walk(node, (), located, file, found, line_offset, set(), text)
        del problems.items[before:]
        problems.extend(found.items)
        return not any(p.message.startswith("expected a field name") for p in found.items)

    try:
        try:
            node, data = _parse(text, _FastLoader, visit)
        except yaml.YAMLError:
            node, data = _parse(text, _Loader, visit)
    except _TooMuch as limit:
        problems.add(file, limit.line + 1 + line_offset, "", f"the YAML cannot be read: {limit}")
        return None
    except yaml.MarkedYAMLError as error:
        del problems.items[before:]
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problems.add(file, line, "", f"the YAML cannot be read: {_yaml_reason(error)}")
        return None
    except yaml.YAMLError as error:
        del problems.items[before:]
        problems.add(file, None, "", f"the YAML cannot be read: {error}")
        return None
    if node is not None and data is None and len(problems) > before:
        return None  # keys that are not field names: reported, nothing built
    located.data = data
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
    seen: set[int],
    text: str,
) -> None:
    # Each node once: an alias is the same node object as its anchor, and
    # visiting it again for every alias would make a small file exponential.
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        _scalar(node, path, located, file, problems, offset)
    elif isinstance(node, yaml.MappingNode):
        keys: dict[object, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + offset
            if key_node.tag == MERGE:
                # `<<: *base` merges another mapping; its keys may be overridden here
                _walk(value_node, path, located, file, problems, offset, seen, text)
                continue
            key = _key(key_node, path, line, file, problems, text)
            if key is None:
                continue
            if key in keys:
                problems.add(
                    file,
                    line,
                    format_path((*path, key)),
                    f"the field is given twice (first on line {keys[key]}); "
                    "expected each field once",
                )
            keys[key] = line
            located.lines[(*path, key)] = line
            _walk(value_node, (*path, key), located, file, problems, offset, seen, text)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            located.lines[(*path, index)] = item.start_mark.line + 1 + offset
            _walk(item, (*path, index), located, file, problems, offset, seen, text)


def _key(key_node, path, line, file, problems, text) -> str | None:
    """A mapping key as text; None (with a problem) when it cannot name a field."""
    if isinstance(key_node, yaml.ScalarNode):
        if key_node.tag == STR:
            return key_node.value
        if not key_node.style and key_node.value not in ("", "~", "null", "Null", "NULL"):
            # A plain key YAML reads as a number or yes/no: keep it as written
            # (check_keys reports it when the record does not know it)
            return key_node.value
        shown = "nothing"
    else:
        shown = "a list" if isinstance(key_node, yaml.SequenceNode) else "a mapping"
    written = text[key_node.start_mark.index : key_node.end_mark.index].strip() or "~"
    problems.add(file, line, format_path((*path, written)), f"expected a field name, found {shown}")
    return None


def _scalar(node, path, located, file, problems, offset) -> None:
    line = node.start_mark.line + 1 + offset
    if node.tag == STR:
        problem = text_problem(node.value)
        if problem:
            problems.add(file, line, format_path(path), problem)
    elif not node.style and node.tag != "tag:yaml.org,2002:null":
        located.written[path] = node.value


def _yaml_reason(error: yaml.MarkedYAMLError) -> str:
    reason = error.problem or str(error)
    if error.context:
        reason = f"{error.context}, {reason}"
    if "\t" in (error.problem or "") or "found character '\\t'" in (error.problem or ""):
        reason += " (use spaces, not tabs, to indent YAML)"
    return reason

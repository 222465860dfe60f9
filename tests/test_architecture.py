"""The shape of the domain package `hooks/ssesite/`, read from its source.

Every import of every module is parsed (with `ast`, so imports inside
functions count too) and these rules are checked:

- No module imports MkDocs: the package is plain domain code.
- Layers. The feature packages are ordered
      core < content < citations < glossary < programme < site < cli
  and a module may import only modules of its own package or of a lower one
  (`ssesite/__init__.py` imports nothing). `glossary` sits above `citations`
  because the glossary page writes a term's bibliography source with
  `citations.references`; `site` holds the loader of all content (`project`),
  so it sits above every feature; `cli` holds the entry points.
- No import cycle between modules, not even through a function-level import.
  A package's `__init__` counts as a module (it imports its submodules).
- No module over 400 lines.

Each rule is a function returning the violations it finds, so a failure
names the modules concerned.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = "ssesite"
ROOT = Path(__file__).resolve().parent.parent / "hooks" / PACKAGE
LAYERS = ("core", "content", "citations", "glossary", "programme", "site", "cli")
MAX_LINES = 400


# -----------------------------------------------------------------------------
# Reading the package
# -----------------------------------------------------------------------------


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path) -> dict[str, Path]:
    """Dotted name -> file, for every module of the package at `root`."""
    return {module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def imports(root: Path) -> dict[str, set[str]]:
    """Dotted name -> every name it imports (modules of the package resolved)."""
    found = modules(root)
    result: dict[str, set[str]] = {}
    for name, path in found.items():
        is_package = path.name == "__init__.py"
        here = name.split(".") if is_package else name.split(".")[:-1]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here[: len(here) - (node.level - 1)]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                for alias in node.names:
                    # `from . import x` imports the module x when there is one
                    candidate = f"{module}.{alias.name}"
                    targets.add(candidate if candidate in found else module)
        result[name] = targets
    return result


def internal(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The import graph restricted to modules of the package."""
    return {name: {t for t in targets if t in graph} for name, targets in graph.items()}


def layer_of(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


# -----------------------------------------------------------------------------
# Rules: each returns the violations it finds
# -----------------------------------------------------------------------------


def mkdocs_imports(graph: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{name} imports {target}"
        for name, targets in graph.items()
        for target in targets
        if target == "mkdocs" or target.startswith("mkdocs.")
    )


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for name, targets in internal(graph).items():
        own = layer_of(name)
        for target in sorted(targets):
            theirs = layer_of(target)
            if own is None and target != name:
                problems.append(f"{name} (outside the feature packages) imports {target}")
            elif own is not None and (theirs is None or theirs > own):
                problems.append(f"{name} ({LAYERS[own]}) imports the higher {target}")
    return problems


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (or a self-import)."""
    edges = internal(graph)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in edges[node]:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def long_modules(root: Path) -> list[str]:
    return sorted(
        f"{name}: {count} lines"
        for name, path in modules(root).items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    )


# -----------------------------------------------------------------------------
# Tests of the real package
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return imports(ROOT)


def test_every_module_lives_in_a_feature_package(graph):
    loose = [n for n in graph if n != PACKAGE and layer_of(n) is None]
    assert loose == [], f"modules outside {LAYERS}: {loose}"


def test_no_module_imports_mkdocs(graph):
    assert mkdocs_imports(graph) == []


def test_lower_layers_never_import_upper_ones(graph):
    assert layer_violations(graph) == []


def test_no_import_cycles(graph):
    assert cycles(graph) == []


def test_no_module_over_400_lines():
    assert long_modules(ROOT) == []


def test_relative_imports_resolve_to_modules_of_the_package(graph):
    # A relative import resolves to a module of the package or to a name in
    # one; an import that resolves to neither is a typo the rules above
    # would silently miss.
    names = set(graph)
    unknown = sorted(
        f"{name} imports {target}"
        for name, targets in graph.items()
        for target in targets
        if target.startswith(PACKAGE + ".") and target not in names
    )
    assert unknown == []


# -----------------------------------------------------------------------------
# The rules catch what they claim to catch (on a small package in tmp_path)
# -----------------------------------------------------------------------------


def write_package(root: Path, files: dict[str, str]) -> Path:
    package = root / PACKAGE
    for relative, text in {"__init__.py": "", **files}.items():
        path = package / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name != "__init__.py" or not path.exists():
            path.write_text(text, encoding="utf-8")
    for folder in [p for p in package.rglob("*") if p.is_dir()]:
        (folder / "__init__.py").touch()
    return package


def test_the_rules_find_each_kind_of_violation(tmp_path):
    package = write_package(
        tmp_path,
        {
            "core/base.py": "def f():\n    from ..site import top\n",
            "core/web.py": "from mkdocs.config import Config\n",
            "site/top.py": "from ..core import base\n",
            "content/a.py": "from .b import x\n",
            "content/b.py": "def g():\n    from . import a\n",
            "content/long.py": "x = 1\n" * (MAX_LINES + 1),
        },
    )
    graph = imports(package)
    assert mkdocs_imports(graph) == ["ssesite.core.web imports mkdocs.config"]
    assert layer_violations(graph) == [
        "ssesite.core.base (core) imports the higher ssesite.site.top"
    ]
    assert sorted(cycles(graph)) == [
        ["ssesite.content.a", "ssesite.content.b"],
        ["ssesite.core.base", "ssesite.site.top"],
    ]
    assert long_modules(package) == [f"ssesite.content.long: {MAX_LINES + 1} lines"]


def test_a_clean_package_passes(tmp_path):
    package = write_package(
        tmp_path,
        {
            "core/base.py": "X = 1\n",
            "content/a.py": "from ..core.base import X\nfrom ..core import base\n",
            "cli/main.py": "def main():\n    from ..content import a\n",
        },
    )
    graph = imports(package)
    assert mkdocs_imports(graph) == layer_violations(graph) == cycles(graph) == []
    assert internal(graph)["ssesite.cli.main"] == {"ssesite.content.a"}
    assert internal(graph)["ssesite.content.a"] == {"ssesite.core.base"}

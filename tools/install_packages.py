"""Install one group of the pinned Python packages of pyproject.toml into this Python.

`make site` installs the runtime group (what building the site needs);
`make test` adds the test group. Before pip starts, this says in one line
what it installs and why; a group that is already installed at the pinned
versions is not handed to pip at all, so switching between the two commands
costs nothing.

The project itself is not installed: it is a site, not a library (the domain
package is imported from hooks/), so only its dependencies are.

Usage: python tools/install_packages.py runtime|test
"""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"

# Printed before pip starts: what the group is for.
PURPOSE = {"runtime": "for building the site", "test": "for the tests"}
PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*==\s*([^\s;,]+)\s*$")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(group: str, pyproject: Path | None = None) -> list[str]:
    """The requirement strings of `group` ("runtime" or an optional-dependencies group)."""
    import tomllib

    pyproject = pyproject or PYPROJECT
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    if group == "runtime":
        return list(project["dependencies"])
    extras = project.get("optional-dependencies", {})
    if group not in extras:
        known = ", ".join(["runtime", *extras])
        raise SystemExit(f"{pyproject.name}: no package group {group!r}; expected one of {known}")
    return list(extras[group])


def missing(reqs: list[str]) -> list[str]:
    """The requirements not installed here at their pinned version.

    A requirement that is not an exact `name==version` pin counts as missing
    unless some version of it is installed (pip then decides).
    """
    installed = {
        normalise(dist.metadata["Name"]): dist.version
        for dist in importlib.metadata.distributions()
        if dist.metadata["Name"]
    }
    result = []
    for req in reqs:
        match = PIN.match(req)
        if match:
            name, version = match.groups()
            if installed.get(normalise(name)) != version:
                result.append(req)
        elif normalise(re.split(r"[\s\[<>=!~;]", req.strip(), maxsplit=1)[0]) not in installed:
            result.append(req)
    return result


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    group = args[0]
    reqs = requirements(group)
    todo = missing(reqs)
    if not todo:
        return 0
    names = ", ".join(PIN.match(r).group(1) if PIN.match(r) else r for r in todo)
    count = f"{len(todo)} package" + ("s" if len(todo) != 1 else "")
    print(
        f"Installing {count} {PURPOSE.get(group, f'of the group {group}')} and what they "
        f"need (versions pinned in pyproject.toml): {names}",
        flush=True,
    )
    started = time.monotonic()
    # pip's own progress (Collecting/Downloading lines, progress bars on a
    # terminal) shows a slow download is not a hang. All pins of the group
    # go to pip, so it checks them together; installed ones cost nothing.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--disable-pip-version-check", *reqs],
        check=False,
    )
    if result.returncode != 0:
        print(
            f"install_packages.py: pip failed (exit {result.returncode}) installing the "
            f"{group} packages; its messages are above",
            file=sys.stderr,
        )
        return result.returncode
    print(f"Installed the {group} packages in {time.monotonic() - started:.0f} s.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

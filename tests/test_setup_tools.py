"""The set-up tools: package groups, the Chromium installer and `make serve`'s port check.

Nothing here installs anything: the Chromium installer runs against fake
`apt-get`, `id` and `sudo` programs on a PATH of their own, and the Makefile
is asked what it would do (`make -n`) in a scratch copy.
"""

from __future__ import annotations

import errno
import importlib.metadata
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))

import install_packages
import serve

INSTALLER = ROOT / "tools" / "install-chromium.sh"
BASH = shutil.which("bash")
PACKAGES = ["chromium", "fonts-dejavu-core"]


# -----------------------------------------------------------------------------
# Package groups (tools/install_packages.py)
# -----------------------------------------------------------------------------


def test_the_groups_are_the_pins_of_pyproject():
    runtime = install_packages.requirements("runtime")
    test = install_packages.requirements("test")
    assert "mkdocs==1.6.1" in runtime
    assert any(req.startswith("playwright==") for req in test)
    assert not {install_packages.PIN.match(r).group(1) for r in runtime} & {
        install_packages.PIN.match(r).group(1) for r in test
    }


def test_an_unknown_group_names_the_known_ones(tmp_path: Path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"\ndependencies = ["a==1"]\n'
        '[project.optional-dependencies]\ntest = ["b==2"]\n',
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as error:
        install_packages.requirements("docs", pyproject)
    assert str(error.value) == (
        "pyproject.toml: no package group 'docs'; expected one of runtime, test"
    )


def test_missing_compares_installed_versions_with_the_pins():
    yaml_version = importlib.metadata.version("PyYAML")
    pytest_version = importlib.metadata.version("pytest")
    reqs = [
        f"pyyaml=={yaml_version}",  # installed as PyYAML: names are normalised
        f"PyTest=={pytest_version}",
        "mkdocs==0.0.1",  # installed, at another version
        "no-such-package-for-the-tests==1.0",
        "pytest>=1",  # not a pin, but installed: pip decides
        "no_such.package-either>=1",
    ]
    assert install_packages.missing(reqs) == [
        "mkdocs==0.0.1",
        "no-such-package-for-the-tests==1.0",
        "no_such.package-either>=1",
    ]


@pytest.mark.parametrize("group", ["runtime", "test"])
def test_an_installed_group_is_not_handed_to_pip(group: str):
    # `make test` installed both groups at their pins: nothing to say, nothing to do.
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "install_packages.py"), group],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


class FakePip:
    """Records the commands install_packages.py would run; answers with `exit`."""

    def __init__(self):
        self.calls: list[list[str]] = []
        self.exit = 0

    def run(self, command, check):
        self.calls.append(command)
        return subprocess.CompletedProcess(command, self.exit)


INSTALLED_PIN = f"PyYAML=={importlib.metadata.version('PyYAML')}"
MISSING_PIN = "no-such-package-for-tests==1.0"


@pytest.fixture
def pip(tmp_path: Path, monkeypatch) -> FakePip:
    """A pyproject.toml with one installed and one missing pin; pip recorded, not run."""
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        f'[project]\nname = "x"\ndependencies = ["{INSTALLED_PIN}", "{MISSING_PIN}"]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(install_packages, "PYPROJECT", pyproject)
    fake = FakePip()
    monkeypatch.setattr(install_packages.subprocess, "run", fake.run)
    return fake


def test_it_says_what_it_installs_before_pip_starts(pip: FakePip, capsys):
    assert install_packages.main(["runtime"]) == 0
    first, last = capsys.readouterr().out.splitlines()
    assert first == (
        "Installing 1 package for building the site and what they need "
        "(versions pinned in pyproject.toml): no-such-package-for-tests"
    )
    assert re.fullmatch(r"Installed the runtime packages in \d+ s\.", last)
    # All pins of the group go to pip, with its own progress (no --quiet)
    [command] = pip.calls
    assert command[1:4] == ["-m", "pip", "install"]
    assert command[-2:] == [INSTALLED_PIN, MISSING_PIN]
    assert "--quiet" not in command and "-q" not in command


def test_a_failing_pip_is_reported(pip: FakePip, capsys):
    pip.exit = 1
    assert install_packages.main(["runtime"]) == 1
    assert capsys.readouterr().err == (
        "install_packages.py: pip failed (exit 1) installing the runtime packages; "
        "its messages are above\n"
    )


def test_building_needs_none_of_the_test_packages():
    """No runtime package depends, even indirectly, on a package of the test group."""
    from packaging.requirements import Requirement

    def name(requirement: Requirement) -> str:
        return install_packages.normalise(requirement.name)

    test_only = {name(Requirement(r)) for r in install_packages.requirements("test")}
    seen: set[str] = set()
    todo = [name(Requirement(r)) for r in install_packages.requirements("runtime")]
    while todo:
        package = todo.pop()
        if package in seen:
            continue
        seen.add(package)
        for text in importlib.metadata.requires(package) or []:
            requirement = Requirement(text)
            # Only what this Python installs without extras
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(name(requirement))
    assert "mkdocs-material" in seen and "pyyaml" in seen
    assert not seen & test_only


# -----------------------------------------------------------------------------
# The Makefile's stamps: what `make site` and `make test` would do
# -----------------------------------------------------------------------------


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """The Makefile and pyproject.toml beside an existing (fake) .venv."""
    for name in ("Makefile", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, tmp_path / name)
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    python.chmod(0o755)
    return tmp_path


def dry_run(folder: Path, target: str) -> list[str]:
    """The commands `make target` would run in `folder`."""
    result = subprocess.run(
        ["make", "-n", target],
        cwd=folder,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1600732800"},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return result.stdout.splitlines()


def installs(commands: list[str]) -> list[str]:
    return [m.group(1) for c in commands if (m := re.search(r"install_packages\.py (\w+)", c))]


def stamp(folder: Path, name: str, age: int) -> None:
    """Touch .venv/.installed-<name>, `age` seconds older than pyproject.toml."""
    path = folder / ".venv" / f".installed-{name}"
    path.touch()
    when = (folder / "pyproject.toml").stat().st_mtime - age
    os.utime(path, (when, when))


def test_make_site_installs_only_the_runtime_group(scratch: Path):
    assert installs(dry_run(scratch, "site")) == ["runtime"]


def test_make_test_after_make_site_adds_only_the_test_group(scratch: Path):
    stamp(scratch, "runtime", -10)  # newer than pyproject.toml
    assert installs(dry_run(scratch, "test")) == ["test"]
    assert installs(dry_run(scratch, "site")) == []


def test_make_site_after_make_test_installs_nothing(scratch: Path):
    stamp(scratch, "runtime", -5)
    stamp(scratch, "test", -10)  # made after the runtime one
    assert installs(dry_run(scratch, "site")) == []
    assert installs(dry_run(scratch, "test")) == []


def test_a_changed_pyproject_checks_each_group_again_without_a_new_venv(scratch: Path):
    stamp(scratch, "runtime", 20)  # older than pyproject.toml
    stamp(scratch, "test", 10)
    commands = dry_run(scratch, "test")
    assert installs(commands) == ["runtime", "test"]
    assert not [c for c in commands if "-m venv" in c]


def test_a_fresh_clone_says_it_creates_the_environment(scratch: Path):
    shutil.rmtree(scratch / ".venv")
    commands = dry_run(scratch, "site")
    [say] = [c for c in commands if c.startswith("echo ") and "Creating the Python" in c]
    assert commands.index(say) < next(i for i, c in enumerate(commands) if "-m venv" in c)
    assert installs(commands) == ["runtime"]


def test_an_old_python_is_refused_before_any_venv_is_made(scratch: Path):
    shutil.rmtree(scratch / ".venv")
    old_python = scratch / "python3.10"
    old_python.write_text('#!/bin/sh\n[ "$1" = -c ] && exit 1\necho Python 3.10.12\n', "utf-8")
    old_python.chmod(0o755)
    result = subprocess.run(
        ["make", "site", f"PYTHON={old_python}", "SOURCE_DATE_EPOCH=1600732800"],
        cwd=scratch,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        f"make: this project needs Python 3.11 or newer as '{old_python}'; "
        "run make PYTHON=python3.12 (or another)"
    )
    assert not (scratch / ".venv").exists()


# -----------------------------------------------------------------------------
# tools/install-chromium.sh with fake system programs
# -----------------------------------------------------------------------------


def fake(bin_dir: Path, name: str, script: str) -> None:
    path = bin_dir / name
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(0o755)


def link(bin_dir: Path, name: str) -> None:
    (bin_dir / name).symlink_to(shutil.which(name))


@pytest.fixture
def system(tmp_path: Path) -> Path:
    """A PATH of its own: `env`, a fake `apt-get` that logs its calls, no chromium."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    link(bin_dir, "env")
    log = tmp_path / "apt.log"
    fake(
        bin_dir,
        "apt-get",
        f'echo "apt-get $*" >> {log}\n'
        f'echo "DEBIAN_FRONTEND=$DEBIAN_FRONTEND" >> {log}\n'
        'echo "apt-get output"\n'
        # `touch apt-fails-update` makes `apt-get update` fail, and so on
        f'[ ! -e "{tmp_path}/apt-fails-$1" ] || exit 100\n'
        f'if [ "$1" = install ] && [ ! -e {tmp_path}/no-chromium ]; then\n'
        f'  echo "#!/bin/sh" > {bin_dir}/chromium; /bin/chmod 755 {bin_dir}/chromium\n'
        "fi\n",
    )
    return bin_dir


def user(bin_dir: Path, uid: int) -> None:
    fake(bin_dir, "id", f"echo {uid}\n")


def install(bin_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BASH, str(INSTALLER)],
        env={"PATH": str(bin_dir), "HOME": str(bin_dir.parent)},
        stdin=subprocess.DEVNULL,  # as in CI: no terminal
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def apt_calls(bin_dir: Path) -> list[str]:
    log = bin_dir.parent / "apt.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def one_line(text: str) -> str:
    assert text.endswith("\n") and text.count("\n") == 1, text
    return text.strip()


def test_without_apt_get_it_says_what_to_install_by_hand(tmp_path: Path):
    empty = tmp_path / "bin"
    empty.mkdir()
    result = install(empty)
    assert result.returncode == 1
    assert result.stdout == ""
    message = one_line(result.stderr)
    assert message.startswith("install-chromium.sh: ")
    assert "no apt-get" in message
    assert "chromium fonts-dejavu-core" in message
    assert "make test" in message


def test_as_root_it_says_what_it_installs_then_asks_apt_for_the_fewest_packages(system: Path):
    user(system, 0)
    result = install(system)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Installing Debian's Chromium")
    assert "chromium fonts-dejavu-core" in lines[0]
    assert lines[1] == "apt-get output"  # apt was asked only after the announcement
    assert lines[-1] == f"Installed Chromium: {system / 'chromium'}"
    assert apt_calls(system) == [
        "apt-get update -q",
        "DEBIAN_FRONTEND=noninteractive",
        "apt-get install -y -q --no-install-recommends " + " ".join(PACKAGES),
        "DEBIAN_FRONTEND=noninteractive",
    ]


def test_nothing_happens_when_chromium_is_there(system: Path):
    user(system, 0)
    fake(system, "chromium", "exit 0\n")
    result = install(system)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert apt_calls(system) == []


@pytest.mark.parametrize(
    ("step", "by_hand"),
    [
        (
            "update",
            "apt-get update && apt-get install --no-install-recommends " + " ".join(PACKAGES),
        ),
        ("install", "apt-get install --no-install-recommends " + " ".join(PACKAGES)),
    ],
)
def test_a_failing_apt_get_names_the_command_to_run_by_hand(system: Path, step, by_hand):
    user(system, 0)
    (system.parent / f"apt-fails-{step}").touch()
    result = install(system)
    assert result.returncode == 1
    message = one_line(result.stderr)
    assert message.endswith(f"(its messages are above); as root, run: {by_hand}")
    assert apt_calls(system)[-2].startswith(f"apt-get {step} ")


def test_apt_get_without_a_chromium_on_path_afterwards_is_an_error(system: Path):
    user(system, 0)
    (system.parent / "no-chromium").touch()
    result = install(system)
    assert result.returncode == 1
    assert "still no 'chromium' on PATH" in one_line(result.stderr)


def test_a_user_without_sudo_is_told_what_root_must_run(system: Path):
    user(system, 1000)
    result = install(system)
    assert result.returncode == 1
    message = one_line(result.stderr)
    assert "needs root and there is no sudo" in message
    assert message.endswith("apt-get install --no-install-recommends chromium fonts-dejavu-core")
    assert apt_calls(system) == []


def test_sudo_that_wants_a_password_without_a_terminal_stops_before_apt(system: Path):
    user(system, 1000)
    fake(system, "sudo", 'echo "sudo $*" >> "$0.log"\nexit 1\n')
    result = install(system)
    assert result.returncode == 1
    message = one_line(result.stderr)
    assert "sudo wants a password" in message
    assert message.endswith(
        "run: sudo apt-get install --no-install-recommends chromium fonts-dejavu-core"
    )
    assert apt_calls(system) == []
    assert (system / "sudo.log").read_text(encoding="utf-8") == "sudo -n true\n"


def test_sudo_without_a_password_installs_through_sudo(system: Path):
    user(system, 1000)
    fake(
        system,
        "sudo",
        'echo "sudo $*" >> "$0.log"\n[ "$*" != "-n true" ] || exit 0\nshift\nexec "$@"\n',
    )
    result = install(system)
    assert result.returncode == 0, result.stderr
    assert (system / "sudo.log").read_text(encoding="utf-8").splitlines() == [
        "sudo -n true",
        "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -q",
        "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "
        "--no-install-recommends chromium fonts-dejavu-core",
    ]


# -----------------------------------------------------------------------------
# `make serve` on a taken port (tools/serve.py)
# -----------------------------------------------------------------------------


@pytest.fixture
def taken_port():
    """A port on 127.0.0.1 that another program listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def run_serve(args: list[str], cwd: Path, code: str = "") -> subprocess.CompletedProcess:
    """tools/serve.py ARGS in `cwd` (after running `code` in its module, if given)."""
    program = (
        f"import sys; sys.path.insert(0, {str(ROOT / 'tools')!r}); import serve\n"
        f"{code}\nsys.exit(serve.main({args!r}))"
    )
    return subprocess.run(
        [sys.executable, "-c", program],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(cwd / "hooks")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_taken_port_is_one_line_saying_how_to_choose_another(taken_port: int):
    result = run_serve(["--port", str(taken_port)], ROOT)
    assert result.returncode == 1
    assert result.stdout == ""
    message = one_line(result.stderr)
    assert message.startswith(f"make serve: port {taken_port} on 127.0.0.1 is already in use")
    suggested = int(re.search(r"make serve PORT=(\d+)$", message).group(1))
    assert suggested > taken_port
    assert serve.port_problem("127.0.0.1", suggested) is None


def test_a_port_taken_during_the_first_build_is_one_line_too(project: Path, taken_port: int):
    # The port looks free when checked, then MkDocs itself fails to bind it
    # after its first build: the same message, not an OSError traceback.
    result = run_serve(
        ["--port", str(taken_port)], project, code="serve.port_problem = lambda *args: None"
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"make serve: port {taken_port} on 127.0.0.1 is already in use")
    assert "Documentation built" in result.stderr  # it did get as far as the build


def test_a_port_out_of_range_is_refused():
    result = run_serve(["--port", "70000"], ROOT)
    assert result.returncode == 2
    assert one_line(result.stderr) == (
        "make serve: PORT must be a number from 1 to 65535, found 70000"
    )


def test_a_forbidden_port_is_explained():
    message = serve.explain(OSError(errno.EACCES, "Permission denied"), "127.0.0.1", 80)
    assert message.startswith("make serve: not allowed to listen on port 80")
    assert "make serve PORT=" in message

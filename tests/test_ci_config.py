"""The CI/Pages workflows and the pre-commit configuration say what we rely on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    # YAML 1.1 reads the key `on` as true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(job: dict) -> list[dict]:
    return job["steps"]


def uses(job: dict, action: str) -> list[dict]:
    return [s for s in steps(job) if s.get("uses", "").split("@")[0] == action]


def runs(job: dict) -> list[str]:
    return [s["run"] for s in steps(job) if "run" in s]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"(?m)^([a-z][a-z-]*):", text))


@pytest.fixture(scope="module")
def pull_request() -> dict:
    return load(WORKFLOWS / "pull-request.yml")


@pytest.fixture(scope="module")
def pages() -> dict:
    return load(WORKFLOWS / "pages.yml")


def test_every_workflow_parses_and_pins_its_actions():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["pages.yml", "pull-request.yml"]
    for file in files:
        workflow = load(file)
        assert {"name", "on", "jobs", "permissions"} <= set(workflow), file.name
        for job in workflow["jobs"].values():
            assert "runs-on" in job
            for step in steps(job):
                assert "uses" in step or "run" in step, step
                if "uses" in step:
                    assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]
                for command in re.findall(r"\bmake (\w[\w-]*)", step.get("run", "")):
                    assert command in make_targets(), command


def test_pull_requests_are_checked_tested_and_previewed(pull_request: dict):
    assert "pull_request" in pull_request["on"]
    # Never the pull_request_target trigger: the build runs the PR's hook code.
    assert "pull_request_target" not in pull_request["on"]
    assert pull_request["permissions"] == {"contents": "read"}
    [job] = pull_request["jobs"].values()
    commands = runs(job)
    assert commands == ["make check", "make test", "make site"]
    # The tests run even when the check failed, so both are reported.
    test_step = next(s for s in steps(job) if s.get("run") == "make test")
    assert test_step["if"] == "${{ !cancelled() }}"
    build = next(s for s in steps(job) if s.get("run") == "make site")
    assert build["env"]["SITE_DRAFTS"] == "show"
    [upload] = uses(job, "actions/upload-artifact")
    assert upload["with"]["path"] == "site/"
    assert steps(job).index(upload) > steps(job).index(build)
    assert uses(job, "actions/checkout") and steps(job)[0]["uses"].startswith("actions/checkout@")


def test_main_is_built_and_deployed_to_pages(pages: dict):
    assert pages["on"]["push"]["branches"] == ["main"]
    assert pages["permissions"]["pages"] == "write"
    assert pages["permissions"]["id-token"] == "write"
    assert pages["concurrency"]["cancel-in-progress"] is False
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]

    [configure] = uses(build, "actions/configure-pages")
    site = next(s for s in steps(build) if s.get("run") == "make site")
    assert "make check" in runs(build)
    assert runs(build).index("make check") < runs(build).index("make site")
    # The site's address comes from configure-pages; mkdocs.yml reads SITE_URL.
    assert site["env"]["SITE_URL"] == "${{ steps." + configure["id"] + ".outputs.base_url }}/"
    # The public build keeps drafts out of search engines.
    assert site["env"]["SITE_DRAFTS"] == "noindex"
    [artifact] = uses(build, "actions/upload-pages-artifact")
    assert artifact["with"]["path"] == "site/"
    order = [steps(build).index(s) for s in (configure, site, artifact)]
    assert order == sorted(order)

    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    [deployment] = uses(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == (
        "${{ steps." + deployment["id"] + ".outputs.page_url }}"
    )


def test_mkdocs_reads_the_variables_the_workflows_set():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: !ENV [SITE_URL, ""]' in text
    assert "drafts: !ENV [SITE_DRAFTS, show]" in text


def test_pre_commit_checks_staged_content_and_runs_ruff():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    assert repo["repo"] == "local"
    hooks = {hook["id"]: hook for hook in repo["hooks"]}
    check = hooks["content-check"]
    assert check["language"] == "system"
    assert check["entry"].split()[0] == "make" and check["entry"].split()[-1] == "check"
    # The whole project is checked (studies refer to data files).
    assert check["pass_filenames"] is False
    pattern = re.compile(check["files"])
    for path in (
        "studies/korea/index.md",
        "studies/korea/references.bib",
        "data/countries.yml",
        "docs/about.md",
        "docs/news/posts/launch.md",
        "mkdocs.yml",
    ):
        assert pattern.search(path), path
    for path in ("hooks/ssesite/site/views.py", "tests/docs/x.md", "overrides/mkdocs.yml.bak"):
        assert not pattern.search(path), path
    for id in ("ruff-check", "ruff-format"):
        assert hooks[id]["language"] == "system"
        assert hooks[id]["entry"].startswith(".venv/bin/ruff ")
        assert hooks[id]["types"] == ["python"]


def test_ci_runs_make_test_which_installs_what_the_tests_need(tmp_path: Path):
    """`.ci/run` on a clean clone: `make test` installs everything from the project's files."""
    from test_setup_tools import dry_run

    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script
    assert re.search(r"(?m)^make test\b", script)
    # A clean clone: no .venv, no node_modules
    for name in ("Makefile", "pyproject.toml", "package.json", "package-lock.json"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    commands = dry_run(tmp_path, "test")
    steps = [
        "-m venv .venv",
        "tools/install_packages.py runtime",
        "tools/install_packages.py test",
        "tools/install-chromium.sh",
        "npm ci",
        "-m pytest",
    ]
    found = [next(i for i, c in enumerate(commands) if step in c) for step in steps]
    assert found == sorted(found), commands
    # Each slow step says what it does before it starts
    for step in ("-m venv .venv", "npm ci"):
        index = next(i for i, c in enumerate(commands) if step in c)
        assert commands[index - 1].startswith("echo "), commands[index - 1]

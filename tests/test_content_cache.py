"""The content cache: read back while unchanged, never stale, never planted, never required."""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import pickle
import time
from pathlib import Path

import pytest
from conftest import build_site, copy_project


def domain(name: str):
    # Builds in this test process import the domain package afresh
    # (hooks/pipeline.py); pickling needs the classes now in sys.modules.
    return importlib.import_module(f"ssesite.{name}")


def load_project(root: Path):
    return domain("site.project").load_project(root)


def entries(root: Path) -> list[Path]:
    folder = domain("site.contentcache").cache_folder(root.resolve())
    cache = domain("site.contentcache")
    return sorted(folder.glob(f"{cache.PREFIX}*{cache.SUFFIX}")) if folder else []


def current_key(root: Path) -> str:
    return domain("site.contentcache").ContentCache(root.resolve()).key()


class Planted:
    """Unpickling this creates `marker`: proof that a file was deserialised into code."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.fixture
def no_parsing(monkeypatch):
    """Make loading from the sources fail: only the cache can answer."""

    def refuse(layout):
        raise AssertionError("the content was parsed again")

    def apply():
        monkeypatch.setattr(domain("site.project"), "load_content", refuse)

    return apply


def test_unchanged_content_is_read_back(project: Path, no_parsing):
    first = load_project(project)
    assert len(entries(project)) == 1
    no_parsing()
    second = load_project(project)
    assert [s.slug for s in second.studies] == [s.slug for s in first.studies]
    assert second.citations.entries.keys() == first.citations.entries.keys()
    assert [t.id for t in second.glossary.terms] == [t.id for t in first.glossary.terms]
    assert not second.problems


def test_the_cache_is_outside_the_checkout(project: Path):
    load_project(project)
    [entry] = entries(project)
    assert not entry.resolve().is_relative_to(project.resolve())
    assert not (project / ".cache").exists()


def test_check_and_build_store_the_same_entry(project: Path, tmp_path: Path, no_parsing):
    # The citation labels are worked out before storing, whoever stores
    check = domain("cli.check")
    with contextlib.redirect_stdout(io.StringIO()):
        assert check.main([str(project)]) == 0
    [entry] = entries(project)
    after_check = entry.read_bytes()
    cached = load_project(project).citations
    assert cached._labels and cached._anchors
    assert cached.labels["ilo:R193"] == "ILO 2002"

    entry.unlink()
    build_site(project, tmp_path / "build-only")
    [entry] = entries(project)
    assert entry.read_bytes()[32:] == after_check[32:]  # the payload, after the HMAC

    # A build served by the entry `make check` stored is the same site
    entry.write_bytes(after_check)
    no_parsing()
    site = build_site(project, tmp_path / "after-check")
    assert_same_files(tmp_path / "build-only", site)


@pytest.mark.parametrize(
    "changed",
    [
        "studies/korea/index.md",
        "studies/japan/references.bib",
        "data/glossary.yml",
        "docs/about.md",
    ],
)
def test_any_change_to_a_source_loads_it_again(project: Path, changed: str):
    load_project(project)
    path = project / changed
    text = path.read_text(encoding="utf-8") + "\n"
    if changed.endswith("index.md"):
        text = text.replace("title: The social", "title: Changed, the social", 1)
    path.write_text(text, encoding="utf-8")
    reloaded = load_project(project)
    assert not reloaded.problems
    if changed.endswith("index.md"):
        korea = next(s for s in reloaded.studies if s.slug == "korea")
        assert korea.title.startswith("Changed, the social")
    # The entry for the old content is replaced, not kept beside it
    assert len(entries(project)) == 1


def test_a_new_file_is_a_change(project: Path):
    load_project(project)
    (project / "docs" / "new.md").write_text("# New\n\nA [co-op](term:cooperativ).\n")
    problems = [str(p) for p in load_project(project).problems.sorted()]
    assert any("found 'cooperativ'" in p for p in problems)


def test_a_library_version_change_misses(project: Path, monkeypatch, no_parsing):
    cache = domain("site.contentcache")
    load_project(project)
    before = current_key(project)
    installed = cache._installed_distributions()
    _version, metadata = installed["babel"]
    monkeypatch.setattr(
        cache, "_installed_distributions", lambda: {**installed, "babel": ("0.0.1", metadata)}
    )
    monkeypatch.setattr(cache, "_code_version_memo", [])
    assert current_key(project) != before
    no_parsing()
    with pytest.raises(AssertionError, match="parsed again"):
        load_project(project)


def test_the_libraries_in_the_key_are_the_runtime_dependencies_and_theirs():
    from importlib.metadata import version

    versions = domain("site.contentcache").library_versions()
    # pyproject.toml names these; babel comes with mkdocs-material, not from a hand list
    for name in ("langcodes", "babel", "tzdata", "pycountry", "icalendar", "pybtex", "pyyaml"):
        assert versions[name] == version(name), name
    assert "pytest" not in versions  # a test dependency decides nothing about content


def test_a_planted_entry_in_the_checkout_is_never_loaded(project: Path, monkeypatch):
    marker = project.parent / "planted-code-ran"
    payload = pickle.dumps(Planted(marker))
    # Where the cache used to be, under the right key
    old = project / ".cache" / "ssesite" / f"content-{current_key(project)}.pickle"
    old.parent.mkdir(parents=True)
    old.write_bytes(payload)
    # And a cache folder that points into the checkout, with a key file in it
    monkeypatch.setenv("XDG_CACHE_HOME", str(project / ".cache"))
    cache = domain("site.contentcache")
    assert cache.cache_folder(project.resolve()) is None
    app = project / ".cache" / cache.APP_FOLDER
    app.mkdir(parents=True)
    (app / cache.KEY_FILE).write_bytes(b"k" * 32)
    assert not load_project(project).problems
    assert not marker.exists()


def test_an_entry_not_written_with_the_users_key_is_never_unpickled(project: Path):
    cache = domain("site.contentcache")
    load_project(project)
    [entry] = entries(project)
    marker = project.parent / "forged-code-ran"
    forged = pickle.dumps(Planted(marker))
    for mac in (entry.read_bytes()[:32], b"\0" * 32):  # a stolen MAC, a made-up one
        entry.write_bytes(mac + forged)
        assert not load_project(project).problems
        assert not marker.exists()
        [entry] = entries(project)
        assert pickle.loads(entry.read_bytes()[32:]).__class__.__name__ == "Project"
    assert cache.ContentCache(project.resolve()).get(current_key(project)) is not None


def test_a_key_file_others_could_write_turns_the_cache_off(project: Path, no_parsing):
    cache = domain("site.contentcache")
    load_project(project)
    key_file = cache.cache_folder(project.resolve()).parent / cache.KEY_FILE
    assert key_file.stat().st_mode & 0o777 == 0o600
    os.chmod(key_file, 0o622)
    try:
        no_parsing()
        with pytest.raises(AssertionError, match="parsed again"):
            load_project(project)
    finally:
        os.chmod(key_file, 0o600)


def test_content_with_problems_is_read_back_with_its_problems(project: Path, no_parsing):
    path = project / "data" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: [\n", encoding="utf-8")
    problems = [str(p) for p in load_project(project).problems.sorted()]
    assert problems and len(entries(project)) == 1
    no_parsing()
    assert [str(p) for p in load_project(project).problems.sorted()] == problems


def test_a_damaged_entry_is_ignored_and_replaced(project: Path):
    load_project(project)
    [entry] = entries(project)
    entry.write_bytes(b"not a pickle")
    assert not load_project(project).problems
    [again] = entries(project)
    assert again.read_bytes() != b"not a pickle"


def test_the_cache_can_be_turned_off(project: Path, monkeypatch):
    monkeypatch.setenv("SSESITE_CACHE", "0")
    load_project(project)
    assert entries(project) == []


def test_settings_are_read_every_time(project: Path, monkeypatch):
    load_project(project)
    monkeypatch.setenv("SITE_DRAFTS", "nonsense")
    problems = [str(p) for p in load_project(project).problems.sorted()]
    assert any("extra.drafts" in p for p in problems), problems


def test_a_build_from_the_cache_is_byte_identical(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600732800")
    monkeypatch.setenv("SSESITE_CACHE", "0")
    cold = build_site(copy_project(tmp_path / "cold"), tmp_path / "cold-site")
    monkeypatch.setenv("SSESITE_CACHE", "1")
    warm_project = copy_project(tmp_path / "warm")
    build_site(warm_project, tmp_path / "first-site")
    assert entries(warm_project)
    warm = build_site(warm_project, tmp_path / "warm-site")
    assert_same_files(cold, warm)


def assert_same_files(one: Path, other: Path) -> None:
    one_files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    other_files = sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file())
    assert one_files == other_files
    assert [f for f in one_files if (one / f).read_bytes() != (other / f).read_bytes()] == []


def test_folders_no_build_used_for_30_days_are_removed(project: Path):
    cache = domain("site.contentcache")
    app = cache.cache_folder(project.resolve()).parent
    app.mkdir(parents=True, exist_ok=True)
    day = 24 * 3600
    folders = {}
    for name, age in (("a" * 32, 40), ("b" * 32, 5), ("not-a-project-folder", 40)):
        folders[name] = app / name
        (folders[name] / "content-x.pickle").parent.mkdir(exist_ok=True)
        (folders[name] / "content-x.pickle").write_bytes(b"x")
        then = time.time() - age * day
        os.utime(folders[name], (then, then))
    load_project(project)  # writes this project's entry
    assert not folders["a" * 32].exists()  # unused for 40 days: a checkout gone
    assert folders["b" * 32].exists()  # used 5 days ago
    assert folders["not-a-project-folder"].exists()  # not the cache's: left alone
    assert entries(project)


def test_reading_an_entry_marks_the_folder_used(project: Path):
    load_project(project)
    folder = entries(project)[0].parent
    then = time.time() - 40 * 24 * 3600
    os.utime(folder, (then, then))
    load_project(project)  # read back, nothing written
    assert time.time() - folder.stat().st_mtime < 3600

"""The build's one explicit pipeline: `hooks/pipeline.py` over `ssesite.site.pipeline`.

- mkdocs.yml lists one hook, and it is the only hook file;
- its handlers appear in the order MkDocs calls them (recorded from a real
  build of a small site, not written down here);
- a priority is set only where the search plugin's order demands it;
- the steps are plain domain code: `Build` works without MkDocs.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_site

HOOK = ROOT / "hooks" / "pipeline.py"


def handlers_in_source_order(path: Path) -> list[str]:
    """Event names of the `on_*` handlers, functions or `CombinedEvent`s, in source order."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return [name[3:] for name in names if name.startswith("on_")]


def load_hook():
    spec = importlib.util.spec_from_file_location("pipeline_hook_under_test", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Loader(yaml.SafeLoader):
    pass


# mkdocs.yml uses Material's and pyyaml_env_tag's tags; only `hooks:` is read here.
_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def test_mkdocs_yml_lists_one_hook_and_it_is_the_only_hook_file():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert config["hooks"] == ["hooks/pipeline.py"]
    assert sorted(p.name for p in (ROOT / "hooks").glob("*.py")) == ["pipeline.py"]


def test_handlers_appear_in_the_order_mkdocs_calls_them(tmp_path: Path):
    # A small site whose hook records every event it gets, in order.
    events = handlers_in_source_order(HOOK)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nText.\n", encoding="utf-8")
    (tmp_path / "docs" / "other.md").write_text("# Other\n", encoding="utf-8")
    log = tmp_path / "calls.txt"
    recorder = [
        *(
            f"def on_{event}(*args, **kwargs):\n"
            f"    with open({str(log)!r}, 'a') as log:\n"
            f"        log.write({event!r} + '\\n')\n"
            f"    return args[0] if args else None"
            for event in events
            if event != "build_error"
        ),
    ]
    (tmp_path / "recorder.py").write_text("\n".join(recorder) + "\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Order\nhooks:\n  - recorder.py\n", encoding="utf-8"
    )
    build_site(tmp_path)
    calls = log.read_text(encoding="utf-8").split()
    first_calls = list(dict.fromkeys(calls))
    assert first_calls == [e for e in events if e != "build_error"]
    # Per-page events run once per page, the others once per build.
    assert calls.count("page_markdown") == calls.count("page_context") == 2
    assert calls.count("config") == calls.count("env") == 1


def test_a_priority_only_where_the_search_plugin_demands_it():
    from mkdocs.plugins import CombinedEvent

    hook = load_hook()
    priorities = {}
    for name in (n for n in dir(hook) if n.startswith("on_")):
        handler = getattr(hook, name)
        methods = handler.methods if isinstance(handler, CombinedEvent) else (handler,)
        found = [m.mkdocs_priority for m in methods if hasattr(m, "mkdocs_priority")]
        if found:
            priorities[name] = found
    # Material's search plugin indexes a page in on_page_context at priority
    # 0: the words are separated before it, what is not searched is added after.
    assert list(priorities) == ["on_page_context"]
    before, after = priorities["on_page_context"]
    assert before > 0 > after


def test_the_steps_run_without_mkdocs(project: Path, monkeypatch):
    """`Build` loads, checks and starts a build's work with no MkDocs object."""
    import importlib

    pipeline = importlib.import_module("ssesite.site.pipeline")
    build = pipeline.Build.load(project, environ={"SSESITE_WORKERS": "0"})
    build.check()
    build.apply_drafts()
    build.citation_extension()
    build.start_generated("Site", "https://example.org/")
    generated = build.take_generated()
    made = [item.uri for item in generated if item.recipe]
    assert "glossary.md" in made and "bibliography.md" in made
    assert sorted(build.making) == sorted(made)
    # Every made file gets its content exactly once.
    content = build.content("glossary.md")
    assert isinstance(content, str) and "<!-- ssesite:glossary-used-in" in content
    assert build.content("glossary.md") is None
    rest = dict(build.remaining_content())
    assert "glossary.md" not in rest and len(rest) == len(made) - 1
    assert build.making == {}
    build.close()


def test_a_wrong_worker_count_stops_the_build_with_the_pools_message(project: Path):
    import importlib

    pipeline = importlib.import_module("ssesite.site.pipeline")
    background = importlib.import_module("ssesite.core.background")
    with pytest.raises(ValueError) as expected:
        background.worker_count({"SSESITE_WORKERS": "many"})
    with pytest.raises(pipeline.BuildError) as error:
        pipeline.Build.load(project, environ={"SSESITE_WORKERS": "many"})
    assert str(error.value) == str(expected.value)

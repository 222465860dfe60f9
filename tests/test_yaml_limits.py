"""YAML read as untrusted input: bounded, each node once, merge keys allowed.

The refusals with their messages are in tests/bad_inputs/limits.yml and
encoding.yml; these check the behaviour around them.
"""

from __future__ import annotations

import time

import pytest
from ssesite.core import reading
from ssesite.core.problems import Problems
from ssesite.core.yamlsource import MAX_ALIAS_VALUES, MAX_DEPTH, load_yaml


def bomb(levels: int, width: int = 9) -> str:
    lines = [f"l0: &a0 [{', '.join(['x'] * width)}]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def test_merge_keys_are_valid_yaml_not_fields_given_twice():
    text = (
        "base: &base {city: Seoul, country: Republic of Korea}\n"
        "venue:\n  <<: *base\n  city: Busan\n"
    )
    problems = Problems()
    located = load_yaml(text, "data/x.yml", problems)
    assert problems.sorted() == []
    assert located.data["venue"] == {"city": "Busan", "country": "Republic of Korea"}
    assert located.line(("venue", "city")) == 4


def test_aliases_that_repeat_a_few_values_are_fine_and_keep_their_lines():
    text = "people: &people [a, b]\nchairs: *people\nspeakers: *people\n"
    problems = Problems()
    located = load_yaml(text, "data/x.yml", problems)
    assert problems.sorted() == []
    assert located.data["speakers"] == ["a", "b"]
    assert located.line(("speakers",)) == 3


@pytest.mark.parametrize("levels", [6, 12, 30])
def test_an_alias_bomb_is_refused_at_once_however_deep(levels):
    started = time.monotonic()
    problems = Problems()
    assert load_yaml(bomb(levels), "data/x.yml", problems) is None
    assert time.monotonic() - started < 1
    (problem,) = problems.sorted()
    assert f"at most {MAX_ALIAS_VALUES:,} values" in problem.message


def test_just_under_the_alias_limit_loads():
    # 9 x 10 + 9 x 91 + 9 x 820 = 8,289 values repeated by aliases
    problems = Problems()
    assert load_yaml(bomb(4), "data/x.yml", problems) is not None
    assert problems.sorted() == []


@pytest.mark.parametrize(
    "text",
    ["k: " + "[" * 5000 + "]" * 5000 + "\n", "".join("  " * i + f"k{i}:\n" for i in range(400))],
)
def test_nesting_deeper_than_the_limit_is_refused_without_recursion(text):
    problems = Problems()
    assert load_yaml(text, "data/x.yml", problems) is None
    (problem,) = problems.sorted()
    assert problem.message.startswith(
        f"the YAML cannot be read: expected values nested at most {MAX_DEPTH} levels deep"
    )


def test_one_search_refuses_exactly_what_the_two_patterns_refuse():
    # `text_problem` searches once for either; which one it was is told after
    for code in range(0x10000):
        char = chr(code)
        either = bool(reading.CONTROL.search(char) or reading.SURROGATE.search(char))
        assert bool(reading.REFUSED.search(char)) == either, hex(code)

"""Generate clearly synthetic corpora in the project's real formats, for `make bench`.

A corpus is a full copy of the project (configuration, hooks, templates, data,
hand-written pages) whose studies are replaced by N generated ones. Every
generated text says it is synthetic benchmark data; none of it is ever
published on the site. Output is deterministic for a given N.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

import pycountry
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

# Words for filler text: neutral, clearly not findings.
WORDS = (
    "synthetic benchmark text sample paragraph placeholder measure build speed page "
    "content section table figure example generated filler words sentence data value "
    "study country framework organisation network member policy programme report"
).split()

COPY = ("mkdocs.yml", "pyproject.toml", "docs", "hooks", "overrides", "data")


TERMS = 2000
SESSIONS = 500
ROOMS = 25
CITATIONS_PER_STUDY = 10
TERMS_PER_STUDY = 12


def generate(out: Path, studies: int, seed: int = 2020) -> Path:
    """Write a corpus with `studies` synthetic studies into `out` (replaced).

    Beside the studies: a shared bibliography grown by 10 x N synthetic
    entries, 2,000 synthetic glossary terms and 500 synthetic sessions, all
    added to the real data so that the real pages still build.
    """
    if out.exists():
        shutil.rmtree(out)
    copy_project(out, COPY)
    rng = random.Random(seed)
    add_bibliography(out / "data" / "references.bib", 10 * studies)
    add_glossary(out / "data" / "glossary.yml", TERMS)
    add_sessions(out / "data" / "programme.yml", SESSIONS)
    known = yaml.safe_load((ROOT / "data" / "countries.yml").read_text(encoding="utf-8"))
    subregions = [s["id"] for s in known["subregions"]]
    codes = sorted(c.alpha_2 for c in pycountry.countries)
    for index in range(studies):
        code = codes[index % len(codes)]
        phase = index // len(codes) + 1
        subregion = (
            known["countries"].get(code, {}).get("subregion") or subregions[index % len(subregions)]
        )
        slug = f"synthetic-{index + 1:04d}"
        folder = out / "studies" / slug
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(
            study_text(index + 1, code, subregion, phase, rng, 10 * studies), encoding="utf-8"
        )
    return out


def copy_project(out: Path, parts: tuple[str, ...]) -> Path:
    """Copy these parts of the project (files or folders) into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, out / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, out / part)
    return out


def study_text(
    number: int, code: str, subregion: str, phase: int, rng: random.Random, references: int
) -> str:
    front = {
        "title": f"Synthetic benchmark study {number:04d} (not real data)",
        "country": code,
        "subregion": subregion,
        "authors": [
            {"name": f"Synthetic Author {number:04d}", "affiliation": "Benchmark generator"}
        ],
        "status": rng.choice(["draft", "review", "final"]),
        "written": "2020-05-08",
        "revised": "2020-08-21",
        "summary": f"Generated text for benchmark study {number:04d}; it describes nothing real.",
        "languages": ["en"],
        "keywords": ["synthetic", "benchmark"],
        "phase": phase,
        "framework": {
            "instruments": [
                {
                    "id": f"synthetic-law-{k}",
                    "title": f"Synthetic instrument {k} of study {number:04d}",
                    "year": 1990 + (number + k) % 30,
                    "kind": "law",
                    "status": "in-force",
                    "checked": "2020-08-21",
                    "source": f"synthetic:{k:05d}",
                }
                for k in range(1, 4)
            ],
            "entities": [
                {
                    "type": kind,
                    "form": f"Synthetic {kind} form",
                    "recognition": "entity-law",
                    "basis": "synthetic-law-1",
                }
                for kind in ("cooperative", "association", "social-enterprise")
            ],
            "institutions": [{"name": f"Synthetic agency {number:04d}", "role": "support-agency"}],
            "ecosystem": [{"element": "finance", "note": "Synthetic note."}],
        },
    }
    paragraphs = [paragraph(rng) for _ in range(30)]
    # About ten citations and a dozen glossary terms per study, spread out
    for _ in range(CITATIONS_PER_STUDY):
        key = f"synthetic:{rng.randrange(references) + 1:05d}"
        paragraphs[rng.randrange(30)] += f" A synthetic claim [@{key}]."
    for _ in range(TERMS_PER_STUDY):
        paragraphs[rng.randrange(30)] += f" It mentions {term_name(rng.randrange(TERMS) + 1)}."
    sections = []
    for part, heading in enumerate(
        ("Organisational landscape", "Policy challenges", "Preliminary pathways")
    ):
        sections.append(f"## {heading}\n\n" + "\n\n".join(paragraphs[part * 10 : part * 10 + 10]))
    body = "\n\n".join(sections)
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    return f"---\n{header}---\n\n{body}\n"


def paragraph(rng: random.Random, words: int = 100) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def term_name(number: int) -> str:
    """A made-up two-word term, e.g. 'zq0017 concept' (no real word starts it)."""
    return f"zq{number:04d} concept"


def add_bibliography(path: Path, count: int) -> None:
    entries = [
        f"@misc{{synthetic:{n:05d},\n  author = {{Synthetic Author {n}}},\n"
        f"  title = {{Synthetic benchmark reference {n} (not a real source)}},\n"
        f"  year = {{{1990 + n % 30}}},\n  url = {{https://example.org/synthetic/{n}}},\n}}\n"
        for n in range(1, count + 1)
    ]
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n% Synthetic benchmark entries\n" + "\n".join(entries))


def add_glossary(path: Path, count: int) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    category = data["categories"][0]["id"]
    for n in range(1, count + 1):
        data["terms"].append(
            {
                "id": f"benchmark-concept-{n:04d}",
                "term": term_name(n),
                "plurals": [],
                "category": category,
                "definition": f"Synthetic benchmark term {n}; it defines nothing real.",
                "source": {"url": f"https://example.org/synthetic/term/{n}"},
            }
        )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def add_sessions(path: Path, count: int) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    conference = data["conference"]
    days = -(-count // (ROOMS * 8))
    conference["end_date"] = conference["start_date"] + dt.timedelta(days=days - 1)
    conference["rooms"] = [
        {"id": f"room-{r:02d}", "name": f"Synthetic room {r}", "kind": "in-person"}
        for r in range(1, ROOMS + 1)
    ]
    data["people"] += [
        {"id": f"synthetic-person-{n:04d}", "name": f"Synthetic Speaker {n}", "affiliation": "None"}
        for n in range(1, count + 1)
    ]
    for n in range(count):
        day, rest = divmod(n, ROOMS * 8)
        slot, room = divmod(rest, ROOMS)
        start = dt.datetime.combine(conference["start_date"], dt.time(9)) + dt.timedelta(
            days=day, hours=slot
        )
        data["sessions"].append(
            {
                "id": f"synthetic-{n + 1:04d}",
                "title": f"Synthetic benchmark session {n + 1}",
                "kind": "paper-session",
                "start": start.strftime("%Y-%m-%d %H:%M"),
                "end": (start + dt.timedelta(minutes=50)).strftime("%Y-%m-%d %H:%M"),
                "room": f"room-{room + 1:02d}",
                "talks": [
                    {
                        "title": f"Synthetic talk {n + 1}",
                        "speakers": [f"synthetic-person-{n + 1:04d}"],
                        "abstract": "Synthetic abstract; nothing real.",
                    }
                ],
            }
        )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    generate(target, count)
    print(f"Generated {count} synthetic studies in {target}.")

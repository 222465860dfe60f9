"""Generate clearly synthetic corpora in the project's real formats, for `make bench`.

A corpus is a full copy of the project (configuration, hooks, templates, data,
hand-written pages) whose studies are replaced by N generated ones. Every
generated text says it is synthetic benchmark data; none of it is ever
published on the site. Output is deterministic for a given N.
"""

from __future__ import annotations

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

COPY = ("mkdocs.yml", "docs", "hooks", "overrides", "data")


def generate(out: Path, studies: int, seed: int = 2020) -> Path:
    """Write a corpus with `studies` synthetic studies into `out` (replaced)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for part in COPY:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, out / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, out / part)
    rng = random.Random(seed)
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
            study_text(index + 1, code, subregion, phase, rng), encoding="utf-8"
        )
    return out


def study_text(number: int, code: str, subregion: str, phase: int, rng: random.Random) -> str:
    front = {
        "title": f"Synthetic benchmark study {number:04d} (not real data)",
        "country": code,
        "subregion": subregion,
        "authors": [
            {"name": f"Synthetic Author {number:04d}", "affiliation": "Benchmark generator"}
        ],
        "status": rng.choice(["draft", "review", "final"]),
        "first_draft": "2020-05-08",
        "last_revised": "2020-08-21",
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
    sections = []
    for heading in ("Organisational landscape", "Policy challenges", "Preliminary pathways"):
        paragraphs = [paragraph(rng) for _ in range(10)]
        sections.append(f"## {heading}\n\n" + "\n\n".join(paragraphs))
    body = "\n\n".join(sections)
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    return f"---\n{header}---\n\n{body}\n"


def paragraph(rng: random.Random, words: int = 100) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    generate(target, count)
    print(f"Generated {count} synthetic studies in {target}.")

"""Benchmark: the shipped guide built in one language, then in two (English and German), with each builder.

    python benchmarks/languages.py            # the median of 3 builds per row
    python benchmarks/languages.py --runs 5

For each builder and each set of languages, in a fresh process and a fresh project holding the
shipped content (its German translation in content/locale/de.po included): `leap build --engine
mkdocs|zensical` into an empty site, run several times; the table shows the median, and the last
lines the ratio of two languages to one, against the target of at most 2.2.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.run import CHILD, ENGINES, machine, timed

LANGUAGES = {"en": [], "en+de": ["de"]}


def project(work: Path, translations: list[str]) -> Path:
    """A project with the shipped content, published in its source language and ``translations``."""
    where = work / ("-".join(["en", *translations]))
    shutil.copytree(ROOT / "content", where / "content")
    guide = where / "content" / "guide.yaml"
    data = yaml.safe_load(guide.read_text(encoding="utf-8"))
    data["translations"] = translations
    guide.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (where / "docs").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    return where


def measure(where: Path, engine: str, runs: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    seconds, peaks = [], []
    for _ in range(runs):
        shutil.rmtree(where / "site", ignore_errors=True)
        elapsed, log = timed([sys.executable, "-c", CHILD, "mkdocs.yml", engine], where, env)
        seconds.append(elapsed)
        peaks.append(json.loads(log.strip().splitlines()[-1])["peak_mb"])
    pages = sum(1 for _ in (where / "site").rglob("index.html"))
    return {"pages": pages, "seconds": statistics.median(seconds), "peak_mb": max(peaks)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="builds per row (the median is shown)")
    runs = max(1, parser.parse_args().runs)
    print(machine())
    print(f"{'languages':>9} {'builder':>9} {'pages':>6} {'build s':>8} {'vs one':>7} {'peak MB':>8}")
    results: dict[tuple[str, str], dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as work:
        projects = {name: project(Path(work), extra) for name, extra in LANGUAGES.items()}
        for engine in ENGINES:
            for name, where in projects.items():
                r = results[name, engine] = measure(where, engine, runs)
                ratio = r["seconds"] / results["en", engine]["seconds"]
                print(
                    f"{name:>9} {engine:>9} {int(r['pages']):>6} {r['seconds']:>8.2f} {ratio:>6.2f}x {r['peak_mb']:>8.0f}",
                    flush=True,
                )
    for engine in ENGINES:
        ratio = results["en+de", engine]["seconds"] / results["en", engine]["seconds"]
        print(f"{engine}: two languages take {ratio:.2f}x one (target <= 2.2)")


if __name__ == "__main__":
    main()

"""Benchmark: `leap build` end to end at 1x, 10x and 100x the shipped guide, with each builder.

    python benchmarks/run.py            # 1x, 10x and 100x
    python benchmarks/run.py --quick    # 1x and 10x

Synthetic content is the shipped content copied N times: copy k of every item links to copy k of
its targets (so the shape and the relation density are the guide's), and its title says which
copy it is, in the source language only. For each size and builder, in a fresh process and a fresh project: `leap build
--engine mkdocs|zensical` into an empty site (generation, the builder, search index, data files:
all of it), with the peak memory of its largest process (for Zensical, its own process counts).
The table ends with the targets it is measured against:

    growth 100x/10x: G     how many times longer 100x takes than 10x (pages grow about 9.8x)
    peak at 100x: M MB     the largest process's peak memory
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.content.check import check

# Runs `leap build` in this child process, through the engine's own build(), and reports the peak
# memory of the largest process: this one, or a builder's it waited for.
CHILD = """
import json, resource, sys
from pathlib import Path
from generator.build import Options, build
try:
    build(Options(Path(sys.argv[1]), engine=sys.argv[2]))
finally:
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print(json.dumps({"peak_mb": peak / 1024}), file=sys.stderr)
"""
ENGINES = ("mkdocs", "zensical")


def machine() -> str:
    """The line that says what a table was measured on."""
    return (
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def synthesize(target: Path, copies: int) -> None:
    """``copies`` copies of the shipped items, ids suffixed per copy, relations kept within each copy."""
    framework = check(ROOT / "content").content.framework
    relations = {kind.folder: [r.field for r in framework.relations_of(kind.id)] for kind in framework.kinds}
    target.mkdir(parents=True)
    for name in ("framework.yaml", "guide.yaml", "programme.yaml"):
        if (ROOT / "content" / name).is_file():
            shutil.copy(ROOT / "content" / name, target / name)
    # One language: the copies have no translation (benchmarks/languages.py measures a second one).
    guide = yaml.safe_load((target / "guide.yaml").read_text(encoding="utf-8"))
    guide.pop("translations", None)
    (target / "guide.yaml").write_text(yaml.safe_dump(guide, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for folder, fields in relations.items():
        (target / folder).mkdir()
        for source in sorted((ROOT / "content" / folder).glob("*.yaml")):
            data = yaml.safe_load(source.read_text(encoding="utf-8"))
            for k in range(copies):
                item: dict[str, Any] = dict(data)
                if k:
                    item["title"] = f"{data['title']} ({k + 1})"
                    for field in fields:
                        item[field] = [f"{i}-{k}" for i in data.get(field, [])]
                name = f"{source.stem}-{k}.yaml" if k else source.name
                (target / folder / name).write_text(
                    yaml.safe_dump(item, allow_unicode=True, sort_keys=False), encoding="utf-8"
                )


class Failed(Exception):
    """A build that did not finish: what it printed last, and the peak memory it reached."""

    def __init__(self, log: str) -> None:
        lines = log.strip().splitlines()
        self.peak_mb = next((json.loads(line)["peak_mb"] for line in reversed(lines) if line.startswith("{")), 0.0)
        super().__init__(next((line for line in reversed(lines) if not line.startswith("{")), "no message"))


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """How long a command took, and what it printed on standard error; Failed if it failed."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise Failed(result.stderr)
    return elapsed, result.stderr


def measure(copies: int, work: Path, engine: str) -> dict[str, float]:
    project = work / f"x{copies}-{engine}"
    synthesize(project / "content", copies)
    (project / "docs").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    seconds, log = timed([sys.executable, "-c", CHILD, "mkdocs.yml", engine], project, env)
    peak = json.loads(log.strip().splitlines()[-1])["peak_mb"]
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    size_mb = sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file()) / 1e6
    shutil.rmtree(project)
    return {"pages": pages, "seconds": seconds, "peak_mb": peak, "site_mb": size_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only 1x and 10x")
    sizes = [1, 10] if parser.parse_args().quick else [1, 10, 100]
    print(machine())
    print(f"{'size':>5} {'builder':>9} {'pages':>6} {'build s':>8} {'vs 10x':>7} {'peak MB':>8} {'site MB':>8}")
    results: dict[tuple[int, str], dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as work:
        for copies in sizes:
            for engine in ENGINES:
                try:
                    r = results[copies, engine] = measure(copies, Path(work), engine)
                except Failed as failed:  # say so, and go on with the other builder
                    print(f"{copies:>4}x {engine:>9} failed, peak {failed.peak_mb:.0f} MB: {failed}", flush=True)
                    shutil.rmtree(Path(work) / f"x{copies}-{engine}", ignore_errors=True)
                    continue
                base = results.get((10, engine))
                growth = f"{r['seconds'] / base['seconds']:>6.1f}x" if base else f"{'':>7}"
                print(
                    f"{copies:>4}x {engine:>9} {int(r['pages']):>6} {r['seconds']:>8.2f} {growth} "
                    f"{r['peak_mb']:>8.0f} {r['site_mb']:>8.1f}",
                    flush=True,
                )
    if 100 in sizes:
        for engine in [e for e in ENGINES if (100, e) in results and (10, e) in results]:
            ratio = results[100, engine]["seconds"] / results[10, engine]["seconds"]
            print(
                f"{engine}: growth 100x/10x: {ratio:.1f} (target <= 10.5); peak at 100x: "
                f"{results[100, engine]['peak_mb']:.0f} MB (target <= 600)"
            )


if __name__ == "__main__":
    main()

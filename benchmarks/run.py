"""Benchmark: `leap build` end to end at 1x, 10x and 30x the shipped guide, against Zensical
building the same generated pages.

    python benchmarks/run.py            # 1x, 10x and 30x
    python benchmarks/run.py --quick    # 1x and 10x

Synthetic content is the shipped content copied N times: copy k of every item links to copy k of
its targets (so the shape and the relation density are the guide's), and its title says which
copy it is. For each size, each in a fresh process: `leap build` into an empty site (generation,
MkDocs and Material, search index, data files: all of it), its largest process's peak memory, and
then `zensical build` of the docs/ that `leap build` wrote (Zensical runs no MkDocs plugins, so
it builds the generated pages; its cache is cleared first). The table ends with two lines:

    growth leap 10x/1x: G          how many times longer 10x takes than 1x (pages grow about 7.7x)
    ratio leap/zensical at 10x: R  leap's time over Zensical's, on the same pages
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

# Runs `leap build` in this child process and reports the peak memory of its largest process.
CHILD = """
import json, resource, sys
from generator.cli import main
try:
    main(["build", "-f", sys.argv[1]], standalone_mode=False)
finally:
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print(json.dumps({"peak_mb": peak / 1024}), file=sys.stderr)
"""


def synthesize(target: Path, copies: int) -> None:
    """``copies`` copies of the shipped items, ids suffixed per copy, relations kept within each copy."""
    framework = check(ROOT / "content").content.framework
    relations = {kind.folder: [r.field for r in framework.relations_of(kind.id)] for kind in framework.kinds}
    target.mkdir(parents=True)
    for name in ("framework.yaml", "guide.yaml", "programme.yaml"):
        if (ROOT / "content" / name).is_file():
            shutil.copy(ROOT / "content" / name, target / name)
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


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout}\n{result.stderr}")
    return elapsed, result.stderr


def measure(copies: int, work: Path) -> dict[str, float]:
    project = work / f"x{copies}"
    synthesize(project / "content", copies)
    (project / "docs").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    leap, log = timed([sys.executable, "-c", CHILD, "mkdocs.yml"], project, env)
    peak = json.loads(log.strip().splitlines()[-1])["peak_mb"]
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    size_mb = sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file()) / 1e6
    shutil.rmtree(project / "site")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    zensical, _ = timed([sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"], project, env)
    return {"pages": pages, "leap": leap, "zensical": zensical, "peak_mb": peak, "site_mb": size_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only 1x and 10x")
    sizes = [1, 10] if parser.parse_args().quick else [1, 10, 30]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    print(
        f"{'size':>5} {'pages':>6} {'leap build s':>13} {'zensical s':>11} {'leap/zensical':>14} "
        f"{'leap vs 1x':>11} {'peak MB':>8} {'site MB':>8}"
    )
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as work:
        for copies in sizes:
            r = results[copies] = measure(copies, Path(work))
            print(
                f"{copies:>4}x {int(r['pages']):>6} {r['leap']:>13.2f} {r['zensical']:>11.2f} "
                f"{r['leap'] / r['zensical']:>14.2f} {r['leap'] / results[1]['leap']:>10.1f}x "
                f"{r['peak_mb']:>8.0f} {r['site_mb']:>8.1f}",
                flush=True,
            )
    print(f"growth leap 10x/1x: {results[10]['leap'] / results[1]['leap']:.1f}")
    print(f"ratio leap/zensical at 10x: {results[10]['leap'] / results[10]['zensical']:.2f}")


if __name__ == "__main__":
    main()

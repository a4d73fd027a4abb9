"""Benchmark: generator time against MkDocs' build time, at 1x, 10x and 100x the shipped guide.

    python benchmarks/run.py            # 1x, 10x and 100x
    python benchmarks/run.py --quick    # only the sizes that finish in about 40 seconds

Synthetic content is the shipped content copied N times: copy k of every item links to copy k
of its targets, so the shape and the relation density are the shipped guide's. For each size it
measures, each in a fresh process: the generator alone (cold, into an empty docs/), a no-op
regeneration, the generator's peak memory, and `mkdocs build` of the generated docs/ without
the hook. It prints a table and ends with `ratio generator/mkdocs at 100x: R` (or at the largest
size it ran). A `mkdocs build` that runs past --mkdocs-limit is stopped; its row then shows
`>LIMIT` and the ratio is an upper bound, `<R`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import json, resource, sys, time
from pathlib import Path
from generator.build import generate
content, docs = Path(sys.argv[1]), Path(sys.argv[2])
start = time.perf_counter(); generate(content, docs); cold = time.perf_counter() - start
start = time.perf_counter(); again = generate(content, docs); noop = time.perf_counter() - start
assert again.report.written == ()
print(json.dumps({"cold": cold, "noop": noop, "pages": len(again.pages),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
ID_LIST = re.compile(r"^(undermines|overcomes|builds|traits|barriers|strategies): \[(.*)\]$", re.MULTILINE)


def synthesize(target: Path, copies: int) -> None:
    """``copies`` copies of content/, ids suffixed per copy, relations kept within each copy."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "content" / "guide.yaml", target / "guide.yaml")
    for source in sorted((ROOT / "content").glob("*/*.yaml")):
        (target / source.parent.name).mkdir(exist_ok=True)
        text = source.read_text(encoding="utf-8")
        for k in range(copies):
            def suffix(match: re.Match[str], k: int = k) -> str:
                ids = [f"{i.strip()}-{k}" if k else i.strip() for i in match.group(2).split(",")]
                return f"{match.group(1)}: [{', '.join(ids)}]"
            name = f"{source.stem}-{k}.yaml" if k else source.name
            (target / source.parent.name / name).write_text(ID_LIST.sub(suffix, text), encoding="utf-8")


def measure(copies: int, work: Path, mkdocs_limit: float) -> dict[str, float]:
    project = work / f"x{copies}"
    synthesize(project / "content", copies)
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.split("\nhooks:")[0] + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    child = subprocess.run([sys.executable, "-c", CHILD, str(project / "content"), str(project / "docs")],
                           capture_output=True, text=True, env=env, check=True)
    result = json.loads(child.stdout)
    start = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
                       env=env, check=True, capture_output=True, timeout=mkdocs_limit)
        result["mkdocs"], result["stopped"] = time.perf_counter() - start, 0
    except subprocess.TimeoutExpired:  # MkDocs took longer: the ratio is an upper bound
        result["mkdocs"], result["stopped"] = mkdocs_limit, 1
    result["ratio"] = result["cold"] / result["mkdocs"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only 1x and 10x (about 40 seconds)")
    parser.add_argument("--mkdocs-limit", type=float, default=1800, metavar="SECONDS",
                        help="stop a `mkdocs build` after this long; its row then shows > SECONDS "
                             "and the ratio becomes an upper bound (<)  [default: 1800]")
    args = parser.parse_args()
    sizes = [1, 10] if args.quick else [1, 10, 100]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print(f"{'size':>5} {'pages':>6} {'generator s':>12} {'no-op s':>8} {'mkdocs s':>9} {'ratio':>6} "
          f"{'peak MB':>8} {'gen vs 1x':>9}")
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as work:
        for copies in sizes:
            r = results[copies] = measure(copies, Path(work), args.mkdocs_limit)
            scale = r["cold"] / results[1]["cold"]
            over, under = (">", "<") if r["stopped"] else ("", "")
            print(f"{copies:>4}x {int(r['pages']):>6} {r['cold']:>12.3f} {r['noop']:>8.3f} "
                  f"{over + format(r['mkdocs'], '.2f'):>9} {under + format(r['ratio'], '.3f'):>6} "
                  f"{r['peak_mb']:>8.0f} {scale:>8.1f}x", flush=True)
    largest = results[sizes[-1]]
    print(f"ratio generator/mkdocs at {sizes[-1]}x: {'<' if largest['stopped'] else ''}{largest['ratio']:.3f}")


if __name__ == "__main__":
    main()

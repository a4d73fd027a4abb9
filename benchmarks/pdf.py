"""Benchmark: `leap pdf` on the shipped guide, against the `leap pdf` before the PDF store.

    python benchmarks/pdf.py               # the content of the last commit, read by both versions
    python benchmarks/pdf.py --worktree    # the content as it is now (this code only)
    python benchmarks/pdf.py --baseline REV   # another commit's generator as the baseline

Each row runs `leap pdf` in a fresh process, in a fresh project, as a user would:

- the baseline's `leap pdf` (``git archive BASELINE generator``; by default the last commit
  before the PDF store): every worksheet printed one after another in one browser page, on
  every run;
- this `leap pdf` with an empty store, printing one page at a time (``--jobs 1``), then several at
  once (the default), in the same browser;
- this `leap pdf` again with nothing changed (everything reused from the store), and after one
  item's text changed (its two PDFs and the two workbooks printed again).

Times depend on the machine and on what else runs on it: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def leap(project: Path, code: Path, *args: str) -> tuple[float, str]:
    """Run ``leap`` from the generator in ``code``; its time in seconds and what it printed."""
    env = {**os.environ, "PYTHONPATH": str(code), "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    took = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"error: `leap {' '.join(args)}` failed in {project}:\n{result.stderr[-2000:]}")
    return took, result.stdout


def project(where: Path, content: Path) -> Path:
    where.mkdir()
    shutil.copytree(content, where / "content")
    (where / "docs").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    return where


BASELINE = "6a67717"  # the last commit whose `leap pdf` printed everything, one page after another


def from_git(folder: str, into: Path, rev: str = "HEAD") -> Path:
    """A folder of commit ``rev``, unpacked under ``into``."""
    archive = subprocess.run(["git", "archive", rev, folder], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / folder


def printed(output: str) -> str:
    match = re.search(r"Printed (\d+) worksheet PDFs and (\d+) workbooks, reused (\d+)", output)
    if match:
        return f"{match.group(1)} + {match.group(2)} workbooks ({match.group(3)} reused)"
    match = re.search(r"Wrote (\d+) PDFs", output)
    return f"{match.group(1)} (all)" if match else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worktree", action="store_true", help="the content as it is now; skips the baseline")
    parser.add_argument("--baseline", default=BASELINE, metavar="REV", help="the commit to compare with")
    args = parser.parse_args()
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="leap-pdf-bench-") as tmp:
        base = Path(tmp)
        content = ROOT / "content" if args.worktree else from_git("content", base)
        if not args.worktree:
            old = base / "old"
            old.mkdir()
            from_git("generator", old, args.baseline)
            took, out = leap(project(base / "p-old", content), old, "pdf")
            rows.append((f"{args.baseline}: one page, one after another", took, printed(out)))
        for name, jobs in (("one page at a time (--jobs 1)", "1"), ("several pages at once (default)", "")):
            where = project(base / f"p-{jobs or 'default'}", content)
            took, out = leap(where, ROOT, "pdf", *(["--jobs", jobs] if jobs else []))
            rows.append((f"now, empty store: {name}", took, printed(out)))
        took, out = leap(where, ROOT, "pdf")
        rows.append(("now, nothing changed: all reused", took, printed(out)))
        item = next(iter(sorted((where / "content" / "traits").glob("*.yaml"))))
        text = item.read_text(encoding="utf-8")
        item.write_text(re.sub(r"^(title: .*)$", r"\1 (changed)", text, count=1, flags=re.MULTILINE), encoding="utf-8")
        took, out = leap(where, ROOT, "pdf")
        rows.append((f"now, after {item.stem} changed", took, printed(out)))
    width = max(len(row[0]) for row in rows)
    print(
        f"leap pdf on {'the working tree' if args.worktree else 'the last commit'}'s content, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"| {'run':<{width}} | seconds | PDFs printed |")
    print(f"| {'-' * width} | ------: | ------------ |")
    for name, took, what in rows:
        print(f"| {name:<{width}} | {took:7.1f} | {what} |")


if __name__ == "__main__":
    main()

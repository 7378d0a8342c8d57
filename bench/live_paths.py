#!/usr/bin/env python3
"""Check the report's live files against HEAD's tree, one corpus repository at a time.

Usage: python3 bench/live_paths.py HINDSIGHT REPO [REPO ...]

For each repository: mines it (incrementally), runs `HINDSIGHT report --format json --top 0`, and
prints, beside git's own answer (`git ls-tree -r HEAD`), how many live rows name a path HEAD's
tree lacks and how many paths appear twice. Both must be 0. Ignored files (vendored, generated)
are not rows, so rows count at most the tree's files.
"""

import collections
import json
import subprocess
import sys
import time


def run(args, cwd=None):
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} exited {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    hindsight, repos = sys.argv[1], sys.argv[2:]
    print("| repository | files at HEAD | live rows | live rows HEAD lacks | duplicate paths | seconds |")
    print("|---|---:|---:|---:|---:|---:|")
    for repo in repos:
        start = time.time()
        run([hindsight, "mine", "--repo", repo, "--quiet"])
        report = json.loads(run([hindsight, "report", "--repo", repo, "--no-mine", "--format", "json", "--top", "0"]))
        seconds = time.time() - start
        tree = set(run(["git", "-C", repo, "-c", "core.quotePath=false", "ls-tree", "-r", "--name-only", "HEAD"]).splitlines())
        live = [f["path"] for f in report["files"] if not f["deleted"]]
        absent = [path for path in live if path not in tree]
        duplicates = [path for path, count in collections.Counter(live).items() if count > 1]
        name = repo.rstrip("/").split("/")[-1]
        print(f"| {name} | {len(tree)} | {len(live)} | {len(absent)} | {len(duplicates)} | {seconds:.1f} |")
        for path in (absent + duplicates)[:5]:
            print(f"|   e.g. `{path}` | | | | | |")


if __name__ == "__main__":
    main()

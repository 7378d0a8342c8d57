#!/usr/bin/env python3
"""Does the context point at what breaks next? On each repository, cut two years before its last
commit, the files `hindsight context` names as fix-prone against the files the next year's fix
commits touched, beside the same number of top-bug-score files as a baseline.

Usage: python3 bench/context_foresight.py [--config FILE] [--years-before N] HINDSIGHT REPO [REPO ...]

  HINDSIGHT  the hindsight binary (e.g. .build/release/hindsight)
  REPO       git clones, measured one after the other
  --config   a .hindsight.yml for every hindsight command (bench/corpus.yml for the corpus)
  --years-before N
             the cut, in years before HEAD's committer date (default 2); the window is the year after it

For each repository:
 1. the cut is the last first-parent commit of HEAD whose committer date is before HEAD's less N
    years (`git rev-list --first-parent -1 --before=DATE HEAD`);
 2. a `git clone --shared --no-checkout` of it, reset (soft) to the cut, is mined cold and
    `HINDSIGHT context --dry-run --target claude` lists the fix-prone files of the AGENTS.md block
    alone, and of the block and every rule file (so the context as the cut's agents would read it,
    budgets and all; a rule file names its own area's fix-prone files, however low they rank);
 3. the baseline takes as many files from the cut's `report --format json --top 0`, highest
    bugScore first (live files only);
 4. the window's fix commits: non-merge commits of CUT..HEAD with committer dates in the year after
    the cut that `HINDSIGHT fixes` on the whole repository calls fix; the files they touched come
    from `git log --name-only` (paths as those commits name them).
Precision: named files a window fix touched / named files. Recall: touched files named / touched files.
Prints one Markdown table and the wall time; exit 1 when a repository could not be measured.
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import context_audit  # noqa: E402


def run(args, cwd=None):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True).stdout


def git(repo, *args):
    return run(["git", "-C", repo, *args])


def measure(hindsight, repo, config, years):
    end = int(git(repo, "log", "-1", "--format=%ct", "HEAD").strip())
    cut_time = end - int(years * 365.25 * 86_400)
    cut = git(repo, "rev-list", "--first-parent", "-1", f"--before={cut_time}", "HEAD").strip()
    if not cut:
        raise RuntimeError("no first-parent commit before the cut")
    cut_date = int(git(repo, "log", "-1", "--format=%ct", cut).strip())
    scratch = tempfile.mkdtemp(prefix="foresight-")
    try:
        clone = os.path.join(scratch, "repo")
        run(["git", "clone", "-q", "--shared", "--no-checkout", os.path.abspath(repo), clone])
        git(clone, "reset", "-q", "--soft", cut)
        run([hindsight, "mine", "--repo", clone, "--quiet"] + config)
        files = context_audit.context_files(hindsight, clone, config)
        named = set(context_audit.fix_prone(files))
        in_block = set(context_audit.fix_prone({"AGENTS.md": files.get("AGENTS.md", "")}))
        data = json.loads(run([hindsight, "report", "--repo", clone, "--no-mine", "--format", "json", "--top", "0"] + config))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    live = [f for f in data["files"] if not f.get("deleted")]
    live.sort(key=lambda f: (-f.get("bugScore", 0), f["path"]))
    baseline = {f["path"] for f in live[:len(named)]}
    block_baseline = {f["path"] for f in live[:len(in_block)]}
    run([hindsight, "mine", "--repo", repo, "--quiet"] + config)
    kinds = dict(line.split("\t")[:2] for line in run([hindsight, "fixes", "--repo", repo, "--no-mine"] + config).splitlines() if line)
    log = git(repo, "log", "--no-merges", "--name-only", "--format=@%H", f"--since={cut_date}",
              f"--until={cut_date + 365 * 86_400}", f"{cut}..HEAD")
    touched, fixes, commit = set(), 0, None
    for line in log.splitlines():
        if line.startswith("@"):
            commit = line[1:]
            fixes += kinds.get(commit) == "fix"
        elif line and kinds.get(commit) == "fix":
            touched.add(line)

    def score(chosen):
        hits = chosen & touched
        return (len(hits) / len(chosen) if chosen else float("nan"), len(hits) / len(touched) if touched else float("nan"))

    return dict(cut=cut, date=datetime.datetime.fromtimestamp(cut_date, datetime.timezone.utc).date(),
                named=len(named), fixes=fixes, touched=len(touched), context=score(named), baseline=score(baseline),
                block=len(in_block), block_context=score(in_block), block_baseline=score(block_baseline))


def percent(value):
    return "–" if value != value else f"{value:.0%}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("hindsight")
    parser.add_argument("repos", nargs="+")
    parser.add_argument("--config")
    parser.add_argument("--years-before", type=float, default=2)
    options = parser.parse_args()
    config = ["--config", options.config] if options.config else []
    print("| repository | cut | window fix commits / files they touched | AGENTS.md block: fix-prone files | "
          "block P / R | top bug score, as many: P / R | block and rule files: fix-prone files | all P / R | "
          "top bug score, as many: P / R | seconds |")
    print("|---|---|---:|---:|---|---|---:|---|---|---:|")
    failed, start = False, time.perf_counter()
    for repo in options.repos:
        began = time.perf_counter()
        name = os.path.basename(os.path.realpath(repo)).removeprefix("corpus-")
        try:
            r = measure(options.hindsight, repo, config, options.years_before)
        except Exception as error:  # one repository's failure must not cost the others' rows
            failed = True
            print(f"| {name} | FAILED: {type(error).__name__}: {error} | | | | | | | | |")
            continue
        pair = lambda p: f"{percent(p[0])} / {percent(p[1])}"  # noqa: E731
        print(f"| {name} | {r['date']} `{r['cut'][:10]}` | {r['fixes']:,} / {r['touched']:,} | {r['block']} | "
              f"{pair(r['block_context'])} | {pair(r['block_baseline'])} | {r['named']} | {pair(r['context'])} | "
              f"{pair(r['baseline'])} | {time.perf_counter() - began:.1f} |")
    print(f"\nTotal wall time: {time.perf_counter() - start:.1f} s.")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

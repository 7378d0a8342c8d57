"""Draw a reproducible sample of commits for hand-labelling.

The hand labels in this directory measure Hindsight's fix-commit detector
against human judgement. This script picks which commits get labelled: it
lists the non-merge commits reachable from HEAD, draws COUNT of them with a
fixed seed, and prints them in rev-list order as "<full id>\t<subject>".
The HEAD id sampled from goes to stderr. With --exclude, the commits a
labels file already holds are left out before drawing, so a second sample
(the held-out set under holdout/) never shares a commit with the first.

Usage:
    python3 bench/labels/sample.py REPO_PATH [--seed 17] [--count 100] [--exclude LABELS.tsv]
"""

import argparse
import random
import subprocess
import sys


def git(repo, *args):
    return subprocess.run(
        ["git", "-C", repo, *args], check=True, capture_output=True, text=True
    ).stdout


def labelled_commits(path):
    """The full commit ids of a labels file (its first column)."""
    with open(path, encoding="utf-8") as handle:
        rows = [line.split("\t", 1)[0] for line in handle if not line.startswith("#")]
    return {row for row in rows if len(row) == 40}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", help="path to a git directory or work tree")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--exclude", help="a labels file whose commits are not drawn again")
    args = parser.parse_args()

    head = git(args.repo, "rev-parse", "HEAD").strip()
    commits = git(args.repo, "rev-list", "--no-merges", "HEAD").split()
    excluded = labelled_commits(args.exclude) if args.exclude else set()
    candidates = [commit for commit in commits if commit not in excluded]
    drawn = set(random.Random(args.seed).sample(candidates, args.count))
    print(f"HEAD {head}", file=sys.stderr)
    for commit in commits:
        if commit in drawn:
            subject = git(args.repo, "log", "-1", "--format=%s", commit).strip()
            print(f"{commit}\t{subject}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Agreement of Hindsight's fix detector with hand labels.

Usage: python3 bench/fix_agreement.py HINDSIGHT REPO LABELS.tsv [REPO LABELS.tsv ...]

For each repository: runs `HINDSIGHT fixes --repo REPO` (a hidden command printing every indexed
non-merge commit as fix, revert or other), compares it with the labels (bench/labels/*.tsv: fix
against everything else) and prints agreement, precision and recall on the labelled sample and the
fix ratio over all non-merge commits; then every disagreement with the label's reason.
"""

import subprocess
import sys


def classified(hindsight, repo):
    out = subprocess.run([hindsight, "fixes", "--repo", repo], check=True, capture_output=True, text=True).stdout
    return {line.split("\t")[0]: line.split("\t")[1] for line in out.splitlines() if line}


def labels(path):
    rows = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("commit\t") or not line.strip():
                continue
            commit, label, reason = line.rstrip("\n").split("\t", 2)
            rows[commit] = (label, reason)
    return rows


def main():
    args = sys.argv[1:]
    if len(args) < 3 or len(args) % 2 == 0:
        sys.exit(__doc__)
    hindsight, pairs = args[0], list(zip(args[1::2], args[2::2]))
    print("| repository | labelled | agreement | precision | recall | fix ratio (all commits) |")
    print("|---|---:|---:|---:|---:|---:|")
    misses = []
    for repo, label_file in pairs:
        kinds = classified(hindsight, repo)
        truth = labels(label_file)
        agree = tp = fp = fn = 0
        for commit, (label, reason) in truth.items():
            said = kinds.get(commit) == "fix"
            wanted = label == "fix"
            agree += said == wanted
            tp += said and wanted
            fp += said and not wanted
            fn += wanted and not said
            if said != wanted:
                misses.append((repo.rstrip("/").split("/")[-1], commit[:10], label, reason))
        ratio = sum(kind == "fix" for kind in kinds.values()) / max(1, len(kinds))
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        name = repo.rstrip("/").split("/")[-1]
        print(f"| {name} | {len(truth)} | {agree / len(truth):.0%} | {precision:.0%} | {recall:.0%} | {ratio:.1%} |")
    print()
    for name, commit, label, reason in misses:
        print(f"- {name} {commit}: labelled {label} — {reason}")


if __name__ == "__main__":
    main()

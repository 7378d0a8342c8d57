#!/usr/bin/env python3
"""Rename-parity residue: how many of `hindsight history -z` rows equal `git log --numstat -M` rows.

usage: python3 bench/parity.py REPO [HINDSIGHT]   (renames on, git's renameLimit 1000)
Rows are compared as (commit, added, deleted, old path, path) multisets; prints the share identical.
"""
import collections
import subprocess
import sys


def git_rows(repo):
    out = subprocess.run(
        ["git", "-C", repo, "-c", "diff.renameLimit=1000", "log", "-z", "-M", "--numstat", "--format=%x01%H"],
        check=True, capture_output=True).stdout
    rows = collections.Counter()
    for chunk in out.split(b"\x01")[1:]:
        tokens = chunk.split(b"\0")
        sha = tokens[0].decode()
        i = 1
        while i < len(tokens):
            token = tokens[i].lstrip(b"\n")
            i += 1
            if not token:
                continue
            added, deleted, path = token.split(b"\t", 2)
            old = b""
            if not path:
                old, path = tokens[i], tokens[i + 1]
                i += 2
            rows[(sha, added, deleted, old, path)] += 1
    return rows


def hindsight_rows(repo, binary):
    out = subprocess.run([binary, "history", "--repo", repo, "-z"], check=True, capture_output=True).stdout
    fields = out.split(b"\0")[:-1]
    rows = collections.Counter()
    for i in range(0, len(fields), 6):
        sha, _status, added, deleted, old, path = fields[i:i + 6]
        rows[(sha.decode(), added, deleted, old, path)] += 1
    return rows


def main():
    repo = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else ".build/release/hindsight"
    expected, actual = git_rows(repo), hindsight_rows(repo, binary)
    same = sum((expected & actual).values())
    total = sum(expected.values())
    print(f"git rows: {total}  hindsight rows: {sum(actual.values())}  identical: {same} "
          f"({100.0 * same / max(total, 1):.3f}%)")
    for row in list((expected - actual).elements())[:5]:
        print("  only in git:      ", row)
    for row in list((actual - expected).elements())[:5]:
        print("  only in hindsight:", row)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""`hindsight health` against git on real histories: one row per repository.

Usage: python3 bench/health.py [--config FILE] [--rework REPO] [--readds REPO] HINDSIGHT REPO [REPO ...]

For each repository, one after the other:
- months: the commits of every month of the whole history (`health --since 1970-01-01 --format
  csv`) against `TZ=UTC git log --no-merges --date=format-local:%Y-%m --format=%ad HEAD`;
- fix-inducing: the backtest's replayed commits (`backtest --format json`, its defaults, which end at
  HEAD) each labelled fix-inducing or not, against the commits `health` counts as fix-inducing over
  periods reaching back to the oldest replayed commit's author date (commits merged after the cut
  may have been authored years before it; the same SZZ, trailers and reverts, so every label must
  agree);
- seconds: `health --no-mine` for the default 24 months, warm (the fix origins kept), median of 3.

With `--rework REPO` (one of the repositories), also computes rework directly from
`git log --reverse --topo-order --no-merges --no-renames --no-indent-heuristic -p -U1` on it
(git's -U0 aligns some diffs otherwise than its own numstat, which libgit2 matches, and its indent
heuristic slides ambiguous hunks, which libgit2's default diff does not; the context lines are
dropped again) — each file's added lines followed
through later hunks, reworked when a change within 21 days of their commit touches them — and
compares it month by month with `health`'s addedLines and reworkedLines, read with a configuration
that keeps every file and detects no renames (`history: {renames: false, missingBlobs: binary}`,
`report: {ignoreDefaults: false, recogniseTrees: false}`), since libgit2's rename scores are not
git's; the index is rebuilt for it and again after. Merges are not diffed by either; a history
with many merges can differ where branches' hunks interleave.

With `--readds REPO`, also counts re-added fix lines directly from
`git log --reverse --topo-order --no-merges --no-renames --no-indent-heuristic -p -U0` on it: a
commit's added line (whitespace collapsed) counts when a fix (as `hindsight fixes` classes commits)
in the 365 days before removed it from the same path, the fix not adding it back and the commit not
also removing it, the line at least 12 characters with 6 letters or digits and not a comment, and
the commit not a revert; per month, commits and lines against `health`'s readds and
readdedLines, read with the rework check's configuration (a revert names its commit by git's trailer
with a full id, else by quoting its subject).

Exit status 1 when a figure disagrees.
"""

import argparse
import collections
import csv
import datetime
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time


def run(args, env=None):
    done = subprocess.run(args, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:3])} exited {done.returncode}: {done.stderr.strip()[:300]}")
    return done.stdout


def hindsight(binary, repo, config, *args):
    extra = ["--config", config] if config else []
    # `fixes` prints nothing but its table, so it has no --quiet.
    quiet = [] if args[:1] == ("fixes",) else ["--quiet"]
    return run([binary, *args, "--repo", repo, *extra, *quiet])


def months_check(binary, repo, config):
    table = hindsight(binary, repo, config, "health", "--no-mine", "--since", "1970-01-01", "--format", "csv")
    ours = {row["period"]: int(row["commits"]) for row in csv.DictReader(io.StringIO(table)) if int(row["commits"])}
    env = dict(os.environ, TZ="UTC")
    log = run(["git", "-C", repo, "log", "--no-merges", "--date=format-local:%Y-%m", "--format=%ad", "HEAD"], env)
    theirs = collections.Counter(log.split())
    differing = sorted(set(ours) | set(theirs), key=str)
    differing = [month for month in differing if ours.get(month, 0) != theirs.get(month, 0)]
    return len(theirs), differing


def fix_inducing_check(binary, repo, config):
    result = json.loads(hindsight(binary, repo, config, "backtest", "--no-mine", "--format", "json"))
    head = run(["git", "-C", repo, "rev-parse", "HEAD"]).strip()
    if result["until"]["commit"] != head:
        return None, "the backtest does not end at HEAD"
    # The backtest replays commits merged after its cut; some were authored years before it, and
    # health counts commits by author date, so its periods start at the oldest replayed author date.
    ids = "\n".join(c["commit"] for c in result["replayed"]) + "\n"
    dates = subprocess.run(["git", "-C", repo, "log", "--no-walk", "--stdin", "--format=%at"], input=ids,
                           capture_output=True, text=True, check=True).stdout.split()
    oldest = min((int(d) for d in dates), default=0)
    since = datetime.datetime.fromtimestamp(oldest, datetime.timezone.utc).strftime("%Y-%m-%d")
    ours = set(hindsight(binary, repo, config, "health", "--no-mine", "--since", since, "--list-fix-inducing").split())
    replayed = result["replayed"]
    differing = [c["commit"][:10] for c in replayed if c["fixInducing"] != (c["commit"] in ours)]
    labelled = sum(1 for c in replayed if c["fixInducing"])
    return (len(replayed), labelled, differing), None


def seconds(binary, repo, config):
    hindsight(binary, repo, config, "health", "--no-mine")  # keeps the fix origins
    times = []
    for _ in range(3):
        start = time.monotonic()
        hindsight(binary, repo, config, "health", "--no-mine")
        times.append(time.monotonic() - start)
    return statistics.median(times)


HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def apply_hunks(live, hunks, commit, at, reworked):
    """The same walk as Sources/HindsightCore/Health/Rework.swift, written again from git's text."""
    result, following, shift = [], 0, 0

    def boundary(hunk):
        return hunk[0] if hunk[1] == 0 else hunk[0] + hunk[1] - 1

    for first, last, owner, when in live:
        while first <= last:
            while following < len(hunks) and boundary(hunks[following]) < first:
                shift += hunks[following][3] - hunks[following][1]
                following += 1
            if following == len(hunks):
                result.append((first + shift, last + shift, owner, when))
                break
            old_start, old_lines, _, _ = hunks[following]
            kept = old_start if old_lines == 0 else old_start - 1
            if first <= kept:
                end = min(last, kept)
                result.append((first + shift, end + shift, owner, when))
            else:
                end = min(last, old_start + old_lines - 1)
                reworked[owner] += end - first + 1
            first = end + 1
    for _, _, new_start, new_lines in hunks:
        if new_lines:
            result.append((new_start, new_start + new_lines - 1, commit, at))
    return sorted(result)


def direct_rework(repo, days):
    """Per month (UTC, author date) of commits at least `days` old: lines added and lines reworked."""
    span = days * 86_400
    env = dict(os.environ, TZ="UTC")
    log = subprocess.run(
        ["git", "-C", repo, "log", "--reverse", "--topo-order", "--no-merges", "--no-renames", "--no-indent-heuristic", "-p", "-U1", "--no-color", "--no-ext-diff",
         "--format=%x00%x01commit %H %at", "HEAD"], capture_output=True, env=env, check=True).stdout.decode("utf-8", "replace")
    head_time = int(run(["git", "-C", repo, "log", "-1", "--format=%ct", "HEAD"]).strip())
    files, added, reworked, times = {}, collections.Counter(), collections.Counter(), {}
    # Text diffs can hold NUL bytes past git's 8,000-byte binary sniff: split on more than one.
    for block in log.split("\0\x01commit ")[1:]:
        header, _, body = block.partition("\n")
        commit, at = header.split()[0], int(header.split()[1])
        times[commit] = at
        for diff in re.split(r"^diff --git ", body, flags=re.M)[1:]:
            lines = diff.split("\n")
            old = new = None
            status, binary, hunks, plus = "M", False, [], 0
            old_line = new_line = 0
            in_hunk = False
            for line in lines[1:]:
                if line.startswith("@@"):
                    match = HUNK.match(line)
                    old_line, new_line = int(match.group(1)), int(match.group(3))
                    in_hunk = True
                elif in_hunk and line[:1] in ("-", "+"):
                    # A run of changed lines is one zero-context hunk, in git's coordinates (a side
                    # without lines starts at the line it follows).
                    if not hunks or hunks[-1][4] != (old_line, new_line):
                        hunks.append([old_line, 0, new_line, 0, None])
                    hunk = hunks[-1]
                    if line[0] == "-":
                        hunk[1] += 1
                        old_line += 1
                    else:
                        hunk[3] += 1
                        new_line += 1
                        plus += 1
                    hunk[4] = (old_line, new_line)
                elif in_hunk and line[:1] == " ":
                    old_line += 1
                    new_line += 1
                elif line.startswith("rename from "):
                    old = line[len("rename from "):]
                elif line.startswith("rename to "):
                    new = line[len("rename to "):]
                elif line.startswith("new file mode"):
                    status = "A"
                elif line.startswith("deleted file mode"):
                    status = "D"
                elif line.startswith("Binary files"):
                    binary = True
            hunks = [(o if ol else o - 1, ol, n if nl else n - 1, nl) for o, ol, n, nl, _ in hunks]
            path = new or re.sub(r"^a/(.*) b/.*$", r"\1", lines[0])
            if old:
                files[path] = files.pop(old, [])
            live = [s for s in files.get(path, []) if at - s[3] <= span]
            if binary:
                files[path] = []
                continue
            added[commit] += plus
            if status == "D":
                for first, last, owner, _ in live:
                    reworked[owner] += last - first + 1
                files.pop(path, None)
            elif status == "A":
                files[path] = [(1, plus, commit, at)] if plus else []
            elif hunks:
                files[path] = apply_hunks(live, hunks, commit, at, reworked)
            else:
                files[path] = live
    matured = head_time - span
    months = collections.defaultdict(lambda: [0, 0])
    for commit, at in times.items():
        if at <= matured and added[commit]:
            month = time.strftime("%Y-%m", time.gmtime(at))
            months[month][0] += added[commit]
            months[month][1] += reworked[commit]
    return months


def with_every_file(binary, repo, config, *args):
    """`hindsight ARGS` under a configuration keeping every file and detecting no renames; the index is
    rebuilt for it and again after."""
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as handle:
        handle.write("history:\n  renames: false\n  missingBlobs: binary\n"
                     "report:\n  ignoreDefaults: false\n  recogniseTrees: false\n")
        keeping = handle.name
    try:
        hindsight(binary, repo, keeping, "mine")
        return [hindsight(binary, repo, keeping, *command) for command in args]
    finally:
        os.unlink(keeping)
        hindsight(binary, repo, config, "mine")


def rework_check(binary, repo, config, days=21):
    text, = with_every_file(binary, repo, config, ["health", "--since", "1970-01-01", "--format", "json"])
    ours = {p["period"]: [p["addedLines"], p["reworkedLines"]] for p in json.loads(text)["periods"] if p["addedLines"]}
    theirs = {month: figures for month, figures in direct_rework(repo, days).items() if figures[0]}
    differing = [m for m in sorted(set(ours) | set(theirs)) if ours.get(m) != theirs.get(m)]
    total = [sum(v[0] for v in theirs.values()), sum(v[1] for v in theirs.values())]
    total.append(sum(v[1] for v in ours.values()))
    return len(theirs), total, differing, ours, theirs


def distinctive(line):
    return len(line) >= 12 and sum(1 for c in line if c.isalpha() or c.isdigit()) >= 6


def comment(line):
    if line.startswith("#"):
        return not line[1:2].isalpha()
    return line.startswith(("//", "/*", "*", "--", ";"))


def direct_readds(repo, fixes, days=365):
    """Per month (UTC, author date): commits that added back a line a fix had removed, and the lines."""
    span = days * 86_400
    env = dict(os.environ, TZ="UTC")
    log = subprocess.run(
        ["git", "-C", repo, "log", "--reverse", "--topo-order", "--no-merges", "--no-renames", "--no-indent-heuristic",
         "-p", "-U0", "--no-color", "--no-ext-diff", "--format=%x00%x01commit %H %at%n%B%x00%x02", "HEAD"],
        capture_output=True, env=env, check=True).stdout.decode("utf-8", "replace")
    removed = collections.defaultdict(lambda: collections.defaultdict(list))  # path → line → [(fix, time)]
    months = collections.defaultdict(lambda: [0, 0])
    latest_with_subject = {}
    for block in log.split("\0\x01commit ")[1:]:
        header, _, rest = block.partition("\n")
        message, _, body = rest.partition("\0\x02")
        commit, at = header.split()[0], int(header.split()[1])
        subject = message.split("\n", 1)[0]
        # A revert names its commit in git's trailer, else by quoting its subject (as health links them).
        reverted = set(re.findall(r"This reverts commit ([0-9a-f]{40})", message))
        quoted = re.fullmatch(r'Revert "(.*)"', subject)
        if not reverted and quoted and quoted.group(1) in latest_with_subject:
            reverted.add(latest_with_subject[quoted.group(1)])
        latest_with_subject[subject] = commit
        changed = []
        for diff in re.split(r"^diff --git ", body, flags=re.M)[1:]:
            lines = diff.split("\n")
            path = re.sub(r"^a/(.*) b/.*$", r"\1", lines[0])
            added, gone = set(), set()
            for line in lines[1:]:
                if line.startswith(("+++", "---")):
                    continue
                if line[:1] == "+":
                    added.add(" ".join(line[1:].split()))
                elif line[:1] == "-":
                    gone.add(" ".join(line[1:].split()))
            changed.append((path, added, gone))
        count = 0
        for path, added, gone in changed if not reverted else []:
            for line in added - gone:
                if any(at - span <= when <= at for fix, when in removed[path].get(line, [])):
                    count += 1
        if count:
            month = time.strftime("%Y-%m", time.gmtime(at))
            months[month][0] += 1
            months[month][1] += count
        if commit in fixes:
            for path, added, gone in changed:
                for line in gone - added:
                    if distinctive(line) and not comment(line):
                        removed[path][line].append((commit, at))
    return months


def readds_check(binary, repo, config):
    text, classes = with_every_file(
        binary, repo, config, ["health", "--no-mine", "--since", "1970-01-01", "--format", "json"],
        ["fixes", "--no-mine"])
    fixes = {line.split("\t")[0] for line in classes.splitlines() if line.split("\t")[1:2] == ["fix"]}
    ours = {p["period"]: [p["readds"], p["readdedLines"]] for p in json.loads(text)["periods"] if p["readds"]}
    theirs = dict(direct_readds(repo, fixes))
    months = sorted(set(ours) | set(theirs))
    differing = [m for m in months if ours.get(m) != theirs.get(m)]
    total = [sum(v[0] for v in theirs.values()), sum(v[0] for v in ours.values())]
    return len(months), total, differing, ours, theirs


HEADER = ("| repository | months equal to git log | backtest's labels agreeing (fix-inducing) "
          "| health s (24 months, warm) |\n|---|---:|---:|---:|")


def repository_row(binary, repo, config):
    """One repository's row of the table, and whether a figure disagrees (details on standard error)."""
    name = os.path.basename(os.path.realpath(repo)).removeprefix("corpus-")
    try:
        hindsight(binary, repo, config, "mine")
        months, differing = months_check(binary, repo, config)
        labels, why = fix_inducing_check(binary, repo, config)
        if labels:
            count, positives, wrong = labels
            label_cell = f"{count - len(wrong)}/{count} ({positives})"
        else:
            wrong, label_cell = [], f"– ({why})"
        took = seconds(binary, repo, config)
    except RuntimeError as error:
        return f"| {name} | failed: {error} | | |", True
    for month in differing:
        print(f"  - {name}: month {month} differs from git log", file=sys.stderr)
    for commit in wrong:
        print(f"  - {name}: {commit} labelled differently by backtest and health", file=sys.stderr)
    return f"| {name} | {months - len(differing)}/{months} | {label_cell} | {took:.2f} |", bool(differing or wrong)


def print_table(binary, repos, config):
    """The table for `repos`, one after the other; whether any figure disagreed."""
    print(HEADER)
    failed = False
    for repo in repos:
        line, disagrees = repository_row(binary, repo, config)
        print(line, flush=True)
        failed = failed or disagrees
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config")
    parser.add_argument("--rework")
    parser.add_argument("--readds")
    parser.add_argument("binary")
    parser.add_argument("repos", nargs="+")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    failed = print_table(binary, options.repos, options.config)
    if options.rework:
        name = os.path.basename(os.path.realpath(options.rework)).removeprefix("corpus-")
        months, total, differing, ours, theirs = rework_check(binary, options.rework, options.config)
        print()
        print(f"Rework on {name} against git log -p: {months - len(differing)}/{months} months equal "
              f"(git log -p: {total[1]:,} of {total[0]:,} added lines reworked within 21 days, health {total[2]:,}; "
              "renames off on both sides).")
        for month in differing[:20]:
            print(f"  - {month}: health {ours.get(month)}, git log -p {theirs.get(month)}", file=sys.stderr)
        failed = failed or bool(differing)
    if options.readds:
        name = os.path.basename(os.path.realpath(options.readds)).removeprefix("corpus-")
        months, total, differing, ours, theirs = readds_check(binary, options.readds, options.config)
        print()
        print(f"Re-added fix lines on {name} against git log -p: {months - len(differing)}/{months} months with "
              f"re-adds equal (git log -p: {total[0]:,} commits, health {total[1]:,}; renames off on both sides).")
        for month in differing[:20]:
            print(f"  - {month}: health {ours.get(month)}, git log -p {theirs.get(month)}", file=sys.stderr)
        failed = failed or bool(differing)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

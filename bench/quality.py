#!/usr/bin/env python3
"""Hindsight's answers against git's own, on real repositories: one table, one row per repository.

Usage: python3 bench/quality.py [--labels DIR] [--warm] [--sample N] [--timeout S] [--config FILE] [--health] HINDSIGHT REPO [REPO ...]

  HINDSIGHT     the hindsight binary to measure (e.g. .build/release/hindsight)
  REPO          one or more git clones; they are measured one after the other, never in parallel
  --labels DIR  hand labels of the fix detector, DIR/<name>.tsv where <name> is the repository
                directory's name without a leading "corpus-" or "bench-" (default: bench/labels
                beside this script)
  --warm        keep the existing index (an incremental mine) instead of deleting it first
  --sample N    files sampled for the --follow check (default 20)
  --timeout S   seconds allowed to each `git log -L` and `git log --follow` (default 120)
  --config FILE a .hindsight.yml for every hindsight command (bench/corpus.yml: the corpus mirror
                of prometheus lacks 240 blobs, which history.missingBlobs: binary reads as binary)
  --health      after the table, `hindsight health`'s cross-checks (bench/health.py's table: every
                month's commits against git log, the backtest's fix-inducing labels against health's,
                health's warm seconds); exit status 1 when one disagrees

For each repository, timing every step (wall seconds), side by side with what git says:

 1. cold mine: deletes the index (only `<git common dir>/hindsight/index.sqlite` and its -wal and
    -shm files; `--warm` keeps it) and runs `HINDSIGHT mine --repo R --quiet`; then times git's own
    pass, `git log --no-merges --numstat --format=%H`, on the now warm cache (so the ratio, if
    anything, flatters git). Non-merge commits are the report's `summary.commits` against
    `git rev-list --no-merges --count HEAD`.
 2. report: `HINDSIGHT report --repo R --no-mine --format json --top 0` (all history, defaults).
 3. live paths (was bench/live_paths.py): live rows naming a path `git ls-tree -r HEAD` lacks, and
    paths appearing twice. Both must be 0.
 4. follow sample: N live files with at least 2 commits, drawn with random.Random(17) from the sorted
    paths; the report's commits for each against `git log --follow --no-merges -- PATH`. Within 5%
    means abs(ours - git) <= 0.05 * git. `git log --follow` also follows copies (a file created from
    another that lives on takes the source's history); Hindsight folds renames only, by design, so
    the table also gives the count over the sampled files whose --follow history has no copy row and
    no deletion (--follow goes on past a deletion to an earlier file at the same path, where Hindsight
    counts a path deleted and added again as two files).
 5. regions: the 10 recurring-fix regions with most fixes (files in the report's order, regions in
    each file's order, stable sort by fix count); for each, the share of its fix commits that
    `git log -L START,END:PATH --no-merges` lists. Confirmed: at least half of its fixes, and at
    least 2, are in git's list (target: 8 of 10). Also how many regions cover more than half of
    their file at HEAD (`git show HEAD:PATH | wc -l`): must be 0, for the top 10 and for all.
 6. fix detector (was bench/fix_agreement.py): with LABELS/<name>.tsv, agreement, precision and
    recall of `HINDSIGHT fixes` against the labels (fix against everything else), and against
    LABELS/holdout/<name>.tsv when there is one (a second sample, labelled after the rules were
    written, to check that they generalise); always the fix ratio over every commit `fixes` lists.
 7. recognised trees: the number of vendored/fixture trees the report says it recognised, when its
    JSON has such a key ("–" otherwise).
 8. context (bench/context_audit.py): `HINDSIGHT context --no-mine --dry-run --target claude`, the
    AGENTS.md block and every rule file: paths its code spans name that `git ls-tree -r HEAD` lacks
    (files or directories; must be 0, the files an attempt added that "the tree still lacks" aside),
    test commands whose target is missing (clar suites and add_executable, Makefile targets and
    scripts, enable_testing, Cargo targets and packages, Go packages, test files; must be 0; every
    command is listed in the details), the block's co-change counts ("S of N commits", first 10)
    within 5% of `git log --follow --no-merges`, and the tokens of the block and of the largest rule
    file (targets 1,500 and 400).

Prints progress to stderr, and to stdout one Markdown table, a Details section per repository
(each failure, first 5 of a kind, with the git command that checks it) and the total wall time.
Exit status: 0, or 1 when a repository could not be measured (its row says why), or 2 for a usage
error (a path that is not a git repository, a missing binary).
"""

import argparse
import collections
import datetime
import json
import os
import random
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import context_audit  # noqa: E402  (beside this script)

COMMIT_LINE = re.compile(r"^([0-9a-f]{40}|[0-9a-f]{64})$")
#: Keys the report may use for the vendored/fixture trees it recognised, top level or in `summary`.
TREE_KEYS = ("recognisedTrees", "recognizedTrees", "recognisedTree", "vendoredTrees", "fixtureTrees")
DASH = "–"
FIRST = 5
#: `--config FILE` for every hindsight command, when given.
CONFIG = []


class Failure(Exception):
    """A step that could not run; the repository's row reports it."""


def progress(message):
    print(message, file=sys.stderr, flush=True)


def run(args, cwd=None, timeout=None, check=True):
    """Runs `args`, returning stdout as text; raises Failure when it exits non-zero."""
    env = dict(os.environ, GIT_PAGER="cat", PAGER="cat")
    try:
        result = subprocess.run(args, cwd=cwd, capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise
    except OSError as error:
        raise Failure(f"{args[0]}: {error.strerror}") from None
    if check and result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise Failure(f"`{' '.join(args[:4])} …` exited {result.returncode}: {detail[-1] if detail else 'no message'}")
    return result.stdout.decode("utf-8", "replace")


def git(repo, *args, **kwargs):
    return run(["git", "-C", repo, "-c", "core.quotePath=false", "--literal-pathspecs", *args], **kwargs)


def timed(steps, name, body):
    start = time.perf_counter()
    try:
        return body()
    finally:
        steps[name] = time.perf_counter() - start


def repo_name(repo):
    base = os.path.basename(os.path.abspath(repo).rstrip("/"))
    for prefix in ("corpus-", "bench-"):
        if base.startswith(prefix):
            return base[len(prefix):]
    return base


def index_files(repo):
    """The index's files: `<git common dir>/hindsight/index.sqlite` and its WAL companions."""
    common = git(repo, "rev-parse", "--git-common-dir").strip()
    if not os.path.isabs(common):
        common = os.path.join(os.path.abspath(repo), common)
    database = os.path.join(common, "hindsight", "index.sqlite")
    return [database + suffix for suffix in ("", "-wal", "-shm")]


# ---- the checks ----------------------------------------------------------------------------------


def mine(hindsight, repo, warm, steps, out):
    if not warm:
        for path in index_files(repo):
            if os.path.exists(path):
                os.remove(path)
    timed(steps, "mine", lambda: run([hindsight, "mine", "--repo", repo, "--quiet"] + CONFIG))

    def git_pass():
        # A mirror lacking blobs makes git's numstat stop: say so instead of timing a partial pass.
        done = subprocess.run(
            ["git", "-C", repo, "log", "--no-merges", "--numstat", "--format=%H"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        out["git log failed"] = done.returncode != 0

    timed(steps, "git log", git_pass)
    out["git commits"] = int(git(repo, "rev-list", "--no-merges", "--count", "HEAD").strip())


def report(hindsight, repo, steps):
    text = timed(steps, "report", lambda: run([hindsight, "report", "--repo", repo, "--no-mine", "--format", "json", "--top", "0"] + CONFIG))
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise Failure(f"report JSON does not parse: {error}") from None


def live_paths(repo, data, out):
    tree = set(git(repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines())
    live = [f["path"] for f in data["files"] if not f["deleted"]]
    out["files at HEAD"] = len(tree)
    out["live rows"] = len(live)
    out["absent"] = [path for path in live if path not in tree]
    out["duplicates"] = [path for path, count in collections.Counter(live).items() if count > 1]


def follow_difference(hindsight, repo, path, timeout):
    """Why git's --follow and the report disagree on `path`: the commits only one side lists, git's
    copy rows (--follow follows copies too) and the renames only hindsight's history records."""
    try:
        text = git(repo, "log", "--follow", "--no-merges", "--name-status", "--format=%H", "--", path, timeout=timeout)
        history = run([hindsight, "history", "--repo", repo, "--no-update", "--format", "tsv", path], timeout=timeout)
    except (Failure, subprocess.TimeoutExpired) as error:
        return [f"no diagnosis: {error}"]
    theirs, moves, commit, deletions = [], {}, None, []
    for line in text.splitlines():
        if COMMIT_LINE.match(line):
            commit = line
            theirs.append(commit)
        elif line[:1] in "RC" and line.count("\t") == 2:
            status, old, new = line.split("\t")
            moves[commit] = (status, old, new)
        elif line.startswith("D\t"):
            deletions.append((commit, line.split("\t", 1)[1]))
    ours, renames, paired = [], [], []
    for line in history.splitlines():
        fields = line.split("\t")
        if len(fields) < 6:
            continue
        if not ours or ours[-1] != fields[0]:
            ours.append(fields[0])
        if fields[1] == "R":
            theirs_move = moves.get(fields[0])
            if not theirs_move or not theirs_move[0].startswith("R"):
                renames.append((fields[0], fields[4], fields[5]))
            elif theirs_move[1] != fields[4]:
                paired.append((fields[0], fields[4], theirs_move[1], fields[5]))
    only_git = [c for c in theirs if c not in set(ours)]
    only_ours = [c for c in dict.fromkeys(ours) if c not in set(theirs)]
    notes = []
    copies = [(c, m) for c, m in moves.items() if m[0].startswith("C")]
    for c, (status, old, new) in copies[:FIRST]:
        notes.append(f"git --follow follows a copy: {status} {code(old)} → {code(new)} at {c[:10]} "
                     "(the source lives on; hindsight does not fold copies)")
    for c, deleted in deletions[:FIRST]:
        notes.append(f"git --follow goes on past the deletion of {code(deleted)} at {c[:10]} to the file that "
                     "path held before (hindsight: a path deleted and added again is two files)")
    for c, old, new in renames[:FIRST]:
        notes.append(f"hindsight follows a rename git --follow does not take: {code(old)} → {code(new)} at {c[:10]}; "
                     + git_pairs(repo, c, old, new, timeout))
    for c, ours_old, git_old, new in paired[:FIRST]:
        notes.append(f"the two pair {code(new)} with different sources at {c[:10]}: hindsight {code(ours_old)}, "
                     f"git --follow {code(git_old)} (compare `git show -M --name-status {c[:10]}`)")
    if only_git:
        notes.append(f"only git lists {len(only_git)}: " + ", ".join(c[:10] for c in only_git[:FIRST]))
    if only_ours:
        notes.append(f"only hindsight lists {len(only_ours)}: " + ", ".join(c[:10] for c in only_ours[:FIRST]))
    return notes


def git_pairs(repo, commit, old, new, timeout):
    """Whether git's own rename detection (`git show -M`, default 50%, over the whole commit: a
    pathspec would change which pairs it finds) pairs `old` with `new` in `commit`."""
    try:
        text = git(repo, "show", "-M", "--name-status", "--format=", commit, timeout=timeout)
    except (Failure, subprocess.TimeoutExpired):
        return f"check with `git show -M --name-status {commit[:10]}`"
    if any(line.startswith("R") and line.split("\t")[1:] == [old, new] for line in text.splitlines()):
        return f"`git show -M {commit[:10]}` pairs them too (only --follow departs)"
    return f"`git show -M {commit[:10]}` does not pair them (rename scoring differs from libgit2's)"


def follow_sample(hindsight, repo, data, size, timeout, out):
    candidates = sorted({f["path"] for f in data["files"] if not f["deleted"] and f["commits"] >= 2})
    ours = {}
    for f in data["files"]:
        if not f["deleted"]:
            ours.setdefault(f["path"], f["commits"])
    sample = random.Random(17).sample(candidates, min(size, len(candidates)))
    rows = []
    copied = set()
    for number, path in enumerate(sample, 1):
        progress(f"  follow {number}/{len(sample)}: {path}")
        try:
            listed = git(repo, "log", "--follow", "--no-merges", "--name-status", "--format=%H", "--", path,
                         timeout=timeout)
            theirs = sum(1 for line in listed.splitlines() if COMMIT_LINE.match(line))
            # Two departures by design: --follow takes a copy's source history, and it goes on past a
            # deletion to an earlier file at the same path (Hindsight: a path deleted and added again
            # is two files).
            if any(line.startswith("C") and line.count("\t") == 2 or line.startswith("D\t")
                   for line in listed.splitlines()):
                copied.add(path)
        except (Failure, subprocess.TimeoutExpired):
            theirs = None  # timed out, or git could not read an object (a trimmed mirror)
        rows.append((path, ours[path], theirs))
    out["follow"] = rows
    out["follow copies"] = copied
    out["follow why"] = {}
    for path, count, theirs in rows:
        if theirs is not None and not within(count, theirs):
            out["follow why"][path] = follow_difference(hindsight, repo, path, timeout)


def commit_ids(fixes):
    """Fix commits as ids, whether the report lists ids or objects with an id."""
    ids = []
    for fix in fixes:
        if isinstance(fix, dict):
            fix = fix.get("id") or fix.get("commit") or fix.get("sha")
        if fix:
            ids.append(str(fix))
    return ids


def contains(listed, commit):
    return commit in listed or (len(commit) < 40 and any(other.startswith(commit) for other in listed))


def file_lengths(repo, paths):
    """Lines of each path at HEAD as `wc -l` counts them, read in one `git cat-file --batch`."""
    paths = [path for path in paths if "\n" not in path]
    request = "".join(f"HEAD:{path}\n" for path in paths).encode("utf-8")
    result = subprocess.run(["git", "-C", repo, "cat-file", "--batch"], input=request, capture_output=True, check=True)
    stream, at, lengths = result.stdout, 0, {}
    for path in paths:
        end = stream.index(b"\n", at)
        header = stream[at:end].split(b" ")
        at = end + 1
        if header[-1] == b"missing" or len(header) < 3:
            lengths[path] = None
            continue
        size = int(header[2])
        lengths[path] = stream[at:at + size].count(b"\n") if header[1] == b"blob" else None
        at += size + 1
    return lengths


def fix_time(data, commit):
    """A commit's author time (Unix seconds) from the report's `commits` table, when it is there."""
    entry = (data.get("commits") or {}).get(commit)
    if not isinstance(entry, dict) or not entry.get("time"):
        return None
    try:
        return int(datetime.datetime.fromisoformat(entry["time"].replace("Z", "+00:00")).timestamp())
    except ValueError:
        return None


def regions(repo, data, timeout, out):
    flat = [
        (entry["path"], region["startLine"], region["endLine"], commit_ids(region["fixes"]))
        for entry in data.get("recurringFixes", [])
        for region in entry.get("regions", [])
    ]
    top = sorted(flat, key=lambda region: -len(region[3]))[:10]
    lengths = file_lengths(repo, sorted({path for path, _, _, _ in flat}))

    def over_half(region):
        path, start, end, _ = region
        length = lengths.get(path)
        return length is not None and end - start + 1 > length / 2

    out["regions"] = len(flat)
    out["lengths"] = lengths
    out["over half top"] = [region for region in top if over_half(region)]
    out["over half all"] = [region for region in flat if over_half(region)]
    out["added by fix"] = {}
    for path in sorted({region[0] for region in out["over half all"]}):
        try:
            added = git(repo, "log", "--follow", "--no-merges", "--diff-filter=A", "--format=%H", "--", path, timeout=timeout)
        except (Failure, subprocess.TimeoutExpired):
            continue
        out["added by fix"][path] = [c for c in added.split() if any(contains({c}, fix) for r in flat if r[0] == path for fix in r[3])]
    checked = []
    for number, (path, start, end, fixes) in enumerate(top, 1):
        progress(f"  git log -L {number}/{len(top)}: {start},{end}:{path} ({len(fixes)} fixes)")
        status = None
        try:
            text = git(repo, "log", f"-L{start},{end}:{path}", "--no-merges", "--format=%H %at", "-s", timeout=timeout)
            times = {}
            for line in text.splitlines():
                fields = line.split()
                if len(fields) == 2 and COMMIT_LINE.match(fields[0]) and fields[1].isdigit():
                    times[fields[0]] = int(fields[1])
        except subprocess.TimeoutExpired:
            times, status = {}, f"timed out after {timeout:g} s"
        except Failure as error:
            times, status = {}, str(error)
        listed = set(times)
        found = sum(contains(listed, fix) for fix in fixes)
        confirmed = status is None and found >= 2 and found * 2 >= len(fixes)
        # Evidence for a maintainer: fixes older than everything git's line history reaches changed
        # lines that no longer exist (the region outlived its code).
        oldest = min(times.items(), key=lambda item: item[1]) if times else None
        older = 0
        if oldest:
            older = sum(1 for fix in fixes if fix_time(data, fix) is not None and fix_time(data, fix) < oldest[1])
        checked.append(dict(path=path, start=start, end=end, fixes=fixes, found=found, listed=len(listed),
                            status=status, confirmed=confirmed, length=lengths.get(path), oldest=oldest, older=older))
    out["top regions"] = checked


def labels(path):
    rows = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("commit\t") or not line.strip():
                continue
            commit, label, reason = line.rstrip("\n").split("\t", 2)
            rows[commit] = (label, reason)
    return rows


def fix_detector(hindsight, repo, label_dir, steps, out):
    listed = timed(steps, "fixes", lambda: run([hindsight, "fixes", "--repo", repo] + CONFIG))
    kinds = {line.split("\t")[0]: line.split("\t")[1] for line in listed.splitlines() if line}
    out["fix commits"] = sum(kind == "fix" for kind in kinds.values())
    out["listed commits"] = len(kinds)
    # The seed-17 sample the rules were written against, and the held-out seed-29 sample labelled
    # afterwards to check that they generalise.
    for key, folder in (("labels", label_dir), ("held-out labels", os.path.join(label_dir, "holdout"))):
        label_file = os.path.join(folder, repo_name(repo) + ".tsv")
        out[key] = score_labels(label_file, kinds) if os.path.isfile(label_file) else None


def score_labels(label_file, kinds):
    """Agreement, precision and recall of `hindsight fixes`' kinds against one labels file."""
    truth = labels(label_file)
    agree = tp = fp = fn = 0
    misses = []
    for commit, (label, reason) in truth.items():
        said = kinds.get(commit) == "fix"
        wanted = label == "fix"
        agree += said == wanted
        tp += said and wanted
        fp += said and not wanted
        fn += wanted and not said
        if said != wanted:
            misses.append((commit[:10], label, kinds.get(commit, "not listed"), reason))
    return dict(
        file=label_file, count=len(truth), agreement=agree / len(truth) if truth else float("nan"),
        precision=tp / (tp + fp) if tp + fp else float("nan"), recall=tp / (tp + fn) if tp + fn else float("nan"),
        misses=misses,
    )


def recognised_trees(data):
    for scope in (data, data.get("summary") or {}):
        for key in TREE_KEYS:
            if key in scope:
                value = scope[key]
                return key, (len(value) if isinstance(value, (list, dict)) else value)
    return None, None


# ---- one repository ------------------------------------------------------------------------------


def measure(hindsight, repo, options):
    steps, out = {}, {"error": None}
    start = time.perf_counter()
    name = repo_name(repo)
    try:
        progress(f"{name}: {'warm' if options.warm else 'cold'} mine, then git log --numstat")
        mine(hindsight, repo, options.warm, steps, out)
        progress(f"{name}: report ({steps['mine']:.2f} s mine, {steps['git log']:.2f} s git log)")
        data = report(hindsight, repo, steps)
        out["commits"] = data.get("summary", {}).get("commits")
        out["summary fix ratio"] = data.get("summary", {}).get("fixRatio")
        progress(f"{name}: live paths against git ls-tree")
        timed(steps, "live paths", lambda: live_paths(repo, data, out))
        progress(f"{name}: git log --follow on {options.sample} sampled files")
        timed(steps, "follow", lambda: follow_sample(hindsight, repo, data, options.sample, options.timeout, out))
        progress(f"{name}: git log -L on the top 10 regions")
        timed(steps, "regions", lambda: regions(repo, data, options.timeout, out))
        progress(f"{name}: fix detector")
        fix_detector(hindsight, repo, options.labels, steps, out)
        out["tree key"], out["trees"] = recognised_trees(data)
        progress(f"{name}: context truth audit")
        out["context"] = timed(
            steps, "context", lambda: context_audit.audit(hindsight, repo, CONFIG, timeout=options.timeout))
    except KeyError as error:
        out["error"] = f"report JSON lacks key {error}"
        progress(f"{name}: FAILED: {out['error']}")
    except Exception as error:  # one repository's failure must not cost the others' rows
        out["error"] = f"{type(error).__name__}: {error}"
        progress(f"{name}: FAILED: {out['error']}")
    out["total"] = time.perf_counter() - start
    progress(f"{name}: done in {out['total']:.1f} s")
    return name, steps, out


# ---- output --------------------------------------------------------------------------------------

COLUMNS = [
    "repository", "commits", "cold mine s (git log s)", "report s", "live rows HEAD lacks", "duplicate paths",
    "follow within 5% (files where git --follow takes a copy or a re-added path left out)", "top-10 regions confirmed", "regions > half file (top 10 · all)", "fix agreement",
    "fix ratio", "recognised trees",
    "context: paths HEAD lacks / commands with a missing target / co-change counts within 5% / tokens (block · largest rule file)",
    "total s",
]


def within(ours, theirs):
    return theirs is not None and abs(ours - theirs) <= 0.05 * theirs


def percent(value):
    return DASH if value != value else f"{value:.0%}"


def cell(out, key, render):
    return render(out[key]) if key in out else DASH


def row(name, steps, out, warm):
    commits = DASH
    if "commits" in out and "git commits" in out:
        commits = f"{out['commits']:,}" + ("" if out["commits"] == out["git commits"] else f" (git {out['git commits']:,})")
    mine_cell = DASH
    if "mine" in steps:
        mine_cell = f"{steps['mine']:.2f}" + (" warm" if warm else "") + (" (git fails: missing blobs)" if out.get("git log failed") else f" ({steps['git log']:.2f})" if "git log" in steps else "")
    def follow_cell(rows):
        answered = [(p, o, g) for p, o, g in rows if g is not None]
        plain = [(o, g) for p, o, g in answered if p not in out.get("follow copies", set())]
        unanswered = len(rows) - len(answered)
        return (f"{sum(within(o, g) for _, o, g in answered)}/{len(answered)} "
                f"({sum(within(o, g) for o, g in plain)}/{len(plain)} without copies or re-adds)"
                + (f", git failed on {unanswered}" if unanswered else ""))

    follow = cell(out, "follow", follow_cell)
    def confirmed_cell(rows):
        # A region git could not trace (it failed to read an object) is no answer either way.
        failed = sum(1 for r in rows if r["status"] and "exited" in r["status"])
        return f"{sum(r['confirmed'] for r in rows)}/{len(rows) - failed}" + (f", git failed on {failed}" if failed else "")

    confirmed = cell(out, "top regions", confirmed_cell)
    half = DASH
    if "over half top" in out:
        half = f"{len(out['over half top'])} · {len(out['over half all'])} of {out['regions']}"
    def agreement_cell(lab):
        return f"{percent(lab['agreement'])} (P {percent(lab['precision'])}, R {percent(lab['recall'])}, n={lab['count']})"

    agreement = DASH
    if out.get("labels"):
        agreement = agreement_cell(out["labels"])
        if out.get("held-out labels"):
            agreement += "; held out " + agreement_cell(out["held-out labels"])
    ratio = DASH
    if "listed commits" in out:
        ratio = f"{out['fix commits'] / max(1, out['listed commits']):.1%}"
    trees = DASH if out.get("trees") is None else str(out["trees"])
    def context_cell(audit):
        counted = [(o, g) for _, o, g in audit["counts"] if g is not None]
        return (f"{len(audit['absent'])} of {audit['named']} / {len(audit['broken'])} of {len(audit['commands'])} / "
                f"{sum(within(o, g) for o, g in counted)}/{len(counted)} / "
                f"{audit['block_tokens']:,} · {audit['largest_rule'][1]:,}")
    context = cell(out, "context", context_cell)
    cells = [
        name, commits, mine_cell, f"{steps['report']:.2f}" if "report" in steps else DASH,
        cell(out, "absent", lambda paths: str(len(paths))), cell(out, "duplicates", lambda paths: str(len(paths))),
        follow, confirmed, half, agreement, ratio, trees, context, f"{out['total']:.1f}",
    ]
    if out["error"]:
        cells[-2] = f"FAILED: {out['error']}".replace("|", "\\|")
    return "| " + " | ".join(cells) + " |"


def code(text):
    return "`" + str(text).replace("`", "'") + "`"


def details(name, repo, steps, out):
    lines = [f"### {name}", "", f"`{os.path.abspath(repo)}`; steps (wall s): "
             + ", ".join(f"{step} {seconds:.2f}" for step, seconds in steps.items()) + f"; total {out['total']:.1f}", ""]
    if out["error"]:
        lines.append(f"- **not measured**: {out['error']}")
    if "commits" in out and "git commits" in out and out["commits"] != out["git commits"]:
        lines.append(f"- non-merge commits: report {out['commits']}, `git rev-list --no-merges --count HEAD` {out['git commits']}")
    if "live rows" in out:
        lines.append(f"- live rows {out['live rows']:,} of {out['files at HEAD']:,} files at HEAD "
                     f"(ignored files are not rows); HEAD lacks {len(out['absent'])}, duplicates {len(out['duplicates'])}")
        for path in out["absent"][:FIRST]:
            lines.append(f"  - absent from HEAD: {code(path)} (`git ls-tree HEAD -- {path}` is empty)")
        for path in out["duplicates"][:FIRST]:
            lines.append(f"  - listed twice: {code(path)}")
    if "follow" in out:
        off = [(p, o, g) for p, o, g in out["follow"] if not within(o, g)]
        lines.append(f"- follow sample: {len(out['follow']) - len(off)} of {len(out['follow'])} within 5% of "
                     f"`git log --follow --no-merges --format=%H -- PATH | wc -l`" + (":" if off else ""))
        for path, ours, theirs in off[:FIRST]:
            theirs = "no answer (timed out, or git could not read an object)" if theirs is None else theirs
            lines.append(f"  - {code(path)}: ours {ours}, git {theirs}")
            for note in out.get("follow why", {}).get(path, []):
                lines.append(f"    - {note}")
    if "top regions" in out:
        bad = [r for r in out["top regions"] if not r["confirmed"]]
        lines.append(f"- top {len(out['top regions'])} regions: {len(out['top regions']) - len(bad)} confirmed by "
                     f"`git log -L START,END:PATH --no-merges --format=%H -s`" + (":" if bad else ""))
        for r in bad[:FIRST]:
            found = r["status"] or f"found by git {r['found']} (git lists {r['listed']} commits)"
            where = f"{r['path']}:{r['start']}-{r['end']}"
            lines.append(f"  - {code(where)}: "
                         f"ours {len(r['fixes'])} fixes, {found}")
            if r["oldest"] and r["older"]:
                when = datetime.datetime.fromtimestamp(r["oldest"][1], datetime.timezone.utc).date()
                lines.append(f"    - {r['older']} of the {len(r['fixes'])} fixes are older than the oldest commit git's "
                             f"line history reaches ({r['oldest'][0][:10]}, {when}): they changed lines that no longer exist")
        lines.append(f"- regions covering more than half of their file at HEAD: {len(out['over half top'])} of the top 10, "
                     f"{len(out['over half all'])} of all {out['regions']}" + (":" if out["over half all"] else ""))
        for path, start, end, fixes in out["over half all"][:FIRST]:
            lines.append(f"  - {code(f'{path}:{start}-{end}')}: {end - start + 1} of {out['lengths'][path]} lines "
                         f"(`git show HEAD:{path} | wc -l`), {len(fixes)} fixes")
            for commit in out["added by fix"].get(path, []):
                if commit in fixes:
                    lines.append(f"    - fix {commit[:10]} added the file (`git log --follow --diff-filter=A -- {path}`): "
                                 "all its lines became a fix region, which later fixes join")
    if "listed commits" in out:
        note = ""
        if out.get("summary fix ratio") is not None:
            note = f" (report's summary.fixRatio {out['summary fix ratio']:.1%})"
        lines.append(f"- fix ratio: {out['fix commits']:,} fixes of {out['listed commits']:,} commits `hindsight fixes` lists{note}")
    for lab in (out.get("labels"), out.get("held-out labels")):
        if not lab:
            continue
        lines.append(f"- fix detector against {code(os.path.relpath(lab['file']))}: {len(lab['misses'])} disagreements"
                     + (":" if lab["misses"] else ""))
        for commit, label, said, reason in lab["misses"]:
            lines.append(f"  - {commit}: labelled {label}, hindsight says {said} — {reason}")
    if not out.get("labels") and "listed commits" in out:
        lines.append("- fix detector: no labels for this repository")
    if "context" in out:
        audit = out["context"]
        lines.append(f"- context: {audit['rule_files']} rule files, the largest {code(audit['largest_rule'][0])} "
                     f"({audit['largest_rule'][1]} tokens), the block {audit['block_tokens']} tokens; "
                     f"{audit['named']} paths named, {len(audit['absent'])} absent from HEAD" + (":" if audit["absent"] else ""))
        for path in audit["absent"][:FIRST]:
            lines.append(f"  - {code(path)} (`git ls-tree HEAD -- {path}` is empty)")
        lines.append(f"- test commands context writes ({len(audit['commands'])}, {len(audit['broken'])} with a missing target):")
        broken = dict(audit["broken"])
        for command in audit["commands"]:
            lines.append(f"  - {code(command)}" + (f" — MISSING: {broken[command]}" if command in broken else ""))
        for path, ours, theirs in audit["counts"]:
            if not within(ours, theirs):
                lines.append(f"  - co-change count of {code(path)}: ours {ours}, `git log --follow` {theirs}")
    if "trees" in out:
        lines.append(f"- recognised trees: {out['trees']} (key `{out['tree key']}`)" if out["tree key"]
                     else "- recognised trees: the report has no such key")
    return lines


# ---- main ----------------------------------------------------------------------------------------


def usage_error(message):
    print(f"quality.py: {message}", file=sys.stderr)
    sys.exit(2)


def arguments():
    parser = argparse.ArgumentParser(
        usage=__doc__.split("\n")[2][len("Usage: "):], description=__doc__.split("\n", 3)[3],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("hindsight")
    parser.add_argument("repos", nargs="+", metavar="REPO")
    parser.add_argument("--labels", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "labels"))
    parser.add_argument("--warm", action="store_true")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--config")
    parser.add_argument("--health", action="store_true")
    options = parser.parse_args()
    if options.config:
        CONFIG.extend(["--config", os.path.abspath(options.config)])
    hindsight = options.hindsight
    if os.sep not in hindsight:
        from shutil import which
        hindsight = which(hindsight) or hindsight
    if not (os.path.isfile(hindsight) and os.access(hindsight, os.X_OK)):
        usage_error(f"{options.hindsight} is not an executable file: build hindsight (make build) or pass its path")
    options.hindsight = os.path.abspath(hindsight)
    for repo in options.repos:
        probe = subprocess.run(["git", "-C", repo, "rev-parse", "--verify", "--quiet", "HEAD^{commit}"], capture_output=True)
        if probe.returncode != 0:
            usage_error(f"{repo} is not a git repository with a HEAD commit: pass the path of a clone")
    return options


def main():
    options = arguments()
    start = time.perf_counter()
    results = []
    for repo in options.repos:
        results.append((repo, *measure(options.hindsight, repo, options)))
    print("| " + " | ".join(COLUMNS) + " |")
    print("|---|" + "---:|" * (len(COLUMNS) - 1))
    for repo, name, steps, out in results:
        print(row(name, steps, out, options.warm))
    print()
    print("## Details")
    for repo, name, steps, out in results:
        print()
        print("\n".join(details(name, repo, steps, out)))
    print()
    print(f"Total wall time: {time.perf_counter() - start:.1f} s for {len(results)} "
          f"repositor{'y' if len(results) == 1 else 'ies'} ({options.hindsight}).")
    health_disagrees = False
    if options.health:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import health
        print()
        print("## Health cross-checks")
        print()
        health_disagrees = health.print_table(options.hindsight, options.repos, options.config)
    sys.exit(1 if health_disagrees or any(out["error"] for _, _, _, out in results) else 0)


if __name__ == "__main__":
    main()

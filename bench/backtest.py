#!/usr/bin/env python3
"""The backtest on real histories: one row per repository, the shipped guards against their baselines.

Usage: python3 bench/backtest.py [--config FILE] [--years N] HINDSIGHT REPO [REPO ...]

For each repository (one after the other), runs
`HINDSIGHT backtest --repo R --cut DATE --grace 365 --format json --quiet` with the cut N years
(default 2) before HEAD's committer date, so every repository replays its commits of the year after
the cut that had a year for their fix to appear (at most 2,000, the latest). Prints one Markdown
table: commits replayed, fix-inducing ones, then the shipped set (the kinds at warning or above
within the alarm budget) beside most-added-lines flagging as many commits, the recall ratio between
them, all guards together, risky-change alone, and the effort-aware Recall@20%LOC and Popt of the
shipped set and of most-added-lines (ranking flagged commits first, smaller first; most-added-lines
ranks by lines added). Then each guard kind's line. Mines incrementally first unless the index is
current. Exit status 1 when a repository could not be measured (its row says why).
"""

import argparse
import datetime
import json
import subprocess
import sys
import time


def run(args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} exited {done.returncode}: {done.stderr.strip()[:300]}")
    return done.stdout


def cut_date(repo, years):
    seconds = int(run(["git", "-C", repo, "log", "-1", "--format=%ct", "HEAD"]).strip())
    head = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
    return (head - datetime.timedelta(days=round(365.25 * years))).strftime("%Y-%m-%d")


def figures(entry):
    if entry is None:
        return "–"
    return (f"{entry['alarmRate']:.0%} / {entry['recall']:.0%} / {entry['precision']:.0%} / "
            f"{entry['lift']:.2f}")


def effort_aware(commits, rank):
    """Recall@20%LOC and Popt of a ranking: commits inspected in `rank` order, effort counted in churn."""
    total = sum(max(c["churn"], 1) for c in commits)
    positives = sum(1 for c in commits if c["fixInducing"])
    if total == 0 or positives == 0:
        return 0.0, 0.0

    def curve(order):
        area, found, spent, at20 = 0.0, 0, 0, None
        for commit in order:
            effort = max(commit["churn"], 1)
            before = found
            if commit["fixInducing"]:
                found += 1
            area += effort / total * (before + found) / 2 / positives
            spent += effort
            if at20 is None and spent >= 0.2 * total:
                at20 = found / positives
        return area, at20 if at20 is not None else found / positives

    model, recall20 = curve(sorted(commits, key=rank))
    best, _ = curve(sorted(commits, key=lambda c: (not c["fixInducing"], max(c["churn"], 1))))
    worst, _ = curve(sorted(commits, key=lambda c: (c["fixInducing"], -max(c["churn"], 1))))
    popt = 1 - (best - model) / (best - worst) if best > worst else 0.0
    return recall20, popt


def main():
    parser = argparse.ArgumentParser(usage=__doc__.split("\n")[2][len("Usage: "):])
    parser.add_argument("hindsight")
    parser.add_argument("repos", nargs="+")
    parser.add_argument("--config")
    parser.add_argument("--years", type=float, default=2)
    options = parser.parse_args()
    config = ["--config", options.config] if options.config else []
    print("| repository | cut | replayed | fix-inducing | shipped set: alarm / recall / precision / lift "
          "| most added lines, same alarms | recall ratio | all guards | risky-change "
          "| R@20%LOC shipped / MAL | Popt shipped / MAL | seconds |")
    print("|---|---|---:|---:|---|---|---:|---|---|---|---|---:|")
    kinds, failed, start = [], False, time.perf_counter()
    for repo in options.repos:
        name = repo.rstrip("/").split("/")[-1].removeprefix("corpus-")
        began = time.perf_counter()
        try:
            cut = cut_date(repo, options.years)
            run([options.hindsight, "mine", "--repo", repo, "--quiet"] + config)
            report = json.loads(run([options.hindsight, "backtest", "--repo", repo, "--cut", cut, "--grace", "365",
                                     "--format", "json", "--quiet", "--no-mine"] + config))
        except (RuntimeError, json.JSONDecodeError) as error:
            failed = True
            print(f"| {name} | – | – | – | FAILED: {error} | | | | | | | {time.perf_counter() - began:.1f} |")
            continue
        overall, shipped = report["overall"], report.get("shipped")
        shipped_baselines = {entry["baseline"]: entry for entry in report.get("shippedBaselines", [])}
        mal = shipped_baselines.get("most-added-lines")
        if not (shipped and mal):
            ratio = "–"
        elif mal["recall"] > 0:
            ratio = f"{shipped['recall'] / mal['recall']:.2f}×"
        else:
            ratio = "∞ (baseline caught none)" if shipped["recall"] > 0 else "–"
        risky = next((k for k in report["kinds"] if k["kind"] == "risky-change"), None)
        commits = report.get("replayed", [])
        flagged_first = effort_aware(commits, lambda c: (not c["shipped"], max(c["churn"], 1)))
        by_added = effort_aware(commits, lambda c: -c["added"])
        small = f" (too small: {report['window']['tooSmall']})" if report["window"].get("tooSmall") else ""
        print(f"| {name} | {cut} | {overall['commits']:,} | {overall['fixInducing']:,}{small} | {figures(shipped)} | "
              f"{figures(mal)} | {ratio} | {figures(overall)} | {figures(risky)} | "
              f"{flagged_first[0]:.0%} / {by_added[0]:.0%} | {flagged_first[1]:.2f} / {by_added[1]:.2f} | "
              f"{time.perf_counter() - began:.1f} |")
        over = set(report.get("overBudget", []))
        for kind in report["kinds"]:
            if kind["flagged"]:
                notes = [n for n, on in (("below the lift threshold", kind["belowThreshold"]),
                                         ("over the alarm budget", kind["kind"] in over)) if on]
                kinds.append(f"- {name} `{kind['kind']}`: flags {kind['flagged']:,}, hits {kind['hits']:,}, "
                             f"{figures(kind)}" + (f" ({', '.join(notes)})" if notes else ""))
    print()
    print("Figures: alarm rate / recall / precision / lift over the base rate. Guard kinds that flagged:")
    print("\n".join(kinds) if kinds else "- none")
    print()
    print(f"Total wall time: {time.perf_counter() - start:.1f} s.")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

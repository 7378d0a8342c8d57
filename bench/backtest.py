#!/usr/bin/env python3
"""The backtest on real histories: one row per repository, the guards against their baselines.

Usage: python3 bench/backtest.py [--config FILE] [--years N] HINDSIGHT REPO [REPO ...]

For each repository (one after the other), runs
`HINDSIGHT backtest --repo R --cut DATE --grace 365 --format json --quiet` with the cut N years
(default 2) before HEAD's committer date, so every repository replays its commits of the year after
the cut that had a year for their fix to appear (at most 2,000, the latest). Prints one Markdown
table: commits replayed, fix-inducing ones, then for all guards together and for each baseline
flagging as many commits (random, most added lines, highest bug score) the alarm rate, recall,
precision and lift; then each guard kind's line. Mines incrementally first unless the index is
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
    return (f"{entry['alarmRate']:.0%} / {entry['recall']:.0%} / {entry['precision']:.0%} / "
            f"{entry['lift']:.2f}")


def main():
    parser = argparse.ArgumentParser(usage=__doc__.split("\n")[2][len("Usage: "):])
    parser.add_argument("hindsight")
    parser.add_argument("repos", nargs="+")
    parser.add_argument("--config")
    parser.add_argument("--years", type=float, default=2)
    options = parser.parse_args()
    config = ["--config", options.config] if options.config else []
    print("| repository | cut | replayed | fix-inducing | guards: alarm / recall / precision / lift "
          "| random | most added lines | highest bug score | seconds |")
    print("|---|---|---:|---:|---|---|---|---|---:|")
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
            print(f"| {name} | – | – | – | FAILED: {error} | | | | {time.perf_counter() - began:.1f} |")
            continue
        overall = report["overall"]
        baselines = {entry["baseline"]: entry for entry in report["baselines"]}
        cells = [baselines[key] for key in ("random", "most-added-lines", "top-bug-score-files") if key in baselines]
        print(f"| {name} | {cut} | {overall['commits']:,} | {overall['fixInducing']:,} | {figures(overall)} | "
              + " | ".join(figures(entry) for entry in cells) + f" | {time.perf_counter() - began:.1f} |")
        for kind in report["kinds"]:
            if kind["flagged"]:
                kinds.append(f"- {name} `{kind['kind']}`: flags {kind['flagged']:,}, hits {kind['hits']:,}, "
                             f"{figures(kind)}" + (" (below the lift threshold)" if kind["belowThreshold"] else ""))
    print()
    print("Figures: alarm rate / recall / precision / lift over the base rate. Guard kinds that flagged:")
    print("\n".join(kinds) if kinds else "- none")
    print()
    print(f"Total wall time: {time.perf_counter() - start:.1f} s.")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Benchmark harness for hindsight.
#
#   bench/run.sh [REPO]          (make bench  ->  bash bench/run.sh $(REPO))
#
# Without REPO, a synthetic 100k-commit history is generated once with
# bench/gen_history.py (seed 1) and cached at $BENCH_DIR/history-100k.
# REPO is used in place (nothing is copied); note that the cold runs rebuild
# its index at <git common dir>/hindsight/index.sqlite.
#
# Environment:
#   HINDSIGHT      binary to benchmark      (default .build/release/hindsight)
#   BENCH_DIR      cache / scratch dir      (default .build/bench)
#   RUNS           timed runs per command   (default 3)
#   RENAMES        1 = detect renames (-M), 0 = --no-renames   (default 1)
#   BENCH_COMMITS  size of the generated history when no REPO  (default 100000)
#
# Reports; never gates: exits 0 whether or not the targets are met.
set -euo pipefail
shopt -s inherit_errexit 2>/dev/null || true

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
caller_pwd="$PWD"

die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }
note() { printf 'bench: %s\n' "$*" >&2; }

# Absolute path of $1, relative paths taken from the caller's directory.
abspath() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$caller_pwd/$1" ;; esac; }

command -v git >/dev/null || die "git is not installed"
command -v python3 >/dev/null || die "python3 is not installed"

RUNS="${RUNS:-3}"
RENAMES="${RENAMES:-1}"
BENCH_COMMITS="${BENCH_COMMITS:-100000}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ "$RENAMES" == 0 || "$RENAMES" == 1 ]] || die "RENAMES must be 0 or 1 (got '$RENAMES')"
[[ "$BENCH_COMMITS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_COMMITS must be a positive integer"

# ---------------------------------------------------------------- the binary
if [[ -n "${HINDSIGHT:-}" ]]; then
    if [[ "$HINDSIGHT" == */* ]]; then
        hs="$(abspath "$HINDSIGHT")"
    else
        hs="$(command -v "$HINDSIGHT" || true)"
        [[ -n "$hs" ]] || die "HINDSIGHT=$HINDSIGHT is not on PATH"
    fi
else
    hs="$root/.build/release/hindsight"
fi
if [[ ! -x "$hs" || -d "$hs" ]]; then
    die "hindsight binary not found at $hs
  build it first:  swift build -c release
  (or point HINDSIGHT=/path/to/hindsight at an existing build)"
fi

if [[ -n "${BENCH_DIR:-}" ]]; then bench_dir="$(abspath "$BENCH_DIR")"; else bench_dir="$root/.build/bench"; fi
mkdir -p "$bench_dir"
work="$(mktemp -d "$bench_dir/run.XXXXXX")"
trap 'rm -rf "$work"' EXIT
trap 'printf "bench: error: failed (exit %d) at line %d: %s\n" "$?" "$LINENO" "$BASH_COMMAND" >&2' ERR

# ---------------------------------------------------------------- the repository
if [[ -n "${1:-}" ]]; then
    repo="$(abspath "$1")"
    git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 || die "$repo is not a git repository"
else
    if (( BENCH_COMMITS % 1000 == 0 )); then name="history-$((BENCH_COMMITS / 1000))k"; else name="history-$BENCH_COMMITS"; fi
    repo="$bench_dir/$name"
    if ! git -C "$repo" rev-parse --verify -q HEAD >/dev/null 2>&1; then
        [[ ! -e "$repo" ]] || die "$repo exists but is not a complete repository; remove it to regenerate"
        note "generating $BENCH_COMMITS-commit history at $repo (one-time, takes a couple of minutes)"
        tmp_repo="$repo.tmp"
        rm -rf "$tmp_repo"
        python3 "$here/gen_history.py" --commits "$BENCH_COMMITS" --seed 1 --out-repo "$tmp_repo"
        mv "$tmp_repo" "$repo"
    fi
fi
git -C "$repo" rev-parse --verify -q HEAD >/dev/null || die "$repo has no commits"
common_dir="$(cd "$repo" && cd "$(git rev-parse --git-common-dir)" && pwd)"
index_file="$common_dir/hindsight/index.sqlite"
commits="$(git -C "$repo" rev-list --count HEAD)"

# Pin the rename settings so a .hindsight.yml in the repository cannot skew the comparison.
config="$work/hindsight.yml"
if [[ "$RENAMES" == 1 ]]; then
    printf 'history:\n  renames: true\n  renameLimit: 1000\n' >"$config"
    git_log=(git -C "$repo" -c diff.renameLimit=1000 log --numstat -M --format=%H)
else
    printf 'history:\n  renames: false\n' >"$config"
    git_log=(git -C "$repo" -c diff.renameLimit=1000 log --numstat --no-renames --format=%H)
fi
cold=("$hs" mine --repo "$repo" --config "$config" --rebuild --quiet)
warm=("$hs" mine --repo "$repo" --config "$config" --quiet)
# Reports from the warm index; --as-of keeps the figures (and so the work) the same on every run.
report=("$hs" report --repo "$repo" --config "$config" --no-mine --quiet --as-of 2026-01-01 --output /dev/null)
report_table=("${report[@]}" --format table)
report_json=("${report[@]}" --format json)
report_html=("${report[@]}" --format html)
# The context an agent starts from, computed whole from the warm index and written nowhere.
context_cmd=("$hs" context --repo "$repo" --config "$config" --no-mine --quiet --dry-run)

# ---------------------------------------------------------------- measuring
have_hyperfine=0
hyperfine_no_shell=0
if command -v hyperfine >/dev/null; then
    have_hyperfine=1
    [[ "$(hyperfine --help 2>/dev/null || true)" == *--shell=none* ]] && hyperfine_no_shell=1
fi
have_time=0
[[ -x /usr/bin/time ]] && have_time=1

median() { python3 -c 'import statistics,sys; print("%.6f" % statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

# time_median LABEL CMD...  -> prints the median wall time in seconds; PREPARE=CMD runs before each
# timed run (with hyperfine; without it, between runs), untimed. Leaves the CPU seconds (user +
# system; hyperfine's mean, else the median) in $work/LABEL.cpu, or nothing without either timer.
time_median() {
    local label="$1"; shift
    local json="$work/$label.json" cmd_str
    local prepare=()
    [[ -n "${PREPARE:-}" ]] && prepare=(--prepare "$PREPARE")
    if (( have_hyperfine )); then
        # -N (no intermediate shell; output goes to /dev/null by default) where supported, so
        # millisecond-scale commands are not dominated by shell start-up noise.
        cmd_str="$(python3 -c 'import shlex,sys; print(shlex.join(sys.argv[1:]))' "$@")"
        if (( hyperfine_no_shell )); then
            hyperfine -N "${prepare[@]}" --runs "$RUNS" --style none --export-json "$json" "$cmd_str" >/dev/null
        else
            hyperfine "${prepare[@]}" --runs "$RUNS" --style none --export-json "$json" "$cmd_str >/dev/null" >/dev/null
        fi
        python3 -c 'import json,statistics,sys
r = json.load(open(sys.argv[1]))["results"][0]
open(sys.argv[2], "w").write("%.6f\n" % (r["user"] + r["system"]))
print("%.6f" % statistics.median(r["times"]))' "$json" "$work/$label.cpu"
    else
        local i t times=() cpus=()
        for ((i = 0; i < RUNS; i++)); do
            [[ -n "${PREPARE:-}" ]] && bash -c "$PREPARE"
            if (( have_time )); then
                /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >/dev/null
                read -r t user system < <(tail -n 1 "$work/t")
                cpus+=("$(python3 -c 'import sys; print(float(sys.argv[1]) + float(sys.argv[2]))' "$user" "$system")")
            else
                t="$(python3 -c 'import subprocess,sys,time
t = time.perf_counter(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(time.perf_counter() - t)' "$@")"
            fi
            times+=("$t")
        done
        : >"$work/$label.cpu"
        (( ${#cpus[@]} )) && median "${cpus[@]}" >"$work/$label.cpu"
        median "${times[@]}"
    fi
}

# peak_rss_kb CMD...  -> runs CMD once, prints its max RSS in KiB
peak_rss_kb() {
    if (( have_time )); then
        /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null
        tail -n 1 "$work/rss"
    else
        python3 -c 'import resource,subprocess,sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
    fi
}

timer="$( (( have_hyperfine )) && echo hyperfine || { (( have_time )) && echo /usr/bin/time || echo python3; })"
note "binary:  $hs"
note "repo:    $repo ($commits commits)"
note "renames: $([[ $RENAMES == 1 ]] && echo 'on (-M, renameLimit 1000)' || echo off), runs: $RUNS, timer: $timer, cpus: $(nproc 2>/dev/null || echo '?')"

# The RSS run is also the warm-up: it brings the pack files into the page cache for every later run.
note "cold mine, peak memory run ..."
cold_rss_kb="$(peak_rss_kb "${cold[@]}")"
note "git log baseline ($RUNS runs) ..."
git_s="$(time_median gitlog "${git_log[@]}")"
note "cold mine ($RUNS runs) ..."
cold_s="$(time_median cold "${cold[@]}")"
note "warm no-op mine ($RUNS runs) ..."
warm_s="$(time_median warm "${warm[@]}")"
report_runs=$(( RUNS > 5 ? RUNS : 5 ))
note "report from the warm index, table ($report_runs runs) ..."
report_s="$(RUNS=$report_runs time_median report_table "${report_table[@]}")"
note "report, json and html (1 run each) ..."
report_json_s="$(RUNS=1 time_median report_json "${report_json[@]}")"
report_html_s="$(RUNS=1 time_median report_html "${report_html[@]}")"
note "context from the warm index, dry run ($report_runs runs) ..."
context_s="$(RUNS=$report_runs time_median context "${context_cmd[@]}")"
index_bytes=""
[[ -f "$index_file" ]] && index_bytes="$(wc -c <"$index_file" | tr -d ' ')"

# ---------------------------------------------------------------- one-commit incremental
key="$(basename "$repo")-$(printf '%s' "$repo" | cksum | cut -d' ' -f1)"
scratch="$bench_dir/scratch/$key"
if ! git -C "$scratch" rev-parse --verify -q HEAD >/dev/null 2>&1; then
    note "making scratch clone $scratch (one-time) ..."
    mkdir -p "$bench_dir/scratch"
    rm -rf "$scratch.tmp"
    git clone -q --no-local "$repo" "$scratch.tmp"
    mv "$scratch.tmp" "$scratch"
fi
note "mining the scratch clone ..."
"$hs" mine --repo "$scratch" --config "$config" --quiet >/dev/null  # cold the first time, catch-up afterwards

incr_runs=$(( RUNS > 11 ? RUNS : 11 ))   # cheap, and a few-millisecond figure needs more samples
note "one-commit incremental mine ($incr_runs runs) ..."
incr_ms="$(python3 - "$scratch" "$incr_runs" "$hs" "$config" <<'PY'
import os, statistics, subprocess, sys, time

scratch, runs, hs, config = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def git(*args, **kw):
    return subprocess.run(["git", "-C", scratch, "-c", "user.name=hindsight bench",
                           "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false",
                           "-c", "core.hooksPath=/dev/null", *args],
                          check=True, stdout=subprocess.PIPE, **kw).stdout

# A regular text file to edit: README.md if tracked, else the first tracked 100644 file that looks like text.
target = None
entries = git("ls-files", "-s", "-z").split(b"\0")
for e in entries:
    if e.startswith(b"100644 ") and e.split(b"\t", 1)[1] == b"README.md":
        target = "README.md"
if target is None:
    for e in entries:
        if e.startswith(b"100644 "):
            p = e.split(b"\t", 1)[1]
            if p.rsplit(b".", 1)[-1] in (b"c", b"h", b"md", b"txt", b"py", b"swift", b"json"):
                target = os.fsdecode(p)
                break
if target is None:
    sys.exit("bench: no regular text file to edit in %s" % scratch)

base = int(git("log", "-1", "--format=%ct").strip() or 0)
env = dict(os.environ)
times = []
# One untimed round first: the first mine after the scratch clone's set-up pays for cold page cache.
for i in range(runs + 1):
    count = int(git("rev-list", "--count", "HEAD").strip())
    with open(os.path.join(scratch, target), "a", encoding="utf-8") as f:
        f.write("bench edit %d\n" % count)
    date = "@%d +0000" % (base + 60 * (i + 1))
    env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    git("commit", "-q", "--no-verify", "-m", "bench: incremental edit %d" % count, "--", target, env=env)
    t0 = time.perf_counter()
    subprocess.run([hs, "mine", "--repo", scratch, "--config", config, "--quiet"],
                   check=True, stdout=subprocess.DEVNULL)
    if i > 0:
        times.append((time.perf_counter() - t0) * 1000.0)
print("%.1f" % statistics.median(times))
PY
)"

# ---------------------------------------------------------------- check --staged
check_runs=$(( RUNS > 10 ? RUNS : 10 ))
note "check --staged on a small staged change, against git diff --cached --numstat ($check_runs runs) ..."
edit_target="$(git -C "$scratch" ls-files -- '*.c' '*.md' '*.py' '*.swift' | awk 'NR == 1')"  # awk reads all: head would SIGPIPE git under pipefail
[[ -n "$edit_target" ]] || die "no text file to edit in $scratch"
printf 'bench: staged edit\n' >>"$scratch/$edit_target"
git -C "$scratch" add -- "$edit_target"
check_cmd=("$hs" check --repo "$scratch" --config "$config" --staged --fail-on never)
"${check_cmd[@]}" >/dev/null   # the first check after new commits fills the per-file cache
check_s="$(RUNS=$check_runs time_median check "${check_cmd[@]}")"
diff_s="$(RUNS=$check_runs time_median gitdiff git -C "$scratch" diff --cached --numstat)"
# The floor under any libgit2 program on this machine, in the same run: bench/libgit2_floor.c.
init_s=0 floor_s=0
if command -v cc >/dev/null && cc -O2 -o "$work/libgit2-floor" "$here/libgit2_floor.c" -lgit2 2>/dev/null; then
    init_s="$(RUNS=$check_runs time_median libgit2init "$work/libgit2-floor")"
    floor_s="$(RUNS=$check_runs time_median libgit2diff "$work/libgit2-floor" "$scratch")"
fi
git -C "$scratch" reset -q -- "$edit_target"
git -C "$scratch" checkout -q -- "$edit_target"

# ---------------------------------------------------------------- refresh hook
note "the time the post-commit refresh hook adds to git commit ($check_runs runs each) ..."
commit_cmd=(git -C "$scratch" -c user.name=bench -c user.email=bench@example.com commit -q --allow-empty --no-verify -m bench)
# Each hooked commit starts a refresh in the background (a mine and, on a new tip, the per-file
# analysis, about a second here): wait for it before the next timed commit, or the timings measure
# two cores shared with it rather than what the hook adds.
# A script, because hyperfine -N runs --prepare without a shell. It matches the hook's exact
# `refresh --quiet` (not hyperfine's own command line below), and the first character in brackets
# keeps pgrep from matching the shell that runs the loop.
printf '%s\n' "while pgrep -f '[${hs:0:1}]${hs:1} refresh --quiet' >/dev/null; do sleep 0.05; done" > "$work/settle.sh"
settle="sh $work/settle.sh"
plain_s="$(PREPARE="$settle" RUNS=$check_runs time_median commitplain "${commit_cmd[@]}")"
"$hs" install --repo "$scratch" --hooks post-commit --binary "$hs" >/dev/null 2>&1
hooked_s="$(PREPARE="$settle" RUNS=$check_runs time_median commithooked "${commit_cmd[@]}")"
$settle
"$hs" uninstall --repo "$scratch" >/dev/null 2>&1
# What the hook starts, in the foreground: a refresh after one new commit.
printf '%s\n' "${commit_cmd[*]}" >> "$work/settle.sh"
refresh_s="$(PREPARE="$settle" RUNS=3 time_median refresh "$hs" refresh --repo "$scratch" --quiet)"

# ---------------------------------------------------------------- backtest
# The last 2,000 non-merge commits replayed through the guards mined before them, on the warm index:
# the cut at the root commit, moved up by the 2,000-commit cap; no grace, so the window reaches HEAD.
backtest_runs="${BACKTEST_RUNS:-3}"
note "backtest of the last 2,000 commits, warm index ($backtest_runs runs) ..."
root_commit="$(git -C "$repo" rev-list --max-parents=0 HEAD | awk 'END { print }')"
backtest_cmd=("$hs" backtest --repo "$repo" --config "$config" --no-mine --quiet --cut "$root_commit" --grace 0 --max-commits 2000 --output /dev/null)
backtest_s="$(RUNS=$backtest_runs time_median backtest "${backtest_cmd[@]}")"

# ---------------------------------------------------------------- nightly refresh
# What the nightly templates run after the action's mine, on the warm index of the scratch clone:
# guards mine with its backtest (writing the backtest's report), context, the markdown report and
# health. Afterwards the files it wrote are removed, so later rows see the scratch clone as before.
nightly_runs="${NIGHTLY_RUNS:-3}"
note "the nightly refresh as the templates run it, warm index ($nightly_runs runs) ..."
cat > "$work/nightly.sh" <<NIGHTLY
set -e
"$hs" mine --repo "$scratch" --config "$config" --quiet
"$hs" guards mine --repo "$scratch" --config "$config" --quiet --backtest-format markdown --backtest-output "$work/nightly-backtest.md"
"$hs" context --repo "$scratch" --config "$config" --quiet
"$hs" report --repo "$scratch" --config "$config" --format markdown --top 20 --output "$work/nightly-report.md"
"$hs" health --repo "$scratch" --config "$config" --no-mine --quiet --format summary --output "$work/nightly-health.md"
NIGHTLY
nightly_s="$(RUNS=$nightly_runs time_median nightly bash "$work/nightly.sh")"
git -C "$scratch" checkout -q -- . && git -C "$scratch" clean -fdq

# ---------------------------------------------------------------- report
python3 - "$commits" "$git_s" "$cold_s" "$cold_rss_kb" "$warm_s" "$incr_ms" "$index_bytes" \
    "$RENAMES" "$RUNS" "$repo" "$bench_dir/last-run.json" "$report_s" "$report_json_s" "$report_html_s" \
    "$check_s" "$diff_s" "$init_s" "$floor_s" "$plain_s" "$hooked_s" "$refresh_s" "$backtest_s" "$nightly_s" \
    "$context_s" "$(cat "$work/gitlog.cpu")" "$(cat "$work/cold.cpu")" <<'PY'
import json, sys

commits, git_s, cold_s, rss_kb, warm_s, incr_ms, index_bytes, renames, runs, repo, out, report_s, report_json_s, report_html_s, check_s, diff_s, init_s, floor_s, plain_s, hooked_s, refresh_s, backtest_s, nightly_s, context_s, git_cpu, cold_cpu = sys.argv[1:]
backtest_s, nightly_s, context_s = float(backtest_s), float(nightly_s), float(context_s)
plain_s, hooked_s, refresh_s = float(plain_s), float(hooked_s), float(refresh_s)
check_s, diff_s, init_s, floor_s = float(check_s), float(diff_s), float(init_s), float(floor_s)
report_s, report_json_s, report_html_s = float(report_s), float(report_json_s), float(report_html_s)
commits, git_s, cold_s, rss_kb, warm_s, incr_ms = int(commits), float(git_s), float(cold_s), int(rss_kb), float(warm_s), float(incr_ms)
ratio = cold_s / git_s if git_s > 0 else float("inf")
rss_mb = rss_kb / 1024.0

def verdict(ok):
    return "PASS" if ok else "MISS"

rows = [
    ("commits in repo", "%d" % commits, "", ""),
    ("git log --numstat%s" % (" -M" if renames == "1" else " --no-renames"), "%.2f s" % git_s, "", ""),
    ("cold mine (--rebuild)", "%.2f s" % cold_s, "", ""),
    ("cold / git ratio", "%.2f" % ratio, "<= 0.70", verdict(ratio <= 0.7)),
    ("cold mine CPU / git's (user + system)",
     "%.1f s / %.1f s = %.2f" % (float(cold_cpu), float(git_cpu), float(cold_cpu) / float(git_cpu))
     if git_cpu and cold_cpu and float(git_cpu) > 0 else "-", "", ""),
    ("cold peak RSS", "%.0f MB" % rss_mb, "<= 512 MB", verdict(rss_kb <= 512 * 1024)),
    ("warm no-op mine", "%.0f ms" % (warm_s * 1000), "<= 30 ms", verdict(warm_s <= 0.03)),
    ("one-commit incremental", "%.1f ms" % incr_ms, "<= 50 ms", verdict(incr_ms <= 50.0)),
    ("report, warm index (table)", "%.2f s" % report_s, "<= 1.00 s", verdict(report_s <= 1.0)),
    ("report as json (1 run)", "%.2f s" % report_json_s, "", ""),
    ("report as html (1 run)", "%.2f s" % report_html_s, "", ""),
    ("context, warm index (dry run)", "%.2f s" % context_s, "<= 1.00 s", verdict(context_s <= 1.0)),
    ("git diff --cached --numstat", "%.1f ms" % (diff_s * 1000), "", ""),
    ("check --staged, small change", "%.1f ms" % (check_s * 1000), "<= 100 ms", verdict(check_s <= 0.1)),
    ("check / git diff --cached", "%.1f" % (check_s / diff_s if diff_s > 0 else float("inf")), "<= 2.0", verdict(check_s <= 2 * diff_s)),
]
rows.append(("git commit, no hooks", "%.1f ms" % (plain_s * 1000), "", ""))
rows.append(("git commit + refresh hook", "%.1f ms (+%.1f ms)" % (hooked_s * 1000, (hooked_s - plain_s) * 1000), "", ""))
rows.append(("background refresh, one commit", "%.2f s" % refresh_s, "", ""))
rows.append(("backtest, last 2,000 commits", "%.1f s" % backtest_s, "<= 120 s", verdict(backtest_s <= 120)))
rows.append(("nightly refresh (templates)", "%.1f s" % nightly_s, "<= 180 s", verdict(nightly_s <= 180)))
if init_s > 0 and diff_s > 0:
    rows.append(("libgit2 init alone (C)", "%.1f ms = %.1fx git" % (init_s * 1000, init_s / diff_s), "", ""))
    rows.append(("libgit2 init + diff (C)", "%.1f ms = %.1fx git" % (floor_s * 1000, floor_s / diff_s), "", ""))
if index_bytes:
    rows.append(("index size", "%.1f MB" % (int(index_bytes) / 1e6), "", ""))
w0 = max(len(r[0]) for r in rows)
w1 = max(len(r[1]) for r in rows)
print()
print("hindsight benchmark  (%s, renames %s, median of %s runs)" % (repo, "on" if renames == "1" else "off", runs))
print("-" * (w0 + w1 + 26))
for name, value, target, result in rows:
    line = "%-*s  %*s" % (w0, name, w1, value)
    if target:
        line += "   target %-10s %s" % (target, result)
    print(line.rstrip())
print()
json.dump({"repo": repo, "commits": commits, "renames": renames == "1", "runs": int(runs),
           "git_log_s": git_s, "cold_mine_s": cold_s, "cold_git_ratio": ratio,
           "cold_peak_rss_kb": rss_kb, "warm_mine_s": warm_s, "incremental_ms": incr_ms,
           "report_table_s": report_s, "report_json_s": report_json_s, "report_html_s": report_html_s,
           "context_s": context_s,
           "git_log_cpu_s": float(git_cpu) if git_cpu else None, "cold_mine_cpu_s": float(cold_cpu) if cold_cpu else None,
           "check_staged_s": check_s, "git_diff_cached_s": diff_s,
           "git_commit_s": plain_s, "git_commit_refresh_hook_s": hooked_s, "refresh_after_commit_s": refresh_s,
           "backtest_2000_s": backtest_s, "nightly_refresh_s": nightly_s,
           "libgit2_init_s": init_s or None, "libgit2_init_diff_s": floor_s or None,
           "index_bytes": int(index_bytes) if index_bytes else None},
          open(out, "w"), indent=2)
print("(written to %s)" % out)
PY

# ---------------------------------------------------------------- hindsight mcp
# Every MCP tool call on the warm index of the scratch clone, with guards mined so explain_guard,
# guards_for and check_diff have a guard set to read: bench/mcp.py prints the median per call
# (target <= 100 ms each) and the start-up (the server analyses the index once).
note "hindsight mcp tool calls ($check_runs runs each) ..."
"$hs" guards mine --repo "$scratch" --config "$config" --no-mine --no-backtest --max-fixes 100 --quiet
python3 "$here/mcp.py" "$hs" "$scratch" --runs "$check_runs" --config "$config" --as-of 2026-01-01 --json "$bench_dir/mcp.json" \
    || note "the hindsight mcp benchmark failed"
exit 0

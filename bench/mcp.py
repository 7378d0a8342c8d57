#!/usr/bin/env python3
"""Times `hindsight mcp` tool calls on a repository with a warm index.

    python3 bench/mcp.py HINDSIGHT REPO [--runs N] [--config FILE] [--as-of DATE] [--json OUT]

Starts the server once over stdio (plain JSON-RPC, no SDK needed), sends initialize, waits for the
first answer (the server analyses the index once at start: that is the start-up figure), then
calls every tool RUNS times with arguments taken from the repository itself (its top hotspot, a
directory, a guard id when .hindsight/guards.yml has one, the diff of HEAD's commit) and prints
the median round trip per call in milliseconds. Reports; never gates.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


class Server:
    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.next_id = 0

    def request(self, method, params):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params}
        start = time.perf_counter()
        self.process.stdin.write((json.dumps(message) + "\n").encode())
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline()
            if not line:
                sys.exit("bench: hindsight mcp closed its output")
            reply = json.loads(line)
            if reply.get("id") == self.next_id:
                return reply, (time.perf_counter() - start) * 1000.0

    def notify(self, method):
        self.process.stdin.write((json.dumps({"jsonrpc": "2.0", "method": method}) + "\n").encode())
        self.process.stdin.flush()

    def call(self, name, arguments):
        reply, ms = self.request("tools/call", {"name": name, "arguments": arguments})
        if "error" in reply:
            sys.exit("bench: %s failed: %s" % (name, reply["error"]))
        return reply["result"], ms

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("hindsight")
    parser.add_argument("repo")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--config")
    parser.add_argument("--as-of")
    parser.add_argument("--json")
    options = parser.parse_args()

    command = [options.hindsight, "mcp", "--repo", options.repo]
    if options.config:
        command += ["--config", options.config]
    if options.as_of:
        command += ["--as-of", options.as_of]
    started = time.perf_counter()
    server = Server(command)
    server.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                  "clientInfo": {"name": "hindsight-bench", "version": "1"}})
    server.notify("notifications/initialized")
    hot, _ = server.call("hotspots", {"limit": 5})
    startup_ms = (time.perf_counter() - started) * 1000.0
    files = hot["structuredContent"]["files"]
    if not files:
        stable, _ = server.call("file_stability", {"path": "", "limit": 1})
        files = stable["structuredContent"]["files"]
    target = files[0]["path"]
    directory = target.rsplit("/", 1)[0] if "/" in target else ""
    guards, _ = server.call("guards_for", {"path": ""})
    guard_ids = [g["id"] for g in guards["structuredContent"]["guards"]]
    # The latest commit that changed a file (the bench's own commits on the scratch clone are empty).
    diff = subprocess.run(["git", "-C", options.repo, "log", "-1", "-p", "--format=", "--no-color", "-M", "--diff-filter=AMDR", "HEAD"],
                          stdout=subprocess.PIPE, check=True).stdout.decode("utf-8", "replace")
    if len(diff.encode()) > 1 << 20:
        diff = ""

    calls = [
        ("file_stability", {"path": target}),
        ("file_stability", {"path": directory + "/**" if directory else "*"}),
        ("file_history", {"path": target, "limit": 20}),
        ("what_was_tried", {"path": target}),
        ("what_was_tried", {"text": "crash"}),
        ("co_changes", {"path": target}),
        ("hotspots", {"limit": 10}),
        ("hotspots", {"limit": 10, "path": directory}),
        ("guards_for", {"path": target}),
        ("explain_guard", {"id": guard_ids[0]}) if guard_ids else None,
        ("check_diff", {"diff": diff}) if diff else None,
        ("check_diff", {"staged": True}),
    ]
    rows = []
    for name, arguments in filter(None, calls):
        server.call(name, arguments)  # one untimed call first
        times = [server.call(name, arguments)[1] for _ in range(options.runs)]
        shown = {k: (v if len(str(v)) < 40 else "<%d bytes>" % len(str(v))) for k, v in arguments.items()}
        rows.append((name, json.dumps(shown, ensure_ascii=False), statistics.median(times), max(times)))
    server.close()

    width = max(len(r[0]) + len(r[1]) + 1 for r in rows)
    print()
    print("hindsight mcp  (%s, median of %d calls each; start-up = process start to the first answer)" % (options.repo, options.runs))
    print("-" * (width + 34))
    print("%-*s  %8.1f ms" % (width, "start-up (analyses the index once)", startup_ms))
    for name, arguments, median, worst in rows:
        verdict = "PASS" if median <= 100.0 else "MISS"
        print("%-*s  %8.1f ms  (max %6.1f)  target <= 100 ms %s" % (width, name + " " + arguments, median, worst, verdict))
    if options.json:
        with open(options.json, "w") as out:
            json.dump({"repo": options.repo, "runs": options.runs, "startup_ms": startup_ms,
                       "calls": [{"tool": r[0], "arguments": r[1], "median_ms": r[2], "max_ms": r[3]} for r in rows]},
                      out, indent=2)


if __name__ == "__main__":
    main()

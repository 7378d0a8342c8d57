#!/usr/bin/env python3
"""Deterministic synthetic git history generator for benchmarking hindsight.

Writes a `git fast-import` stream to stdout:

    python3 bench/gen_history.py --commits 100000 --seed 1 | git -C REPO fast-import --quiet

or builds a repository directly (HEAD on `main`, work tree checked out):

    python3 bench/gen_history.py --commits 100000 --seed 1 --out-repo /tmp/gen-100k

The output depends only on --commits and --seed (no wall clock, no hash
randomisation: we never iterate over sets of strings).

What the history contains
  * ~100k commits, growing to a few thousand live files in nested directories
    (src/moduleN/subM/*.c, include/, tests/, docs/, scripts/, assets/).
  * mostly 1-5 file edits made of replace/insert/delete hunks; file additions
    and deletions; pure renames; renames with edits (>= 60% of lines kept);
    occasional whole-directory moves (50-300 files); binary blobs with NULs;
    a few symlinks; mode changes; rare empty commits; paths with spaces and
    non-ASCII characters; large files of several thousand lines.
  * feature side branches every ~200 commits, interleaved in time with main and
    merged back with a two-parent merge commit.  The side branch only touches
    files "locked" for it, which main does not touch meanwhile, so the merge
    tree is simply main's tree plus the side branch's changes.
  * ~30 authors (two bots) with fixed time zones, monotonically increasing
    timestamps from 2015-01-01, conventional / plain / revert subjects, bodies,
    and Fixes:, Co-authored-by:, Signed-off-by: trailers.
"""

import argparse
import os
import random
import subprocess
import sys

EPOCH_2015 = 1420070400  # 2015-01-01T00:00:00Z

# --------------------------------------------------------------------------
# vocabulary

WORDS = (
    "parser buffer cache index reader writer stream socket thread queue pool "
    "config logger tokenizer lexer scanner matrix vector table codec frame "
    "packet session router handler driver filter mapper reducer walker "
    "allocator arena registry resolver loader builder encoder decoder "
    "compressor hasher signer verifier monitor tracer profiler scheduler "
    "worker channel pipeline store journal snapshot bitmap graph node edge "
    "cursor iterator range slice region segment chunk block page heap"
).split()

VERBS = (
    "handle check validate parse compute update refresh flush reset init "
    "load store encode decode resolve merge split sort scan emit render "
    "apply commit rollback retry close open track count trim"
).split()

NOUNS = (
    "overflow timeout null pointer race condition leak crash deadlock typo "
    "off-by-one regression edge case warning error path lookup cache miss "
    "empty input large input unicode input negative size stale entry "
    "signal handler shutdown startup config option default value"
).split()

PROSE = (
    "the a this that we our system module function value request response "
    "data file should must can will may is are was be when if then else "
    "because however therefore also only each every before after during "
    "performance memory latency throughput correctness behaviour design "
    "interface implementation change test coverage build release user "
    "document section example note warning see below above following "
    "configuration option default case error handling log output input"
).split()

UNICODE_WORDS = ["café", "naïve", "Größe", "über", "résumé", "日本語", "данные", "señal"]

# (name, email, tz, weight, signs_off)
PEOPLE = [
    ("Alice Martin", "alice.martin@example.com", "+0100", 40, False),
    ("Bob Chen", "bob.chen@example.com", "-0800", 32, False),
    ("Carla Rossi", "carla@rossi.dev", "+0200", 25, True),
    ("David Okafor", "d.okafor@example.org", "+0100", 22, False),
    ("Eva Novak", "eva.novak@example.com", "+0100", 20, False),
    ("Farid Haddad", "farid@example.net", "+0400", 18, False),
    ("Grace Lee", "grace.lee@example.com", "-0500", 16, True),
    ("Hiro Tanaka", "hiro.tanaka@example.jp", "+0900", 15, False),
    ("Ingrid Svensson", "ingrid@example.se", "+0100", 13, False),
    ("Jamal Wright", "jwright@example.com", "-0600", 12, False),
    ("Kateřina Dvořák", "katerina.dvorak@example.cz", "+0100", 11, False),
    ("Liam O'Brien", "liam.obrien@example.ie", "+0000", 10, False),
    ("María José García", "mjgarcia@example.es", "+0100", 10, True),
    ("Nikolai Petrov", "n.petrov@example.ru", "+0300", 9, False),
    ("Olivia Brown", "olivia@example.co.uk", "+0000", 8, False),
    ("Priya Sharma", "priya.sharma@example.in", "+0530", 8, False),
    ("Quentin Dubois", "quentin.dubois@example.fr", "+0100", 7, False),
    ("Rosa Kim", "rosa.kim@example.kr", "+0900", 6, False),
    ("Samuel Adeyemi", "sam.adeyemi@example.com", "+0100", 6, False),
    ("Tomás Silva", "tomas.silva@example.br", "-0300", 5, False),
    ("Uma Patel", "uma@example.com", "-0700", 5, False),
    ("Viktor Horvat", "viktor.horvat@example.hr", "+0100", 4, True),
    ("Wei Zhang", "wei.zhang@example.cn", "+0800", 4, False),
    ("Xenia Müller", "xenia.mueller@example.de", "+0100", 3, False),
    ("Yusuf Demir", "yusuf.demir@example.tr", "+0300", 3, False),
    ("Zoe Taylor", "zoe.taylor@example.au", "+1000", 3, False),
    ("Arjun Rao", "12345678+arjunrao@users.noreply.github.com", "+0530", 2, False),
    ("Ben Schwartz", "ben@example.com", "-0400", 2, False),
]
BOTS = [
    ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "+0000"),
    ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com", "+0000"),
]
GITHUB_COMMITTER = ("GitHub", "noreply@github.com", "+0000")

DEPS = ["lodash", "serde", "tokio", "requests", "urllib3", "pyyaml", "jinja2",
        "protobuf", "zlib", "openssl", "libgit2", "sqlite", "clap", "rand",
        "regex", "chrono", "numpy", "pytest", "black", "eslint"]

TEXT_EXT_BY_KIND = {"src": ("c", "c", "c", "h", "swift", "py"),
                    "inc": ("h",), "tests": ("c", "py", "swift"),
                    "docs": ("md",), "scripts": ("py", "sh"),
                    "special": ("md", "txt")}


# --------------------------------------------------------------------------
# helpers

def cquote(path):
    """Quote a path for fast-import if it needs it (C-style, octal for non-ASCII)."""
    if path.isascii() and not any(c in path for c in ' "\\\n') and path.isprintable():
        return path
    out = ['"']
    for b in path.encode("utf-8"):
        if b == 0x22:
            out.append('\\"')
        elif b == 0x5C:
            out.append("\\\\")
        elif b == 0x0A:
            out.append("\\n")
        elif b < 0x20 or b >= 0x7F:
            out.append("\\%03o" % b)
        else:
            out.append(chr(b))
    out.append('"')
    return "".join(out)


class FileObj:
    __slots__ = ("kind", "lines", "blob", "mode", "nonl", "large", "style")

    def __init__(self, kind, mode="100644", lines=None, blob=None, nonl=False,
                 large=False, style="c"):
        self.kind = kind          # "text", "bin", "link"
        self.mode = mode
        self.lines = lines        # list of str (each ending with "\n") for text
        self.blob = blob          # bytes for bin, target str for link
        self.nonl = nonl          # text: no newline at end of file
        self.large = large
        self.style = style

    def data(self):
        if self.kind == "text":
            s = "".join(self.lines)
            if self.nonl and s.endswith("\n"):
                s = s[:-1]
            return s.encode("utf-8")
        if self.kind == "bin":
            return self.blob
        return self.blob.encode("utf-8")

    def copy(self):
        return FileObj(self.kind, self.mode,
                       list(self.lines) if self.lines is not None else None,
                       self.blob, self.nonl, self.large, self.style)


class PathList:
    """Insertion-ordered list with O(1) removal (swap-pop) and random choice."""

    def __init__(self):
        self.items = []
        self.pos = {}

    def add(self, x):
        if x not in self.pos:
            self.pos[x] = len(self.items)
            self.items.append(x)

    def remove(self, x):
        i = self.pos.pop(x, None)
        if i is None:
            return
        last = self.items.pop()
        if i < len(self.items):
            self.items[i] = last
            self.pos[last] = i

    def __len__(self):
        return len(self.items)

    def __contains__(self, x):
        return x in self.pos


# --------------------------------------------------------------------------
# generator

class Gen:
    def __init__(self, seed, ncommits, out):
        self.rng = random.Random(seed)
        self.n = ncommits
        self.out = out
        self.files = {}              # path -> FileObj (union of main + active side)
        self.text = PathList()       # editable text files (not large-biased)
        self.bins = PathList()
        self.links = PathList()
        self.locked = {}             # path -> True, reserved for active side branch
        self.recent = []             # recently edited paths (locality)
        self.next_id = 1
        self.areas = []              # dicts: prefix, kind, nsub
        self.module_seq = 0
        self.t = EPOCH_2015 + 9 * 3600
        self.mark = 0
        self.total = 0
        self.main_tip = None
        self.side = None
        self.last_undo = None        # (subject, {path: FileObj copy}) of last main edit
        self.subjects = []
        self.pr = 1000
        self.target_live = max(300, min(4500, int(ncommits * 0.045) + 300))
        w = [p[3] for p in PEOPLE]
        self.cum_people = []
        s = 0
        for x in w:
            s += x
            self.cum_people.append(s)
        self.stats = {"commits": 0, "merges": 0, "renames": 0, "dirmoves": 0,
                      "bytes": 0, "adds": 0, "deletes": 0, "reverts": 0,
                      "empty": 0, "binary": 0}
        self.buf = []

    # ---------------- low-level emission

    def emit(self, s):
        self.buf.append(s.encode("utf-8"))

    def emit_data(self, b):
        self.buf.append(b"data %d\n" % len(b))
        self.buf.append(b)
        self.buf.append(b"\n")
        self.stats["bytes"] += len(b)

    def flush(self):
        if self.buf:
            self.out.write(b"".join(self.buf))
            self.buf = []

    # ---------------- content

    def gen_line(self, style):
        rng = self.rng
        r = rng.random
        x = r()
        if style == "md":
            if x < 0.12:
                return "\n"
            if x < 0.17:
                return "## %s %s %d\n" % (rng.choice(WORDS).capitalize(), rng.choice(PROSE), int(r() * 90))
            n = 5 + int(r() * 10)
            words = [PROSE[int(r() * len(PROSE))] for _ in range(n)]
            if r() < 0.02:
                words[int(r() * n)] = rng.choice(UNICODE_WORDS)
            pre = "- " if x < 0.35 else ""
            return pre + " ".join(words).capitalize() + ".\n"
        if style == "txt":
            if x < 0.1:
                return "\n"
            return "%s_%d = %s %d\n" % (rng.choice(WORDS), int(r() * 500), rng.choice(PROSE), int(r() * 10000))
        if style == "json":
            return '  "%s_%d": "%d.%d.%d",\n' % (rng.choice(WORDS), int(r() * 300), int(r() * 5), int(r() * 30), int(r() * 20))
        if style == "py":
            if x < 0.14:
                return "\n"
            if x < 0.22:
                return "def %s_%s_%d(a, b=None):\n" % (rng.choice(VERBS), rng.choice(WORDS), int(r() * 900))
            if x < 0.30:
                return "    if v%d > %d:\n" % (int(r() * 300), int(r() * 100))
            if x < 0.36:
                return "        return %s(v%d)\n" % (rng.choice(WORDS), int(r() * 300))
            if x < 0.42:
                return "    # %s %s %s\n" % (rng.choice(VERBS), rng.choice(PROSE), rng.choice(NOUNS))
            if x < 0.46:
                return "import %s_%d\n" % (rng.choice(WORDS), int(r() * 60))
            return "    v%d = f%d(a, b)  # note %d\n" % (int(r() * 400), int(r() * 120), int(r() * 60))
        if style == "sh":
            if x < 0.15:
                return "\n"
            if x < 0.3:
                return "# %s %s\n" % (rng.choice(VERBS), rng.choice(PROSE))
            return '%s_%d="${%s:-%d}"\n' % (rng.choice(WORDS).upper(), int(r() * 99), rng.choice(WORDS).upper(), int(r() * 999))
        if style == "swift":
            if x < 0.13:
                return "\n"
            if x < 0.20:
                return "    func %s%s%d(_ a: Int, b: String) -> Int {\n" % (rng.choice(VERBS), rng.choice(WORDS).capitalize(), int(r() * 900))
            if x < 0.27:
                return "    }\n"
            if x < 0.33:
                return "        guard v%d > %d else { return %d }\n" % (int(r() * 300), int(r() * 100), int(r() * 10))
            if x < 0.38:
                return "    // %s %s %s\n" % (rng.choice(VERBS), rng.choice(PROSE), rng.choice(NOUNS))
            return "        let v%d = f%d(a, b) // note %d\n" % (int(r() * 400), int(r() * 120), int(r() * 60))
        # C / header
        if x < 0.13:
            return "\n"
        if x < 0.20:
            return "}\n"
        if x < 0.26:
            return "static int %s_%s_%d(struct %s *c, size_t n) {\n" % (rng.choice(VERBS), rng.choice(WORDS), int(r() * 900), rng.choice(WORDS))
        if x < 0.33:
            return "    if (v%d > %d) {\n" % (int(r() * 300), int(r() * 100))
        if x < 0.38:
            return "        return f%d(c, v%d);\n" % (int(r() * 120), int(r() * 300))
        if x < 0.43:
            return "    /* %s %s %s */\n" % (rng.choice(VERBS), rng.choice(PROSE), rng.choice(NOUNS))
        if x < 0.46:
            return '#include "%s_%d.h"\n' % (rng.choice(WORDS), int(r() * 80))
        if x < 0.49:
            return "#define %s_%d %d\n" % (rng.choice(WORDS).upper(), int(r() * 200), int(r() * 4096))
        return "    int v%d = f%d(a, b); // note %d\n" % (int(r() * 400), int(r() * 120), int(r() * 60))

    def gen_lines(self, style, n):
        g = self.gen_line
        return [g(style) for _ in range(n)]

    def new_size(self):
        rng = self.rng
        x = rng.random()
        if x < 0.05:
            return 3 + int(rng.random() * 17)
        n = int(rng.lognormvariate(4.9, 0.75))  # median ~135 lines
        return max(20, min(800, n))

    def gen_png(self, n):
        rng = self.rng
        head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(13) + b"\x00\x00\x00\x00IDAT"
        return head + rng.randbytes(n) + b"\x00\x00\x00\x00IEND\xaeB`\x82"

    # ---------------- file bookkeeping

    def add_file(self, path, fo):
        self.files[path] = fo
        if fo.kind == "text":
            self.text.add(path)
        elif fo.kind == "bin":
            self.bins.add(path)
        else:
            self.links.add(path)

    def del_file(self, path):
        fo = self.files.pop(path)
        self.text.remove(path)
        self.bins.remove(path)
        self.links.remove(path)
        return fo

    def new_module(self):
        k = self.module_seq
        self.module_seq += 1
        nsub = 1 + int(self.rng.random() * 6)
        self.areas.append({"prefix": "src/module%d" % k, "kind": "src", "nsub": nsub, "mod": k})
        self.areas.append({"prefix": "include/module%d" % k, "kind": "inc", "nsub": 0, "mod": k})
        self.areas.append({"prefix": "tests/module%d" % k, "kind": "tests", "nsub": 0, "mod": k})

    def pick_area(self, kind=None):
        rng = self.rng
        if kind is None:
            x = rng.random()
            if x < 0.61:
                kind = "src"
            elif x < 0.77:
                kind = "tests"
            elif x < 0.85:
                kind = "inc"
            elif x < 0.93:
                kind = "docs"
            elif x < 0.975:
                kind = "scripts"
            elif x < 0.99:
                kind = "assets"
            else:
                kind = "special"
        cands = [a for a in self.areas if a["kind"] == kind]
        return cands[int(rng.random() * len(cands))]

    def new_path(self, area):
        rng = self.rng
        fid = self.next_id
        self.next_id += 1
        kind = area["kind"]
        d = area["prefix"]
        if area["nsub"] and rng.random() < 0.85:
            d += "/sub%d" % int(rng.random() * area["nsub"])
        w = rng.choice(WORDS)
        if kind == "assets":
            return "%s/%s_%04d.png" % (d, w, fid), "bin"
        if kind == "special":
            x = rng.random()
            if x < 0.4:
                name = "%s Notes %04d.md" % (w.capitalize(), fid)
            elif x < 0.8:
                name = "%s_%s_%04d.md" % (rng.choice(UNICODE_WORDS), w, fid)
            else:
                name = "%s %s %04d.txt" % (rng.choice(UNICODE_WORDS), w, fid)
            return "%s/%s" % (d, name), "text"
        ext = rng.choice(TEXT_EXT_BY_KIND[kind])
        if kind == "tests":
            return "%s/test_%s_%04d.%s" % (d, w, fid, ext), "text"
        if kind == "docs":
            return "%s/%s_%04d.md" % (d, w, fid), "text"
        return "%s/%s_%04d.%s" % (d, w, fid, ext), "text"

    @staticmethod
    def style_for(path):
        ext = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
        return {"c": "c", "h": "c", "py": "py", "swift": "swift", "md": "md",
                "sh": "sh", "json": "json", "txt": "txt"}.get(ext, "txt")

    def make_file(self, path, kind):
        rng = self.rng
        if kind == "bin":
            n = 150 + int(rng.random() * 6000) if rng.random() < 0.95 else 20000 + int(rng.random() * 120000)
            return FileObj("bin", blob=self.gen_png(n))
        style = self.style_for(path)
        large = rng.random() < 0.004
        n = 2000 + int(rng.random() * 6000) if large else self.new_size()
        mode = "100755" if style == "sh" else "100644"
        return FileObj("text", mode=mode, lines=self.gen_lines(style, n),
                       nonl=rng.random() < 0.03, large=large, style=style)

    # ---------------- choosing files

    def pick_text(self, avoid=None, allow_locked=False, from_list=None):
        rng = self.rng
        items = self.text.items if from_list is None else from_list
        if not items:
            return None
        for attempt in range(40):
            if from_list is None and self.recent and rng.random() < 0.35:
                p = self.recent[int(rng.random() * len(self.recent))]
                if p not in self.files or self.files[p].kind != "text":
                    continue
            else:
                p = items[int(rng.random() * len(items))]
            fo = self.files.get(p)
            if fo is None or fo.kind != "text":
                continue
            if not allow_locked and p in self.locked:
                continue
            if avoid and p in avoid:
                continue
            if fo.large and rng.random() < 0.85:
                continue
            return p
        return None

    def touch_recent(self, p):
        self.recent.append(p)
        if len(self.recent) > 60:
            del self.recent[:20]

    # ---------------- edits

    def edit_lines(self, fo, max_frac=None):
        rng = self.rng
        r = rng.random
        lines = fo.lines
        n0 = len(lines)
        budget = None if max_frac is None else max(1, int(n0 * max_frac))
        hunks = 1 + int(r() * 3) if r() < 0.9 else 4 + int(r() * 6)
        changed = 0
        for _ in range(hunks):
            n = len(lines)
            x = r()
            if x < 0.5:
                k, m = 1 + int(r() * 8), 1 + int(r() * 8)
            elif x < 0.75:
                k, m = 0, 1 + int(r() * 12)
            elif x < 0.98:
                k, m = 1 + int(r() * 12), 0
            else:
                k, m = int(r() * 5), 20 + int(r() * 120)
            if n > 1200 and not fo.large and m > k:
                k, m = m, k
            if n - k < 5:
                k = max(0, n - 5)
            if budget is not None:
                if changed >= budget:
                    break
                k = min(k, budget - changed)
                m = min(m, budget - changed + 2)
            if k == 0 and m == 0:
                m = 1
            pos = int(r() * (n - k + 1))
            lines[pos:pos + k] = self.gen_lines(fo.style, m)
            changed += max(k, m)
        if fo.nonl and r() < 0.05:
            fo.nonl = False

    # ---------------- identities & messages

    def person(self):
        x = self.rng.random() * self.cum_people[-1]
        for i, c in enumerate(self.cum_people):
            if x < c:
                return PEOPLE[i]
        return PEOPLE[-1]

    def tick(self):
        rng = self.rng
        x = rng.random()
        if x < 0.55:
            dt = 60 + int(rng.random() * 1740)        # minutes
        elif x < 0.92:
            dt = 1800 + int(rng.random() * 4200)      # up to ~1.5h
        else:
            dt = 6000 + int(rng.random() * 8400)      # a few hours
        self.t += dt
        return self.t

    def describe(self, paths):
        rng = self.rng
        if not paths:
            return rng.choice(WORDS), rng.choice(WORDS)
        p = paths[int(rng.random() * len(paths))]
        parts = p.split("/")
        scope = parts[1] if len(parts) > 2 else parts[0]
        base = parts[-1].rsplit(".", 1)[0]
        return scope, base

    def subject(self, paths, kind="edit"):
        rng = self.rng
        scope, base = self.describe(paths)
        v, w, nn = rng.choice(VERBS), rng.choice(WORDS), rng.choice(NOUNS)
        x = rng.random()
        if kind == "add":
            opts = ["feat(%s): add %s" % (scope, base), "Add %s" % base,
                    "feat: introduce %s %s" % (w, base), "Add tests for %s" % base,
                    "%s: add %s support" % (scope, w)]
        elif kind == "delete":
            opts = ["Remove unused %s" % base, "chore: drop %s" % base,
                    "refactor(%s): delete dead code in %s" % (scope, base)]
        elif kind == "rename":
            opts = ["Rename %s" % base, "refactor: move %s to %s" % (base, scope),
                    "refactor(%s): rename %s and tidy up" % (scope, base),
                    "Move %s into %s" % (base, scope)]
        else:
            opts = ["fix: %s %s in %s" % (v, nn, base),
                    "fix(%s): %s %s" % (scope, v, nn),
                    "feat(%s): %s %s %s" % (scope, v, w, base),
                    "Fix crash in %s when %s" % (base, nn),
                    "Fix %s in %s" % (nn, base),
                    "refactor %s %s" % (scope, w),
                    "refactor(%s): simplify %s" % (scope, base),
                    "perf(%s): avoid %s in %s" % (scope, nn, base),
                    "Improve %s %s" % (w, v),
                    "Update %s" % base,
                    "docs: clarify %s %s" % (w, nn),
                    "test: cover %s in %s" % (nn, base),
                    "%s: %s %s" % (scope, v, w),
                    "wip", "fix typo", "address review comments",
                    "Handle %s in %s::%s" % (nn, base, v)]
            if x < 0.3:
                return opts[int(rng.random() * 6)]
        return opts[int(rng.random() * len(opts))]

    def sentence(self):
        rng = self.rng
        n = 6 + int(rng.random() * 12)
        s = " ".join(PROSE[int(rng.random() * len(PROSE))] for _ in range(n))
        return s.capitalize() + "."

    def body(self):
        rng = self.rng
        paras = []
        for _ in range(1 + int(rng.random() * 3)):
            words = " ".join(self.sentence() for _ in range(1 + int(rng.random() * 4))).split()
            lines, cur = [], ""
            for wd in words:
                if cur and len(cur) + 1 + len(wd) > 72:
                    lines.append(cur)
                    cur = wd
                else:
                    cur = wd if not cur else cur + " " + wd
            if cur:
                lines.append(cur)
            paras.append("\n".join(lines))
        return "\n\n".join(paras)

    def message(self, subj, author, body_p=0.35):
        rng = self.rng
        parts = [subj]
        if rng.random() < body_p:
            parts.append(self.body())
        trailers = []
        x = rng.random()
        if x < 0.06:
            trailers.append("Fixes: #%d" % (100 + int(rng.random() * 4000)))
        elif x < 0.08:
            trailers.append("Fixes: https://issues.example.com/browse/HS-%d" % (10 + int(rng.random() * 900)))
        if rng.random() < 0.04:
            co = self.person()
            if co[0] != author[0]:
                trailers.append("Co-authored-by: %s <%s>" % (co[0], co[1]))
        if rng.random() < 0.02:
            rv = self.person()
            trailers.append("Reviewed-by: %s <%s>" % (rv[0], rv[1]))
        if len(author) > 4 and author[4]:
            trailers.append("Signed-off-by: %s <%s>" % (author[0], author[1]))
        if trailers:
            parts.append("\n".join(trailers))
        self.subjects.append(subj)
        if len(self.subjects) > 200:
            del self.subjects[:100]
        return "\n\n".join(parts) + "\n"

    # ---------------- commit emission

    def begin_commit(self, ref, msg, author, committer=None, from_mark=None, merge_mark=None):
        self.mark += 1
        self.total += 1
        self.stats["commits"] += 1
        at = self.tick()
        ct = at
        if committer is None:
            committer = author
        elif committer is not author:
            ct = at + int(self.rng.random() * 3600)
            self.t = ct
        self.emit("commit %s\nmark :%d\nauthor %s <%s> %d %s\ncommitter %s <%s> %d %s\n"
                  % (ref, self.mark, author[0], author[1], at, author[2],
                     committer[0], committer[1], ct, committer[2]))
        self.emit_data(msg.encode("utf-8"))
        if from_mark is not None:
            self.emit("from :%d\n" % from_mark)
        if merge_mark is not None:
            self.emit("merge :%d\n" % merge_mark)
        return self.mark

    def emit_m(self, path):
        fo = self.files[path]
        self.emit("M %s inline %s\n" % (fo.mode, cquote(path)))
        self.emit_data(fo.data())

    def emit_d(self, path):
        self.emit("D %s\n" % cquote(path))

    def emit_r(self, old, new):
        self.emit("R %s %s\n" % (cquote(old), cquote(new)))

    def end_commit(self):
        self.buf.append(b"\n")
        self.flush()

    # ---------------- commit kinds (main branch)

    def c_initial(self):
        rng = self.rng
        for _ in range(8):
            self.new_module()
        for k, pre in (("docs", "docs/guide"), ("docs", "docs/api"), ("docs", "docs/design"),
                       ("scripts", "scripts"), ("assets", "assets/img"),
                       ("special", "docs/Release Notes"), ("special", "docs/i18n/日本語"),
                       ("special", "docs/i18n/français")):
            self.areas.append({"prefix": pre, "kind": k, "nsub": 0, "mod": -1})
        paths = []
        root = [("README.md", "md"), ("CHANGELOG.md", "md"), ("Makefile", "txt"),
                ("LICENSE", "txt"), ("package.json", "json"), ("requirements.txt", "txt")]
        for p, st in root:
            n = 40 + int(rng.random() * 80)
            fo = FileObj("text", lines=self.gen_lines(st, n), style=st)
            if p == "package.json":
                fo.lines = ["{\n"] + fo.lines + ['  "version": "0.1.0"\n', "}\n"]
            self.add_file(p, fo)
            paths.append(p)
        ninit = max(20, min(150, self.n // 20))
        for _ in range(ninit):
            area = self.pick_area()
            p, kind = self.new_path(area)
            self.add_file(p, self.make_file(p, kind))
            paths.append(p)
        self.add_file("docs/index.md", FileObj("link", mode="120000", blob="../README.md"))
        self.add_file("include/current", FileObj("link", mode="120000", blob="module0"))
        paths += ["docs/index.md", "include/current"]
        author = PEOPLE[0]
        self.main_tip = self.begin_commit("refs/heads/main", "Initial commit\n", author)
        for p in paths:
            self.emit_m(p)
        self.end_commit()

    def c_edit(self, ref, author, nfiles=None, avoid_locked=True, pool=None):
        rng = self.rng
        if nfiles is None:
            x = rng.random()
            nfiles = (1 if x < 0.5 else 2 if x < 0.72 else 3 if x < 0.85 else
                      4 if x < 0.93 else 5 if x < 0.985 else 6 + int(rng.random() * 25))
        chosen = []
        seen = {}
        for _ in range(nfiles):
            p = self.pick_text(avoid=seen, allow_locked=not avoid_locked, from_list=pool)
            if p is None:
                break
            seen[p] = True
            chosen.append(p)
        if not chosen:
            return None
        undo = {}
        for p in chosen:
            fo = self.files[p]
            undo[p] = fo.copy()
            self.edit_lines(fo)
            self.touch_recent(p)
        subj = self.subject(chosen)
        msg = self.message(subj, author)
        m = self.begin_commit(ref, msg, author)
        for p in chosen:
            self.emit_m(p)
        self.end_commit()
        return m, subj, undo, chosen

    def c_add(self, ref, author, area=None):
        rng = self.rng
        n = 1 + int(rng.random() * 3) if rng.random() < 0.8 else 4 + int(rng.random() * 8)
        if area is None:
            if rng.random() < 0.006:
                self.new_module()
            area = self.pick_area()
        new = []
        for _ in range(n):
            p, kind = self.new_path(area)
            if p in self.files or p in self.locked:
                continue
            self.add_file(p, self.make_file(p, kind))
            new.append(p)
            self.touch_recent(p)
            if kind == "bin":
                self.stats["binary"] += 1
        self.stats["adds"] += len(new)
        # often also touch an existing file (wire up the new code)
        extra = []
        if rng.random() < 0.5:
            q = self.pick_text(avoid=dict.fromkeys(new))
            if q:
                self.edit_lines(self.files[q])
                extra.append(q)
        msg = self.message(self.subject(new, "add"), author)
        m = self.begin_commit(ref, msg, author)
        for p in new + extra:
            self.emit_m(p)
        self.end_commit()
        return m

    def c_delete(self, author):
        rng = self.rng
        n = 1 + int(rng.random() * 3)
        gone = []
        for _ in range(n * 3):
            if len(gone) >= n or len(self.files) < 50:
                break
            pool = self.text.items if rng.random() < 0.93 or not self.bins else self.bins.items
            p = pool[int(rng.random() * len(pool))]
            if p in self.locked or p in gone or p in ("README.md", "CHANGELOG.md", "package.json"):
                continue
            gone.append(p)
        if not gone:
            return None
        for p in gone:
            self.del_file(p)
        self.stats["deletes"] += len(gone)
        msg = self.message(self.subject(gone, "delete"), author)
        m = self.begin_commit("refs/heads/main", msg, author)
        for p in gone:
            self.emit_d(p)
        self.end_commit()
        return m

    def rename_target(self, old):
        rng = self.rng
        d, base = old.rsplit("/", 1) if "/" in old else ("", old)
        x = rng.random()
        fid = self.next_id
        self.next_id += 1
        stem, ext = (base.rsplit(".", 1) + [""])[:2] if "." in base else (base, "")
        suffix = ("." + ext) if ext else ""
        if x < 0.45:   # same dir, new name
            new = "%s/%s_%s_%04d%s" % (d, rng.choice(WORDS), rng.choice(WORDS), fid, suffix) if d else \
                  "%s_%04d%s" % (stem, fid, suffix)
        else:          # another directory of the same kind, new unique name
            kind = ("tests" if old.startswith("tests/") else "docs" if old.endswith(".md")
                    else "inc" if old.endswith(".h") else "src")
            a = self.pick_area(kind)
            dd = a["prefix"]
            if a["nsub"]:
                dd += "/sub%d" % int(rng.random() * a["nsub"])
            new = "%s/%s_%04d%s" % (dd, stem.rsplit("_", 1)[0], fid, suffix)
        if new in self.files or new in self.locked:
            return None
        return new

    def c_rename(self, author, with_edit):
        rng = self.rng
        n = 1 if rng.random() < 0.8 else 2 + int(rng.random() * 4)
        pairs = []
        for _ in range(n):
            old = self.pick_text()
            if old is None or old in ("README.md", "CHANGELOG.md", "package.json", "requirements.txt",
                                      "Makefile", "LICENSE") or any(old == a for a, _ in pairs):
                continue
            new = self.rename_target(old)
            if new is None:
                continue
            pairs.append((old, new))
        if not pairs:
            return None
        for old, new in pairs:
            fo = self.del_file(old)
            if with_edit:
                self.edit_lines(fo, max_frac=0.25)
            self.add_file(new, fo)
            self.touch_recent(new)
        self.stats["renames"] += len(pairs)
        msg = self.message(self.subject([p[1] for p in pairs], "rename"), author)
        m = self.begin_commit("refs/heads/main", msg, author)
        for old, new in pairs:
            if with_edit:
                self.emit_d(old)
                self.emit_m(new)
            else:
                self.emit_r(old, new)
        self.end_commit()
        return m

    def c_dirmove(self, author):
        rng = self.rng
        srcs = [a for a in self.areas if a["kind"] == "src"]
        counts = {}
        for p in self.files:
            if p.startswith("src/"):
                parts = p.split("/")
                k2 = "/".join(parts[:2])
                counts[k2] = counts.get(k2, 0) + 1
                if len(parts) > 3:
                    k3 = "/".join(parts[:3])
                    counts[k3] = counts.get(k3, 0) + 1
        cands = []
        for a in srcs:
            c = counts.get(a["prefix"], 0)
            if 50 <= c <= 300:
                cands.append((a, a["prefix"], None))
            elif c > 300:
                for j in range(a["nsub"]):
                    sp = "%s/sub%d" % (a["prefix"], j)
                    if 50 <= counts.get(sp, 0) <= 300:
                        cands.append((a, sp, j))
        if not cands:
            return None
        a, old_prefix, sub = cands[int(rng.random() * len(cands))]
        if sub is None:
            x = rng.random()
            mod = a["mod"]
            if x < 0.4:
                newp = "lib/%s%d" % (rng.choice(WORDS), mod)
            elif x < 0.7:
                newp = "src/%s_%d" % (rng.choice(WORDS), mod)
            else:
                newp = "src/core/%s%d" % (rng.choice(WORDS), mod)
        else:
            newp = "%s/%s%d" % (a["prefix"], rng.choice(WORDS), sub)
        if any(p.startswith(newp + "/") for p in self.files):
            return None
        moved = [p for p in self.files if p.startswith(old_prefix + "/")]
        pairs = []
        for p in moved:
            fo = self.del_file(p)
            np_ = newp + p[len(old_prefix):]
            self.add_file(np_, fo)
            pairs.append((p, np_))
        if sub is None:
            a["prefix"] = newp
        edited = []
        for _ in range(int(rng.random() * 4)):
            np_ = pairs[int(rng.random() * len(pairs))][1]
            fo = self.files[np_]
            if fo.kind == "text" and np_ not in edited:
                self.edit_lines(fo, max_frac=0.05)
                edited.append(np_)
        self.recent = []
        self.stats["dirmoves"] += 1
        self.stats["renames"] += len(pairs)
        subj = rng.choice(["refactor: move %s to %s", "Move %s to %s", "Reorganize %s into %s",
                           "chore: relocate %s -> %s"]) % (old_prefix, newp)
        msg = self.message(subj, author, body_p=0.6)
        m = self.begin_commit("refs/heads/main", msg, author)
        for old, new in pairs:
            self.emit_r(old, new)
        for p in edited:
            self.emit_m(p)
        self.end_commit()
        return m

    def c_binary(self, author):
        rng = self.rng
        if self.bins and rng.random() < 0.75:
            p = self.bins.items[int(rng.random() * len(self.bins))]
            if p in self.locked:
                return None
            fo = self.files[p]
            b = bytearray(fo.blob)
            for _ in range(1 + int(rng.random() * 4)):
                pos = 20 + int(rng.random() * max(1, len(b) - 60))
                ln = 8 + int(rng.random() * 40)
                b[pos:pos + ln] = rng.randbytes(ln)
            fo.blob = bytes(b)
            subj = rng.choice(["Update %s", "assets: refresh %s", "Optimize %s"]) % p.rsplit("/", 1)[-1]
            self.stats["binary"] += 1
            msg = self.message(subj, author, body_p=0.1)
            m = self.begin_commit("refs/heads/main", msg, author)
            self.emit_m(p)
            self.end_commit()
            return m
        return self.c_add("refs/heads/main", author, area=self.pick_area("assets"))

    def c_deps(self):
        rng = self.rng
        bot = BOTS[0]
        p = "package.json" if rng.random() < 0.6 else "requirements.txt"
        if p in self.locked or p not in self.files:
            return None
        fo = self.files[p]
        dep = rng.choice(DEPS)
        a = (int(rng.random() * 5), int(rng.random() * 30), int(rng.random() * 20))
        b = (a[0], a[1] + 1 + int(rng.random() * 3), 0)
        i = 1 + int(rng.random() * max(1, len(fo.lines) - 3))
        if p == "package.json":
            fo.lines[i] = '  "%s": "^%d.%d.%d",\n' % (dep, *b)
        else:
            fo.lines[i] = "%s==%d.%d.%d\n" % (dep, *b)
        subj = "build(deps): bump %s from %d.%d.%d to %d.%d.%d" % ((dep,) + a + b)
        body = ("Bumps [%s](https://github.com/example/%s) from %d.%d.%d to %d.%d.%d.\n\n"
                "---\nupdated-dependencies:\n- dependency-name: %s\n  dependency-type: direct:production\n"
                "...\n\nSigned-off-by: dependabot[bot] <support@github.com>\n"
                % ((dep, dep) + a + b + (dep,)))
        m = self.begin_commit("refs/heads/main", subj + "\n\n" + body, bot, committer=GITHUB_COMMITTER)
        self.emit_m(p)
        self.end_commit()
        return m

    def c_changelog(self):
        rng = self.rng
        fo = self.files.get("CHANGELOG.md")
        if fo is None:
            return None
        ver = "%d.%d.%d" % (1 + self.total // 20000, (self.total // 1500) % 15, int(rng.random() * 10))
        entry = ["## v%s\n" % ver, "\n"] + ["- %s\n" % s for s in self.subjects[-(3 + int(rng.random() * 8)):]] + ["\n"]
        fo.lines[2:2] = entry
        bot = BOTS[1]
        m = self.begin_commit("refs/heads/main", "chore(release): v%s\n" % ver, bot)
        self.emit_m("CHANGELOG.md")
        self.end_commit()
        return m

    def c_revert(self, author):
        subj, undo = self.last_undo
        for p in undo:
            if p not in self.files or p in self.locked or self.files[p].kind != "text":
                return None
        for p, old in undo.items():
            self.files[p] = old
        self.stats["reverts"] += 1
        s = 'Revert "%s"' % subj
        why = self.rng.choice(["It broke the nightly build.", "Causes a regression in the test suite.",
                               "Needs more discussion before landing.", "Performance regression on large inputs."])
        msg = s + "\n\nThis reverts the previous commit \"%s\".\n\n%s\n" % (subj, why)
        m = self.begin_commit("refs/heads/main", msg, author)
        for p in undo:
            self.emit_m(p)
        self.end_commit()
        return m

    def c_empty(self, author):
        self.stats["empty"] += 1
        subj = self.rng.choice(["Trigger CI", "ci: retrigger build", "Empty commit to kick CI"])
        m = self.begin_commit("refs/heads/main", subj + "\n", author)
        self.end_commit()
        return m

    def c_mode(self, author):
        p = self.pick_text()
        if p is None:
            return None
        fo = self.files[p]
        fo.mode = "100755" if fo.mode == "100644" else "100644"
        m = self.begin_commit("refs/heads/main", "Fix permissions of %s\n" % p.rsplit("/", 1)[-1], author)
        self.emit_m(p)
        self.end_commit()
        return m

    def c_symlink(self, author):
        rng = self.rng
        if self.links and (rng.random() < 0.6 or len(self.links) >= 6):
            p = "include/current"
            if p not in self.files:
                return None
            self.files[p].blob = "module%d" % int(rng.random() * max(1, self.module_seq))
            subj = "Point include/current at %s" % self.files[p].blob
        else:
            p = "scripts/latest-%04d" % self.next_id
            self.next_id += 1
            tgt = self.text.items[int(rng.random() * len(self.text))]
            self.add_file(p, FileObj("link", mode="120000", blob="../" + tgt))
            subj = "Add convenience symlink %s" % p
        m = self.begin_commit("refs/heads/main", subj + "\n", author)
        self.emit_m(p)
        self.end_commit()
        return m

    def main_commit(self):
        """One ordinary commit on main. Returns True if a commit was written."""
        rng = self.rng
        author = self.person()
        x = rng.random()
        live = len(self.files)
        fill = live / self.target_live
        p_add = 0.05 * max(0.1, 1.15 - fill)
        p_del = 0.012 * (0.3 + 1.5 * fill ** 4)
        undo = None
        m = None
        side_active = self.side is not None
        if x < 0.001 and not side_active:
            m = self.c_dirmove(author)
        elif x < 0.003:
            m = self.c_empty(author)
        elif x < 0.004:
            m = self.c_mode(author)
        elif x < 0.0043:
            m = self.c_symlink(author)
        elif x < 0.016:
            if self.last_undo is not None:
                m = self.c_revert(author)
        elif x < 0.036:
            m = self.c_deps()
        elif x < 0.046:
            m = self.c_changelog()
        elif x < 0.058:
            m = self.c_binary(author)
        elif x < 0.082:
            m = self.c_rename(author, with_edit=False)
        elif x < 0.106:
            m = self.c_rename(author, with_edit=True)
        elif x < 0.106 + p_add:
            m = self.c_add("refs/heads/main", author)
        elif x < 0.106 + p_add + p_del:
            m = self.c_delete(author)
        else:
            r = self.c_edit("refs/heads/main", author)
            if r is not None:
                m, subj, und, _ = r
                if rng.random() < 0.25:
                    undo = (subj, und)
        if m is None:
            return False
        self.main_tip = m
        self.last_undo = undo
        return True

    # ---------------- side branches

    def start_side(self):
        rng = self.rng
        srcs = [a for a in self.areas if a["kind"] == "src"]
        area = srcs[int(rng.random() * len(srcs))]
        pre = area["prefix"] + "/"
        pool = [p for p in self.text.items if p.startswith(pre) and not self.files[p].large]
        k = min(len(pool), 3 + int(rng.random() * 22))
        chosen = rng.sample(pool, k) if k else []
        for p in chosen:
            self.locked[p] = True
        user = self.person()
        topic = "%s-%s" % (rng.choice(VERBS), rng.choice(WORDS))
        left = min(3 + int(rng.random() * 18), self.n - self.total - 2)
        self.side = {"base": self.main_tip, "tip": None, "left": left,
                     "main_left": int(rng.random() * 30), "area": area, "pool": chosen,
                     "base_paths": dict.fromkeys(chosen), "author": user, "topic": topic,
                     "changed": {}, "subjects": []}

    def side_commit(self):
        rng = self.rng
        s = self.side
        ref = "refs/heads/_gen_side"
        author = s["author"] if rng.random() < 0.85 else self.person()
        frm = s["base"] if s["tip"] is None else None
        x = rng.random()
        s["left"] -= 1
        live_pool = [p for p in s["pool"] if p in self.files]
        if x < 0.25 or not live_pool:
            # add files into the area
            area = s["area"]
            new = []
            for _ in range(1 + int(rng.random() * 3)):
                p, kind = self.new_path(area)
                if p in self.files or p in self.locked:
                    continue
                self.add_file(p, self.make_file(p, "text"))
                self.locked[p] = True
                s["pool"].append(p)
                new.append(p)
            for p in new:
                s["changed"][p] = True
            self.stats["adds"] += len(new)
            subj = self.subject(new, "add")
            m = self.begin_commit(ref, self.message(subj, author), author, from_mark=frm)
            for p in new:
                self.emit_m(p)
            self.end_commit()
        elif x < 0.30 and len(live_pool) > 2:
            p = live_pool[int(rng.random() * len(live_pool))]
            self.del_file(p)
            s["changed"][p] = True
            self.stats["deletes"] += 1
            subj = self.subject([p], "delete")
            m = self.begin_commit(ref, self.message(subj, author), author, from_mark=frm)
            self.emit_d(p)
            self.end_commit()
        else:
            n = 1 + int(rng.random() * min(4, len(live_pool)))
            chosen = rng.sample(live_pool, n)
            for p in chosen:
                self.edit_lines(self.files[p])
                s["changed"][p] = True
            subj = self.subject(chosen)
            m = self.begin_commit(ref, self.message(subj, author), author, from_mark=frm)
            for p in chosen:
                self.emit_m(p)
            self.end_commit()
        s["tip"] = m
        s["subjects"].append(subj)

    def merge_side(self):
        rng = self.rng
        s = self.side
        maint = self.person()
        self.pr += 1 + int(rng.random() * 12)
        title = s["subjects"][0] if s["subjects"] else s["topic"]
        if rng.random() < 0.7:
            login = s["author"][1].split("@")[0].split(".")[0].split("+")[-1]
            msg = "Merge pull request #%d from %s/%s\n\n%s\n" % (self.pr, login, s["topic"], title)
            committer = GITHUB_COMMITTER
        else:
            msg = "Merge branch '%s'\n\n* %s:\n%s\n" % (
                s["topic"], s["topic"], "\n".join("  " + x for x in s["subjects"][-10:]))
            committer = None
        m = self.begin_commit("refs/heads/main", msg, maint, committer=committer, merge_mark=s["tip"])
        for p in s["changed"]:
            if p in self.files:
                self.emit_m(p)
            elif p in s["base_paths"]:
                self.emit_d(p)
        self.end_commit()
        for p in s["pool"]:
            self.locked.pop(p, None)
        self.locked = {}
        self.main_tip = m
        self.last_undo = None
        self.side = None
        self.stats["merges"] += 1

    # ---------------- driver

    def run(self):
        rng = self.rng
        self.emit("feature done\n")
        self.c_initial()
        next_side = 60 + int(rng.random() * 280)
        while self.total < self.n:
            remaining = self.n - self.total
            s = self.side
            if s is None:
                if self.total >= next_side and remaining >= 8:
                    self.start_side()
                    next_side = self.total + 100 + int(rng.random() * 200)
                    continue
                self.main_commit()
                continue
            need_side = s["left"] + 1  # remaining side commits + merge
            if s["tip"] is not None and (remaining <= 1 or (s["left"] <= 0 and s["main_left"] <= 0)):
                self.merge_side()
                continue
            if s["left"] > 0 and (remaining <= need_side or
                                  rng.random() < s["left"] / (s["left"] + max(0, s["main_left"]))):
                self.side_commit()
            else:
                if self.main_commit():
                    s["main_left"] -= 1
        self.emit("reset refs/heads/_gen_side\n\n")
        self.emit("done\n")
        self.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--commits", type=int, default=100000, help="total number of commits (default 100000)")
    ap.add_argument("--seed", type=int, default=1, help="rng seed (default 1)")
    ap.add_argument("--out-repo", metavar="DIR",
                    help="create DIR with git init, import into it, and check out main")
    ap.add_argument("--stats", action="store_true", help="print summary statistics to stderr")
    ap.add_argument("--no-repack", action="store_true",
                    help="with --out-repo: keep fast-import's pack instead of repacking as a clone would be")
    args = ap.parse_args()
    if args.commits < 1:
        ap.error("--commits must be >= 1")

    if args.out_repo is None:
        out = sys.stdout.buffer
        g = Gen(args.seed, args.commits, out)
        try:
            g.run()
            out.flush()
        except BrokenPipeError:
            sys.exit(1)
    else:
        d = args.out_repo
        if os.path.exists(d) and os.listdir(d):
            sys.exit("gen_history: %s exists and is not empty; refusing to overwrite" % d)
        subprocess.run(["git", "init", "-q", d], check=True)
        subprocess.run(["git", "-C", d, "symbolic-ref", "HEAD", "refs/heads/main"], check=True)
        proc = subprocess.Popen(["git", "-C", d, "fast-import", "--quiet"], stdin=subprocess.PIPE)
        g = Gen(args.seed, args.commits, proc.stdin)
        try:
            g.run()
            proc.stdin.close()
        except BrokenPipeError:
            pass
        rc = proc.wait()
        if rc != 0:
            sys.exit("gen_history: git fast-import failed with exit code %d" % rc)
        subprocess.run(["git", "-C", d, "reset", "-q", "--hard", "refs/heads/main"], check=True)
        if not args.no_repack:
            # fast-import chains each blob onto its previous version (newest deepest); a clone receives
            # git's own packing (newest as bases), which is what users' repositories look like.
            subprocess.run(["git", "-C", d, "repack", "-a", "-d", "-f", "-q"], check=True)
    if args.stats:
        st = dict(g.stats)
        st["live_files"] = len(g.files)
        st["text_files"] = len(g.text)
        st["binary_files"] = len(g.bins)
        st["symlinks"] = len(g.links)
        print("gen_history: " + " ".join("%s=%s" % kv for kv in st.items()), file=sys.stderr)


if __name__ == "__main__":
    main()

"""The truth audit of `hindsight context` on one repository, for bench/quality.py and
bench/context_foresight.py: what it writes, parsed, and checked against git."""

import re
import subprocess

SPAN = re.compile(r"`([^`\n]+)`")
FILE_HEADER = re.compile(r"^=== (.+) \(would (?:create|update|remove)\)$")
COMMAND = re.compile(r"(?:Run|run those that change with it most:) `([^`]+)`")
CO_CHANGE = re.compile(r"^- When you change `([^`]+)`, also check (.+)\.$")
PARTNER = re.compile(r"`([^`]+)` \((\d+) of (\d+) commits\)")
FIX_PRONE = re.compile(r"^- `([^`]+)`(?: lines? [^:]*)?: \d+ fix commits?")


def tokens(text):
    """The estimate Hindsight budgets by: UTF-8 bytes / 4, rounded up."""
    return (len(text.encode()) + 3) // 4


def context_files(hindsight, repo, config, timeout=600):
    """`context --dry-run --target claude` as {path: text}, front matter included."""
    output = subprocess.run(
        [hindsight, "context", "--repo", repo, "--no-mine", "--dry-run", "--target", "claude"] + config,
        capture_output=True, text=True, timeout=timeout, check=True).stdout
    files, current = {}, None
    for line in output.splitlines(keepends=True):
        header = FILE_HEADER.match(line.rstrip("\n"))
        if header:
            current = header.group(1)
            files[current] = ""
        elif current is not None:
            files[current] += line
    if "AGENTS.md" in files:
        # A repository's own AGENTS.md text is not Hindsight's: only the managed block counts.
        text = files["AGENTS.md"]
        begin, end = text.find("<!-- hindsight:begin -->"), text.find("<!-- hindsight:end -->")
        if begin >= 0 and end > begin:
            files["AGENTS.md"] = text[begin:end + len("<!-- hindsight:end -->\n")]
    return files


def body_lines(text):
    """The lines after a rule file's front matter and marker comment (all of AGENTS.md's)."""
    lines = text.splitlines()
    if lines and lines[0] == "---":
        end = lines.index("---", 1) if "---" in lines[1:] else 0
        lines = lines[end + 1:]
    return [line for line in lines if not line.startswith("<!--")]


def looks_like_path(span):
    if " " in span or "*" in span or span.startswith(("hs-", "-", "@")) or re.fullmatch(r"[0-9a-f]{7,40}", span):
        return False
    return "/" in span or re.search(r"\.[A-Za-z0-9]{1,8}$", span) is not None


def named_paths(files):
    """Every path a code span names, except what an attempt added that the tree still lacks."""
    named = set()
    for text in files.values():
        for line in body_lines(text):
            if "which the tree still lacks" in line:
                line = line.split("; it added ")[0]
            line = COMMAND.sub("", line)
            named.update(span for span in SPAN.findall(line) if looks_like_path(span))
    return named


def tree(repo):
    listed = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "--name-only", "HEAD"],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    files = set(listed)
    directories = {"/".join(path.split("/")[:depth]) for path in listed for depth in range(1, path.count("/") + 1)}
    return files, directories


def exists(path, files, directories):
    path = path.rstrip("/")
    return path in files or path in directories


def show(repo, path):
    result = subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else ""


def command_target(repo, command, files, directories):
    """None when everything `command` names exists at HEAD, else what is missing."""
    missing = []
    for part in command.split(" && "):
        words = part.split()
        if not words:
            continue
        if words[0].startswith("build/"):
            executable = words[0].rsplit("/", 1)[-1]
            if not any(f"add_executable({executable}" in show(repo, path) for path in files if path.endswith("CMakeLists.txt")):
                missing.append(f"no add_executable({executable})")
            for word in words[1:]:
                suite = word[2:].replace("::", "/") + ".c"
                if word.startswith("-s") and not any(path.endswith("/" + suite) for path in files):
                    missing.append(f"no suite file */{suite}")
        elif words[:2] in (["make", "test"], ["make", "check"]):
            if not re.search(rf"^{words[1]}:", show(repo, "Makefile"), re.M):
                missing.append(f"no {words[1]}: target in Makefile")
        elif words[:2] == ["make", "-C"]:
            folder = words[2]
            missing += [f"no {folder}/{name}" for name in words[3:] if f"{folder}/{name}" not in files]
        elif words[0] == "ctest":
            if "enable_testing" not in show(repo, "CMakeLists.txt").lower():
                missing.append("no enable_testing() in CMakeLists.txt")
        elif words[:2] == ["cargo", "test"]:
            manifests = "\n".join(show(repo, path) for path in files if path.endswith("Cargo.toml"))
            for flag, name in zip(words[2::2], words[3::2]):
                if f'name = "{name}"' not in manifests and (flag != "--test" or f"tests/{name}.rs" not in files):
                    missing.append(f"no {flag} {name}")
        elif words[:2] == ["go", "test"]:
            missing += [f"no {w}" for w in words[2:] if not exists(w.lstrip("./") or ".", files, directories | {"."})]
        elif words[0] in ("cmake", "make") or part.startswith("(test -d build"):
            continue
        else:
            paths = [w for w in words[1:] if looks_like_path(w) and not w.startswith("test/support")]
            missing += [f"no {w}" for w in paths if not exists(w, files, directories)]
    return "; ".join(missing) or None


def audit(hindsight, repo, config, follow_sample=10, timeout=120):
    """The context column's figures for `repo` (its index already mined)."""
    files = context_files(hindsight, repo, config)
    head_files, head_directories = tree(repo)
    named = named_paths(files)
    absent = sorted(path for path in named if not exists(path, head_files, head_directories))
    # "Run `hindsight report` for the full picture" is Hindsight's own pointer, not a test command.
    commands = sorted({command for text in files.values() for command in COMMAND.findall(text)
                       if not command.startswith("hindsight ")})
    broken = [(command, why) for command in commands
              if (why := command_target(repo, command, head_files, head_directories))]
    counts = []
    for line in body_lines(files.get("AGENTS.md", "")):
        match = CO_CHANGE.match(line)
        if match:
            partner = PARTNER.search(match.group(2))
            if partner:
                counts.append((match.group(1), int(partner.group(3))))
    checked = []
    for path, ours in counts[:follow_sample]:
        log = subprocess.run(["git", "-C", repo, "log", "--follow", "--no-merges", "--format=%H", "--", path],
                             capture_output=True, text=True, timeout=timeout)
        theirs = len(log.stdout.split()) if log.returncode == 0 else None
        checked.append((path, ours, theirs))
    rules = {path: text for path, text in files.items() if path != "AGENTS.md"}
    largest = max(rules.items(), key=lambda item: tokens(item[1]), default=(None, ""))
    return dict(
        named=len(named), absent=absent, commands=commands, broken=broken, counts=checked,
        block_tokens=tokens(files.get("AGENTS.md", "")), rule_files=len(rules),
        largest_rule=(largest[0], tokens(largest[1])),
        fix_prone=fix_prone(files),
    )


def fix_prone(files):
    """The files the context names as fix-prone, in the block or any rule file."""
    return sorted({m.group(1) for text in files.values() for line in body_lines(text) if (m := FIX_PRONE.match(line))})

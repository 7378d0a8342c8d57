/// `fix-needs-test`: the change touches a hotspot or a region several fixes changed, but no test
/// that covers the file: none of the test files that historically change with it, none beside them,
/// and none named for its area (`tests/merge/octopus.c` covers `src/merge.c`).
public struct FixNeedsTestRule: GuardRule {
    public let kind = GuardKind.fixNeedsTest.id

    /// The rule.
    public init() {}

    public var descriptor: RuleDescriptor { GuardKind.fixNeedsTest.descriptor }

    public func findings(in change: ChangeSet, context: GuardContext) -> [Finding] {
        let touchedTests = change.files.map(\.path).filter(isTestPath)
        return change.files.compactMap { file in
            guard file.status != .deleted, !isTestPath(file.path), let history = context.history(of: file),
                !history.testPartners.isEmpty,
                !touchedTests.contains(where: { covers($0, history.path, partners: history.testPartners) })
            else { return nil }
            // Regions are in the file as it is at the tip: the old side of the change.
            let changedLines = file.removed.map(\.number) + file.added.map(\.number)
            let region = history.fixRegions.first { region in changedLines.contains { region.lines.contains($0) } }
            let isHotspot = history.classification.fileClass == .hotspot
            guard isHotspot || region != nil else { return nil }
            let why =
                region.map {
                    "lines \($0.lines.lowerBound)–\($0.lines.upperBound) of \(history.path.string) were fixed \($0.fixCount) times"
                }
                ?? "\(history.path.string) is a hotspot (\(history.classification.reason))"
            let tests = history.testPartners.map { "\($0.path.string) (changed with it in \($0.shared) commits)" }
            return Finding(
                ruleID: kind, kind: kind,
                severity: context.severity(of: kind, default: GuardKind.fixNeedsTest.defaultSeverity), path: file.path,
                line: region.flatMap { region in file.added.first { region.lines.contains($0.number) }?.number },
                message: "\(why), and none of the tests that usually change with it changed.",
                action: "Update or run its tests: \(tests.joined(separator: ", ")).",
                evidence: region?.latestFixes ?? history.lastCommit.map { [$0] } ?? [],
                fingerprint: "\(kind)|\(history.path.string)|\(region.map { "\($0.lines)" } ?? "hotspot")")
        }
    }
}

/// Whether the test file `test` covers `path`: it is one of the test partners, sits in a partner's
/// nested folder, or names the file's area — its stem (`merge` for `src/merge.c`) as a folder or inside
/// the test's own name (`test_merge.py`, `merge_test.go`).
func covers(_ test: RepoPath, _ path: RepoPath, partners: [TestPartner]) -> Bool {
    // A partner's folder is an area when it is nested (`tests/merge/`); a flat `tests/` is the whole tree.
    let isBeside = { (partner: TestPartner) in
        partner.path.directory == test.directory && partner.path.directory.contains(UInt8(ascii: "/"))
    }
    if partners.contains(where: { $0.path == test || isBeside($0) }) { return true }
    guard let name = path.string.split(separator: "/").last else { return false }
    let stem = (name.split(separator: ".").first.map(String.init) ?? String(name)).lowercased()
    guard stem.count >= 3 else { return false }
    let parts = test.string.lowercased().split(separator: "/")
    if parts.dropLast().contains(where: { $0 == stem }) { return true }
    let testName = parts.last.map { $0.split(separator: ".").first.map(String.init) ?? String($0) } ?? ""
    return testName.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0 == stem }
        || testName == stem + "test" || testName == stem + "tests" || testName == stem + "spec"
}

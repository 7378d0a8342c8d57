/// `fix-needs-test`: the change touches a hotspot or a region several fixes changed, but none of the
/// test files that historically change with that file.
public struct FixNeedsTestRule: GuardRule {
    public let kind = GuardKind.fixNeedsTest.id

    /// The rule.
    public init() {}

    public var descriptor: RuleDescriptor { GuardKind.fixNeedsTest.descriptor }

    public func findings(in change: ChangeSet, context: GuardContext) -> [Finding] {
        let touched = Set(change.files.map(\.path))
        return change.files.compactMap { file in
            guard file.status != .deleted, !isTestPath(file.path), let history = context.history(of: file),
                !history.testPartners.isEmpty, !history.testPartners.contains(where: { touched.contains($0.path) })
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
                suppression:
                    "add the trailer `Hindsight-Allow: \(kind)` to the commit message, or pass --allow \(kind)",
                fingerprint: "\(kind)|\(history.path.string)|\(region.map { "\($0.lines)" } ?? "hotspot")")
        }
    }
}

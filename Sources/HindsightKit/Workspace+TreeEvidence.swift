import HindsightCore
import HindsightGit

extension Workspace {
    /// What the tree of `tip` (whose file paths are `paths`) says about vendored code: the submodules
    /// `.gitmodules` names, and the text of the license files recognition compares. Nothing is read
    /// when `report.recogniseTrees` is off.
    func treeEvidence(paths: Set<RepoPath>, at tip: CommitID) throws -> TreeEvidence {
        let report = configuration.report
        guard report.recogniseTrees else { return TreeEvidence() }
        var evidence = TreeEvidence()
        let gitmodules = RepoPath(".gitmodules")
        if paths.contains(gitmodules), let text = try git.fileText(at: gitmodules, in: tip) {
            evidence.submodulePaths = Set(submodulePaths(inGitmodules: text))
        }
        for path in licenseFilesToCompare(among: paths, ignore: report.ignorePatterns) {
            if let text = try git.fileText(at: path, in: tip) { evidence.licenseTexts[path] = text }
        }
        return evidence
    }
}

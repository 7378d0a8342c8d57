import Foundation

/// A snapshot prepared for the analyses: files folded through renames and filtered, each commit
/// classified once (fix, revert, agent, in the window).
public struct AnalysisInput: Sendable {
    /// The history read from the index.
    public let snapshot: HistorySnapshot
    /// The settings every analysis reads.
    public let settings: AnalysisSettings
    /// Covered files (not ignored, outside recognised trees, alive unless `includeDeleted`), holding
    /// only changes in the window.
    public let files: [FileLineage]
    /// Vendored and fixture trees whose files `files` leaves out; empty unless `settings.recogniseTrees`.
    public let recognisedTrees: [RecognisedTree]
    /// Per commit: whether it counts (authored inside the window).
    public let isInWindow: [Bool]
    /// Per commit: whether it is a fix. Merges and reverts never are: a revert's fix words belong
    /// to the subject it quotes.
    public let isFix: [Bool]
    /// Per commit: whether a coding agent authored or co-authored it.
    public let isAgentCommit: [Bool]
    /// Per person of `snapshot.people`: whether they are a person (not a bot, not an agent).
    public let isHuman: [Bool]
    /// Per commit: author time (a copy, so hot loops don't touch whole commits).
    public let times: [Int64]
    /// Per commit: index of its author in `snapshot.people`.
    public let authors: [Int]
    /// Covered files each commit changed, as a compressed row list: the files of commit `c` are
    /// `filesOfCommits[fileRangeStarts[c]..<fileRangeStarts[c + 1]]` (indexes into `files`, distinct).
    public let filesOfCommits: [Int32]
    /// Row starts for `filesOfCommits`, one more than there are commits.
    public let fileRangeStarts: [Int]

    /// Folds and classifies `snapshot` under `settings`.
    public init(snapshot: HistorySnapshot, settings: AnalysisSettings) {
        self.snapshot = snapshot
        self.settings = settings
        let since = settings.since ?? .min
        isInWindow = snapshot.commits.map { $0.time >= since }
        // Reading every message for fix words and folding files through renames are independent
        // and each a good part of a report's time: do them side by side.
        let fixes = Locked<[Bool]>([])
        let lineages = Locked<([FileLineage], [Bool], [RecognisedTree])>(([], [], []))
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            if job == 0 {
                let matcher = settings.fixes.matcher()
                fixes.withLock { result in
                    result = snapshot.commits.map {
                        !$0.isMerge && $0.revertedCommit == nil
                            && matcher.isFix(subject: $0.subject, body: $0.body, fixesReferences: $0.fixesReferences)
                            && ($0.fixesReferences.isEmpty == false || changesCode($0, in: snapshot))
                    }
                }
            } else {
                // Each file's ignore globs are matched once, for tree recognition and the filter below.
                let files = fileLineages(of: snapshot)
                let isIgnored = files.map { lineage in
                    (!lineage.isDeleted || settings.includeDeleted)
                        && settings.ignore.contains(where: { $0.matches(lineage.path) })
                }
                let trees =
                    settings.recogniseTrees
                    ? HindsightCore.recognisedTrees(
                        in: snapshot, files: files, isIgnored: isIgnored, ignore: settings.ignore) : []
                lineages.withLock { $0 = (files, isIgnored, trees) }
            }
        }
        isFix = fixes.withLock { $0 }
        let bots = settings.bots
        let isAgentPerson = snapshot.people.map(bots.isAgent)
        isHuman = snapshot.people.map(bots.isHuman)
        isAgentCommit = snapshot.commits.map { commit in
            isAgentPerson[commit.author] || commit.coAuthors.contains(where: bots.isAgent)
        }
        times = snapshot.commits.map(\.time)
        authors = snapshot.commits.map(\.author)
        let window = isInWindow
        let (lineageList, isIgnored, trees) = lineages.withLock { $0 }
        recognisedTrees = trees
        let treeLookup = TreeLookup(trees)
        let files: [FileLineage] = zip(lineageList, isIgnored).compactMap { lineage, isIgnored in
            if lineage.isDeleted && !settings.includeDeleted { return nil }
            if isIgnored || treeLookup.tree(containing: lineage.path) != nil { return nil }
            var kept = lineage
            kept.changes = []
            kept.commits = []
            for (change, commit) in zip(lineage.changes, lineage.commits) where window[commit] {
                kept.changes.append(change)
                kept.commits.append(commit)
            }
            return kept.changes.isEmpty ? nil : kept
        }
        self.files = files
        (filesOfCommits, fileRangeStarts) = Self.filesByCommit(files, commitCount: snapshot.commits.count)
    }

    /// The covered files commit `commit` changed (indexes into `files`).
    public func files(of commit: Int) -> ArraySlice<Int32> {
        filesOfCommits[fileRangeStarts[commit]..<fileRangeStarts[commit + 1]]
    }

    private static func filesByCommit(_ files: [FileLineage], commitCount: Int) -> ([Int32], [Int]) {
        var counts = [Int](repeating: 0, count: commitCount + 1)
        for file in files {
            var previous = -1
            for commit in file.commits where commit != previous {
                counts[commit + 1] += 1
                previous = commit
            }
        }
        for index in 0..<commitCount { counts[index + 1] += counts[index] }
        var next = counts
        var rows = [Int32](repeating: 0, count: counts[commitCount])
        for (fileIndex, file) in files.enumerated() {
            var previous = -1
            for commit in file.commits where commit != previous {
                rows[next[commit]] = Int32(fileIndex)
                next[commit] += 1
                previous = commit
            }
        }
        return (rows, counts)
    }

    /// How a report cites commit number `index`.
    public func reference(_ index: Int) -> CommitRef {
        CommitRef(
            id: snapshot.commits[index].id, time: times[index], subject: snapshot.commits[index].subject,
            author: snapshot.people[authors[index]].name)
    }

    /// Whether commit `index` is a revert.
    public func isRevert(_ index: Int) -> Bool { snapshot.commits[index].revertedCommit != nil }
}

/// Whether `commit` changes anything but documentation and test data: a fix must change code.
private func changesCode(_ commit: SnapshotCommit, in snapshot: HistorySnapshot) -> Bool {
    let changes = snapshot.changes[commit.changes]
    return changes.isEmpty || changes.contains { !isDocumentationOrTestData(snapshot.paths[$0.path]) }
}

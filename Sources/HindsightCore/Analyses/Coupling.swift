/// Files that change together (code-maat's coupling): for each covered file, the partners whose
/// degree = 100 × shared / average(commits of both) clears the thresholds, strongest first.
///
/// Commits that change more than `maxFilesPerCommit` covered files are skipped, and commit counts
/// are taken over the remaining commits, as code-maat does.
public func coupling(in input: AnalysisInput) -> [[CouplingPartner]] {
    let thresholds = input.settings.coupling
    var revisions = [Int](repeating: 0, count: input.files.count)
    var shared: [UInt64: Int] = [:]
    for commit in input.times.indices {
        let files = input.files(of: commit)
        guard files.count <= thresholds.maxFilesPerCommit else { continue }
        for file in files { revisions[Int(file)] += 1 }
        guard files.count > 1 else { continue }
        for (position, first) in files.enumerated() {
            for second in files[(files.startIndex + position + 1)...] {
                let (low, high) = first < second ? (first, second) : (second, first)
                shared[UInt64(UInt32(low)) << 32 | UInt64(UInt32(high)), default: 0] += 1
            }
        }
    }
    var partners = [[CouplingPartner]](repeating: [], count: input.files.count)
    for (key, count) in shared {
        let first = Int(key >> 32)
        let second = Int(key & 0xffff_ffff)
        guard
            let degree = thresholds.degree(
                shared: count, revisions: revisions[first], otherRevisions: revisions[second])
        else { continue }
        partners[first].append(
            CouplingPartner(
                path: input.files[second].path, degree: degree, shared: count, partnerCommits: revisions[second]))
        partners[second].append(
            CouplingPartner(
                path: input.files[first].path, degree: degree, shared: count, partnerCommits: revisions[first]))
    }
    return partners.map { list in
        list.sorted { ($1.degree, $1.shared, $0.path) < ($0.degree, $0.shared, $1.path) }
    }
}

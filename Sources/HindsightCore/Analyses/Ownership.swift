/// Who changed a set of commits: people only (bots and agents excluded), most commits first,
/// and how many of the commits a coding agent authored or co-authored.
public func authorShares(of commits: [Int], in input: AnalysisInput) -> (authors: [AuthorShare], agentCommits: Int) {
    var counts: [Int: Int] = [:]
    var agentCommits = 0
    for index in commits {
        if input.isAgentCommit[index] { agentCommits += 1 }
        let author = input.authors[index]
        if input.isHuman[author] { counts[author, default: 0] += 1 }
    }
    return (authorShares(counts: counts, people: input.snapshot.people), agentCommits)
}

/// Shares from commit counts per person (indexes into `people`), most commits first, ties by name.
func authorShares(counts: [Int: Int], people: [Person]) -> [AuthorShare] {
    let total = Double(counts.values.reduce(0, +))
    return counts.map { person, count in
        AuthorShare(
            name: people[person].name, email: people[person].email, commits: count, share: Double(count) / total)
    }.sorted { ($1.commits, $0.name, $0.email) < ($0.commits, $1.name, $1.email) }
}

/// The lessons `Lesson:` and `Tried:` trailers of `snapshot`'s commits carry (`Tried:` for an
/// approach that was tried, `Lesson:` for the rest, whose value may start with its kind: `Lesson:
/// avoid: …`), oldest first: each
/// tied to its commit (its id, evidence and `HEAD`), about the files the commit changed (their
/// folders, cut to two components, when it changed more than `pathLimit` files), by its author.
public func trailerLessons(
    in snapshot: HistorySnapshot, bots: BotDetector = BotDetector(), pathLimit: Int = 10
)
    -> [Lesson]
{
    var lessons: [Lesson] = []
    for commit in snapshot.commits {
        let values = commit.lessonTrailers
        guard !values.isEmpty else { continue }
        let files = snapshot.changes[commit.changes].map { snapshot.paths[$0.path] }
        let author = snapshot.people[commit.author]
        for (number, trailer) in values.enumerated() {
            let (kind, text) = lessonKindAndText(trailer)
            lessons.append(
                Lesson(
                    id: "ls-\(commit.id.hex.prefix(10))-\(number + 1)", kind: kind,
                    paths: trailerLessonPaths(files, limit: pathLimit), text: text, evidence: [commit.id.hex],
                    author: author.name,
                    byAgent: bots.isAgent(author) || commit.coAuthors.contains(where: bots.isAgent),
                    created: commit.commitTime, head: commit.id, source: .trailer(commit.id)))
        }
    }
    return lessons
}

/// A trailer's kind and text: `Tried:` is `tried`; `Lesson:` is a `note` unless its value starts
/// with a kind and a colon.
func lessonKindAndText(_ trailer: Trailer) -> (LessonKind, String) {
    if trailer.key.lowercased() == "tried" { return (.tried, trailer.value) }
    if let colon = trailer.value.firstIndex(of: ":"),
        let kind = LessonKind(rawValue: trailer.value[..<colon].trimmed.lowercased())
    {
        return (kind, trailer.value[trailer.value.index(after: colon)...].trimmed)
    }
    return (.note, trailer.value)
}

/// A commit's files as a lesson's paths: themselves when few, else their areas as folders.
func trailerLessonPaths(_ files: [RepoPath], limit: Int) -> [String] {
    guard files.count > limit else { return Array(Set(files.map(\.string))).sorted() }
    return Array(
        Set(
            files.map { file in
                let area = areaDirectory(of: file).string
                return area.isEmpty ? file.string : area + "/"
            })
    ).sorted().prefix(LessonLimits.paths).map { $0 }
}

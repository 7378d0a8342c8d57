import CLibGit2
import HindsightCore

extension GitRepository {
    /// Reads a commit's metadata and message; people are as recorded, before `.mailmap`.
    public func commit(_ id: CommitID) throws(GitError) -> Commit {
        try withCommit(id) { commit throws(GitError) in
            guard let author = git_commit_author(commit), let committer = git_commit_committer(commit) else {
                throw .corruptObject(id: id.hex, detail: "missing author or committer")
            }
            let raw = git_commit_message(commit).map { String(cString: $0) } ?? ""
            return Commit(
                id: id,
                parents: Self.parentIDs(of: commit),
                author: Person(signature: author.pointee),
                authorTime: GitTime(signature: author.pointee),
                committer: Person(signature: committer.pointee),
                commitTime: GitTime(signature: committer.pointee),
                message: CommitMessage(parsing: raw)
            )
        }
    }
}

extension Person {
    init(signature: git_signature) {
        self.init(
            name: signature.name.map { String(cString: $0) } ?? "",
            email: signature.email.map { String(cString: $0) } ?? ""
        )
    }
}

extension GitTime {
    init(signature: git_signature) {
        self.init(seconds: Int64(signature.when.time), offsetMinutes: signature.when.offset)
    }
}

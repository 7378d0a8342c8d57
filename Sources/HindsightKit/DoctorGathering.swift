import Foundation
import HindsightConfig
import HindsightCore
import HindsightGit
import HindsightIndex

/// Gathers what `hindsight doctor` judges, reading and never writing: libgit2, the clone, the index
/// against `HEAD`, the configuration, guard and lesson files, and the CI files of the work tree.
/// The hooks, which the command line owns, are the caller's to add.
public enum DoctorGathering {
    /// The most missing commits counted; past it the index is "more than" this many behind.
    public static let behindLimit = 10_000

    /// The facts of the repository at or above `path`, read with `configurationFile` (nil: the work
    /// tree's `.hindsight.yml`), and the opened repository for the caller's own look.
    /// - Throws: `GitError` when there is no repository: nothing else can be checked then.
    public static func facts(
        path: String, configurationFile: String?
    ) throws -> (facts: DoctorFacts, repository: GitRepository) {
        let git = try GitRepository(path: path)
        let head = try? git.resolveCommit()
        let (configuration, configurationFacts) = readConfiguration(git: git, file: configurationFile)
        let repository = RepositoryFacts(
            gitDirectory: git.gitDirectory.path, workTree: git.workTree?.path, head: head,
            isShallow: git.isShallow, shallowBoundary: git.shallowBoundary(), promisorRemotes: git.promisorRemotes)
        let workTree = git.workTree
        let facts = DoctorFacts(
            libgit2: .linked, repository: repository,
            index: index(of: git, head: head, options: configuration.history),
            configuration: configurationFacts,
            guards: workTree.map(guards) ?? ConfigFileFacts(path: GuardSetFile.relativePath, exists: false),
            lessons: workTree.map(lessons) ?? LessonFacts(), hooks: nil, ci: workTree.map(ciFiles) ?? [])
        return (facts, git)
    }

    /// The configuration to judge the rest by (the defaults when the file cannot be read) and its facts.
    private static func readConfiguration(
        git: GitRepository, file: String?
    ) -> (HindsightConfiguration, ConfigFileFacts) {
        let url: URL
        let shown: String
        if let file {
            url = URL(fileURLWithPath: file)
            shown = file
        } else if let workTree = git.workTree {
            url = workTree.appendingPathComponent(HindsightConfiguration.fileName)
            shown = HindsightConfiguration.fileName
        } else {
            return (HindsightConfiguration(), ConfigFileFacts(path: HindsightConfiguration.fileName, exists: false))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let facts = ConfigFileFacts(
                path: shown, exists: false, issue: file.map { ConfigError.missing(path: $0).doctorIssue })
            return (HindsightConfiguration(), facts)
        }
        do {
            let configuration = try HindsightConfiguration.parse(String(decoding: data, as: UTF8.self), path: shown)
            return (configuration, ConfigFileFacts(path: shown, exists: true))
        } catch {
            return (HindsightConfiguration(), ConfigFileFacts(path: shown, exists: true, issue: error.doctorIssue))
        }
    }

    private static func index(of git: GitRepository, head: CommitID?, options: HistoryOptions) -> IndexFacts {
        let url = Miner.indexURL(for: git)
        var facts = IndexFacts(path: url.path, configuredOptions: options.fingerprint)
        do {
            facts.inspection = try IndexStore.inspect(at: url)
        } catch {
            facts.unreadable = .unreadableIndex(error, path: url.path)
            return facts
        }
        guard let inspection = facts.inspection, inspection.schema == .current, let tip = inspection.tip,
            let head
        else { return facts }
        if tip == head {
            facts.behind = .exactly(0)
            return facts
        }
        // Only a current schema is opened: opening migrates, and doctor changes nothing.
        do {
            let count = try IndexStore(url: url).missingCommitCount(from: head, in: git, limit: behindLimit)
            facts.behind = count.map(IndexFacts.Behind.exactly) ?? .moreThan(behindLimit)
        } catch {
            facts.behind = nil  // uncounted: the check still says the index is not at HEAD
        }
        return facts
    }

    private static func guards(in workTree: URL) -> ConfigFileFacts {
        let path = GuardSetFile.relativePath
        guard let data = FileManager.default.contents(atPath: workTree.appendingPathComponent(path).path) else {
            return ConfigFileFacts(path: path, exists: false)
        }
        do {
            let set = try GuardSetFile.load(contents: data, path: path)
            return ConfigFileFacts(
                path: path, exists: true, entries: set.guards.count, muted: set.guards.count { $0.status == .muted })
        } catch {
            return ConfigFileFacts(path: path, exists: true, issue: error.doctorIssue)
        }
    }

    private static func lessons(in workTree: URL) -> LessonFacts {
        let (lessons, problems) = LessonStore(workTree: workTree).load()
        return LessonFacts(readable: lessons.count, problems: problems.map(\.doctorIssue))
    }

    /// The CI files of the work tree that hindsight ships a template for, in `CIFileKind.all`'s order.
    private static func ciFiles(in workTree: URL) -> [CIFileFacts] {
        CIFileKind.all.flatMap { kind in
            kind.paths.flatMap { path -> [CIFileFacts] in
                let files: [String]
                if path.hasSuffix("/") {
                    let names =
                        (try? FileManager.default.contentsOfDirectory(
                            atPath: workTree.appendingPathComponent(path).path)) ?? []
                    files = names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { path + $0 }
                } else {
                    files = [path]
                }
                return files.compactMap { file in
                    guard let data = FileManager.default.contents(atPath: workTree.appendingPathComponent(file).path),
                        data.count <= 1 << 20
                    else { return nil }
                    return kind.facts(path: file, text: String(decoding: data, as: UTF8.self))
                }
            }
        }
    }
}

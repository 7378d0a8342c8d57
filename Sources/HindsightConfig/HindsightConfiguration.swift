import Foundation
import HindsightCore
import Yams

/// The settings in `.hindsight.yml`; every key is optional and defaults to what the docs say.
public struct HindsightConfiguration: Equatable, Sendable {
    /// How history is read into the index.
    public var history: HistoryOptions
    /// How the report reads the index.
    public var report: ReportConfiguration
    /// How `check` runs guards.
    public var check = CheckConfiguration()
    /// What `context` writes.
    public var context = ContextConfiguration()
    /// How `backtest` and `guards mine` replay history.
    public var backtest = BacktestConfiguration()
    /// The guards' alarm budget and the change-risk model's training.
    public var guards = GuardsConfiguration()
    /// How lessons age, and whether the MCP server may record them.
    public var lessons = LessonsConfiguration()
    /// What `hindsight health` counts as rework.
    public var health = HealthConfiguration()

    /// The defaults, used when there is no file.
    public init(history: HistoryOptions = .init(), report: ReportConfiguration = .init()) {
        self.history = history
        self.report = report
    }

    /// The file name looked up at the root of the work tree.
    public static let fileName = ".hindsight.yml"

    /// The top-level keys.
    static let sections = [
        "history", "report", "fixes", "people", "check", "context", "backtest", "guards", "lessons", "health",
    ]

    /// Loads `file`, or the defaults when `file` does not exist and `isRequired` is false.
    public static func load(from file: URL, isRequired: Bool = false) throws(ConfigError) -> HindsightConfiguration {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            if isRequired { throw .missing(path: file.path) }
            return HindsightConfiguration()
        }
        return try parse(String(decoding: data, as: UTF8.self), path: file.path)
    }

    /// Parses the text of a configuration file; `path` names it in errors. Unknown keys are errors
    /// (a typo would otherwise be ignored silently), each naming its line.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> HindsightConfiguration {
        let root = try ConfigNode.root(of: text, path: path)
        var configuration = HindsightConfiguration()
        guard let root else { return configuration }
        let sections = try ConfigNode(node: root, key: "", file: path).entries(known: sections)
        if let history = sections["history"] { try configuration.readHistory(history) }
        if let report = sections["report"] { try configuration.report.read(report) }
        if let fixes = sections["fixes"] { try configuration.report.readFixes(fixes) }
        if let people = sections["people"] { try configuration.report.readPeople(people) }
        if let check = sections["check"] { try configuration.check.read(check) }
        if let context = sections["context"] { try configuration.context.read(context) }
        if let backtest = sections["backtest"] { try configuration.backtest.read(backtest) }
        if let guards = sections["guards"] { try configuration.guards.read(guards) }
        if let lessons = sections["lessons"] { try configuration.lessons.read(lessons) }
        if let health = sections["health"] { try configuration.health.read(health) }
        return configuration
    }

    private mutating func readHistory(_ node: ConfigNode) throws(ConfigError) {
        let entries = try node.entries(known: ["renames", "renameThreshold", "renameLimit", "missingBlobs"])
        if let value = entries["renames"] { history.detectRenames = try value.bool() }
        if let value = entries["renameThreshold"] { history.renameThreshold = try value.int(in: 1...100) }
        if let value = entries["renameLimit"] { history.renameLimit = try value.int(in: 1...1_000_000) }
        if let value = entries["missingBlobs"] {
            switch try value.string() {
            case "error": history.missingBlobsAreBinary = false
            case "binary": history.missingBlobsAreBinary = true
            case let other: throw value.invalid("expected error or binary, got '\(other)'")
            }
        }
    }
}

import Foundation

/// The built `hindsight` executable, for end-to-end tests.
public enum HindsightBinary {
    /// `HINDSIGHT_BINARY`, else the `hindsight` beside the running test bundle.
    public static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["HINDSIGHT_BINARY"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("hindsight")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/hindsight")
    }()

    /// Runs `hindsight` with `arguments` in `directory` (fixture environment when given).
    public static func run(
        _ arguments: [String], in directory: URL, environment: [String: String]? = nil
    ) throws -> ProcessResult {
        try ProcessRunner.run(url.path, arguments, in: directory, environment: environment)
    }
}

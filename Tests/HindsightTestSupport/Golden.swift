import Foundation

/// Golden files: expected outputs kept beside the tests, compared byte for byte. A missing golden,
/// or `HINDSIGHT_RECORD_GOLDEN=1`, writes the file and still reports a mismatch, so recording never
/// passes silently; review the new file and commit it.
public enum Golden {
    /// Nil when `actual` equals the golden file `name` under `directory`; otherwise what went wrong.
    public static func mismatch(_ actual: String, golden name: String, in directory: URL) throws -> String? {
        let url = directory.appendingPathComponent(name)
        let isRecording = ProcessInfo.processInfo.environment["HINDSIGHT_RECORD_GOLDEN"] == "1"
        guard !isRecording, let expected = FileManager.default.contents(atPath: url.path) else {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            return "wrote golden file \(name); review it and commit it, then run the tests again"
        }
        return String(decoding: expected, as: UTF8.self) == actual ? nil : "output differs from Golden/\(name)"
    }
}

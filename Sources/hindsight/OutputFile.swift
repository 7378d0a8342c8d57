import Foundation
import HindsightConfig
import HindsightKit

/// Writes a command's output file: atomically (a temporary file renamed over it) when it is a
/// regular file or new, so a reader never sees half a report; straight through for a device or
/// pipe such as `/dev/null` or `/dev/stdout`, which cannot be replaced.
enum OutputFile {
    /// Prints `text`, or writes it to `path` when given; a path that cannot be written is a usage error.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            Terminal.writeOutput(Array(text.utf8))
            return
        }
        do {
            try write(Data(text.utf8), to: path)
        } catch {
            throw UsageError(
                "cannot write \(path) (\(error.localizedDescription)). Check that its directory exists and is writable."
            )
        }
    }

    static func write(_ data: Data, to path: String) throws {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            return
        }
        try AtomicFile.write(data, to: URL(fileURLWithPath: path))
    }

    /// Appends `data` to the file at `path`, creating it (GitHub's step summary file).
    static func append(_ data: Data, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            try data.write(to: URL(fileURLWithPath: path))
            return
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: data)
    }
}

/// A command's output formats, named as `--format` takes them, that `--output`'s extension can imply.
protocol ExtensionImpliedFormat: RawRepresentable<String> {}

extension ExtensionImpliedFormat {
    /// The format a file name's extension implies: markdown for `.md`, json, csv, html (also `.htm`),
    /// table for `.txt`; nil for another extension or one this command does not write.
    init?(fileExtension name: String) {
        let implied: String? =
            switch URL(fileURLWithPath: name).pathExtension.lowercased() {
            case "md", "markdown": "markdown"
            case "json": "json"
            case "csv": "csv"
            case "html", "htm": "html"
            case "txt": "table"
            default: nil
            }
        guard let format = implied.flatMap(Self.init(rawValue:)) else { return nil }
        self = format
    }

    /// The format to write: the one asked for, else the one `output`'s extension implies, else
    /// `terminal` on a terminal and `pipe` otherwise.
    static func resolved(_ format: Self?, output: String?, terminal: Self, pipe: Self) -> Self {
        if let format { return format }
        if let output, let implied = Self(fileExtension: output) { return implied }
        return Terminal.isOutputInteractive ? terminal : pipe
    }
}

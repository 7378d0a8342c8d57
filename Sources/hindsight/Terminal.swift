import Foundation

/// Standard output and error, and what kind of terminal they are.
enum Terminal {
    /// Whether standard error is an interactive terminal (progress bars go there).
    static var isErrorInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    /// Prints `message` to standard error as `hindsight: error: …` (unless it already carries its own prefix).
    static func printError(_ message: String, prefixed: Bool = true) {
        writeError((prefixed ? "hindsight: error: " : "") + message + "\n")
    }

    /// Prints a warning line to standard error.
    static func printWarning(_ message: String) {
        writeError("hindsight: warning: " + message + "\n")
    }

    /// Writes text to standard error unbuffered.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes bytes to standard output.
    static func writeOutput(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}

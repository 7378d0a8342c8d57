import Foundation

/// Standard output and error, and what kind of terminal they are.
enum Terminal {
    /// Whether standard error is an interactive terminal (progress bars go there).
    static var isErrorInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether standard output is an interactive terminal.
    static var isOutputInteractive: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether output may carry ANSI colours: a terminal, `NO_COLOR` unset, `TERM` not `dumb`.
    static var isOutputColored: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isOutputInteractive && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }

    /// The terminal's width in columns (`COLUMNS` wins; 80 when unknown, as in a pipe).
    static var outputWidth: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

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

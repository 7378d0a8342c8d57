import Foundation

/// The result of a finished child process.
public struct ProcessResult: Sendable {
    /// The exit status (or the signal number when killed).
    public var status: Int32
    /// Everything written to standard output.
    public var standardOutput: Data
    /// Everything written to standard error.
    public var standardError: Data

    /// Standard output as text.
    public var output: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error as text.
    public var error: String { String(decoding: standardError, as: UTF8.self) }

    /// Throws unless the process exited with 0.
    @discardableResult
    public func requireSuccess(_ what: String) throws -> ProcessResult {
        guard status == 0 else { throw ProcessFailure(description: "\(what) exited \(status): \(error)") }
        return self
    }
}

/// A child process that failed.
public struct ProcessFailure: Error, CustomStringConvertible {
    public var description: String
}

/// Runs child processes for tests, reading their output without deadlocking on full pipes.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` and waits for it.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: URL,
        environment: [String: String]? = nil, input: Data? = nil
    ) throws -> ProcessResult {
        let process = try start(executable, arguments, in: directory, environment: environment, input: input)
        return process.wait()
    }

    /// Starts a process; call `wait()` on the handle for its result.
    public static func start(
        _ executable: String, _ arguments: [String], in directory: URL,
        environment: [String: String]? = nil, input: Data? = nil
    ) throws -> RunningProcess {
        // A child that exits before reading all its input must fail the test, not kill the runner.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        let running = RunningProcess(process: process, output: output, error: error)
        if let input { try? stdin.fileHandleForWriting.write(contentsOf: input) }
        try stdin.fileHandleForWriting.close()
        return running
    }
}

/// A started child process whose output is drained in the background.
public final class RunningProcess: @unchecked Sendable {
    // @unchecked: the drained buffers are written by one background reader each and read after `wait`.
    public let process: Process
    private let group = DispatchGroup()
    private var output = Data()
    private var error = Data()

    init(process: Process, output: Pipe, error: Pipe) {
        self.process = process
        drain(output.fileHandleForReading) { self.output = $0 }
        drain(error.fileHandleForReading) { self.error = $0 }
    }

    private func drain(_ handle: FileHandle, into store: @escaping @Sendable (Data) -> Void) {
        group.enter()
        DispatchQueue.global().async { [group] in
            store(handle.readDataToEndOfFile())
            group.leave()
        }
    }

    /// Waits for the process and its output.
    public func wait() -> ProcessResult {
        process.waitUntilExit()
        group.wait()
        return ProcessResult(status: process.terminationStatus, standardOutput: output, standardError: error)
    }
}

import Foundation
import HindsightCore
import Logging
import MCP

/// MCP's stdio transport, one JSON-RPC message per line, read with blocking reads on a thread of
/// its own: no polling while idle (the SDK's transport polls every 10 ms), and a line longer than
/// `maximumMessageBytes` is dropped with a JSON-RPC error instead of growing without bound.
actor LineTransport: Transport {
    /// The longest message read; the longest tool argument (a diff) is well below it.
    static let maximumMessageBytes = 8 << 20

    nonisolated let logger = Logger(label: "hindsight.mcp.transport", factory: { _ in SwiftLogNoOpLogHandler() })
    private let input: Int32
    private let output: Int32
    private let messages: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var isConnected = false
    /// Requests read but not answered yet: at end of input the stream stays open until they are.
    private let unanswered = Locked(0)

    /// A transport over two file descriptors (standard input and output by default).
    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        self.output = output
        (messages, continuation) = AsyncThrowingStream.makeStream()
    }

    func connect() async throws {
        guard !isConnected else { return }
        isConnected = true
        let (input, continuation, unanswered) = (self.input, self.continuation, self.unanswered)
        let reader = Thread { [weak self] in
            Self.readLines(from: input, into: continuation, unanswered: unanswered) { oversized in
                Task { try? await self?.send(Self.tooLarge(oversized)) }
            }
        }
        reader.name = "hindsight-mcp-stdin"
        reader.start()
    }

    func disconnect() async {
        isConnected = false
        continuation.finish()
    }

    func send(_ data: Data) async throws {
        defer { unanswered.withLock { $0 = max(0, $0 - Self.responses(in: data)) } }
        var bytes = [UInt8](data)
        bytes.append(UInt8(ascii: "\n"))
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw MCPError.connectionClosed
            }
            offset += written
        }
    }

    func receive() -> AsyncThrowingStream<Data, any Error> { messages }

    /// Reads `input` until end of file, yielding each non-empty line; a line over the cap is skipped
    /// and its first bytes handed to `oversized`. At the end, waits (at most a minute) for the
    /// requests read to be answered before finishing the stream, so `printf … | hindsight mcp` gets
    /// every answer.
    private static func readLines(
        from input: Int32, into continuation: AsyncThrowingStream<Data, any Error>.Continuation,
        unanswered: Locked<Int>,
        oversized: ([UInt8]) -> Void
    ) {
        let yield = { (line: [UInt8]) in
            unanswered.withLock { $0 += requests(in: line) }
            continuation.yield(Data(line))
        }
        defer {
            for _ in 0..<6_000 where unanswered.withLock({ $0 > 0 }) { usleep(10_000) }
            continuation.finish()
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var line: [UInt8] = []
        var skipping = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            var start = 0
            while start < count {
                let end = buffer[start..<count].firstIndex(of: UInt8(ascii: "\n")) ?? count
                if !skipping { line += buffer[start..<end] }
                if !skipping, line.count > maximumMessageBytes {
                    oversized(Array(line.prefix(256)))
                    skipping = true
                    line = []
                }
                if end < count {
                    if !skipping, !line.isEmpty { yield(line) }
                    line = []
                    skipping = false
                }
                start = end + 1
            }
        }
        if !skipping, !line.isEmpty { yield(line) }
    }

    /// How many answers a message read will get: one per request (an object with an id and a method)
    /// and one for a line that is not JSON-RPC at all (the parse error).
    private static func requests(in line: [UInt8]) -> Int {
        guard let message = try? JSONSerialization.jsonObject(with: Data(line)) else { return 1 }
        let messages = (message as? [Any]) ?? [message]
        return messages.count { ($0 as? [String: Any]).map { $0["method"] != nil && $0["id"] != nil } ?? true }
    }

    /// How many answers a message sent carries: objects with an id and no method.
    private static func responses(in data: Data) -> Int {
        guard let message = try? JSONSerialization.jsonObject(with: data) else { return 0 }
        let messages = (message as? [Any]) ?? [message]
        return messages.count { ($0 as? [String: Any]).map { $0["method"] == nil && $0["id"] != nil } ?? false }
    }

    /// The error answering a message over the cap, with its id when the first bytes show it.
    private static func tooLarge(_ head: [UInt8]) -> Data {
        let text = String(decoding: head, as: UTF8.self)
        var id = "null"
        if let range = text.range(of: #""id"\s*:\s*("[^"]{0,64}"|-?[0-9]{1,18})"#, options: .regularExpression) {
            id = String(text[range].drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        let message =
            "message too large: the cap is \(maximumMessageBytes / (1 << 20)) MiB (check_diff takes diffs up to 1 MiB)"
        return Data(#"{"jsonrpc":"2.0","id":\#(id),"error":{"code":-32600,"message":"\#(message)"}}"#.utf8)
    }
}

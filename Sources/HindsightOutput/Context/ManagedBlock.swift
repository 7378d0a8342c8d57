import Foundation
import HindsightCore

/// A block of generated text between two marker lines inside a file people also edit.
///
/// Works on UTF-8 bytes, never on `Character`s (Swift reads "\r\n" as one). A marker is a whole line,
/// not indented, trailing spaces, tabs and "\r" ignored, outside fenced code; an unclosed fence is
/// taken for a typo and hides nothing.
public struct ManagedBlock: Sendable, Hashable {
    /// The line that opens the block, without its line ending.
    public let begin: String
    /// The line that closes the block, without its line ending.
    public let end: String

    /// A block between the lines `begin` and `end`.
    public init(begin: String, end: String) {
        self.begin = begin
        self.end = end
    }

    /// AGENTS.md's block.
    public static let agents = ManagedBlock(begin: "<!-- hindsight:begin -->", end: "<!-- hindsight:end -->")
    /// CLAUDE.md's import block (holds `@AGENTS.md`).
    public static let claudeImport = ManagedBlock(
        begin: "<!-- hindsight:import:begin -->", end: "<!-- hindsight:import:end -->")

    /// The file's text with `content` as the block: replaces an existing block, or appends one (after a blank line) when the file has none; creates the text when `existing` is nil.
    ///
    /// Appending adds one line ending before the block unless the text is empty or ends with an empty
    /// line: a file without a final newline gets that newline and no blank line, so `removing` can undo it.
    /// - Throws: when the file's markers are malformed, or `content` holds a marker line.
    public func splice(_ content: String, into existing: String?) throws(ManagedBlockError) -> String {
        let text = Array((existing ?? "").utf8)
        let lines = Self.lines(of: text)
        let eol = Self.lineEnding(of: text)
        var result: [UInt8]
        if let found = try locate(in: text, lines: lines) {
            let endLine = lines[found.end]
            result = Array(text[..<lines[found.begin].start])
            result += block(content, eol: eol, endsWithLineEnding: endLine.next > endLine.contentEnd)
            result += text[endLine.next...]
        } else {
            result = text
            if let last = lines.last, text.last != Self.lf || last.start < last.contentEnd { result += eol }
            result += block(content, eol: eol, endsWithLineEnding: true)
        }
        _ = try locate(in: result, lines: Self.lines(of: result))  // a marker inside `content` would break the next run
        return String(decoding: result, as: UTF8.self)
    }

    /// The current content of the block, or nil when the file has none. Throws on malformed markers.
    ///
    /// Lines end in "\n" whatever the file uses; an empty block gives "".
    public func content(of text: String) throws(ManagedBlockError) -> String? {
        let bytes = Array(text.utf8)
        let lines = Self.lines(of: bytes)
        guard let found = try locate(in: bytes, lines: lines) else { return nil }
        var result: [UInt8] = []
        for line in lines[(found.begin + 1)..<found.end] { result += bytes[line.start..<line.contentEnd] + [Self.lf] }
        return String(decoding: result, as: UTF8.self)
    }

    /// The text with the block (and its marker lines) removed, and the blank line `splice` added before it; nil when there is no block.
    ///
    /// When the block ends the text, the line ending before it goes too (the one `splice` added). That
    /// undoes an append exactly, except in a file that already ended with an empty line: `splice` added
    /// nothing there, yet one line ending still goes, as the two cases give the same bytes.
    public func removing(from text: String) throws(ManagedBlockError) -> String? {
        let bytes = Array(text.utf8)
        let lines = Self.lines(of: bytes)
        guard let found = try locate(in: bytes, lines: lines) else { return nil }
        var head = Array(bytes[..<lines[found.begin].start])
        let tail = bytes[lines[found.end].next...]
        let eol = Self.lineEnding(of: bytes)
        if tail.isEmpty, head.count >= eol.count, head.suffix(eol.count).elementsEqual(eol) {
            head.removeLast(eol.count)
        }
        return String(decoding: head + tail, as: UTF8.self)
    }

    // MARK: - Lines and markers

    private static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// One line of the text: `contentEnd` excludes "\n" or "\r\n"; `next` is where the following line starts.
    private struct Line { let start: Int, contentEnd: Int, next: Int }

    /// A fenced code block's opening run: "`" or "~", repeated `length` times.
    private struct Fence { let marker: UInt8, length: Int }

    private static func lines(of text: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for index in text.indices where text[index] == lf {
            let contentEnd = index > start && text[index - 1] == cr ? index - 1 : index
            result.append(Line(start: start, contentEnd: contentEnd, next: index + 1))
            start = index + 1
        }
        if start < text.count { result.append(Line(start: start, contentEnd: text.count, next: text.count)) }
        return result
    }

    /// The line ending of the text's first line break; "\n" when it has none.
    private static func lineEnding(of text: [UInt8]) -> [UInt8] {
        guard let index = text.firstIndex(of: lf) else { return [lf] }
        return index > 0 && text[index - 1] == cr ? [cr, lf] : [lf]
    }

    /// Indices of the begin and end marker lines, or nil when there are none; throws when they are malformed.
    private func locate(in text: [UInt8], lines: [Line]) throws(ManagedBlockError) -> (begin: Int, end: Int)? {
        let beginBytes = Array(begin.utf8)
        let endBytes = Array(end.utf8)
        var begins: [Int] = []
        var ends: [Int] = []
        var open: (fence: Fence, line: Int)?
        var index = 0
        while index < lines.count {
            let line = text[lines[index].start..<lines[index].contentEnd]
            var trimmed = line
            while let last = trimmed.last, last == 0x20 || last == 0x09 || last == Self.cr { trimmed.removeLast() }
            if let current = open {
                if Self.closes(line, current.fence) { open = nil }
            } else if trimmed.elementsEqual(beginBytes) {
                begins.append(index)
            } else if trimmed.elementsEqual(endBytes) {
                ends.append(index)
            } else if let fence = Self.opening(line) {
                open = (fence, index)
            }
            index += 1
            if index == lines.count, let unclosed = open { (open, index) = (nil, unclosed.line + 1) }
        }
        if begins.count > 1 { throw .duplicated(marker: begin, lines: begins.map { $0 + 1 }) }
        if ends.count > 1 { throw .duplicated(marker: end, lines: ends.map { $0 + 1 }) }
        switch (begins.first, ends.first) {
        case (nil, nil): return nil
        case (let first?, nil): throw .missingEnd(beginLine: first + 1)
        case (nil, let last?): throw .missingBegin(endLine: last + 1)
        case (let first?, let last?):
            guard first < last else { throw .outOfOrder(endLine: last + 1, beginLine: first + 1) }
            return (first, last)
        }
    }

    /// The begin line, `content`'s lines and the end line, each ending in `eol` (the end line only when asked).
    private func block(_ content: String, eol: [UInt8], endsWithLineEnding: Bool) -> [UInt8] {
        var body = Array(content.utf8)
        if body.last == Self.lf { body.removeLast() }
        var result = Array(begin.utf8) + eol
        if !body.isEmpty {
            for line in body.split(separator: Self.lf, omittingEmptySubsequences: false) {
                result += (line.last == Self.cr ? line.dropLast() : line) + eol
            }
        }
        result += Array(end.utf8)
        return endsWithLineEnding ? result + eol : result
    }

    /// The fence a line opens (CommonMark: up to three spaces, then three or more "`" or "~").
    private static func opening(_ line: ArraySlice<UInt8>) -> Fence? {
        let indent = line.prefix { $0 == 0x20 }.count
        guard indent <= 3, let marker = line.dropFirst(indent).first, marker == 0x60 || marker == 0x7E else {
            return nil
        }
        let run = line.dropFirst(indent).prefix { $0 == marker }.count
        let info = line.dropFirst(indent + run)
        guard run >= 3, marker == 0x7E || !info.contains(0x60) else { return nil }
        return Fence(marker: marker, length: run)
    }

    /// Whether a line closes `fence`: the same character at least as many times, then only whitespace.
    private static func closes(_ line: ArraySlice<UInt8>, _ fence: Fence) -> Bool {
        let indent = line.prefix { $0 == 0x20 }.count
        let run = line.dropFirst(indent).prefix { $0 == fence.marker }.count
        return indent <= 3 && run >= fence.length
            && line.dropFirst(indent + run).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == cr }
    }
}

/// Why a file's markers cannot be trusted; nothing is written then.
public enum ManagedBlockError: Error, Equatable, CustomStringConvertible {
    /// A begin marker with no end marker after it.
    case missingEnd(beginLine: Int)
    /// An end marker with no begin marker before it.
    case missingBegin(endLine: Int)
    /// The same marker on more than one line.
    case duplicated(marker: String, lines: [Int])
    /// The end marker above the begin marker.
    case outOfOrder(endLine: Int, beginLine: Int)

    /// One line: the problem, its 1-based line number(s), then the fix.
    public var description: String {
        switch self {
        case .missingEnd(let line):
            "line \(line) has a hindsight begin marker but no end marker follows: add the end marker on its own line, or delete the begin marker to let hindsight add a fresh block"
        case .missingBegin(let line):
            "line \(line) has a hindsight end marker but no begin marker precedes it: add the begin marker on its own line above the block, or delete the end marker to let hindsight add a fresh block"
        case .duplicated(let marker, let lines):
            "\(marker) appears on lines \(lines.map(String.init).joined(separator: ", ")): keep one begin and one end marker around the generated block and delete the others"
        case .outOfOrder(let endLine, let beginLine):
            "the hindsight end marker on line \(endLine) comes before the begin marker on line \(beginLine): swap them so the block sits between begin and end, or delete both to let hindsight add a fresh block"
        }
    }
}

extension ManagedBlockError: UserFacingError {
    /// A malformed marker is the user's to fix, like a bad configuration file.
    public var exitStatus: ExitStatus { .usage }
}

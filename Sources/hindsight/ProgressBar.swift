import Foundation
import HindsightCore
import HindsightIndex

/// A one-line progress bar on standard error: commits done of total, rate and time left.
final class ProgressBar: MineProgress {
    private struct State {
        var total = 0
        var done = 0
        var started = Date()
        var lastDrawn = Date.distantPast
    }

    private let state = Locked(State())

    func started(total: Int) {
        state.withLock { $0 = State(total: total, started: Date()) }
    }

    func advanced(by count: Int) {
        let line: String? = state.withLock { state in
            state.done += count
            let now = Date()
            guard now.timeIntervalSince(state.lastDrawn) >= 0.1 || state.done == state.total else { return nil }
            state.lastDrawn = now
            return Self.line(done: state.done, total: state.total, elapsed: now.timeIntervalSince(state.started))
        }
        if let line { Terminal.writeError("\r" + line) }
    }

    func finished() {
        let drew = state.withLock { $0.lastDrawn != .distantPast }
        if drew { Terminal.writeError("\r\u{1B}[2K") }
    }

    static func line(done: Int, total: Int, elapsed: TimeInterval, width: Int = 24) -> String {
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        return "mining \(bar) \(done)/\(total) commits · \(Int(rate))/s · ETA \(duration(remaining))"
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600
            ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
            : String(format: "%d:%02d", whole / 60, whole % 60)
    }
}

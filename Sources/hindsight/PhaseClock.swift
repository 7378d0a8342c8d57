import Foundation

/// Prints how long each phase of a command took to standard error (the hidden `--timings` flag).
struct PhaseClock {
    let isEnabled: Bool
    private var last = Date()

    init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// Prints the time since the previous lap under `name`.
    mutating func lap(_ name: String) {
        guard isEnabled else { return }
        let now = Date()
        Terminal.writeError(String(format: "%@: %.3fs\n", name, now.timeIntervalSince(last)))
        last = now
    }
}

import Foundation

/// Lewis et al. (2013): a fix made at normalised time t ∈ [0, 1] weighs 1/(1+e^(−12t+12)), so
/// recent fixes count almost fully and old ones almost nothing.
public struct BugScoreClock: Hashable, Sendable {
    /// Author time of the oldest fix commit in the window (t = 0).
    public var oldestFix: Int64
    /// The report's "now" (t = 1).
    public var now: Int64

    /// The clock for `input`: t runs from its oldest fix commit to `settings.now`; nil without fixes.
    public init?(input: AnalysisInput) {
        var oldest: Int64?
        for (index, time) in input.times.enumerated() where input.isFix[index] && input.isInWindow[index] {
            oldest = min(oldest ?? time, time)
        }
        guard let oldest else { return nil }
        self.oldestFix = oldest
        self.now = input.settings.now
    }

    /// The weight of a fix made at `time`.
    public func weight(of time: Int64) -> Double {
        let span = Double(now - oldestFix)
        let t = span > 0 ? min(1, max(0, Double(time - oldestFix) / span)) : 1
        return 1 / (1 + exp(-12 * t + 12))
    }
}

/// Fix commits among `commits` and their bug score.
public func bugScore(of commits: [Int], in input: AnalysisInput, clock: BugScoreClock?) -> (fixes: [Int], score: Double)
{
    guard let clock else { return ([], 0) }
    let fixes = commits.filter { input.isFix[$0] }
    return (fixes, fixes.reduce(0) { $0 + clock.weight(of: input.times[$1]) })
}

import Foundation

/// Whether a figure moved between two stretches of history, by a two-sided z-test at a strict level.
///
/// Rates (fixes per commit, reverts per commit) use the pooled two-proportion z-test; counts (commits)
/// compare events per day, conditioning on the total so the recent share follows a binomial. Both rest
/// on the normal approximation, trusted only when every cell expects at least five events and five
/// non-events; with fewer the answer is "no clear change", never a trend. The level is 1%, not 5%,
/// because several figures are tested at once and a false "better" costs more than a late one.
public enum TrendTest {
    /// The two-sided level below which a difference counts.
    public static let significance = 0.01
    /// The expected events (and non-events) every cell needs before the approximation is trusted.
    public static let minimumExpected = 5.0

    /// The outcome of one comparison.
    public enum Outcome: Hashable, Sendable {
        /// The two-sided p-value and whether the recent side is higher.
        case tested(pValue: Double, recentIsHigher: Bool)
        /// Too few events for the test, with the smallest expected cell.
        case tooFew(expected: Double)
    }

    /// `recent` events in `recentTrials` against `before` events in `beforeTrials`.
    public static func proportions(recent: Int, of recentTrials: Int, before: Int, of beforeTrials: Int) -> Outcome {
        let total = Double(recentTrials + beforeTrials)
        guard recentTrials > 0, beforeTrials > 0 else { return .tooFew(expected: 0) }
        let pooled = Double(recent + before) / total
        let expected = [recentTrials, beforeTrials].flatMap { [Double($0) * pooled, Double($0) * (1 - pooled)] }
        let smallest = expected.min() ?? 0
        guard smallest >= minimumExpected else { return .tooFew(expected: smallest) }
        let recentShare = Double(recent) / Double(recentTrials)
        let beforeShare = Double(before) / Double(beforeTrials)
        let error = (pooled * (1 - pooled) * (1 / Double(recentTrials) + 1 / Double(beforeTrials))).squareRoot()
        return .tested(
            pValue: twoSided(z: (recentShare - beforeShare) / error), recentIsHigher: recentShare > beforeShare)
    }

    /// `recent` events over `recentDays` against `before` events over `beforeDays`: given the total,
    /// the recent count is binomial with the recent share of the days.
    public static func rates(recent: Int, days recentDays: Double, before: Int, days beforeDays: Double) -> Outcome {
        let total = Double(recent + before)
        guard recentDays > 0, beforeDays > 0 else { return .tooFew(expected: 0) }
        let share = recentDays / (recentDays + beforeDays)
        let smallest = min(total * share, total * (1 - share))
        guard smallest >= minimumExpected else { return .tooFew(expected: smallest) }
        let z = (Double(recent) - total * share) / (total * share * (1 - share)).squareRoot()
        return .tested(
            pValue: twoSided(z: z), recentIsHigher: Double(recent) / recentDays > Double(before) / beforeDays)
    }

    /// P(|Z| ≥ |z|) for a standard normal Z.
    static func twoSided(z: Double) -> Double { erfc(abs(z) / 2.0.squareRoot()) }
}

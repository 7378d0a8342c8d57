import Foundation

/// The `risky-change` guard's model, learned from one repository's own history: a logistic
/// regression over standardised, log-scaled change features (a just-in-time defect model in the
/// tradition of Kamei et al., TSE 2013), with the threshold that flags the alarm budget of past
/// commits. `guards mine` learns it and keeps it in `.hindsight/guards.yml`.
public struct RiskModel: Hashable, Sendable {
    /// One feature's scaling and weight.
    public struct Feature: Hashable, Sendable {
        /// Its name (`ChangeFeatures.names`).
        public var name: String
        /// Its mean over the training commits (after log scaling).
        public var mean: Double
        /// Its standard deviation there (1 when it did not vary).
        public var deviation: Double
        /// Its weight on the standardised value.
        public var weight: Double

        /// A feature from its parts.
        public init(name: String, mean: Double, deviation: Double, weight: Double) {
            self.name = name
            self.mean = mean
            self.deviation = deviation
            self.weight = weight
        }
    }

    /// The features, in `ChangeFeatures.names` order.
    public var features: [Feature]
    /// The log-odds of a change at the mean of every feature.
    public var intercept: Double
    /// A change is flagged when its probability of needing a fix is above this.
    public var threshold: Double
    /// The last commit of the history it learned from.
    public var trainedAt: CommitID
    /// Commits it learned from.
    public var commits: Int
    /// Those that later needed a fix.
    public var fixInducing: Int
    /// The share of the commits it would have flagged that needed a fix.
    public var flaggedFixRate: Double
    /// The most of its training commits the threshold lets it flag.
    public var alarmBudget: Double
    /// Training commits that needed a fix and that it flags, highest first: the past changes a
    /// finding names as most like the one checked.
    public var examples: [RiskExample]

    /// A model from its parts.
    public init(
        features: [Feature], intercept: Double, threshold: Double, trainedAt: CommitID, commits: Int,
        fixInducing: Int, flaggedFixRate: Double, alarmBudget: Double, examples: [RiskExample] = []
    ) {
        self.features = features
        self.intercept = intercept
        self.threshold = threshold
        self.trainedAt = trainedAt
        self.commits = commits
        self.fixInducing = fixInducing
        self.flaggedFixRate = flaggedFixRate
        self.alarmBudget = alarmBudget
        self.examples = examples
    }

    /// The share of its training commits that needed a fix.
    public var baseRate: Double { commits > 0 ? Double(fixInducing) / Double(commits) : 0 }

    /// `features` standardised with the training mean and deviation.
    public func standardized(_ features: ChangeFeatures) -> [Double] {
        zip(features.values, self.features).map { value, feature in (value - feature.mean) / feature.deviation }
    }

    /// The probability that a change with these features needs a later fix.
    public func probability(_ features: ChangeFeatures) -> Double {
        let z = standardized(features)
        return logistic(intercept + zip(z, self.features).reduce(0) { $0 + $1.0 * $1.1.weight })
    }

    /// Each feature's push on the log-odds (weight × standardised value), by name, largest first.
    public func contributions(_ features: ChangeFeatures) -> [(name: String, push: Double)] {
        zip(standardized(features), self.features).map { ($1.name, $0 * $1.weight) }.sorted { $0.push > $1.push }
    }

    /// The examples nearest to `features` in the standardised space, nearest first.
    public func nearestExamples(to features: ChangeFeatures, count: Int) -> [RiskExample] {
        let z = standardized(features)
        func distance(_ example: RiskExample) -> Double {
            zip(z, example.standardized).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
        return examples.sorted { (distance($0), $0.commit.id.hex) < (distance($1), $1.commit.id.hex) }
            .prefix(count).map { $0 }
    }
}

/// A past change that needed a fix, as the model saw it.
public struct RiskExample: Hashable, Sendable {
    /// The commit.
    public var commit: CommitRef
    /// Its standardised features, in `ChangeFeatures.names` order.
    public var standardized: [Double]

    /// An example from its parts.
    public init(commit: CommitRef, standardized: [Double]) {
        self.commit = commit
        self.standardized = standardized
    }
}

/// One commit the model learns from.
public struct RiskSample: Sendable {
    /// The commit.
    public var commit: CommitRef
    /// What it looked like before it landed.
    public var features: ChangeFeatures
    /// Whether it later needed a fix.
    public var fixInducing: Bool

    /// A sample from its parts.
    public init(commit: CommitRef, features: ChangeFeatures, fixInducing: Bool) {
        self.commit = commit
        self.features = features
        self.fixInducing = fixInducing
    }
}

extension RiskModel {
    /// The model of `samples`, fitted by Newton's method with a small ridge penalty (`ridge`, on the
    /// weights, not the intercept), and its threshold set so it flags at most `alarmBudget` of the
    /// latest third of the samples (oldest first; at least 500 of them); nil when they do not hold
    /// both outcomes.
    public static func fit(
        _ samples: [RiskSample], alarmBudget: Double, trainedAt: CommitID, ridge: Double = 1
    ) -> RiskModel? {
        let positives = samples.count { $0.fixInducing }
        guard positives > 0, positives < samples.count else { return nil }
        let raw = samples.map(\.features.values)
        let width = ChangeFeatures.names.count
        let means = (0..<width).map { column in raw.reduce(0) { $0 + $1[column] } / Double(raw.count) }
        let deviations = (0..<width).map { column -> Double in
            let variance = raw.reduce(0) { $0 + pow($1[column] - means[column], 2) } / Double(raw.count)
            return variance > 1e-12 ? variance.squareRoot() : 1
        }
        let rows = raw.map { row in [1] + (0..<width).map { (row[$0] - means[$0]) / deviations[$0] } }
        let outcomes = samples.map { $0.fixInducing ? 1.0 : 0.0 }
        let coefficients = newtonLogistic(rows: rows, outcomes: outcomes, ridge: ridge)
        var model = RiskModel(
            features: (0..<width).map {
                Feature(
                    name: ChangeFeatures.names[$0], mean: means[$0], deviation: deviations[$0],
                    weight: coefficients[$0 + 1])
            }, intercept: coefficients[0], threshold: 1, trainedAt: trainedAt, commits: samples.count,
            fixInducing: positives, flaggedFixRate: 0, alarmBudget: alarmBudget)
        let scored = samples.map { (sample: $0, probability: model.probability($0.features)) }
            .sorted { $0.probability > $1.probability }
        // The threshold keeps to the budget on the latest third of the samples: the changes most like
        // the ones it will judge next.
        let recent = samples.suffix(max(min(samples.count, 500), samples.count / 3))
            .map { model.probability($0.features) }.sorted(by: >)
        let allowed = Int((alarmBudget * Double(recent.count)).rounded(.down))
        model.threshold = allowed < recent.count ? recent[allowed] : 0
        let flagged = scored.filter { $0.probability > model.threshold }
        model.flaggedFixRate =
            flagged.isEmpty ? 0 : Double(flagged.count { $0.sample.fixInducing }) / Double(flagged.count)
        model.examples = flagged.filter(\.sample.fixInducing).prefix(20).map {
            RiskExample(commit: $0.sample.commit, standardized: model.standardized($0.sample.features))
        }
        return model
    }
}

private func logistic(_ value: Double) -> Double { 1 / (1 + exp(-value)) }

/// Maximum-likelihood logistic coefficients (intercept first) with an L2 penalty on all but the
/// intercept, by Newton's method: a few dozen iterations at most for a dozen features.
private func newtonLogistic(rows: [[Double]], outcomes: [Double], ridge: Double) -> [Double] {
    let width = rows.first?.count ?? 0
    var beta = [Double](repeating: 0, count: width)
    for _ in 0..<50 {
        var gradient = [Double](repeating: 0, count: width)
        var hessian = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
        for (row, outcome) in zip(rows, outcomes) {
            let predicted = logistic(zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 })
            let weight = max(predicted * (1 - predicted), 1e-9)
            for i in 0..<width {
                gradient[i] += (outcome - predicted) * row[i]
                for j in i..<width { hessian[i][j] += weight * row[i] * row[j] }
            }
        }
        for i in 0..<width {
            for j in 0..<i { hessian[i][j] = hessian[j][i] }
            if i > 0 {
                gradient[i] -= ridge * beta[i]
                hessian[i][i] += ridge
            }
        }
        guard let step = solve(hessian, gradient) else { break }
        for i in 0..<width { beta[i] += step[i] }
        if step.reduce(0, { max($0, abs($1)) }) < 1e-8 { break }
    }
    return beta
}

/// `matrix · x = vector` by Gaussian elimination with partial pivoting; nil when singular.
private func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
    var a = matrix
    var b = vector
    let n = b.count
    for column in 0..<n {
        guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
            abs(a[pivot][column]) > 1e-12
        else { return nil }
        a.swapAt(column, pivot)
        b.swapAt(column, pivot)
        for row in (column + 1)..<n {
            let factor = a[row][column] / a[column][column]
            guard factor != 0 else { continue }
            for k in column..<n { a[row][k] -= factor * a[column][k] }
            b[row] -= factor * b[column]
        }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
        let known = ((row + 1)..<n).reduce(0) { $0 + a[row][$1] * x[$1] }
        x[row] = (b[row] - known) / a[row][row]
    }
    return x
}

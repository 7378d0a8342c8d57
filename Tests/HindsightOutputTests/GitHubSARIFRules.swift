import Foundation

/// GitHub code scanning's documented requirements for an uploaded SARIF log, as problems found
/// (empty: GitHub shows every result). From docs.github.com's "SARIF support for code scanning":
/// required properties, non-empty strings, limits, and the locations it needs to place an alert.
enum GitHubSARIFRules {
    static let levels: Set<String> = ["note", "warning", "error"]
    static let problemSeverities: Set<String> = ["error", "warning", "recommendation"]
    static func isSemanticVersion(_ text: String) -> Bool {
        text.wholeMatch(of: #/\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?/#) != nil
    }

    static func problems(in log: [String: Any], expectingLinks: Bool) -> [String] {
        var problems: [String] = []
        if (log["$schema"] as? String)?.hasPrefix("https://") != true { problems.append("no $schema URI") }
        if log["version"] as? String != "2.1.0" { problems.append("version is not 2.1.0") }
        guard let runs = log["runs"] as? [[String: Any]], !runs.isEmpty else { return problems + ["no runs"] }
        if runs.count > 20 { problems.append("more than 20 runs") }
        for run in runs { problems += runProblems(run, expectingLinks: expectingLinks) }
        return problems
    }

    private static func runProblems(_ run: [String: Any], expectingLinks: Bool) -> [String] {
        guard let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any] else {
            return ["no tool.driver"]
        }
        var problems: [String] = []
        if nonEmpty(driver["name"]) == nil { problems.append("no tool.driver.name") }
        if nonEmpty(driver["version"]) == nil { problems.append("no tool.driver.version") }
        if let version = driver["semanticVersion"] as? String {
            if !isSemanticVersion(version) { problems.append("semanticVersion \(version) is not SemVer") }
        } else {
            problems.append("no tool.driver.semanticVersion")
        }
        if expectingLinks, !isAbsolute(driver["informationUri"]) { problems.append("no tool.driver.informationUri") }
        let rules = driver["rules"] as? [[String: Any]] ?? []
        let ids = rules.compactMap { $0["id"] as? String }
        if Set(ids).count != rules.count { problems.append("rule ids missing or repeated") }
        if rules.count > 25_000 { problems.append("more than 25,000 rules") }
        for rule in rules { problems += ruleProblems(rule, expectingLinks: expectingLinks) }
        guard let results = run["results"] as? [[String: Any]] else { return problems + ["no results array"] }
        if results.count > 25_000 { problems.append("more than 25,000 results") }
        let referenced = Set(results.compactMap { $0["ruleId"] as? String })
        for id in ids where !referenced.contains(id) {
            problems.append("rule \(id) is listed but no result references it")
        }
        for (index, result) in results.enumerated() {
            problems += resultProblems(result, rules: ids).map { "result \(index): \($0)" }
        }
        return problems
    }

    private static func ruleProblems(_ rule: [String: Any], expectingLinks: Bool) -> [String] {
        let id = rule["id"] as? String ?? "?"
        var problems: [String] = []
        for key in ["shortDescription", "fullDescription"] {
            guard let text = nonEmpty((rule[key] as? [String: Any])?["text"]) else {
                problems.append("rule \(id): no \(key).text")
                continue
            }
            if text.count > 1024 { problems.append("rule \(id): \(key).text longer than 1,024 characters") }
        }
        let help = rule["help"] as? [String: Any]
        if nonEmpty(help?["text"]) == nil { problems.append("rule \(id): no help.text") }
        if nonEmpty(help?["markdown"]) == nil { problems.append("rule \(id): no help.markdown") }
        if let name = rule["name"] as? String, name.count > 255 { problems.append("rule \(id): name over 255") }
        if let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String, !levels.contains(level) {
            problems.append("rule \(id): level \(level)")
        }
        let properties = rule["properties"] as? [String: Any] ?? [:]
        if (properties["tags"] as? [String] ?? []).count > 20 { problems.append("rule \(id): more than 20 tags") }
        if let severity = properties["problem.severity"] as? String, !problemSeverities.contains(severity) {
            problems.append("rule \(id): problem.severity \(severity)")
        }
        if expectingLinks, !isAbsolute(rule["helpUri"]) { problems.append("rule \(id): no absolute helpUri") }
        if !expectingLinks, rule["helpUri"] != nil { problems.append("rule \(id): a helpUri nobody configured") }
        return problems
    }

    private static func resultProblems(_ result: [String: Any], rules: [String]) -> [String] {
        var problems: [String] = []
        if nonEmpty((result["message"] as? [String: Any])?["text"]) == nil { problems.append("no message.text") }
        let id = result["ruleId"] as? String ?? ""
        if let index = result["ruleIndex"] as? Int {
            if !rules.indices.contains(index) {
                problems.append("ruleIndex \(index) out of range")
            } else if rules[index] != id {
                problems.append("ruleIndex \(index) names \(rules[index]), not \(id)")
            }
        } else if !rules.contains(id) {
            problems.append("rule \(id) is not among the rules")
        }
        if let level = result["level"] as? String, !levels.contains(level) { problems.append("level \(level)") }
        let locations = result["locations"] as? [[String: Any]] ?? []
        if locations.isEmpty || locations.count > 10 { problems.append("\(locations.count) locations, not 1 to 10") }
        for location in locations {
            let physical = location["physicalLocation"] as? [String: Any]
            let uri = (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
            if uri.isEmpty || URL(string: uri)?.scheme != nil {
                problems.append("a location whose uri is not relative")
            }
            guard let line = (physical?["region"] as? [String: Any])?["startLine"] as? Int, line >= 1 else {
                problems.append("a location without region.startLine")
                continue
            }
        }
        if (result["partialFingerprints"] as? [String: String])?.isEmpty != false {
            problems.append("no partialFingerprints")
        }
        return problems
    }

    private static func nonEmpty(_ value: Any?) -> String? {
        (value as? String).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    private static func isAbsolute(_ value: Any?) -> Bool {
        guard let text = value as? String, let url = URL(string: text) else { return false }
        return url.scheme == "https" || url.scheme == "http"
    }
}
